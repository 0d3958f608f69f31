// kind's install through @actions/tool-cache, served from 127.0.0.1: the SHA-256 decides.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { DEFAULT_KUBERNETES_VERSION } from '../../src/core/validate/index.js';
import { InfrastructureError, installKind, PREINSTALLED } from '../../src/kube/kind.js';

const BINARY = Buffer.from('#!/bin/sh\necho kind v0.0.1\n');
const GOOD = createHash('sha256').update(BINARY).digest('hex');
const scratch = mkdtempSync(join(tmpdir(), 'kind-install-'));
let server: Server;
let base = '';
let downloads = 0;

before(async () => {
  process.env.RUNNER_TEMP = join(scratch, 'temp');
  process.env.RUNNER_TOOL_CACHE = join(scratch, 'cache');
  server = createServer((request, response) => {
    downloads++;
    if (request.url?.endsWith('/kind-linux-amd64')) response.end(BINARY);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('kind install', () => {
  test('a download with the pinned SHA-256 is cached and found again without a download', async () => {
    const releases = { 'v0.0.1': { sha256: GOOD } };
    const path = await installKind('v0.0.1', { baseUrl: base, releases });
    assert.deepEqual(readFileSync(path), BINARY);
    const before = downloads;
    assert.equal(await installKind('v0.0.1', { baseUrl: base, releases }), path);
    assert.equal(downloads, before, 'the second install came from the tool cache');
  });

  test('a different SHA-256 is refused, as an infrastructure failure naming both sums', async () => {
    const releases = { 'v0.0.2': { sha256: 'f'.repeat(64) } };
    await assert.rejects(installKind('v0.0.2', { baseUrl: base, releases }), (error: unknown) => {
      assert.ok(error instanceof InfrastructureError);
      assert.match(error.message, new RegExp(`SHA-256 ${GOOD}, expected f{64}: not installed`));
      return true;
    });
  });

  test('an unpinned version is a user error listing the pinned ones; preinstalled uses PATH', async () => {
    await assert.rejects(
      installKind('v9.9.9'),
      /kind-version: got "v9\.9\.9", expected one of v0\.30\.0, preinstalled/,
    );
    assert.equal(await installKind(PREINSTALLED), 'kind');
  });
});

test("the validate action's default node image is pinned by digest, at the Kubernetes minor the static stage checks", () => {
  const action = parse(readFileSync(new URL('../../actions/validate/action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const image = action.inputs['kind-node-image']?.default ?? '';
  const match = /^kindest\/node:v(\d+\.\d+)\.\d+@sha256:[0-9a-f]{64}$/.exec(image);
  assert.ok(match, `not pinned by digest: ${image}`);
  assert.equal(match[1], DEFAULT_KUBERNETES_VERSION);
});
