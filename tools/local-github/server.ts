// The HTTP front: counts calls, fires injected faults, checks the token, validates against the OpenAPI
// description, runs the handler and answers with GitHub's headers and error bodies.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FaultBook } from './faults.js';
import { ApiError, DOCS, type BaseContext, type Context, type Hub, type Reply } from './http.js';
import { checkRequest } from './openapi.js';
import { grants, notAccessible, routeNeeds, type TokenPermissions } from './permissions.js';
import { findRoute } from './routes.js';
import type { Repository } from './state.js';

/** What a token may do. Without a `tokens` option every request (even without a token) may do everything. */
export interface TokenAccess {
  /** The login the token acts as (the author of pull requests and comments). Default "local-user". */
  login?: string;
  /** "owner/name" of the repositories the token can see, or "*" for all. Default "*". */
  repos?: '*' | string[];
  /** "read" tokens get 403 on writes, as a token without contents/pull-requests write does. Default "write". */
  permission?: 'read' | 'write';
  /**
   * Fine-grained permissions (a GitHub App's or a fine-grained token's): a call they do not cover gets
   * 403 "Resource not accessible by ..." with `x-accepted-github-permissions`. Absent: `permission` for all.
   */
  permissions?: TokenPermissions;
  /** The workflow's GITHUB_TOKEN (acts as github-actions[bot]): refused pull requests where the repository forbids them. */
  workflow?: boolean;
  /**
   * A classic personal access token's OAuth scopes, listed in `x-oauth-scopes` on every answer. Without
   * "repo" (or "public_repo" on a public repository) a write answers 404, as on GitHub; a private
   * repository needs "repo" to be seen at all.
   */
  scopes?: string[];
}

export type { TokenPermissions } from './permissions.js';

export interface RequestRecord {
  method: string;
  /** The call-counter key: "POST /repos/{owner}/{repo}/git/commits", or "GET (unmatched)". */
  route: string;
  path: string;
  status: number;
  fault?: Fault['kind'];
  /** Refused by the content-creation limit (a secondary rate limit). */
  limited?: boolean;
}

/**
 * GitHub's secondary limit on content-creating requests (about 80 a minute): at most `requests` writes
 * (POST, PATCH, PUT, DELETE) per token in any `windowMs`. Past it a write is answered 403 (or `status`)
 * "You have exceeded a secondary rate limit" with `retry-after` the seconds until the window has room.
 */
export interface ContentLimit {
  requests: number;
  windowMs: number;
  status?: 403 | 429;
}

export interface ServerCore {
  hub: Hub;
  tokens(): Map<string, TokenAccess> | undefined;
  faults: FaultBook;
  calls: Map<string, number>;
  log: RequestRecord[];
  /** Requests per token, for the x-ratelimit-* headers. */
  rateLimitUsed: Map<string, number>;
  contentLimit(): ContentLimit | undefined;
  /** When each token's recent content-creating requests were accepted (ms), oldest first. */
  contentWrites: Map<string, number[]>;
  /** Answers /_local/... requests (not counted, no token needed). */
  local(method: string, path: string, body: unknown): Promise<Reply>;
}

const RATE_LIMIT = 5000;
const DEFAULT_LOGIN = 'local-user';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'Problems parsing JSON');
  }
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
  if (match) return match[1];
  const basic = /^basic\s+(\S+)$/i.exec(header);
  if (basic)
    return Buffer.from(basic[1] ?? '', 'base64')
      .toString('utf8')
      .split(':')
      .pop();
  return undefined;
}

interface Caller {
  login: string;
  access: TokenAccess;
  key: string;
}

function identify(core: ServerCore, req: IncomingMessage): Caller {
  const token = tokenOf(req);
  const tokens = core.tokens();
  if (!tokens) return { login: DEFAULT_LOGIN, access: {}, key: token ?? '' };
  if (token === undefined) throw new ApiError(401, 'Requires authentication');
  const access = tokens.get(token);
  if (!access) throw new ApiError(401, 'Bad credentials');
  return { login: access.login ?? DEFAULT_LOGIN, access, key: token };
}

function allows(caller: Caller, repo: Repository, write: boolean): boolean {
  const repos = caller.access.repos ?? '*';
  const fullName = `${repo.owner}/${repo.name}`.toLowerCase();
  const visible = repos === '*' || repos.some((name) => name.toLowerCase() === fullName);
  return (
    visible &&
    scopesAllow(caller.access.scopes, repo, write) &&
    (!write || (caller.access.permission ?? 'write') === 'write')
  );
}

