// Turns a GitHub refusal during a bump into a message that says what bump was doing, what GitHub
// answered and what to change. The failed request itself (octokit keeps it on the error) tells what
// was being done, so the bump code does not wrap every call. A 404 is ambiguous on GitHub: a
// repository the token cannot see answers 404 like a missing branch or file, so the caller checks
// whether the repository is visible before this explains it.
import { UserError } from '../core/errors.js';
import { isRateLimit, requestFailure, type RequestFailure } from './errors.js';
import { describeTokenKind, type TokenKind } from './token.js';

/** The permission a request needs, in the names GitHub uses for App and fine-grained token permissions. */
export type Permission = 'contents' | 'pull-requests' | 'issues';

export interface BumpAccess {
  /** `owner/name` of the environment repository. */
  repository: string;
  tokenKind: TokenKind;
  /** `owner/name` the workflow runs in (GITHUB_REPOSITORY), when known. */
  workflowRepository?: string;
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

/** What bump needs of the token, said for the kind of token it is. */
export function bumpAccessHelp(access: BumpAccess): string {
  const { repository, tokenKind } = access;
  const app = `"Contents: Read and write", "Pull requests: Read and write" and, for labels, "Issues: Read and write"`;
  const workflow = `give the job "permissions: contents: write, pull-requests: write" (and issues: write for labels)`;
  const appToken = `a GitHub App installed on ${repository} with ${app}, its token made by actions/create-github-app-token`;
  switch (tokenKind) {
    case 'workflow': {
      const elsewhere =
        access.workflowRepository !== undefined && access.workflowRepository.toLowerCase() !== repository.toLowerCase()
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

/**
 * The message for a request that failed during a bump. `repositoryVisible` is what a read of the
 * repository answered after a 404 (false: the token cannot see it).
 */
export function explainBumpFailure(error: unknown, access: BumpAccess, repositoryVisible?: boolean): Error {
  if (error instanceof UserError) return error;
  const failure = requestFailure(error);
  if (failure === undefined) return error instanceof Error ? error : new Error(String(error));
  const step = failure.request
    ? describeRequest(failure.request.method, failure.request.url, failure.request.body)
    : { doing: 'calling GitHub', needs: 'contents' as const, write: false };
  return explainStep(failure, step, access, repositoryVisible);
}

function explainStep(failure: RequestFailure, step: RequestStep, access: BumpAccess, visible?: boolean): Error {
  const { repository } = access;
  const token = describeTokenKind(access.tokenKind);
  const said = failure.message.replace(/ - https?:\/\/\S+$/, '');
  const status = `${failure.status}${STATUS_TEXT[failure.status] ? ` ${STATUS_TEXT[failure.status]}` : ''}`;
  const prefix = `bump failed ${step.doing} in ${repository}: GitHub answered ${status}`;
  const permissions = failure.acceptedPermissions
    ? ` GitHub accepts these permissions for this call: ${failure.acceptedPermissions}.`
    : '';
  const help = `${bumpAccessHelp(access)}${permissions}`;
  const names = PERMISSION_NAMES[step.needs];
  if (isRateLimit(failure)) {
    return new Error(`${prefix} (${said}): GitHub's rate limit held after the allowed retries; dispatch again later.`);
  }
  switch (failure.status) {
    case 401:
      return new UserError(
        `${prefix} (${said}): the token, ${token}, is invalid, expired or revoked. A GitHub App installation token ` +
          `lasts one hour: make it in the same job, just before bump.`,
      );
    case 403:
      if (/not permitted to create or approve pull requests/i.test(said)) {
        return new UserError(
          `${prefix} (${said}): ${repository} (or its organization) does not let GitHub Actions open pull requests. ` +
            `Fix: turn on Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests", ` +
            `or use a GitHub App token.`,
        );
      }
      return new UserError(
        `${prefix} (${said}): ${token} can see ${repository} but may not ${step.write ? 'write' : 'read'} ` +
          `${names.what}; this call needs ${names.app} (${names.workflow} for GITHUB_TOKEN). ${help}`,
      );
    case 404:
      if (visible === false) {
        return new UserError(
          `${prefix}: ${repository} does not exist or ${token} cannot see it (GitHub answers 404, not 403, for a ` +
            `private repository a token may not read). Check the repository input, then the token. ${help}`,
        );
      }
      if (step.write) {
        return new UserError(
          `${prefix} (${said}): ${token} can read ${repository} but not write ${names.what} (GitHub answers 404 to a ` +
            `write the token may not make); this call needs ${names.app} (${names.workflow} for GITHUB_TOKEN). ${help}`,
        );
      }
      return new Error(
        `${prefix} (${said}): what bump read a moment ago is gone, probably changed by someone else; dispatch again.`,
      );
    default:
      return new Error(`${prefix} (${said}) after retries; GitHub or the connection to it failed, dispatch again.`);
  }
}
