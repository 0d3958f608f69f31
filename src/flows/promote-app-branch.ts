// Model 3, application branches: reads the compare of the two branches and the release tags of the
// application repository, plans (core/promotion/app-branch), then opens the one pull request from the
// source branch into the target branch, or updates it in place. GitHub allows one open pull request
// per head and base, so that pull request is the one per (app, target environment).
import { UserError } from '../core/errors.js';
import {
  APP_BRANCH_MARKER,
  planAppBranchPromotion,
  type AppBranchCommit,
  type AppBranchPromotion,
} from '../core/promotion/app-branch.js';
import type { VersionSuggestion } from '../core/promotion/app-branch-version.js';
import type { GitHubClient } from '../github/client.js';
import { requestFailure } from '../github/failures.js';
import { commentMarker, upsertComment } from '../github/comments.js';
import {
  applyPullSettings,
  findOpenPull,
  openPull,
  updatePull,
  type PullSettings,
  type PullSummary,
} from '../github/pulls.js';
import { findBranchHead, repositoryVisible, type RepositoryName } from '../github/repository.js';

/** `planned`: a dry run that would open or update the pull request. */
export type AppBranchOperation = 'created' | 'updated' | 'unchanged' | 'skipped' | 'planned';

export interface AppBranchOptions {
  /** A client whose token reaches the application repository (the `app-token` input). */
  client: GitHubClient;
  promotion: AppBranchPromotion;
  /** Reviewers asked on the pull request (the target environment's); labels likewise. */
  settings?: Pick<PullSettings, 'labels' | 'reviewers'>;
  /** Plans and says what it would do, writes nothing. */
  dryRun?: boolean;
  /** GITHUB_SERVER_URL, for the compare link. */
  serverUrl?: string;
  log?: (message: string) => void;
}

export interface AppBranchResult {
  operation: AppBranchOperation;
  reason: string;
  app: string;
  from: string;
  to: string;
  repository: string;
  pullRequest?: { number: number; url: string };
  suggestion?: VersionSuggestion;
  /** Commits of the source branch the target lacks. */
  commits: number;
  warnings: string[];
}

export async function promoteAppBranch(options: AppBranchOptions): Promise<AppBranchResult> {
  const { client, promotion } = options;
  const log = options.log ?? (() => undefined);
  const repository = repositoryName(promotion.repository);
  const head = promotion.from.branch;
  const base = promotion.to.branch;
  const result = (operation: AppBranchOperation, reason: string, extra: Partial<AppBranchResult> = {}) => ({
    operation,
    reason,
    app: promotion.app,
    from: promotion.from.environment,
    to: promotion.to.environment,
    repository: promotion.repository,
    commits: 0,
    warnings: [],
    ...extra,
  });

  const comparison = await compareBranches(client, repository, promotion);
  const tags = comparison.aheadBy === 0 ? [] : await releaseTags(client, repository);
  const plan = planAppBranchPromotion(promotion, comparison, tags, options.serverUrl);
  if (plan.kind === 'nothing') return result('skipped', plan.reason);
  const planned = { suggestion: plan.suggestion, commits: plan.commits };
  const existing = await findOpenPull(client, repository, head, base);
  if (options.dryRun) {
    const what = existing === undefined ? 'open a pull request' : `update pull request #${existing.number}`;
    return result('planned', `dry run: would ${what} from ${head} into ${base} suggesting ${plan.suggestion.next}`, {
      ...planned,
      ...(existing && { pullRequest: { number: existing.number, url: existing.url } }),
    });
  }
  const text = { title: plan.title, body: plan.body };
  let pull: PullSummary | undefined = existing;
  let operation: AppBranchOperation;
  if (pull === undefined) {
    pull = await openPull(client, repository, head, base, text);
    operation = 'created';
    // A concurrent run opened it between our read and our write: ours becomes an update of theirs.
    pull ??= await findOpenPull(client, repository, head, base);
    if (pull === undefined)
      throw new Error(`GitHub refused a second pull request from ${head} into ${base}, then listed none`);
  } else {
    operation = 'unchanged';
  }
  let reason: string;
  if (!pull.body.includes(APP_BRANCH_MARKER)) {
    // Someone opened the pull request between these branches by hand: their description stays, and
    // what the promotion has to say goes into one comment of ours, kept up to date.
    await upsertComment(client, repository, pull.number, commentMarker('app-branch'), plan.body);
    operation = 'updated';
    reason = `pull request #${pull.number} from ${head} into ${base} was opened by someone else: commented there`;
  } else if (pull.title !== text.title || pull.body !== text.body) {
    if (operation !== 'created') operation = 'updated';
    pull = await updatePull(client, repository, pull.number, text);
    reason = `${operation} pull request #${pull.number} from ${head} into ${base}`;
  } else {
    reason = `${operation} pull request #${pull.number} from ${head} into ${base}`;
  }
  log(`${reason} (${pull.url}), suggesting ${plan.suggestion.next}`);
  const warnings =
    options.settings === undefined
      ? []
      : await applyPullSettings(client, repository, pull, { ...options.settings, autoMerge: false });
  return result(operation, reason, { ...planned, pullRequest: { number: pull.number, url: pull.url }, warnings });
}

