// Where a promotion came from, in the PR body and in the result the job summary is written from: the
// source commit, the build run, the dispatch id, and a compare of the source revision the environment
// runs against the new one, when it is known: from a tag ID's sha, or from the hidden record of the
// merged PR that promoted the running tag (release tags like 0.4.10 name no revision).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion.js';
import { startLocalGitHub, type LocalGitHub } from '../local-github/index.js';
import { bump, devTag, exampleFiles, fastClient, OWNER, payload } from './bump-fixtures.js';

const SERVER = 'https://github.example';
const FIRST_SHA = '1111111111aa'.padEnd(40, '1');
const SECOND_SHA = '2222222222bb'.padEnd(40, '2');
let github: LocalGitHub;
let counter = 0;

before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

async function freshRepository(): Promise<string> {
  counter += 1;
  const name = `links-${counter}`;
  await github.createRepository(OWNER, name, exampleFiles(), { collaborators: ['alice'] });
  return name;
}

function bodyOf(repo: string, number: number | undefined): string {
  const pull = github.pullRequests(OWNER, repo).find((candidate) => candidate.number === number);
  assert.ok(pull?.body, `pull request #${number} has a body`);
  return pull.body;
}

describe('source links, compare and dispatch id', () => {
  test('release tags: the compare comes from the merged PR that promoted the running tag', async () => {
    const repo = await freshRepository();
    const first = payload({ app: 'worker', tag: '0.4.10', environment: 'prod', sha: FIRST_SHA });
    const opened = await bump(github, repo, first, { serverUrl: SERVER });
    assert.equal(opened.operation, 'created', opened.reason);
    // prod runs 0.4.9 from a hand edit: no revision is known, so no compare, but the source and the dispatch are.
    const firstBody = bodyOf(repo, opened.pullRequest?.number);
    assert.doesNotMatch(firstBody, /compare/);
    assert.ok(firstBody.includes(`[acme/worker@${FIRST_SHA.slice(0, 12)}](${SERVER}/acme/worker/commit/${FIRST_SHA})`));
    assert.ok(firstBody.includes(`- Dispatch: \`${first.dispatchId}\``));
    assert.deepEqual(opened.source?.compares, []);
    assert.equal(opened.source?.commitUrl, `${SERVER}/acme/worker/commit/${FIRST_SHA}`);
    assert.equal(opened.dispatchId, first.dispatchId);

    await fastClient(github).rest.pulls.merge({
      owner: OWNER,
      repo,
      pull_number: opened.pullRequest!.number,
      merge_method: 'squash',
    });
    const second = payload({ app: 'worker', tag: '0.4.11', environment: 'prod', sha: SECOND_SHA });
    const next = await bump(github, repo, second, { serverUrl: SERVER });
    assert.equal(next.operation, 'created', next.reason);
    assert.deepEqual(next.previousTags, ['0.4.10']);
    const compare = `${SERVER}/acme/worker/compare/${FIRST_SHA}...${SECOND_SHA}`;
    assert.deepEqual(next.source?.compares, [{ from: FIRST_SHA, url: compare }]);
    const body = bodyOf(repo, next.pullRequest?.number);
    assert.ok(
      body.includes(`- Changes since \`${FIRST_SHA.slice(0, 12)}\` (\`0.4.10\`, running now): [compare](${compare})`),
      body,
    );
    assert.ok(body.includes(`- Dispatch: \`${second.dispatchId}\``));
    // The links sit with the others, before the base line; the hidden record stays last and readable.
    assert.ok(body.indexOf('- Changes since') < body.indexOf('- Base: '));
    assert.equal(parseBodyRecord(body)?.record.tag, '0.4.11');
    assert.equal(parseBodyRecord(body)?.commit, next.commitSha);
  });

  test('tag IDs: the compare comes from the running tag, and the result carries it for the job summary', async () => {
    const repo = await freshRepository();
    const dispatched = payload({ app: 'podinfo', tag: devTag(1763700000), sha: SECOND_SHA });
    const result = await bump(github, repo, dispatched, { serverUrl: SERVER });
    assert.equal(result.operation, 'created', result.reason);
    const compare = `${SERVER}/acme/podinfo/compare/3f2a9c1e...${SECOND_SHA}`;
    assert.deepEqual(result.source?.compares, [{ from: '3f2a9c1e', url: compare }]);
    assert.equal(result.source?.runUrl, dispatched.source.runUrl);
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
