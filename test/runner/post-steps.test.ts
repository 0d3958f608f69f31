// The committed apply and validate bundles with their post steps, as the runner runs them, without a
// cluster: recording fakes of kubectl, kind and docker on PATH. The kubeconfig lives under RUNNER_TEMP
// with mode 0600 only while the step runs; the post step removes it (also when the main step was
// killed) and deletes the kind cluster, also after a failure; a kubectl whose SHA-256 is not the pinned
// one is refused and nothing enters the tool cache.
import assert from 'node:assert/strict';
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
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../../tools/runner/harness.js';

const KUBECONFIG = `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: u, user: {token: post-step-kube-token-0a1b2c3d4e5f}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`;
const scratch = mkdtempSync(join(tmpdir(), 'post-steps-'));
const record = join(scratch, 'calls');
const bin = join(scratch, 'bin');
let server: Server;
let base = '';
let downloads = 0;

function fake(name: string, body: string): void {
  writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${record}\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}
/** kubectl that records the mode and the text of the kubeconfig it is given, then does `then`. */
function fakeKubectl(then: string): void {
  fake(
    'kubectl',
    `for a in "$@"; do case "$a" in --kubeconfig=*) f="\${a#--kubeconfig=}"; echo "mode $(stat -c %a "$f")" >> ${record}; cp "$f" ${scratch}/seen-kubeconfig;; esac; done\n${then}`,
  );
}

