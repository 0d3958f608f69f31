// Model 3 against the local GitHub with real git repositories: the application repository has the
// branches dev, stg and master and release tags; promote-app-branch opens the one pull request from
// the source branch into the target branch, keeps it up to date, and opens nothing when they are equal.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import type { AppBranchPromotion } from '../../src/core/promotion/app-branch.js';
import { createGitHubClient } from '../../src/github/client.js';
import { promoteAppBranch, type AppBranchOptions } from '../../src/flows/promote-app-branch.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';

const TOKEN = 'ghs_app';
const ENV_ONLY = 'ghs_env_only';
let github: LocalGitHub;
let repoCounter = 0;
// An annotated tag needs a tagger; the bare repositories have no identity configured.
const TAGGER = ['-c', 'user.name=Release Bot', '-c', 'user.email=release@example.com'];

before(async () => {
  github = await startLocalGitHub({
    tokens: { [TOKEN]: { repos: '*' }, [ENV_ONLY]: { repos: ['acme/environments'] } },
  });
});
after(() => github.stop());
beforeEach(() => github.resetCalls());

/** A fresh application repository: master tagged v0.4.10, stg and dev branched from it. */
async function appRepository(): Promise<{ name: string; push: (branch: string, message: string) => Promise<string> }> {
  repoCounter += 1;
  const name = `web${repoCounter}`;
  await github.createRepository('acme', name, { 'main.go': 'package main\n' }, { defaultBranch: 'master' });
  await github.git('acme', name, ['tag', 'v0.4.9', 'master']);
  await github.git('acme', name, [...TAGGER, 'tag', '-a', 'v0.4.10', '-m', 'release 0.4.10', 'master']);
  await github.git('acme', name, ['branch', 'stg', 'master']);
  await github.git('acme', name, ['branch', 'dev', 'master']);
  let file = 0;
  const push = (branch: string, message: string) =>
    github.pushCommit('acme', name, {
      branch,
      message,
      files: { [`change-${(file += 1)}.txt`]: `${message}\n` },
      author: { name: 'Alice Doe', email: 'alice@example.com' },
    });
  return { name, push };
}

function promotion(name: string, from: 'dev' | 'stg', to: 'stg' | 'master'): AppBranchPromotion {
  const environment = (branch: string) => (branch === 'master' ? 'prod' : branch);
  return {
    app: 'web',
    repository: `acme/${name}`,
    from: { environment: environment(from), branch: from },
    to: { environment: environment(to), branch: to },
  };
}

function run(promotionOf: AppBranchPromotion, extra: Partial<AppBranchOptions> = {}) {
  const client = createGitHubClient({
    token: TOKEN,
    baseUrl: github.url,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
  });
  return promoteAppBranch({ client, promotion: promotionOf, serverUrl: 'https://github.com', ...extra });
}

const openPulls = (name: string) => github.pullRequests('acme', name).filter((pr) => pr.state === 'open');
const writes = () =>
  Object.entries(github.calls())
    .filter(([call]) => !call.startsWith('GET '))
    .map(([call]) => call);

