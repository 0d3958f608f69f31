// Pull requests: list, create, update, files, merge (a real merge, squash or rebase), requested reviewers.
import {
  ApiError,
  bodyOf,
  notFound,
  ok,
  paginate,
  stringField,
  validationFailed,
  type Context,
  type Handler,
} from '../http.js';
import { nodeId, now, withRepoLock, type PullRequestRecord, type Repository } from '../state.js';
import { pullRequestView } from '../views.js';
import { diffFiles } from './common.js';

const branchRef = (branch: string) => `refs/heads/${branch}`;

/** The head sha follows the head branch while it exists, as on GitHub. */
async function refreshHead(repo: Repository, pr: PullRequestRecord): Promise<void> {
  if (pr.state !== 'open') return;
  const sha = await repo.git.readRef(branchRef(pr.headRef));
  if (sha && sha !== pr.headSha) {
    pr.previousHeadSha = pr.headSha;
    pr.headSha = sha;
  }
}

/** A pull request as GitHub shows it; `detailed` adds the counts of a single-PR answer (not list items). */
export async function pullView(context: Context, pr: PullRequestRecord, detailed = true) {
  const { repo } = context;
  await refreshHead(repo, pr);
  const baseSha = (await repo.git.readRef(branchRef(pr.baseRef))) ?? '';
  if (!detailed) return pullRequestView(context.hub, repo, pr, baseSha);
  const from = await diffBase(repo, pr, baseSha);
  const numstat = await repo.git.text(['diff', '--numstat', '--no-renames', from, pr.headSha]);
  const rows = numstat === '' ? [] : numstat.split('\n').map((line) => line.split('\t'));
  const sum = (column: number) => rows.reduce((total, row) => total + (Number(row[column]) || 0), 0);
  return pullRequestView(context.hub, repo, pr, baseSha, {
    commits: Number(await repo.git.text(['rev-list', '--count', `${from}..${pr.headSha}`])),
    additions: sum(0),
    deletions: sum(1),
    changed_files: rows.length,
    comments: repo.comments.filter((comment) => comment.issueNumber === pr.number).length,
  });
}

/** Where the PR's changes start: the merge base with its base branch, or the base side of its merge commit. */
async function diffBase(repo: Repository, pr: PullRequestRecord, baseSha: string): Promise<string> {
  if (pr.merged && pr.mergeCommitSha) return `${pr.mergeCommitSha}^1`;
  return (baseSha && (await repo.git.mergeBase(baseSha, pr.headSha))) || baseSha || pr.headSha;
}

function pullOr404(context: Context): PullRequestRecord {
  const pr = context.repo.pulls.get(Number(context.params.pull_number));
  if (!pr) throw notFound();
  return pr;
}

/** "owner:branch" or "branch"; forks are not modelled, so another owner never matches. */
function headBranch(repo: Repository, head: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  return head.slice(0, colon) === repo.owner ? head.slice(colon + 1) : undefined;
}

function duplicateOf(repo: Repository, headRef: string, baseRef: string, except?: number) {
  return [...repo.pulls.values()].find(
    (pr) => pr.state === 'open' && pr.headRef === headRef && pr.baseRef === baseRef && pr.number !== except,
  );
}

function alreadyExists(repo: Repository, headRef: string): ApiError {
  return validationFailed('PullRequest', {
    code: 'custom',
    message: `A pull request already exists for ${repo.owner}:${headRef}.`,
  });
}

export const listPulls: Handler = async (context) => {
  const { repo, query } = context;
  const state = query.get('state') ?? 'open';
  const head = query.get('head');
  const headRef = head === null ? undefined : headBranch(repo, head);
  const base = query.get('base');
  const sort = query.get('sort') ?? 'created';
  const direction = query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  const selected = [...repo.pulls.values()]
    .filter((pr) => state === 'all' || pr.state === state)
    .filter((pr) => head === null || pr.headRef === headRef)
    .filter((pr) => base === null || pr.baseRef === base)
    .sort((a, b) => {
      const key = sort === 'updated' ? 'updatedAt' : 'createdAt';
      const order = a[key].localeCompare(b[key]) || a.number - b.number;
      return direction === 'asc' ? order : -order;
    });
  const page = paginate(context, selected);
  return { ...page, body: await Promise.all(page.body.map((pr) => pullView(context, pr, false))) };
};

