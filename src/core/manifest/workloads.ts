import { isMap, isSeq, type YAMLMap } from 'yaml';
import { bumpImageString, type LocateContext } from './locate.js';
import { resolveNode, stringMap, stringValue, valueOf, type PathSegment } from './nodes.js';

/** Where each workload kind keeps its pod spec (any apiVersion: the kind decides). */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** Container images of a workload (or of every item of a `kind: List`). */
export function locateWorkloadImages(context: LocateContext, root: YAMLMap, prefix: readonly PathSegment[] = []): void {
  const { document } = context;
  const kind = stringValue(valueOf(document, root, 'kind'));
  if (kind === 'List') {
    const items = valueOf(document, root, 'items');
    if (!isSeq(items)) return;
    items.items.forEach((item, index) => {
      const resource = resolveNode(document, item);
      if (isMap(resource)) locateWorkloadImages(context, resource, [...prefix, 'items', index]);
    });
    return;
  }
  const specPath = kind === undefined ? undefined : POD_SPEC_PATHS[kind];
  if (!specPath) return;
  let podSpec: unknown = root;
  for (const key of specPath) podSpec = isMap(podSpec) ? valueOf(document, podSpec, key) : undefined;
  if (!isMap(podSpec)) return;
  const metadata = valueOf(document, root, 'metadata');
  const annotations = isMap(metadata) ? stringMap(document, valueOf(document, metadata, 'annotations')) : {};

  for (const list of CONTAINER_LISTS) {
    const containers = valueOf(document, podSpec, list);
    if (!isSeq(containers)) continue;
    containers.items.forEach((item, index) => {
      const container = resolveNode(document, item);
      if (!isMap(container)) return;
      const name = stringValue(valueOf(document, container, 'name'));
      const path = [...prefix, ...specPath, list, index, 'image'];
      bumpImageString(context, valueOf(document, container, 'image'), path, 'workload', { name, annotations });
    });
  }
}
