// The local GitHub's guard rails: tokens, OpenAPI request checks, dispatch limits, injected faults, call
// counters and the standalone entry point.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { startLocalGitHub, type FaultKind, type LocalGitHub } from '../../tools/local-github/index.js';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let hub: LocalGitHub;
let octokit: Octokit;
const owner = 'acme';
const repo = 'env';

async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; data: { message?: string }; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const { status, response } = error as {
      status: number;
      response?: { data: { message?: string }; headers: Record<string, string> };
    };
    return { status, data: response?.data ?? {}, headers: response?.headers ?? {} };
  }
  throw new Error('expected the request to fail');
}

before(async () => {
  hub = await startLocalGitHub({
    tokens: {
      'writer-token': { login: 'gitops-bot[bot]', repos: '*' },
      'reader-token': { repos: ['acme/env'], permission: 'read' },
      'other-token': { repos: ['acme/other'] },
    },
  });
  await hub.createRepository(owner, repo, { 'README.md': 'hi\n' });
  await hub.createRepository(owner, 'other', { 'README.md': 'other\n' });
  octokit = new Octokit({ baseUrl: hub.url, auth: 'writer-token', log: quiet });
});
after(() => hub.stop());

describe('tokens', () => {
  test('a token that cannot see the repository gets 404, a bad one 401, a read-only one 403 on writes', async () => {
    const as = (auth?: string) => new Octokit({ baseUrl: hub.url, log: quiet, ...(auth ? { auth } : {}) });
    const hidden = await failure(as('other-token').rest.repos.get({ owner, repo }));
    assert.deepEqual([hidden.status, hidden.data.message], [404, 'Not Found']);
    assert.equal((await as('other-token').rest.repos.get({ owner, repo: 'other' })).status, 200);
    assert.deepEqual((await failure(as('wrong').rest.repos.get({ owner, repo }))).status, 401);
    assert.deepEqual((await failure(as().rest.repos.get({ owner, repo }))).status, 401);
    const readOnly = as('reader-token');
    assert.equal((await readOnly.rest.repos.get({ owner, repo })).data.permissions?.push, false);
    const write = await failure(readOnly.rest.repos.createDispatchEvent({ owner, repo, event_type: 'x' }));
    assert.deepEqual([write.status, write.data.message], [403, 'Resource not accessible by integration']);
  });

  test('responses carry x-ratelimit headers', async () => {
    const response = await octokit.rest.repos.get({ owner, repo });
    assert.equal(response.headers['x-ratelimit-limit'], '5000');
    assert.match(String(response.headers['x-ratelimit-remaining']), /^\d+$/);
    assert.equal(response.data.default_branch, 'main');
  });
});

describe('requests GitHub would reject are rejected the same way (OpenAPI description)', () => {
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    [
      'missing required field',
      () => octokit.request('POST /repos/{owner}/{repo}/git/trees', { owner, repo, base_tree: 'abc' } as never),
      /"tree" wasn't supplied/,
    ],
    [
      'wrong type',
      () =>
        octokit.request('POST /repos/{owner}/{repo}/git/commits', {
          owner,
          repo,
          message: 'm',
          tree: 'abc',
          parents: 'abc',
        } as never),
      /is not an array/,
    ],
    [
      'unknown enum value',
      () =>
        octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
          owner,
          repo,
          pull_number: 1,
          state: 'merged',
        } as never),
      /"merged" is not a member of/,
    ],
    [
      'query parameter outside its enum',
      () => octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, state: 'everything' } as never),
      /is not a member of/,
    ],
  ];
  for (const [name, call, message] of cases) {
    test(name, async () => {
      const rejected = await failure(call());
      assert.equal(rejected.status, 422);
      assert.match(rejected.data.message ?? '', /^Invalid request\./);
      assert.match(rejected.data.message ?? '', message);
    });
  }
});

