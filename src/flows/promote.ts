// promote: after an environment became healthy, carry what it runs into the environments promoted
// from it. Reads the config, what each environment's manifests pin, and the gate's evidence (the
// source's latest GitHub Deployment or a commit status); core decides per (app, target); each
// promotion is then a bump with a PromotionRequest, so branch naming, the record, the no-downgrade
// rule, closing obsolete PRs and in-place updates are bump's. No policy of its own.
import { DEFAULT_CONFIG_PATH, findApp, findEnvironment, parsePromotionConfig } from '../core/config/index.js';
import type { AppConfig, EnvironmentConfig, PromotionConfig } from '../core/config/index.js';
import { isUserError, UserError } from '../core/errors.js';
import {
  BRANCH_PREFIX,
  decidePromotion,
  parseBodyRecord,
  readRunningImages,
  selectCandidatePaths,
  type Blocker,
  type GateEvidence,
  type PromoteDecision,
  type PromotionRecord,
  type RunningRead,
} from '../core/promotion/index.js';
import type { GitHubClient } from '../github/client.js';
import { latestDeployment } from '../github/deployments.js';
import { explainFailure, requestFailure } from '../github/failures.js';
import { lastMergedPullBody } from '../github/pulls.js';
import {
  defaultBranch as readDefaultBranch,
  findBranchHead,
  GitHubSnapshot,
  readFileAt,
  repositoryVisible,
  type RepositoryName,
} from '../github/repository.js';
import { commitStatusOf } from '../github/statuses.js';
import type { TokenKind } from '../github/token.js';
import { judgeAppBranchSource } from '../core/promotion/app-branch.js';
import { bumpEnvironment, type BumpResult, type PhaseRunner } from './bump.js';
import { promoteAppBranch } from './promote-app-branch.js';

/**
 * What became of one (app, target): a bump's operation, `blocked` (gate or soak: try again later),
 * `planned` (dry run: would promote), `failed` (a user error for this pair; the others still ran).
 */
export type PromotionOperation = 'created' | 'updated' | 'unchanged' | 'skipped' | 'blocked' | 'planned' | 'failed';

export interface PromotionResult {
  app: string;
  from: string;
  to: string;
  /** `repo:tag[@digest]` promoted (or that would be), when the source runs one. */
  image?: string;
  operation: PromotionOperation;
  reason: string;
  /** Why nothing was promoted, by kind, when core blocked it. */
  blocker?: Blocker['kind'];
  pullRequest?: { number: number; url: string };
  bump?: BumpResult;
  /** promote-by app-branch: the release version the pull request suggests. */
  suggestedVersion?: string;
}

export interface PromoteOptions {
  client: GitHubClient;
  /** For promote-by app-branch: a client whose token reaches the application repositories (default `client`). */
  appClient?: GitHubClient;
  repository: RepositoryName;
  configPath?: string;
  /** The environment that became healthy; undefined: every environment that has a `from`. */
  source?: string;
  /**
   * The source came from the event (a deployment_status of any GitHub Environment, e.g. github-pages):
   * one the config does not name means nothing to promote, not a mistake.
   */
  sourceFromEvent?: boolean;
  /** Only this app; undefined: every app of the config. */
  app?: string;
  dryRun?: boolean;
  defaultBranch?: string;
  serverUrl?: string;
  tokenKind?: TokenKind;
  workflowRepository?: string;
  log?: (message: string) => void;
  phase?: PhaseRunner;
  done?: (step: string) => void;
  /** Epoch milliseconds (the soak's clock); default Date.now. */
  now?: () => number;
}

export interface PromoteResult {
  source: string | undefined;
  promotions: PromotionResult[];
  /** Why there is nothing to promote at all (no environment is promoted from the source), when so. */
  nothing?: string;
  warnings: string[];
}

interface Context {
  options: PromoteOptions;
  config: PromotionConfig;
  configBranch: string;
  /** The default branch's head the config was read at: environments on that branch are read there too. */
  configHead: string;
  log: (message: string) => void;
  phase: PhaseRunner;
  warnings: string[];
  /** Per branch: its head and snapshot, read once per run (model 1's environments share one). */
  environments: Map<string, Promise<{ commit: string; snapshot: GitHubSnapshot }>>;
}

