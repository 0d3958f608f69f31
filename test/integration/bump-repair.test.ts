// A half-done run is repaired by the next (issue 9): the branch already at its tag still gets its pull
// request made to match the record (title, body, labels, state), and a comment whose answer was lost is
// not posted twice. The failures promise "dispatch again" only because a dispatch again does this.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, OWNER, payload, newExampleRepository } from './bump-fixtures.js';

const PATCH_PULL = 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}';
const POST_LABELS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels';
const POST_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const BRANCH = 'gitops-promote/dev/api';
let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

const freshRepository = () => newExampleRepository(github, 'repair');

const api = (timestamp: number) => payload({ app: 'api', tag: devTag(timestamp), buildTimestamp: timestamp });
const pullOf = (repo: string) => github.pullRequests(OWNER, repo).find((pull) => pull.number === 1)!;
const comments = (repo: string) =>
  (github.repository(OWNER, repo)?.comments ?? []).filter((comment) => comment.issueNumber === 1);

async function failing(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('the run was expected to fail');
}

/** The environment starts running T5 by a hand edit on main: an open PR proposing T1 is overtaken. */
async function runOnMain(repo: string, timestamp: number): Promise<void> {
  const path = 'releases/dev/api/deployment.yaml';
  const text = await github.git(OWNER, repo, ['show', `main:${path}`]);
  await github.pushCommit(OWNER, repo, {
    branch: 'main',
    files: { [path]: `${text.replaceAll('dev-3f2a9c1e-1763600000', devTag(timestamp))}\n` },
  });
}

describe('a half-done run is repaired by the next', () => {
  test('PATCH /pulls/{n} refused: the branch carries T2, the PR says T1; dispatching T2 again updates the PR', async () => {
    const repo = await freshRepository();
    github.injectFault({ kind: '502', route: POST_LABELS, times: 50 });
    const first = await bump(github, repo, api(1763700100));
    github.clearFaults();
    assert.equal(first.operation, 'created');
    assert.match(first.warnings.join('\n'), /could not add labels/);
    assert.deepEqual(pullOf(repo).labels, []);

    github.injectFault({ kind: '502', route: PATCH_PULL, times: 50 });
    const message = await failing(bump(github, repo, api(1763700200)));
    github.clearFaults();
    assert.match(message, /dispatch again/);
    const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);
    assert.equal(pullOf(repo).title, `Promote api to ${devTag(1763700100)} in dev`, 'the PR is stale');
    assert.notEqual(parseBodyRecord(pullOf(repo).body)?.commit, head);

    const again = await bump(github, repo, api(1763700200));
    assert.equal(again.operation, 'updated', again.reason);
    const pull = pullOf(repo);
    assert.equal(pull.title, `Promote api to ${devTag(1763700200)} in dev`);
    assert.equal(parseBodyRecord(pull.body)?.commit, head, 'the body describes the branch head');
    assert.equal(parseBodyRecord(pull.body)?.record.tag, devTag(1763700200));
    assert.deepEqual([...pull.labels].sort(), ['env/dev', 'promotion'], 'labels the first run missed are added');
    assert.equal(await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]), head, 'no new commit');

    github.resetCalls();
    const third = await bump(github, repo, api(1763700200));
    assert.equal(third.operation, 'unchanged', 'a PR that matches is left alone');
    assert.equal(github.calls()[PATCH_PULL] ?? 0, 0);
  });

  test('the close refused after the comment: dispatching again closes it, with one comment', async () => {
    const repo = await freshRepository();
    assert.equal((await bump(github, repo, api(1763700100))).operation, 'created');
    await runOnMain(repo, 1763700500);
    github.injectFault({ kind: '502', route: PATCH_PULL, times: 50 });
    assert.match(await failing(bump(github, repo, api(1763700300))), /dispatch again/);
    github.clearFaults();
    assert.equal(pullOf(repo).state, 'open');
    assert.equal(comments(repo).length, 1, 'the closing comment was posted');

    const again = await bump(github, repo, api(1763700300));
    assert.equal(again.operation, 'skipped', again.reason);
    assert.deepEqual(
      again.closedPullRequests.map((closed) => closed.number),
      [1],
    );
    assert.equal(pullOf(repo).state, 'closed');
    assert.equal(comments(repo).length, 1, 'the comment was found by its marker, not posted twice');
    assert.match(comments(repo)[0]!.body, /<!-- gitops-promote:closing -->$/);
  });

  test('a closing comment GitHub posted but whose answer was lost is not posted twice', async () => {
    const repo = await freshRepository();
    assert.equal((await bump(github, repo, api(1763700100))).operation, 'created');
    await runOnMain(repo, 1763700500);
    github.resetCalls();
    github.injectFault({ kind: 'drop', route: POST_COMMENT, when: 'after' });
    const result = await bump(github, repo, api(1763700300));
    assert.equal(github.requests().filter((request) => request.fault === 'drop').length, 1, 'the fault fired');
    github.clearFaults();
    assert.equal(result.operation, 'skipped', result.reason);
    assert.equal(pullOf(repo).state, 'closed');
    assert.equal(comments(repo).length, 1);
  });
});
