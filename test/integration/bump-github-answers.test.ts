// GitHub answers the local GitHub gives as GitHub does (issue 9): `422 Reference update failed` on
// creating or moving a ref is a lost race (read again, decide again), while an empty repository (409)
// and a truncated recursive tree are clear errors at once, without retries and without writing anything.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RetryLaterError, UserError } from '../../src/core/errors.js';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, exampleFiles, fastClient, OWNER, payload } from './bump-fixtures.js';

const CREATE_REF = 'POST /repos/{owner}/{repo}/git/refs';
const UPDATE_REF = 'PATCH /repos/{owner}/{repo}/git/refs/{ref}';
const BRANCH = 'gitops-promote/dev/api';
let github: LocalGitHub;
let counter = 0;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

const api = (timestamp: number) => payload({ app: 'api', tag: devTag(timestamp), buildTimestamp: timestamp });
const fired = () => github.requests().filter((request) => request.fault === 'ref-update-failed').length;

async function expectFailure(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('the run was expected to fail');
}

describe('422 Reference update failed is a lost race, retried', () => {
  for (const times of [1, 3]) {
    test(`on creating the branch (${times} in a row): the PR is opened`, async () => {
      const repo = `ref-create-${++counter}`;
      await github.createRepository(OWNER, repo, exampleFiles());
      github.resetCalls();
      github.injectFault({ kind: 'ref-update-failed', route: CREATE_REF, times });
      const result = await bump(github, repo, api(1763700100));
      github.clearFaults();
      assert.equal(fired(), times);
      assert.equal(result.operation, 'created', result.reason);
      const pulls = github.pullRequests(OWNER, repo);
      assert.equal(pulls.length, 1);
      const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);
      assert.equal(parseBodyRecord(pulls[0]!.body)?.commit, head);
    });

    test(`on moving the branch (${times} in a row): the PR is updated`, async () => {
      const repo = `ref-update-${++counter}`;
      await github.createRepository(OWNER, repo, exampleFiles());
      assert.equal((await bump(github, repo, api(1763700100))).operation, 'created');
      github.resetCalls();
      github.injectFault({ kind: 'ref-update-failed', route: UPDATE_REF, times });
      const result = await bump(github, repo, api(1763700200));
      github.clearFaults();
      assert.equal(fired(), times);
      assert.equal(result.operation, 'updated', result.reason);
      const pull = github.pullRequests(OWNER, repo)[0]!;
      assert.equal(pull.title, `Promote api to ${devTag(1763700200)} in dev`);
      const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);
      assert.equal(parseBodyRecord(pull.body)?.commit, head);
    });
  }
});

describe('answers that are errors at once', () => {
  test('an empty repository (409 Git Repository is empty): a user error, asked once', async () => {
    const repo = `empty-${++counter}`;
    await github.createRepository(OWNER, repo);
    github.resetCalls();
    const error = await expectFailure(bump(github, repo, api(1763700100)));
    assert.ok(error instanceof UserError, error.message);
    assert.match(error.message, /409/);
    assert.match(error.message, /has no commits yet/);
    assert.doesNotMatch(error.message, /connection/);
    assert.equal(github.calls()['GET /repos/{owner}/{repo}/git/ref/{ref}'], 1, 'not retried');
  });

  test('a truncated recursive tree: a user error, read once, nothing written', async () => {
    const repo = `truncated-${++counter}`;
    await github.createRepository(OWNER, repo, exampleFiles(), { recursiveTreeLimit: 3 });
    const refs = await github.git(OWNER, repo, ['for-each-ref']);
    github.resetCalls();
    const error = await expectFailure(bump(github, repo, api(1763700100)));
    assert.ok(error instanceof UserError, error.message);
    assert.match(error.message, /too large for one read \(GitHub truncated it\)/);
    assert.equal(github.calls()['GET /repos/{owner}/{repo}/git/trees/{tree_sha}'], 1, 'not retried');
    assert.equal(await github.git(OWNER, repo, ['for-each-ref']), refs);
  });
});

