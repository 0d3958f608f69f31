// The bump's explanation of GitHub refusals, table-driven: what each failed request was doing, and
// the message for each status and token kind (including answers the local GitHub cannot give, such as
// the organization setting that keeps GitHub Actions from opening pull requests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { acceptedPermissionsText, describeRequest, explainFailure, type Access } from '../../src/github/failures.js';

const explainBumpFailure = (error: unknown, access: Access, repositoryVisible?: boolean) =>
  explainFailure(error, { action: 'bump', ...access, ...(repositoryVisible !== undefined && { repositoryVisible }) });

const API = 'https://api.github.com/repos/acme/env';

function requestError(
  status: number,
  message: string,
  method: string,
  url: string,
  extra: { body?: unknown; headers?: Record<string, string> } = {},
): Error {
  return Object.assign(new Error(`${message} - https://docs.github.com/rest`), {
    status,
    request: { method, url, body: extra.body },
    response: { headers: extra.headers ?? {} },
  });
}

describe('describeRequest', () => {
  const cases: Array<[string, string, unknown, string, string, boolean]> = [
    ['GET', API, undefined, 'reading the repository', 'contents', false],
    ['GET', `${API}/git/ref/heads/main`, undefined, 'reading branch main', 'contents', false],
    ['GET', `${API}/git/ref/heads%2Fstg`, undefined, 'reading branch stg', 'contents', false],
    [
      'GET',
      `${API}/contents/.github%2Fpromotion.yml?ref=abc`,
      undefined,
      'reading .github/promotion.yml',
      'contents',
      false,
    ],
    [
      'GET',
      `${API}/git/trees/${'a'.repeat(40)}?recursive=true`,
      undefined,
      'reading the tree at aaaaaaaaaaaa',
      'contents',
      false,
    ],
    ['POST', `${API}/git/trees`, '{}', 'writing the tree of the promotion commit', 'contents', true],
    ['POST', `${API}/git/commits`, '{}', 'writing the promotion commit', 'contents', true],
    [
      'POST',
      `${API}/git/refs`,
      '{"ref":"refs/heads/gitops-promote/dev/app","sha":"x"}',
      'creating branch gitops-promote/dev/app',
      'contents',
      true,
    ],
    [
      'PATCH',
      `${API}/git/refs/heads/gitops-promote/dev/app`,
      '{}',
      'updating branch gitops-promote/dev/app',
      'contents',
      true,
    ],
    ['GET', `${API}/pulls?head=acme:x`, undefined, 'listing pull requests', 'pull-requests', false],
    ['POST', `${API}/pulls`, '{}', 'opening a pull request', 'pull-requests', true],
    ['PATCH', `${API}/pulls/7`, '{"state":"closed"}', 'closing pull request #7', 'pull-requests', true],
    ['PATCH', `${API}/pulls/7`, '{"title":"t"}', 'updating pull request #7', 'pull-requests', true],
    ['POST', `${API}/issues/7/comments`, '{}', 'commenting on pull request #7', 'pull-requests', true],
    ['POST', `${API}/issues/7/labels`, '{}', 'labelling pull request #7', 'issues', true],
    [
      'GET',
      'https://ghe.example/api/v3/repos/acme/env/git/ref/heads/main',
      undefined,
      'reading branch main',
      'contents',
      false,
    ],
  ];
  for (const [method, url, body, doing, needs, write] of cases) {
    test(`${method} ${url.replace(API, '')}`, () => {
      assert.deepEqual(describeRequest(method, url, body), { doing, needs, write });
    });
  }
});

