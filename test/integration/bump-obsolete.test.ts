// An open promotion PR that the environment has overtaken (someone put the same or a newer tag on the
// base another way) has no purpose left: a bump that ends unchanged, or skipped because the environment
// runs a newer tag, closes it with a comment saying why and linking to what superseded it. A PR that
// still brings something newer stays open. Nothing is written to git on those paths. When an environment
// moves from a shared branch to its own, its PR into the old base is closed, pointing at its successor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { branchDiff, bump, CONFIG, devTag, OWNER, payload, newExampleRepository } from './bump-fixtures.js';

const RUNNING_DEV_TAG = 'dev-3f2a9c1e-1763600000';
const SERVER = 'https://github.example';
let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

const freshRepository = () => newExampleRepository(github, 'obsolete');

/** Someone changes the environment on main without gitops-promote (a hand edit, another tool). */
async function setOnMain(repo: string, path: string, from: string, to: string): Promise<string> {
  const text = await github.git(OWNER, repo, ['show', `main:${path}`]);
  assert.ok(text.includes(from), `${path} carries ${from}`);
  return github.pushCommit(OWNER, repo, {
    branch: 'main',
    files: { [path]: `${text.replaceAll(from, to)}\n` },
    message: `hand edit: ${to}`,
  });
}

async function refs(repo: string): Promise<string> {
  return github.git(OWNER, repo, ['for-each-ref', '--format=%(refname) %(objectname)']);
}

function pull(repo: string, number: number) {
  const found = github.pullRequests(OWNER, repo).find((candidate) => candidate.number === number);
  assert.ok(found, `pull request #${number}`);
  return found;
}

function commentsOn(repo: string, number: number): string[] {
  return (github.repository(OWNER, repo)?.comments ?? [])
    .filter((comment) => comment.issueNumber === number)
    .map((comment) => comment.body);
}

const options = { serverUrl: SERVER };
const api = (timestamp: number) => payload({ app: 'api', tag: devTag(timestamp), buildTimestamp: timestamp });

