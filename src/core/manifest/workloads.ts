import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { bumpImageString, type LocateContext } from './locate.js';
import { pairOf, resolveNode, stringMap, stringValue, valueOf, type PathSegment } from './nodes.js';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** Kinds whose fields are opaque data, never a pod spec, whatever they look like. */
const DATA_KINDS = new Set(['ConfigMap', 'Secret']);

/** Maps visited per document before the walk gives up (a crafted file of aliases must not hang). */
const MAX_VISITS = 100_000;

/**
 * Container images of every pod spec a Kubernetes object holds, found by shape rather than by a
 * list of kinds, as kustomize's image transformer edits `containers` wherever they sit: a Pod's
 * `spec`, a Deployment's `spec.template.spec`, an Argo Rollout, a Knative Service, a KEDA
 * ScaledJob's `spec.jobTargetRef.template.spec`, an OpenShift DeploymentConfig, any custom kind.
 * A pod spec is a map whose `containers` is a list of maps that each have a string `name` or `image`; the
 * `data` of a ConfigMap or Secret is never one, and a HelmRelease's `spec.values` belong to the
 * Helm locator. Flux tag-policy annotations are read from the nearest enclosing object's metadata
 * (an item of a `kind: List` has its own).
 */
export function locateWorkloadImages(context: LocateContext, root: YAMLMap): void {
  const { document } = context;
  if (stringValue(valueOf(document, root, 'kind')) === undefined) return;
  const route = new Set<Node>();
  let visits = 0;
  const visit = (node: Node | undefined, path: readonly PathSegment[], annotations: Record<string, string>): void => {
    if (!node || route.has(node) || ++visits > MAX_VISITS) return;
    if (isSeq(node)) {
      route.add(node);
      node.items.forEach((item, index) => visit(resolveNode(document, item), [...path, index], annotations));
      route.delete(node);
      return;
    }
    if (!isMap(node)) return;
    const kind = stringValue(valueOf(document, node, 'kind'));
    if (kind !== undefined && DATA_KINDS.has(kind)) return;
    const own = objectAnnotations(context, node, kind);
    const scope = own ?? annotations;
    if (isPodSpec(context, node)) {
      bumpPodSpec(context, node, path, scope);
      return;
    }
    route.add(node);
    for (const [key, value] of entriesOf(context, node)) {
      if (kind === 'HelmRelease' && key === 'spec') {
        visitHelmReleaseSpec(value, [...path, key], scope);
        continue;
      }
      visit(value, [...path, key], scope);
    }
    route.delete(node);
  };
  const visitHelmReleaseSpec = (spec: Node | undefined, path: PathSegment[], annotations: Record<string, string>) => {
    if (!isMap(spec)) return;
    for (const [key, value] of entriesOf(context, spec)) {
      if (key !== 'values') visit(value, [...path, key], annotations);
    }
  };
  visit(root, [], {});
}

/** A map's entries as a reader sees them (aliases resolved, merge keys followed), string keys only. */
function entriesOf(context: LocateContext, map: YAMLMap): Map<string, Node | undefined> {
  const entries = new Map<string, Node | undefined>();
  let merged = false;
  for (const pair of map.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    if (pair.key.value === '<<') merged = true;
    else entries.set(pair.key.value, resolveNode(context.document, pair.value));
  }
  if (!merged) return entries;
  const sources = resolveNode(context.document, pairOf(map, '<<')?.value);
  for (const source of isSeq(sources) ? sources.items : [sources]) {
    const resolved = resolveNode(context.document, source);
    if (!isMap(resolved)) continue;
    for (const pair of resolved.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key === 'string' && !entries.has(key)) entries.set(key, valueOf(context.document, map, key));
    }
  }
  return entries;
}

/** The annotations of a map that is a Kubernetes object (it has a kind and metadata), else undefined. */
function objectAnnotations(
  context: LocateContext,
  map: YAMLMap,
  kind: string | undefined,
): Record<string, string> | undefined {
  if (kind === undefined) return undefined;
  const metadata = valueOf(context.document, map, 'metadata');
  return isMap(metadata) ? stringMap(context.document, valueOf(context.document, metadata, 'annotations')) : {};
}

function isPodSpec(context: LocateContext, map: YAMLMap): boolean {
  const containers = valueOf(context.document, map, 'containers');
  if (!isSeq(containers) || containers.items.length === 0) return false;
  return containers.items.every((item) => {
    const container = resolveNode(context.document, item);
    if (!isMap(container)) return false;
    return ['name', 'image'].some((key) => stringValue(valueOf(context.document, container, key)) !== undefined);
  });
}

function bumpPodSpec(
  context: LocateContext,
  podSpec: YAMLMap,
  path: readonly PathSegment[],
  annotations: Record<string, string>,
): void {
  const { document } = context;
  for (const list of CONTAINER_LISTS) {
    const containers = valueOf(document, podSpec, list);
    if (!isSeq(containers)) continue;
    containers.items.forEach((item, index) => {
      const container = resolveNode(document, item);
      if (!isMap(container)) return;
      const name = stringValue(valueOf(document, container, 'name'));
      const imagePath = [...path, list, index, 'image'];
      bumpImageString(context, valueOf(document, container, 'image'), imagePath, 'workload', { name, annotations });
    });
  }
}
