// Rollback: find what an app in an environment ran before (the `to` input, else the environment's
// deployment history, else the git history of its manifests), then open the pull request that puts
// it back through bump's machinery (same branch, same byte-minimal edit, `rollback` intent), or,
// with dry-run, only plan it. The finding is shared by the action (over the API) and the command
// line (over a local work tree and its git history); neither has a policy of its own.
import { DEFAULT_CONFIG_PATH, findApp, findEnvironment, parsePromotionConfig } from '../core/config/index.js';
import type { PromotionConfig } from '../core/config/index.js';
import { UserError } from '../core/errors.js';
import type { ManifestChange } from '../core/manifest/index.js';
import { resolvePromotion, selectCandidatePaths, type Decision, type Promotion } from '../core/promotion/index.js';
import { readRunningImages, type RunningImage } from '../core/promotion/running.js';
import type { AppConfig, EnvironmentConfig } from '../core/config/index.js';
import {
  nothingToRollBackTo,
  rollbackReason,
  rollbackRequest,
  targetFromDeployments,
  targetFromHistory,
  targetFromInput,
  type DeploymentEntry,
  type HistoryState,
  type RollbackTarget,
} from '../core/rollback/index.js';
import { listEnvironmentDeployments } from '../github/deployments.js';
import type { GitHubClient } from '../github/client.js';
import { commitsTouching } from '../github/history.js';
import {
  defaultBranch as readDefaultBranch,
  findBranchHead,
  GitHubSnapshot,
  readFileAt,
  type RepositoryName,
} from '../github/repository.js';
import type { TokenKind } from '../github/token.js';
import { bumpEnvironment, type BumpResult, type PhaseRunner } from './bump.js';
import { planOnSnapshot } from './plan.js';
import type { RepositorySnapshot } from './snapshot.js';

/** How many commits of the manifests' history a rollback reads back at most. */
export const HISTORY_DEPTH = 20;

/** One commit of the manifests' history, newest first, and the tree it left. */
export interface HistoryCommit {
  commit: string;
  snapshot: RepositorySnapshot;
}

export interface RollbackSources {
  /** The environment's deployments, newest first; undefined where there are none to ask (a local work tree). */
  deployments?: () => Promise<DeploymentEntry[]>;
  /** Commits that touched the given paths, newest first, at most HISTORY_DEPTH. */
  history: (paths: readonly string[]) => AsyncIterable<HistoryCommit>;
}

export interface RollbackFinding {
  app: AppConfig;
  environment: EnvironmentConfig;
  running: RunningImage[];
  target: RollbackTarget;
  warnings: string[];
}

/** What runs now and what to go back to; every refusal is a UserError raised before anything is written. */
export async function findRollbackTarget(
  config: PromotionConfig,
  ask: { app: string; environment: string; to?: string | undefined },
  current: RepositorySnapshot,
  sources: RollbackSources,
): Promise<RollbackFinding> {
  const environment = findEnvironment(config, ask.environment);
  const app = findApp(config, ask.app);
  const scope = { app, environment };
  const warnings: string[] = [];
  const now = await readRunning(scope, current, warnings);
  if (now.references === 0) {
    throw new UserError(
      `no manifest of ${environment.name} references ${app.image} (read ${now.paths.join(', ') || 'no YAML file'}); ` +
        `check apps.${app.name}.paths and environments path in ${config.file}`,
    );
  }
  const running = now.running;
  if (ask.to !== undefined) {
    return { ...scope, running, target: targetFromInput(ask.to, running, environment.name), warnings };
  }
  const looked: string[] = [];
  if (sources.deployments) {
    const target = targetFromDeployments(await sources.deployments(), app.image, running);
    if (target) return { ...scope, running, target, warnings };
    looked.push(`the deployments of ${environment.name}`);
  }
  const states: HistoryState[] = [];
  for await (const { commit, snapshot } of sources.history(now.paths)) {
    let then: RunningImage[] = [];
    try {
      then = (await readRunning(scope, snapshot, [])).running;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      warnings.push(`commit ${commit.slice(0, 12)}: ${error.message}; skipped`);
    }
    states.push({ commit, running: then });
    const target = targetFromHistory(states.slice(-1), running);
    if (target) return { ...scope, running, target, warnings };
  }
  looked.push(`the last ${states.length} commits of its manifests`);
  throw nothingToRollBackTo(app.name, environment.name, running, looked);
}

async function readRunning(
  scope: { app: AppConfig; environment: EnvironmentConfig },
  snapshot: RepositorySnapshot,
  warnings: string[],
) {
  const { paths } = selectCandidatePaths(await snapshot.paths(), scope);
  const files = await snapshot.read(paths, (message) => warnings.push(message));
  const read = readRunningImages(scope.app, files);
  warnings.push(...read.warnings);
  return { paths, running: read.images, references: read.references };
}

/** The plan a rollback would commit (dry-run), from core's verdict on the rollback request. */
export interface RollbackPlan {
  decision: Decision;
  changes: Pick<ManifestChange, 'file' | 'line' | 'path' | 'old' | 'new'>[];
  files: string[];
}

export async function planRollback(promotion: Promotion, snapshot: RepositorySnapshot): Promise<RollbackPlan> {
  const { decision } = await planOnSnapshot(promotion, snapshot);
  const changes =
    decision.kind === 'change'
      ? decision.changes.map(({ file, line, path, old, new: value }) => ({ file, line, path, old, new: value }))
      : [];
  return { decision, changes, files: decision.kind === 'change' ? decision.files.map((file) => file.path) : [] };
}