describe('repository_dispatch limits', () => {
  const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
  const cases: Array<[string, string, Record<string, unknown>, number]> = [
    ['10 keys are accepted', 'promote', keys(10), 204],
    ['11 keys are refused', 'promote', keys(11), 422],
    ['65,535 serialised characters are accepted', 'promote', { blob: 'x'.repeat(65_535 - '{"blob":""}'.length) }, 204],
    ['65,536 serialised characters are refused', 'promote', { blob: 'x'.repeat(65_536 - '{"blob":""}'.length) }, 422],
    ['event_type of 100 characters is accepted', 'e'.repeat(100), {}, 204],
    ['event_type of 101 characters is refused', 'e'.repeat(101), {}, 422],
    ['empty event_type is refused', '', {}, 422],
  ];
  for (const [name, eventType, payload, status] of cases) {
    test(name, async () => {
      const before = hub.dispatches(owner, repo).length;
      const call = octokit.rest.repos.createDispatchEvent({
        owner,
        repo,
        event_type: eventType,
        client_payload: payload,
      });
      const actual = status === 204 ? (await call).status : (await failure(call)).status;
      assert.equal(actual, status);
      const received = hub.dispatches(owner, repo);
      assert.equal(received.length, before + (status === 204 ? 1 : 0));
      if (status === 204) assert.deepEqual(received.at(-1)?.client_payload, payload);
    });
  }
});

const route = 'GET /repos/{owner}/{repo}';

