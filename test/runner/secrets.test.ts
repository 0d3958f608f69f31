// Secrets never leave: apply and validate run as the runner runs them with a known kubeconfig (a token
// user), a known GitHub token and a known Secret value, both in git (a plain Secret, refused) and in
// the cluster (a live Secret whose last-applied-configuration holds the value, read by a workload that
// fails its rollout so diagnostics are collected). Every byte a person or a later step can read is
// scanned: stdout and stderr of the main and post steps (the runner's own ::add-mask:: lines aside),
// the job summary, the outputs, the PR comment and the files of the report folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { CRASH_LOOP_LABEL } from '../../tools/local-cluster/cluster.js';
import { clusterForTests } from '../../tools/local-cluster/for-tests.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction, type ActionRun } from '../../tools/runner/harness.js';

const TOKEN = 'ghs_secretsScanToken5f4e3d2c1b0a9988';
const KUBE_TOKEN = 'kube-token-secrets-scan-77aa66bb55cc';
const SECRET_VALUE = 'correct-horse-battery-staple-31415';
const SECRETS = [TOKEN, KUBE_TOKEN, SECRET_VALUE, Buffer.from(SECRET_VALUE).toString('base64')];
const got = await clusterForTests();
const skip = 'skip' in got ? got.skip : false;
const cluster = 'cluster' in got ? got.cluster : undefined;
const ns = `sec-${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
const scratch = mkdtempSync(join(tmpdir(), 'secrets-scan-'));
let github: LocalGitHub;
let pull = 0;
let head = '';

before(async () => {
  github = await startLocalGitHub();
  await github.createRepository('acme', 'env', { 'README.md': '# env\n' });
  head = await github.pushCommit('acme', 'env', { branch: 'bump', files: { 'a.yaml': 'a: 1\n' } });
  const response = await fetch(`${github.url}/repos/acme/env/pulls`, {
    method: 'POST',
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ head: 'bump', base: 'main', title: 'bump web' }),
  });
  pull = ((await response.json()) as { number: number }).number;
  if (!cluster) return;
  // The live Secret, applied client-side so that its last-applied-configuration annotation holds the value.
  for (const namespace of [`${ns}-v`, `${ns}-a`]) {
    const manifest = `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${namespace}}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: ${namespace}}\nstringData: {password: ${SECRET_VALUE}}\n`;
    const created: { status: number | null; stderr: string } = spawnSync(
      cluster.kubectl,
      [`--kubeconfig=${cluster.kubeconfig}`, 'apply', '-f', '-'],
      {
        input: manifest,
        encoding: 'utf8',
      },
    );
    assert.equal(created.status, 0, created.stderr);
  }
});
after(async () => {
  await github.stop();
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function kubeconfig(): string {
  const config = parse(readFileSync(cluster!.kubeconfig, 'utf8')) as { users?: unknown[] };
  config.users = [...(config.users ?? []), { name: 'unused', user: { token: KUBE_TOKEN } }];
  return stringify(config);
}

/** An environment repository: a Secret without values (theirs live in the cluster) and a workload reading it. */
function environment(name: string, namespace: string, extra = ''): string {
  const dir = join(scratch, name);
  const files: Record<string, string> = {
    '.github/promotion.yml': `environments:\n  - {name: dev, path: releases/dev, tags: "glob:*"}\napps:\n  web: {image: registry.k8s.io/pause}\n`,
    'releases/dev/creds.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: ${namespace}}\ntype: Opaque\n`,
    'releases/dev/web.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: ${JSON.stringify({ app: 'web', [CRASH_LOOP_LABEL.key]: CRASH_LOOP_LABEL.value })}\n    spec:\n      containers:\n        - name: app\n          image: "registry.k8s.io/pause:3.10"\n          env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}]\n`,
    ...(extra ? { 'releases/dev/plain.yaml': extra } : {}),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const plainSecret = (namespace: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata: {name: plain, namespace: ${namespace}}\nstringData: {password: ${SECRET_VALUE}}\n`;

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  } catch {
    return [];
  }
}

/** Every byte of what a run leaves readable; the ::add-mask:: lines are the runner's, never shown. */
function readable(run: ActionRun, runnerTemp: string): string {
  const unmasked = (text: string) => text.replace(/^::add-mask::.*$/gm, '');
  const comments = github
    .repository('acme', 'env')!
    .comments.filter((c) => c.issueNumber === pull)
    .map((c) => c.body);
  return [
    unmasked(run.stdout),
    run.stderr,
    unmasked(run.post?.stdout ?? ''),
    run.post?.stderr ?? '',
    run.summary,
    JSON.stringify(run.outputs),
    ...comments,
    ...filesUnder(runnerTemp),
  ].join('\n');
}
function assertNoSecret(run: ActionRun, runnerTemp: string): void {
  const text = readable(run, runnerTemp);
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret.slice(0, 6)}… appeared`);
  for (const line of kubeconfig()
    .split('\n')
    .filter((l) => l.trim().length >= 8)) {
    if (/token|client-key|password/.test(line)) assert.ok(!text.includes(line.trim()), 'a kubeconfig credential line');
  }
}

