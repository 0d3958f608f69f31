// The bump, end to end against the GitHub API and without a clone: read the config and the few
// files that can reference the app, plan and decide (core), then write one commit on
// `gitops-promote/<env>/<app>` and open or update that branch's single pull request (adapters).
// The flow has no policy of its own: every verdict comes from src/core/promotion, and when the
// world moved under it (the base branch, the promotion branch) it reads and plans again.
//
// Concurrency: refs are never forced. The first commit of a branch has the base as its parent and
// is published with "create ref", which fails if the branch exists. Later commits have two parents
// (the base, and the branch head they replace) with the tree rebuilt from the base, so the update
// is a fast-forward that GitHub refuses when another run moved the branch first; the loser re-reads
// what the branch carries and decides again. The pull request's diff against the base is only the
// new tag bytes, because the base is a parent of the head.
import { DEFAULT_CONFIG_PATH, parsePromotionConfig } from '../core/config/index.js';
import { UserError } from '../core/errors.js';
import {
  buildRecord,
  closuresAfterNoChange,
  closuresForSuccessor,
  decideAgainstPending,
  parseBodyRecord,
  parseCommitRecord,
  policyRefusal,
  recordTitle,
  renderChangeTable,
  renderCommitMessage,
  renderPullRequestBody,
  resolvePromotion,
  sourceLinks,
  DEFAULT_SERVER_URL,
  PULL_BODY_LIMIT,
  type Closure,
  type Promotion,
  type PromotionRecord,
  type RunningTag,
  type SourceLinks,
} from '../core/promotion/index.js';
import type { PromotionRequest } from '../core/request.js';
import { createBranch, fastForwardBranch, writeCommit, writeTree } from '../github/branch-writer.js';
import type { GitHubClient } from '../github/client.js';
import { commentMarker } from '../github/comments.js';
import { explainFailure, requestFailure } from '../github/failures.js';
import {
  applyPullSettings,
  closePullIfHead,
  findOpenPull,
  findOpenPulls,
  openPull,
  reopenPull,
  updatePull,
  type PullSummary,
} from '../github/pulls.js';
import {
  commitMessage,
  defaultBranch as readDefaultBranch,
  findBranchHead,
  GitHubSnapshot,
  isAncestor,
  readFileAt,
  repositoryVisible,
  type RepositoryName,
} from '../github/repository.js';
import { scopesMayWrite, watchOAuthScopes, type TokenKind } from '../github/token.js';
import { planOnSnapshot } from './plan.js';

export type BumpOperation = 'created' | 'updated' | 'unchanged' | 'skipped';

/** Runs a phase of the flow; the action groups its log lines (core.group), others just run it. */
export type PhaseRunner = <T>(phase: string, work: () => Promise<T>) => Promise<T>;

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
  /** Each phase (reading, planning, writing, pull request) runs through this; default: runs it. */
  phase?: PhaseRunner;
  /** Told each thing done that changed or decided something, so a failure can say what came before it. */
  done?: (step: string) => void;
  /** Unit of the waits while GitHub catches up with a push ("No commits between"; default 1000 ms). */
  lagDelayMs?: number;
}

/** A pull request closed because it had no purpose left. */
export type ClosedPull = Omit<Closure, 'comment'>;

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
  /** The dispatch (or run by hand) this bump answers; none for a promotion from another environment. */
  dispatchId?: string;
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
  phase: PhaseRunner;
  done: (step: string) => void;
  lagDelayMs: number;
}

const runPhase: PhaseRunner = (_phase, work) => work();

/** Bumps, and turns GitHub's refusals (401, 403, 404 ...) into messages that say what was done and what to fix. */
export async function bumpEnvironment(options: BumpOptions): Promise<BumpResult> {
  const { client, repository } = options;
  let branchWritten: string | undefined;
  const done = (step: string) => {
    const branch = /^(?:created|moved) branch (\S+)/.exec(step)?.[1];
    if (branch !== undefined) branchWritten = branch;
    options.done?.(step);
  };
  try {
    return await bump({ ...options, done });
  } catch (error) {
    // A 404 is also what a repository the token cannot see answers: ask which before explaining it.
    const visible = requestFailure(error)?.status === 404 ? await repositoryVisible(client, repository) : undefined;
    throw explainFailure(error, {
      action: 'bump',
      repository: `${repository.owner}/${repository.repo}`,
      tokenKind: options.tokenKind ?? 'unknown',
      ...(options.workflowRepository !== undefined && { workflowRepository: options.workflowRepository }),
      ...(visible !== undefined && { repositoryVisible: visible }),
      ...(branchWritten !== undefined && { branchWritten }),
    });
  }
}

