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