describe('explainBumpFailure', () => {
  const installation: Access = { repository: 'acme/env', tokenKind: 'installation' };
  const cases: Array<[string, Error, Access, boolean | undefined, RegExp, boolean]> = [
    [
      'GITHUB_TOKEN may not open pull requests (repository setting)',
      requestError(403, 'GitHub Actions is not permitted to create or approve pull requests.', 'POST', `${API}/pulls`),
      { repository: 'acme/env', tokenKind: 'workflow' },
      undefined,
      /^bump failed opening a pull request in acme\/env: GitHub answered 403 Forbidden \(GitHub Actions is not permitted to create or approve pull requests\.\): .*"Allow GitHub Actions to create and approve pull requests"/,
      true,
    ],
    [
      'a fine-grained token without contents read',
      requestError(
        403,
        'Resource not accessible by personal access token',
        'GET',
        `${API}/contents/.github/promotion.yml`,
        {
          headers: { 'x-accepted-github-permissions': 'contents=read' },
        },
      ),
      { repository: 'acme/env', tokenKind: 'fine-grained-pat' },
      true,
      /^bump failed reading \.github\/promotion\.yml in acme\/env: GitHub answered 403 Forbidden .* may not read its contents.*give the fine-grained token access to acme\/env with "Contents: Read and write".*GitHub accepts these permissions for this call: contents=read\.$/,
      true,
    ],
    [
      'GITHUB_TOKEN without pull-requests: write',
      requestError(403, 'Resource not accessible by integration', 'POST', `${API}/pulls`),
      { repository: 'acme/env', tokenKind: 'workflow', workflowRepository: 'acme/env' },
      undefined,
      /may not write its pull requests; this call needs "Pull requests: Read and write" \(pull-requests: write for GITHUB_TOKEN\)\. Fix: give the job "permissions: contents: write, pull-requests: write"/,
      true,
    ],
    [
      "the workflow's GITHUB_TOKEN aimed at another repository",
      requestError(404, 'Not Found', 'GET', `${API}/git/ref/heads/main`),
      { repository: 'acme/env', tokenKind: 'workflow', workflowRepository: 'acme/app' },
      false,
      /cannot see it .* This workflow runs in acme\/app, so its GITHUB_TOKEN cannot write to acme\/env: use a GitHub App/,
      true,
    ],
    [
      'a 404 on a write to a repository the token can read',
      requestError(404, 'Not Found', 'POST', `${API}/git/refs`, {
        body: '{"ref":"refs/heads/gitops-promote/dev/app"}',
      }),
      { repository: 'acme/env', tokenKind: 'classic-pat' },
      true,
      /^bump failed creating branch gitops-promote\/dev\/app in acme\/env: GitHub answered 404 Not Found \(Not Found\): a classic personal access token \(ghp_\) can read acme\/env but not write its contents .*the "repo" scope/,
      true,
    ],
    [
      'a 404 on a read of a visible repository is not a token problem',
      requestError(404, 'Not Found', 'GET', `${API}/git/trees/abc`),
      installation,
      true,
      /^bump failed reading the tree at abc in acme\/env: GitHub answered 404 Not Found \(Not Found\): what bump read a moment ago is gone/,
      false,
    ],
    [
      'a rate limit that outlasted the retries',
      requestError(403, 'API rate limit exceeded for installation ID 1.', 'GET', `${API}/git/trees/abc`),
      installation,
      undefined,
      /rate limited, retry after a minute or more \(GitHub gave no retry-after\); nothing is lost by stopping here: dispatch again then\.$/,
      false,
    ],
    [
      'a 502 after the retries',
      requestError(502, 'Server Error', 'POST', `${API}/git/commits`),
      installation,
      undefined,
      /^bump failed writing the promotion commit in acme\/env: GitHub answered 502 \(Server Error\) after retries/,
      false,
    ],
  ];
  for (const [name, error, access, visible, message, isUserError] of cases) {
    test(name, () => {
      const explained = explainBumpFailure(error, access, visible);
      assert.match(explained.message, message);
      assert.equal(explained instanceof UserError, isUserError);
      assert.doesNotMatch(explained.message, /docs\.github\.com/);
    });
  }

  test('user errors and errors that are not GitHub answers pass through', () => {
    const user = new UserError('config: bad');
    assert.equal(explainBumpFailure(user, installation), user);
    const other = new TypeError('boom');
    assert.equal(explainBumpFailure(other, installation), other);
  });
});

describe("acceptedPermissionsText: x-accepted-github-permissions in the settings' words", () => {
  const cases: Array<[string | undefined, { app: string; workflow: string } | undefined]> = [
    ['pull_requests=write', { app: '"Pull requests: Read and write"', workflow: 'pull-requests: write' }],
    [
      'issues=write; pull_requests=write',
      {
        app: '"Issues: Read and write" or "Pull requests: Read and write"',
        workflow: 'issues: write or pull-requests: write',
      },
    ],
    [
      'contents=read,metadata=read',
      { app: '"Contents: Read-only" and "Metadata: Read-only"', workflow: 'contents: read, metadata: read' },
    ],
    ['', undefined],
    [undefined, undefined],
    ['not a permission', undefined],
  ];
  for (const [header, expected] of cases) {
    test(JSON.stringify(header), () => assert.deepEqual(acceptedPermissionsText(header), expected));
  }
});

describe('refusals after the branch is written', () => {
  const access: Access = { repository: 'acme/env', tokenKind: 'fine-grained-pat' };
  const context = { action: 'bump' as const, ...access, branchWritten: 'gitops-promote/dev/api' };

  test('a 403 on opening the PR names the permission from the header and says the branch is written', () => {
    const error = explainFailure(
      requestError(403, 'Resource not accessible by personal access token', 'POST', `${API}/pulls`, {
        headers: { 'x-accepted-github-permissions': 'pull_requests=write' },
      }),
      context,
    );
    assert.ok(error instanceof UserError);
    assert.match(
      error.message,
      /this call needs "Pull requests: Read and write" \(pull-requests: write for GITHUB_TOKEN\)/,
    );
    assert.match(
      error.message,
      /Branch gitops-promote\/dev\/api is written; once the token may do this, dispatch again/,
    );
  });

  test('"No commits between" that outlasted the re-asks says a dispatch again opens the PR', () => {
    const error = explainFailure(
      requestError(
        422,
        'Validation Failed: No commits between main and gitops-promote/dev/api',
        'POST',
        `${API}/pulls`,
      ),
      context,
    );
    assert.ok(!(error instanceof UserError), "not the user's mistake");
    assert.match(
      error.message,
      /had still not seen the push to gitops-promote\/dev\/api .*dispatch again: the pull request is opened/,
    );
  });
});
