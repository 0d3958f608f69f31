// The committed bump bundle under GitHub's faults and refusals (issue 9), run as the runner runs it
// against the local GitHub: one run per scenario, with what the user sees (exit code, outputs,
// annotations) and what the repository holds afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import {
  bump,
  devTag,
  exampleFiles,
  fastClient,
  OWNER,
  payload,
  repositorySnapshot,
} from '../integration/bump-fixtures.js';
import { startLocalGitHub, type CreateRepositoryOptions, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction, type ActionRun } from '../../tools/runner/harness.js';

const APP_TOKEN = 'ghs_app_installation_token';
const CONTENTS_ONLY = 'github_pat_contents_only';
const WORKFLOW_TOKEN = 'ghs_workflow_token_of_this_run';
const PULLS_READ_ONLY = 'ghs_pull_requests_read_only';
const CLASSIC_WITHOUT_REPO = 'ghp_classic_without_repo';
const BRANCH = 'gitops-promote/dev/api';
let github: LocalGitHub;
let counter = 0;

before(async () => {
  github = await startLocalGitHub({
    tokens: {
      [APP_TOKEN]: {},
      [CONTENTS_ONLY]: { permissions: { contents: 'write', pull_requests: 'none', issues: 'none' } },
      [WORKFLOW_TOKEN]: { workflow: true },
      [PULLS_READ_ONLY]: { permissions: { contents: 'write', pull_requests: 'read', issues: 'none' } },
      [CLASSIC_WITHOUT_REPO]: { scopes: ['read:org'] },
    },
  });
});
after(() => github.stop());

async function newRepository(options: CreateRepositoryOptions = {}, files = exampleFiles()): Promise<string> {
  const repo = `bundle-${++counter}`;
  await github.createRepository(OWNER, repo, files, {
    collaborators: ['alice'],
    labels: ['promotion', 'env/dev'],
    ...options,
  });
  return repo;
}

const api = (timestamp: number) => payload({ app: 'api', tag: devTag(timestamp), buildTimestamp: timestamp });
const setUp = (repo: string, timestamp: number) =>
  bump(github, repo, api(timestamp), { client: fastClient(github, APP_TOKEN) });

function runBump(repo: string, clientPayload: unknown, token = APP_TOKEN): Promise<ActionRun> {
  return runAction('bump', {
    eventName: 'repository_dispatch',
    event: {
      action: 'gitops-promote',
      client_payload: clientPayload,
      repository: { full_name: `${OWNER}/${repo}`, name: repo, owner: { login: OWNER }, default_branch: 'main' },
    },
    repository: `${OWNER}/${repo}`,
    apiUrl: github.url,
    token: WORKFLOW_TOKEN,
    inputs: { token },
  });
}

const messages = (run: ActionRun, level: 'error' | 'warning') =>
  run.annotations.filter((annotation) => annotation.level === level).map((annotation) => annotation.message);
const headOf = (repo: string) => github.git(OWNER, repo, ['rev-parse', `refs/heads/${BRANCH}`]);

/** The environment runs T5 (a hand edit on main), so T3 is skipped and a PR proposing T1 is obsolete. */
async function runsT5(repo: string): Promise<void> {
  const path = 'releases/dev/api/deployment.yaml';
  const text = await github.git(OWNER, repo, ['show', `main:${path}`]);
  await github.pushCommit(OWNER, repo, {
    branch: 'main',
    files: { [path]: `${text.replaceAll('dev-3f2a9c1e-1763600000', devTag(1763700500))}\n` },
  });
}