export const createPull: Handler = async (context) => {
  const body = bodyOf(context);
  const { repo } = context;
  if (context.workflowToken && repo.settings.actionsCanCreatePullRequests === false) {
    throw new ApiError(403, 'GitHub Actions is not permitted to create or approve pull requests.', {
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
    });
  }
  checkBodyLength(body);
  return withRepoLock(repo, async () => {
    const headRef = headBranch(repo, stringField(body, 'head') ?? '');
    const baseRef = stringField(body, 'base') ?? '';
    const headSha = headRef === undefined ? undefined : await repo.git.readRef(branchRef(headRef));
    if (headRef === undefined || !headSha) throw validationFailed('PullRequest', { field: 'head', code: 'invalid' });
    const baseSha = await repo.git.readRef(branchRef(baseRef));
    if (!baseSha) throw validationFailed('PullRequest', { field: 'base', code: 'invalid' });
    if (duplicateOf(repo, headRef, baseRef)) throw alreadyExists(repo, headRef);
    const ahead = Number(await repo.git.text(['rev-list', '--count', `${baseSha}..${headSha}`]));
    if (ahead === 0) {
      throw validationFailed('PullRequest', {
        code: 'custom',
        message: `No commits between ${baseRef} and ${headRef}`,
      });
    }
    const number = repo.nextIssueNumber++;
    const created = now();
    const pr: PullRequestRecord = {
      number,
      nodeId: nodeId('PullRequest', `${repo.id}:${number}`),
      title: stringField(body, 'title') ?? '',
      body: stringField(body, 'body') ?? null,
      state: 'open',
      draft: body.draft === true,
      headRef,
      headSha,
      baseRef,
      user: context.login,
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      closedAt: null,
      createdAt: created,
      updatedAt: created,
      labels: [],
      requestedReviewers: [],
      requestedTeams: [],
      autoMerge: null,
    };
    repo.pulls.set(number, pr);
    return ok(await pullView(context, pr), 201);
  });
};

/** GitHub refuses a pull request body over 65,536 characters with this 422. */
const BODY_LIMIT = 65_536;
function checkBodyLength(body: Record<string, unknown>): void {
  const text = stringField(body, 'body');
  if (text !== undefined && [...text].length > BODY_LIMIT) {
    throw validationFailed('Issue', {
      field: 'body',
      code: 'custom',
      message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
    });
  }
}

export const getPull: Handler = async (context) => ok(await pullView(context, pullOr404(context)));

export const updatePull: Handler = async (context) => {
  const body = bodyOf(context);
  const { repo } = context;
  checkBodyLength(body);
  return withRepoLock(repo, async () => {
    const pr = pullOr404(context);
    const base = stringField(body, 'base');
    if (base !== undefined && base !== pr.baseRef) {
      if (pr.state !== 'open') throw new ApiError(422, 'Cannot change the base branch of a closed pull request.');
      if (!(await repo.git.readRef(branchRef(base))))
        throw validationFailed('PullRequest', { field: 'base', code: 'invalid' });
      if (duplicateOf(repo, pr.headRef, base, pr.number)) throw alreadyExists(repo, pr.headRef);
      pr.baseRef = base;
    }
    const state = stringField(body, 'state');
    if (state === 'open' && pr.state === 'closed') {
      if (pr.merged)
        throw validationFailed('PullRequest', { code: 'custom', message: 'Cannot reopen a merged pull request.' });
      if (!(await repo.git.readRef(branchRef(pr.headRef)))) {
        throw validationFailed('PullRequest', {
          code: 'custom',
          message: 'state cannot be changed. The head branch was deleted.',
        });
      }
      if (duplicateOf(repo, pr.headRef, pr.baseRef, pr.number)) throw alreadyExists(repo, pr.headRef);
      pr.state = 'open';
      pr.closedAt = null;
    } else if (state === 'closed' && pr.state === 'open') {
      await refreshHead(repo, pr);
      pr.state = 'closed';
      pr.closedAt = now();
      pr.autoMerge = null;
    }
    const title = stringField(body, 'title');
    if (title !== undefined) pr.title = title;
    if ('body' in body) pr.body = stringField(body, 'body') ?? null;
    pr.updatedAt = now();
    return ok(await pullView(context, pr));
  });
};

export const listPullFiles: Handler = async (context) => {
  const { repo } = context;
  const pr = pullOr404(context);
  await refreshHead(repo, pr);
  const from = await diffBase(repo, pr, (await repo.git.readRef(branchRef(pr.baseRef))) ?? '');
  return paginate(context, await diffFiles(context.hub, repo, from, pr.headSha));
};

