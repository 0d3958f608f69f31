// GitHub follows a push a moment late (issue 9): a pull request's head.sha lags behind its branch, and
// "No commits between" answers a pull request opened right after the push. The local GitHub gives both
// as faults; the bump decides on the branch (never late) and asks again, a bounded number of times.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, exampleFiles, OWNER, payload } from './bump-fixtures.js';

const BRANCH = 'gitops-promote/dev/api';
const LIST_PULLS = 'GET /repos/{owner}/{repo}/pulls';
const READ_PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const OPEN_PULL = 'POST /repos/{owner}/{repo}/pulls';
let github: LocalGitHub;
let counter = 0;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

const api = (timestamp: number) => payload({ app: 'api', tag: devTag(timestamp), buildTimestamp: timestamp });
const callsTo = (route: string) => github.requests().filter((request) => request.route === route);

/** PR #1 opened for T1 and then moved to T9: its branch moved once, so a lagging PR shows T1's commit. */
async function movedPull(): Promise<{ repo: string; head: string; previous: string }> {
  const repo = `lag-${++counter}`;
  await github.createRepository(OWNER, repo, exampleFiles());
  assert.equal((await bump(github, repo, api(1763700100))).operation, 'created');
  const previous = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);
  assert.equal((await bump(github, repo, api(1763700900))).operation, 'updated');
  const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);
  return { repo, head, previous };
}

describe("a pull request's head that lags behind its branch", () => {
  test('the local GitHub shows the head before the last push, while the branch is already moved', async () => {
    const { repo, head, previous } = await movedPull();
    github.injectFault({ kind: 'stale-head', route: READ_PULL });
    const { status, data } = await fetch(`${github.url}/repos/${OWNER}/${repo}/pulls/1`).then(async (answer) => ({
      status: answer.status,
      data: (await answer.json()) as { head: { sha: string } },
    }));
    assert.equal(status, 200);
    assert.equal(data.head.sha, previous);
    const now = (await fetch(`${github.url}/repos/${OWNER}/${repo}/pulls/1`).then((answer) => answer.json())) as {
      head: { sha: string };
    };
    assert.equal(now.head.sha, head, 'the next read has caught up');
  });

  test('a skipped dispatch during the lag neither closes nor comments on the newer promotion', async () => {
    const { repo, head } = await movedPull();
    // The environment now runs T5: T3 is skipped, and a PR that (by its stale head) proposes T1 looks obsolete.
    const path = 'releases/dev/api/deployment.yaml';
    const text = await github.git(OWNER, repo, ['show', `main:${path}`]);
    await github.pushCommit(OWNER, repo, {
      branch: 'main',
      files: { [path]: `${text.replaceAll('dev-3f2a9c1e-1763600000', devTag(1763700500))}\n` },
    });
    github.resetCalls();
    github.injectFault({ kind: 'stale-head', route: LIST_PULLS, times: 5 });
    github.injectFault({ kind: 'stale-head', route: READ_PULL, times: 5 });
    const result = await bump(github, repo, api(1763700300));
    github.clearFaults();
    assert.equal(result.operation, 'skipped', result.reason);
    assert.deepEqual(result.closedPullRequests, []);
    assert.ok(
      github.requests().some((request) => request.fault === 'stale-head'),
      'the lag was shown',
    );
    assert.equal(callsTo('PATCH /repos/{owner}/{repo}/pulls/{pull_number}').length, 0, 'never closed');
    assert.equal(github.repository(OWNER, repo)!.comments.length, 0, 'no closing comment');
    const pull = github.pullRequests(OWNER, repo)[0]!;
    assert.equal(pull.state, 'open');
    assert.equal(await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]), head);
  });

  test('the same tag again during the lag is unchanged, without trying to move the branch', async () => {
    const { repo, head } = await movedPull();
    github.resetCalls();
    github.injectFault({ kind: 'stale-head', route: LIST_PULLS, times: 5 });
    const result = await bump(github, repo, api(1763700900));
    github.clearFaults();
    assert.equal(result.operation, 'unchanged', result.reason);
    assert.equal(callsTo('PATCH /repos/{owner}/{repo}/git/refs/{ref}').length, 0, 'no update on a stale head');
    assert.equal(callsTo('PATCH /repos/{owner}/{repo}/pulls/{pull_number}').length, 0);
    assert.equal(await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]), head);
  });
});

describe('"No commits between" right after the push', () => {
  test('asked again until GitHub has seen the push: the PR is opened', async () => {
    const repo = `no-commits-${++counter}`;
    await github.createRepository(OWNER, repo, exampleFiles());
    github.resetCalls();
    github.injectFault({ kind: 'no-commits-between', route: OPEN_PULL, times: 3 });
    const result = await bump(github, repo, api(1763700100));
    github.clearFaults();
    assert.equal(result.operation, 'created', result.reason);
    const opens = callsTo(OPEN_PULL);
    assert.deepEqual(
      opens.map((request) => request.status),
      [422, 422, 422, 201],
    );
    assert.equal(github.pullRequests(OWNER, repo).length, 1);
  });

  test('past the bound: the run says the branch is written and a dispatch again opens the PR', async () => {
    const repo = `no-commits-${++counter}`;
    await github.createRepository(OWNER, repo, exampleFiles());
    github.resetCalls();
    github.injectFault({ kind: 'no-commits-between', route: OPEN_PULL, times: 50 });
    const error = await bump(github, repo, api(1763700100)).then(
      () => assert.fail('expected the run to fail'),
      (failure: Error) => failure,
    );
    github.clearFaults();
    assert.equal(callsTo(OPEN_PULL).length, 5, 'a bounded number of times');
    assert.match(error.message, /No commits between main and gitops-promote\/dev\/api/);
    assert.match(
      error.message,
      /had still not seen the push to gitops-promote\/dev\/api .*the branch is written, dispatch again/,
    );
    const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);
    const again = await bump(github, repo, api(1763700100));
    assert.equal(again.operation, 'created', again.reason);
    assert.equal(await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]), head, 'not written again');
    assert.equal(github.pullRequests(OWNER, repo).length, 1);
  });
});