const runPhase: PhaseRunner = (_phase, work) => work();

/** Promotes, and turns GitHub's refusals (401, 403, 404 ...) into messages that say what to fix. */
export async function promoteEnvironments(options: PromoteOptions): Promise<PromoteResult> {
  const { client, repository } = options;
  try {
    return await promote(options);
  } catch (error) {
    const visible = requestFailure(error)?.status === 404 ? await repositoryVisible(client, repository) : undefined;
    throw explainFailure(error, {
      action: 'promote',
      repository: `${repository.owner}/${repository.repo}`,
      tokenKind: options.tokenKind ?? 'unknown',
      ...(options.workflowRepository !== undefined && { workflowRepository: options.workflowRepository }),
      ...(visible !== undefined && { repositoryVisible: visible }),
    });
  }
}

async function promote(options: PromoteOptions): Promise<PromoteResult> {
  const { client, repository } = options;
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const phase = options.phase ?? runPhase;
  const log = options.log ?? (() => undefined);
  const { config, configBranch, configHead } = await phase('reading', async () => {
    const configBranch = options.defaultBranch ?? (await readDefaultBranch(client, repository));
    const head = await findBranchHead(client, repository, configBranch);
    const text = head === undefined ? undefined : await readFileAt(client, repository, configPath, head);
    if (text === undefined) {
      throw new UserError(
        `${configPath}: not found on ${configBranch} of ${repository.owner}/${repository.repo}; promote needs the promotion config there`,
      );
    }
    log(`read ${configPath} at ${configBranch} ${head!.slice(0, 12)}`);
    return { config: parsePromotionConfig(text, configPath), configBranch, configHead: head! };
  });
  const known = config.environments.some((environment) => environment.name === options.source);
  if (options.source !== undefined && !known && options.sourceFromEvent) {
    const why = `the event's environment ${options.source} is not in ${config.file}`;
    log(`nothing to promote: ${why}`);
    return { source: options.source, promotions: [], nothing: why, warnings: [] };
  }
  const source = options.source === undefined ? undefined : findEnvironment(config, options.source);
  const apps = options.app === undefined ? [...config.apps.values()] : [findApp(config, options.app)];
  const targets = config.environments.filter(
    (environment) => environment.from !== undefined && (source === undefined || environment.from === source.name),
  );
  const context: Context = {
    options,
    config,
    configBranch,
    configHead,
    log,
    phase,
    warnings: [],
    environments: new Map(),
  };
  if (targets.length === 0) {
    const why =
      source === undefined
        ? `no environment of ${config.file} has from`
        : `no environment of ${config.file} is promoted from ${source.name}`;
    log(`nothing to promote: ${why}`);
    return { source: source?.name, promotions: [], nothing: why, warnings: [] };
  }
  const promotions: PromotionResult[] = [];
  for (const target of targets) {
    const from = findEnvironment(config, target.from);
    // One branch per model: another way of promoting joins here as another case.
    switch (target.promoteBy) {
      case 'image':
        for (const app of apps) promotions.push(await promoteImage(context, app, from, target));
        break;
      case 'app-branch':
        for (const app of apps) promotions.push(await promoteByAppBranch(context, app, from, target));
        break;
    }
  }
  return { source: source?.name, promotions, warnings: context.warnings };
}

/**
 * Model 3: one app from `from` into `target` by a pull request in the app's repository from `from`'s
 * app branch into `target`'s, once `from` passes the target's gate and soak.
 */
