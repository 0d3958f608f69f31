// What GitHub refuses by a token's permissions or a repository's settings (issue 9), as the local GitHub
// refuses it: a token with contents but not pull requests writes the branch and is refused the PR (403
// with x-accepted-github-permissions), a label the repository lacks needs issues write, the workflow's
// token may be forbidden pull requests, and auto-merge is refused where nothing required is pending.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, exampleFiles, fastClient, OWNER, payload, repositorySnapshot } from './bump-fixtures.js';

const BRANCH = 'gitops-promote/dev/api';
let github: LocalGitHub;
let counter = 0;
before(async () => {
  github = await startLocalGitHub({
    tokens: {
      ghs_full: {},
      github_pat_contents_only: { permissions: { contents: 'write', pull_requests: 'none', issues: 'none' } },
      ghs_no_issues: { permissions: { contents: 'write', pull_requests: 'write', issues: 'none' } },
      ghs_workflow: { workflow: true },
      ghp_without_repo: { scopes: ['read:org', 'workflow'] },
      ghp_with_repo: { scopes: ['repo'] },
    },
  });
});
after(() => github.stop());

const api = (timestamp: number) => payload({ app: 'api', tag: devTag(timestamp), buildTimestamp: timestamp });
const as = (token: string) => ({ client: fastClient(github, token) });

async function failure(work: Promise<unknown>): Promise<Error> {
  return work.then(
    () => assert.fail('expected the run to fail'),
    (error: Error) => error,
  );
}

async function newRepository(options: Parameters<LocalGitHub['createRepository']>[3] = {}): Promise<string> {
  const repo = `perm-${++counter}`;
  await github.createRepository(OWNER, repo, exampleFiles(), { collaborators: ['alice'], ...options });
  return repo;
}

describe('fine-grained permissions', () => {
  test('contents but not pull requests: the branch is written, the PR refused, the message names the permission', async () => {
    const repo = await newRepository();
    const error = await failure(bump(github, repo, api(1763700100), as('github_pat_contents_only')));
    const refused = github.requests().filter((request) => request.route === 'POST /repos/{owner}/{repo}/pulls');
    assert.equal(refused.at(-1)?.status, 403);
    assert.ok(error instanceof UserError, error.message);
    assert.match(
      error.message,
      /opening a pull request .*GitHub answered 403 Forbidden \(Resource not accessible by personal access token\)/,
    );
    assert.match(
      error.message,
      /this call needs "Pull requests: Read and write" \(pull-requests: write for GITHUB_TOKEN\)/,
    );
    assert.match(
      error.message,
      /Branch gitops-promote\/dev\/api is written; once the token may do this, dispatch again/,
    );
    const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);
    assert.equal(github.pullRequests(OWNER, repo).length, 0);
    // With the permission, the same dispatch opens the PR for that branch and does not write it again.
    const again = await bump(github, repo, api(1763700100), as('ghs_full'));
    assert.equal(again.operation, 'created', again.reason);
    assert.equal(await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]), head);
  });

  test('the local GitHub answers x-accepted-github-permissions on the refusal', async () => {
    const repo = await newRepository();
    const answer = await fetch(`${github.url}/repos/${OWNER}/${repo}/pulls`, {
      headers: { authorization: 'token github_pat_contents_only' },
    });
    assert.equal(answer.status, 403);
    assert.equal(answer.headers.get('x-accepted-github-permissions'), 'pull_requests=read');
  });

  test('creating a label needs issues write: a warning names it; a label the repository has is added', async () => {
    const repo = await newRepository({ labels: ['promotion'] });
    const result = await bump(github, repo, api(1763700100), as('ghs_no_issues'));
    assert.equal(result.operation, 'created', result.reason);
    assert.ok(
      result.warnings.some((warning) =>
        /could not add labels promotion, env\/dev on pull request #1: Resource not accessible by integration\. GitHub accepts this call with "Issues: Read and write" \(issues: write for GITHUB_TOKEN\)\./.test(
          warning,
        ),
      ),
      result.warnings.join('\n'),
    );
    // Labels it may add (the repository has them) need pull requests write only.
    const repoWithLabels = await newRepository({ labels: ['promotion', 'env/dev'] });
    const labelled = await bump(github, repoWithLabels, api(1763700100), as('ghs_no_issues'));
    assert.deepEqual(labelled.warnings, []);
    assert.deepEqual(github.pullRequests(OWNER, repoWithLabels)[0]?.labels, ['promotion', 'env/dev']);
  });
});