function scopesAllow(scopes: string[] | undefined, repo: Repository, write: boolean): boolean {
  if (scopes === undefined || scopes.includes('repo')) return true;
  if (repo.settings.private) return false;
  return !write || scopes.includes('public_repo');
}

const resetAt = Math.floor(Date.now() / 1000) + 3600;

function rateLimitHeaders(used: Map<string, number>, key: string, resource: string): Record<string, string> {
  const count = (used.get(key) ?? 0) + 1;
  used.set(key, count);
  return {
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - count)),
    'x-ratelimit-used': String(count),
    'x-ratelimit-reset': String(resetAt),
    'x-ratelimit-resource': resource,
  };
}

function secondaryLimitReply(status: number, requestId: string, retryAfter: number | undefined): Reply {
  return {
    status,
    body: {
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
    },
    headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
  };
}

/** The content-creation limit's answer to a write past it, or undefined (and the write is counted). */
function contentLimitReply(core: ServerCore, req: IncomingMessage, method: string, requestId: string) {
  const limit = core.contentLimit();
  if (!limit || method === 'GET' || method === 'HEAD') return undefined;
  const key = tokenOf(req) ?? '';
  const now = Date.now();
  const recent = (core.contentWrites.get(key) ?? []).filter((at) => at > now - limit.windowMs);
  core.contentWrites.set(key, recent);
  if (recent.length < limit.requests) {
    recent.push(now);
    return undefined;
  }
  const wait = Math.max(1, Math.ceil(((recent[0] ?? now) + limit.windowMs - now) / 1000));
  return secondaryLimitReply(limit.status ?? 403, requestId, wait);
}

function faultReply(fault: Fault, requestId: string, body: unknown): Reply {
  switch (fault.kind) {
    case 'no-commits-between': {
      const fields = (body ?? {}) as { base?: unknown; head?: unknown };
      const head = String(fields.head ?? '').replace(/^[^:]*:/, '');
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `No commits between ${String(fields.base)} and ${head}`,
            },
          ],
          documentation_url: `${DOCS}/pulls/pulls#create-a-pull-request`,
          status: '422',
        },
      };
    }
    case '502':
      return { status: 502, body: { message: 'Server Error' } };
    case '503':
      return { status: 503, body: { message: 'Service Unavailable' } };
    case 'ref-update-failed':
      return {
        status: 422,
        body: { message: 'Reference update failed', documentation_url: `${DOCS}/git/refs#update-a-reference` },
      };
    case 'rate-limit':
      return {
        status: 403,
        body: {
          message: 'API rate limit exceeded for user ID 1.',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
        },
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + fault.retryAfter),
        },
      };
    default:
      return secondaryLimitReply(
        fault.kind === 'secondary-rate-limit-429' ? 429 : 403,
        requestId,
        fault.noRetryAfter ? undefined : fault.retryAfter,
      );
  }
}

function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  const all = { ...headers, ...reply.headers };
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, all).end();
    return;
  }
  const raw = Buffer.isBuffer(reply.body);
  const payload = raw ? (reply.body as Buffer) : Buffer.from(JSON.stringify(reply.body), 'utf8');
  res
    .writeHead(reply.status, {
      'content-type': raw ? 'application/octet-stream' : 'application/json; charset=utf-8',
      'content-length': String(payload.length),
      ...all,
    })
    .end(payload);
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, body: error.body(), headers: error.headers };
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`local-github: internal error: ${message}\n`);
  return { status: 500, body: { message: `Local GitHub internal error: ${message}`, documentation_url: DOCS } };
}

