// validate's cluster stage: every object of the environment through a server-side dry run, then
// applied for real in a throwaway (or given) cluster, then the rollout of every workload awaited.
// Each object gets a result per stage; a failure collects describe, events and logs into a folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyCommand,
  describeCommand,
  eventsCommand,
  logsCommand,
  ROLLOUT_KINDS,
  rolloutStatusCommand,
  waitEstablishedCommand,
  type CommandLine,
  type KubeTarget,
} from './commands.js';
import { runCommand, type CommandResult } from './run.js';

export interface ClusterObject {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  value: Record<string, unknown>;
}

export type StageName = 'dry-run' | 'apply' | 'rollout';

export interface ObjectOutcome {
  kind: string;
  namespace: string;
  name: string;
  stage: StageName;
  result: 'passed' | 'failed' | 'not-checked';
  /** kubectl's reason, for a failure or a skip (kubectl's own words: untrusted text). */
  reason?: string;
  seconds: number;
  /** The file of collected diagnostics, relative to the report folder. */
  diagnostics?: string;
}

export interface ClusterStageOptions {
  target: KubeTarget;
  fieldManager: string;
  /** Seconds every workload's rollout may take (one budget shared by all). */
  timeoutSeconds: number;
  /** Where describe/events/logs of failed objects go. */
  reportDir: string;
  /** Namespace for namespaced objects that name none. */
  defaultNamespace?: string;
  env?: NodeJS.ProcessEnv;
}

/** kubectl's answer when the cluster does not know the kind (its CRD is not installed). */
const NO_KIND = /no matches for kind|ensure CRDs are installed|the server could not find the requested resource/i;

const ORDER = ['Namespace', 'CustomResourceDefinition'];
const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

function lastLines(result: CommandResult): string {
  const text = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join('\n');
  return result.timedOut ? `timed out${text ? `: ${text}` : ''}` : text;
}