function workspace(): string {
  const dir = mkdtempSync(join(scratch, 'ws-'));
  const files: Record<string, string> = {
    '.github/promotion.yml': `environments:\n  - {name: dev, path: releases/dev, tags: "glob:*"}\napps:\n  web: {image: registry.k8s.io/pause}\n`,
    'releases/dev/web.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: dev}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: app, image: "registry.k8s.io/pause:3.10"}]\n`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

before(async () => {
  mkdirSync(bin, { recursive: true });
  server = createServer((request, response) => {
    downloads++;
    response.end(request.url?.endsWith('/kubectl-linux-amd64') ? '#!/bin/sh\necho not the real kubectl\n' : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
});

const env = () => ({ PATH: `${bin}:${process.env.PATH ?? ''}` });
const kubeFolders = (files: string[]) => files.filter((file) => file.startsWith('gitops-promote-kube-'));

describe('apply: the kubeconfig and the post step', () => {
  test('written 0600 under RUNNER_TEMP while the step runs; a killed step leaves it, the post step removes it', async () => {
    writeFileSync(record, '');
    fakeKubectl('exec sleep 30 >/dev/null 2>&1 </dev/null');
    const run = await runAction('apply', {
      workspace: workspace(),
      inputs: { kubeconfig: KUBECONFIG, environment: 'dev' },
      env: env(),
      post: true,
      killMainAfterMs: 4000,
      timeoutMs: 60_000,
    });
    assert.ok(run.killed, run.stdout + run.stderr);
    assert.match(readFileSync(record, 'utf8'), /^mode 600$/m);
    assert.equal(readFileSync(join(scratch, 'seen-kubeconfig'), 'utf8'), KUBECONFIG);
    assert.deepEqual(
      kubeFolders(run.runnerTempFiles).map((file) => file.replace(/-kube-\w+\//, '-kube-*/')),
      ['gitops-promote-kube-*/kubeconfig'],
    );
    assert.equal(run.post?.exitCode, 0, run.post?.stdout);
    assert.deepEqual(kubeFolders(run.post?.runnerTempFiles ?? []), []);
  });

  test('through the root action (command: apply) the post step removes the kubeconfig too', async () => {
    writeFileSync(record, '');
    fakeKubectl('exec sleep 30 >/dev/null 2>&1 </dev/null');
    const run = await runAction('main', {
      workspace: workspace(),
      inputs: { command: 'apply', kubeconfig: KUBECONFIG, environment: 'dev' },
      env: env(),
      post: true,
      killMainAfterMs: 4000,
      timeoutMs: 60_000,
    });
    assert.ok(run.killed, run.stdout + run.stderr);
    assert.equal(kubeFolders(run.runnerTempFiles).length, 1, 'the killed main step left its kubeconfig folder');
    assert.equal(run.post?.exitCode, 0, run.post?.stdout);
    assert.match(run.post?.stdout ?? '', /command apply \(post step\)/);
    assert.deepEqual(kubeFolders(run.post?.runnerTempFiles ?? []), []);
  });

  test('through the root action, a command without a post step (tag) does nothing in the post step', async () => {
    const run = await runAction('main', {
      workspace: workspace(),
      inputs: { command: 'tag', image: 'ghcr.io/acme/web' },
      ref: 'refs/heads/dev',
      sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      post: true,
    });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.ok(run.outputs.tag, 'the main step ran tag');
    assert.equal(run.post?.exitCode, 0, run.post?.stdout);
    assert.doesNotMatch(run.post?.stdout ?? '', /tag|::/, 'the post step neither runs tag again nor says anything');
  });

  test('after a failed apply the kubeconfig is already gone; the post step succeeds with nothing left to do', async () => {
    writeFileSync(record, '');
    fakeKubectl('echo "error: connection refused" >&2; exit 1');
    const run = await runAction('apply', {
      workspace: workspace(),
      inputs: { kubeconfig: KUBECONFIG, environment: 'dev' },
      env: env(),
      post: true,
    });
    assert.equal(run.exitCode, 1, run.stdout);
    assert.match(run.stdout, /::error::apply: kubectl apply failed: error: connection refused/);
    assert.deepEqual(kubeFolders(run.runnerTempFiles), []);
    assert.equal(run.post?.exitCode, 0);
    const shown = `${run.stdout}${run.post?.stdout ?? ''}`.replace(/^::add-mask::.*$/gm, '');
    assert.ok(!shown.includes('post-step-kube-token'), 'the kubeconfig token never appears');
  });

  test('a kubectl whose SHA-256 is not the pinned one is refused, nothing applied, nothing cached', async () => {
    const toolCache = join(scratch, 'tool-cache');
    const before = downloads;
    const run = await runAction('apply', {
      workspace: workspace(),
      inputs: { kubeconfig: KUBECONFIG, environment: 'dev', 'kubectl-version': 'v1.34.1' },
      env: { ...env(), RUNNER_TOOL_CACHE: toolCache, GITOPS_PROMOTE_TEST_DOWNLOAD_URL: base },
      post: true,
    });
    assert.equal(run.exitCode, 1);
    assert.ok(downloads > before, 'the download was served');
    assert.match(
      run.stdout,
      /::error::apply: infrastructure failure, nothing was applied: kubectl v1\.34\.1 from http:\/\/127\.0\.0\.1:\d+\/kubectl\/v1\.34\.1\/kubectl-linux-amd64 has SHA-256 [0-9a-f]{64}, expected 7721f265e18709862655affba5343e85e1980639395d5754473dafaadcaa69e3: not installed/,
    );
    assert.equal(run.outputs.result, 'failure');
    assert.deepEqual(existsSync(toolCache) ? readdirSync(toolCache) : [], []);
    assert.deepEqual(run.runnerTempFiles, [], 'neither the download nor a kubeconfig is left');
  });
});

describe('validate cluster kind: the post step deletes the cluster, also after a failure', () => {
  test('the cluster stage fails; the post step deletes the cluster and the kubeconfig is gone', async () => {
    writeFileSync(record, '');
    fake('kind', '');
    fake('docker', 'exit 0');
    fakeKubectl('echo "error: the server rejected it" >&2; exit 1');
    const run = await runAction('validate', {
      workspace: workspace(),
      inputs: { cluster: 'kind', 'kind-version': 'preinstalled', 'kubectl-version': 'preinstalled', comment: 'false' },
      env: env(),
      post: true,
    });
    assert.equal(run.exitCode, 1, run.stdout);
    assert.equal(run.outputs.result, 'failed');
    assert.deepEqual(kubeFolders(run.runnerTempFiles), []);
    assert.equal(run.post?.exitCode, 0, run.post?.stdout);
    const calls = readFileSync(record, 'utf8').split('\n').filter(Boolean);
    assert.match(calls[0]!, /^kind create cluster --name=gitops-promote /);
    assert.equal(calls.at(-1), 'kind delete cluster --name=gitops-promote');
  });
});

describe('outputs and state without node:crypto', () => {
  // Preloaded with --require: at exit, a line naming which of node:crypto and node:child_process the
  // process loaded.
  const recorder = join(scratch, 'crypto-recorder.cjs');
  const loaded = join(scratch, 'crypto-loaded');
  writeFileSync(
    recorder,
    `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(loaded)}, ['crypto', 'child_process'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m)).join(' ') + '.\\n'));\n`,
  );
  const recorded = () => ({ ...env(), NODE_OPTIONS: `--require ${recorder}` });

  test('apply saves its state and sets its outputs, and its post step runs, without ever loading it', async () => {
    writeFileSync(record, '');
    writeFileSync(loaded, '');
    fakeKubectl('echo "error: connection refused" >&2; exit 1');
    const run = await runAction('apply', {
      workspace: workspace(),
      inputs: { kubeconfig: KUBECONFIG, environment: 'dev' },
      env: recorded(),
      post: true,
    });
    assert.equal(run.outputs.result, 'failure', run.stdout);
    assert.match(run.state['kubeconfig-dir'] ?? '', /gitops-promote-kube-/);
    assert.equal(run.state['post'], 'true');
    assert.equal(run.post?.exitCode, 0, run.post?.stdout);
    assert.equal(readFileSync(loaded, 'utf8'), 'child_process.\n.\n', 'the main step (kubectl), then the post step');
  });

  test('validate (no cluster) sets its outputs without loading it, nor node:child_process', async () => {
    writeFileSync(loaded, '');
    const run = await runAction('validate', {
      workspace: workspace(),
      inputs: { cluster: 'none', comment: 'false' },
      env: recorded(),
    });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.result, 'passed');
    assert.equal(readFileSync(loaded, 'utf8'), '.\n');
  });
});