describe('fault injection', () => {
  const statusCases: Array<[FaultKind, number]> = [
    ['502', 502],
    ['503', 503],
    ['secondary-rate-limit', 403],
    ['rate-limit', 403],
  ];
  for (const [kind, status] of statusCases) {
    test(`${kind} fails the nth matching call only`, async () => {
      hub.injectFault({ route, nth: 2, kind, retryAfter: 7 });
      assert.equal((await octokit.rest.repos.get({ owner, repo })).status, 200);
      const failed = await failure(octokit.rest.repos.get({ owner, repo }));
      assert.equal(failed.status, status);
      if (kind === 'secondary-rate-limit') {
        assert.equal(failed.headers['retry-after'], '7');
        assert.match(failed.data.message ?? '', /secondary rate limit/);
      }
      if (kind === 'rate-limit') assert.equal(failed.headers['x-ratelimit-remaining'], '0');
      assert.equal((await octokit.rest.repos.get({ owner, repo })).status, 200);
    });
  }

  test('a dropped connection surfaces as a network error, with no HTTP answer', async () => {
    hub.injectFault({ route, kind: 'drop' });
    const dropped = await failure(octokit.rest.repos.get({ owner, repo }));
    // octokit reports transport failures as status 500 without a response.
    assert.deepEqual([dropped.status, dropped.data], [500, {}]);
    assert.equal(hub.requests().at(-1)?.status, 0);
    assert.equal((await octokit.rest.repos.get({ owner, repo })).status, 200);
  });

  test('"after" faults do the work, then fail the answer', async () => {
    const main = await hub.git(owner, repo, ['rev-parse', 'main']);
    hub.injectFault({ route: 'POST /repos/{owner}/{repo}/git/refs', kind: 'drop', when: 'after' });
    await assert.rejects(octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/after-drop', sha: main }));
    assert.equal(await hub.git(owner, repo, ['rev-parse', 'after-drop']), main);
  });

  test('octokit with the retry and throttling plugins gets through a 502 and a secondary rate limit', async () => {
    const Resilient = Octokit.plugin(retry, throttling);
    const client = new Resilient({
      baseUrl: hub.url,
      auth: 'writer-token',
      log: quiet,
      retry: { retryAfterBaseValue: 10 },
      throttle: { onRateLimit: () => true, onSecondaryRateLimit: () => true },
    });
    hub.resetCalls();
    hub.injectFault({ method: 'GET', route: '/repos/{owner}/{repo}', kind: '502' });
    hub.injectFault({ route, nth: 2, kind: 'secondary-rate-limit', retryAfter: 1 });
    assert.equal((await client.rest.repos.get({ owner, repo })).status, 200);
    assert.deepEqual(
      hub.requests().map((request) => request.status),
      [502, 403, 200],
    );
  });
});

describe('fault specs are checked, and overlapping faults queue', () => {
  const post = (body: unknown) =>
    fetch(`${hub.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const refused: Array<[string, unknown, RegExp]> = [
    [
      'an unknown kind',
      { kind: '500', route },
      /fault kind: got "500", expected one of 502, 503, secondary-rate-limit/,
    ],
    [
      'a path instead of a route template',
      { kind: '502', route: 'GET /repos/acme/env' },
      /did you mean "GET \/repos\/\{owner\}\/\{repo\}"\?/,
    ],
    [
      'a route the local GitHub does not serve',
      { kind: '502', route: 'GET /repos/{owner}/{repo}/releases' },
      /fault route: got "GET \/repos\/\{owner\}\/\{repo\}\/releases"/,
    ],
    ['a method the route does not have', { kind: '502', route: 'DELETE /repos/{owner}/{repo}/pulls' }, /fault route/],
    ['a misspelt field', { kind: '502', route, nht: 2 }, /unknown field nht/],
    [
      'a count that is not a positive integer',
      { kind: '502', route, nth: 0 },
      /fault nth: got 0, expected a positive integer/,
    ],
    ['an unknown when', { kind: 'drop', route, when: 'during' }, /fault when/],
    ['not an object', ['502'], /expected a JSON object/],
  ];
  for (const [name, body, message] of refused) {
    test(`POST /_local/faults refuses ${name} with 400 and arms nothing`, async () => {
      const response = await post(body);
      assert.equal(response.status, 400);
      assert.match(((await response.json()) as { message: string }).message, message);
      assert.equal((await octokit.rest.repos.get({ owner, repo })).status, 200);
    });
  }

  test('injectFault throws on the same mistakes', () => {
    assert.throws(() => hub.injectFault({ kind: 'boom' as FaultKind }), /fault kind/);
    assert.throws(() => hub.injectFault({ kind: '502', route: '/repos/acme/env' }), /did you mean/);
  });

  test('a valid spec is armed: 201, and the route may be given as template plus method', async () => {
    const response = await post({ kind: '503', method: 'get', route: '/repos/{owner}/{repo}' });
    assert.equal(response.status, 201);
    assert.equal((await failure(octokit.rest.repos.get({ owner, repo }))).status, 503);
  });

  test('two faults due on the same call fail two calls in injection order, none is lost', async () => {
    hub.resetCalls();
    assert.equal((await post({ kind: '502', route })).status, 201);
    hub.injectFault({ kind: '503', route });
    hub.injectFault({ kind: 'rate-limit', route, nth: 2 });
    assert.equal((await failure(octokit.rest.repos.get({ owner, repo }))).status, 502);
    assert.equal((await failure(octokit.rest.repos.get({ owner, repo }))).status, 503);
    assert.equal((await failure(octokit.rest.repos.get({ owner, repo }))).status, 403);
    assert.equal((await octokit.rest.repos.get({ owner, repo })).status, 200);
    assert.deepEqual(
      hub.requests().map((request) => request.fault ?? request.status),
      ['502', '503', 'rate-limit', 200],
    );
  });
});

describe('call counters', () => {
  test('count per route template, reset, and are served at GET /_local/calls', async () => {
    hub.resetCalls();
    await octokit.rest.repos.get({ owner, repo });
    await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
    await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
    await failure(octokit.request('GET /not/a/github/path'));
    const expected = {
      'GET (unmatched)': 1,
      'GET /repos/{owner}/{repo}': 1,
      'GET /repos/{owner}/{repo}/git/ref/{ref}': 2,
    };
    assert.deepEqual(hub.calls(), expected);
    const served = (await (await fetch(`${hub.url}/_local/calls`)).json()) as { total: number; calls: unknown };
    assert.deepEqual(served, { total: 4, calls: expected });
    hub.resetCalls();
    assert.deepEqual(hub.calls(), {});
  });
});

describe('standalone entry', () => {
  let seeds: string;
  before(async () => {
    seeds = await mkdtemp(join(tmpdir(), 'local-github-seeds-'));
    await mkdir(join(seeds, 'acme', 'environments', 'releases', 'dev'), { recursive: true });
    await writeFile(join(seeds, 'acme', 'environments', 'releases', 'dev', 'app.yaml'), 'image: app:1\n');
    await mkdir(join(seeds, 'acme', 'other'), { recursive: true });
    await writeFile(join(seeds, 'acme', 'other', 'README.md'), 'other\n');
  });
  after(() => rm(seeds, { recursive: true, force: true }));

  /** Starts main.ts with these arguments; resolves with its URL (first stdout line), a stop function, and its exit. */
  async function standalone(args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/local-github/main.ts', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines = createInterface({ input: child.stdout });
    const first = await Promise.race([
      new Promise<string>((resolve) => lines.once('line', resolve)),
      exited.then((code) => Promise.reject(new Error(`local-github exited with ${code} before printing its URL`))),
    ]);
    return { first, exited, stop: () => child.kill('SIGTERM') };
  }

  test('npm run local-github seeds <owner>/<name> folders, prints the URL first and stops on SIGTERM', async () => {
    const { first, exited, stop } = await standalone(['--repos', seeds]);
    try {
      assert.match(first, /^http:\/\/127\.0\.0\.1:\d+$/);
      const client = new Octokit({ baseUrl: first, auth: 'whatever', log: quiet });
      const content = await client.rest.repos.getContent({
        owner: 'acme',
        repo: 'environments',
        path: 'releases/dev/app.yaml',
      });
      assert.equal(
        Buffer.from((content.data as { content: string }).content, 'base64').toString('utf8'),
        'image: app:1\n',
      );
      const calls = (await (await fetch(`${first}/_local/calls`)).json()) as { calls: Record<string, number> };
      assert.deepEqual(calls.calls, { 'GET /repos/{owner}/{repo}/contents/{path}': 1 });
    } finally {
      stop();
    }
    assert.equal(await exited, 0);
  });

  const statusOf = (promise: Promise<{ status: number }>) =>
    promise.then(
      (response) => response.status,
      (error: { status: number }) => error.status,
    );

  for (const [form, tokens] of [
    ['a list', () => Promise.resolve('ghs_env=acme/environments,ghs_ro=acme/environments:read,ghs_other=acme/other')],
    [
      'a JSON file',
      async () => {
        const file = join(seeds, 'tokens.json');
        await writeFile(
          file,
          JSON.stringify({
            ghs_env: { login: 'env-bot', repos: ['acme/environments'] },
            ghs_ro: { repos: ['acme/environments'], permission: 'read' },
            ghs_other: { repos: ['acme/other'] },
          }),
        );
        return file;
      },
    ],
  ] as const) {
    test(`--tokens as ${form}: 404 for a repository the token cannot see, 401 for others, 403 for read-only writes`, async () => {
      const { first, exited, stop } = await standalone(['--repos', seeds, '--tokens', await tokens()]);
      try {
        const as = (auth?: string) => new Octokit({ baseUrl: first, log: quiet, ...(auth ? { auth } : {}) });
        const env = { owner: 'acme', repo: 'environments' };
        assert.equal(await statusOf(as('ghs_env').rest.repos.get(env)), 200);
        assert.equal(await statusOf(as('ghs_other').rest.repos.get(env)), 404);
        assert.equal(await statusOf(as('ghs_other').rest.repos.get({ owner: 'acme', repo: 'other' })), 200);
        assert.equal(await statusOf(as('ghs_unknown').rest.repos.get(env)), 401);
        assert.equal(await statusOf(as().rest.repos.get(env)), 401);
        assert.equal(await statusOf(as('ghs_ro').rest.repos.createDispatchEvent({ ...env, event_type: 'x' })), 403);
        assert.equal(await statusOf(as('ghs_env').rest.repos.createDispatchEvent({ ...env, event_type: 'x' })), 204);
      } finally {
        stop();
      }
      assert.equal(await exited, 0);
    });
  }

  test('a malformed --tokens stops the server with a message', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tools/local-github/main.ts', '--tokens', 'ghs_a=acme:admin'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /--tokens: ghs_a: got repository "acme", expected owner\/name/);
  });

  test('--collaborators: reviewers outside the list get 422', async () => {
    const { first, exited, stop } = await standalone(['--repos', seeds, '--collaborators', 'alice,acme/platform']);
    try {
      const client = new Octokit({ baseUrl: first, auth: 'x', log: quiet });
      const env = { owner: 'acme', repo: 'environments' };
      const main = await client.rest.git.getRef({ ...env, ref: 'heads/main' });
      await client.rest.git.createRef({ ...env, ref: 'refs/heads/b', sha: main.data.object.sha });
      const parent = await client.rest.git.getCommit({ ...env, commit_sha: main.data.object.sha });
      const file = await client.rest.git.createTree({
        ...env,
        base_tree: parent.data.tree.sha,
        tree: [{ path: 'x.txt', mode: '100644', type: 'blob', content: 'x' }],
      });
      const commit = await client.rest.git.createCommit({
        ...env,
        message: 'x',
        tree: file.data.sha,
        parents: [main.data.object.sha],
      });
      await client.rest.git.updateRef({ ...env, ref: 'heads/b', sha: commit.data.sha });
      const pull = await client.rest.pulls.create({ ...env, head: 'b', base: 'main', title: 'T' });
      const request = (reviewers: string[], team_reviewers: string[] = []) =>
        statusOf(
          client.rest.pulls.requestReviewers({ ...env, pull_number: pull.data.number, reviewers, team_reviewers }),
        );
      assert.equal(await request(['bob']), 422);
      assert.equal(await request(['alice'], ['platform']), 201);
    } finally {
      stop();
    }
    assert.equal(await exited, 0);
  });
});
