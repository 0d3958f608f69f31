// Model 3 through the promote flow, against the local GitHub: the environment repository's config says
// stg is fed by merging dev's application branch; promote checks dev's gate in the environment
// repository, then opens the pull request in the application repository with the app token (the
// environment token cannot see it, and the app token cannot see the environment repository).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { promoteEnvironments, type PromoteOptions } from '../../src/flows/promote.js';
import { createGitHubClient } from '../../src/github/client.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { repositorySnapshot } from './bump-fixtures.js';
import { deploy, modelOneFiles, OWNER, START } from './promote-fixtures.js';

const ENV_TOKEN = 'ghs_environments';
const APP_TOKEN = 'ghs_applications';
const FIXTURES_TOKEN = 'ghs_bump';
let github: LocalGitHub;
let counter = 0;
const environments: string[] = [];

before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

const config = (appRepository: string, gate = 'deployment') => `environments:
  - {name: dev, path: releases/dev, tags: "glob:dev-*", app-branch: dev}
  - {name: stg, path: releases/stg, tags: "glob:stg-*", from: dev, promote-by: app-branch, app-branch: stg, gate: ${gate}, reviewers: [alice]}
apps:
  web: {image: ghcr.io/acme/web, repository: ${OWNER}/${appRepository}}
`;

/** An environment repository (model 1 files, model 3 config) and the app repository it names. */
async function setup(gate?: string) {
  counter += 1;
  const env = `env-${counter}`;
  const app = `web-${counter}`;
  // Each token sees only its side: the environment repositories, or this app repository.
  environments.push(`${OWNER}/${env}`);
  github.setToken(ENV_TOKEN, { repos: [...environments] });
  github.setToken(FIXTURES_TOKEN, { repos: [...environments] }); // what deploy() records Deployments with
  github.setToken(APP_TOKEN, { repos: [`${OWNER}/${app}`] });
  await github.createRepository(OWNER, env, { ...modelOneFiles(), '.github/promotion.yml': config(app, gate) });
  await github.createRepository(
    OWNER,
    app,
    { 'main.go': 'package main\n' },
    { defaultBranch: 'master', collaborators: ['alice'] },
  );
  await github.git(OWNER, app, ['tag', 'v0.4.10', 'master']);
  for (const branch of ['stg', 'dev']) await github.git(OWNER, app, ['branch', branch, 'master']);
  return { env, app };
}

function promote(env: string, options: Partial<PromoteOptions> = {}) {
  const client = (token: string) =>
    createGitHubClient({ token, baseUrl: github.url, writeIntervalMs: 0, notificationIntervalMs: 0 });
  return promoteEnvironments({
    client: client(ENV_TOKEN),
    appClient: client(APP_TOKEN),
    repository: { owner: OWNER, repo: env },
    defaultBranch: 'main',
    source: 'dev',
    serverUrl: 'https://github.com',
    ...options,
  });
}

const openPulls = (repo: string) => github.pullRequests(OWNER, repo).filter((pull) => pull.state === 'open');

describe('promote with promote-by: app-branch', () => {
  test("blocked by dev's gate until dev is healthy; then one PR dev -> stg in the app repository", async () => {
    const { env, app } = await setup();
    await github.pushCommit(OWNER, app, { branch: 'dev', message: 'feat: search', files: { 'search.go': 'x\n' } });
    const envBefore = await repositorySnapshot(github, env);

    const blocked = await promote(env);
    assert.equal(blocked.promotions.length, 1);
    assert.deepEqual(
      { operation: blocked.promotions[0]?.operation, blocker: blocked.promotions[0]?.blocker },
      { operation: 'blocked', blocker: 'gate' },
    );
    assert.match(blocked.promotions[0]?.reason ?? '', /^gate deployment: no deployment of dev; needs/);
    assert.equal(openPulls(app).length, 0);

    await deploy(github, env, 'dev', [`ghcr.io/acme/web:${START}`], 'success');
    const result = await promote(env);
    const [row] = result.promotions;
    assert.equal(row?.operation, 'created', row?.reason);
    assert.equal(row?.suggestedVersion, 'v0.5.0');
    assert.match(row?.reason ?? '', /^created pull request #1 from dev into stg; healthy in dev: /);
    const [pull, ...others] = openPulls(app);
    assert.equal(others.length, 0);
    assert.deepEqual(
      [pull?.headRef, pull?.baseRef, pull?.title],
      ['dev', 'stg', 'Promote dev into stg (suggests v0.5.0)'],
    );
    assert.equal(row?.pullRequest?.number, pull?.number);
    assert.deepEqual([...(pull?.requestedReviewers ?? [])], ['alice']);
    // The environment repository is read, never written, by this model.
    assert.equal(await repositorySnapshot(github, env), envBefore);

    await github.pushCommit(OWNER, app, { branch: 'dev', message: 'fix: typo', files: { 'typo.go': 'y\n' } });
    const again = await promote(env);
    assert.equal(again.promotions[0]?.operation, 'updated');
    assert.equal(again.promotions[0]?.pullRequest?.number, pull?.number);
    assert.equal(openPulls(app).length, 1);
  });

  test('gate none, branches equal: skipped with the reason, nothing opened', async () => {
    const { env, app } = await setup('none');
    const result = await promote(env);
    assert.deepEqual(
      result.promotions.map(({ operation, reason }) => ({ operation, reason })),
      [{ operation: 'skipped', reason: `stg already has every commit of dev in ${OWNER}/${app}: nothing to promote` }],
    );
    assert.equal(openPulls(app).length, 0);
  });

  test('dry run: planned, with the suggestion, and nothing written anywhere', async () => {
    const { env, app } = await setup('none');
    await github.pushCommit(OWNER, app, { branch: 'dev', message: 'fix!: new ids', files: { 'ids.go': 'z\n' } });
    const appBefore = await github.git(OWNER, app, ['for-each-ref']);
    const result = await promote(env, { dryRun: true });
    assert.equal(result.promotions[0]?.operation, 'planned');
    assert.equal(result.promotions[0]?.suggestedVersion, 'v1.0.0');
    assert.equal(openPulls(app).length, 0);
    assert.equal(await github.git(OWNER, app, ['for-each-ref']), appBefore);
  });

  test('without an app token that reaches the app repository, the row fails naming apps.web.repository', async () => {
    const { env } = await setup('none');
    const result = await promote(env, { appClient: undefined });
    assert.equal(result.promotions[0]?.operation, 'failed');
    assert.match(
      result.promotions[0]?.reason ?? '',
      /^apps\.web\.repository: acme\/web-\d+ is not found with the token given/,
    );
  });
});
