import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { lineAt } from '../yaml/edit.js';
import {
  bumpImageString,
  bumpTagFields,
  mayEdit,
  placeDecision,
  recordPlace,
  warnUnparseable,
  type LocateContext,
} from './locate.js';
import { formatPath, pairOf, resolveNode, stringMap, stringValue, valueOf, type PathSegment } from './nodes.js';
import { referenceOfTarget } from './target.js';
import type { LocationKind } from './types.js';

/** HelmRelease API groups: Flux v2, the Helm operator, and Flux v1's own. */
const HELM_RELEASE_GROUPS = ['helm.toolkit.fluxcd.io/', 'helm.fluxcd.io/', 'flux.weave.works/'];

/** `image`, and keys such as `initImage` or `sidecarImage` that charts use for further images. */
const IMAGE_KEY = /^(image|[A-Za-z0-9_]*Image)$/;

/** Flux v1 names the top-level values image `chart-image`, and `<component>.image` after its component. */
const TOP_LEVEL_CONTAINER = 'chart-image';

/** Helm values files: `values.yaml`, `values-prod.yaml`, `values.prod.yml`. */
export function isHelmValuesPath(path: string): boolean {
  return /(^|\/)values[^/]*\.ya?ml$/i.test(path);
}

export function locateHelmReleaseImages(context: LocateContext, root: YAMLMap): void {
  const { document } = context;
  const apiVersion = stringValue(valueOf(document, root, 'apiVersion')) ?? '';
  if (stringValue(valueOf(document, root, 'kind')) !== 'HelmRelease') return;
  if (!HELM_RELEASE_GROUPS.some((group) => apiVersion.startsWith(group))) return;
  const spec = valueOf(document, root, 'spec');
  const values = isMap(spec) ? valueOf(document, spec, 'values') : undefined;
  if (!isMap(values)) return;
  const metadata = valueOf(document, root, 'metadata');
  const annotations = isMap(metadata) ? stringMap(document, valueOf(document, metadata, 'annotations')) : {};
  walkValues(context, values, ['spec', 'values'], 2, 'helm-release', annotations);
}

export function locateValuesFileImages(context: LocateContext, root: YAMLMap): void {
  walkValues(context, root, [], 0, 'helm-values', {});
}

/**
 * Visits every map of the values by every route, an anchored subtree reached again through an alias
 * included: its images belong to the chart component (container) of each route, and each route is
 * a place of its own for --container and tag policies. A subtree that contains itself is not re-entered.
 */
function walkValues(
  context: LocateContext,
  root: Node,
  rootPath: readonly PathSegment[],
  valuesDepth: number,
  kind: LocationKind,
  annotations: Record<string, string>,
): void {
  const route = new Set<Node>();
  const visit = (node: Node | undefined, path: readonly PathSegment[]): void => {
    if (!node || route.has(node) || (!isSeq(node) && !isMap(node))) return;
    route.add(node);
    if (isSeq(node)) {
      node.items.forEach((item, index) => visit(resolveNode(context.document, item), [...path, index]));
    } else {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
        const key = pair.key.value;
        const value = resolveNode(context.document, pair.value);
        const childPath = [...path, key];
        const container = containerName(path.slice(valuesDepth));
        if (
          IMAGE_KEY.test(key) &&
          bumpValuesImage(context, node, value, childPath, kind, { name: container, annotations })
        )
          continue;
        visit(value, childPath);
      }
    }
    route.delete(node);
  };
  visit(root, rootPath);
}

function containerName(pathInValues: readonly PathSegment[]): string {
  const last = pathInValues.findLast((segment): segment is string => typeof segment === 'string');
  return last ?? TOP_LEVEL_CONTAINER;
}

/** An image value in one of the chart styles. Returns true when it referenced the target. */
function bumpValuesImage(
  context: LocateContext,
  parent: YAMLMap,
  value: Node | undefined,
  path: readonly PathSegment[],
  kind: LocationKind,
  scope: { name: string; annotations: Record<string, string> },
): boolean {
  const { document, target } = context;
  const text = stringValue(value);
  if (text !== undefined) {
    const reference = referenceOfTarget(text, target);
    if (!reference) {
      if (isScalar(value)) warnUnparseable(context, value, path);
      return false;
    }
    const tagPair = pairOf(parent, 'tag');
    // `image: repo` with the tag in a sibling `tag:` key (Flux v1 Helm operator style).
    if (
      reference.tag === undefined &&
      reference.digest === undefined &&
      tagPair &&
      isScalar(resolveNode(document, tagPair.value))
    ) {
      context.edits.claim(resolveNode(document, tagPair.value));
      // The edit lands in the map holding both keys (its tag and digest), which may hold other
      // images' keys too: the place is that map itself and those two keys, not all that lies below.
      const refusal = placeDecision(context, scope, path);
      const holder = path.slice(0, -1);
      recordPlace(context, holder, refusal, scope.name, true);
      recordPlace(context, [...holder, 'tag'], refusal, scope.name);
      recordPlace(context, [...holder, 'digest'], refusal, scope.name);
      if (refusal === undefined) {
        bumpTagFields(context, parent, holder, kind, {
          tagKey: 'tag',
          addAfter: tagPair,
          staleDigest: 'empty',
        });
      }
      return true;
    }
    return bumpImageString(context, value, path, kind, scope);
  }
  if (!isMap(value)) return false;
  const repository = stringValue(valueOf(document, value, 'repository'));
  if (repository === undefined) return false;
  const registry = stringValue(valueOf(document, value, 'registry'));
  const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
  const reference = referenceOfTarget(name, target);
  if (!reference) {
    const repositoryNode = valueOf(document, value, 'repository');
    if (isScalar(repositoryNode) && !registry) warnUnparseable(context, repositoryNode, [...path, 'repository']);
    return false;
  }
  if (reference.tag !== undefined || reference.digest !== undefined) {
    const line = lineAt(context.source, valueOf(document, value, 'repository')?.range?.[0] ?? 0);
    context.warn(
      `${context.file}:${line}: ${formatPath([...path, 'repository'])}: ${name} carries its tag or digest in repository, where a chart adds the tag key's; left alone`,
    );
    return false;
  }
  context.edits.claim(valueOf(document, value, 'tag'));
  context.edits.claim(valueOf(document, value, 'digest'));
  if (mayEdit(context, scope, path)) {
    bumpTagFields(context, value, path, kind, {
      tagKey: 'tag',
      addAfter: pairOf(value, 'repository'),
      staleDigest: 'empty',
    });
  }
  return true;
}
