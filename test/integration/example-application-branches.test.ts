// examples/application-branches, model 3, as a user copies it: its environment repository and config
// on the local GitHub, an application repository with the branches dev, stg and master, and the
// promote flow opening the pull requests between application branches once each environment is healthy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { promoteEnvironments } from '../../src/flows/promote.js';
import { createGitHubClient } from '../../src/github/client.js';
import { readFolder } from '../../tools/local-github/folder.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { deploy } from './promote-fixtures.js';

const EXAMPLE = new URL('../../examples/application-branches/environment/', import.meta.url).pathname;
const ENV_TOKEN = 'ghs_example_environments';
const APP_TOKEN = 'ghs_example_web';
let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub();
  // The example's config names acme/web; the environment token sees only the environment repository.
  github.setToken(ENV_TOKEN, { repos: ['acme/environments'] });
  github.setToken(APP_TOKEN, { repos: ['acme/web'] });
  github.setToken('ghs_bump', { repos: ['acme/environments'] }); // what deploy() records Deployments with
  await github.createRepository('acme', 'environments', readFolder(EXAMPLE));
  await github.createRepository(
    'acme',
    'web',
    { 'main.go': 'package main\n' },
    { defaultBranch: 'master', collaborators: ['alice'] },
  );
  await github.git('acme', 'web', ['tag', 'v0.4.9', 'master']);
  for (const branch of ['stg', 'dev']) await github.git('acme', 'web', ['branch', branch, 'master']);
});
after(() => github.stop());

const client = (token: string) =>
  createGitHubClient({ token, baseUrl: github.url, writeIntervalMs: 0, notificationIntervalMs: 0 });
const promote = (source: string) =>
  promoteEnvironments({
    client: client(ENV_TOKEN),
    appClient: client(APP_TOKEN),
    repository: { owner: 'acme', repo: 'environments' },
    defaultBranch: 'main',
    source,
    serverUrl: 'https://github.com',
  });
const openPulls = () => github.pullRequests('acme', 'web').filter((pull) => pull.state === 'open');

test('a healthy dev opens the dev -> stg pull request in the application repository, with the commits and a suggested version', async () => {
  await github.pushCommit('acme', 'web', { branch: 'dev', message: 'feat: search box', files: { 'search.go': 'x\n' } });
  const blocked = await promote('dev');
  assert.equal(blocked.promotions[0]?.operation, 'blocked', 'no Deployment of dev yet: the gate holds');
  assert.equal(openPulls().length, 0);

  await deploy(github, 'environments', 'dev', ['ghcr.io/acme/web:dev-3f2a9c1e-1763600000'], 'success');
  const result = await promote('dev');
  const [row] = result.promotions;
  assert.deepEqual([row?.operation, row?.from, row?.to, row?.suggestedVersion], ['created', 'dev', 'stg', 'v0.5.0']);
  const [pull, ...others] = openPulls();
  assert.equal(others.length, 0);
  assert.deepEqual([pull?.headRef, pull?.baseRef], ['dev', 'stg']);
  assert.match(pull?.body ?? '', /search box/);
});

test('a healthy stg opens the stg -> master pull request with prod reviewers; the release tag is left to people', async () => {
  await github.git('acme', 'web', ['branch', '-f', 'stg', 'dev']);
  await deploy(github, 'environments', 'stg', ['ghcr.io/acme/web:stg-0b7d4e21-1763500000'], 'success');
  const result = await promote('stg');
  const [row] = result.promotions;
  assert.deepEqual([row?.operation, row?.from, row?.to], ['created', 'stg', 'prod']);
  const pull = openPulls().find((candidate) => candidate.baseRef === 'master');
  assert.equal(pull?.headRef, 'stg');
  assert.deepEqual([...(pull?.requestedReviewers ?? [])], ['alice']);
  assert.match(pull?.body ?? '', /v0\.5\.0/);
  assert.deepEqual(
    (await github.git('acme', 'web', ['tag', '--list'])).trim().split('\n'),
    ['v0.4.9'],
    'no release tag is cut by promote',
  );
});