async function promoteByAppBranch(
  context: Context,
  app: AppConfig,
  from: EnvironmentConfig,
  target: EnvironmentConfig,
): Promise<PromotionResult> {
  const { options, log } = context;
  const route = { app: app.name, from: from.name, to: target.name };
  try {
    const health = await context.phase('deciding', async () => {
      log(`${app.name}: ${from.name} -> ${target.name} by app branch`);
      const source = await environmentAt(context, from);
      const sourceRuns =
        target.gate === 'deployment' ? (await running(context, source.snapshot, app, from)).images : [];
      const evidence = await gateEvidence(context, from, target, source.commit);
      const now = (options.now ?? Date.now)();
      return judgeAppBranchSource({ app, source: from, target, sourceRuns, evidence, now });
    });
    if (health.kind === 'blocked') {
      const { blocker } = health;
      log(`blocked (${blocker.kind}): ${blocker.reason}`);
      return {
        ...route,
        operation: blocker.kind === 'source' ? 'skipped' : 'blocked',
        reason: blocker.reason,
        blocker: blocker.kind,
      };
    }
    // The config refuses promote-by app-branch without a repository and app branches on both ends.
    if (app.repository === undefined || from.appBranch === undefined || target.appBranch === undefined) {
      throw new Error(
        `config accepted promote-by app-branch for ${app.name} ${from.name} -> ${target.name} without its branches`,
      );
    }
    const promotion = {
      app: app.name,
      repository: app.repository,
      from: { environment: from.name, branch: from.appBranch },
      to: { environment: target.name, branch: target.appBranch },
    };
    const result = await context.phase('pull request', () =>
      promoteAppBranch({
        client: options.appClient ?? options.client,
        promotion,
        settings: { labels: target.labels, reviewers: target.reviewers },
        ...(options.dryRun !== undefined && { dryRun: options.dryRun }),
        ...(options.serverUrl !== undefined && { serverUrl: options.serverUrl }),
        log,
      }),
    );
    context.warnings.push(...result.warnings);
    if (result.pullRequest && result.operation !== 'planned')
      options.done?.(`${result.operation} pull request #${result.pullRequest.number} in ${app.repository}`);
    return {
      ...route,
      operation: result.operation,
      reason:
        result.operation === 'skipped' ? result.reason : `${result.reason}; healthy in ${from.name}: ${health.seen}`,
      ...(result.pullRequest && { pullRequest: result.pullRequest }),
      ...(result.suggestion && { suggestedVersion: result.suggestion.next }),
    };
  } catch (error) {
    if (!isUserError(error)) throw error;
    log(`failed: ${error.message}`);
    return { ...route, operation: 'failed', reason: error.message };
  }
}

/** One app from `from` into `target` by its image: decide, then bump (or say why not). */
async function promoteImage(
  context: Context,
  app: AppConfig,
  from: EnvironmentConfig,
  target: EnvironmentConfig,
): Promise<PromotionResult> {
  const { options, log } = context;
  const route = { app: app.name, from: from.name, to: target.name };
  try {
    const decision = await context.phase('deciding', async () => {
      log(`${app.name}: ${from.name} -> ${target.name}`);
      const decision = await decide(context, app, from, target);
      log(`${decision.kind === 'blocked' ? `blocked (${decision.blocker.kind})` : 'promote'}: ${decision.reason}`);
      return decision;
    });
    if (decision.kind === 'blocked') return blockedResult(decision);
    if (options.dryRun) {
      return {
        ...route,
        image: decision.image,
        operation: 'planned',
        reason: `dry run: would promote; ${decision.reason}`,
      };
    }
    const bump = await bumpEnvironment({
      client: options.client,
      repository: options.repository,
      request: decision.request,
      ...(options.configPath !== undefined && { configPath: options.configPath }),
      defaultBranch: context.configBranch,
      ...(options.serverUrl !== undefined && { serverUrl: options.serverUrl }),
      ...(options.tokenKind !== undefined && { tokenKind: options.tokenKind }),
      ...(options.workflowRepository !== undefined && { workflowRepository: options.workflowRepository }),
      log,
      phase: context.phase,
      ...(options.done !== undefined && { done: options.done }),
    });
    context.warnings.push(...bump.warnings);
    return {
      ...route,
      image: decision.image,
      operation: bump.operation,
      reason:
        bump.operation === 'created' || bump.operation === 'updated'
          ? `${bump.reason}; ${decision.reason}`
          : bump.reason,
      ...(bump.pullRequest && { pullRequest: bump.pullRequest }),
      bump,
    };
  } catch (error) {
    // One app's mistake (its manifests are missing in the target, say) does not stop the others.
    if (!isUserError(error)) throw error;
    log(`failed: ${error.message}`);
    return { ...route, operation: 'failed', reason: error.message };
  }
}