describe('an open PR the environment has overtaken is closed', () => {
  test('unchanged: the environment already runs the dispatched tag, newer than the open PR', async () => {
    const repo = await freshRepository();
    const opened = await bump(github, repo, api(1763700200), options);
    assert.equal(opened.operation, 'created');
    const main = await setOnMain(repo, 'releases/dev/api/deployment.yaml', RUNNING_DEV_TAG, devTag(1763700300));
    const before = await refs(repo);
    const result = await bump(github, repo, api(1763700300), options);
    assert.equal(result.operation, 'unchanged', result.reason);
    assert.equal(pull(repo, 1).state, 'closed');
    assert.deepEqual(
      result.closedPullRequests.map((closed) => closed.number),
      [1],
    );
    const [comment] = commentsOn(repo, 1);
    assert.match(comment ?? '', /\*\*dev\*\* already runs `ghcr\.io\/acme\/api:dev-abcdef12-1763700300`/);
    assert.match(comment ?? '', /not older than `dev-abcdef12-1763700200` that this pull request proposes/);
    assert.ok(
      comment?.includes(
        `Superseded by \`main\` at [\`${main.slice(0, 12)}\`](${SERVER}/${OWNER}/${repo}/commit/${main})`,
      ),
      comment,
    );
    assert.equal(await refs(repo), before, 'nothing written to git');
  });

  test('skipped: the environment runs a tag newer than the dispatch and than the open PR', async () => {
    const repo = await freshRepository();
    await bump(github, repo, api(1763700200), options);
    const main = await setOnMain(repo, 'releases/dev/api/deployment.yaml', RUNNING_DEV_TAG, devTag(1763700300));
    const before = await refs(repo);
    const result = await bump(github, repo, api(1763700250), options);
    assert.equal(result.operation, 'skipped', result.reason);
    assert.match(result.reason, /runs dev-abcdef12-1763700300, which is not older than dev-abcdef12-1763700250/);
    assert.equal(pull(repo, 1).state, 'closed');
    assert.match(result.closedPullRequests[0]?.reason ?? '', /^closed pull request #1: dev already runs/);
    const [comment] = commentsOn(repo, 1);
    assert.ok(comment?.includes(`${SERVER}/${OWNER}/${repo}/commit/${main}`), comment);
    assert.equal(await refs(repo), before, 'nothing written to git');
  });

  test('skipped by semver order in prod: an open 0.4.10 is closed once prod runs 0.4.11', async () => {
    const repo = await freshRepository();
    const prod = (tag: string) => payload({ app: 'worker', tag, environment: 'prod' });
    assert.equal((await bump(github, repo, prod('0.4.10'), options)).operation, 'created');
    await setOnMain(repo, 'releases/prod/worker.yaml', 'tag: "0.4.9"', 'tag: "0.4.11"');
    const result = await bump(github, repo, prod('0.4.10'), options);
    assert.equal(result.operation, 'skipped', result.reason);
    assert.equal(pull(repo, 1).state, 'closed');
    assert.match(
      commentsOn(repo, 1)[0] ?? '',
      /already runs `ghcr\.io\/acme\/worker:0\.4\.11`, which is not older than `0\.4\.10`/,
    );
  });
});

describe('an open PR that still brings something newer stays open', () => {
  test('skipped: the environment runs a tag newer than the dispatch but older than the open PR', async () => {
    const repo = await freshRepository();
    await bump(github, repo, api(1763700300), options);
    await setOnMain(repo, 'releases/dev/api/deployment.yaml', RUNNING_DEV_TAG, devTag(1763700200));
    const result = await bump(github, repo, api(1763700100), options);
    assert.equal(result.operation, 'skipped', result.reason);
    assert.equal(pull(repo, 1).state, 'open');
    assert.deepEqual(result.closedPullRequests, []);
    assert.deepEqual(commentsOn(repo, 1), []);
  });

  test('unchanged: the environment already runs the dispatched tag, older than the open PR', async () => {
    const repo = await freshRepository();
    await bump(github, repo, api(1763700300), options);
    await setOnMain(repo, 'releases/dev/api/deployment.yaml', RUNNING_DEV_TAG, devTag(1763700200));
    const result = await bump(github, repo, api(1763700200), options);
    assert.equal(result.operation, 'unchanged', result.reason);
    assert.equal(pull(repo, 1).state, 'open');
    assert.deepEqual(commentsOn(repo, 1), []);
  });
});

describe('an environment moved from a shared branch to its own: the PR into the old base is superseded', () => {
  const stg = (timestamp: number) =>
    payload({ app: 'podinfo', tag: `dev-abcdef12-${timestamp}`, environment: 'stg', buildTimestamp: timestamp });

  /** A stg branch that has diverged from main; stg promoted into main; then the config names stg's own branch. */
  async function movedToOwnBranch(): Promise<string> {
    const repo = await freshRepository();
    await github.pushCommit(OWNER, repo, {
      branch: 'stg',
      files: { 'releases/stg/NOTES.md': 'only on stg\n' },
      message: 'a branch for stg',
    });
    await github.pushCommit(OWNER, repo, { branch: 'main', files: { 'README.md': 'main moves on\n' } });
    const first = await bump(github, repo, stg(1763700200), options);
    assert.equal(first.operation, 'created');
    assert.equal(pull(repo, 1).baseRef, 'main');
    await github.pushCommit(OWNER, repo, {
      branch: 'main',
      files: {
        '.github/promotion.yml': CONFIG.replace(
          '  - name: stg\n    path: releases/stg\n',
          '  - name: stg\n    path: releases/stg\n    branch: stg\n',
        ),
      },
      message: 'stg lives on its own branch',
    });
    return repo;
  }

  async function assertBuiltOnStg(repo: string, commit: string | undefined): Promise<void> {
    const stgHead = await github.git(OWNER, repo, ['rev-parse', 'stg']);
    assert.equal(await github.git(OWNER, repo, ['rev-parse', `${commit}^1`]), stgHead, 'the head is built on stg');
    const diff = await branchDiff(github, repo, stgHead, 'gitops-promote/stg/podinfo');
    assert.deepEqual(
      diff.filter((line) => line.startsWith('+')).length,
      1,
      `only the tag line changes against stg:\n${diff.join('\n')}`,
    );
  }

  test('a newer tag opens the PR into the new base and closes the old one, linking to its successor', async () => {
    const repo = await movedToOwnBranch();
    const result = await bump(github, repo, stg(1763700300), options);
    assert.equal(result.operation, 'created', result.reason);
    const successor = result.pullRequest!;
    assert.equal(pull(repo, successor.number).baseRef, 'stg');
    assert.equal(pull(repo, successor.number).state, 'open');
    assert.equal(pull(repo, 1).state, 'closed');
    assert.deepEqual(
      result.closedPullRequests.map((closed) => closed.number),
      [1],
    );
    const [comment] = commentsOn(repo, 1);
    assert.ok(
      comment?.includes(`Superseded by #${successor.number} (${successor.url})`),
      `the comment links the successor: ${comment}`,
    );
    assert.match(comment ?? '', /now merges into `stg`, not `main`/);
    await assertBuiltOnStg(repo, result.commitSha);
    assert.equal(github.pullRequests(OWNER, repo).filter((candidate) => candidate.state === 'open').length, 1);
  });

  test('the same tag again is rebuilt on the new base, not the old head reused', async () => {
    const repo = await movedToOwnBranch();
    const result = await bump(github, repo, stg(1763700200), options);
    assert.equal(result.operation, 'created', result.reason);
    assert.equal(pull(repo, result.pullRequest!.number).baseRef, 'stg');
    assert.equal(pull(repo, 1).state, 'closed');
    assert.ok(
      commentsOn(repo, 1)[0]?.includes(`Superseded by #${result.pullRequest!.number} (${result.pullRequest!.url})`),
    );
    await assertBuiltOnStg(repo, result.commitSha);
  });

  test('when the new base already runs the tag, the old PR is closed pointing at it', async () => {
    const repo = await movedToOwnBranch();
    const text = await github.git(OWNER, repo, ['show', 'stg:releases/stg/podinfo.yaml']);
    const stgHead = await github.pushCommit(OWNER, repo, {
      branch: 'stg',
      files: { 'releases/stg/podinfo.yaml': `${text.replace('dev-3f2a9c1e-1763600000', 'dev-abcdef12-1763700300')}\n` },
      message: 'hand edit on stg',
    });
    const result = await bump(github, repo, stg(1763700300), options);
    assert.equal(result.operation, 'unchanged', result.reason);
    assert.equal(pull(repo, 1).state, 'closed');
    const [comment] = commentsOn(repo, 1);
    assert.match(
      comment ?? '',
      /now merges into `stg`, not `main`, and stg already runs `ghcr\.io\/acme\/podinfo:dev-abcdef12-1763700300`/,
    );
    assert.ok(comment?.includes(`${SERVER}/${OWNER}/${repo}/commit/${stgHead}`), comment);
  });
});
