// Pull requests of a branch: find the open ones, open or update one, close one with a comment, and
// apply labels, reviewers and auto-merge idempotently (nothing is sent that is already so). Generic:
// any flow that keeps one pull request per branch uses it.
import type { GitHubClient } from './client.js';
import { upsertComment } from './comments.js';
import { acceptedPermissionsText, requestFailure } from './failures.js';
import type { RepositoryName } from './repository.js';

export interface PullSummary {
  number: number;
  url: string;
  nodeId: string;
  title: string;
  headSha: string;
  baseSha: string;
  /** The branch the PR merges into. */
  baseRef: string;
  body: string;
  labels: string[];
  reviewers: string[];
  teams: string[];
  autoMerge: boolean;
  state: 'open' | 'closed';
  merged: boolean;
}

interface PullData {
  number: number;
  html_url: string;
  node_id: string;
  title: string;
  head: { sha: string };
  base: { sha: string; ref: string };
  body: string | null;
  labels: { name?: string }[];
  requested_reviewers?: { login: string }[] | null;
  requested_teams?: { slug: string }[] | null;
  auto_merge?: unknown;
  state?: string;
  merged?: boolean | null;
}

function summary(data: PullData): PullSummary {
  return {
    number: data.number,
    url: data.html_url,
    nodeId: data.node_id,
    title: data.title,
    headSha: data.head.sha,
    baseSha: data.base.sha,
    baseRef: data.base.ref,
    body: data.body ?? '',
    labels: data.labels.map((label) => label.name ?? ''),
    reviewers: (data.requested_reviewers ?? []).map((user) => user.login.toLowerCase()),
    teams: (data.requested_teams ?? []).map((team) => team.slug.toLowerCase()),
    autoMerge: data.auto_merge !== null && data.auto_merge !== undefined,
    state: data.state === 'closed' ? 'closed' : 'open',
    merged: data.merged === true,
  };
}

/** A branch's open pull requests: the one into the given base, and any into other bases. */
export interface BranchPulls {
  onBase: PullSummary | undefined;
  /** PRs of the same branch into other bases. */
  otherBases: PullSummary[];
}

export async function findOpenPulls(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  base: string,
): Promise<BranchPulls> {
  const { data } = await client.rest.pulls.list({
    ...repository,
    head: `${repository.owner}:${branch}`,
    state: 'open',
    per_page: 100,
  });
  const pulls = data.map((item) => summary(item as PullData));
  return {
    onBase: pulls.find((pull) => pull.baseRef === base),
    otherBases: pulls.filter((pull) => pull.baseRef !== base),
  };
}

/**
 * The body of the newest merged pull request of a branch into `base` (among the 30 last closed ones),
 * e.g. the promotion that brought an image into an environment; undefined when none was merged.
 */
export async function lastMergedPullBody(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  base: string,
): Promise<{ number: number; body: string } | undefined> {
  const { data } = await client.rest.pulls.list({
    ...repository,
    head: `${repository.owner}:${branch}`,
    base,
    state: 'closed',
    sort: 'updated',
    direction: 'desc',
    per_page: 30,
  });
  const merged = data
    .filter((item) => item.merged_at !== null)
    .sort((a, b) => (b.merged_at ?? '').localeCompare(a.merged_at ?? ''))[0];
  return merged && { number: merged.number, body: merged.body ?? '' };
}

export async function findOpenPull(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  base: string,
): Promise<PullSummary | undefined> {
  return (await findOpenPulls(client, repository, branch, base)).onBase;
}

export interface PullText {
  title: string;
  body: string;
}

/** Re-asks of "No commits between" after a push, waiting 1, 2, 3 ... times `delayMs` (about 10 s in all by default). */
const NO_COMMITS_ATTEMPTS = 5;

/**
 * Opens the PR; undefined when GitHub says one is already open for this head (a concurrent run won).
 * The branch was just pushed with a commit the base lacks: GitHub's "No commits between" then means
 * it has not seen the push yet, so it is asked again a bounded number of times.
 */
