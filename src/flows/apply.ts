// apply: the environment's manifests onto its cluster with server-side apply, the objects annotated
// with the environment commit and the source commit, every workload's rollout awaited, a GitHub
// Deployment telling what runs where; on failure optionally the last good commit re-applied.
// `mode: diff` changes nothing and reports drift.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PromotionConfig } from '../core/config/index.js';
import { UserError } from '../core/errors.js';
import { imageUses } from '../core/validate/checks.js';
import { formatFinding, hasErrors } from '../core/validate/index.js';
import type { GitHubClient } from '../github/client.js';
import { createDeployment, lastSuccessfulDeployment, setDeploymentStatus } from '../github/deployments.js';
import {
  applyCommand,
  diffCommand,
  getJsonCommand,
  ROLLOUT_KINDS,
  rolloutStatusCommand,
  waitEstablishedCommand,
  type KubeTarget,
} from '../kube/commands.js';
import { runCommand, type CommandResult } from '../kube/run.js';
import { readCommitRecord } from '../fs/git.js';
import type { PromotionRecord } from '../core/promotion/record.js';
import { runStaticStage } from './validate-static.js';

export const COMMIT_ANNOTATION = 'gitops-promote.dev/commit';
export const SOURCE_COMMIT_ANNOTATION = 'gitops-promote.dev/source-commit';

export interface ApplyRequest {
  /** The environment repository's checkout (a git work tree). */
  repoDir: string;
  environment: string;
  /** The promotion config of `repoDir`, when the caller has read it already. */
  config?: PromotionConfig;
  target: KubeTarget;
  fieldManager: string;
  forceConflicts: boolean;
  prune: boolean;
  timeoutSeconds: number;
  rollbackOnFailure: boolean;
  /** The environment repository commit being applied. */
  commit: string;
  /** Overrides the source commit of the promotion record the environment commit carries. */
  sourceCommit?: string;
  github?: {
    client: GitHubClient;
    repo: { owner: string; repo: string };
    environmentUrl?: string;
    logUrl?: string;
  };
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}

export interface AppliedObject {
  kind: string;
  namespace: string;
  name: string;
}

export interface ApplyResult {
  result: 'success' | 'failure';
  applied: AppliedObject[];
  deploymentId?: number;
  /** What failed, in words (kubectl's reasons are untrusted text). */
  failure?: string;
  rolledBackTo?: string;
  /** The application commit annotated on the objects (the override, else the promotion record's). */
  sourceCommit?: string;
}

export interface DiffResult {
  drifted: boolean;
  objects: AppliedObject[];
  /** kubectl's diff, without the sections of Secrets. */
  diff: string;
}

/** A field owned by another manager: server-side apply refuses to take it without force. */
export class FieldConflictError extends UserError {}

interface Loaded {
  objects: { id: AppliedObject; value: Record<string, unknown> }[];
  stream: string;
  images: string[];
}

async function loadEnvironment(
  dir: string,
  environment: string,
  kubectl?: string,
  config?: PromotionConfig,
): Promise<Loaded> {
  const report = await runStaticStage({
    dir,
    environment,
    ...(kubectl ? { kubectl } : {}),
    ...(config ? { config } : {}),
  });
  if (hasErrors(report)) {
    const errors = report.findings.filter((f) => f.severity === 'error');
    throw new UserError(
      `the manifests of environment ${environment} have ${errors.length} findings; nothing was applied: ${errors
        .slice(0, 3)
        .map(formatFinding)
        .join('; ')}`,
    );
  }
  // Namespaces and CRDs first: kubectl applies a stream in order.
  const rank = (kind: string) => (kind === 'Namespace' ? 0 : kind === 'CustomResourceDefinition' ? 1 : 2);
  const objects = report.manifests
    .map(({ object, value }) => ({ id: { kind: object.kind, namespace: object.namespace, name: object.name }, value }))
    .sort((a, b) => rank(a.id.kind) - rank(b.id.kind));
  if (objects.length === 0) throw new UserError(`environment ${environment}: no manifests found to apply`);
  return {
    objects,
    stream: objects.map((o) => JSON.stringify(o.value)).join('\n---\n'),
    images: [...new Set(objects.flatMap((o) => imageUses(o.value).map((use) => use.reference)))],
  };
}

