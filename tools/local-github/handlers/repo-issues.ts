// Issues that are not pull requests: create, list (pull requests listed too, marked, as GitHub
// does), get and update; GraphQL pinIssue lives in graphql.ts. They share the repository's number
// sequence with pull requests.
import { bodyOf, notFound, ok, paginate, stringField, validationFailed, type Context, type Handler } from '../http.js';
import { nodeId, now, withRepoLock, type IssueRecord, type PullRequestRecord } from '../state.js';
import { apiBase, htmlBase, labelView, userView } from '../views.js';

/** GitHub refuses an issue body over 65,536 characters with a 422 naming the field. */
const BODY_LIMIT = 65_536;

function checkBody(body: Record<string, unknown>): void {
  const text = stringField(body, 'body');
  if (text !== undefined && [...text].length > BODY_LIMIT) {
    throw validationFailed('Issue', {
      field: 'body',
      code: 'custom',
      message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
    });
  }
}

function issueView(context: Context, issue: IssueRecord) {
  const api = apiBase(context.hub, context.repo);
  return {
    id: issue.number + context.repo.id * 10_000,
    node_id: issue.nodeId,
    url: `${api}/issues/${issue.number}`,
    repository_url: api,
    labels_url: `${api}/issues/${issue.number}/labels{/name}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    events_url: `${api}/issues/${issue.number}/events`,
    html_url: `${htmlBase(context.hub, context.repo)}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: userView(context.hub, issue.user),
    labels: issue.labels.map((name) => labelView(context.hub, context.repo, name)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: context.repo.comments.filter((comment) => comment.issueNumber === issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: 'OWNER',
  };
}

function pullAsIssue(context: Context, pr: PullRequestRecord) {
  const api = apiBase(context.hub, context.repo);
  const html = `${htmlBase(context.hub, context.repo)}/pull/${pr.number}`;
  return {
    ...issueView(context, {
      number: pr.number,
      nodeId: pr.nodeId,
      title: pr.title,
      body: pr.body,
      state: pr.state,
      user: pr.user,
      labels: pr.labels,
      pinned: false,
      createdAt: pr.createdAt,
      updatedAt: pr.updatedAt,
      closedAt: pr.closedAt,
    }),
    html_url: html,
    pull_request: {
      url: `${api}/pulls/${pr.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
    },
  };
}

function issueOr404(context: Context): IssueRecord {
  const issue = context.repo.issues.get(Number(context.params.issue_number));
  if (!issue) throw notFound();
  return issue;
}

export const createIssue: Handler = async (context) => {
  const body = bodyOf(context);
  const title = stringField(body, 'title');
  if (!title) throw validationFailed('Issue', { field: 'title', code: 'missing_field' });
  checkBody(body);
  return withRepoLock(context.repo, async () => {
    const number = context.repo.nextIssueNumber++;
    const created = now();
    const issue: IssueRecord = {
      number,
      nodeId: nodeId('Issue', `${context.repo.id}:${number}`),
      title,
      body: stringField(body, 'body') ?? null,
      state: 'open',
      user: context.login,
      labels: Array.isArray(body.labels)
        ? body.labels.filter((label): label is string => typeof label === 'string')
        : [],
      pinned: false,
      createdAt: created,
      updatedAt: created,
      closedAt: null,
    };
    context.repo.issues.set(number, issue);
    return ok(issueView(context, issue), 201);
  });
};

/** Newest first, as GitHub sorts by default (created, desc); `state` open (default), closed or all. */
export const listIssues: Handler = async (context) => {
  const state = context.query.get('state') ?? 'open';
  const creator = context.query.get('creator');
  const all = [
    ...[...context.repo.issues.values()].map((issue) => ({
      number: issue.number,
      state: issue.state,
      user: issue.user,
      view: () => issueView(context, issue),
    })),
    ...[...context.repo.pulls.values()].map((pr) => ({
      number: pr.number,
      state: pr.state,
      user: pr.user,
      view: () => pullAsIssue(context, pr),
    })),
  ]
    .filter((item) => state === 'all' || item.state === state)
    .filter((item) => creator === null || item.user.toLowerCase() === creator.toLowerCase())
    .sort((a, b) => b.number - a.number);
  const page = paginate(context, all);
  return { ...page, body: page.body.map((item) => item.view()) };
};

export const getIssue: Handler = async (context) => {
  const pr = context.repo.pulls.get(Number(context.params.issue_number));
  if (pr) return ok(pullAsIssue(context, pr));
  return ok(issueView(context, issueOr404(context)));
};

export const updateIssue: Handler = async (context) => {
  const body = bodyOf(context);
  checkBody(body);
  return withRepoLock(context.repo, async () => {
    const issue = issueOr404(context);
    issue.title = stringField(body, 'title') ?? issue.title;
    if ('body' in body) issue.body = stringField(body, 'body') ?? null;
    const state = stringField(body, 'state');
    if (state === 'open' || state === 'closed') {
      if (state !== issue.state) issue.closedAt = state === 'closed' ? now() : null;
      issue.state = state;
    }
    issue.updatedAt = now();
    return ok(issueView(context, issue));
  });
};

/** The id GitHub's GraphQL API knows an issue by, for pinIssue. */
export function issueByNodeId(context: { hub: Context['hub'] }, id: unknown) {
  for (const repo of context.hub.repositories()) {
    for (const issue of repo.issues.values()) if (issue.nodeId === id) return { repo, issue };
  }
  return undefined;
}