export async function openPull(
  client: GitHubClient,
  repository: RepositoryName,
  branch: string,
  base: string,
  text: PullText,
  delayMs = 1000,
): Promise<PullSummary | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { data } = await client.rest.pulls.create({
        ...repository,
        head: branch,
        base,
        ...text,
        maintainer_can_modify: false,
      });
      return summary(data as PullData);
    } catch (error) {
      const failure = requestFailure(error);
      if (failure?.status === 422 && /already exists/i.test(failure.message)) return undefined;
      if (failure?.status !== 422 || !/no commits between/i.test(failure.message) || attempt >= NO_COMMITS_ATTEMPTS) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, attempt * delayMs));
    }
  }
}

export async function updatePull(
  client: GitHubClient,
  repository: RepositoryName,
  number: number,
  text: PullText,
): Promise<PullSummary> {
  const { data } = await client.rest.pulls.update({ ...repository, pull_number: number, ...text });
  return summary(data as PullData);
}

export async function readPull(client: GitHubClient, repository: RepositoryName, number: number): Promise<PullSummary> {
  const { data } = await client.rest.pulls.get({ ...repository, pull_number: number });
  return summary(data as PullData);
}

/** Reopens a PR closed by someone else's decision; false when GitHub refuses (merged, branch deleted, another open). */
export async function reopenPull(client: GitHubClient, repository: RepositoryName, number: number): Promise<boolean> {
  try {
    await client.rest.pulls.update({ ...repository, pull_number: number, state: 'open' });
    return true;
  } catch (error) {
    if (requestFailure(error)?.status === 422) return false;
    throw error;
  }
}

/**
 * What became of a conditional close: `closed`; `moved` when the PR no longer shows the judged commit
 * (left as it is); `reopened` when its branch moved while it was being closed (a newer promotion).
 */
export type CloseOutcome = 'closed' | 'moved' | 'reopened';

/**
 * Closes the PR only if its head is still the commit that was judged (`judgedHead`): read right before
 * closing, and again after, so an older decision never closes a PR that a concurrent run has just moved
 * to a newer promotion. The comment is posted first (so a failed close is retried by the next run) and
 * is kept by its hidden marker, never duplicated. Without a judged head (a PR superseded whatever it
 * shows, such as one into a base the environment left) it closes unconditionally.
 */
export async function closePullIfHead(
  client: GitHubClient,
  repository: RepositoryName,
  pull: { number: number; judgedHead: string | undefined; branch: string },
  comment: string,
  marker: string,
): Promise<CloseOutcome> {
  if (pull.judgedHead === undefined) {
    await upsertComment(client, repository, pull.number, marker, comment);
    await client.rest.pulls.update({ ...repository, pull_number: pull.number, state: 'closed' });
    return 'closed';
  }
  const before = await readPull(client, repository, pull.number);
  if (before.state !== 'open') return 'moved';
  // A PR shows a push a moment late: one that shows another head than judged is asked of its branch,
  // which is never late, and is left alone only when the branch has really moved.
  if (before.headSha !== pull.judgedHead && (await branchHead(client, repository, pull.branch)) !== pull.judgedHead) {
    return 'moved';
  }
  await upsertComment(client, repository, pull.number, marker, comment);
  await client.rest.pulls.update({ ...repository, pull_number: pull.number, state: 'closed' });
  // The branch again, not the head the answer shows (it may lag): moved meanwhile, the PR is reopened.
  const head = await branchHead(client, repository, pull.branch);
  if (head === undefined || head === pull.judgedHead) return 'closed';
  return (await reopenPull(client, repository, pull.number)) ? 'reopened' : 'closed';
}

