// The command lines the kube adapter runs, built as argument arrays (never a shell string), so that
// a manifest value or a file name can only ever be one argument. Pure: tests read them as values.

/** One program run: what to execute, its arguments, and the text to feed on stdin (if any). */
export interface CommandLine {
  program: string;
  args: string[];
  stdin?: string;
}

/** Where kubectl talks to: every field optional (kubectl's own defaults apply). */
export interface KubeTarget {
  kubectl?: string;
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

export interface ApplyOptions {
  /** Files or folders given to `-f`; with `stdin`, `-f -` is used instead. */
  files?: string[];
  stdin?: string;
  dryRun?: 'server';
  fieldManager: string;
  forceConflicts?: boolean;
  /** ApplySet parent (`configmaps/<name>` or `secrets/<name>`) for an opt-in prune. */
  pruneApplySet?: string;
  /** kubectl's output format: `name` (default; never an object's content, which may be a Secret's) or `json`. */
  output?: 'name' | 'json';
}

function kubectl(target: KubeTarget, args: string[], stdin?: string): CommandLine {
  const global: string[] = [];
  if (target.kubeconfig) global.push(`--kubeconfig=${target.kubeconfig}`);
  if (target.context) global.push(`--context=${target.context}`);
  if (target.namespace) global.push(`--namespace=${target.namespace}`);
  return {
    program: target.kubectl ?? 'kubectl',
    args: [...global, ...args],
    ...(stdin === undefined ? {} : { stdin }),
  };
}

function sources(options: { files?: string[]; stdin?: string }): string[] {
  if (options.stdin !== undefined) return ['-f', '-'];
  const files = options.files ?? [];
  if (files.length === 0) throw new Error('kubectl: no files and no stdin to apply');
  return files.flatMap((file) => ['-f', file]);
}

/** `kubectl apply --server-side`, optionally a server dry run, forced, or pruning an ApplySet. */
export function applyCommand(target: KubeTarget, options: ApplyOptions): CommandLine {
  const args = ['apply', '--server-side', `--field-manager=${options.fieldManager}`];
  if (options.forceConflicts) args.push('--force-conflicts');
  if (options.dryRun) args.push(`--dry-run=${options.dryRun}`);
  if (options.pruneApplySet) args.push('--prune', `--applyset=${options.pruneApplySet}`);
  args.push(...sources(options), `--output=${options.output ?? 'name'}`);
  return kubectl(target, args, options.stdin);
}

/** `kubectl diff --server-side`: exit 0 no differences, 1 differences, >1 an error. */
export function diffCommand(
  target: KubeTarget,
  options: { files?: string[]; stdin?: string; fieldManager: string; forceConflicts?: boolean },
): CommandLine {
  const args = ['diff', '--server-side', `--field-manager=${options.fieldManager}`];
  if (options.forceConflicts) args.push('--force-conflicts');
  args.push(...sources(options));
  return kubectl(target, args, options.stdin);
}

/**
 * `kubectl wait` until each named CustomResourceDefinition is Established: until then the API does
 * not serve its kind, and an object of that kind is refused ("no matches for kind").
 */
export function waitEstablishedCommand(
  target: KubeTarget,
  names: readonly string[],
  timeoutSeconds: number,
): CommandLine {
  if (names.length === 0) throw new Error('kubectl wait: no CustomResourceDefinition named');
  // Cluster-scoped: no namespace, whatever the target's.
  const { namespace: _cluster, ...scoped } = target;
  return kubectl(scoped, [
    'wait',
    '--for=condition=Established',
    `--timeout=${Math.max(1, Math.round(timeoutSeconds))}s`,
    ...names.map((name) => `customresourcedefinitions.apiextensions.k8s.io/${name}`),
  ]);
}

/** Workloads kubectl can wait for with `rollout status`. */
export const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export function rolloutStatusCommand(
  target: KubeTarget,
  object: { kind: string; name: string; namespace?: string },
  timeoutSeconds: number,
): CommandLine {
  const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
  return kubectl(scoped, [
    'rollout',
    'status',
    `${object.kind.toLowerCase()}/${object.name}`,
    '--watch=true',
    `--timeout=${Math.max(1, Math.round(timeoutSeconds))}s`,
  ]);
}

export function describeCommand(target: KubeTarget, object: { kind: string; name: string; namespace?: string }) {
  const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
  return kubectl(scoped, ['describe', `${object.kind.toLowerCase()}/${object.name}`]);
}

/** Events about one object, oldest first. */
export function eventsCommand(target: KubeTarget, object: { kind: string; name: string; namespace?: string }) {
  const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
  return kubectl(scoped, [
    'get',
    'events',
    `--field-selector=involvedObject.kind=${object.kind},involvedObject.name=${object.name}`,
    '--sort-by=.lastTimestamp',
  ]);
}

/** Logs of a workload's pods: the previous container's with `previous` (a crash loop's last words). */
export function logsCommand(
  target: KubeTarget,
  object: { kind: string; name: string; namespace?: string },
  previous: boolean,
): CommandLine {
  const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
  const args = ['logs', `${object.kind.toLowerCase()}/${object.name}`, '--all-containers=true', '--tail=200'];
  if (previous) args.push('--previous');
  return kubectl(scoped, args);
}

export function getJsonCommand(target: KubeTarget, object: { kind: string; name: string; namespace?: string }) {
  const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
  return kubectl(scoped, ['get', `${object.kind.toLowerCase()}/${object.name}`, '--output=json']);
}

/** `kubectl annotate --overwrite` of objects already applied. */
export function annotateCommand(
  target: KubeTarget,
  object: { kind: string; name: string; namespace?: string },
  annotations: Record<string, string>,
  fieldManager: string,
): CommandLine {
  const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
  return kubectl(scoped, [
    'annotate',
    `${object.kind.toLowerCase()}/${object.name}`,
    '--overwrite',
    `--field-manager=${fieldManager}`,
    ...Object.entries(annotations).map(([key, value]) => `${key}=${value}`),
  ]);
}

/** `kubectl kustomize <dir>`: renders a kustomization without a cluster. */
export function kustomizeCommand(target: KubeTarget, dir: string): CommandLine {
  return { program: target.kubectl ?? 'kubectl', args: ['kustomize', dir] };
}

export function helmTemplateCommand(options: {
  helm?: string;
  release: string;
  chart: string;
  namespace?: string;
  valuesFile?: string;
}): CommandLine {
  const args = ['template', options.release, options.chart];
  if (options.namespace) args.push(`--namespace=${options.namespace}`);
  if (options.valuesFile) args.push(`--values=${options.valuesFile}`);
  return { program: options.helm ?? 'helm', args };
}

export function kindCreateCommand(options: {
  kind?: string;
  name: string;
  image?: string;
  config?: string;
  waitSeconds?: number;
  kubeconfig?: string;
}): CommandLine {
  const args = ['create', 'cluster', `--name=${options.name}`];
  if (options.image) args.push(`--image=${options.image}`);
  if (options.config) args.push(`--config=${options.config}`);
  if (options.waitSeconds) args.push(`--wait=${options.waitSeconds}s`);
  if (options.kubeconfig) args.push(`--kubeconfig=${options.kubeconfig}`);
  return { program: options.kind ?? 'kind', args };
}

export function kindDeleteCommand(options: { kind?: string; name: string; kubeconfig?: string }): CommandLine {
  const args = ['delete', 'cluster', `--name=${options.name}`];
  if (options.kubeconfig) args.push(`--kubeconfig=${options.kubeconfig}`);
  return { program: options.kind ?? 'kind', args };
}

export function kindExportLogsCommand(options: { kind?: string; name: string; dir: string }): CommandLine {
  return { program: options.kind ?? 'kind', args: ['export', 'logs', options.dir, `--name=${options.name}`] };
}

/** Pulls an image onto the KinD node (containerd's crictl inside the node container). */
export function kindPullCommand(options: { docker?: string; name: string; image: string }): CommandLine {
  return {
    program: options.docker ?? 'docker',
    args: ['exec', `${options.name}-control-plane`, 'crictl', 'pull', options.image],
  };
}

/** One line a person can paste, for logs: arguments quoted when a shell would split them. */
export function formatCommandLine(line: CommandLine): string {
  return [line.program, ...line.args]
    .map((word) => (/^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
    .join(' ');
}
