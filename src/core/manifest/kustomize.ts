import { isMap, isSeq, type YAMLMap } from 'yaml';
import { bumpTagFields, recordPlace, type LocateContext } from './locate.js';
import { formatPath, pairOf, resolveNode, stringValue, valueOf } from './nodes.js';
import { referenceOfTarget } from './target.js';

export { isKustomizationPath } from './files.js';

/**
 * `images:` entries that deploy the target get `newTag`, and `digest` as `kustomize edit set image`
 * writes them: setting one of tag and digest replaces both. kustomize matches an entry to the
 * workloads' images by `name` and deploys `newName:newTag`, so the image an entry deploys is its
 * `newName` when it has one and its `name` otherwise; an entry that renames the target to another
 * repository carries that repository's tag and is left alone (with a warning: the workloads it
 * renames deploy the other image whatever their tag).
 */
export function locateKustomizeImages(context: LocateContext, root: YAMLMap): void {
  const { document, target } = context;
  const images = valueOf(document, root, 'images');
  if (!isSeq(images)) return;
  images.items.forEach((item, index) => {
    const entry = resolveNode(document, item);
    if (!isMap(entry)) return;
    const name = stringValue(valueOf(document, entry, 'name'));
    const newName = stringValue(valueOf(document, entry, 'newName')) || undefined;
    const deployed = newName ?? name;
    if (deployed === undefined || !referenceOfTarget(deployed, target)) {
      if (newName !== undefined && name !== undefined && referenceOfTarget(name, target)) {
        context.warn(
          `${context.file}: ${formatPath(['images', index])}: renames ${name} to ${newName}, so its newTag is ${newName}'s; left alone`,
        );
      }
      return;
    }
    context.edits.references++;
    if (target.containers !== undefined) {
      recordPlace(
        context,
        ['images', index],
        'a kustomize images entry applies to every container, and containers were named',
        undefined,
      );
      context.warn(
        `${context.file}: ${formatPath(['images', index])}: a kustomize images entry applies to every container, left alone because a container was named`,
      );
      return;
    }
    recordPlace(context, ['images', index], undefined, undefined);
    bumpTagFields(context, entry, ['images', index], 'kustomize', {
      tagKey: 'newTag',
      addAfter: pairOf(entry, 'newName') ?? pairOf(entry, 'name'),
      staleDigest: 'remove',
    });
  });
}