function repositoryName(text: string): RepositoryName {
  const [owner = '', repo = '', ...rest] = text.split('/');
  if (owner === '' || repo === '' || rest.length > 0) {
    throw new UserError(`apps.<app>.repository: got ${JSON.stringify(text)}, expected owner/name`, {
      field: 'repository',
      value: text,
      expected: 'owner/name',
    });
  }
  return { owner, repo };
}

interface Comparison {
  aheadBy: number;
  commits: AppBranchCommit[];
}

async function compareBranches(
  client: GitHubClient,
  repository: RepositoryName,
  promotion: AppBranchPromotion,
): Promise<Comparison> {
  const { from, to } = promotion;
  try {
    const { data } = await client.rest.repos.compareCommitsWithBasehead({
      ...repository,
      basehead: `${to.branch}...${from.branch}`,
    });
    return {
      aheadBy: data.ahead_by,
      commits: data.commits.map((commit) => ({
        sha: commit.sha,
        message: commit.commit.message,
        authorName: commit.commit.author?.name ?? '',
        authorLogin: commit.author?.login ?? undefined,
      })),
    };
  } catch (error) {
    if (requestFailure(error)?.status !== 404) throw error;
    throw await explainMissing(client, repository, promotion);
  }
}

/** A 404 from compare: the repository out of the token's reach, a branch missing, or no common history. */
async function explainMissing(
  client: GitHubClient,
  repository: RepositoryName,
  promotion: AppBranchPromotion,
): Promise<UserError> {
  const name = promotion.repository;
  if ((await repositoryVisible(client, repository)) === false) {
    return new UserError(
      `apps.${promotion.app}.repository: ${name} is not found with the token given; give promote an app-token ` +
        `that can read and open pull requests in ${name} (contents: read, pull-requests: write)`,
      { field: `apps.${promotion.app}.repository`, value: name, expected: 'a repository the app-token reaches' },
    );
  }
  for (const side of [promotion.from, promotion.to]) {
    if ((await findBranchHead(client, repository, side.branch)) === undefined) {
      return new UserError(
        `environments[${side.environment}].app-branch: got ${JSON.stringify(side.branch)}, expected a branch of ${name}`,
        { field: `environments[${side.environment}].app-branch`, value: side.branch, expected: `a branch of ${name}` },
      );
    }
  }
  return new UserError(
    `${name}: branches ${promotion.from.branch} and ${promotion.to.branch} share no history, so there is nothing to merge forward`,
  );
}

async function releaseTags(client: GitHubClient, repository: RepositoryName): Promise<string[]> {
  const tags = await client.paginate(client.rest.repos.listTags, { ...repository, per_page: 100 });
  return tags.map((tag) => tag.name);
}