export interface RollbackOptions {
  client: GitHubClient;
  repository: RepositoryName;
  app: string;
  environment: string;
  to?: string | undefined;
  reason?: string | undefined;
  dryRun?: boolean;
  configPath?: string;
  defaultBranch?: string;
  serverUrl?: string;
  tokenKind?: TokenKind;
  workflowRepository?: string;
  log?: (message: string) => void;
  phase?: PhaseRunner;
  done?: (step: string) => void;
}

export type RollbackOperation = BumpResult['operation'] | 'planned';

export interface RollbackResult {
  operation: RollbackOperation;
  reason: string;
  app: string;
  environment: string;
  image: string;
  from: string[];
  to: string;
  digest?: string | undefined;
  target: RollbackTarget;
  why: string;
  branch: string;
  pullRequest?: { number: number; url: string };
  changes: RollbackPlan['changes'];
  files: string[];
  /** The bump's own result when not a dry run. */
  bump?: BumpResult;
  warnings: string[];
}

/** The rollback over the API: found, then planned (dry-run) or written as bump writes. */
export async function rollbackEnvironment(options: RollbackOptions): Promise<RollbackResult> {
  const { client, repository } = options;
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const log = options.log ?? (() => undefined);
  const phase = options.phase ?? ((_name, work) => work());
  const configBranch = options.defaultBranch ?? (await readDefaultBranch(client, repository));
  const fullName = `${repository.owner}/${repository.repo}`;
  const { config, base, baseBranch } = await phase('reading', async () => {
    const configCommit = await findBranchHead(client, repository, configBranch);
    const text = configCommit && (await readFileAt(client, repository, configPath, configCommit));
    if (!configCommit || text === undefined) {
      throw new UserError(
        `${configPath}: not found on ${configBranch} of ${fullName}; rollback needs the promotion config there`,
      );
    }
    const config = parsePromotionConfig(text, configPath);
    const baseBranch = findEnvironment(config, options.environment).branch ?? configBranch;
    const base = baseBranch === configBranch ? configCommit : await findBranchHead(client, repository, baseBranch);
    if (!base)
      throw new UserError(`environment ${options.environment}: branch ${baseBranch} does not exist in ${fullName}`);
    return { config, base, baseBranch };
  });
  const current = await GitHubSnapshot.at(client, repository, base);
  const environmentPath = findEnvironment(config, options.environment).path;
  const finding = await phase('finding the previous image', () =>
    findRollbackTarget(config, options, current, {
      deployments: () => listEnvironmentDeployments(client, repository, options.environment),
      history: (paths) => apiHistory(client, repository, base, paths.length === 1 ? paths[0]! : environmentPath),
    }),
  );
  log(
    `${finding.app.name} in ${options.environment} on ${baseBranch} runs ${tags(finding.running)}; target ${finding.target.basis}`,
  );
  const request = rollbackRequest(finding.app, finding.environment, finding.target, options.reason ?? '');
  const promotion = resolvePromotion(config, request);
  const plan = await phase('planning', () => planRollback(promotion, current));
  const result = (
    operation: RollbackOperation,
    reason: string,
    extra: Partial<RollbackResult> = {},
  ): RollbackResult => ({
    operation,
    reason,
    app: promotion.app.name,
    environment: promotion.environment.name,
    image: `${promotion.app.image}:${promotion.tag}${promotion.digest ? `@${promotion.digest}` : ''}`,
    from: finding.running.map((image) => image.tag),
    to: promotion.tag,
    digest: promotion.digest,
    target: finding.target,
    why: rollbackReason(options.reason),
    branch: promotion.branch,
    changes: plan.changes,
    files: plan.files,
    warnings: finding.warnings,
    ...extra,
  });
  if (options.dryRun) {
    const reason =
      plan.decision.kind === 'change'
        ? `would open or update the pull request on ${promotion.branch} (dry run, nothing written)`
        : plan.decision.reason;
    return result(plan.decision.kind === 'change' ? 'planned' : plan.decision.kind, reason);
  }
  const bump = await bumpEnvironment({
    client,
    repository,
    request,
    configPath,
    defaultBranch: configBranch,
    ...(options.serverUrl !== undefined && { serverUrl: options.serverUrl }),
    ...(options.tokenKind !== undefined && { tokenKind: options.tokenKind }),
    ...(options.workflowRepository !== undefined && { workflowRepository: options.workflowRepository }),
    log,
    phase,
    ...(options.done !== undefined && { done: options.done }),
  });
  return result(bump.operation, bump.reason, {
    ...(bump.pullRequest && { pullRequest: bump.pullRequest }),
    bump,
    warnings: [...finding.warnings, ...bump.warnings],
  });
}

async function* apiHistory(
  client: GitHubClient,
  repository: RepositoryName,
  head: string,
  path: string,
): AsyncIterable<HistoryCommit> {
  for (const commit of await commitsTouching(client, repository, head, path, HISTORY_DEPTH)) {
    yield { commit, snapshot: await GitHubSnapshot.at(client, repository, commit) };
  }
}

function tags(images: readonly RunningImage[]): string {
  return images.map((image) => image.tag).join(', ');
}