const CONFLICT = /conflict with "([^"]+)"(?: using [^:]+)?: (\S+)/g;

function reasonOf(result: CommandResult): string {
  return (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-3).join(' ');
}

/** A failed `kubectl apply`: a field conflict is the user's to settle (thrown); anything else is the reason. */
function applyFailure(apply: CommandResult): string {
  const conflicts = [...`${apply.stderr}`.matchAll(CONFLICT)].map(
    ([, manager, field]) => `${field} (managed by ${manager})`,
  );
  if (conflicts.length > 0) {
    throw new FieldConflictError(
      `apply refused: ${conflicts.join(', ')} ${conflicts.length === 1 ? 'is' : 'are'} owned by another field manager; ` +
        `set force-conflicts: true to take ${conflicts.length === 1 ? 'it' : 'them'} over, or remove the field from the manifests`,
    );
  }
  return `kubectl apply failed: ${reasonOf(apply)}`;
}

function applyEnv(request: ApplyRequest): NodeJS.ProcessEnv {
  // ApplySet-based pruning is behind this switch in kubectl.
  return { ...(request.env ?? process.env), ...(request.prune ? { KUBECTL_APPLYSET: 'true' } : {}) };
}

/** The stream with the commit annotations in every object, so one server-side apply sets them. */
function annotatedStream(loaded: Loaded, annotations: Record<string, string>): string {
  return loaded.objects
    .map(({ value }) => {
      const metadata = (value.metadata ?? {}) as Record<string, unknown>;
      const existing = (metadata.annotations ?? {}) as Record<string, string>;
      return JSON.stringify({ ...value, metadata: { ...metadata, annotations: { ...existing, ...annotations } } });
    })
    .join('\n---\n');
}

async function applyOnce(
  request: ApplyRequest,
  loaded: Loaded,
  commit: string,
  sourceCommit: string | undefined,
): Promise<string | undefined> {
  const env = applyEnv(request);
  const annotations: Record<string, string> = { [COMMIT_ANNOTATION]: commit };
  if (sourceCommit) annotations[SOURCE_COMMIT_ANNOTATION] = sourceCommit;
  const applySet = request.prune ? `configmaps/gitops-promote-${request.environment}` : undefined;
  const deadline = Date.now() + request.timeoutSeconds * 1000;
  const secondsLeft = () => Math.max(1, Math.round((deadline - Date.now()) / 1000));

  // kubectl learns the API's kinds once, before it applies a stream: objects of a kind whose
  // CustomResourceDefinition is in the same stream would be refused. The CRDs go first, on their
  // own (no prune: the whole stream below carries the ApplySet), and are awaited until Established.
  const crds = loaded.objects.filter((o) => o.id.kind === 'CustomResourceDefinition');
  if (crds.length > 0 && crds.length < loaded.objects.length) {
    const first = await runCommand(
      applyCommand(request.target, {
        stdin: annotatedStream({ ...loaded, objects: crds }, annotations),
        fieldManager: request.fieldManager,
        forceConflicts: request.forceConflicts,
      }),
      { env },
    );
    if (first.code !== 0) return applyFailure(first);
    const left = secondsLeft();
    const established = await runCommand(
      waitEstablishedCommand(
        request.target,
        crds.map((o) => o.id.name),
        left,
      ),
      { env, timeoutMs: (left + 15) * 1000 },
    );
    if (established.code !== 0) {
      return `the CustomResourceDefinitions ${crds.map((o) => o.id.name).join(', ')} were not established within ${request.timeoutSeconds}s: ${reasonOf(established)}`;
    }
  }

  const apply = await runCommand(
    applyCommand(
      request.prune && !request.target.namespace ? { ...request.target, namespace: 'default' } : request.target,
      {
        stdin: annotatedStream(loaded, annotations),
        fieldManager: request.fieldManager,
        forceConflicts: request.forceConflicts,
        ...(applySet ? { pruneApplySet: applySet } : {}),
      },
    ),
    { env },
  );
  if (apply.code !== 0) return applyFailure(apply);

  for (const { id } of loaded.objects) {
    if (!ROLLOUT_KINDS.has(id.kind)) continue;
    const left = secondsLeft();
    const object = { kind: id.kind, name: id.name, ...(id.namespace ? { namespace: id.namespace } : {}) };
    const rollout = await runCommand(rolloutStatusCommand(request.target, object, left), {
      env,
      timeoutMs: (left + 15) * 1000,
    });
    if (rollout.code !== 0) {
      return `${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name} did not become ready within ${request.timeoutSeconds}s: ${reasonOf(rollout)}`;
    }
  }
  return undefined;
}

