// dispatch payload -> bump -> pull request against the local GitHub and real git, for each seed
// layout, plus the idempotency rules: the same dispatch twice, a newer tag, an older tag.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { branchDiff, bump, devTag, exampleFiles, OWNER, payload, repositorySnapshot } from './bump-fixtures.js';

let github: LocalGitHub;
let repoCounter = 0;

before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

async function freshRepository(): Promise<string> {
  repoCounter += 1;
  const name = `environments-${repoCounter}`;
  // main requires the validate check, so auto-merge has something to wait for (as GitHub asks).
  await github.createRepository(OWNER, name, exampleFiles(), {
    collaborators: ['alice'],
    protectedBranches: { main: { requiredChecks: ['validate'] } },
  });
  return name;
}

const OLD_DEV_TAG = 'dev-3f2a9c1e-1763600000';

describe('bump opens one pull request per seed layout, touching only tag bytes', () => {
  const layouts = [
    { app: 'podinfo', layout: 'Flux v1 HelmRelease, image: repo:tag', files: ['releases/dev/podinfo.yaml'], lines: 1 },
    {
      app: 'worker',
      layout: 'Helm operator HelmRelease, image.repository + image.tag',
      files: ['releases/dev/worker.yaml'],
      lines: 1,
    },
    {
      app: 'web',
      layout: 'kustomize images: with setter markers',
      files: ['releases/dev/web/deployment.yaml', 'releases/dev/web/kustomization.yaml'],
      lines: 2,
    },
    {
      app: 'api',
      layout: 'plain Deployment, init container, two documents',
      files: ['releases/dev/api/deployment.yaml'],
      lines: 2,
    },
  ];
  for (const { app, layout, files, lines } of layouts) {
    test(`${app}: ${layout}`, async () => {
      const repo = await freshRepository();
      const base = await github.git(OWNER, repo, ['rev-parse', 'main']);
      const tag = devTag(1763700000);
      const result = await bump(github, repo, payload({ app, tag, buildTimestamp: 1763700000 }));
      assert.equal(result.operation, 'created', result.reason);
      assert.deepEqual(result.changedFiles.sort(), files);
      assert.deepEqual(result.previousTags, [OLD_DEV_TAG]);
      const pulls = github.pullRequests(OWNER, repo);
      assert.equal(pulls.length, 1);
      const pull = pulls[0]!;
      assert.equal(pull.title, `Promote ${app} to ${tag} in dev`);
      assert.equal(pull.headRef, `gitops-promote/dev/${app}`);
      assert.equal(pull.number, result.pullRequest?.number);
      assert.equal(parseBodyRecord(pull.body)?.record.tag, tag);
      assert.deepEqual(pull.labels.sort(), ['env/dev', 'promotion']);
      assert.deepEqual(pull.requestedReviewers, ['alice']);
      // The diff: each changed line differs from the old one only where the old tag was.
      const diff = await branchDiff(github, repo, base, `gitops-promote/dev/${app}`);
      const removed = diff.filter((line) => line.startsWith('-'));
      const added = diff.filter((line) => line.startsWith('+'));
      assert.equal(removed.length, lines);
      assert.deepEqual(
        added,
        removed.map((line) => `+${line.slice(1).replace(OLD_DEV_TAG, tag)}`),
      );
      // The main branch is untouched and the head commit is a real commit with the base as parent.
      assert.equal(await github.git(OWNER, repo, ['rev-parse', 'main']), base);
      assert.equal(await github.git(OWNER, repo, ['rev-parse', `${result.commitSha}^`]), base);
    });
  }
});