async function route(core: ServerCore, req: IncomingMessage, url: URL, raw: Buffer, caller: () => Caller) {
  const method = req.method ?? 'GET';
  const match = findRoute(method, url.pathname);
  if (!match) throw new ApiError(404, 'Not Found');
  const who = caller();
  const body = parseJson(raw);
  const base: BaseContext = {
    method,
    template: match.route.template,
    params: match.params,
    query: url.searchParams,
    body,
    login: who.login,
    headers: req.headers,
    hub: core.hub,
    allows: (repo, write) => allows(who, repo, write),
    permission: (name) => who.access.permissions?.[name] ?? who.access.permission ?? 'write',
    workflowToken: who.access.workflow === true,
  };
  if (match.route.global) return match.route.handler(base);
  const repo = core.hub.repository(match.params.owner ?? '', match.params.repo ?? '');
  if (!repo || !allows(who, repo, false)) throw new ApiError(404, 'Not Found');
  const write = method !== 'GET' && method !== 'HEAD';
  // GitHub hides a write the classic token's scopes do not cover behind 404.
  if (write && !scopesAllow(who.access.scopes, repo, true)) throw new ApiError(404, 'Not Found');
  if (write && !allows(who, repo, true)) throw new ApiError(403, 'Resource not accessible by integration');
  const permissions = who.access.permissions;
  const needs = permissions && routeNeeds(method, match.route.template);
  if (permissions && needs && !needs.some((need) => grants(permissions, need))) {
    throw notAccessible(needs, who.key.startsWith('github_pat_') ? 'personal access token' : 'integration');
  }
  const rejection = checkRequest(method, match.route.template, { params: match.params, query: url.searchParams, body });
  if (rejection) throw new ApiError(rejection.status, rejection.message);
  const context: Context = { ...base, repo, canPush: allows(who, repo, true) };
  return match.route.handler(context);
}

export function routeKey(method: string, pathname: string): string {
  const match = findRoute(method, pathname);
  return `${method} ${match ? match.route.template : '(unmatched)'}`;
}

export async function handle(core: ServerCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const raw = await readBody(req);
  if (url.pathname.startsWith('/_local/')) {
    let reply: Reply;
    try {
      reply = await core.local(method, url.pathname, parseJson(raw));
    } catch (error) {
      reply = errorReply(error);
    }
    send(res, reply, {});
    return;
  }
  const key = routeKey(method, url.pathname);
  core.calls.set(key, (core.calls.get(key) ?? 0) + 1);
  const requestId = randomUUID().toUpperCase();
  const record: RequestRecord = { method, route: key, path: url.pathname + url.search, status: 0 };
  core.log.push(record);
  const fault = core.faults.take(method, key.slice(method.length + 1));
  if (fault) record.fault = fault.kind;
  const headers: Record<string, string> = {
    'x-github-request-id': requestId,
    'x-github-api-version-selected': '2022-11-28',
  };
  let reply: Reply | undefined;
  const lagging = fault?.kind === 'stale-head';
  if (fault?.when === 'before' && !lagging) {
    if (fault.kind === 'drop') return drop(req, record);
    reply = faultReply(fault, requestId, safeJson(raw));
  } else if ((reply = contentLimitReply(core, req, method, requestId))) {
    record.limited = true;
  } else {
    let caller: Caller | undefined;
    try {
      reply = await route(core, req, url, raw, () => (caller = identify(core, req)));
    } catch (error) {
      reply = errorReply(error);
    }
    const scopes = caller?.access.scopes;
    if (scopes !== undefined) headers['x-oauth-scopes'] = scopes.join(', ');
    const resource = url.pathname === '/graphql' ? 'graphql' : 'core';
    Object.assign(headers, rateLimitHeaders(core.rateLimitUsed, caller?.key ?? tokenOf(req) ?? '', resource));
    if (lagging) staleHeads(core, url.pathname, reply);
    else if (fault) {
      if (fault.kind === 'drop') return drop(req, record);
      reply = faultReply(fault, requestId, safeJson(raw));
    }
  }
  record.status = reply.status;
  send(res, reply, headers);
}

function safeJson(raw: Buffer): unknown {
  try {
    return parseJson(raw);
  } catch {
    return undefined;
  }
}

/** Rewrites the pull requests of an answer to show the head they had before their branch last moved. */
function staleHeads(core: ServerCore, pathname: string, reply: Reply): void {
  const params = findRoute('GET', pathname)?.params ?? findRoute('POST', pathname)?.params;
  const repo = params && core.hub.repository(params.owner ?? '', params.repo ?? '');
  if (!repo || reply.status >= 300) return;
  const items = Array.isArray(reply.body) ? (reply.body as unknown[]) : [reply.body];
  for (const item of items) {
    const view = item as { number?: number; head?: { sha?: string } } | null;
    const previous = typeof view?.number === 'number' ? repo.pulls.get(view.number)?.previousHeadSha : undefined;
    if (view?.head && previous !== undefined) view.head.sha = previous;
  }
}

function drop(req: IncomingMessage, record: RequestRecord): void {
  record.status = 0;
  req.socket.destroy();
}