describe('promote by application branch', () => {
  test('opens the PR from dev into stg with the commit list and the suggested version', async () => {
    const { name, push } = await appRepository();
    const fix = await push('dev', 'fix: retry on 503');
    const feat = await push('dev', 'feat(ui): dark mode');
    const result = await run(promotion(name, 'dev', 'stg'));
    assert.equal(result.operation, 'created');
    assert.equal(result.commits, 2);
    assert.equal(result.suggestion?.next, 'v0.5.0');
    assert.equal(result.suggestion?.current, 'v0.4.10');
    const [pr, ...others] = openPulls(name);
    assert.equal(others.length, 0);
    assert.ok(pr);
    assert.deepEqual([pr.headRef, pr.baseRef, pr.number], ['dev', 'stg', result.pullRequest?.number]);
    assert.equal(pr.title, 'Promote dev into stg (suggests v0.5.0)');
    assert.ok((pr.body ?? '').includes(`| ${fix} | fix: retry on 503 | Alice Doe |`), pr.body ?? '');
    assert.ok((pr.body ?? '').includes(`| ${feat} | feat\\(ui\\): dark mode | Alice Doe |`), pr.body ?? '');
    assert.ok((pr.body ?? '').indexOf(fix) < (pr.body ?? '').indexOf(feat), 'oldest commit first');
    assert.match(pr.body ?? '', /the highest release tag is `v0\.4\.10`/);
    assert.match(pr.body ?? '', /git tag -a v0\.5\.0 -m v0\.5\.0 FETCH_HEAD/);
    assert.match(pr.body ?? '', /\(\[compare\]\(https:\/\/github\.com\/acme\/web\d+\/compare\/stg\.\.\.dev\)\)/);
  });

  test('a new commit on dev updates the same PR in place; a rerun with nothing new writes nothing', async () => {
    const { name, push } = await appRepository();
    await push('dev', 'fix: one');
    const first = await run(promotion(name, 'dev', 'stg'));
    const breaking = await push('dev', 'refactor!: ids are strings');
    github.resetCalls();
    const second = await run(promotion(name, 'dev', 'stg'));
    assert.equal(second.operation, 'updated');
    assert.equal(second.pullRequest?.number, first.pullRequest?.number);
    assert.equal(second.suggestion?.next, 'v1.0.0');
    assert.deepEqual(writes(), ['PATCH /repos/{owner}/{repo}/pulls/{pull_number}']);
    const [pr, ...others] = openPulls(name);
    assert.equal(others.length, 0);
    assert.equal(pr?.headSha, breaking);
    assert.equal(pr?.title, 'Promote dev into stg (suggests v1.0.0)');
    assert.ok((pr?.body ?? '').includes(`| ${breaking} | refactor\\!: ids are strings |`));
    assert.match(pr?.body ?? '', /\*\*2 commits\*\*/);

    github.resetCalls();
    const third = await run(promotion(name, 'dev', 'stg'));
    assert.equal(third.operation, 'unchanged');
    assert.deepEqual(writes(), []);
  });

  test('nothing is opened when the branches are equal, or the target is ahead; the reason says so', async () => {
    const { name, push } = await appRepository();
    const equal = await run(promotion(name, 'stg', 'master'));
    assert.equal(equal.operation, 'skipped');
    assert.equal(equal.reason, `master already has every commit of stg in acme/${name}: nothing to promote`);
    await push('master', 'fix: hotfix on master');
    const behind = await run(promotion(name, 'stg', 'master'));
    assert.equal(behind.operation, 'skipped');
    assert.equal(openPulls(name).length, 0);
    assert.deepEqual(writes(), []);
    assert.equal(github.calls()['GET /repos/{owner}/{repo}/tags'], undefined, 'no tags read for nothing');
  });

  test('stg into master after a release candidate: one PR per target, beside the dev -> stg one', async () => {
    const { name, push } = await appRepository();
    await push('stg', 'feat: search');
    await push('dev', 'fix: typo');
    const toProd = await run(promotion(name, 'stg', 'master'));
    const toStg = await run(promotion(name, 'dev', 'stg'));
    assert.deepEqual([toProd.operation, toStg.operation], ['created', 'created']);
    assert.deepEqual(
      openPulls(name).map((pr) => `${pr.headRef}->${pr.baseRef}`),
      ['stg->master', 'dev->stg'],
    );
    assert.equal(toProd.suggestion?.next, 'v0.5.0');
    assert.equal(toStg.suggestion?.next, 'v0.4.11');
  });

  test('a PR a person opened between the branches keeps its text; the promotion comments once', async () => {
    const { name, push } = await appRepository();
    await push('dev', 'feat: by hand');
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: github.url,
      writeIntervalMs: 0,
      notificationIntervalMs: 0,
    });
    const mine = await client.rest.pulls.create({
      owner: 'acme',
      repo: name,
      head: 'dev',
      base: 'stg',
      title: 'Ship it',
      body: 'my words',
    });
    await run(promotion(name, 'dev', 'stg'));
    const again = await run(promotion(name, 'dev', 'stg'));
    assert.equal(again.pullRequest?.number, mine.data.number);
    const [pr] = openPulls(name);
    assert.deepEqual([pr?.title, pr?.body], ['Ship it', 'my words']);
    const comments = await client.rest.issues.listComments({
      owner: 'acme',
      repo: name,
      issue_number: mine.data.number,
    });
    assert.equal(comments.data.length, 1);
    assert.match(comments.data[0]?.body ?? '', /Suggested version: `v0\.5\.0`/);
  });

  test('dry run plans and writes nothing', async () => {
    const { name, push } = await appRepository();
    await push('dev', 'feat: x');
    const result = await run(promotion(name, 'dev', 'stg'), { dryRun: true });
    assert.equal(result.operation, 'planned');
    assert.equal(result.reason, 'dry run: would open a pull request from dev into stg suggesting v0.5.0');
    assert.equal(openPulls(name).length, 0);
    assert.deepEqual(writes(), []);
  });

  test('a missing branch and an app-token that cannot see the repository are user errors naming the field', async () => {
    const { name } = await appRepository();
    await assert.rejects(
      run({ ...promotion(name, 'dev', 'stg'), from: { environment: 'dev', branch: 'develop' } }),
      (error: unknown) =>
        error instanceof UserError &&
        error.field === 'environments[dev].app-branch' &&
        error.message === `environments[dev].app-branch: got "develop", expected a branch of acme/${name}`,
    );
    const client = createGitHubClient({ token: ENV_ONLY, baseUrl: github.url });
    await assert.rejects(
      promoteAppBranch({ client, promotion: promotion(name, 'dev', 'stg') }),
      (error: unknown) =>
        error instanceof UserError &&
        error.field === 'apps.web.repository' &&
        /give promote an app-token that can read and open pull requests/.test(error.message),
    );
  });
});

describe('the suggestions table, from real tags and commits', () => {
  const rows: Array<{ tags: string[]; messages: string[]; next: string }> = [
    { tags: [], messages: ['chore: first'], next: 'v0.0.1' },
    { tags: ['v1.2.3'], messages: ['fix: a', 'docs: b'], next: 'v1.2.4' },
    { tags: ['v1.2.3', 'v1.3.0-rc.1', 'dev-abc'], messages: ['feat: a'], next: 'v1.3.0' },
    { tags: ['v1.2.3', 'v1.10.0'], messages: ['fix: a\n\nBREAKING CHANGE: b'], next: 'v2.0.0' },
  ];
  for (const { tags, messages, next } of rows) {
    test(`${tags.join(',') || '(no tags)'} + ${messages.map((m) => m.split('\n')[0]).join(', ')} -> ${next}`, async () => {
      repoCounter += 1;
      const name = `table${repoCounter}`;
      await github.createRepository('acme', name, { 'a.txt': 'a\n' }, { defaultBranch: 'master' });
      for (const tag of tags) await github.git('acme', name, ['tag', tag, 'master']);
      await github.git('acme', name, ['branch', 'stg', 'master']);
      for (const message of messages) {
        await github.pushCommit('acme', name, { branch: 'stg', message, files: { 'a.txt': `${message}\n` } });
      }
      const result = await run(promotion(name, 'stg', 'master'), { dryRun: true });
      assert.equal(result.suggestion?.next, next);
    });
  }
});
