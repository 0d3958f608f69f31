// apply and its drift mode against a real API server (KUBECONFIG, else the local cluster, else skipped)
// and the local GitHub (deployments and their statuses), on a real git repository of manifests.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import {
  COMMIT_ANNOTATION,
  FieldConflictError,
  runApply,
  runDiff,
  SOURCE_COMMIT_ANNOTATION,
  type ApplyRequest,
} from '../../src/flows/apply.js';
import { renderCommitMessage } from '../../src/core/promotion/record.js';
import { CRASH_LOOP_LABEL } from '../../tools/local-cluster/cluster.js';
import { clusterForTests } from '../../tools/local-cluster/for-tests.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';

const got = await clusterForTests();
const skip = 'skip' in got ? got.skip : false;
const cluster = 'cluster' in got ? got.cluster : undefined;
const ns = `ap-${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
const scratch = mkdtempSync(join(tmpdir(), 'kube-apply-'));
const repoDir = join(scratch, 'env');
let github: LocalGitHub;
let client: GitHubClient;
const repo = { owner: 'acme', repo: 'env' };

function git(...args: string[]): string {
  return execFileSync('git', ['-C', repoDir, ...args], { encoding: 'utf8' }).trim();
}
function commit(files: Record<string, string | null>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    const full = join(repoDir, path);
    if (text === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', message);
  git('push', '-q', 'origin', 'HEAD:main');
  return git('rev-parse', 'HEAD');
}
function kubectl(...args: string[]) {
  const c = cluster!;
  return spawnSync(c.kubectl, [`--kubeconfig=${c.kubeconfig}`, ...args], { encoding: 'utf8' });
}
const deployment = (
  name: string,
  options: { replicas?: number; labels?: Record<string, string> } = {},
) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  replicas: ${options.replicas ?? 1}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: ${JSON.stringify({ app: name, ...options.labels })}
    spec:
      containers: [{name: app, image: "registry.k8s.io/pause:3.10"}]
`;
const config = `environments:\n  - {name: dev, path: releases/dev, tags: "glob:*"}\napps:\n  web: {image: registry.k8s.io/pause}\n`;
const namespace = `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`;

