import { isMap, isSeq, type YAMLMap } from 'yaml';
import { bumpTagFields, type LocateContext } from './locate.js';
import { formatPath, pairOf, resolveNode, stringValue, valueOf } from './nodes.js';
import { referenceOfTarget } from './target.js';

/** kustomize reads these names only; `Kustomization` (no extension) is its legacy spelling. */
export function isKustomizationPath(path: string): boolean {
  return /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(path);
}

/**
 * `images:` entries naming the target (by `name` or `newName`) get `newTag`, and `digest` as
 * `kustomize edit set image` writes them: setting one of tag and digest replaces both.
 */
export function locateKustomizeImages(context: LocateContext, root: YAMLMap): void {
  const { document, target } = context;
  const images = valueOf(document, root, 'images');
  if (!isSeq(images)) return;
  images.items.forEach((item, index) => {
    const entry = resolveNode(document, item);
    if (!isMap(entry)) return;
    const names = [stringValue(valueOf(document, entry, 'name')), stringValue(valueOf(document, entry, 'newName'))];
    if (!names.some((name) => name !== undefined && referenceOfTarget(name, target))) return;
    context.edits.references++;
    if (target.container !== undefined) {
      context.warn(
        `${context.file}: ${formatPath(['images', index])}: a kustomize images entry applies to every container, left alone because a container was named`,
      );
      return;
    }
    bumpTagFields(context, entry, ['images', index], 'kustomize', {
      tagKey: 'newTag',
      addAfter: pairOf(entry, 'newName') ?? pairOf(entry, 'name'),
      staleDigest: 'remove',
    });
  });
}
