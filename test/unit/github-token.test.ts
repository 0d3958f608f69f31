import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyToken, type TokenKind } from '../../src/github/token.js';

const WORKFLOW_TOKEN = 'ghs_runToken123';

const cases: Array<[token: string, workflowToken: string | undefined, kind: TokenKind]> = [
  [WORKFLOW_TOKEN, WORKFLOW_TOKEN, 'workflow'],
  // Without the run's token, GITHUB_TOKEN looks like any App installation token.
  [WORKFLOW_TOKEN, undefined, 'installation'],
  [WORKFLOW_TOKEN, '', 'installation'],
  ['ghs_appToken', WORKFLOW_TOKEN, 'installation'],
  ['github_pat_11ABC', WORKFLOW_TOKEN, 'fine-grained-pat'],
  ['ghp_classic', WORKFLOW_TOKEN, 'classic-pat'],
  ['gho_oauth', undefined, 'oauth'],
  ['ghu_user', undefined, 'app-user'],
  ['0123456789abcdef0123456789abcdef01234567', undefined, 'unknown'],
];

for (const [token, workflowToken, kind] of cases) {
  test(`${token} with workflow token ${workflowToken ?? 'unknown'} is ${kind}`, () => {
    assert.equal(classifyToken(token, workflowToken), kind);
  });
}
