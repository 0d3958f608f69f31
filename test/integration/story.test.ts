// The story of `npm start`, driven through its module: after every step, the state of both
// repositories, every pull request, dispatch, commit status and deployment is what the step says.
// Cluster steps run on the local cluster when it is built; otherwise apply records a deployment
// marked SIMULATED, and this test checks that it is marked so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { demoCluster, NO_CLUSTER, type DemoCluster } from '../../tools/demo/cluster.js';
import { SIMULATED } from '../../tools/demo/simulate.js';
import { runStory, type StepRecord, type StoryResult } from '../../tools/demo/story.js';
import { APP_REPO, ENV_REPO, EXAMPLE_DIR, OWNER, type World } from '../../tools/demo/world.js';

const cluster: DemoCluster = await demoCluster();
after(async () => {
  if ('cluster' in cluster) await cluster.cluster.stop();
});

const ORDER = [
  ...['dev:push', 'dev:tag', 'dev:dispatch', 'dev:bump', 'dev:validate', 'dev:merge', 'dev:apply'],
  ...['stg:promote', 'stg:validate', 'stg:merge', 'stg:apply', 'prod:promote', 'release:push'],
  ...['prod:tag', 'prod:dispatch', 'prod:bump', 'prod:validate', 'prod:merge', 'prod:apply'],
  ...['prod:rollback', 'status'],
];
const OLD_DEV = 'dev-3f2a9c1e-1763600000';
const WEB_FILES = (env: string) => [`releases/${env}/web/deployment.yaml`, `releases/${env}/web/kustomization.yaml`];

let world: World;
let devTag = '';
const seen: string[] = [];
const git = (...args: string[]) => world.github.git(OWNER, ENV_REPO, args);
const show = (ref: string, path: string) => git('show', `${ref}:${path}`);
const pulls = () => world.github.pullRequests(OWNER, ENV_REPO);
const deployments = (env: string) =>
  world.github.repository(OWNER, ENV_REPO)!.deployments.filter((d) => d.environment === env);
const example = (path: string) => readFileSync(`${EXAMPLE_DIR}${path}`, 'utf8');

async function changedFiles(number: number): Promise<string[]> {
  const pull = world.pull(number);
  return (await git('diff', '--name-only', `${pull.baseRef}...${pull.headSha}`)).split('\n').sort();
}

/** The pull request is open, changes only the app's files in `env`, and puts `to` where `from` was, nothing else. */
async function assertMoves(number: number, env: string, from: string, to: string): Promise<void> {
  const pull = world.pull(number);
  assert.equal(pull.state, 'open');
  assert.equal(pull.baseRef, 'main');
  assert.equal(pull.headRef, `gitops-promote/${env}/web`);
  assert.deepEqual(await changedFiles(number), WEB_FILES(env));
  for (const path of WEB_FILES(env)) {
    assert.equal(await show(pull.headSha, path), (await show('main', path)).replaceAll(from, to), path);
  }
}

/** Merged into main, main holds the change, and the validate report and its commit status are on the head. */
async function assertMerged(number: number): Promise<void> {
  const pull = world.pull(number);
  assert.equal(pull.merged, true);
  assert.equal(await git('rev-parse', 'main'), pull.mergeCommitSha);
}

function assertValidated(number: number): void {
  const repo = world.github.repository(OWNER, ENV_REPO)!;
  const head = world.pull(number).headSha;
  const status = repo.statuses.filter((s) => s.sha === head && s.context === 'gitops-promote/validate').at(-1);
  assert.equal(status?.state, 'success');
  const report = repo.comments.filter((c) => c.issueNumber === number && c.body.includes('gitops-promote:validate:'));
  assert.equal(report.length, 1, 'one validate report comment, updated in place');
}

function assertDeployed(env: string, image: string, onCluster: boolean): void {
  const latest = deployments(env).at(-1);
  assert.ok(latest, `a deployment of ${env}`);
  assert.equal(
    latest.sha,
    world.pull(
      pulls()
        .filter((p) => p.merged)
        .at(-1)!.number,
    ).mergeCommitSha,
  );
  const payload = (typeof latest.payload === 'string' ? JSON.parse(latest.payload) : latest.payload) as {
    images: string[];
  };
  assert.ok(payload.images.includes(image), `${env} deployment images ${payload.images.join(', ')} lack ${image}`);
  assert.equal(latest.statuses[0]?.state, 'success', 'the newest status (they are kept newest first)');
  const simulated = latest.description === SIMULATED && latest.statuses.every((s) => s.description === SIMULATED);
  assert.equal(simulated, !onCluster, 'simulated exactly when there is no cluster');
}

