// The bump, end to end against the GitHub API and without a clone: read the config and the few
// files that can reference the app, decide (pure, src/core/promotion.ts), then write one commit
// on `gitops-promote/<env>/<app>` and open or update that branch's single pull request.
//
// Concurrency: refs are never forced. The first commit of a branch has the base as its parent and
// is published with "create ref", which fails if the branch exists. Later commits have two parents
// (the base, and the branch head they replace) with the tree rebuilt from the base, so the update
// is a fast-forward that GitHub refuses when another run moved the branch first; the loser re-reads
// what the branch carries and decides again. The pull request's diff against the base is only the
// new tag bytes, because the base is a parent of the head.
//
// Pull requests with no purpose left are closed with a comment linking what superseded them
// (obsolete-pulls.ts), and GitHub's refusals are explained once, here at the top (failures.ts).
import { DEFAULT_CONFIG_PATH, parsePromotionConfig } from '../core/config.js';
import { UserError } from '../core/errors.js';
import type { PromotionRequest } from '../core/request.js';
import {
  buildRecord,
  decideAgainstEnvironment,
  decideAgainstPending,
  parseBodyRecord,
  parseCommitRecord,
  planPromotion,
  policyRefusal,
  renderChangeTable,
  renderCommitMessage,
  renderPullRequestBody,
  resolvePromotion,
  selectCandidatePaths,
  type Promotion,
  type PromotionRecord,
} from '../core/promotion.js';
import { DEFAULT_SERVER_URL } from '../core/promotion/render/links.js';
import { parseYamlStream } from '../core/yaml/parse.js';
import type { GitHubClient } from './client.js';
import { explainFailure, requestFailure } from './failures.js';
import { commitMessage, createBranch, fastForwardBranch, writeCommit, writeTree } from './promotion-branch.js';
import {
  closeObsoletePulls,
  closeOtherBasePulls,
  recordOf,
  type ClosedPull,
  type RunningTag,
} from './obsolete-pulls.js';
import { sourceLinks, type SourceLinks } from './pull-body.js';
import {
  applyPullSettings,
  findOpenPull,
  findOpenPulls,
  openPull,
  updatePull,
  type PullSummary,
} from './pull-request.js';
import {
  defaultBranch as readDefaultBranch,
  findBranchHead,
  isAncestor,
  readBlobs,
  readFileAt,
  readTree,
  repositoryVisible,
  type RepositoryName,
} from './repository-files.js';
import type { TokenKind } from './token.js';

export type BumpOperation = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface BumpOptions {
  client: GitHubClient;
  repository: RepositoryName;
  request: PromotionRequest;
  configPath?: string;
  /** The repository's default branch when known (the event says it), saving a call. */
  defaultBranch?: string;
  /** Where links to the source repository point (GITHUB_SERVER_URL). */
  serverUrl?: string;
  /** Plans on a fresh base when the base moved under us (default 3). */
  maxAttempts?: number;
  /** What kind of token the client carries, so a refusal says what that token needs (default 'unknown'). */
  tokenKind?: TokenKind;
  /** `owner/name` the workflow runs in, to tell when the workflow's GITHUB_TOKEN cannot reach the repository. */
  workflowRepository?: string;
  log?: (message: string) => void;
}

export interface BumpResult {
  operation: BumpOperation;
  reason: string;
  app: string;
  environment: string;
  tag: string;
  branch: string;
  baseBranch: string;
  pullRequest?: { number: number; url: string };
  previousTags: string[];
  changedFiles: string[];
  commitSha?: string;
  record?: PromotionRecord;
  /** The table of the PR body, for the job summary. */
  table?: string;
  /** Pull requests of this (app, environment) closed because they had no purpose left. */
  closedPullRequests: ClosedPull[];
  /** The source commit, build run and compares (old..new source revision) when known. */
  source?: SourceLinks;
  dispatchId: string;
  warnings: string[];
}

// Each lost round means another run moved the branch; a burst of dispatches for one app can make a
// run lose several in a row, so it backs off a random, growing while before reading it again.
const MAX_BRANCH_ROUNDS = 30;
const ROUND_BACKOFF_MS = 40;
const MAX_BODY_ROUNDS = 4;

interface Context {
  client: GitHubClient;
  repository: RepositoryName;
  promotion: Promotion;
  baseBranch: string;
  serverUrl: string;
  warnings: string[];
  log: (message: string) => void;
}