describe('secondary rate limits that outlast the retries end in "rate limited, retry after"', () => {
  for (const kind of ['secondary-rate-limit', 'secondary-rate-limit-429'] as const) {
    for (const noRetryAfter of [false, true]) {
      test(`${kind === 'secondary-rate-limit' ? 403 : 429} ${noRetryAfter ? 'without' : 'with'} retry-after`, async () => {
        const repo = `limited-${++counter}`;
        await github.createRepository(OWNER, repo, exampleFiles());
        const refs = await github.git(OWNER, repo, ['for-each-ref']);
        github.resetCalls();
        github.injectFault({
          kind,
          route: 'POST /repos/{owner}/{repo}/git/trees',
          times: 50,
          retryAfter: 7,
          noRetryAfter,
        });
        const error = await expectFailure(bump(github, repo, api(1763700100)));
        github.clearFaults();
        assert.ok(github.requests().filter((request) => request.fault === kind).length > 1, 'retried first');
        assert.ok(error instanceof RetryLaterError, `${error.name}: ${error.message}`);
        assert.match(error.message, /GitHub answered (403|429)/);
        assert.match(
          error.message,
          noRetryAfter
            ? /rate limited, retry after a minute or more/
            : /rate limited, retry after 7 s \(\d\d:\d\d:\d\d UTC\)/,
        );
        assert.doesNotMatch(error.message, /unexpected|connection/);
        assert.equal(await github.git(OWNER, repo, ['for-each-ref']), refs, 'nothing written');
      });
    }
  }
});

describe("a pull request body stays under GitHub's 65,536 characters", () => {
  const PLACES = 200;
  function bigApp(): Record<string, string> {
    const files: Record<string, string> = {
      '.github/promotion.yml':
        'environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"}\napps:\n  big: {image: ghcr.io/acme/big}\n',
    };
    for (let index = 0; index < PLACES; index++) {
      const name = `deployment-${String(index).padStart(3, '0')}-with-a-name-long-enough-to-widen-the-table`;
      files[`releases/dev/big/${name}.yaml`] =
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big-${index}\nspec:\n  template:\n    spec:\n      containers:\n        - name: big\n          image: ghcr.io/acme/big:dev-00000000-1763600000\n`;
    }
    return files;
  }

  test('the local GitHub refuses a longer body with 422', async () => {
    const repo = `long-body-${++counter}`;
    await github.createRepository(OWNER, repo, exampleFiles());
    await github.pushCommit(OWNER, repo, { branch: 'topic', files: { 'NOTES.md': 'x\n' } });
    const client = fastClient(github);
    await assert.rejects(
      client.rest.pulls.create({
        owner: OWNER,
        repo,
        head: 'topic',
        base: 'main',
        title: 't',
        body: 'x'.repeat(65_537),
      }),
      (error: Error & { status?: number }) => error.status === 422 && /body is too long/.test(JSON.stringify(error)),
    );
    assert.equal(github.pullRequests(OWNER, repo).length, 0);
  });

  test(`${PLACES} changed places: the table is summarised, the record and the job summary keep every change`, async () => {
    const repo = `big-${++counter}`;
    await github.createRepository(OWNER, repo, bigApp());
    const tag = devTag(1763700100);
    const result = await bump(github, repo, payload({ app: 'big', tag, buildTimestamp: 1763700100 }));
    assert.equal(result.operation, 'created', result.reason);
    assert.equal(result.changedFiles.length, PLACES);
    const pull = github.pullRequests(OWNER, repo)[0]!;
    const body = pull.body ?? '';
    assert.ok([...body].length <= 65_536, `${body.length} characters`);
    const more = /\| … and (\d+) more places \(the run's job summary lists every change\)/.exec(body);
    assert.ok(more, 'the table says how many places it leaves out');
    const rows = body.split('\n').filter((line) => line.startsWith('| `releases/dev/big/'));
    assert.equal(rows.length + Number(more[1]), PLACES);
    assert.equal(parseBodyRecord(body)?.record.changes.length, PLACES, 'the record is whole');
    assert.equal(result.table?.split('\n').filter((line) => line.startsWith('| `releases/')).length, PLACES);
  });
});
