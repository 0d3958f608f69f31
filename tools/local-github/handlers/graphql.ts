// The GraphQL calls the actions make: enabling/disabling auto-merge on a pull request (by node id) and
// looking up a pull request's node id. Anything else is answered with a GraphQL error, never silently.
import { ok, type BaseContext, type GlobalHandler, type Reply } from '../http.js';
import { now, type PullRequestRecord, type Repository } from '../state.js';
import { issueByNodeId } from './repo-issues.js';

type Variables = Record<string, unknown>;

const MERGE_METHODS = new Set(['MERGE', 'SQUASH', 'REBASE']);

function graphqlError(message: string, type: string, path: string[]): Reply {
  return ok({ data: null, errors: [{ type, path, message, locations: [] }] });
}

/** Reads an argument written inline ("literal", 123, ENUM) or as a $variable. */
function argument(text: string, name: string, variables: Variables): unknown {
  const match = new RegExp(`(?<![$\\w])${name}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|\\$\\w+|[\\w.-]+)`).exec(text);
  const raw = match?.[1];
  if (raw === undefined) return undefined;
  if (raw.startsWith('$')) return variables[raw.slice(1)];
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function findPull(context: BaseContext, id: unknown): { repo: Repository; pr: PullRequestRecord } | undefined {
  for (const repo of context.hub.repositories()) {
    if (!context.allows(repo, false)) continue;
    for (const pr of repo.pulls.values()) if (pr.nodeId === id) return { repo, pr };
  }
  return undefined;
}

function pullRequestNode(pr: PullRequestRecord) {
  return {
    id: pr.nodeId,
    number: pr.number,
    state: pr.merged ? 'MERGED' : pr.state.toUpperCase(),
    autoMergeRequest: pr.autoMerge
      ? { enabledAt: pr.autoMerge.enabledAt, mergeMethod: pr.autoMerge.mergeMethod.toUpperCase() }
      : null,
  };
}

/**
 * Why GitHub would refuse auto-merge, in its words, or undefined when the base's protection still requires
 * something the pull request lacks (a required check without success on its head), so there is something to wait for.
 */
function pendingRequirement(repo: Repository, pr: PullRequestRecord): string | undefined {
  const rule = repo.settings.protectedBranches?.[pr.baseRef];
  if (rule === undefined) return 'Protected branch rules not configured for this branch';
  const latest = new Map<string, string>();
  for (const status of repo.statuses) if (status.sha === pr.headSha) latest.set(status.context, status.state);
  const missing = rule.requiredChecks.filter((check) => latest.get(check) !== 'success');
  return missing.length === 0 ? 'Pull request is in clean status' : undefined;
}

function setAutoMerge(context: BaseContext, query: string, variables: Variables, enable: boolean): Reply {
  const field = enable ? 'enablePullRequestAutoMerge' : 'disablePullRequestAutoMerge';
  const id = argument(query, 'pullRequestId', variables);
  const found = findPull(context, id);
  if (!found)
    return graphqlError(`Could not resolve to a node with the global id of '${String(id)}'`, 'NOT_FOUND', [field]);
  const { repo, pr } = found;
  if (!context.allows(repo, true) || context.permission('pull_requests') !== 'write') {
    return graphqlError('Resource not accessible by integration', 'FORBIDDEN', [field]);
  }
  if (enable) {
    const method = String(argument(query, 'mergeMethod', variables) ?? 'MERGE');
    if (!MERGE_METHODS.has(method)) return graphqlError(`Invalid merge method: ${method}`, 'UNPROCESSABLE', [field]);
    if (!repo.settings.allowAutoMerge) {
      return graphqlError('Pull request Auto merge is not allowed for this repository', 'UNPROCESSABLE', [field]);
    }
    if (pr.state !== 'open') return graphqlError('Pull request is closed', 'UNPROCESSABLE', [field]);
    const waitingFor = pendingRequirement(repo, pr);
    if (waitingFor !== undefined) return graphqlError(`Pull request ${waitingFor}`, 'UNPROCESSABLE', [field]);
    pr.autoMerge ??= { mergeMethod: method.toLowerCase(), enabledBy: context.login, enabledAt: now() };
    pr.autoMerge.mergeMethod = method.toLowerCase();
  } else {
    pr.autoMerge = null;
  }
  return ok({ data: { [field]: { clientMutationId: null, pullRequest: pullRequestNode(pr) } } });
}

function pullRequestQuery(context: BaseContext, query: string, variables: Variables): Reply {
  const repoText = /repository\s*\(([^)]*)\)/.exec(query)?.[1] ?? '';
  const pullText = /pullRequest\s*\(([^)]*)\)/.exec(query)?.[1] ?? '';
  const owner = String(argument(repoText, 'owner', variables));
  const name = String(argument(repoText, 'name', variables));
  const repo = context.hub.repository(owner, name);
  if (!repo || !context.allows(repo, false)) {
    return graphqlError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, 'NOT_FOUND', [
      'repository',
    ]);
  }
  const number = Number(argument(pullText, 'number', variables));
  const pr = repo.pulls.get(number);
  return ok({ data: { repository: { pullRequest: pr ? pullRequestNode(pr) : null } } });
}

/** GitHub pins at most this many issues per repository. */
const MAX_PINNED = 3;

function pinIssue(context: BaseContext, query: string, variables: Variables): Reply {
  const id = argument(query, 'issueId', variables);
  const found = issueByNodeId(context, id);
  if (!found || !context.allows(found.repo, false)) {
    return graphqlError(`Could not resolve to a node with the global id of '${String(id)}'`, 'NOT_FOUND', ['pinIssue']);
  }
  const { repo, issue } = found;
  if (!context.allows(repo, true))
    return graphqlError('Resource not accessible by integration', 'FORBIDDEN', ['pinIssue']);
  const pinned = [...repo.issues.values()].filter((candidate) => candidate.pinned);
  if (!issue.pinned && pinned.length >= MAX_PINNED) {
    return graphqlError(`Repository already has ${MAX_PINNED} pinned issues`, 'UNPROCESSABLE', ['pinIssue']);
  }
  issue.pinned = true;
  return ok({ data: { pinIssue: { clientMutationId: null, issue: { id: issue.nodeId, number: issue.number } } } });
}

export const graphql: GlobalHandler = async (context) => {
  const body = (context.body ?? {}) as { query?: unknown; variables?: unknown };
  const query = typeof body.query === 'string' ? body.query : '';
  const variables = (body.variables ?? {}) as Variables;
  if (/\benablePullRequestAutoMerge\b/.test(query)) return setAutoMerge(context, query, variables, true);
  if (/\bdisablePullRequestAutoMerge\b/.test(query)) return setAutoMerge(context, query, variables, false);
  if (/\bpinIssue\b/.test(query)) return pinIssue(context, query, variables);
  if (/\brepository\s*\(/.test(query) && /\bpullRequest\s*\(/.test(query))
    return pullRequestQuery(context, query, variables);
  return graphqlError('This query is not supported by the local GitHub.', 'UNSUPPORTED', []);
};