/** Bumps, and turns GitHub's refusals (401, 403, 404 ...) into messages that say what was done and what to fix. */
export async function bumpEnvironment(options: BumpOptions): Promise<BumpResult> {
  const { client, repository } = options;
  try {
    return await bump(options);
  } catch (error) {
    // A 404 is also what a repository the token cannot see answers: ask which before explaining it.
    const visible = requestFailure(error)?.status === 404 ? await repositoryVisible(client, repository) : undefined;
    throw explainFailure(error, {
      action: 'bump',
      repository: `${repository.owner}/${repository.repo}`,
      tokenKind: options.tokenKind ?? 'unknown',
      ...(options.workflowRepository !== undefined && { workflowRepository: options.workflowRepository }),
      ...(visible !== undefined && { repositoryVisible: visible }),
    });
  }
}

async function bump(options: BumpOptions): Promise<BumpResult> {
  const { client, repository, request } = options;
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const warnings: string[] = [];
  const log = options.log ?? (() => undefined);
  const fullName = `${repository.owner}/${repository.repo}`;
  const configBranch = options.defaultBranch ?? (await readDefaultBranch(client, repository));
  const configCommit =
    (await findBranchHead(client, repository, configBranch)) ??
    (await missingConfigBranch(client, repository, configBranch, configPath));
  const configText = await readFileAt(client, repository, configPath, configCommit);
  if (configText === undefined) {
    throw new UserError(
      `${configPath}: not found on ${configBranch} of ${fullName}; bump needs the promotion config there`,
    );
  }
  const promotion = resolvePromotion(parsePromotionConfig(configText, configPath), request);
  const baseBranch = promotion.environment.branch ?? configBranch;
  const context: Context = {
    client,
    repository,
    promotion,
    baseBranch,
    serverUrl: options.serverUrl ?? DEFAULT_SERVER_URL,
    warnings,
    log,
  };
  const result = (operation: BumpOperation, reason: string, extra: Partial<BumpResult> = {}): BumpResult => ({
    operation,
    reason,
    app: promotion.app.name,
    environment: promotion.environment.name,
    tag: promotion.tag,
    branch: promotion.branch,
    baseBranch,
    previousTags: [],
    changedFiles: [],
    closedPullRequests: [],
    source: sourceLinks({ source: request.provenance.source, previousTags: [], tag: promotion.tag }, context),
    dispatchId: request.provenance.dispatchId,
    warnings,
    ...extra,
  });

  const refusal = policyRefusal(promotion);
  if (refusal !== undefined) return result('skipped', refusal);

  let base = configCommit;
  if (baseBranch !== configBranch) {
    const head = await findBranchHead(client, repository, baseBranch);
    if (head === undefined) {
      throw new UserError(
        `environment ${promotion.environment.name}: branch ${baseBranch} does not exist in ${fullName}; ${configPath} ` +
          `names it as the branch of ${promotion.environment.name}. Create the branch, or fix its branch in ${configPath}.`,
      );
    }
    base = head;
  }
  const maxAttempts = options.maxAttempts ?? 3;
  let createdHere = false;
  for (let attempt = 1; ; attempt++) {
    const planned = await planOnBase(context, base);
    const { decision } = planned;
    if (decision.kind !== 'change') {
      // The environment runs the tag or a newer one: an open PR that brings nothing newer has no purpose left.
      const running: RunningTag[] = planned.running.map((tag) =>
        tag === promotion.tag ? { tag, buildTimestamp: request.buildTimestamp } : { tag },
      );
      const open = await findOpenPulls(client, repository, promotion.branch, baseBranch);
      const closedPullRequests = await closeObsoletePulls(context, open, base, running);
      for (const closed of closedPullRequests) log(closed.reason);
      return result(decision.kind, decision.reason, { previousTags: decision.previousTags, closedPullRequests });
    }
    const record = buildRecord(promotion, decision, base);
    const tree = await writeTree(
      client,
      repository,
      planned.treeSha,
      decision.files.map((file) => ({
        path: file.path,
        mode: planned.modes.get(file.path) ?? '100644',
        content: file.newText,
      })),
    );
    const published = await publish(context, { base, tree, record, rebuild: attempt > 1 });
    const extra: Partial<BumpResult> = {
      previousTags: decision.previousTags,
      changedFiles: decision.files.map((file) => file.path),
      record,
      table: renderChangeTable(record.changes),
      source: sourceLinks(record, context),
    };
    if (published.kind !== 'written') {
      const pullRequest = published.pull && { number: published.pull.number, url: published.pull.url };
      const closedPullRequests = published.pull
        ? await closeOtherBasePulls(context, published.otherBases, published.pull)
        : [];
      for (const closed of closedPullRequests) log(closed.reason);
      return result(published.kind, published.reason, {
        previousTags: decision.previousTags,
        ...(pullRequest && { pullRequest }),
        closedPullRequests,
      });
    }
    const { pull } = published;
    createdHere ||= published.operation === 'created';
    // The base moved between our read and the pull request: plan again on the new base, so the
    // PR is built on what it will merge into.
    if (pull.baseSha !== base && attempt < maxAttempts) {
      log(
        `${baseBranch} moved from ${base.slice(0, 12)} to ${pull.baseSha.slice(0, 12)} while bumping; planning again`,
      );
      base = pull.baseSha;
      continue;
    }
    // The environment's base branch changed in the config: the branch's PRs into the old base are superseded.
    const closedPullRequests = await closeOtherBasePulls(context, published.otherBases, pull);
    for (const closed of closedPullRequests) log(closed.reason);
    warnings.push(...(await applyPullSettings(client, repository, pull, promotion.environment)));
    const operation = createdHere ? 'created' : published.operation;
    return result(operation, `${operation} pull request #${pull.number}`, {
      ...extra,
      pullRequest: { number: pull.number, url: pull.url },
      commitSha: published.commit,
      closedPullRequests,
    });
  }
}