before(async () => {
  github = await startLocalGitHub();
  await github.createRepository('acme', 'env', { 'README.md': '# env\n' });
  client = createGitHubClient({
    token: 't',
    baseUrl: github.url,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    retries: 0,
  });
  execFileSync('git', ['clone', '-q', github.gitDir('acme', 'env'), repoDir]);
});
after(async () => {
  await github.stop();
  await cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function request(sha: string, overrides: Partial<ApplyRequest> = {}): ApplyRequest {
  const c = cluster!;
  return {
    repoDir,
    environment: 'dev',
    target: { kubectl: c.kubectl, kubeconfig: c.kubeconfig },
    fieldManager: 'gitops-promote',
    forceConflicts: false,
    prune: false,
    timeoutSeconds: 60,
    rollbackOnFailure: false,
    commit: sha,
    sourceCommit: 'c0ffee'.padEnd(40, '0'),
    github: {
      client,
      repo,
      environmentUrl: 'https://dev.example.com',
      logUrl: 'https://github.com/acme/env/actions/runs/1',
    },
    ...overrides,
  };
}
const deploymentStates = (id: number) =>
  github
    .repository('acme', 'env')!
    .deployments.find((d) => d.id === id)!
    .statuses.map((s) => s.state)
    .reverse(); // stored newest first, as GitHub lists them

describe('apply', { skip }, () => {
  test('creates, then updates objects, annotated with both commits; the Deployment goes in_progress then success', async () => {
    const first = commit(
      {
        '.github/promotion.yml': config,
        'releases/dev/ns.yaml': namespace,
        'releases/dev/web.yaml': deployment('web'),
        'releases/dev/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ${ns}}\ndata: {a: "1"}\n`,
      },
      'first',
    );
    const created = await runApply(request(first));
    assert.equal(created.result, 'success', created.failure);
    assert.deepEqual(created.applied.map((o) => `${o.kind} ${o.name}`).sort(), [
      'ConfigMap settings',
      `Deployment web`,
      `Namespace ${ns}`,
    ]);
    assert.deepEqual(deploymentStates(created.deploymentId!), ['in_progress', 'success']);
    const stored = github.repository('acme', 'env')!.deployments.find((d) => d.id === created.deploymentId)!;
    assert.equal(stored.environment, 'dev');
    assert.match(JSON.stringify(stored.payload), /registry\.k8s\.io\/pause:3\.10/);

    const second = commit({ 'releases/dev/web.yaml': deployment('web', { replicas: 2 }) }, 'two replicas');
    const updated = await runApply(request(second));
    assert.equal(updated.result, 'success', updated.failure);
    const live = JSON.parse(kubectl('get', '-n', ns, 'deployment/web', '-o', 'json').stdout) as {
      spec: { replicas: number };
      metadata: { annotations: Record<string, string> };
    };
    assert.equal(live.spec.replicas, 2);
    assert.equal(live.metadata.annotations[COMMIT_ANNOTATION], second);
    assert.equal(live.metadata.annotations[SOURCE_COMMIT_ANNOTATION], 'c0ffee'.padEnd(40, '0'));
  });

  test('drift: none after apply; a change made by hand is found; apply brings it back', async () => {
    const head = git('rev-parse', 'HEAD');
    const clean = await runDiff(request(head));
    assert.equal(clean.drifted, false, clean.diff);
    assert.equal(kubectl('scale', '-n', ns, 'deployment/web', '--replicas=5').status, 0);
    const drift = await runDiff(request(head));
    assert.equal(drift.drifted, true);
    assert.deepEqual(
      drift.objects.map((o) => `${o.kind} ${o.name}`),
      ['Deployment web'],
    );
    assert.match(drift.diff, /replicas: 5/);
    // kubectl scale took spec.replicas from our manager: taking it back needs force-conflicts.
    const back = await runApply(request(head, { forceConflicts: true }));
    assert.equal(back.result, 'success', back.failure);
    assert.equal((await runDiff(request(head))).drifted, false);
  });

  test('refuses a field another manager owns, naming the field and the manager; force-conflicts takes it', async () => {
    assert.equal(
      kubectl(
        'patch',
        '-n',
        ns,
        'configmap/settings',
        '--field-manager=someone-else',
        '--type=merge',
        '-p',
        '{"data":{"a":"9"}}',
      ).status,
      0,
    );
    const head = commit(
      {
        'releases/dev/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ${ns}}\ndata: {a: "2"}\n`,
      },
      'a=2',
    );
    await assert.rejects(runApply(request(head)), (error: unknown) => {
      assert.ok(error instanceof FieldConflictError);
      assert.match(error.message, /\.data\.a \(managed by someone-else\)/);
      return true;
    });
    const forced = await runApply(request(head, { forceConflicts: true }));
    assert.equal(forced.result, 'success', forced.failure);
    assert.equal(kubectl('get', '-n', ns, 'configmap/settings', '-o', 'jsonpath={.data.a}').stdout, '2');
  });

  test('prune deletes only what the ApplySet applied', async () => {
    const head = commit(
      {
        'releases/dev/extra.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: ${ns}}\ndata: {x: "1"}\n`,
      },
      'extra',
    );
    const withExtra = await runApply(
      request(head, { prune: true, forceConflicts: true, target: { ...request(head).target, namespace: ns } }),
    );
    assert.equal(withExtra.result, 'success', withExtra.failure);
    assert.equal(kubectl('create', 'configmap', 'not-ours', '-n', ns).status, 0);
    const without = commit({ 'releases/dev/extra.yaml': null }, 'drop extra');
    const pruned = await runApply(
      request(without, { prune: true, forceConflicts: true, target: { ...request(without).target, namespace: ns } }),
    );
    assert.equal(pruned.result, 'success', pruned.failure);
    assert.notEqual(
      kubectl('get', '-n', ns, 'configmap/extra').status,
      0,
      'the object it applied and no longer has is pruned',
    );
    assert.equal(kubectl('get', '-n', ns, 'configmap/not-ours').status, 0, 'what it did not apply stays');
  });

  test('a CustomResourceDefinition and objects of its kind in one environment: the CRD is established before they are applied', async () => {
    // kubectl reads the API's kinds once, before it applies a stream: in one stream, an object of a
    // kind whose CRD comes earlier in the same stream is refused ("ensure CRDs are installed first").
    const group = `${ns}.example.com`;
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.${group}}
spec:
  group: ${group}
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: {type: object, properties: {size: {type: integer}}}
`;
    const widget = (size: number) =>
      `apiVersion: ${group}/v1\nkind: Widget\nmetadata: {name: blue, namespace: ${ns}}\nspec: {size: ${size}}\n`;
    const head = commit({ 'releases/dev/crd.yaml': crd, 'releases/dev/widget.yaml': widget(3) }, 'widgets');
    try {
      const applied = await runApply(request(head, { forceConflicts: true }));
      assert.equal(applied.result, 'success', applied.failure);
      assert.ok(applied.applied.some((o) => o.kind === 'Widget' && o.name === 'blue'));
      assert.equal(kubectl('get', '-n', ns, `widgets.${group}/blue`, '-o', 'jsonpath={.spec.size}').stdout, '3');
      // Pruning keeps both, and a change to the object alone applies as any other.
      const bigger = commit({ 'releases/dev/widget.yaml': widget(5) }, 'bigger widget');
      const again = await runApply(
        request(bigger, { prune: true, forceConflicts: true, target: { ...request(bigger).target, namespace: ns } }),
      );
      assert.equal(again.result, 'success', again.failure);
      assert.equal(kubectl('get', '-n', ns, `widgets.${group}/blue`, '-o', 'jsonpath={.spec.size}').stdout, '5');
    } finally {
      commit({ 'releases/dev/crd.yaml': null, 'releases/dev/widget.yaml': null }, 'no widgets');
      kubectl('delete', 'crd', `widgets.${group}`, '--wait=false');
    }
  });

  test('the source commit comes from the promotion record the merged commits carry; the input overrides it', async () => {
    const source = 'ab12'.repeat(10);
    git('checkout', '-q', '-b', 'promote/web-dev');
    commit(
      { 'releases/dev/web.yaml': deployment('web', { replicas: 3 }) },
      renderCommitMessage('web 3.10 to dev', {
        v: 1,
        app: 'web',
        environment: 'dev',
        image: 'registry.k8s.io/pause',
        tag: '3.10',
        previousTags: ['3.9'],
        changes: [],
        base: git('rev-parse', 'main'),
        source: {
          repository: 'acme/web',
          sha: source,
          ref: 'refs/tags/v3.10.0',
          runUrl: 'https://github.com/acme/web/actions/runs/2',
        },
      }),
    );
    git('checkout', '-q', 'main');
    git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@t',
      'merge',
      '-q',
      '--no-ff',
      '-m',
      'Merge pull request #7',
      'promote/web-dev',
    );
    git('push', '-q', 'origin', 'HEAD:main');
    const merge = git('rev-parse', 'HEAD');
    const { sourceCommit: _override, ...fromRecord } = request(merge, { forceConflicts: true });
    const result = await runApply(fromRecord);
    assert.equal(result.result, 'success', result.failure);
    assert.equal(result.sourceCommit, source);
    const annotations = () =>
      (
        JSON.parse(kubectl('get', '-n', ns, 'deployment/web', '-o', 'json').stdout) as {
          metadata: { annotations: Record<string, string> };
        }
      ).metadata.annotations;
    assert.equal(annotations()[SOURCE_COMMIT_ANNOTATION], source);
    assert.equal(annotations()[COMMIT_ANNOTATION], merge);
    const stored = github.repository('acme', 'env')!.deployments.find((d) => d.id === result.deploymentId)!;
    const payload = (typeof stored.payload === 'string' ? JSON.parse(stored.payload) : stored.payload) as {
      promotion?: unknown;
      sourceCommit?: string;
    };
    assert.deepEqual(payload.promotion, {
      app: 'web',
      image: 'registry.k8s.io/pause',
      tag: '3.10',
      source: { repository: 'acme/web', sha: source, ref: 'refs/tags/v3.10.0' },
    });
    assert.equal(payload.sourceCommit, source);

    const overridden = await runApply(request(merge, { forceConflicts: true }));
    assert.equal(overridden.sourceCommit, 'c0ffee'.padEnd(40, '0'));
    assert.equal(annotations()[SOURCE_COMMIT_ANNOTATION], 'c0ffee'.padEnd(40, '0'));
  });

  test('a failed rollout re-applies the last successful deployment and fails, saying what was rolled back', async (t) => {
    if (cluster?.source !== 'local') return t.skip("the crash-loop simulation is the local cluster's");
    const good = git('rev-parse', 'HEAD');
    const bad = commit(
      {
        'releases/dev/web.yaml': deployment('web', {
          replicas: 2,
          labels: { [CRASH_LOOP_LABEL.key]: CRASH_LOOP_LABEL.value },
        }),
      },
      'bad',
    );
    const result = await runApply(request(bad, { timeoutSeconds: 8, rollbackOnFailure: true, forceConflicts: true }));
    assert.equal(result.result, 'failure');
    assert.equal(result.rolledBackTo, good);
    assert.match(result.failure ?? '', new RegExp(`did not become ready within 8s.*rolled back to ${good}`));
    assert.deepEqual(deploymentStates(result.deploymentId!), ['in_progress', 'failure']);
    const live = JSON.parse(kubectl('get', '-n', ns, 'deployment/web', '-o', 'json').stdout) as {
      metadata: { annotations: Record<string, string> };
      spec: { template: { metadata: { labels: Record<string, string> } } };
    };
    assert.equal(live.metadata.annotations[COMMIT_ANNOTATION], good);
    assert.equal(live.spec.template.metadata.labels[CRASH_LOOP_LABEL.key], undefined);
  });
});