export const requestReviewers: Handler = async (context) => {
  const body = bodyOf(context);
  return withRepoLock(context.repo, async () => {
    const pr = pullOr404(context);
    const reviewers = Array.isArray(body.reviewers) ? (body.reviewers as string[]) : [];
    const teams = Array.isArray(body.team_reviewers) ? (body.team_reviewers as string[]) : [];
    if (reviewers.includes(pr.user)) {
      throw new ApiError(422, 'Review cannot be requested from pull request author.');
    }
    // GitHub refuses the whole request, and adds nobody, when one reviewer has no access.
    const strangers = reviewers.filter((login) => !context.repo.collaborators.has(login.toLowerCase()));
    const strangeTeams = teams.filter((slug) => !context.repo.teams.has(slug.toLowerCase()));
    if (strangers.length > 0 || strangeTeams.length > 0) {
      const who = strangers.length > 0 ? 'users or teams' : 'teams';
      throw new ApiError(
        422,
        `Reviews may only be requested from collaborators. One or more of the ${who} you specified is not a ` +
          `collaborator of the ${context.repo.owner}/${context.repo.name} repository.`,
      );
    }
    const has = (list: string[], name: string) => list.some((entry) => entry.toLowerCase() === name.toLowerCase());
    for (const login of reviewers) if (!has(pr.requestedReviewers, login)) pr.requestedReviewers.push(login);
    for (const slug of teams) if (!has(pr.requestedTeams, slug)) pr.requestedTeams.push(slug);
    pr.updatedAt = now();
    return ok(await pullView(context, pr), 201);
  });
};

const MERGE_SETTINGS = {
  merge: ['allowMergeCommit', 'Merge commits are not allowed on this repository.'],
  squash: ['allowSquashMerge', 'Squash merges are not allowed on this repository.'],
  rebase: ['allowRebaseMerge', 'Rebase merges are not allowed on this repository.'],
} as const;

export const mergePull: Handler = async (context) => {
  const body = bodyOf(context);
  const { repo } = context;
  return withRepoLock(repo, async () => {
    const pr = pullOr404(context);
    await refreshHead(repo, pr);
    if (pr.state !== 'open') throw new ApiError(405, 'Pull Request is not mergeable');
    const expected = stringField(body, 'sha');
    if (expected !== undefined && expected !== pr.headSha) {
      throw new ApiError(409, 'Head branch was modified. Review and try the merge again.');
    }
    const method = (stringField(body, 'merge_method') ?? 'merge') as keyof typeof MERGE_SETTINGS;
    const [setting, refusal] = MERGE_SETTINGS[method];
    if (!repo.settings[setting]) throw new ApiError(405, refusal);
    const baseSha = await repo.git.readRef(branchRef(pr.baseRef));
    if (!baseSha) throw new ApiError(405, 'Pull Request is not mergeable');
    const sha = await mergeCommit(context, pr, baseSha, method, body);
    if (!sha) throw new ApiError(405, 'Pull Request is not mergeable');
    if (!(await repo.git.updateRef(branchRef(pr.baseRef), sha, baseSha))) {
      throw new ApiError(405, 'Base branch was modified. Review and try the merge again.');
    }
    const merged = now();
    Object.assign(pr, { state: 'closed', merged: true, mergedAt: merged, closedAt: merged, updatedAt: merged });
    Object.assign(pr, { mergedBy: context.login, mergeCommitSha: sha, autoMerge: null });
    if (repo.settings.deleteBranchOnMerge) await repo.git.deleteRef(branchRef(pr.headRef), pr.headSha);
    return ok({ sha, merged: true, message: 'Pull Request successfully merged' });
  });
};

async function mergeCommit(
  context: Context,
  pr: PullRequestRecord,
  baseSha: string,
  method: 'merge' | 'squash' | 'rebase',
  body: Record<string, unknown>,
): Promise<string | undefined> {
  const git = context.repo.git;
  const who = { name: context.login, email: `${context.login}@users.noreply.local`, date: now() };
  const title = stringField(body, 'commit_title');
  const extra = stringField(body, 'commit_message');
  if (method === 'rebase') {
    const commits = (await git.text(['rev-list', '--reverse', '--no-merges', `${baseSha}..${pr.headSha}`]))
      .split('\n')
      .filter((sha) => sha !== '');
    let tip = baseSha;
    for (const sha of commits) {
      const original = await git.readCommit(sha);
      const tree = await git.replayTree(original.parents[0] ?? baseSha, tip, sha);
      if (!tree) return undefined;
      tip = await git.commitTree(tree, [tip], original.message, original.author, who);
    }
    return tip;
  }
  const tree = await git.mergeTrees(baseSha, pr.headSha);
  if (!tree) return undefined;
  if (method === 'squash') {
    const messages = await git.text(['log', '--format=* %s', `${baseSha}..${pr.headSha}`]);
    const message = `${title ?? `${pr.title} (#${pr.number})`}\n\n${extra ?? messages}\n`;
    return git.commitTree(tree, [baseSha], message, who, who);
  }
  const heading = title ?? `Merge pull request #${pr.number} from ${context.repo.owner}/${pr.headRef}`;
  return git.commitTree(tree, [baseSha, pr.headSha], `${heading}\n\n${extra ?? pr.title}\n`, who, who);
}
