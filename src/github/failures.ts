// Turns GitHub's refusals into messages a user can act on: what the action was doing (read from the
// failed request itself, which octokit keeps on the error, so callers do not wrap every call), what
// GitHub answered, and what to change. One explainer for every action: the action names itself and
// what its token needs; the operation comes from the request. A 404 is ambiguous on GitHub (a
// repository the token cannot see answers 404 like a missing branch or file), so callers ask
// whether the repository is visible (`repositoryVisible`) before this explains a 404.
import { RetryLaterError, UserError } from '../core/errors.js';
import { describeTokenKind, type TokenKind } from './token.js';

export interface RequestFailure {
  status: number;
  message: string;
  /** GitHub's `x-accepted-github-permissions` header: the permissions the endpoint accepts. */
  acceptedPermissions?: string;
  /** Seconds GitHub asked to wait (`retry-after`), or until the primary limit resets (`x-ratelimit-reset`). */
  retryAfterSeconds?: number;
  /** The request that failed, as octokit keeps it on the error. */
  request?: { method: string; url: string; body?: unknown };
}

/** Reads status, message, headers and the request from an octokit RequestError (or anything shaped like one). */
export function requestFailure(error: unknown): RequestFailure | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error) || typeof error.status !== 'number') {
    return undefined;
  }
  const message = error instanceof Error ? error.message : String(error);
  const headers = (error as { response?: { headers?: Record<string, string | number | undefined> } }).response?.headers;
  const accepted = headers?.['x-accepted-github-permissions'];
  const retryAfter = retryAfterOf(headers);
  const request = (error as { request?: { method?: unknown; url?: unknown; body?: unknown } }).request;
  return {
    status: error.status,
    message,
    ...(accepted !== undefined && { acceptedPermissions: String(accepted) }),
    ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }),
    ...(typeof request?.method === 'string' &&
      typeof request.url === 'string' && { request: { method: request.method, url: request.url, body: request.body } }),
  };
}

function retryAfterOf(headers: Record<string, string | number | undefined> | undefined): number | undefined {
  const after = Number(headers?.['retry-after']);
  if (headers?.['retry-after'] !== undefined && Number.isFinite(after) && after >= 0) return Math.ceil(after);
  const reset = Number(headers?.['x-ratelimit-reset']);
  if (String(headers?.['x-ratelimit-remaining']) === '0' && Number.isFinite(reset) && reset > 0) {
    return Math.max(0, Math.ceil(reset - Date.now() / 1000));
  }
  return undefined;
}

/** When to try again, for a message: in N s (at HH:MM:SS UTC), or GitHub's advice when it gave no time. */
function retryWhen(seconds: number | undefined): string {
  if (seconds === undefined) return 'a minute or more (GitHub gave no retry-after)';
  const at = new Date(Date.now() + seconds * 1000).toISOString().slice(11, 19);
  return `${seconds} s (${at} UTC)`;
}

/** A rate limit answer (primary or secondary) that outlasted the throttling plugin's retries. */
export function isRateLimit(failure: RequestFailure): boolean {
  return failure.status === 429 || (failure.status === 403 && /\brate limit\b/i.test(failure.message));
}

/** The permission a request needs, in the names GitHub uses for App and fine-grained token permissions. */
export type Permission = 'contents' | 'pull-requests' | 'issues';

/** The action whose request failed: it names itself in the message and decides what its token needs. */
export type ActionName = 'bump' | 'dispatch' | 'promote';

export interface Access {
  /** `owner/name` of the repository the action works on. */
  repository: string;
  tokenKind: TokenKind;
  /** `owner/name` the workflow runs in (GITHUB_REPOSITORY), when known. */
  workflowRepository?: string;
}

export interface FailureContext extends Access {
  action: ActionName;
  /** What a read of the repository answered after a 404 (false: the token cannot see it); undefined: not asked. */
  repositoryVisible?: boolean;
  /** The branch this run wrote before the failure, so a refused pull request says the branch is there. */
  branchWritten?: string;
}

const FINE_GRAINED_NAMES: Record<string, string> = {
  contents: 'Contents',
  pull_requests: 'Pull requests',
  issues: 'Issues',
  metadata: 'Metadata',
  statuses: 'Commit statuses',
  deployments: 'Deployments',
  actions: 'Actions',
  workflows: 'Workflows',
};

