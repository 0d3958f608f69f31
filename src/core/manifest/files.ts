// Which files bump reads, by name: apart from the locators (which need the YAML library), so that
// a command can name them before it loads the planner.

/** kustomize reads these names only; `Kustomization` (no extension) is its legacy spelling. */
export function isKustomizationPath(path: string): boolean {
  return /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(path);
}
