// What kind of credential a token is, from its documented prefix. The workflow's GITHUB_TOKEN is an
// installation token (`ghs_`) like any GitHub App's, so the format alone cannot tell them apart:
// the action passes the run's own token (input default `${{ github.token }}`) and we compare.
export type TokenKind =
  'workflow' | 'installation' | 'fine-grained-pat' | 'classic-pat' | 'oauth' | 'app-user' | 'unknown';

const PREFIXES: ReadonlyArray<[string, TokenKind]> = [
  ['github_pat_', 'fine-grained-pat'],
  ['ghp_', 'classic-pat'],
  ['gho_', 'oauth'],
  ['ghu_', 'app-user'],
  ['ghs_', 'installation'],
];

/**
 * @param workflowToken the run's GITHUB_TOKEN when known (an input defaulting to `${{ github.token }}`);
 *   without it a `ghs_` token is reported as `installation`, which may still be the workflow's token.
 */
export function classifyToken(token: string, workflowToken?: string): TokenKind {
  if (workflowToken !== undefined && workflowToken !== '' && token === workflowToken) return 'workflow';
  return PREFIXES.find(([prefix]) => token.startsWith(prefix))?.[1] ?? 'unknown';
}

export function describeTokenKind(kind: TokenKind): string {
  switch (kind) {
    case 'workflow':
      return "the workflow's GITHUB_TOKEN";
    case 'installation':
      return 'a GitHub App installation token (ghs_)';
    case 'fine-grained-pat':
      return 'a fine-grained personal access token (github_pat_)';
    case 'classic-pat':
      return 'a classic personal access token (ghp_)';
    case 'oauth':
      return 'an OAuth app token (gho_)';
    case 'app-user':
      return 'a GitHub App user token (ghu_)';
    case 'unknown':
      return 'a token of unknown kind';
  }
}

/**
 * The scopes a classic personal access token (or OAuth token) carries, as GitHub lists them in the
 * `x-oauth-scopes` header of every answer: watched on the answers the run gets anyway, so knowing them
 * costs no call. Undefined until an answer has said (App and fine-grained tokens never say).
 */
export function watchOAuthScopes(client: {
  hook: { after(name: 'request', hook: (response: { headers: Record<string, unknown> }) => void): void };
}): () => string[] | undefined {
  let scopes: string[] | undefined;
  client.hook.after('request', (response) => {
    const header = response.headers['x-oauth-scopes'];
    if (typeof header !== 'string') return;
    scopes = header
      .split(',')
      .map((scope) => scope.trim())
      .filter((scope) => scope !== '');
  });
  return () => scopes;
}

/** Whether OAuth scopes may write a repository's contents and pull requests (`repo`, or `public_repo` for a public one). */
export function scopesMayWrite(scopes: readonly string[]): boolean {
  return scopes.includes('repo') || scopes.includes('public_repo');
}
