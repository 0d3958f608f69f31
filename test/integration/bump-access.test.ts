// What a bump says when GitHub refuses it: a bad token (401), a token that may read but not write
// (403), a repository the token cannot see (404, never reported as a missing branch), a configured
// branch that does not exist, and a promotion branch someone else pushed to. Each is a user error
// (one line, no "unexpected error") that names what was being done, the status, and the fix; and
// nothing is written.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import type { TokenKind } from '../../src/github/token.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, CONFIG, devTag, exampleFiles, fastClient, OWNER, payload, repositorySnapshot } from './bump-fixtures.js';

const WRITER = 'ghs_writer';
const READER = 'ghs_reader';
const STRANGER = 'ghs_stranger';
const REPO = 'env-access';
let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub({
    tokens: {
      [WRITER]: { login: 'gitops-bot[bot]', repos: [`${OWNER}/${REPO}`, `${OWNER}/env-branches`] },
      [READER]: { repos: [`${OWNER}/${REPO}`], permission: 'read' },
      [STRANGER]: { repos: [`${OWNER}/other`] },
    },
  });
  await github.createRepository(OWNER, REPO, exampleFiles());
  await github.createRepository(OWNER, 'other', { 'README.md': 'other\n' });
  await github.createRepository(
    OWNER,
    'env-branches',
    exampleFiles(
      CONFIG.replace(
        '  - name: stg\n    path: releases/stg\n',
        '  - name: stg\n    path: releases/stg\n    branch: stg\n',
      ),
    ),
  );
});
after(() => github.stop());

/** Runs a bump as `token` and returns the error it fails with, checking it is a user error and that nothing changed. */
async function refusal(
  token: string,
  options: { repo?: string; defaultBranch?: string; tokenKind?: TokenKind; environment?: string } = {},
): Promise<string> {
  const repo = options.repo ?? REPO;
  const before = await repositorySnapshot(github, repo);
  const dispatched = payload({
    app: 'podinfo',
    tag: devTag(1763700000), // every environment of the test config but prod admits dev builds
    environment: options.environment ?? 'dev',
  });
  let caught: unknown;
  try {
    await bump(github, repo, dispatched, {
      client: fastClient(github, token),
      tokenKind: options.tokenKind ?? 'installation',
      ...('defaultBranch' in options && { defaultBranch: options.defaultBranch }),
    });
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof UserError, `expected a user error, got ${String(caught)}`);
  assert.doesNotMatch(caught.message, /\n/);
  // Refs, objects and pull requests: a refused bump leaves not even an unreferenced object behind.
  assert.equal(await repositorySnapshot(github, repo), before, 'nothing is written');
  return caught.message;
}

describe('bump explains what GitHub refused', () => {
  test('a repository the token cannot see, with the default branch from the event: not a missing branch', async () => {
    const message = await refusal(STRANGER, { defaultBranch: 'main' });
    assert.doesNotMatch(message, /branch main does not exist/);
    assert.match(
      message,
      /^bump failed reading the repository in acme\/env-access: GitHub answered 404 Not Found: acme\/env-access does not exist or a GitHub App installation token \(ghs_\) cannot see it \(GitHub answers 404, not 403, for a private repository a token may not read\)/,
    );
    assert.match(
      message,
      /Fix: for a GitHub App token, install the App on acme\/env-access with "Contents: Read and write", "Pull requests: Read and write" and, for labels, "Issues: Read and write"/,
    );
  });

  test('a repository the token cannot see, without the default branch: the first read says so', async () => {
    const message = await refusal(STRANGER, { defaultBranch: undefined, tokenKind: 'workflow' });
    assert.match(
      message,
      /GitHub answered 404 Not Found: acme\/env-access does not exist or the workflow's GITHUB_TOKEN cannot see it/,
    );
    assert.match(message, /give the job "permissions: contents: write, pull-requests: write"/);
  });

  test('a read-only token: the first write is a 403 that names the permission it needs', async () => {
    const message = await refusal(READER);
    assert.match(
      message,
      /^bump failed writing the tree of the promotion commit in acme\/env-access: GitHub answered 403 Forbidden \(Resource not accessible by integration\): a GitHub App installation token \(ghs_\) can see acme\/env-access but may not write its contents; this call needs "Contents: Read and write" \(contents: write for GITHUB_TOKEN\)/,
    );
  });

  test('a revoked token: 401, the token is invalid, expired or revoked', async () => {
    const message = await refusal('ghs_revoked');
    assert.match(
      message,
      /GitHub answered 401 Unauthorized \(Bad credentials\): the token, .* is invalid, expired or revoked/,
    );
  });

  test('a default branch that does not exist is named, with the actual one', async () => {
    const message = await refusal(WRITER, { defaultBranch: 'master' });
    assert.match(message, /^branch master does not exist in acme\/env-access \(its default branch is main\)/);
  });

  test("an environment's configured branch that does not exist is named, with the environment", async () => {
    const message = await refusal(WRITER, { repo: 'env-branches', environment: 'stg' });
    assert.match(
      message,
      /^environment stg: branch stg does not exist in acme\/env-branches; \.github\/promotion\.yml names it as the branch of stg/,
    );
  });

  test('a commit someone else pushed to the promotion branch is never overwritten, and the error says so', async () => {
    const head = await github.pushCommit(OWNER, REPO, {
      branch: 'gitops-promote/dev/podinfo',
      parent: await github.git(OWNER, REPO, ['rev-parse', 'main']),
      files: { 'releases/dev/podinfo.yaml': 'hand: edit\n' },
      message: 'a hand edit',
    });
    const refs = await github.git(OWNER, REPO, ['for-each-ref', '--format=%(refname) %(objectname)']);
    let message = '';
    await bump(github, REPO, payload({ app: 'podinfo', tag: devTag(1763700000) }), {
      client: fastClient(github, WRITER),
    }).catch((error: unknown) => {
      assert.ok(error instanceof UserError, String(error));
      message = error.message;
    });
    assert.equal(await github.git(OWNER, REPO, ['for-each-ref', '--format=%(refname) %(objectname)']), refs);
    assert.match(
      message,
      new RegExp(
        `^branch gitops-promote/dev/podinfo of acme/env-access has commit ${head.slice(0, 12)}, which gitops-promote did not make .* never force-pushes over it`,
      ),
    );
    assert.equal(await github.git(OWNER, REPO, ['rev-parse', 'gitops-promote/dev/podinfo']), head);
  });
});