async function checkoutAt(repoDir: string, sha: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'gitops-promote-rollback-')), 'tree');
  const added = await runCommand({ program: 'git', args: ['-C', repoDir, 'worktree', 'add', '--detach', dir, sha] });
  if (added.code !== 0) throw new Error(`git worktree add ${sha} failed: ${reasonOf(added)}`);
  return {
    dir,
    remove: async () => {
      await runCommand({ program: 'git', args: ['-C', repoDir, 'worktree', 'remove', '--force', dir] });
      rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

/** What the Deployment's payload says of the promotion, from the record (never the whole record). */
function promotionPayload(record: PromotionRecord | undefined): Record<string, unknown> {
  if (!record) return {};
  return {
    promotion: {
      app: record.app,
      image: record.image,
      tag: record.tag,
      ...(record.digest ? { digest: record.digest } : {}),
      ...(record.source
        ? { source: { repository: record.source.repository, sha: record.source.sha, ref: record.source.ref } }
        : {}),
    },
  };
}

export async function runApply(request: ApplyRequest): Promise<ApplyResult> {
  const log = request.log ?? (() => {});
  // The record is read from .git, or by a git process that runs while the manifests are checked here.
  const [loaded, record] = await Promise.all([
    loadEnvironment(request.repoDir, request.environment, request.target.kubectl, request.config),
    readCommitRecord(request.repoDir, request.commit, request.environment),
  ]);
  const sourceCommit = request.sourceCommit ?? record?.source?.sha;
  log(
    request.sourceCommit
      ? `source commit ${request.sourceCommit} (the source-commit input)`
      : record?.source
        ? `source commit ${record.source.sha} from the promotion record of ${request.commit} (${record.app} ${record.tag})`
        : `no promotion record in ${request.commit}: objects are annotated with the environment commit only`,
  );
  const github = request.github;
  const status = async (state: 'in_progress' | 'success' | 'failure', description: string) => {
    if (github && deploymentId !== undefined) {
      await setDeploymentStatus(github.client, github.repo, deploymentId, {
        state,
        description,
        ...(github.logUrl ? { logUrl: github.logUrl } : {}),
        ...(github.environmentUrl ? { environmentUrl: github.environmentUrl } : {}),
      });
    }
  };
  let deploymentId: number | undefined;
  if (github) {
    deploymentId = await createDeployment(github.client, github.repo, {
      ref: request.commit,
      environment: request.environment,
      description: `gitops-promote apply of ${request.environment}`,
      payload: {
        images: loaded.images,
        commit: request.commit,
        ...(sourceCommit ? { sourceCommit } : {}),
        ...promotionPayload(record),
      },
    });
    await status('in_progress', `applying ${loaded.objects.length} objects`);
  }
  const applied = loaded.objects.map((o) => o.id);
  let failure: string | undefined;
  try {
    failure = await applyOnce(request, loaded, request.commit, sourceCommit);
  } catch (error) {
    await status('failure', (error as Error).message);
    throw error;
  }
  log(failure ? `apply failed: ${failure}` : `applied ${applied.length} objects`);
  if (!failure) {
    await status('success', `applied ${applied.length} objects`);
    return {
      result: 'success',
      applied,
      ...(deploymentId !== undefined ? { deploymentId } : {}),
      ...(sourceCommit ? { sourceCommit } : {}),
    };
  }
  let rolledBackTo: string | undefined;
  if (request.rollbackOnFailure && github) {
    const good = await lastSuccessfulDeployment(github.client, github.repo, request.environment, deploymentId);
    if (!good) failure += '; no earlier successful deployment of this environment to roll back to';
    else {
      const tree = await checkoutAt(request.repoDir, good.sha);
      try {
        const previous = await loadEnvironment(tree.dir, request.environment, request.target.kubectl);
        const earlier = await readCommitRecord(request.repoDir, good.sha, request.environment);
        const again = await applyOnce(request, previous, good.sha, earlier?.source?.sha);
        rolledBackTo = good.sha;
        failure += again
          ? `; rolling back to ${good.sha} (deployment ${good.id}) failed too: ${again}`
          : `; rolled back to ${good.sha} (deployment ${good.id}): ${previous.objects.length} objects re-applied and ready`;
      } finally {
        await tree.remove();
      }
    }
  }
  await status('failure', failure);
  return {
    result: 'failure',
    applied,
    failure,
    ...(deploymentId !== undefined ? { deploymentId } : {}),
    ...(rolledBackTo ? { rolledBackTo } : {}),
    ...(sourceCommit ? { sourceCommit } : {}),
  };
}

async function liveAnnotations(
  request: Pick<ApplyRequest, 'target' | 'env'>,
  loaded: Loaded,
): Promise<Record<string, string>> {
  const first = loaded.objects[0]?.id;
  if (!first) return {};
  const object = { kind: first.kind, name: first.name, ...(first.namespace ? { namespace: first.namespace } : {}) };
  const result = await runCommand(getJsonCommand(request.target, object), request.env ? { env: request.env } : {});
  if (result.code !== 0) return {};
  const live = (JSON.parse(result.stdout) as { metadata?: { annotations?: Record<string, string> } }).metadata
    ?.annotations;
  const found: Record<string, string> = {};
  for (const key of [COMMIT_ANNOTATION, SOURCE_COMMIT_ANNOTATION]) if (live?.[key]) found[key] = live[key];
  return found;
}

/** `kubectl diff --server-side` of the environment against the cluster: drift, changing nothing. */
export async function runDiff(
  request: Omit<ApplyRequest, 'commit' | 'rollbackOnFailure' | 'prune'>,
): Promise<DiffResult> {
  const loaded = await loadEnvironment(request.repoDir, request.environment, request.target.kubectl, request.config);
  // Every apply annotates every object with the same commits: compare with those, not with none.
  const annotations = await liveAnnotations(request, loaded);
  const result = await runCommand(
    diffCommand(request.target, {
      stdin: annotatedStream(loaded, annotations),
      fieldManager: request.fieldManager,
      forceConflicts: true,
    }),
    request.env ? { env: request.env } : {},
  );
  if (result.code !== 0 && result.code !== 1) throw new Error(`kubectl diff failed: ${reasonOf(result)}`);
  const sections = result.stdout.split(/^(?=diff )/m).filter((s) => s.startsWith('diff '));
  const objects: AppliedObject[] = [];
  const shown: string[] = [];
  for (const section of sections) {
    // kubectl names each side <group>.<version>.<Kind>.<namespace>.<name>
    const path = /^diff .* (\S+)\n/.exec(section)?.[1] ?? '';
    const base = path.split('/').pop() ?? '';
    const match = loaded.objects.find(
      ({ id }) =>
        [id.kind, id.namespace, id.name].every((part) => part === '' || base.includes(part)) &&
        base.endsWith(`.${id.name}`),
    );
    if (match) objects.push(match.id);
    shown.push(
      match?.id.kind === 'Secret' ? `${section.split('\n')[0]}\n(Secret: the difference is not shown)\n` : section,
    );
  }
  return { drifted: result.code === 1, objects, diff: shown.join('') };
}
