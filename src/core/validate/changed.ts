// Which objects the cluster stage of validate takes for a pull request: those from the files it changes
// (a kustomization or a chart counts as changed when any file under its folder does), plus what they
// need to apply and become ready: their Namespace, the CustomResourceDefinition of their kind, and the
// ConfigMaps, Secrets, ServiceAccount and PersistentVolumeClaims their pods name, when the environment
// defines them. The static stage still checks every object; this only decides what reaches a cluster.
import type { CheckedObject } from './findings.js';

type Json = Record<string, unknown>;
export interface ClusterCandidate {
  object: CheckedObject;
  value: Json;
}

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The files and folders an object's `file` label stands for (rendered output names its sources). */
export function sourcesOf(file: string): { files: string[]; folders: string[] } {
  const kustomize = /^(.*) \(kustomize\)$/.exec(file);
  if (kustomize) return { files: [], folders: [kustomize[1]!] };
  const helm = /^(.*) \(helm template (.*)\)$/.exec(file);
  if (helm) return { files: [helm[1]!], folders: [helm[2]!] };
  return { files: [file], folders: [] };
}

function touched(file: string, changed: ReadonlySet<string>, changedList: readonly string[]): boolean {
  const { files, folders } = sourcesOf(file);
  if (files.some((path) => changed.has(path))) return true;
  return folders.some((folder) => {
    const prefix = folder === '' || folder === '.' ? '' : `${folder.replace(/\/+$/, '')}/`;
    return changedList.some((path) => path.startsWith(prefix));
  });
}

function podSpec(value: Json): Json | undefined {
  const kind = value.kind;
  const spec =
    kind === 'Pod'
      ? at(value, 'spec')
      : kind === 'CronJob'
        ? at(value, 'spec', 'jobTemplate', 'spec', 'template', 'spec')
        : at(value, 'spec', 'template', 'spec');
  return isObject(spec) ? spec : undefined;
}

/** `Kind/name` of what a pod spec names in its own namespace. */
function podNeeds(spec: Json): string[] {
  const needs: string[] = [];
  const add = (kind: string, name: unknown) => {
    const value = str(name);
    if (value) needs.push(`${kind}/${value}`);
  };
  add('ServiceAccount', spec.serviceAccountName);
  for (const secret of list(spec.imagePullSecrets)) add('Secret', secret.name);
  for (const volume of list(spec.volumes)) {
    add('ConfigMap', at(volume, 'configMap', 'name'));
    add('Secret', at(volume, 'secret', 'secretName'));
    add('PersistentVolumeClaim', at(volume, 'persistentVolumeClaim', 'claimName'));
    for (const source of list(at(volume, 'projected', 'sources'))) {
      add('ConfigMap', at(source, 'configMap', 'name'));
      add('Secret', at(source, 'secret', 'name'));
    }
  }
  for (const container of [...list(spec.initContainers), ...list(spec.containers)]) {
    for (const from of list(container.envFrom)) {
      add('ConfigMap', at(from, 'configMapRef', 'name'));
      add('Secret', at(from, 'secretRef', 'name'));
    }
    for (const env of list(container.env)) {
      add('ConfigMap', at(env, 'valueFrom', 'configMapKeyRef', 'name'));
      add('Secret', at(env, 'valueFrom', 'secretKeyRef', 'name'));
    }
  }
  return needs;
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

export interface ClusterSelection<T extends ClusterCandidate> {
  selected: T[];
  /** How many of the selected are there only because a changed object needs them. */
  needed: number;
}

/** The changed objects and what they need, in the order of `manifests`. */
export function selectChanged<T extends ClusterCandidate>(
  manifests: readonly T[],
  changedFiles: readonly string[],
): ClusterSelection<T> {
  const changed = new Set(changedFiles);
  const key = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;
  const byKey = new Map(manifests.map((m) => [key(m.object.kind, m.object.namespace, m.object.name), m]));
  const crdFor = new Map<string, T>();
  for (const m of manifests) {
    if (m.object.kind !== 'CustomResourceDefinition') continue;
    const kind = str(at(m.value, 'spec', 'names', 'kind'));
    const group = str(at(m.value, 'spec', 'group'));
    if (kind && group) crdFor.set(`${group}/${kind}`, m);
  }
  const chosen = new Set<T>();
  const direct = manifests.filter((m) => touched(m.object.file, changed, changedFiles));
  const work = [...direct];
  for (const m of direct) chosen.add(m);
  while (work.length > 0) {
    const m = work.pop()!;
    const wanted: (T | undefined)[] = [];
    if (m.object.namespace) wanted.push(byKey.get(key('Namespace', '', m.object.namespace)));
    wanted.push(crdFor.get(`${groupOf(m.object.apiVersion)}/${m.object.kind}`));
    const spec = podSpec(m.value);
    for (const need of spec ? podNeeds(spec) : []) {
      const [kind, name] = need.split('/') as [string, string];
      wanted.push(byKey.get(key(kind, m.object.namespace, name)));
    }
    for (const need of wanted) {
      if (need && !chosen.has(need)) {
        chosen.add(need);
        work.push(need);
      }
    }
  }
  return { selected: manifests.filter((m) => chosen.has(m)), needed: chosen.size - direct.length };
}