/** Reading the repository tells a missing branch from a repository the token cannot see (that read throws the 404). */
async function missingConfigBranch(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  configPath: string,
): Promise<never> {
  const actual = await readDefaultBranch(client, repository);
  throw new UserError(
    `branch ${branch} does not exist in ${repository.owner}/${repository.repo} (its default branch is ${actual}); ` +
      `bump reads ${configPath} from it`,
  );
}

async function planOnBase(context: Context, base: string) {
  const { client, repository, promotion, warnings } = context;
  const tree = await readTree(client, repository, base);
  const selection = selectCandidatePaths(
    tree.blobs.map((blob) => blob.path),
    promotion,
  );
  if (selection.broad) {
    warnings.push(
      `no file under ${promotion.environment.path || 'the repository root'} is named after ${promotion.app.name}; read all ${selection.paths.length} YAML files. Set apps.${promotion.app.name}.paths to read fewer.`,
    );
  }
  const wanted = new Set(selection.paths);
  const blobs = tree.blobs.filter((blob) => wanted.has(blob.path));
  const files = await readBlobs(client, repository, blobs, (message) => warnings.push(message));
  const plan = planPromotion(promotion, files);
  warnings.push(...plan.plan.warnings);
  for (const file of plan.plan.files) parseYamlStream(file.path, file.newText);
  return {
    decision: decideAgainstEnvironment(promotion, plan),
    running: plan.running,
    treeSha: tree.sha,
    modes: new Map(blobs.map((blob) => [blob.path, blob.mode])),
  };
}

/** `otherBases`: the branch's open PRs into other bases, which the outcome supersedes. */
type Published =
  | { kind: 'written'; operation: 'created' | 'updated'; pull: PullSummary; commit: string; otherBases: PullSummary[] }
  | { kind: 'unchanged' | 'skipped'; reason: string; pull: PullSummary | undefined; otherBases: PullSummary[] };