describe('a classic token checked before writing, from the scopes GitHub lists on every answer', () => {
  test('without repo or public_repo: nothing is written and no write is sent', async () => {
    const repo = await newRepository();
    const before = await repositorySnapshot(github, repo);
    github.resetCalls();
    const error = await failure(bump(github, repo, api(1763700100), as('ghp_without_repo')));
    assert.ok(error instanceof UserError, error.message);
    assert.match(
      error.message,
      /the classic personal access token's scopes \(read:org, workflow\) do not allow it; nothing was written/,
    );
    assert.deepEqual(
      github.requests().filter((request) => request.method !== 'GET'),
      [],
      'no write was tried',
    );
    assert.equal(await repositorySnapshot(github, repo), before);
  });

  test('with repo: the usual 8 calls, the check costs none', async () => {
    const repo = `perm-${++counter}`;
    await github.createRepository(OWNER, repo, {
      '.github/promotion.yml':
        'environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"}\napps:\n  api: {image: ghcr.io/acme/api}\n',
      'releases/dev/api.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:dev-00000000-1763600000\n',
    });
    github.resetCalls();
    const result = await bump(github, repo, api(1763700100), as('ghp_with_repo'));
    assert.equal(result.operation, 'created', result.reason);
    assert.equal(github.totalCalls(), 8, JSON.stringify(github.calls()));
  });
});

describe('the workflow token where the repository forbids it pull requests', () => {
  test("GitHub's 403 is explained with the setting's name", async () => {
    const repo = await newRepository({ actionsCanCreatePullRequests: false });
    const error = await failure(bump(github, repo, api(1763700100), as('ghs_workflow')));
    assert.ok(error instanceof UserError, error.message);
    assert.match(error.message, /GitHub Actions is not permitted to create or approve pull requests/);
    assert.match(
      error.message,
      /Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests"/,
    );
    assert.equal(github.pullRequests(OWNER, repo).length, 0);
    // The same token opens pull requests where the repository allows it.
    const allowed = await newRepository();
    assert.equal((await bump(github, allowed, api(1763700100), as('ghs_workflow'))).operation, 'created');
  });
});

describe('auto-merge where nothing required is pending', () => {
  const prod = () => payload({ app: 'worker', tag: '0.4.10', environment: 'prod' });
  for (const [what, options] of [
    ['no branch protection', {}],
    ['protection without a required check (clean)', { protectedBranches: { main: { requiredChecks: [] } } }],
  ] as const) {
    test(`${what}: refused, the warning says to require validate, nothing is merged`, async () => {
      const repo = await newRepository(options);
      const main = await github.git(OWNER, repo, ['rev-parse', 'main']);
      const result = await bump(github, repo, prod(), as('ghs_full'));
      assert.equal(result.operation, 'created', result.reason);
      const warning = result.warnings.find((text) => text.startsWith('could not enable auto-merge'));
      assert.ok(warning, result.warnings.join('\n'));
      assert.match(
        warning,
        options.protectedBranches ? /Pull request is in clean status/ : /Protected branch rules not configured/,
      );
      assert.match(
        warning,
        /make the validate check required on main .*auto-merge waits for it\. The pull request was not merged\./s,
      );
      const pull = github.pullRequests(OWNER, repo)[0]!;
      assert.equal(pull.autoMerge, null);
      assert.equal(pull.state, 'open');
      assert.equal(await github.git(OWNER, repo, ['rev-parse', 'main']), main, 'never merged around validation');
    });
  }

  test('with validate required and pending, auto-merge is enabled', async () => {
    const repo = await newRepository({ protectedBranches: { main: { requiredChecks: ['validate'] } } });
    const result = await bump(github, repo, prod(), as('ghs_full'));
    assert.deepEqual(result.warnings, []);
    assert.equal(github.pullRequests(OWNER, repo)[0]?.autoMerge?.mergeMethod, 'squash');
  });
});