async function bump(options: BumpOptions): Promise<BumpResult> {
  const { client, repository, request } = options;
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const warnings: string[] = [];
  const log = options.log ?? (() => undefined);
  const phase = options.phase ?? runPhase;
  const done = options.done ?? (() => undefined);
  const fullName = `${repository.owner}/${repository.repo}`;
  // A classic token says its scopes on every answer: one that cannot write is stopped before any write.
  const scopes = watchOAuthScopes(client);
  const mayWrite = () => {
    const granted = scopes();
    if (granted === undefined || scopesMayWrite(granted)) return;
    throw new UserError(
      `bump needs to write to ${fullName}, and the classic personal access token's scopes ` +
        `(${granted.join(', ') || 'none'}) do not allow it; nothing was written. Fix: give the token the "repo" ` +
        `scope ("public_repo" is enough for a public repository), or use a GitHub App token.`,
    );
  };
  const { promotion, configBranch, configCommit } = await phase('reading', async () => {
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
    log(`read ${configPath} at ${configBranch} ${configCommit.slice(0, 12)}`);
    return { promotion, configBranch, configCommit };
  });
  const baseBranch = promotion.environment.branch ?? configBranch;
  const context: Context = {
    client,
    repository,
    promotion,
    baseBranch,
    serverUrl: options.serverUrl ?? DEFAULT_SERVER_URL,
    warnings,
    log,
    phase,
    done,
    lagDelayMs: options.lagDelayMs ?? 1000,
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
    ...(request.provenance.dispatchId !== undefined && { dispatchId: request.provenance.dispatchId }),
    warnings,
    ...extra,
  });

  const refusal = policyRefusal(promotion);
  if (refusal !== undefined) return result('skipped', refusal);

  let base = configCommit;
  if (baseBranch !== configBranch) {
    const head = await phase('reading', () => findBranchHead(client, repository, baseBranch));
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
    const snapshot = await phase('reading', () => GitHubSnapshot.at(client, repository, base));
    const planned = await phase('planning', async () => {
      const planned = await planOnSnapshot(promotion, snapshot);
      warnings.push(...planned.warnings);
      const { decision } = planned;
      log(
        `${decision.kind} on ${baseBranch} at ${base.slice(0, 12)}${'reason' in decision ? `: ${decision.reason}` : ''}`,
      );
      return planned;
    });
    const { decision } = planned;
    if (decision.kind !== 'change') {
      // The environment runs the tag or a newer one: an open PR that brings nothing newer has no purpose left.
      const running: RunningTag[] = planned.planned.running.map((tag) =>
        tag === promotion.tag && request.buildTimestamp !== undefined
          ? { tag, buildTimestamp: request.buildTimestamp }
          : { tag },
      );
      const closedPullRequests = await phase('pull request', async () => {
        const listed = await findOpenPulls(client, repository, promotion.branch, baseBranch);
        const open = { ...listed, onBase: listed.onBase && (await withBranchHead(context, listed.onBase)) };
        const onBase = open.onBase && {
          pull: open.onBase,
          proposed: await recordOf(context, open.onBase, open.onBase.headSha),
        };
        const closures = closuresAfterNoChange(
          { promotion, baseBranch, base, running, serverUrl: context.serverUrl, repository: fullName },
          { ...(onBase && { onBase }), otherBases: open.otherBases },
        );
        if (closures.length > 0) mayWrite();
        return close(context, closures, [...(open.onBase ? [open.onBase] : []), ...open.otherBases]);
      });
      return result(decision.kind, decision.reason, { previousTags: decision.previousTags, closedPullRequests });
    }
    const record = buildRecord(promotion, decision, base);
    // GitHub refuses a longer body after the branch would be written: checked first (the table is
    // summarised past a size, so only a record too large to carry gets here).
    const bodyLength = [...renderPullRequestBody(record, '0'.repeat(40), { serverUrl: context.serverUrl })].length;
    if (bodyLength > PULL_BODY_LIMIT) {
      throw new UserError(
        `the pull request for ${promotion.app.name} would change ${record.changes.length} places and need a ` +
          `${bodyLength}-character body, more than GitHub's ${PULL_BODY_LIMIT}; nothing was written. Narrow the ` +
          `app's places with paths in the promotion config, or split the environment.`,
      );
    }
    mayWrite();
    const tree = await phase('writing', async () => {
      const tree = await writeTree(
        client,
        repository,
        snapshot.treeSha,
        decision.files.map((file) => ({ path: file.path, mode: snapshot.mode(file.path), content: file.newText })),
      );
      done(`wrote a tree with ${decision.files.map((file) => file.path).join(', ')}`);
      return tree;
    });
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
        ? await closeForSuccessor(context, published.otherBases, published.pull)
        : [];
      // Labels, reviewers and auto-merge an earlier run did not get to (nothing is sent when all are there).
      if (published.kind === 'unchanged' && published.pull) {
        const { pull } = published;
        warnings.push(
          ...(await phase('pull request', () => applyPullSettings(client, repository, pull, promotion.environment))),
        );
      }
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
    const closedPullRequests = await closeForSuccessor(context, published.otherBases, pull);
    const settingsWarnings = await phase('pull request', () =>
      applyPullSettings(client, repository, pull, promotion.environment),
    );
    warnings.push(...settingsWarnings);
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

/** What a branch head carries: from the PR body when it describes that head, else from the commit message. */
async function recordOf(
  context: Context,
  pull: PullSummary | undefined,
  head: string,
): Promise<PromotionRecord | undefined> {
  const fromBody = parseBodyRecord(pull?.body);
  if (fromBody && fromBody.commit === head) return fromBody.record;
  return parseCommitRecord(await commitMessage(context.client, context.repository, head));
}

/** The one comment a closing run leaves on a PR, found again by this marker (a retry updates it). */
const CLOSING_MARKER = commentMarker('closing');

/**
 * Closes each PR only if it still shows the commit it was judged on (`judged`: see closePullIfHead);
 * without `judged`, the PRs are superseded whatever they show and are closed as they are.
 */
async function close(
  context: Context,
  closures: readonly Closure[],
  judged?: readonly PullSummary[],
): Promise<ClosedPull[]> {
  const closed: ClosedPull[] = [];
  for (const { comment, ...pull } of closures) {
    const judgedHead = judged && judged.find((candidate) => candidate.number === pull.number)?.headSha;
    if (judged && judgedHead === undefined) continue;
    const outcome = await closePullIfHead(
      context.client,
      context.repository,
      { number: pull.number, judgedHead, branch: context.promotion.branch },
      comment,
      CLOSING_MARKER,
    );
    if (outcome !== 'closed') {
      context.log(`pull request #${pull.number} moved to a newer commit while it was judged; left open (${outcome})`);
      continue;
    }
    context.log(pull.reason);
    context.done(pull.reason);
    closed.push(pull);
  }
  return closed;
}

function closeForSuccessor(context: Context, others: readonly PullSummary[], successor: PullSummary) {
  if (others.length === 0) return Promise.resolve([]);
  return context.phase('pull request', () =>
    close(context, closuresForSuccessor(context.promotion, context.baseBranch, others, successor)),
  );
}

/** `otherBases`: the branch's open PRs into other bases, which the outcome supersedes. */
type Published =
  | { kind: 'written'; operation: 'created' | 'updated'; pull: PullSummary; commit: string; otherBases: PullSummary[] }
  | { kind: 'unchanged' | 'skipped'; reason: string; pull: PullSummary | undefined; otherBases: PullSummary[] };

async function publish(
  context: Context,
  change: { base: string; tree: string; record: PromotionRecord; rebuild: boolean },
): Promise<Published> {
  const { client, repository, promotion, phase, done } = context;
  const { branch, title } = promotion;
  const message = renderCommitMessage(title, change.record);
  const first = await phase('writing', async () => {
    const first = await writeCommit(client, repository, message, change.tree, [change.base]);
    done(`wrote commit ${first.slice(0, 12)} on ${change.base.slice(0, 12)}`);
    return first;
  });
  if ((await phase('writing', () => createBranch(client, repository, branch, first))) === 'created') {
    done(`created branch ${branch} at ${first.slice(0, 12)}`);
    const shown = await showPull(context, undefined, first, change.record);
    return { kind: 'written', ...shown, commit: first, otherBases: [] };
  }
  for (let round = 1; round <= MAX_BRANCH_ROUNDS; round++) {
    const listed = await findOpenPulls(client, repository, branch, context.baseBranch);
    const { otherBases } = listed;
    const pull = listed.onBase && (await withBranchHead(context, listed.onBase));
    const head = pull?.headSha ?? (await findBranchHead(client, repository, branch));
    if (head === undefined) {
      // Deleted since we looked (a merged PR's branch): start it afresh.
      if ((await createBranch(client, repository, branch, first)) === 'created') {
        done(`created branch ${branch} at ${first.slice(0, 12)}`);
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
    // Without a PR into this base, the head may have been built for another base (the environment's branch
    // changed in the config, or the base was rewritten): core decides with that known.
    let verdict = decideAgainstPending(promotion, pending);
    if (verdict !== 'replace' && pull === undefined) {
      const builtForAnotherBase = !(await plannedOnHistoryOf(context, pending, change.base));
      verdict = decideAgainstPending(promotion, pending, { builtForAnotherBase });
    }
    const where = pull ? `pull request #${pull.number}` : `branch ${branch}`;
    if (verdict === 'same' && !change.rebuild) {
      // A run that moved the branch and then failed to write the PR (a refused PATCH) left it describing
      // an older promotion: make it match the branch's record again, whatever the earlier run managed.
      if (pull && !describes(pull, head, pending)) {
        context.log(`${where} does not describe branch ${branch} at ${head.slice(0, 12)}; updating it`);
        return { kind: 'written', ...(await showPull(context, pull, head, pending)), commit: head, otherBases };
      }
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
    const outcome = await phase('writing', async () => {
      const commit = await writeCommit(client, repository, message, change.tree, [change.base, head]);
      return { commit, ref: await fastForwardBranch(client, repository, branch, commit) };
    });
    if (outcome.ref === 'updated') {
      done(`moved branch ${branch} from ${head.slice(0, 12)} to ${outcome.commit.slice(0, 12)}`);
      return {
        kind: 'written',
        ...(await showPull(context, pull, outcome.commit, change.record)),
        commit: outcome.commit,
        otherBases,
      };
    }
    context.log(`branch ${branch} moved while bumping (${outcome.ref}); reading it again`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ROUND_BACKOFF_MS * Math.min(round, 10)));
  }
  throw new Error(
    `branch ${branch} kept moving under concurrent bumps; gave up after ${MAX_BRANCH_ROUNDS} rounds, dispatch again`,
  );
}

/**
 * The PR with the head its branch has now. GitHub's pull request follows a push a moment late: a PR
 * whose body describes another commit than the head it shows may show an old head, so the branch is
 * read (the ref is never late) instead of deciding on it. The usual PR, whose body describes its head,
 * costs no call.
 */
async function withBranchHead(context: Context, pull: PullSummary): Promise<PullSummary> {
  const described = parseBodyRecord(pull.body)?.commit;
  if (described === undefined || described === pull.headSha) return pull;
  const head = await findBranchHead(context.client, context.repository, context.promotion.branch);
  if (head === undefined || head === pull.headSha) return pull;
  context.log(`pull request #${pull.number} shows ${pull.headSha.slice(0, 12)}, its branch is at ${head.slice(0, 12)}`);
  return { ...pull, headSha: head };
}

/** Does the PR say what the branch head carries (its title and the body's record of that very commit)? */
function describes(pull: PullSummary, head: string, record: PromotionRecord): boolean {
  const body = parseBodyRecord(pull.body);
  return body?.commit === head && body.record.tag === record.tag && pull.title === recordTitle(record);
}

/** Was the pending change planned on `base` or on a commit of its history? */
async function plannedOnHistoryOf(context: Context, pending: PromotionRecord, base: string): Promise<boolean> {
  if (typeof pending.base !== 'string' || pending.base === base) return true;
  return isAncestor(context.client, context.repository, pending.base, base);
}

/** Opens the branch's pull request, or updates it to describe `commit`, and makes sure its body stays current under races. */
function showPull(
  context: Context,
  known: PullSummary | undefined,
  commit: string,
  record: PromotionRecord,
): Promise<{ operation: 'created' | 'updated'; pull: PullSummary }> {
  return context.phase('pull request', async () => {
    const shown = await writePull(context, known, commit, record);
    context.done(`${shown.operation} pull request #${shown.pull.number} (${shown.pull.url})`);
    return shown;
  });
}

async function writePull(
  context: Context,
  known: PullSummary | undefined,
  commit: string,
  record: PromotionRecord,
): Promise<{ operation: 'created' | 'updated'; pull: PullSummary }> {
  const { client, repository, promotion, baseBranch } = context;
  const links = { serverUrl: context.serverUrl };
  const text = { title: promotion.title, body: renderPullRequestBody(record, commit, links) };
  if (known === undefined) {
    const opened = await openPull(client, repository, promotion.branch, baseBranch, text, context.lagDelayMs);
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
  // An older run judged the PR obsolete and closed it between our read and our write: the branch now
  // carries our newer promotion, so the PR is reopened (that run re-checks too and reopens it itself).
  if (pull.state === 'closed' && !pull.merged && (await reopenPull(client, repository, existing.number))) {
    context.log(`pull request #${existing.number} was closed by an older decision while bumping; reopened it`);
    pull = { ...pull, state: 'open' };
  }
  // Another run may have moved the branch and written its body before our write landed: the
  // body must describe the branch head, so re-render it from the head's own record.
  for (let round = 1; round <= MAX_BODY_ROUNDS; round++) {
    const head = await findBranchHead(client, repository, promotion.branch);
    if (head === undefined || head === parseBodyRecord(pull.body)?.commit) break;
    const headRecord = parseCommitRecord(await commitMessage(client, repository, head));
    if (headRecord === undefined) break;
    pull = await updatePull(client, repository, existing.number, {
      title: recordTitle(headRecord),
      body: renderPullRequestBody(headRecord, head, links),
    });
  }
  return { operation: 'updated', pull };
}
