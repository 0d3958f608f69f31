// promote against the local GitHub (real bare repositories behind GitHub's REST API): the story
// dev -> stg -> prod step by step, asserting the repositories, pull requests and their text after each.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { branchDiff, fastClient, payload, repositorySnapshot } from './bump-fixtures.js';
import { bumpEnvironment } from '../../src/flows/bump.js';
import { requestFromPayload } from '../../src/core/payload/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import {
  bumpAndMergeDev,
  commitStatus,
  CONFIG,
  deploy,
  devTag,
  modelOneFiles,
  newRepository,
  openPulls,
  OWNER,
  promote,
  recordOf,
  START,
  webManifest,
} from './promote-fixtures.js';

let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

const T1 = devTag(1_764_000_100, '2222bbbb');
const T2 = devTag(1_764_000_200, '3333cccc');
const image = (tag: string) => `ghcr.io/acme/web:${tag}`;

describe('promote, model 1 (environment folders on main)', () => {
  let repo: string;
  let sent: ReturnType<typeof payload>;
  before(async () => {
    repo = await newRepository(github, modelOneFiles());
    sent = await bumpAndMergeDev(github, repo, T1, 1_764_000_100);
  });

  test('no deployment of dev yet: blocked by the deployment gate, saying what it saw; nothing written', async () => {
    const before = await repositorySnapshot(github, repo);
    const result = await promote(github, repo, { source: 'dev', app: 'web', now: () => Date.now() });
    const stg = result.promotions.find((promotion) => promotion.to === 'stg')!;
    assert.equal(stg.operation, 'blocked');
    assert.equal(stg.blocker, 'gate');
    assert.match(
      stg.reason,
      /^gate deployment: no deployment of dev; needs the latest deployment of dev succeeded with ghcr\.io\/acme\/web:dev-2222bbbb-1764000100$/,
    );
    assert.equal(await repositorySnapshot(github, repo), before);
  });

  test('a failed deployment of dev blocks, naming the deployment and its state', async () => {
    const id = await deploy(github, repo, 'dev', [image(T1)], 'failure');
    const result = await promote(github, repo, { source: 'dev' });
    const stg = result.promotions.find((promotion) => promotion.to === 'stg')!;
    assert.equal(stg.blocker, 'gate');
    assert.match(stg.reason, new RegExp(`the latest deployment of dev \\(${id}, commit [0-9a-f]{12}\\) is failure`));
    assert.equal(openPulls(github, repo, 'gitops-promote/stg/web').length, 0);
  });

  test('a healthy deployment of an older image blocks too: the gate wants the very image dev runs', async () => {
    await deploy(github, repo, 'dev', [image(START)], 'success');
    const result = await promote(github, repo, { source: 'dev' });
    const stg = result.promotions.find((promotion) => promotion.to === 'stg')!;
    assert.match(stg.reason, /succeeded with ghcr\.io\/acme\/web:dev-1111aaaa-1764000000; needs .*dev-2222bbbb/);
  });

  test('a healthy dev deployment promotes to stg: one PR, only the tag bytes, provenance from dev', async () => {
    await deploy(github, repo, 'dev', [image(T1), 'ghcr.io/acme/sidecar:1.0'], 'success');
    const result = await promote(github, repo, { source: 'dev' });
    const stg = result.promotions.find((promotion) => promotion.to === 'stg')!;
    assert.equal(stg.operation, 'created', stg.reason);
    assert.equal(stg.image, image(T1));
    assert.match(stg.reason, /^created pull request #\d+; healthy in dev: deployment \d+ success/);
    const [pull, ...more] = openPulls(github, repo, 'gitops-promote/stg/web');
    assert.ok(pull);
    assert.equal(more.length, 0);
    assert.equal(pull.number, stg.pullRequest?.number);
    assert.equal(pull.baseRef, 'main');
    assert.equal(pull.title, `Promote web to ${T1} in stg (from dev)`);
    assert.deepEqual(await branchDiff(github, repo, 'main', 'gitops-promote/stg/web'), [
      `-          image: "ghcr.io/acme/web:${START}"   # quoted, with a comment`,
      `+          image: "ghcr.io/acme/web:${T1}"   # quoted, with a comment`,
    ]);
    const record = recordOf(pull.body);
    assert.equal(record.fromEnvironment, 'dev');
    assert.equal(record.environment, 'stg');
    // The dispatch that brought T1 into dev is carried: its id, source commit and build time.
    assert.equal(record.dispatchId, sent.dispatchId);
    assert.deepEqual(record.source, sent.source);
    assert.equal(record.buildTimestamp, 1_764_000_100);
    assert.match(pull.body ?? '', /the image healthy in \*\*dev\*\*/);
    // qa's gate is a commit status nobody set; prod is fed by stg, not dev.
    const qa = result.promotions.find((promotion) => promotion.to === 'qa')!;
    assert.equal(qa.blocker, 'gate');
    assert.match(qa.reason, /^gate commit-status: no status smoke\/dev on [0-9a-f]{12}/);
    assert.equal(
      result.promotions.some((promotion) => promotion.to === 'prod'),
      false,
    );
  });

  test('a newer healthy image updates the same PR in place, never a second one', async () => {
    const first = openPulls(github, repo, 'gitops-promote/stg/web')[0]!;
    await bumpAndMergeDev(github, repo, T2, 1_764_000_200);
    await deploy(github, repo, 'dev', [`${image(T2)}@sha256:${'d'.repeat(64)}`], 'success');
    const result = await promote(github, repo, { source: 'dev', app: 'web' });
    const stg = result.promotions.find((promotion) => promotion.to === 'stg')!;
    assert.equal(stg.operation, 'updated', stg.reason);
    assert.equal(stg.pullRequest?.number, first.number);
    // The digest the deployment ran is pinned, since the manifests did not say one.
    assert.equal(stg.image, `${image(T2)}@sha256:${'d'.repeat(64)}`);
    const open = openPulls(github, repo, 'gitops-promote/stg/web');
    assert.deepEqual(
      open.map((pull) => pull.number),
      [first.number],
    );
    assert.equal(open[0]!.title, `Promote web to ${T2} in stg (from dev)`);
    assert.deepEqual(await branchDiff(github, repo, 'main', 'gitops-promote/stg/web'), [
      `-          image: "ghcr.io/acme/web:${START}"   # quoted, with a comment`,
      `+          image: "ghcr.io/acme/web:${T2}@sha256:${'d'.repeat(64)}"   # quoted, with a comment`,
    ]);
    // The same run again changes nothing.
    const again = await promote(github, repo, { source: 'dev', app: 'web' });
    assert.equal(again.promotions.find((promotion) => promotion.to === 'stg')!.operation, 'unchanged');
  });

  test('commit-status gate and soak: blocked with the time left, then promoted once soaked', async () => {
    await commitStatus(github, repo, 'success');
    const statusTime = Date.now();
    const soaking = await promote(github, repo, { source: 'dev', now: () => statusTime + 20 * 60_000 });
    const qa = soaking.promotions.find((promotion) => promotion.to === 'qa')!;
    assert.equal(qa.operation, 'blocked');
    assert.equal(qa.blocker, 'soak');
    assert.match(
      qa.reason,
      /^soak: qa waits 1h after dev's success \(status smoke\/dev success \(.*\)\): (39m\d+s|40m|40m\d+s) left$/,
    );
    assert.equal(openPulls(github, repo, 'gitops-promote/qa/web').length, 0);
    const soaked = await promote(github, repo, { source: 'dev', now: () => statusTime + 61 * 60_000 });
    const done = soaked.promotions.find((promotion) => promotion.to === 'qa')!;
    assert.equal(done.operation, 'created', done.reason);
    assert.equal(openPulls(github, repo, 'gitops-promote/qa/web').length, 1);
  });

  test('prod refuses a dev build: nothing opened, the rule named; dry run writes nothing', async () => {
    const stgPull = openPulls(github, repo, 'gitops-promote/stg/web')[0]!;
    await fastClient(github).rest.pulls.merge({
      owner: OWNER,
      repo,
      pull_number: stgPull.number,
      merge_method: 'merge',
    });
    await deploy(github, repo, 'stg', [image(T2)], 'success');
    const before = await repositorySnapshot(github, repo);
    const result = await promote(github, repo, { source: 'stg' });
    assert.deepEqual(
      result.promotions.map(({ app, from, to, operation, blocker }) => ({ app, from, to, operation, blocker })),
      [{ app: 'web', from: 'stg', to: 'prod', operation: 'skipped', blocker: 'policy' }],
    );
    assert.equal(result.promotions[0]!.reason, `policy: prod admits semver:~0.4; ${T2} is not a semver version`);
    assert.equal(await repositorySnapshot(github, repo), before);
    assert.equal(openPulls(github, repo, 'gitops-promote/prod/web').length, 0);
  });

  test('a release build healthy in stg goes to prod with its reviewers requested', async () => {
    // stg admits dev builds only in this config: the release is put there by hand, as a hotfix would be.
    await github.pushCommit(OWNER, repo, {
      branch: 'main',
      files: { 'releases/stg/web.yaml': webManifest('0.4.2', 'stg', 2) },
    });
    await deploy(github, repo, 'stg', [image('0.4.2')], 'success');
    const dry = await promote(github, repo, { source: 'stg', dryRun: true });
    assert.equal(dry.promotions[0]!.operation, 'planned');
    assert.equal(openPulls(github, repo, 'gitops-promote/prod/web').length, 0);
    const result = await promote(github, repo, { source: 'stg' });
    assert.equal(result.promotions[0]!.operation, 'created', result.promotions[0]!.reason);
    const [pull] = openPulls(github, repo, 'gitops-promote/prod/web');
    assert.deepEqual(pull?.requestedReviewers, ['alice']);
    assert.equal(pull?.title, 'Promote web to 0.4.2 in prod (from stg)');
  });

  test('an unknown source environment is a user error naming the known ones', async () => {
    await assert.rejects(
      promote(github, repo, { source: 'qa2' }),
      /environment: got "qa2", expected one of the environments in \.github\/promotion\.yml: dev, stg, qa, prod/,
    );
  });
});

describe('promote on a deployment_status of an environment the config does not name', () => {
  test('nothing to promote, said once, nothing written', async () => {
    const repo = await newRepository(github, modelOneFiles());
    const result = await promote(github, repo, { source: 'github-pages', sourceFromEvent: true });
    assert.deepEqual(result, {
      source: 'github-pages',
      promotions: [],
      nothing: "the event's environment github-pages is not in .github/promotion.yml",
      warnings: [],
    });
    // prod is promoted from nowhere: its deployments promote nothing, and that is no warning either.
    const fromProd = await promote(github, repo, { source: 'prod' });
    assert.deepEqual(fromProd, {
      source: 'prod',
      promotions: [],
      nothing: 'no environment of .github/promotion.yml is promoted from prod',
      warnings: [],
    });
  });
});

describe('promote, model 2 (branches dev, stg, master; path .)', () => {
  const config = `environments:
  - {name: dev, branch: dev, path: ., tags: "glob:dev-*"}
  - {name: stg, branch: stg, path: ., tags: "glob:dev-*", from: dev}
  - {name: prod, branch: master, path: ., tags: "semver:~0.4", from: stg}
apps:
  web: {image: ghcr.io/acme/web}
`;
  test('only the image bytes move from dev to stg; stg keeps its replicas and host', async () => {
    const repo = await newRepository(github, { '.github/promotion.yml': config, 'README.md': 'envs\n' }, 'model2');
    await github.pushCommit(OWNER, repo, { branch: 'dev', files: { 'web.yaml': webManifest(T1, 'dev', 1) } });
    const main = (await github.git(OWNER, repo, ['rev-parse', 'refs/heads/main'])).trim();
    await github.pushCommit(OWNER, repo, {
      branch: 'stg',
      parent: main,
      files: { 'web.yaml': webManifest(START, 'stg', 3) },
    });
    await github.pushCommit(OWNER, repo, {
      branch: 'master',
      parent: main,
      files: { 'web.yaml': webManifest('0.4.1', 'prod', 5) },
    });
    await deploy(github, repo, 'dev', [image(T1)], 'success', 'dev');
    const result = await promote(github, repo, { source: 'dev' });
    assert.equal(result.promotions[0]!.operation, 'created', result.promotions[0]!.reason);
    const [pull] = openPulls(github, repo, 'gitops-promote/stg/web');
    assert.equal(pull?.baseRef, 'stg');
    assert.deepEqual(await branchDiff(github, repo, 'stg', 'gitops-promote/stg/web'), [
      `-          image: "ghcr.io/acme/web:${START}"   # quoted, with a comment`,
      `+          image: "ghcr.io/acme/web:${T1}"   # quoted, with a comment`,
    ]);
    const proposed = await github.git(OWNER, repo, ['show', 'refs/heads/gitops-promote/stg/web:web.yaml']);
    assert.equal(proposed, webManifest(T1, 'stg', 3).trimEnd());
  });
});

// promote-by app-branch (model 3) through this flow: test/integration/promote-app-branch-flow.test.ts.

describe('promote, API calls', () => {
  test("one app into one target: 8 calls to decide, then bump's 8 to open the pull request", async () => {
    const repo = await newRepository(github, modelOneFiles(CONFIG.replace(/ {2}- name: qa[\s\S]*?soak: 1h\n/, '')));
    await bumpAndMergeDev(github, repo, T1, 1_764_000_100);
    await deploy(github, repo, 'dev', [image(T1)], 'success');
    github.resetCalls();
    const result = await promote(github, repo, { source: 'dev' });
    assert.deepEqual(
      result.promotions.map((promotion) => promotion.operation),
      ['created'],
    );
    // The config's branch head and tree are read once for dev and stg (model 1: one branch), the
    // deployment and its status, and the pull request that brought the image into dev.
    assert.equal(github.totalCalls(), 16, JSON.stringify(github.calls()));
  });
});

describe('promote, concurrent runs', () => {
  test('parallel promotions and a dispatch of an older build for stg: one PR, the newest image, nothing lost', async () => {
    const repo = await newRepository(github, modelOneFiles(CONFIG.replace(/ {2}- name: qa[\s\S]*?soak: 1h\n/, '')));
    await bumpAndMergeDev(github, repo, T2, 1_764_000_200);
    await deploy(github, repo, 'dev', [image(T2)], 'success');
    const client = fastClient(github);
    const older = bumpEnvironment({
      client,
      repository: { owner: OWNER, repo },
      request: requestFromPayload(payload({ app: 'web', tag: T1, environment: 'stg', buildTimestamp: 1_764_000_100 })),
      defaultBranch: 'main',
    });
    const runs = await Promise.all([older, ...[1, 2, 3].map(() => promote(github, repo, { source: 'dev' }))]);
    const open = openPulls(github, repo, 'gitops-promote/stg/web');
    assert.equal(
      open.length,
      1,
      JSON.stringify(runs.map((run) => ('promotions' in run ? run.promotions : run.operation))),
    );
    const head = (await github.git(OWNER, repo, ['rev-parse', 'refs/heads/gitops-promote/stg/web'])).trim();
    const record = recordOf(open[0]!.body);
    assert.equal(record.tag, T2);
    assert.equal(record.fromEnvironment, 'dev');
    assert.ok((open[0]!.body ?? '').includes(head), 'the body describes the branch head');
    const proposed = await github.git(OWNER, repo, ['show', 'refs/heads/gitops-promote/stg/web:releases/stg/web.yaml']);
    assert.equal(proposed, webManifest(T2, 'stg', 2).trimEnd());
  });
});