describe('idempotency', () => {
  test('the same dispatch twice gives one PR, and unchanged the second time', async () => {
    const repo = await freshRepository();
    const dispatched = payload({ app: 'podinfo', tag: devTag(1763700100) });
    const first = await bump(github, repo, dispatched);
    const refsBefore = await github.git(OWNER, repo, ['for-each-ref']);
    const second = await bump(github, repo, dispatched);
    assert.equal(first.operation, 'created');
    assert.equal(second.operation, 'unchanged', second.reason);
    assert.equal(second.pullRequest?.number, first.pullRequest?.number);
    assert.equal(github.pullRequests(OWNER, repo).length, 1);
    assert.equal(await github.git(OWNER, repo, ['for-each-ref']), refsBefore);
  });

  test('a newer tag updates the PR in place; an older one is skipped and writes nothing', async () => {
    const repo = await freshRepository();
    const first = await bump(
      github,
      repo,
      payload({ app: 'api', tag: devTag(1763700200), buildTimestamp: 1763700200 }),
    );
    const newer = await bump(
      github,
      repo,
      payload({ app: 'api', tag: devTag(1763700300), buildTimestamp: 1763700300 }),
    );
    assert.equal(first.operation, 'created');
    assert.equal(newer.operation, 'updated', newer.reason);
    assert.equal(newer.pullRequest?.number, first.pullRequest?.number);
    const pulls = github.pullRequests(OWNER, repo);
    assert.equal(pulls.length, 1);
    assert.equal(pulls[0]!.title, `Promote api to ${devTag(1763700300)} in dev`);
    assert.equal(parseBodyRecord(pulls[0]!.body)?.commit, newer.commitSha);
    const base = await github.git(OWNER, repo, ['rev-parse', 'main']);
    const diff = await branchDiff(github, repo, base, 'gitops-promote/dev/api');
    assert.ok(
      diff.filter((line) => line.startsWith('+')).every((line) => line.includes(devTag(1763700300))),
      diff.join('\n'),
    );

    const refs = await github.git(OWNER, repo, ['for-each-ref', '--format=%(refname) %(objectname)']);
    const older = await bump(
      github,
      repo,
      payload({ app: 'api', tag: devTag(1763700250), buildTimestamp: 1763700250 }),
    );
    assert.equal(older.operation, 'skipped', older.reason);
    assert.match(older.reason, /not older/);
    assert.equal(await github.git(OWNER, repo, ['for-each-ref', '--format=%(refname) %(objectname)']), refs);
  });

  test('a tag older than what the environment runs is skipped with nothing written', async () => {
    const repo = await freshRepository();
    const before = await repositorySnapshot(github, repo);
    const result = await bump(
      github,
      repo,
      payload({ app: 'worker', tag: devTag(1763500000), buildTimestamp: 1763500000 }),
    );
    assert.equal(result.operation, 'skipped');
    assert.match(result.reason, /runs dev-3f2a9c1e-1763600000, which is not older/);
    assert.equal(await repositorySnapshot(github, repo), before);
  });

  test('a tag the environment policy refuses is skipped with nothing written', async () => {
    const repo = await freshRepository();
    const before = await repositorySnapshot(github, repo);
    const result = await bump(github, repo, payload({ app: 'worker', tag: '0.5.0', environment: 'prod' }));
    assert.equal(result.operation, 'skipped');
    assert.match(result.reason, /does not pass the tag policy of prod \(semver:~0.4\)/);
    assert.equal(await repositorySnapshot(github, repo), before);
  });

  test('a reviewer who is not a collaborator: GitHub refuses the request (422), the PR is still opened, with a warning', async () => {
    repoCounter += 1;
    const repo = `environments-${repoCounter}`;
    await github.createRepository(OWNER, repo, exampleFiles());
    const result = await bump(github, repo, payload({ app: 'podinfo', tag: devTag(1763700400) }));
    assert.equal(result.operation, 'created', result.reason);
    assert.deepEqual(github.pullRequests(OWNER, repo)[0]?.requestedReviewers, []);
    assert.ok(
      result.warnings.some((warning) =>
        /could not request reviews from alice on pull request #1: Reviews may only be requested from collaborators/.test(
          warning,
        ),
      ),
      result.warnings.join('\n'),
    );
  });

  test('a prod bump by semver order enables auto-merge', async () => {
    const repo = await freshRepository();
    const result = await bump(github, repo, payload({ app: 'worker', tag: '0.4.10', environment: 'prod' }));
    assert.equal(result.operation, 'created', result.reason);
    assert.deepEqual(result.previousTags, ['0.4.9']);
    assert.equal(github.pullRequests(OWNER, repo)[0]?.autoMerge?.mergeMethod, 'squash');
  });
});
