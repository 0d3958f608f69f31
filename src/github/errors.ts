// Turns GitHub's refusals into messages a user can act on. 404 and 403 from a write usually mean
// the token lacks access, and GitHub does not say which permission is missing in the body.
import { UserError } from '../core/errors.js';
import { describeTokenKind, type TokenKind } from './token.js';

export interface RequestFailure {
  status: number;
  message: string;
  /** GitHub's `x-accepted-github-permissions` header: the permissions the endpoint accepts. */
  acceptedPermissions?: string;
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
  const request = (error as { request?: { method?: unknown; url?: unknown; body?: unknown } }).request;
  return {
    status: error.status,
    message,
    ...(accepted !== undefined && { acceptedPermissions: String(accepted) }),
    ...(typeof request?.method === 'string' &&
      typeof request.url === 'string' && { request: { method: request.method, url: request.url, body: request.body } }),
  };
}

/** What a token needs to create a repository_dispatch on `repository` (GitHub REST docs, "Create a repository dispatch event"). */
export function dispatchAccessHelp(repository: string): string {
  return (
    `A dispatch needs write access to ${repository}: a fine-grained personal access token with ` +
    `"Contents: Read and write" on ${repository} (Metadata: Read comes with it), a classic personal access token ` +
    `with the "repo" scope ("public_repo" is enough for a public repository), or a GitHub App installation token ` +
    `(actions/create-github-app-token) for an App installed on ${repository} with "Contents: Read and write" and ` +
    `"Metadata: Read". The workflow's GITHUB_TOKEN only reaches the repository the workflow runs in.`
  );
}

export function explainDispatchFailure(
  error: unknown,
  context: { repository: string; tokenKind: TokenKind; workflowRepository?: string },
): Error {
  const failure = requestFailure(error);
  if (failure === undefined) return error instanceof Error ? error : new Error(String(error));
  const { repository, tokenKind } = context;
  const token = describeTokenKind(tokenKind);
  const permissions = failure.acceptedPermissions
    ? ` GitHub accepts these permissions for it: ${failure.acceptedPermissions}.`
    : '';
  const otherRepository =
    tokenKind === 'workflow' && context.workflowRepository !== undefined && context.workflowRepository !== repository;
  const workflowHint = otherRepository
    ? ` The token is the workflow's GITHUB_TOKEN, which cannot dispatch to ${repository} from ${context.workflowRepository}.`
    : '';
  const prefix = `repository_dispatch to ${repository} failed with ${failure.status}`;
  if (isRateLimit(failure)) {
    return new Error(
      `${prefix}: GitHub's rate limit held after the allowed retries (${failure.message}); try again later.`,
    );
  }
  switch (failure.status) {
    case 401:
      return new UserError(`${prefix} (${failure.message}): the token, ${token}, is invalid, expired or revoked.`);
    case 404:
      return new UserError(
        `${prefix} Not Found: the repository does not exist or ${token} cannot see it (GitHub answers 404 rather than 403 ` +
          `for repositories a token may not read).${workflowHint} ${dispatchAccessHelp(repository)}${permissions}`,
      );
    case 403:
      return new UserError(
        `${prefix} Forbidden (${failure.message}): ${token} can see ${repository} but may not write to it.${workflowHint} ` +
          `${dispatchAccessHelp(repository)}${permissions}`,
      );
    case 422:
      return new UserError(`${prefix}: GitHub refused the event (${failure.message}).`);
    default:
      return new Error(
        `${prefix} (${failure.message}) after retries; GitHub or the connection to it failed, try again.`,
      );
  }
}

/** A rate limit answer (primary or secondary) that outlasted the throttling plugin's retries. */
export function isRateLimit(failure: RequestFailure): boolean {
  return failure.status === 429 || (failure.status === 403 && /\brate limit\b/i.test(failure.message));
}