describe('secrets never appear', { skip }, () => {
  const path = () => ({ PATH: `${dirname(cluster!.kubectl)}:${process.env.PATH ?? ''}` });

  for (const [title, extra] of [
    ['validate: the Secret value in the cluster, a failing rollout with diagnostics', false],
    ['validate: the Secret value in git too (a plain Secret, refused)', true],
  ] as const) {
    test(title, async () => {
      const runnerTemp = mkdtempSync(join(scratch, 'temp-'));
      const run = await runAction('validate', {
        workspace: environment(`v-${extra}`, `${ns}-v`, extra ? plainSecret(`${ns}-v`) : ''),
        inputs: { cluster: 'existing', kubeconfig: kubeconfig(), timeout: '6', environment: 'dev' },
        env: { ...path(), RUNNER_TEMP: runnerTemp },
        token: TOKEN,
        apiUrl: github.url,
        repository: 'acme/env',
        eventName: 'pull_request',
        event: { pull_request: { number: pull, head: { sha: head } } },
        post: true,
        timeoutMs: 120_000,
      });
      assert.equal(run.outputs.result, 'failed', run.stdout);
      if (!extra && cluster!.source === 'local') {
        assert.ok(run.outputs['report-path'], 'diagnostics were collected, and are scanned');
        assert.ok(filesUnder(run.outputs['report-path']!).join('').includes('## describe'));
      }
      assertNoSecret(run, runnerTemp);
    });
  }

  test('apply, its drift mode, and an apply refused for a plain Secret', async () => {
    const runnerTemp = mkdtempSync(join(scratch, 'temp-'));
    const apply = (workspace: string, inputs: Record<string, string>) =>
      runAction('apply', {
        workspace,
        inputs: { kubeconfig: kubeconfig(), environment: 'dev', timeout: '6', ...inputs },
        env: { ...path(), RUNNER_TEMP: runnerTemp },
        token: TOKEN,
        apiUrl: github.url,
        repository: 'acme/env',
        sha: head,
        post: true,
        timeoutMs: 120_000,
      });
    const dir = environment('a', `${ns}-a`);
    const applied = await apply(dir, {});
    assert.ok(applied.outputs.result, applied.stdout);
    assertNoSecret(applied, runnerTemp);
    const drift = await apply(dir, { mode: 'diff' });
    assert.ok(drift.outputs.drifted, drift.stdout);
    assertNoSecret(drift, runnerTemp);
    const refused = await apply(environment('a-plain', `${ns}-a`, plainSecret(`${ns}-a`)), {});
    assert.equal(refused.exitCode, 1);
    assert.match(refused.stdout, /plain stringData in git/);
    assertNoSecret(refused, runnerTemp);
  });
});