function label(object: { kind: string; namespace: string; name: string }): string {
  return `${object.kind}/${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
}

export async function runClusterStage(
  objects: readonly ClusterObject[],
  options: ClusterStageOptions,
): Promise<ObjectOutcome[]> {
  const ordered = [...objects].sort((a, b) => rank(a.kind) - rank(b.kind));
  const outcomes: ObjectOutcome[] = [];
  const run = (line: Parameters<typeof runCommand>[0], timeoutMs?: number) =>
    runCommand(line, { ...(options.env ? { env: options.env } : {}), ...(timeoutMs ? { timeoutMs } : {}) });

  // Namespaces the objects use but do not define: created first, or every object in them fails its dry run.
  const defined = new Set(ordered.filter((o) => o.kind === 'Namespace').map((o) => o.name));
  const used = new Set(ordered.map((o) => o.namespace).filter((ns) => ns !== '' && !defined.has(ns)));
  for (const namespace of used) {
    const stdin = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    await run(applyCommand(options.target, { stdin, fieldManager: options.fieldManager }));
  }

  // Namespaces and CRDs the objects define are applied for real before the others' dry run: a dry run
  // in a namespace, or of a kind, that does not exist yet is refused.
  const first = ordered.filter((o) => rank(o.kind) < ORDER.length);
  const batches = [first, ordered.filter((o) => rank(o.kind) === ORDER.length)];
  const applied: ClusterObject[] = [];
  for (const batch of batches) {
    const passed: ClusterObject[] = [];
    for (const stage of ['dry-run', 'apply'] as const) {
      for (const object of stage === 'dry-run' ? batch : [...passed]) {
        const started = Date.now();
        const result = await run(
          applyCommand(
            object.namespace === '' && options.defaultNamespace
              ? { ...options.target, namespace: options.defaultNamespace }
              : options.target,
            {
              stdin: JSON.stringify(object.value),
              fieldManager: options.fieldManager,
              ...(stage === 'dry-run' ? { dryRun: 'server' as const } : {}),
            },
          ),
        );
        const seconds = (Date.now() - started) / 1000;
        const base = { kind: object.kind, namespace: object.namespace, name: object.name, stage, seconds };
        if (result.code === 0) {
          if (stage === 'dry-run') passed.push(object);
          else {
            applied.push(object);
            outcomes.push({ ...base, result: 'passed' });
          }
          continue;
        }
        const reason = lastLines(result);
        if (stage === 'dry-run' && NO_KIND.test(reason)) {
          outcomes.push({ ...base, result: 'not-checked', reason: `the cluster does not serve this kind: ${reason}` });
          continue;
        }
        outcomes.push({ ...base, result: 'failed', reason });
      }
    }
    // The CRDs just applied serve their kinds only once Established: the next batch's dry run of an
    // object of such a kind is refused until then. Waited for within the stage's time budget; should
    // one not become Established, that dry run says why.
    const crds = passed.filter((o) => o.kind === 'CustomResourceDefinition' && applied.includes(o));
    if (crds.length > 0) {
      await run(
        waitEstablishedCommand(
          options.target,
          crds.map((o) => o.name),
          options.timeoutSeconds,
        ),
        (options.timeoutSeconds + 15) * 1000,
      );
    }
  }

  const deadline = Date.now() + options.timeoutSeconds * 1000;
  for (const object of applied) {
    if (!ROLLOUT_KINDS.has(object.kind)) continue;
    const started = Date.now();
    const left = Math.max(1, Math.round((deadline - started) / 1000));
    const namespace = object.namespace || options.defaultNamespace || '';
    const result = await run(
      rolloutStatusCommand(
        options.target,
        { kind: object.kind, name: object.name, ...(namespace ? { namespace } : {}) },
        left,
      ),
      (left + 15) * 1000,
    );
    const seconds = (Date.now() - started) / 1000;
    const index = outcomes.findIndex(
      (o) => o.kind === object.kind && o.namespace === object.namespace && o.name === object.name,
    );
    const outcome: ObjectOutcome =
      result.code === 0
        ? {
            kind: object.kind,
            namespace: object.namespace,
            name: object.name,
            stage: 'rollout',
            result: 'passed',
            seconds,
          }
        : {
            kind: object.kind,
            namespace: object.namespace,
            name: object.name,
            stage: 'rollout',
            result: 'failed',
            reason: `not ready within ${options.timeoutSeconds}s: ${lastLines(result)}`,
            seconds,
          };
    if (index === -1) outcomes.push(outcome);
    else outcomes[index] = { ...outcome, seconds: outcome.seconds + (outcomes[index]?.seconds ?? 0) };
  }

  const failed = outcomes.filter((o) => o.result === 'failed');
  if (failed.length > 0) mkdirSync(options.reportDir, { recursive: true });
  for (const [index, outcome] of failed.entries()) {
    const file = `${String(index + 1).padStart(3, '0')}-${label(outcome).replace(/[^A-Za-z0-9._-]+/g, '_')}.txt`;
    const object = {
      kind: outcome.kind,
      name: outcome.name,
      ...(outcome.namespace || options.defaultNamespace
        ? { namespace: outcome.namespace || options.defaultNamespace! }
        : {}),
    };
    const sections = [`# ${label(outcome)}: ${outcome.stage} failed\n${outcome.reason ?? ''}`];
    if (outcome.stage !== 'dry-run') {
      const commands = [
        ['describe', describeCommand(options.target, object)],
        ['events', eventsCommand(options.target, object)],
        ...(ROLLOUT_KINDS.has(outcome.kind) || outcome.kind === 'Pod'
          ? [
              ['logs --previous', logsCommand(options.target, object, true)],
              ['logs', logsCommand(options.target, object, false)],
            ]
          : []),
      ] as [string, CommandLine][];
      for (const [title, line] of commands) {
        if (outcome.kind === 'Secret' && title === 'describe') continue;
        const result = await run(line, 60_000);
        sections.push(`## ${title}\n${(result.stdout + result.stderr).trim()}`);
      }
    }
    writeFileSync(join(options.reportDir, file), `${sections.join('\n\n')}\n`, { mode: 0o600 });
    outcome.diagnostics = file;
  }
  return outcomes;
}
