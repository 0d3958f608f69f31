// The promote bundle run as the runner runs it, for promote-by app-branch: the `token` input reaches
// only the environment repository and `app-token` only the application repository, so the pull request
// in the application repository proves app-token is the one used there; the outputs describe it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction } from '../../tools/runner/harness.js';
import { modelOneFiles, OWNER } from '../integration/promote-fixtures.js';

const ENV_REPO = 'environments';
const APP_REPO = 'web';
const ENV_TOKEN = 'ghs_environment_repository_only';
const APP_TOKEN = 'ghs_application_repository_only';
let github: LocalGitHub;

const CONFIG = `environments:
  - {name: dev, path: releases/dev, tags: "glob:dev-*", app-branch: dev}
  - {name: stg, path: releases/stg, tags: "glob:stg-*", from: dev, promote-by: app-branch, app-branch: stg, gate: none}
apps:
  web: {image: ghcr.io/acme/web, repository: ${OWNER}/${APP_REPO}}
`;

before(async () => {
  github = await startLocalGitHub({
    tokens: {
      [ENV_TOKEN]: { repos: [`${OWNER}/${ENV_REPO}`] },
      [APP_TOKEN]: { repos: [`${OWNER}/${APP_REPO}`] },
    },
  });
  await github.createRepository(OWNER, ENV_REPO, { ...modelOneFiles(), '.github/promotion.yml': CONFIG });
  await github.createRepository(OWNER, APP_REPO, { 'main.go': 'package main\n' }, { defaultBranch: 'master' });
  await github.git(OWNER, APP_REPO, ['tag', 'v0.4.10', 'master']);
  for (const branch of ['stg', 'dev']) await github.git(OWNER, APP_REPO, ['branch', branch, 'master']);
  await github.pushCommit(OWNER, APP_REPO, { branch: 'dev', message: 'feat: search', files: { 's.go': 'x\n' } });
});
after(() => github.stop());

const run = (inputs: Record<string, string>) =>
  runAction('promote', {
    eventName: 'schedule',
    event: { schedule: '23 * * * *' },
    repository: `${OWNER}/${ENV_REPO}`,
    apiUrl: github.url,
    token: ENV_TOKEN,
    inputs: { token: ENV_TOKEN, environment: 'dev', ...inputs },
  });

describe('promote bundle, promote-by app-branch', () => {
  test('without app-token the main token cannot reach the app repository: the step fails naming the key', async () => {
    const result = await run({});
    assert.equal(result.exitCode, 1, result.stdout + result.stderr);
    assert.match(result.stdout + result.stderr, /apps\.web\.repository: acme\/web is not found with the token given/);
    assert.equal(github.pullRequests(OWNER, APP_REPO).length, 0);
  });

  test('with app-token: the pull request in the app repository, and the outputs describing it', async (t) => {
    const result = await run({ 'app-token': APP_TOKEN });
    t.diagnostic(`bundle ran under node ${result.nodeVersion}`);
    assert.equal(result.exitCode, 0, result.stdout + result.stderr);
    const [pull, ...others] = github.pullRequests(OWNER, APP_REPO);
    assert.equal(others.length, 0);
    assert.deepEqual([pull?.headRef, pull?.baseRef], ['dev', 'stg']);
    assert.equal(result.outputs.operation, 'created');
    assert.equal(result.outputs['pull-request-number'], String(pull?.number));
    assert.deepEqual([result.outputs.from, result.outputs.to], ['dev', 'stg']);
    const [row] = JSON.parse(result.outputs.promotions ?? '[]') as Array<Record<string, unknown>>;
    assert.equal(row?.suggestedVersion, 'v0.5.0');
    // The runner masks it from the first line on; no other line carries it.
    const carrying = (result.stdout + result.stderr).split('\n').filter((line) => line.includes(APP_TOKEN));
    assert.deepEqual(carrying, [`::add-mask::${APP_TOKEN}`]);
  });
});