describe('bump bundle: closing and repairing', () => {
  test('an overtaken PR is closed with one comment; during a lagging head a newer one is left alone', async () => {
    const repo = await newRepository();
    await setUp(repo, 1763700100);
    await runsT5(repo);
    const closed = await runBump(repo, api(1763700300));
    assert.equal(closed.exitCode, 0, closed.stdout + closed.stderr);
    assert.equal(closed.outputs.operation, 'skipped');
    assert.equal(github.pullRequests(OWNER, repo)[0]?.state, 'closed');
    assert.equal(github.repository(OWNER, repo)!.comments.length, 1);

    const lagging = await newRepository();
    await setUp(lagging, 1763700100);
    await setUp(lagging, 1763700900);
    await runsT5(lagging);
    github.injectFault({ kind: 'stale-head', route: 'GET /repos/{owner}/{repo}/pulls', times: 5 });
    github.injectFault({ kind: 'stale-head', route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', times: 5 });
    const run = await runBump(lagging, api(1763700300));
    github.clearFaults();
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.operation, 'skipped');
    assert.equal(github.pullRequests(OWNER, lagging)[0]?.state, 'open');
    assert.equal(github.repository(OWNER, lagging)!.comments.length, 0);
  });

  test('a half-done update (PATCH of the PR refused) is repaired by the same dispatch again', async () => {
    const repo = await newRepository();
    await setUp(repo, 1763700100);
    // A token that may read pull requests but not write them moves the branch and is refused the PATCH.
    const failed = await runBump(repo, api(1763700200), PULLS_READ_ONLY);
    assert.equal(failed.exitCode, 1);
    assert.match(
      messages(failed, 'error')[0] ?? '',
      /updating pull request #1 .*403.*Branch gitops-promote\/dev\/api is written.*dispatch again/,
    );
    assert.equal(
      github.pullRequests(OWNER, repo)[0]?.title,
      `Promote api to ${devTag(1763700100)} in dev`,
      'half done',
    );
    const again = await runBump(repo, api(1763700200));
    assert.equal(again.exitCode, 0, again.stdout + again.stderr);
    const pull = github.pullRequests(OWNER, repo)[0]!;
    assert.equal(pull.title, `Promote api to ${devTag(1763700200)} in dev`);
    assert.equal(parseBodyRecord(pull.body)?.commit, await headOf(repo));
  });

  test('a closing comment whose answer was lost is not posted twice', async () => {
    const repo = await newRepository();
    await setUp(repo, 1763700100);
    await runsT5(repo);
    github.injectFault({
      kind: 'drop',
      when: 'after',
      route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    });
    const run = await runBump(repo, api(1763700300));
    github.clearFaults();
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(github.repository(OWNER, repo)!.comments.length, 1);
    assert.equal(github.pullRequests(OWNER, repo)[0]?.state, 'closed');
  });
});

describe('bump bundle: GitHub answers', () => {
  test('422 Reference update failed on creating the branch is a lost race: the PR is opened', async () => {
    const repo = await newRepository();
    github.injectFault({ kind: 'ref-update-failed', route: 'POST /repos/{owner}/{repo}/git/refs' });
    const run = await runBump(repo, api(1763700100));
    github.clearFaults();
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.operation, 'created');
  });

  test('"No commits between" right after the push is asked again: the PR is opened', async () => {
    const repo = await newRepository();
    github.injectFault({ kind: 'no-commits-between', route: 'POST /repos/{owner}/{repo}/pulls', times: 2 });
    const run = await runBump(repo, api(1763700100));
    github.clearFaults();
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.operation, 'created');
  });

  test('an empty repository (409) fails at once in one line', async () => {
    const repo = `bundle-empty-${++counter}`;
    await github.createRepository(OWNER, repo);
    const run = await runBump(repo, api(1763700100));
    assert.equal(run.exitCode, 1);
    assert.match(messages(run, 'error')[0] ?? '', /GitHub answered 409 .*has no commits yet/);
  });

  test('the content-creation limit is waited out; a primary limit that resets in an hour says when to retry', async () => {
    const repo = await newRepository();
    // Against a server on this machine the bundle does not space its writes, so back-to-back writes meet
    // the limit and are waited out as GitHub's retry-after says.
    github.setContentLimit({ requests: 1, windowMs: 1500 });
    const run = await runBump(repo, api(1763700100));
    github.setContentLimit(undefined);
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.operation, 'created');
    assert.ok(github.requests().some((request) => request.limited));
    assert.ok(messages(run, 'warning').some((message) => /secondary rate limit .*retrying after [12] s/.test(message)));

    const limited = await newRepository();
    github.injectFault({ kind: 'rate-limit', route: 'POST /repos/{owner}/{repo}/git/trees', retryAfter: 3600 });
    const refused = await runBump(limited, api(1763700100));
    github.clearFaults();
    assert.equal(refused.exitCode, 1);
    const [error] = messages(refused, 'error');
    assert.match(error ?? '', /rate limited, retry after 36\d\d s \(\d\d:\d\d:\d\d UTC\)/);
    assert.doesNotMatch(error ?? '', /unexpected/);
  });
});

describe('bump bundle: refusals by permission and setting', () => {
  test('a token without pull requests: the branch is written, the PR refused, the permission named', async () => {
    const repo = await newRepository();
    const run = await runBump(repo, api(1763700100), CONTENTS_ONLY);
    assert.equal(run.exitCode, 1);
    const [error] = messages(run, 'error');
    assert.match(error ?? '', /this call needs "Pull requests: Read and write"/);
    assert.match(error ?? '', /Branch gitops-promote\/dev\/api is written/);
    assert.ok(await headOf(repo));
    assert.equal(github.pullRequests(OWNER, repo).length, 0);
  });

  test('a classic token whose scopes cannot write is stopped before anything is written', async () => {
    const repo = await newRepository();
    const before = await repositorySnapshot(github, repo);
    const run = await runBump(repo, api(1763700100), CLASSIC_WITHOUT_REPO);
    assert.equal(run.exitCode, 1);
    assert.match(messages(run, 'error')[0] ?? '', /scopes \(read:org\) do not allow it; nothing was written/);
    assert.match(run.summary, /Nothing was written before the failure\./);
    assert.equal(await repositorySnapshot(github, repo), before);
  });

  test('the workflow token where GitHub Actions may not open pull requests: the setting is named', async () => {
    const repo = await newRepository({ actionsCanCreatePullRequests: false });
    const run = await runBump(repo, api(1763700100), WORKFLOW_TOKEN);
    assert.equal(run.exitCode, 1);
    assert.match(
      messages(run, 'error')[0] ?? '',
      /not permitted to create or approve pull requests.*Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests"/,
    );
  });

  test('auto-merge refused without branch protection: a warning to require validate, nothing merged', async () => {
    const repo = await newRepository();
    const main = await github.git(OWNER, repo, ['rev-parse', 'main']);
    const run = await runBump(repo, payload({ app: 'worker', tag: '0.4.10', environment: 'prod' }));
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.ok(
      messages(run, 'warning').some((message) =>
        /Protected branch rules not configured.*make the validate check required on main/s.test(message),
      ),
      messages(run, 'warning').join('\n'),
    );
    assert.equal(github.pullRequests(OWNER, repo)[0]?.autoMerge, null);
    assert.equal(await github.git(OWNER, repo, ['rev-parse', 'main']), main);
  });
});