const checks: Record<string, (step: StepRecord, onCluster: boolean) => Promise<void> | void> = {
  'dev:push': async () =>
    assert.match(await world.github.git(OWNER, APP_REPO, ['log', '-1', '--format=%s', 'dev']), /Faster start/),
  'dev:dispatch': () => {
    const [dispatch] = world.github.dispatches(OWNER, ENV_REPO);
    const payload = dispatch!.client_payload as { tag: string; environment: string; app: string };
    assert.equal(payload.app, 'web');
    assert.equal(payload.environment, 'dev');
    assert.match(payload.tag, /^dev-[0-9a-f]{8}-1763800000$/);
    devTag = payload.tag;
  },
  'dev:bump': async () => {
    assert.equal(pulls().length, 1);
    await assertMoves(1, 'dev', OLD_DEV, devTag);
    assert.deepEqual(world.pull(1).labels, ['promotion', 'env/dev']);
    assert.equal(world.pull(1).autoMerge?.mergeMethod.toLowerCase(), 'squash');
  },
  'dev:validate': () => assertValidated(1),
  'dev:merge': () => assertMerged(1),
  'dev:apply': (_step, onCluster) => assertDeployed('dev', `ghcr.io/acme/web:${devTag}`, onCluster),
  'stg:promote': async (step, onCluster) => {
    assert.match(step.detail, /gate: healthy in dev: deployment \d+ success/, 'the gate says what it saw');
    assert.equal(step.detail.includes('SIMULATED'), !onCluster);
    assert.equal(pulls().length, 2);
    await assertMoves(2, 'stg', OLD_DEV, devTag);
  },
  'stg:validate': () => assertValidated(2),
  'stg:merge': () => assertMerged(2),
  'stg:apply': (_step, onCluster) => assertDeployed('stg', `ghcr.io/acme/web:${devTag}`, onCluster),
  'prod:promote': (step) => {
    assert.equal(pulls().length, 2, 'the refusal opened nothing');
    assert.match(step.detail, /semver:~0\.4/, 'the refusal names the rule');
  },
  'release:push': async () =>
    assert.equal(
      await world.github.git(OWNER, APP_REPO, ['rev-parse', 'v0.4.10']),
      await world.github.git(OWNER, APP_REPO, ['rev-parse', 'dev']),
    ),
  'prod:dispatch': () => {
    const payload = world.github.dispatches(OWNER, ENV_REPO).at(-1)!.client_payload as {
      tag: string;
      environment: string;
    };
    assert.deepEqual([payload.tag, payload.environment], ['0.4.10', 'prod']);
  },
  'prod:bump': async () => {
    assert.equal(pulls().length, 3);
    await assertMoves(3, 'prod', '0.4.9', '0.4.10');
    assert.deepEqual(world.pull(3).requestedReviewers, ['alice']);
    assert.deepEqual(world.pull(3).requestedTeams, ['platform']);
  },
  'prod:validate': () => assertValidated(3),
  'prod:merge': () => assertMerged(3),
  'prod:apply': (_step, onCluster) => assertDeployed('prod', 'ghcr.io/acme/web:0.4.10', onCluster),
  'prod:rollback': async () => {
    assert.equal(pulls().length, 4);
    await assertMoves(4, 'prod', '0.4.10', '0.4.9');
    // Byte for byte what production ran before the release.
    for (const path of WEB_FILES('prod')) assert.equal(`${await show(world.pull(4).headSha, path)}\n`, example(path));
  },
  status: (step) => {
    const rows = (step.shown ?? '').split('\n').map((line) => line.trim().split(/\s{2,}/));
    const row = (app: string, env: string) => rows.find((cells) => cells[0] === app && cells[1] === env);
    assert.equal(row('web', 'dev')?.[2], devTag);
    assert.equal(row('web', 'stg')?.[2], devTag);
    assert.deepEqual(row('web', 'prod')?.slice(2, 4), ['0.4.10', '#4 rollback -> 0.4.9']);
    assert.equal(row('api', 'stg')?.[2], OLD_DEV, 'an app nobody touched still runs what it ran');
  },
};

async function tellTheStory(story: DemoCluster): Promise<void> {
  const onCluster = 'cluster' in story;
  seen.length = 0;
  const result: StoryResult = await runStory({
    cluster: story,
    print: () => undefined,
    afterStep: async (step, current) => {
      world = current;
      seen.push(step.id);
      assert.notEqual(step.status, 'failed', step.detail);
      assert.equal(step.status === 'skipped', step.id.endsWith(':apply') && !onCluster, step.id);
      await checks[step.id]?.(step, onCluster);
    },
  });
  const failed = result.steps.find((step) => step.status === 'failed');
  assert.equal(failed, undefined, failed && `${failed.id}: ${failed.detail}`);
  assert.deepEqual(seen, ORDER);
  assert.equal(result.ok, true);
}

describe('npm start: the story', () => {
  test(
    `without a cluster: the cluster steps say ${NO_CLUSTER}, deployments are marked simulated`,
    { timeout: 120_000 },
    () => tellTheStory({ skip: NO_CLUSTER }),
  );
  test('on the local cluster', { timeout: 180_000, skip: 'skip' in cluster ? cluster.skip : false }, () =>
    tellTheStory(cluster),
  );
});