/**
 * GitHub's `x-accepted-github-permissions` (`pull_requests=write; issues=write`: any one set will do, a set
 * joins permissions with ",") said in the settings' words, for an App or fine-grained token and for the
 * workflow's GITHUB_TOKEN; undefined when the header is absent or unreadable.
 */
export function acceptedPermissionsText(header: string | undefined): { app: string; workflow: string } | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const sets = header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((part) => /^\s*([a-z_]+)=(read|write|admin)\s*$/.exec(part))
        .filter((match): match is RegExpExecArray => match !== null)
        .map(([, name = '', level = '']) => ({ name, level })),
    )
    .filter((set) => set.length > 0);
  if (sets.length === 0) return undefined;
  const app = sets
    .map((set) =>
      set
        .map(
          ({ name, level }) =>
            `"${FINE_GRAINED_NAMES[name] ?? name}: ${level === 'read' ? 'Read-only' : 'Read and write'}"`,
        )
        .join(' and '),
    )
    .join(' or ');
  const workflow = sets
    .map((set) => set.map(({ name, level }) => `${name.replace(/_/g, '-')}: ${level}`).join(', '))
    .join(' or ');
  return { app, workflow };
}

export interface RequestStep {
  /** What the request was doing, e.g. "reading branch main" or "opening a pull request". */
  doing: string;
  needs: Permission;
  write: boolean;
}

