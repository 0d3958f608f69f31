// The dispatch bundle as the runner starts it, against the local GitHub through GITHUB_API_URL.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parseDispatchPayload } from '../../src/core/payload/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bundleNode, runAction, type ActionRun, type RunActionOptions } from '../../tools/runner/harness.js';

const DISPATCH_ROUTE = 'POST /repos/{owner}/{repo}/dispatches';
const APP_TOKEN = 'ghs_environmentWriterToken0001';
const WORKFLOW_TOKEN = 'ghs_workflowRunToken0002';
const READ_ONLY_TOKEN = 'github_pat_readOnlyToken0003';
const SOURCE_SHA = '4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70';
const DIGEST = `sha256:${'5f'.repeat(32)}`;

let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub({
    tokens: {
      [APP_TOKEN]: { repos: ['acme/env'] },
      [WORKFLOW_TOKEN]: { repos: ['acme/web'] },
      [READ_ONLY_TOKEN]: { repos: ['acme/env'], permission: 'read' },
    },
  });
  await github.createRepository('acme', 'env', { 'README.md': '# environments\n' });
  await github.createRepository('acme', 'web', { 'README.md': '# web\n' });
});

after(() => github.stop());

beforeEach(() => {
  github.clearFaults();
  github.resetCalls();
  github.repository('acme', 'env')?.dispatches.splice(0);
});

function dispatch(inputs: Record<string, string>, options: RunActionOptions = {}): Promise<ActionRun> {
  return runAction('dispatch', {
    apiUrl: github.url,
    repository: 'acme/web',
    ref: 'refs/tags/v0.4.10',
    sha: SOURCE_SHA,
    token: WORKFLOW_TOKEN,
    event: { ref: 'refs/tags/v0.4.10', head_commit: { id: SOURCE_SHA, timestamp: '2023-11-14T22:13:20Z' } },
    ...options,
    inputs: {
      token: APP_TOKEN,
      repository: 'acme/env',
      app: 'web',
      image: 'ghcr.io/acme/web',
      tag: '0.4.10',
      ...inputs,
    },
  });
}

function failureMessage(run: ActionRun): string {
  const errors = run.annotations.filter((annotation) => annotation.level === 'error');
  assert.equal(errors.length, 1, `expected one error annotation:\n${run.stdout}\n${run.stderr}`);
  return errors[0]?.message ?? '';
}

