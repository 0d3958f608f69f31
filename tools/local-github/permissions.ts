// Fine-grained permissions (GitHub Apps, fine-grained personal access tokens): which permission each
// route needs, and GitHub's 403 with `x-accepted-github-permissions` (the sets that would do, separated
// by "; ") when a token lacks it. Metadata read comes with every token, as on GitHub.
import { ApiError } from './http.js';

export type PermissionName = 'contents' | 'pull_requests' | 'issues' | 'statuses' | 'deployments';
export type PermissionLevel = 'none' | 'read' | 'write';
export type TokenPermissions = Partial<Record<PermissionName, PermissionLevel>>;

export const PERMISSION_NAMES: readonly PermissionName[] = [
  'contents',
  'pull_requests',
  'issues',
  'statuses',
  'deployments',
];

/** One permission at a level; a route accepts any of its alternatives. */
export type Need = [PermissionName, 'read' | 'write'];

/** The alternatives a route accepts, from its template and method; undefined: metadata only. */
export function routeNeeds(method: string, template: string): Need[] | undefined {
  const level = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  const rest = template.replace(/^\/repos\/\{owner\}\/\{repo\}/, '');
  if (rest === '' || rest === template) return undefined;
  if (rest.startsWith('/pulls/{pull_number}/merge')) return [['contents', 'write']];
  if (rest.startsWith('/pulls')) return [['pull_requests', level]];
  if (rest.startsWith('/issues')) {
    return [
      ['issues', level],
      ['pull_requests', level],
    ];
  }
  if (rest.startsWith('/statuses') || rest.endsWith('/status')) return [['statuses', level]];
  if (rest.startsWith('/deployments')) return [['deployments', level]];
  return [['contents', level]];
}

const RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

export function grants(permissions: TokenPermissions, [name, level]: Need): boolean {
  return RANK[permissions[name] ?? 'none'] >= RANK[level];
}

/** GitHub's refusal of a call the token's permissions do not cover. */
export function notAccessible(needs: readonly Need[], actor: string): ApiError {
  return new ApiError(
    403,
    `Resource not accessible by ${actor}`,
    {},
    { 'x-accepted-github-permissions': needs.map(([name, level]) => `${name}=${level}`).join('; ') },
  );
}
