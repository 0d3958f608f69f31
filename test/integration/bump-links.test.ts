// Where a promotion came from, in the PR body and in the result the job summary is written from: the
// source commit, the build run, the dispatch id, and a compare of the source revision the environment
// runs against the new one, when it is known without asking GitHub: from a tag ID's sha, or, for a
// release built from a git tag (refs/tags/v0.4.10), from the running release's git tag (v0.4.9).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, OWNER, payload, newExampleRepository } from './bump-fixtures.js';

const SERVER = 'https://github.example';
const FIRST_SHA = '1111111111aa'.padEnd(40, '1');
const SECOND_SHA = '2222222222bb'.padEnd(40, '2');
let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

const freshRepository = () => newExampleRepository(github, 'links', { collaborators: ['alice'] });

function bodyOf(repo: string, number: number | undefined): string {
  const pull = github.pullRequests(OWNER, repo).find((candidate) => candidate.number === number);
  assert.ok(pull?.body, `pull request #${number} has a body`);
  return pull.body;
}

describe('source links, compare and dispatch id', () => {
  test("release tags: the compare starts at the running release's git tag, named as the new one is", async () => {
    const repo = await freshRepository();
    const first = payload({
      app: 'worker',
      tag: '0.4.10',
      environment: 'prod',
      sha: FIRST_SHA,
      ref: 'refs/tags/v0.4.10',
    });
    const opened = await bump(github, repo, first, { serverUrl: SERVER });
    assert.equal(opened.operation, 'created', opened.reason);
    assert.deepEqual(opened.previousTags, ['0.4.9']);
    const compare = `${SERVER}/acme/worker/compare/v0.4.9...${FIRST_SHA}`;
    assert.deepEqual(opened.source?.compares, [{ from: 'v0.4.9', url: compare }]);
    assert.equal(opened.source?.commitUrl, `${SERVER}/acme/worker/commit/${FIRST_SHA}`);
    assert.equal(opened.dispatchId, first.dispatchId);
    const body = bodyOf(repo, opened.pullRequest?.number);
    assert.ok(body.includes(`- Changes since \`v0.4.9\`: [compare](${compare})`), body);
    assert.ok(body.includes(`[acme/worker@${FIRST_SHA.slice(0, 12)}](${SERVER}/acme/worker/commit/${FIRST_SHA})`));
    assert.ok(body.includes(`- Dispatch: \`${first.dispatchId}\``));
    // The links sit with the others, before the base line; the hidden record stays last and readable.
    assert.ok(body.indexOf('- Changes since') < body.indexOf('- Base: '));
    assert.equal(parseBodyRecord(body)?.record.tag, '0.4.10');
    assert.equal(parseBodyRecord(body)?.commit, opened.commitSha);
  });

  test("release tags: no compare when the source ref is not the release's git tag", async () => {
    const repo = await freshRepository();
    const dispatched = payload({ app: 'worker', tag: '0.4.10', environment: 'prod', sha: SECOND_SHA });
    const opened = await bump(github, repo, dispatched, { serverUrl: SERVER });
    assert.equal(opened.operation, 'created', opened.reason);
    assert.deepEqual(opened.source?.compares, []);
    assert.doesNotMatch(bodyOf(repo, opened.pullRequest?.number), /compare/);
  });

  test('tag IDs: the compare comes from the running tag, and the result carries it for the job summary', async () => {
    const repo = await freshRepository();
    const dispatched = payload({ app: 'podinfo', tag: devTag(1763700000), sha: SECOND_SHA });
    const result = await bump(github, repo, dispatched, { serverUrl: SERVER });
    assert.equal(result.operation, 'created', result.reason);
    const compare = `${SERVER}/acme/podinfo/compare/3f2a9c1e...${SECOND_SHA}`;
    assert.deepEqual(result.source?.compares, [{ from: '3f2a9c1e', url: compare }]);
    // The fixture's run is on github.com, the source repository on SERVER: shown, not linked.
    assert.equal(result.source?.runUrl, undefined);
    assert.equal(result.source?.runText, dispatched.source.runUrl);
    const body = bodyOf(repo, result.pullRequest?.number);
    assert.equal(body.split(compare).length - 1, 1, 'one compare link, not two');
    assert.ok(body.includes(`- Dispatch: \`${dispatched.dispatchId}\``));
  });

  test('a skipped run still reports the source commit and the dispatch id', async () => {
    const repo = await freshRepository();
    const dispatched = payload({ app: 'worker', tag: '0.5.0', environment: 'prod', sha: FIRST_SHA });
    const result = await bump(github, repo, dispatched, { serverUrl: SERVER });
    assert.equal(result.operation, 'skipped');
    assert.equal(result.source?.commitUrl, `${SERVER}/acme/worker/commit/${FIRST_SHA}`);
    assert.deepEqual(result.source?.compares, []);
    assert.equal(result.dispatchId, dispatched.dispatchId);
  });
});
