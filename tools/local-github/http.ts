// The shapes shared by the router and the handlers: a request context, a reply, GitHub's error bodies.
import type { PermissionLevel, PermissionName } from './permissions.js';
import type { Repository } from './state.js';

export const DOCS = 'https://docs.github.com/rest';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Hub {
  /** Base URL of the API, e.g. http://127.0.0.1:4567 (no trailing slash). */
  readonly url: string;
  repository(owner: string, name: string): Repository | undefined;
  repositories(): Repository[];
}

export interface BaseContext {
  method: string;
  /** GitHub's path template, e.g. /repos/{owner}/{repo}/git/refs/{ref}. */
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The login the token acts as. */
  login: string;
  /** Request headers, lower-cased. */
  headers: Record<string, string | string[] | undefined>;
  hub: Hub;
  /** Whether the token can see (`write` false) or write to (`write` true) a repository. */
  allows(repo: Repository, write: boolean): boolean;
  /** The caller's fine-grained permission (its `permission` for all when it has none listed). */
  permission(name: PermissionName): PermissionLevel;
  /** The caller is the workflow's GITHUB_TOKEN. */
  workflowToken: boolean;
}

/** The context of a /repos/{owner}/{repo}/... route: the router has found the repository and checked access. */
export interface Context extends BaseContext {
  repo: Repository;
  /** Whether the token may write to the repository. */
  canPush: boolean;
}

export type Handler = (context: Context) => Promise<Reply>;
export type GlobalHandler = (context: BaseContext) => Promise<Reply>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { message: this.message, ...this.extra, documentation_url: DOCS, status: String(this.status) };
  }
}

export const notFound = (message = 'Not Found') => new ApiError(404, message);
export const unprocessable = (message: string, extra: Record<string, unknown> = {}) =>
  new ApiError(422, message, extra);

/** GitHub's "Validation Failed" body, e.g. for a duplicate pull request. */
export function validationFailed(resource: string, error: Record<string, unknown>): ApiError {
  return new ApiError(422, 'Validation Failed', { errors: [{ resource, ...error }] });
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export function noContent(): Reply {
  return { status: 204 };
}

/** Reads the body as an object; the OpenAPI check has already verified its shape when one is described. */
export function bodyOf(context: Context): Record<string, unknown> {
  const body = context.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

/** Slices a list the way GitHub pages it (per_page default 30, max 100) and builds the Link header. */
export function paginate<T>(context: Context, items: T[]): Reply & { body: T[] } {
  const perPage = Math.min(100, Math.max(1, Number(context.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(context.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams(context.query);
    query.set('per_page', String(perPage));
    query.set('page', String(n));
    return `<${context.hub.url}${pathOf(context)}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return links.length > 0
    ? { status: 200, body: slice, headers: { link: links.join(', ') } }
    : { status: 200, body: slice };
}

function pathOf(context: Context): string {
  return context.template.replace(/\{(\w+)\}/g, (_, name: string) =>
    (context.params[name] ?? '').split('/').map(encodeURIComponent).join('/'),
  );
}
