// status against the local GitHub: a seeded environment repository (a merged bump, an open promotion
// PR, deployments) gives the matrix of apps x environments with what is behind; the pinned issue is
// created once and pinned, then edited in place, never duplicated.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requestFromPayload } from '../../src/core/payload/index.js';
import { STATUS_ISSUE_MARKER } from '../../src/core/status/render.js';
import { bumpEnvironment } from '../../src/flows/bump.js';
import { readRepositoryStatus } from '../../src/flows/status.js';
import { createDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { devTag, exampleFiles, fastClient, OWNER, payload } from './bump-fixtures.js';
import { WALK_CONFIG } from './status-fixtures.js';

const REPO = 'status-env';
const NEW_DEV = devTag(1763800000, 'aaaaaaa1');
let github: LocalGitHub;
let stgPull: number;

before(async () => {
  github = await startLocalGitHub();
  const files = exampleFiles(WALK_CONFIG);
  // stg runs dev builds in this story: its Flux annotation says so too.
  const stg = String(files['releases/stg/podinfo.yaml']).replace(
    'tag.chart-image: glob:stg-*',
    'tag.chart-image: glob:dev-*',
  );
  await github.createRepository(OWNER, REPO, { ...files, 'releases/stg/podinfo.yaml': stg });
  const client = fastClient(github);
  const repo = { owner: OWNER, repo: REPO };
  const bump = (environment: string) =>
    bumpEnvironment({
      client,
      repository: repo,
      request: requestFromPayload(payload({ app: 'podinfo', tag: NEW_DEV, environment, buildTimestamp: 1763800000 })),
      defaultBranch: 'main',
    });
  const toDev = await bump('dev');
  await client.rest.pulls.merge({ ...repo, pull_number: toDev.pullRequest!.number, merge_method: 'squash' });
  const head = await github.git(OWNER, REPO, ['rev-parse', 'refs/heads/main']);
  const id = await createDeployment(client, repo, {
    ref: head,
    environment: 'dev',
    description: 'apply',
    payload: { images: [`ghcr.io/acme/podinfo:${NEW_DEV}`], commit: head },
  });
  await setDeploymentStatus(client, repo, id, {
    state: 'success',
    description: 'healthy',
    logUrl: 'https://github.com/acme/status-env/actions/runs/7',
  });
  stgPull = (await bump('stg')).pullRequest!.number;
});
after(() => github.stop());

describe('status over the API', () => {
  test('the matrix: tags per environment, the open PR, the last deployment, and who is behind', async () => {
    const { matrix, issue } = await readRepositoryStatus({
      client: fastClient(github),
      repository: { owner: OWNER, repo: REPO },
    });
    assert.equal(issue, undefined);
    assert.deepEqual(
      matrix.environments.map((environment) => [environment.name, environment.from]),
      [
        ['dev', undefined],
        ['stg', 'dev'],
        ['prod', 'stg'],
      ],
    );
    const cell = (app: string, environment: string) =>
      matrix.cells.find((candidate) => candidate.app === app && candidate.environment === environment)!;
    assert.deepEqual(cell('podinfo', 'dev').tags, [NEW_DEV]);
    assert.equal(cell('podinfo', 'dev').deployment?.state, 'success');
    assert.equal(cell('podinfo', 'dev').deployment?.url, 'https://github.com/acme/status-env/actions/runs/7');
    assert.equal(cell('api', 'dev').deployment?.state, 'success', 'apply deploys the whole environment');
    assert.deepEqual(cell('podinfo', 'stg').tags, ['stg-3f2a9c1e-1763600000']);
    assert.deepEqual(cell('podinfo', 'stg').pullRequest, {
      number: stgPull,
      url: `${github.url.replace(/\/+$/, '')}/${OWNER}/${REPO}/pull/${stgPull}`,
      tag: NEW_DEV,
      kind: 'promotion',
    });
    assert.equal(cell('podinfo', 'stg').deployment, undefined);
    assert.deepEqual(cell('podinfo', 'prod').tags, ['0.4.9']);
    // stg is behind dev for podinfo only (api's dev tag is no newer); prod's semver policy admits no dev build.
    assert.deepEqual(matrix.behind, [
      { app: 'podinfo', environment: 'stg', from: 'dev', runs: ['stg-3f2a9c1e-1763600000'], available: NEW_DEV },
    ]);
  });

  test('pinned issue: created once and pinned, then edited in place (no duplicate)', async () => {
    const options = {
      client: fastClient(github),
      repository: { owner: OWNER, repo: REPO },
      pinnedIssue: true,
      now: () => new Date('2026-12-07T10:00:00Z'),
    };
    const first = await readRepositoryStatus(options);
    assert.equal(first.issue?.operation, 'created');
    assert.equal(first.warnings.length, 0, first.warnings.join('\n'));
    const second = await readRepositoryStatus({ ...options, now: () => new Date('2026-12-07T11:00:00Z') });
    assert.equal(second.issue?.operation, 'updated');
    assert.equal(second.issue?.number, first.issue?.number);
    const issues = github.issues(OWNER, REPO);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.pinned, true);
    assert.ok(issues[0]?.body?.endsWith(`${STATUS_ISSUE_MARKER}\n`));
    assert.match(issues[0]?.body ?? '', /Updated 2026-12-07 11:00 UTC/);
    assert.match(
      issues[0]?.body ?? '',
      /\| podinfo \| `dev-aaaaaaa1-1763800000`<br>\[success\]\(https:\/\/github\.com/,
    );
    // Someone closed it: the next run reopens the same issue.
    await fastClient(github).rest.issues.update({
      owner: OWNER,
      repo: REPO,
      issue_number: first.issue!.number,
      state: 'closed',
    });
    const third = await readRepositoryStatus(options);
    assert.equal(third.issue?.number, first.issue?.number);
    assert.equal(github.issues(OWNER, REPO)[0]?.state, 'open');
    assert.equal(github.issues(OWNER, REPO).length, 1);
  });
});