describe('dispatch bundle', () => {
  test('sends the payload, sets the outputs, writes the summary and masks the token', async (t) => {
    t.diagnostic(`node ${bundleNode().version} (${bundleNode().source})`);
    const run = await dispatch({ digest: DIGEST, environment: 'dev', 'extra-payload': '{"ticket":"OPS-7"}' });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);

    const received = github.dispatches('acme', 'env');
    assert.equal(received.length, 1);
    assert.equal(received[0]?.event_type, 'gitops-promote');
    const payload = parseDispatchPayload(received[0]?.client_payload);
    assert.deepEqual(payload, {
      v: 1,
      app: 'web',
      image: 'ghcr.io/acme/web',
      tag: '0.4.10',
      digest: DIGEST,
      environment: 'dev',
      source: {
        repository: 'acme/web',
        sha: SOURCE_SHA,
        ref: 'refs/tags/v0.4.10',
        runUrl: 'https://github.com/acme/web/actions/runs/1000',
      },
      buildTimestamp: 1_700_000_000,
      dispatchId: run.outputs['dispatch-id'],
      extra: { ticket: 'OPS-7' },
    });
    assert.match(
      run.outputs['dispatch-id'] ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.deepEqual(JSON.parse(run.outputs.payload ?? ''), received[0]?.client_payload);

    for (const text of ['web', '0.4.10', DIGEST, run.outputs['dispatch-id'] ?? '', 'acme/env', 'OPS-7']) {
      assert.ok(run.summary.includes(text), `summary should show ${text}:\n${run.summary}`);
    }
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes(`::add-mask::${APP_TOKEN}`), 'the token is masked');
    assert.ok(lines.includes(`::add-mask::${WORKFLOW_TOKEN}`), 'the workflow token is masked too');
    assert.deepEqual(
      lines.filter((line) => line.includes(APP_TOKEN) && !line.startsWith('::add-mask::')),
      [],
      'the token appears in no other line',
    );
  });

  test('the root action runs it with command: dispatch', async () => {
    const run = await runAction('main', {
      apiUrl: github.url,
      repository: 'acme/web',
      ref: 'refs/heads/dev',
      sha: SOURCE_SHA,
      token: WORKFLOW_TOKEN,
      inputs: {
        command: 'dispatch',
        token: APP_TOKEN,
        repository: 'acme/env',
        app: 'web',
        image: 'ghcr.io/acme/web:dev-4d5e6f70-1700000000',
      },
    });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    const received = github.dispatches('acme', 'env');
    assert.equal(received.length, 1);
    assert.equal(received[0]?.event_type, 'gitops-promote');
    assert.deepEqual(JSON.parse(run.outputs.payload ?? ''), received[0]?.client_payload);
    assert.equal(received[0]?.client_payload.tag, 'dev-4d5e6f70-1700000000');
    assert.equal(received[0]?.client_payload.dispatchId, run.outputs['dispatch-id']);
  });

  test('two runs get two dispatch ids; a custom event type and build timestamp are used', async () => {
    const first = await dispatch({ 'event-type': 'promote-web', 'build-timestamp': '1700000123' });
    const second = await dispatch({ 'event-type': 'promote-web', 'build-timestamp': '1700000123' });
    assert.equal(first.exitCode + second.exitCode, 0, first.stdout + second.stdout);
    const received = github.dispatches('acme', 'env');
    assert.deepEqual(
      received.map((record) => record.event_type),
      ['promote-web', 'promote-web'],
    );
    assert.deepEqual(
      received.map((record) => record.client_payload.buildTimestamp),
      [1_700_000_123, 1_700_000_123],
    );
    assert.notEqual(first.outputs['dispatch-id'], second.outputs['dispatch-id']);
  });

  test('rides out a 502 and a secondary rate limit, with a warning for the wait', async () => {
    github.injectFault({ kind: '502', route: DISPATCH_ROUTE });
    github.injectFault({ kind: 'secondary-rate-limit', route: DISPATCH_ROUTE, nth: 2, retryAfter: 1 });
    const run = await dispatch({});
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(github.calls()[DISPATCH_ROUTE], 3);
    assert.equal(github.dispatches('acme', 'env').length, 1);
    const warnings = run.annotations.filter((annotation) => annotation.level === 'warning');
    assert.match(warnings[0]?.message ?? '', /secondary rate limit .*retrying after 1 s/);
    assert.equal(run.annotations.filter((annotation) => annotation.level === 'error').length, 0);
  });

  const refusals: Array<{ name: string; token: string; status: number; mentions: RegExp[] }> = [
    {
      name: "the workflow's GITHUB_TOKEN cannot reach another repository: 404, explained",
      token: WORKFLOW_TOKEN,
      status: 404,
      mentions: [
        /workflow's GITHUB_TOKEN, which cannot dispatch to acme\/env from acme\/web/,
        /"Contents: Read and write"/,
      ],
    },
    {
      name: 'a read-only fine-grained token: 403, explained',
      token: READ_ONLY_TOKEN,
      status: 403,
      mentions: [
        /fine-grained personal access token \(github_pat_\) can see acme\/env but may not write/,
        /"repo" scope/,
      ],
    },
  ];
  for (const { name, token, status, mentions } of refusals) {
    test(name, async () => {
      const run = await dispatch({ token });
      assert.equal(run.exitCode, 1);
      const message = failureMessage(run);
      assert.match(
        message,
        new RegExp(`^dispatch failed sending the repository_dispatch event in acme/env: GitHub answered ${status}`),
      );
      for (const mention of mentions) assert.match(message, mention);
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(github.calls()[DISPATCH_ROUTE], 1);
      assert.equal(github.dispatches('acme', 'env').length, 0);
      assert.deepEqual(run.outputs, {});
    });
  }

  const badInputs: Array<[string, Record<string, string>, RegExp]> = [
    ['a newline and a command in the tag', { tag: '1.0\nrm -rf /' }, /^tag: got "1.0\\nrm -rf \/"/],
    ['path traversal in the app', { app: '../../prod' }, /^app: got "..\/..\/prod", expected \[a-z0-9\]/],
    ['shell metacharacters in the environment', { environment: 'dev;$(id)' }, /^environment: /],
    ['an image with a URL scheme', { image: 'https://ghcr.io/acme/web' }, /^image: .*URL scheme/],
    ['a repository that is not owner/name', { repository: 'acme' }, /^repository: got "acme", expected owner\/name/],
    [
      'extra-payload that is not an object',
      { 'extra-payload': '"text"' },
      /^extra-payload: got "text", expected a JSON object/,
    ],
    [
      'an oversized payload',
      { 'extra-payload': JSON.stringify({ blob: 'x'.repeat(66_000) }) },
      /^client_payload: .*at most 65535/,
    ],
  ];
  for (const [name, inputs, message] of badInputs) {
    test(`bad input, nothing sent: ${name}`, async () => {
      const run = await dispatch(inputs);
      assert.equal(run.exitCode, 1);
      assert.match(failureMessage(run), message);
      assert.equal(github.totalCalls(), 0);
      assert.equal(github.dispatches('acme', 'env').length, 0);
    });
  }
});
