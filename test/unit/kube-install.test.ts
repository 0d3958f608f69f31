// kind and kubectl installs through @actions/tool-cache, served from 127.0.0.1 through the test-only
// download URL: the pinned SHA-256 decides, a refused binary is never cached.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as tc from '@actions/tool-cache';
import { parse } from 'yaml';
import { DEFAULT_KUBERNETES_VERSION } from '../../src/core/validate/index.js';
import {
  DEFAULT_KUBECTL_VERSION,
  DOWNLOAD_URL_ENV,
  downloadUrl,
  InfrastructureError,
  installTool,
  PINS,
  PREINSTALLED,
  resolveKind,
  resolveKubectl,
} from '../../src/kube/install.js';

const BINARY = Buffer.from('#!/bin/sh\necho fake v0.0.1\n');
const GOOD = createHash('sha256').update(BINARY).digest('hex');
const scratch = mkdtempSync(join(tmpdir(), 'kube-install-'));
const cacheDir = join(scratch, 'cache');
const tempDir = join(scratch, 'temp');
let server: Server;
let env: NodeJS.ProcessEnv;
const served: string[] = [];

before(async () => {
  process.env.RUNNER_TEMP = tempDir;
  process.env.RUNNER_TOOL_CACHE = cacheDir;
  server = createServer((request, response) => {
    served.push(request.url ?? '');
    if (/^\/(kind|kubectl)\/[^/]+\/(kind|kubectl)-linux-(amd64|arm64)$/.test(request.url ?? '')) response.end(BINARY);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  env = {
    [DOWNLOAD_URL_ENV]: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    PATH: '',
  };
});
after(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

const cachedVersions = (tool: string) => (existsSync(join(cacheDir, tool)) ? readdirSync(join(cacheDir, tool)) : []);

describe('pinned installs', () => {
  test('the official URLs, and the test-only base URL when it is set', () => {
    assert.equal(
      downloadUrl('kubectl', 'v1.34.1', 'arm64', {}),
      'https://dl.k8s.io/release/v1.34.1/bin/linux/arm64/kubectl',
    );
    assert.equal(
      downloadUrl('kind', 'v0.30.0', 'amd64', {}),
      'https://github.com/kubernetes-sigs/kind/releases/download/v0.30.0/kind-linux-amd64',
    );
    assert.equal(
      downloadUrl('kind', 'v0.30.0', 'amd64', { [DOWNLOAD_URL_ENV]: 'http://h/' }),
      'http://h/kind/v0.30.0/kind-linux-amd64',
    );
    for (const [tool, versions] of Object.entries(PINS)) {
      for (const [version, sums] of Object.entries(versions)) {
        assert.match(sums.amd64 ?? '', /^[0-9a-f]{64}$/, `${tool} ${version} amd64`);
        assert.match(sums.arm64 ?? '', /^[0-9a-f]{64}$/, `${tool} ${version} arm64`);
      }
    }
  });

  test('a download with the pinned SHA-256 is cached and found again without a download', async () => {
    const pins = { 'v0.0.1': { amd64: GOOD } };
    const path = await installTool('kind', 'v0.0.1', { pins, arch: 'amd64', env });
    assert.deepEqual(readFileSync(path), BINARY);
    assert.equal(tc.find('kind', '0.0.1', 'amd64'), join(path, '..'));
    const before = served.length;
    assert.equal(await installTool('kind', 'v0.0.1', { pins, arch: 'amd64', env }), path);
    assert.equal(served.length, before, 'the second install came from the tool cache');
  });

  test('a cached binary that no longer has its SHA-256 is not run: it is downloaded again', async () => {
    const pins = { 'v0.0.3': { arm64: GOOD } };
    const path = await installTool('kubectl', 'v0.0.3', { pins, arch: 'arm64', env });
    writeFileSync(path, 'tampered');
    const before = served.length;
    assert.equal(await installTool('kubectl', 'v0.0.3', { pins, arch: 'arm64', env }), path);
    assert.equal(served.length, before + 1);
    assert.deepEqual(readFileSync(path), BINARY);
  });

  test('a different SHA-256 is refused as an infrastructure failure naming both sums; nothing is cached', async () => {
    const pins = { 'v0.0.2': { amd64: 'f'.repeat(64) } };
    await assert.rejects(installTool('kubectl', 'v0.0.2', { pins, arch: 'amd64', env }), (error: unknown) => {
      assert.ok(error instanceof InfrastructureError);
      assert.match(
        error.message,
        new RegExp(
          `kubectl v0\\.0\\.2 from http://127\\.0\\.0\\.1:\\d+/kubectl/v0\\.0\\.2/kubectl-linux-amd64 has SHA-256 ${GOOD}, expected f{64}: not installed`,
        ),
      );
      return true;
    });
    assert.equal(tc.find('kubectl', '0.0.2', 'amd64'), '');
    assert.ok(!cachedVersions('kubectl').includes('0.0.2'), 'no cache entry');
    assert.deepEqual(existsSync(tempDir) ? readdirSync(tempDir) : [], [], 'the refused download is removed');
  });

  test('the default kubectl pin is the real one: the fake binary served for it is refused', async () => {
    await assert.rejects(resolveKubectl(undefined, { arch: 'amd64', env }), (error: unknown) => {
      assert.ok(error instanceof InfrastructureError);
      assert.ok(error.message.includes(`expected ${PINS.kubectl[DEFAULT_KUBECTL_VERSION]!.amd64}`));
      return true;
    });
    assert.ok(!cachedVersions('kubectl').includes(DEFAULT_KUBECTL_VERSION.slice(1)));
    await assert.rejects(resolveKind('v0.30.0', { arch: 'arm64', env }), /expected 7ea2de9d/);
    assert.deepEqual(cachedVersions('kind'), ['0.0.1']);
  });

  test("kubectl: PATH's when there is one and no version is asked; preinstalled; unpinned versions are user errors", async () => {
    const bin = join(scratch, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'kubectl'), '#!/bin/sh\n');
    chmodSync(join(bin, 'kubectl'), 0o755);
    assert.equal(await resolveKubectl(undefined, { env: { ...env, PATH: bin } }), 'kubectl');
    assert.equal(await resolveKubectl(PREINSTALLED, { env }), 'kubectl');
    assert.equal(await resolveKind(PREINSTALLED, { env }), 'kind');
    await assert.rejects(
      resolveKubectl('v9.9.9', { env, arch: 'amd64' }),
      /kubectl-version: got "v9\.9\.9", expected one of v1\.34\.1, preinstalled/,
    );
    await assert.rejects(
      resolveKind('v9.9.9', { env }),
      /kind-version: got "v9\.9\.9", expected one of v0\.30\.0, preinstalled/,
    );
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
  assert.equal(
    DEFAULT_KUBECTL_VERSION.replace(/^v(\d+\.\d+)\.\d+$/, '$1'),
    DEFAULT_KUBERNETES_VERSION,
    'kubectl at the same minor',
  );
});
