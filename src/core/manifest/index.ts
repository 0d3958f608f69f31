// The manifest engine: find every place a tree references an image and plan surgical edits.
export { planBump, applyPlan, bumpScreen } from './plan.js';
export { resolveTarget, type ResolvedTarget } from './target.js';
export { isKustomizationPath } from './kustomize.js';
export { isHelmValuesPath } from './helm.js';
export type { BumpPlan, BumpTarget, LocationKind, ManifestChange, ManifestFile } from './types.js';
