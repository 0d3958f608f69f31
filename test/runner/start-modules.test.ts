// What a bundle loads before its first request: node:https (with tls and crypto's TLS half) costs about
// as much as bare node's start, and only an https URL needs it. @actions/core's OIDC client would load
// it with the bundle (see src/bundle/actions-http-client.ts), so this runs bundles as the runner does,
// against the local GitHub over http, and records Node's module list at the first request. The
// loader takes built-ins from process.getBuiltinModule (scripts/bundle-start.mjs): a public load of
// node:fs reads all its exports, fs.promises and the stream classes among them, which loads those.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction } from '../../tools/runner/harness.js';

const TOKEN = 'ghs_environmentWriterToken0001';
const SHA = '4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70';

// Preloaded with --require: at the first HTTP request of the process, write the builtins loaded so far
// and, after the module list, a line for each timer set until then by code outside Node, and one
// when anything asked for process.stdout. It takes its
// own built-ins as the loader does, so that it loads nothing the bundle would not.
const RECORDER = `const fs = process.getBuiltinModule('node:fs');
let written = false;
const timers = [];
// A timer that code outside Node sets (the socket's own idle timeout is Node's, and no wait).
const hook = process.getBuiltinModule('node:async_hooks').createHook({
  init(id, type) {
    if (type !== 'Timeout') return;
    const frames = new Error('timer').stack.split('\\n').slice(1);
    const caller = frames.find((line) => !/AsyncHook\\.init|node:internal\\/(async_hooks|timers)|node:timers/.test(line));
    if (caller && !caller.includes('(node:')) timers.push(caller.trim());
  },
});
hook.enable();
// Whether anything asked for process.stdout (the loader writes the log to fd 1 until then).
let stdoutAsked = false;
const stdoutDescriptor = Object.getOwnPropertyDescriptor(process, 'stdout');
Object.defineProperty(process, 'stdout', { ...stdoutDescriptor, get() { stdoutAsked = true; return stdoutDescriptor.get.call(process); } });
process.getBuiltinModule('node:diagnostics_channel').subscribe('http.client.request.start', () => {
  if (written) return;
  written = true;
  hook.disable();
  const lines = [...process.moduleLoadList, ...timers.map((stack) => 'timer ' + stack), ...(stdoutAsked ? ['process.stdout'] : [])];
  fs.writeFileSync(process.env.MODULES_FILE, lines.join('\\n'));
});
`;

let github: LocalGitHub;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'start-modules-'));
  writeFileSync(join(dir, 'recorder.cjs'), RECORDER);
  github = await startLocalGitHub({ tokens: { [TOKEN]: { repos: ['acme/env'] } } });
  await github.createRepository('acme', 'env', { 'README.md': '# environments\n' });
});

after(async () => {
  await github.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a bundle at its first request to an http URL', () => {
  for (const action of ['dispatch', 'main'] as const) {
    test(`${action === 'main' ? 'the root action (command: dispatch)' : action} has not loaded node:https nor set a timer`, async () => {
      const modulesFile = join(dir, `${action}.txt`);
      const run = await runAction(action, {
        apiUrl: github.url,
        repository: 'acme/web',
        ref: 'refs/tags/v0.4.10',
        sha: SHA,
        event: { ref: 'refs/tags/v0.4.10', head_commit: { id: SHA, timestamp: '2023-11-14T22:13:20Z' } },
        env: { NODE_OPTIONS: `--require ${join(dir, 'recorder.cjs')}`, MODULES_FILE: modulesFile },
        inputs: {
          ...(action === 'main' && { command: 'dispatch' }),
          token: TOKEN,
          repository: 'acme/env',
          app: 'web',
          image: 'ghcr.io/acme/web',
          tag: '0.4.10',
        },
      });
      assert.equal(run.exitCode, 0, `${run.stdout}\n${run.stderr}`);
      const modules = readFileSync(modulesFile, 'utf8').split('\n');
      assert.ok(modules.includes('NativeModule http'), 'the request went through node:http');
      for (const name of ['https', 'tls', '_tls_wrap']) {
        assert.ok(!modules.includes(`NativeModule ${name}`), `node:${name} was loaded before the first request`);
      }
      // What node:fs's exports would load if read all at once (its ES module facade, made by import
      // or require of node:fs): the file streams, and fs.promises.
      // node:module too (with the source-map support it loads): only a require of something that is not
      // a built-in needs it, and the Go regexp engine outside a bundle.
      for (const name of ['internal/fs/streams', 'internal/fs/promises', 'module']) {
        assert.ok(!modules.includes(`NativeModule ${name}`), `${name} was loaded before the first request`);
      }
      // The log lines before it (the token's mask, at least) went to fd 1 without making the stream.
      assert.ok(run.stdout.includes('::add-mask::'), run.stdout);
      assert.ok(!modules.includes('process.stdout'), 'process.stdout was made before the first request');
      // The request's limiters (src/github/scheduler.ts) start it without a timer: Bottleneck, which
      // the plugins import, set one several times per limiter, each a millisecond or more of waiting.
      const timers = modules.filter((line) => line.startsWith('timer '));
      assert.deepEqual(timers, [], 'timers were set before the first request');
    });
  }
});