function blockedResult(decision: Extract<PromoteDecision, { kind: 'blocked' }>): PromotionResult {
  const { blocker } = decision;
  const operation: PromotionOperation =
    blocker.kind === 'up-to-date'
      ? 'unchanged'
      : blocker.kind === 'policy' || blocker.kind === 'source'
        ? 'skipped'
        : 'blocked';
  return {
    app: decision.app,
    from: decision.from,
    to: decision.to,
    ...(decision.image !== undefined && { image: decision.image }),
    operation,
    reason: decision.reason,
    blocker: blocker.kind,
  };
}

async function decide(
  context: Context,
  app: AppConfig,
  from: EnvironmentConfig,
  target: EnvironmentConfig,
): Promise<PromoteDecision> {
  const source = await environmentAt(context, from);
  const sourceRead = await running(context, source.snapshot, app, from);
  const targetRead = await running(context, (await environmentAt(context, target)).snapshot, app, target);
  const evidence = await gateEvidence(context, from, target, source.commit);
  const sourceRecord = await recordInSource(context, app, from);
  return decidePromotion({
    app,
    source: from,
    target,
    sourceRuns: sourceRead.images,
    targetRuns: targetRead.images,
    evidence,
    ...(sourceRecord !== undefined && { sourceRecord }),
    now: (context.options.now ?? Date.now)(),
  });
}

function environmentAt(context: Context, environment: EnvironmentConfig) {
  const { client, repository } = context.options;
  const branch = environment.branch ?? context.configBranch;
  const known = context.environments.get(branch);
  if (known) return known;
  const read = (async () => {
    const commit =
      branch === context.configBranch ? context.configHead : await findBranchHead(client, repository, branch);
    if (commit === undefined) {
      throw new UserError(
        `environment ${environment.name}: branch ${branch} does not exist in ${repository.owner}/${repository.repo}; ` +
          `${context.config.file} names it as the branch of ${environment.name}`,
      );
    }
    context.log(`${branch} at ${commit.slice(0, 12)}`);
    return { commit, snapshot: await GitHubSnapshot.at(client, repository, commit) };
  })();
  context.environments.set(branch, read);
  return read;
}

async function running(
  context: Context,
  snapshot: GitHubSnapshot,
  app: AppConfig,
  environment: EnvironmentConfig,
): Promise<RunningRead> {
  const selection = selectCandidatePaths(await snapshot.paths(), { app, environment });
  const skipped: string[] = [];
  const files = await snapshot.read(selection.paths, (message) => skipped.push(message));
  const read = readRunningImages(app, files);
  context.warnings.push(...skipped.sort(), ...read.warnings);
  context.log(
    `${environment.name} runs ${app.name} at ${read.images.map((image) => image.tag).join(', ') || '(nothing)'}`,
  );
  return read;
}

async function gateEvidence(
  context: Context,
  from: EnvironmentConfig,
  target: EnvironmentConfig,
  sourceCommit: string,
): Promise<GateEvidence> {
  const { client, repository } = context.options;
  switch (target.gate) {
    case 'none':
      return { gate: 'none' };
    case 'commit-status': {
      const gateContext = target.gateContext!;
      const status = await commitStatusOf(client, repository, sourceCommit, gateContext);
      return { gate: 'commit-status', context: gateContext, commit: sourceCommit, status };
    }
    case 'deployment':
      return { gate: 'deployment', latest: await latestDeployment(client, repository, from.name) };
  }
}

/** The record of the newest promotion merged into `from` for the app: where its image came from. */
async function recordInSource(
  context: Context,
  app: AppConfig,
  from: EnvironmentConfig,
): Promise<PromotionRecord | undefined> {
  const { client, repository } = context.options;
  const merged = await lastMergedPullBody(
    client,
    repository,
    `${BRANCH_PREFIX}/${from.name}/${app.name}`,
    from.branch ?? context.configBranch,
  );
  const record = parseBodyRecord(merged?.body)?.record;
  return record?.app === app.name && record.environment === from.name ? record : undefined;
}
