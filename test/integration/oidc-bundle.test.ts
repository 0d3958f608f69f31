// The bundles build @actions/http-client from a stand-in that loads the real client at its first
// request (src/bundle/actions-http-client.ts, the `paths` entry in tsconfig.json), so that no bundle
// loads node:https for @actions/core's OIDC client at start. This bundles an action that does call
// core.getIDToken, with ncc and the build's options, and runs it against a local token endpoint.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

const root = new URL('../..', import.meta.url).pathname;
const seen: { url: string | undefined; headers: IncomingHttpHeaders }[] = [];
const server = createServer((request, response) => {
  seen.push({ url: request.url, headers: request.headers });
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ value: 'id-token-0001' }));
});
let out = '';

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'oidc-bundle-'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(() => {
  server.close();
  rmSync(out, { recursive: true, force: true });
});

test('a bundle that asks for the OIDC token loads the HTTP client then, and gets the token', async () => {
  const build = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      'test/integration/fixtures/oidc-probe.ts',
      '-o',
      out,
      '--minify',
      '--no-source-map-register',
      '--quiet',
      '--target',
      'es2022',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(build.status, 0, build.stderr);
  const port = (server.address() as AddressInfo).port;
  // Not spawnSync: the token endpoint answers from this process.
  const run = await promisify(execFile)(process.execPath, [join(out, 'index.js')], {
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'],
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-0002',
    },
  });
  const lines = run.stdout.trim().split('\n');
  assert.deepEqual(JSON.parse(lines.at(-1) ?? ''), { httpsAtStart: false, token: 'id-token-0001' });
  assert.ok(lines.includes('::add-mask::id-token-0001'), run.stdout);
  assert.deepEqual(
    seen.map((request) => request.url),
    ['/token?api-version=2.0&audience=gitops-promote'],
  );
  assert.equal(seen[0]?.headers.authorization, 'Bearer request-token-0002');
  assert.equal(seen[0]?.headers['user-agent'], 'actions/oidc-client');
});