async function publish(
  context: Context,
  change: { base: string; tree: string; record: PromotionRecord; rebuild: boolean },
): Promise<Published> {
  const { client, repository, promotion } = context;
  const { branch, title } = promotion;
  const message = renderCommitMessage(title, change.record);
  const first = await writeCommit(client, repository, message, change.tree, [change.base]);
  if ((await createBranch(client, repository, branch, first)) === 'created') {
    const shown = await showPull(context, undefined, first, change.record);
    return { kind: 'written', ...shown, commit: first, otherBases: [] };
  }
  for (let round = 1; round <= MAX_BRANCH_ROUNDS; round++) {
    const { onBase: pull, otherBases } = await findOpenPulls(client, repository, branch, context.baseBranch);
    const head = pull?.headSha ?? (await findBranchHead(client, repository, branch));
    if (head === undefined) {
      // Deleted since we looked (a merged PR's branch): start it afresh.
      if ((await createBranch(client, repository, branch, first)) === 'created') {
        const shown = await showPull(context, pull, first, change.record);
        return { kind: 'written', ...shown, commit: first, otherBases };
      }
      continue;
    }
    // Our create went through but its answer was lost. (With an open PR, the same sha is an earlier
    // run's identical commit, made in the same second: the comparison below says it is the same.)
    if (head === first && pull === undefined) {
      const shown = await showPull(context, undefined, first, change.record);
      return { kind: 'written', ...shown, commit: first, otherBases };
    }
    const pending = await recordOf(context, pull, head);
    if (pending === undefined) {
      throw new UserError(
        `branch ${branch} of ${repository.owner}/${repository.repo} has commit ${head.slice(0, 12)}, which gitops-promote ` +
          `did not make (someone pushed to the promotion branch); bump never force-pushes over it. Fix: merge or close ` +
          `its pull request and delete the branch; the next dispatch opens a new one.`,
      );
    }
    // Compared even without an open PR: another run may have created the branch and not yet its PR.
    let verdict = decideAgainstPending(promotion, pending);
    // Without a PR into this base, the head may have been built for another base (the environment's branch
    // changed in the config, or the base was rewritten): then it says nothing about this base, build afresh.
    if (verdict !== 'replace' && pull === undefined && !(await plannedOnHistoryOf(context, pending, change.base))) {
      verdict = 'replace';
    }
    const where = pull ? `pull request #${pull.number}` : `branch ${branch}`;
    if (verdict === 'same' && !change.rebuild) {
      if (pull) {
        return {
          kind: 'unchanged',
          reason: `${where} already promotes ${promotion.app.name} to ${promotion.tag}`,
          pull,
          otherBases,
        };
      }
      // The branch carries the change but has no open PR (closed, or another run is opening it): open it.
      return { kind: 'written', ...(await showPull(context, undefined, head, pending)), commit: head, otherBases };
    }
    if (verdict === 'pending-is-newer') {
      return {
        kind: 'skipped',
        reason: `${where} already promotes ${promotion.app.name} to ${pending.tag}, which is not older than ${promotion.tag}`,
        pull,
        otherBases,
      };
    }
    const commit = await writeCommit(client, repository, message, change.tree, [change.base, head]);
    const outcome = await fastForwardBranch(client, repository, branch, commit);
    if (outcome === 'updated')
      return { kind: 'written', ...(await showPull(context, pull, commit, change.record)), commit, otherBases };
    context.log(`branch ${branch} moved while bumping (${outcome}); reading it again`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ROUND_BACKOFF_MS * Math.min(round, 10)));
  }
  throw new Error(
    `branch ${branch} kept moving under concurrent bumps; gave up after ${MAX_BRANCH_ROUNDS} rounds, dispatch again`,
  );
}

/** Was the pending change planned on `base` or on a commit of its history? */
async function plannedOnHistoryOf(context: Context, pending: PromotionRecord, base: string): Promise<boolean> {
  if (typeof pending.base !== 'string' || pending.base === base) return true;
  return isAncestor(context.client, context.repository, pending.base, base);
}

/** Opens the branch's pull request, or updates it to describe `commit`, and makes sure its body stays current under races. */
async function showPull(
  context: Context,
  known: PullSummary | undefined,
  commit: string,
  record: PromotionRecord,
): Promise<{ operation: 'created' | 'updated'; pull: PullSummary }> {
  const { client, repository, promotion, baseBranch } = context;
  const links = { serverUrl: context.serverUrl };
  const text = { title: promotion.title, body: renderPullRequestBody(record, commit, links) };
  if (known === undefined) {
    const opened = await openPull(client, repository, promotion.branch, baseBranch, text);
    // A PR we opened carries our body; any later writer of the branch updates the body after us.
    if (opened) return { operation: 'created', pull: opened };
  }
  const existing = known ?? (await findOpenPull(client, repository, promotion.branch, baseBranch));
  if (existing === undefined)
    throw new Error(`pull request for ${promotion.branch} vanished while bumping; dispatch again`);
  // Our own create went through but its answer was lost (a retried POST answered "already exists").
  if (known === undefined && parseBodyRecord(existing.body)?.commit === commit) {
    return { operation: 'created', pull: existing };
  }
  let pull = await updatePull(client, repository, existing.number, text);
  // Another run may have moved the branch and written its body before our write landed: the
  // body must describe the branch head, so re-render it from the head's own record.
  for (let round = 1; round <= MAX_BODY_ROUNDS; round++) {
    const head = await findBranchHead(client, repository, promotion.branch);
    if (head === undefined || head === parseBodyRecord(pull.body)?.commit) break;
    const headRecord = parseCommitRecord(await commitMessage(client, repository, head));
    if (headRecord === undefined) break;
    const title = `Promote ${headRecord.app} to ${headRecord.tag} in ${headRecord.environment}`;
    pull = await updatePull(client, repository, existing.number, {
      title,
      body: renderPullRequestBody(headRecord, head, links),
    });
  }
  return { operation: 'updated', pull };
}