async function branchHead(client: GitHubClient, repository: RepositoryName, branch: string) {
  try {
    return (await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (requestFailure(error)?.status !== 404) throw error;
    return undefined;
  }
}

/** What a pull request should have; anything missing is added, nothing is removed. */
export interface PullSettings {
  labels: readonly string[];
  /** Users (`alice`) and team slugs asked to review. */
  reviewers: { users: readonly string[]; teams: readonly string[] };
  /** Merge method for GitHub auto-merge, or false. */
  autoMerge: 'merge' | 'squash' | 'rebase' | false;
}

/** Labels, reviewers and auto-merge as asked; returns warnings for what GitHub refused. */
export async function applyPullSettings(
  client: GitHubClient,
  repository: RepositoryName,
  pull: PullSummary,
  settings: PullSettings,
): Promise<string[]> {
  const warnings: string[] = [];
  const attempt = async (what: string, work: () => Promise<unknown>, hint: string | ((said: string) => string)) => {
    try {
      await work();
    } catch (error) {
      const failure = requestFailure(error);
      if (failure === undefined && !(error instanceof Error && error.name === 'GraphqlResponseError')) throw error;
      const said = (error as Error).message.replace(/ - https?:\/\/\S+$/, '');
      const accepted = acceptedPermissionsText(failure?.acceptedPermissions);
      const needs = accepted
        ? ` GitHub accepts this call with ${accepted.app} (${accepted.workflow} for GITHUB_TOKEN).`
        : '';
      warnings.push(
        `could not ${what} on pull request #${pull.number}: ${said}.${needs} ${typeof hint === 'string' ? hint : hint(said)}`,
      );
    }
  };
  const missingLabels = settings.labels.filter((label) => !pull.labels.includes(label));
  if (missingLabels.length > 0) {
    await attempt(
      `add labels ${missingLabels.join(', ')}`,
      () => client.rest.issues.addLabels({ ...repository, issue_number: pull.number, labels: missingLabels }),
      'Adding a label the repository does not have yet creates it, which needs "Issues: Read and write" for a ' +
        'GitHub App or fine-grained token (issues: write for GITHUB_TOKEN); or create the labels once by hand.',
    );
  }
  const users = settings.reviewers.users.filter((user) => !pull.reviewers.includes(user.toLowerCase()));
  const teams = settings.reviewers.teams.filter((team) => !pull.teams.includes(team.toLowerCase()));
  if (users.length > 0 || teams.length > 0) {
    await attempt(
      `request reviews from ${[...users, ...teams].join(', ')}`,
      () =>
        client.rest.pulls.requestReviewers({
          ...repository,
          pull_number: pull.number,
          reviewers: users,
          team_reviewers: teams,
        }),
      'GitHub asks for reviews only from collaborators of the repository and teams with access to it: add them, ' +
        'or change the reviewers asked for.',
    );
  }
  if (settings.autoMerge !== false && !pull.autoMerge) {
    const mergeMethod = settings.autoMerge.toUpperCase();
    await attempt(
      'enable auto-merge',
      () =>
        client.graphql(
          `mutation($pull: ID!, $how: PullRequestMergeMethod!) {
          enablePullRequestAutoMerge(input: {pullRequestId: $pull, mergeMethod: $how}) { clientMutationId }
        }`,
          { pull: pull.nodeId, how: mergeMethod },
        ),
      (said) =>
        /clean status|protected branch rules not configured/i.test(said)
          ? `GitHub enables auto-merge only while something the base branch requires is still pending, and ` +
            `${pull.baseRef} requires nothing yet, so auto-merge would merge before validation: make the validate ` +
            `check required on ${pull.baseRef} (Settings > Branches, a rule with "Require status checks to pass ` +
            `before merging" and the validate check), and auto-merge waits for it. The pull request was not merged.`
          : `Auto-merge needs "Allow auto-merge" in the repository's settings and the ${mergeMethod.toLowerCase()} ` +
            'merge method allowed, or turn auto-merge off.',
    );
  }
  return warnings;
}
