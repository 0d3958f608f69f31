// JSON views of the local state in GitHub's response shapes (the fields octokit users read).
import type { CommitObject, Identity } from './git.js';
import type { Hub } from './http.js';
import { nodeId, type PullRequestRecord, type Repository } from './state.js';

function idOf(text: string): number {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 100_000_000;
  return hash;
}

export function userView(hub: Hub, login: string) {
  const id = idOf(login);
  return {
    login,
    id,
    node_id: nodeId('User', id),
    avatar_url: `${hub.url}/avatars/${login}`,
    url: `${hub.url}/users/${login}`,
    html_url: `${hub.url}/${login}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
    gravatar_id: '',
    ...Object.fromEntries(USER_LINKS.map((name) => [`${name}_url`, `${hub.url}/users/${login}/${name}`])),
  };
}

const USER_LINKS = [
  'events',
  'followers',
  'following',
  'gists',
  'organizations',
  'received_events',
  'repos',
  'starred',
  'subscriptions',
];

// The hypermedia links every repository object carries; clients rarely read them but the schema requires them.
const REPOSITORY_LINKS = [
  'archive',
  'assignees',
  'blobs',
  'branches',
  'collaborators',
  'comments',
  'commits',
  'compare',
  'contents',
  'contributors',
  'deployments',
  'downloads',
  'events',
  'forks',
  'git_commits',
  'git_refs',
  'git_tags',
  'hooks',
  'issue_comment',
  'issue_events',
  'issues',
  'keys',
  'labels',
  'languages',
  'merges',
  'milestones',
  'notifications',
  'pulls',
  'releases',
  'stargazers',
  'statuses',
  'subscribers',
  'subscription',
  'tags',
  'teams',
  'trees',
];

export const apiBase = (hub: Hub, repo: Repository) => `${hub.url}/repos/${repo.owner}/${repo.name}`;
export const htmlBase = (hub: Hub, repo: Repository) => `${hub.url}/${repo.owner}/${repo.name}`;

export function repositoryView(hub: Hub, repo: Repository, canPush: boolean) {
  const api = apiBase(hub, repo);
  const s = repo.settings;
  const openPulls = [...repo.pulls.values()].filter((pr) => pr.state === 'open').length;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: userView(hub, repo.owner),
    private: s.private,
    visibility: s.private ? 'private' : 'public',
    description: s.description,
    fork: false,
    archived: false,
    disabled: false,
    html_url: htmlBase(hub, repo),
    url: api,
    ...Object.fromEntries(REPOSITORY_LINKS.map((name) => [`${name}_url`, `${api}/${name.replace('git_', 'git/')}`])),
    git_url: `${htmlBase(hub, repo)}.git`,
    clone_url: `${htmlBase(hub, repo)}.git`,
    ssh_url: `${htmlBase(hub, repo)}.git`,
    svn_url: htmlBase(hub, repo),
    mirror_url: null,
    homepage: null,
    language: null,
    license: null,
    size: 0,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    network_count: 0,
    subscribers_count: 0,
    open_issues: openPulls,
    open_issues_count: openPulls,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    has_discussions: false,
    default_branch: s.defaultBranch,
    allow_auto_merge: s.allowAutoMerge,
    allow_merge_commit: s.allowMergeCommit,
    allow_squash_merge: s.allowSquashMerge,
    allow_rebase_merge: s.allowRebaseMerge,
    delete_branch_on_merge: s.deleteBranchOnMerge,
    permissions: { admin: canPush, maintain: canPush, push: canPush, triage: true, pull: true },
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
  };
}

export function gitIdentityView(who: Required<Identity>) {
  return { name: who.name, email: who.email, date: who.date };
}

export function verificationView(verified: boolean) {
  return verified
    ? { verified: true, reason: 'valid', signature: null, payload: null, verified_at: new Date().toISOString() }
    : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };
}

/** The Git Data API's commit (GET/POST git/commits). */
export function gitCommitView(hub: Hub, repo: Repository, commit: CommitObject, verified = false) {
  const api = apiBase(hub, repo);
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${htmlBase(hub, repo)}/commit/${commit.sha}`,
    author: gitIdentityView(commit.author),
    committer: gitIdentityView(commit.committer),
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message.replace(/\n$/, ''),
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${htmlBase(hub, repo)}/commit/${sha}`,
    })),
    verification: verificationView(verified),
  };
}

/** The REST commit (GET commits/{ref}, compare). */
export function restCommitView(hub: Hub, repo: Repository, commit: CommitObject) {
  const api = apiBase(hub, repo);
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${api}/commits/${commit.sha}`,
    html_url: `${htmlBase(hub, repo)}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: gitIdentityView(commit.author),
      committer: gitIdentityView(commit.committer),
      message: commit.message.replace(/\n$/, ''),
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      comment_count: 0,
      verification: verificationView(false),
    },
    author: null,
    committer: null,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${htmlBase(hub, repo)}/commit/${sha}`,
    })),
  };
}

export function labelView(hub: Hub, repo: Repository, name: string) {
  const id = idOf(`${repo.owner}/${repo.name}/${name}`);
  return {
    id,
    node_id: nodeId('Label', id),
    url: `${apiBase(hub, repo)}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: '',
  };
}

/** Counts GitHub adds to a single pull request (not to list items). */
export interface PullRequestStats {
  commits: number;
  additions: number;
  deletions: number;
  changed_files: number;
  comments: number;
}

export function pullRequestView(
  hub: Hub,
  repo: Repository,
  pr: PullRequestRecord,
  baseSha: string,
  stats?: PullRequestStats,
) {
  const api = apiBase(hub, repo);
  const html = `${htmlBase(hub, repo)}/pull/${pr.number}`;
  const branch = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: userView(hub, repo.owner),
    repo: repositoryView(hub, repo, true),
  });
  return {
    url: `${api}/pulls/${pr.number}`,
    id: pr.number + repo.id * 10_000,
    node_id: pr.nodeId,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${api}/pulls/${pr.number}/commits`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    body: pr.body,
    user: userView(hub, pr.user),
    labels: pr.labels.map((name) => labelView(hub, repo, name)),
    assignees: [],
    requested_reviewers: pr.requestedReviewers.map((login) => userView(hub, login)),
    requested_teams: pr.requestedTeams.map((slug) => ({ slug, name: slug, id: idOf(slug) })),
    draft: pr.draft,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merged: pr.merged,
    merged_by: pr.mergedBy ? userView(hub, pr.mergedBy) : null,
    merge_commit_sha: pr.mergeCommitSha,
    mergeable: pr.state === 'open' ? true : null,
    auto_merge: pr.autoMerge
      ? {
          enabled_by: userView(hub, pr.autoMerge.enabledBy),
          merge_method: pr.autoMerge.mergeMethod,
          commit_title: '',
          commit_message: '',
        }
      : null,
    head: branch(pr.headRef, pr.headSha),
    base: branch(pr.baseRef, baseSha),
    author_association: 'OWNER',
    assignee: null,
    milestone: null,
    review_comments_url: `${api}/pulls/${pr.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    _links: {
      self: { href: `${api}/pulls/${pr.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pr.number}` },
      comments: { href: `${api}/issues/${pr.number}/comments` },
      review_comments: { href: `${api}/pulls/${pr.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pr.number}/commits` },
      statuses: { href: `${api}/statuses/${pr.headSha}` },
    },
    ...(stats
      ? {
          ...stats,
          review_comments: 0,
          maintainer_can_modify: false,
          mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
        }
      : {}),
  };
}