const PERMISSION_NAMES: Record<Permission, { app: string; workflow: string; what: string }> = {
  contents: { app: '"Contents: Read and write"', workflow: 'contents: write', what: 'its contents' },
  'pull-requests': {
    app: '"Pull requests: Read and write"',
    workflow: 'pull-requests: write',
    what: 'its pull requests',
  },
  issues: { app: '"Issues: Read and write"', workflow: 'issues: write', what: 'labels of its pull requests' },
};

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** What a failed request was doing, from its method and URL (and body, for refs and pull request updates). */
export function describeRequest(method: string, url: string, body?: unknown): RequestStep {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const inRepository = /\/repos\/[^/]+\/[^/]+(\/.*)?$/.exec(path);
  const rest = inRepository ? safeDecode(inRepository[1] ?? '') : path;
  const fields = parseBody(body);
  const write = method !== 'GET' && method !== 'HEAD';
  const step = (doing: string, needs: Permission = 'contents'): RequestStep => ({ doing, needs, write });
  const branch = (ref: string) => {
    const name = ref.replace(/^(refs\/)?heads\//, '');
    return name === ref ? ref : `branch ${name}`;
  };
  let match: RegExpExecArray | null;
  if (rest === '' || rest === '/') return step('reading the repository');
  if (rest === '/dispatches') return step('sending the repository_dispatch event');
  if ((match = /^\/git\/ref\/(.+)$/.exec(rest))) return step(`reading ${branch(match[1] ?? '')}`);
  if ((match = /^\/git\/refs\/(.+)$/.exec(rest))) return step(`updating ${branch(match[1] ?? '')}`);
  if (rest === '/git/refs') return step(`creating ${branch(String(fields.ref ?? 'a branch'))}`);
  if ((match = /^\/contents\/(.+)$/.exec(rest))) return step(`reading ${match[1]}`);
  if ((match = /^\/git\/trees\/(\w+)$/.exec(rest))) return step(`reading the tree at ${(match[1] ?? '').slice(0, 12)}`);
  if (rest === '/git/trees') return step('writing the tree of the promotion commit');
  if (rest.startsWith('/git/blobs/')) return step('reading a manifest');
  if ((match = /^\/git\/commits\/(\w+)$/.exec(rest))) return step(`reading commit ${(match[1] ?? '').slice(0, 12)}`);
  if (rest === '/git/commits') return step('writing the promotion commit');
  if (rest === '/pulls') return step(write ? 'opening a pull request' : 'listing pull requests', 'pull-requests');
  if ((match = /^\/pulls\/(\d+)$/.exec(rest))) {
    const doing = fields.state === 'closed' ? 'closing' : write ? 'updating' : 'reading';
    return step(`${doing} pull request #${match[1]}`, 'pull-requests');
  }
  if ((match = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(rest))) {
    return step(`requesting reviews on pull request #${match[1]}`, 'pull-requests');
  }
  if ((match = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
    return step(`commenting on pull request #${match[1]}`, 'pull-requests');
  }
  if ((match = /^\/issues\/(\d+)\/labels/.exec(rest))) return step(`labelling pull request #${match[1]}`, 'issues');
  if (rest.startsWith('/deployments')) return step('reading deployments');
  if (/^\/commits\/.+\/status$/.test(rest)) return step('reading commit statuses');
  return step(`calling ${method} ${path}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseBody(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      const value = JSON.parse(body) as unknown;
      return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

/** What each action's token needs, said for the kind of token it is, and what to do after a failure. */
const ACTIONS: Record<ActionName, { help: (access: Access) => string; again: string }> = {
  bump: { help: bumpAccessHelp, again: 'dispatch again' },
  dispatch: { help: dispatchAccessHelp, again: 'try again' },
  promote: { help: promoteAccessHelp, again: 'run promote again' },
};

/** Promote bumps, and before that reads the gate's evidence. */
function promoteAccessHelp(access: Access): string {
  return (
    `${bumpAccessHelp(access)} Promote also reads ${access.repository}'s deployments and commit statuses ` +
    `("Deployments: Read" and "Commit statuses: Read"; for the GITHUB_TOKEN, deployments: read and statuses: read).`
  );
}

/** What bump needs of the token, said for the kind of token it is. */
export function bumpAccessHelp(access: Access): string {
  const { repository, tokenKind } = access;
  const app = `"Contents: Read and write", "Pull requests: Read and write" and, for labels, "Issues: Read and write"`;
  const workflow = `give the job "permissions: contents: write, pull-requests: write" (and issues: write for labels)`;
  const appToken = `a GitHub App installed on ${repository} with ${app}, its token made by actions/create-github-app-token`;
  switch (tokenKind) {
    case 'workflow': {
      const elsewhere = otherWorkflowRepository(access)
        ? ` This workflow runs in ${access.workflowRepository}, so its GITHUB_TOKEN cannot write to ${repository}: use ${appToken}.`
        : '';
      return `Fix: ${workflow}, or use ${appToken}.${elsewhere}`;
    }
    case 'installation':
      return (
        `Fix: for a GitHub App token, install the App on ${repository} with ${app}; if it is the workflow's ` +
        `GITHUB_TOKEN (which only reaches the repository the workflow runs in), ${workflow}.`
      );
    case 'fine-grained-pat':
      return `Fix: give the fine-grained token access to ${repository} with ${app}.`;
    case 'classic-pat':
      return `Fix: the classic token needs the "repo" scope, and its owner needs write access to ${repository}.`;
    default:
      return `Fix: use ${appToken}; with the workflow's GITHUB_TOKEN, ${workflow}.`;
  }
}

/** What a token needs to create a repository_dispatch (GitHub REST docs, "Create a repository dispatch event"). */
export function dispatchAccessHelp(access: Access): string {
  const { repository } = access;
  const workflowHint =
    access.tokenKind === 'workflow' && otherWorkflowRepository(access)
      ? `The token is the workflow's GITHUB_TOKEN, which cannot dispatch to ${repository} from ${access.workflowRepository}. `
      : '';
  return (
    `${workflowHint}A dispatch needs write access to ${repository}: a fine-grained personal access token with ` +
    `"Contents: Read and write" on ${repository} (Metadata: Read comes with it), a classic personal access token ` +
    `with the "repo" scope ("public_repo" is enough for a public repository), or a GitHub App installation token ` +
    `(actions/create-github-app-token) for an App installed on ${repository} with "Contents: Read and write" and ` +
    `"Metadata: Read". The workflow's GITHUB_TOKEN only reaches the repository the workflow runs in.`
  );
}

function otherWorkflowRepository(access: Access): boolean {
  return (
    access.workflowRepository !== undefined &&
    access.workflowRepository.toLowerCase() !== access.repository.toLowerCase()
  );
}

/**
 * The message for a request that failed while `context.action` ran. A user error passes through; an
 * error that is not a GitHub answer is returned as it is.
 */
export function explainFailure(error: unknown, context: FailureContext): Error {
  if (error instanceof UserError) return error;
  const failure = requestFailure(error);
  if (failure === undefined) return error instanceof Error ? error : new Error(String(error));
  const step = failure.request
    ? describeRequest(failure.request.method, failure.request.url, failure.request.body)
    : { doing: 'calling GitHub', needs: 'contents' as const, write: false };
  const { repository, action } = context;
  const { again } = ACTIONS[action];
  const token = describeTokenKind(context.tokenKind);
  const said = failure.message.replace(/ - https?:\/\/\S+$/, '');
  const status = `${failure.status}${STATUS_TEXT[failure.status] ? ` ${STATUS_TEXT[failure.status]}` : ''}`;
  const prefix = `${action} failed ${step.doing} in ${repository}: GitHub answered ${status}`;
  const permissions = failure.acceptedPermissions
    ? ` GitHub accepts these permissions for this call: ${failure.acceptedPermissions}.`
    : '';
  const help = `${ACTIONS[action].help(context)}${permissions}`;
  const names = PERMISSION_NAMES[step.needs];
  // What GitHub says the call accepts, when it says so, over what we expect it to need.
  const needs = acceptedPermissionsText(failure.acceptedPermissions) ?? names;
  const written =
    context.branchWritten !== undefined && step.needs === 'pull-requests'
      ? ` Branch ${context.branchWritten} is written; once the token may do this, ${again}: the pull request is ` +
        `opened for that branch, which is not written again.`
      : '';
  if (isRateLimit(failure)) {
    return new RetryLaterError(
      `${prefix} (${said}): rate limited, retry after ${retryWhen(failure.retryAfterSeconds)}; nothing is lost by ` +
        `stopping here: ${again} then.`,
      failure.retryAfterSeconds,
    );
  }
  switch (failure.status) {
    case 401:
      return new UserError(
        `${prefix} (${said}): the token, ${token}, is invalid, expired or revoked. A GitHub App installation token ` +
          `lasts one hour: make it in the same job, just before ${action}.`,
      );
    case 403:
      if (/not permitted to create or approve pull requests/i.test(said)) {
        return new UserError(
          `${prefix} (${said}): ${repository} (or its organization) does not let GitHub Actions open pull requests. ` +
            `Fix: turn on Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests", ` +
            `or use a GitHub App token.${written}`,
        );
      }
      return new UserError(
        `${prefix} (${said}): ${token} can see ${repository} but may not ${step.write ? 'write' : 'read'} ` +
          `${names.what}; this call needs ${needs.app} (${needs.workflow} for GITHUB_TOKEN).${written} ${help}`,
      );
    case 404:
      if (context.repositoryVisible === false) {
        return new UserError(
          `${prefix}: ${repository} does not exist or ${token} cannot see it (GitHub answers 404, not 403, for a ` +
            `private repository a token may not read). Check the repository input, then the token. ${help}`,
        );
      }
      if (step.write) {
        return new UserError(
          `${prefix} (${said}): ${token} can read ${repository} but not write ${names.what} (GitHub answers 404 to a ` +
            `write the token may not make); this call needs ${needs.app} (${needs.workflow} for GITHUB_TOKEN).${written} ${help}`,
        );
      }
      return new Error(
        `${prefix} (${said}): what ${action} read a moment ago is gone, probably changed by someone else; ${again}.`,
      );
    case 409:
      if (/repository is empty/i.test(said)) {
        return new UserError(
          `${prefix} (${said}): ${repository} has no commits yet; ${action} needs its default branch with the ` +
            `promotion config. Push a first commit (with .github/promotion.yml), then ${again}.`,
        );
      }
      return new Error(`${prefix} (${said}): GitHub reports a conflict; ${again}.`);
    case 422:
      if (/no commits between/i.test(said) && context.branchWritten !== undefined) {
        return new Error(
          `${prefix} (${said}): GitHub had still not seen the push to ${context.branchWritten} after waiting for it; ` +
            `the branch is written, ${again}: the pull request is opened for it.`,
        );
      }
      return new UserError(`${prefix} (${said}): GitHub refused the request as invalid.`);
    default:
      return new Error(`${prefix} (${said}) after retries; GitHub or the connection to it failed, ${again}.`);
  }
}
