// Labels and comments of issues; in the local GitHub every issue is a pull request.
import {
  bodyOf,
  noContent,
  notFound,
  ok,
  paginate,
  stringField,
  validationFailed,
  type Context,
  type Handler,
} from '../http.js';
import { notAccessible } from '../permissions.js';
import { newId, nodeId, now, withRepoLock, type CommentRecord, type PullRequestRecord } from '../state.js';
import { apiBase, htmlBase, labelView, userView } from '../views.js';

function issueOr404(context: Context): PullRequestRecord {
  const pr = context.repo.pulls.get(Number(context.params.issue_number));
  if (!pr) throw notFound();
  return pr;
}

/** Accepts `{labels: [...]}`, a bare array, strings or `{name}` objects, as GitHub does. */
function labelNames(body: unknown): string[] {
  const list = Array.isArray(body) ? body : ((body as { labels?: unknown } | null)?.labels ?? []);
  if (!Array.isArray(list)) return [];
  return list
    .map((item: unknown) => (typeof item === 'string' ? item : (item as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string');
}

/** Adding a label the repository does not have creates it, which GitHub allows only with issues write. */
function checkNewLabels(context: Context, names: string[]): void {
  const created = names.filter((name) => !context.repo.labels.has(name.toLowerCase()));
  if (created.length > 0 && context.permission('issues') !== 'write') {
    throw notAccessible([['issues', 'write']], 'integration');
  }
  for (const name of created) context.repo.labels.add(name.toLowerCase());
}

function labelsReply(context: Context, pr: PullRequestRecord) {
  return ok(pr.labels.map((name) => labelView(context.hub, context.repo, name)));
}

export const addLabels: Handler = async (context) =>
  withRepoLock(context.repo, async () => {
    const pr = issueOr404(context);
    checkNewLabels(context, labelNames(context.body));
    for (const name of labelNames(context.body)) if (!pr.labels.includes(name)) pr.labels.push(name);
    pr.updatedAt = now();
    return labelsReply(context, pr);
  });

export const setLabels: Handler = async (context) =>
  withRepoLock(context.repo, async () => {
    const pr = issueOr404(context);
    checkNewLabels(context, labelNames(context.body));
    pr.labels = [...new Set(labelNames(context.body))];
    pr.updatedAt = now();
    return labelsReply(context, pr);
  });

export const removeLabel: Handler = async (context) =>
  withRepoLock(context.repo, async () => {
    const pr = issueOr404(context);
    const name = context.params.name ?? '';
    if (!pr.labels.includes(name)) throw notFound('Label does not exist');
    pr.labels = pr.labels.filter((label) => label !== name);
    return labelsReply(context, pr);
  });

export const listLabels: Handler = async (context) => {
  const pr = issueOr404(context);
  const page = paginate(context, pr.labels);
  return { ...page, body: page.body.map((name) => labelView(context.hub, context.repo, name)) };
};

function commentView(context: Context, comment: CommentRecord) {
  const api = apiBase(context.hub, context.repo);
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${htmlBase(context.hub, context.repo)}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userView(context.hub, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'OWNER',
  };
}

/** GitHub refuses a comment body over 65,536 characters with a 422 naming the field. */
export const MAX_COMMENT_LENGTH = 65536;

function commentBody(context: Context): string | undefined {
  const body = stringField(bodyOf(context), 'body');
  if (body !== undefined && body.length > MAX_COMMENT_LENGTH) {
    throw validationFailed('IssueComment', {
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
    });
  }
  return body;
}

function commentOr404(context: Context): CommentRecord {
  const comment = context.repo.comments.find((candidate) => candidate.id === Number(context.params.comment_id));
  if (!comment) throw notFound();
  return comment;
}

export const createComment: Handler = async (context) => {
  const pr = issueOr404(context);
  const text = commentBody(context);
  const id = newId();
  const created = now();
  const comment: CommentRecord = {
    id,
    nodeId: nodeId('IssueComment', id),
    issueNumber: pr.number,
    body: text ?? '',
    user: context.login,
    createdAt: created,
    updatedAt: created,
  };
  context.repo.comments.push(comment);
  return ok(commentView(context, comment), 201);
};

export const listComments: Handler = async (context) => {
  const pr = issueOr404(context);
  const page = paginate(
    context,
    context.repo.comments.filter((comment) => comment.issueNumber === pr.number),
  );
  return { ...page, body: page.body.map((comment) => commentView(context, comment)) };
};

export const updateComment: Handler = async (context) => {
  const comment = commentOr404(context);
  comment.body = commentBody(context) ?? comment.body;
  comment.updatedAt = now();
  return ok(commentView(context, comment));
};

export const deleteComment: Handler = async (context) => {
  const comment = commentOr404(context);
  context.repo.comments = context.repo.comments.filter((candidate) => candidate !== comment);
  return noContent();
};
