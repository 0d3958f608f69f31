// What GitHub keeps beside git: pull requests, issues' labels and comments, deployments, statuses, dispatches.
import type { GitRepo } from './git.js';

export interface RepositorySettings {
  defaultBranch: string;
  private: boolean;
  allowAutoMerge: boolean;
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  deleteBranchOnMerge: boolean;
  description: string | null;
  /** A recursive tree read past this many entries answers `truncated: true` with the list cut, as GitHub does past its limits. */
  recursiveTreeLimit?: number;
  /**
   * "Allow GitHub Actions to create and approve pull requests" (Settings > Actions > General); when false
   * the workflow's GITHUB_TOKEN is refused opening pull requests with GitHub's 403. Default true.
   */
  actionsCanCreatePullRequests?: boolean;
  /**
   * Branch protection by branch name, with the status checks it requires. GitHub enables auto-merge
   * only on a protected base while something it requires is still missing: without a rule it answers
   * "Protected branch rules not configured for this branch", and on a pull request that could merge
   * now, "Pull request is in clean status". Default: no branch is protected.
   */
  protectedBranches?: Record<string, { requiredChecks: readonly string[] }>;
}

export interface PullRequestRecord {
  number: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  headRef: string;
  /** The head sha last seen, kept when the head branch is deleted. */
  headSha: string;
  /** The head sha before the branch last moved, shown by a `stale-head` fault (GitHub's lag after a push). */
  previousHeadSha?: string;
  baseRef: string;
  user: string;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  labels: string[];
  requestedReviewers: string[];
  requestedTeams: string[];
  autoMerge: { mergeMethod: string; enabledBy: string; enabledAt: string } | null;
}

/** An issue that is not a pull request (GitHub keeps both in one number sequence). */
export interface IssueRecord {
  number: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: string;
  labels: string[];
  /** Pinned to the repository's issue list (GraphQL pinIssue; GitHub allows 3 per repository). */
  pinned: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeploymentStatusRecord {
  id: number;
  nodeId: string;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  creator: string;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  nodeId: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  creator: string;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatusRecord[];
}

export interface CommitStatusRecord {
  id: number;
  nodeId: string;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  targetUrl: string | null;
  description: string | null;
  context: string;
  creator: string;
  createdAt: string;
}

export interface DispatchRecord {
  event_type: string;
  client_payload: Record<string, unknown>;
  received_at: string;
}

export interface Repository {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  git: GitRepo;
  createdAt: string;
  settings: RepositorySettings;
  /** Issues and pull requests share one number sequence, as on GitHub. */
  nextIssueNumber: number;
  /** Lower-cased logins who may be asked to review (the owner is one too). */
  collaborators: Set<string>;
  /** Lower-cased slugs of the teams with access, who may be asked to review. */
  teams: Set<string>;
  pulls: Map<number, PullRequestRecord>;
  issues: Map<number, IssueRecord>;
  issueLabels: Map<number, string[]>;
  /** Names of the repository's labels (lower-cased); adding one not among them creates it, which needs issues write. */
  labels: Set<string>;
  comments: CommentRecord[];
  deployments: DeploymentRecord[];
  statuses: CommitStatusRecord[];
  dispatches: DispatchRecord[];
  /** Serialises the writes to one repository (ref updates, merges, pull request bookkeeping). */
  writeQueue: Promise<unknown>;
}

let nextId = 1000;
export function newId(): number {
  nextId += 1;
  return nextId;
}

export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64').replace(/=+$/, '');
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function withRepoLock<T>(repo: Repository, work: () => Promise<T>): Promise<T> {
  const run = repo.writeQueue.then(work, work);
  repo.writeQueue = run.catch(() => undefined);
  return run;
}
