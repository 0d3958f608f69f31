// The committed apply bundle, run as the runner runs it, against the local cluster and the local GitHub:
// outputs, the Deployment, a bad input that changes nothing, drift mode, and a scan for every secret.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { clusterForTests } from '../../tools/local-cluster/for-tests.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { runAction, type ActionRun } from '../../tools/runner/harness.js';

const TOKEN = 'ghs_applyTokenValue0123456789abcd';
const KUBE_TOKEN = 'kubeconfig-token-apply-5b4a39281706';
const got = await clusterForTests();
const skip = 'skip' in got ? got.skip : false;
const cluster = 'cluster' in got ? got.cluster : undefined;
const ns = `ar-${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
const scratch = mkdtempSync(join(tmpdir(), 'apply-runner-'));
const repoDir = join(scratch, 'env');
let github: LocalGitHub;
let sha = '';

function git(...args: string[]): string {
  return execFileSync('git', ['-C', repoDir, ...args], { encoding: 'utf8' }).trim();
}
function write(files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repoDir, path)), { recursive: true });
    writeFileSync(join(repoDir, path), text);
  }
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'change');
  git('push', '-q', 'origin', 'HEAD:main');
  return git('rev-parse', 'HEAD');
}

before(async () => {
  github = await startLocalGitHub();
  await github.createRepository('acme', 'env', { 'README.md': '# env\n' });
  execFileSync('git', ['clone', '-q', github.gitDir('acme', 'env'), repoDir]);
  sha = write({
    '.github/promotion.yml': `environments:\n  - {name: dev, path: releases/dev, tags: "glob:*"}\napps:\n  web: {image: registry.k8s.io/pause}\n`,
    'releases/dev/ns.yaml': `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`,
    'releases/dev/web.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: app, image: "registry.k8s.io/pause:3.10"}]\n`,
  });
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
function apply(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction('apply', {
    workspace: repoDir,
    inputs: { kubeconfig: kubeconfig(), environment: 'dev', ...inputs },
    env: { PATH: `${dirname(cluster!.kubectl)}:${process.env.PATH ?? ''}` },
    token: TOKEN,
    apiUrl: github.url,
    repository: 'acme/env',
    eventName: 'push',
    ref: 'refs/heads/main',
    sha,
    timeoutMs: 120_000,
  });
}
function readable(run: ActionRun): string {
  return [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, run.summary, JSON.stringify(run.outputs)].join(
    '\n',
  );
}

describe('apply action', { skip }, () => {
  test('applies, creates a Deployment with its statuses, and no secret appears', async () => {
    const run = await apply({ 'environment-url': 'https://dev.example.com', timeout: '60' });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.result, 'success');
    assert.deepEqual(JSON.parse(run.outputs.applied!), [`Namespace ${ns}`, `Deployment ${ns}/web`]);
    const deployment = github
      .repository('acme', 'env')!
      .deployments.find((d) => String(d.id) === run.outputs['deployment-id']);
    assert.ok(deployment);
    assert.equal(deployment.sha, sha);
    assert.deepEqual(deployment.statuses.map((s) => s.state).reverse(), ['in_progress', 'success']);
    assert.equal(deployment.statuses[0]?.environmentUrl, 'https://dev.example.com');
    assert.match(deployment.statuses[0]?.logUrl ?? '', /\/acme\/env\/actions\/runs\//);
    const all = readable(run);
    for (const secret of [TOKEN, KUBE_TOKEN]) assert.ok(!all.includes(secret), 'a secret appeared');
    const live = spawnSync(
      cluster!.kubectl,
      [
        `--kubeconfig=${cluster!.kubeconfig}`,
        'get',
        '-n',
        ns,
        'deployment/web',
        '-o',
        'jsonpath={.metadata.annotations}',
      ],
      { encoding: 'utf8' },
    );
    assert.match(live.stdout, new RegExp(`"gitops-promote.dev/commit":"${sha}"`));
  });

  test('mode diff reports no drift right after apply', async () => {
    const run = await apply({ mode: 'diff' });
    assert.equal(run.exitCode, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.drifted, 'false');
    assert.equal(run.outputs.objects, '[]');
  });

  test('a bad input fails with the field, the value and what was expected, and creates no Deployment', async () => {
    const before = github.repository('acme', 'env')!.deployments.length;
    const run = await apply({ environment: 'qa' });
    assert.equal(run.exitCode, 1);
    assert.match(
      run.stdout,
      /::error::environment: got "qa", expected one of the environments in \.github\/promotion\.yml: dev/,
    );
    assert.equal(github.repository('acme', 'env')!.deployments.length, before);
  });
});
