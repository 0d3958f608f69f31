// What the validate and apply steps rely on, proven against a real Kubernetes API server: the cluster of
// KUBECONFIG, else the local cluster (tools/local-cluster, started once for this file through
// `npm run local-cluster`'s entry point), else every test here is reported skipped with the reason.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CRASH_LOOP_LABEL, NODE_NAME } from '../../tools/local-cluster/cluster.js';
import { clusterForTests, processesMentioning, type TestCluster } from '../../tools/local-cluster/for-tests.js';

const got = await clusterForTests();
const skip = 'skip' in got ? got.skip : false;
const cluster = 'cluster' in got ? got.cluster : undefined;
const run = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function kubectl(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  const c = cluster as TestCluster;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(c.kubectl, args, {
      env: { ...process.env, ...options.env, KUBECONFIG: c.kubeconfig },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(options.input ?? '');
  });
}

async function ok(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  const result = await kubectl(args, options);
  assert.equal(result.code, 0, `kubectl ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

async function getJson<T = Record<string, unknown>>(ns: string, ref: string): Promise<T> {
  return JSON.parse(await ok(['get', '-n', ns, ref, '-o', 'json'])) as T;
}

const namespaces: string[] = [];
async function namespace(purpose: string): Promise<string> {
  const ns = `gp-${purpose}-${run}`;
  await ok(['create', 'namespace', ns]);
  namespaces.push(ns);
  // Pods need the namespace's default service account (the admission plugin waits for it).
  for (let i = 0; i < 100; i++) {
    if ((await kubectl(['get', '-n', ns, 'serviceaccount', 'default'])).code === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ns;
}

const SSA = ['apply', '--server-side', '--field-manager=gitops-promote'];

function configMap(ns: string, name: string, data: Record<string, string>): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data });
}

function deployment(
  ns: string,
  name: string,
  image: string,
  extra: { labels?: Record<string, string>; replicas?: number; progressDeadlineSeconds?: number } = {},
): string {
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: extra.replicas ?? 2,
      ...(extra.progressDeadlineSeconds ? { progressDeadlineSeconds: extra.progressDeadlineSeconds } : {}),
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, ...extra.labels } },
        spec: { containers: [{ name: 'app', image }] },
      },
    },
  });
}

describe('a real Kubernetes API server', { skip }, () => {
  before(() => {
    if (cluster?.readySeconds !== undefined) {
      process.stderr.write(`# local cluster ready in ${cluster.readySeconds} s (${cluster.dir})\n`);
    }
  });

  after(async () => {
    // Namespaces of a KUBECONFIG cluster are cleaned up; the local cluster goes away whole (stopped
    // here too when a test failed before the stop test).
    if (cluster?.source === 'KUBECONFIG') {
      for (const ns of namespaces) await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
    await cluster?.stop();
  });

  test('the local build reports the pinned Kubernetes version, and the simulated node is Ready', async (t) => {
    const version = JSON.parse(await ok(['version', '-o', 'json'])) as Record<string, { gitVersion: string }>;
    if (cluster?.source !== 'local') return t.skip('version pins are checked on the local cluster only');
    assert.equal(version.clientVersion?.gitVersion, 'v1.36.3');
    assert.equal(version.serverVersion?.gitVersion, 'v1.36.3');
    const node = JSON.parse(await ok(['get', 'node', NODE_NAME, '-o', 'json'])) as {
      status: { conditions: { type: string; status: string }[]; addresses: { address: string }[] };
    };
    assert.ok(node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'));
    assert.ok(node.status.addresses.every((a) => a.address === '127.0.0.1' || a.address === NODE_NAME));
  });

  test('server-side apply creates and updates; a second manager is refused a conflict unless it forces', async () => {
    const ns = await namespace('ssa');
    const created = await ok(SSA, { input: configMap(ns, 'settings', { replicas: '1', color: 'blue' }) });
    assert.match(created, /configmap\/settings serverside-applied/);
    let cm = await getJson<{
      data: Record<string, string>;
      metadata: { managedFields: { manager: string; operation: string }[] };
    }>(ns, 'configmap/settings');
    assert.deepEqual(cm.data, { replicas: '1', color: 'blue' });
    assert.ok(cm.metadata.managedFields.some((f) => f.manager === 'gitops-promote' && f.operation === 'Apply'));

    await ok(SSA, { input: configMap(ns, 'settings', { replicas: '2', color: 'blue' }) });
    cm = await getJson(ns, 'configmap/settings');
    assert.equal(cm.data.replicas, '2');

    const other = ['apply', '--server-side', '--field-manager=someone-else'];
    const refused = await kubectl(other, { input: configMap(ns, 'settings', { replicas: '5' }) });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /conflict/i);
    assert.match(refused.stderr, /gitops-promote/);
    assert.match(refused.stderr, /\.data\.replicas/);
    cm = await getJson(ns, 'configmap/settings');
    assert.equal(cm.data.replicas, '2', 'a refused apply changes nothing');

    await ok([...other, '--force-conflicts'], { input: configMap(ns, 'settings', { replicas: '5' }) });
    cm = await getJson(ns, 'configmap/settings');
    assert.equal(cm.data.replicas, '5');
    assert.equal(cm.data.color, 'blue', 'fields of the first manager that were not contested stay');
  });

  test('--dry-run=server refuses an object only the server can judge, and changes nothing', async () => {
    const ns = await namespace('dryrun');
    // The selector does not select the template's labels: valid to the schema, refused by the server.
    const invalid = JSON.parse(deployment(ns, 'web', 'registry.example/web:1.0')) as {
      spec: { selector: { matchLabels: Record<string, string> } };
    };
    invalid.spec.selector.matchLabels = { app: 'something-else' };
    const refused = await kubectl([...SSA, '--dry-run=server'], { input: JSON.stringify(invalid) });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /is invalid/);
    assert.match(refused.stderr, /selector` does not match template `labels`|does not match template labels/);
    const missing = await kubectl(['get', '-n', ns, 'deployment/web']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /NotFound|not found/);

    // A valid change under server dry run is accepted (admission ran) but not stored.
    await ok(SSA, { input: configMap(ns, 'settings', { color: 'blue' }) });
    const dry = await ok([...SSA, '--dry-run=server'], { input: configMap(ns, 'settings', { color: 'red' }) });
    assert.match(dry, /\(server dry run\)/);
    const cm = await getJson<{ data: Record<string, string> }>(ns, 'configmap/settings');
    assert.equal(cm.data.color, 'blue');
  });

  test('a Deployment rolls out when its pods become Ready; crash-looping pods make rollout status fail with the reason in events', async () => {
    const ns = await namespace('rollout');
    await ok(SSA, { input: deployment(ns, 'web', 'registry.example/web:1.0') });
    const status = await ok(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=90s']);
    assert.match(status, /successfully rolled out/);
    const pods = JSON.parse(await ok(['get', 'pods', '-n', ns, '-l', 'app=web', '-o', 'json'])) as {
      items: {
        spec: { nodeName: string };
        status: { phase: string; conditions: { type: string; status: string }[] };
      }[];
    };
    assert.equal(pods.items.length, 2);
    for (const pod of pods.items) {
      assert.equal(pod.status.phase, 'Running');
      assert.ok(pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'));
      if (cluster?.source === 'local') assert.equal(pod.spec.nodeName, NODE_NAME);
    }

    if (cluster?.source !== 'local') return; // the crash-loop stage is the local cluster's
    const labels = { [CRASH_LOOP_LABEL.key]: CRASH_LOOP_LABEL.value };
    await ok(SSA, { input: deployment(ns, 'broken', 'registry.example/broken:1.0', { labels, replicas: 1 }) });
    const timeout = 15;
    const failed = await kubectl(['rollout', 'status', '-n', ns, 'deployment/broken', `--timeout=${timeout}s`]);
    assert.equal(failed.code, 1, `rollout status should fail:\n${failed.stdout}\n${failed.stderr}`);
    assert.match(failed.stderr, /timed out|exceeded its progress deadline/);
    assert.ok(failed.ms < (timeout + 30) * 1000, `rollout status took ${failed.ms} ms for a ${timeout} s timeout`);
    const events = JSON.parse(
      await ok(['get', 'events', '-n', ns, '--field-selector', 'reason=BackOff', '-o', 'json']),
    ) as { items: { type: string; message: string; involvedObject: { kind: string; name: string } }[] };
    const backOff = events.items.find(
      (e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name.startsWith('broken-'),
    );
    assert.ok(backOff, `a BackOff event for a broken pod, got ${JSON.stringify(events.items)}`);
    assert.equal(backOff.type, 'Warning');
    assert.match(backOff.message, /Back-off restarting failed container/);
    const brokenPods = JSON.parse(await ok(['get', 'pods', '-n', ns, '-l', 'app=broken', '-o', 'json'])) as {
      items: { status: { containerStatuses: { state: { waiting?: { reason: string } } }[] } }[];
    };
    assert.equal(brokenPods.items[0]?.status.containerStatuses[0]?.state.waiting?.reason, 'CrashLoopBackOff');
  });

  test('rollout undo, kubectl diff --server-side exit codes, and ApplySet prune', async () => {
    const ns = await namespace('undo');
    const image = async () =>
      (await getJson<{ spec: { template: { spec: { containers: { image: string }[] } } } }>(ns, 'deployment/web')).spec
        .template.spec.containers[0]?.image;

    await ok(SSA, { input: deployment(ns, 'web', 'registry.example/web:1.0') });
    await ok(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=90s']);
    await ok(SSA, { input: deployment(ns, 'web', 'registry.example/web:2.0') });
    await ok(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=90s']);
    assert.equal(await image(), 'registry.example/web:2.0');
    assert.match(await ok(['rollout', 'undo', '-n', ns, 'deployment/web']), /rolled back/);
    await ok(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=90s']);
    assert.equal(await image(), 'registry.example/web:1.0');

    // diff: 0 when the cluster already has what the file says, 1 when it differs (and shows how).
    const diff = ['diff', '--server-side', '--field-manager=gitops-promote', '-f', '-'];
    await ok(SSA, { input: configMap(ns, 'settings', { color: 'blue' }) });
    const same = await kubectl(diff, { input: configMap(ns, 'settings', { color: 'blue' }) });
    assert.equal(same.code, 0, same.stderr);
    assert.equal(same.stdout, '');
    const changed = await kubectl(diff, { input: configMap(ns, 'settings', { color: 'red' }) });
    assert.equal(changed.code, 1, changed.stderr);
    assert.match(changed.stdout, /-\s+color: blue/);
    assert.match(changed.stdout, /\+\s+color: red/);
    const cm = await getJson<{ data: Record<string, string> }>(ns, 'configmap/settings');
    assert.equal(cm.data.color, 'blue', 'diff changes nothing');

    // ApplySet prune: what left the applied set is deleted, what stayed is kept, others are untouched.
    await ok(['create', 'configmap', 'unrelated', '-n', ns, '--from-literal=keep=yes']);
    const applyset = [...SSA, '-n', ns, '--prune', `--applyset=release-${run}`, '-f', '-'];
    const env = { KUBECTL_APPLYSET: 'true' };
    const both = [configMap(ns, 'first', { a: '1' }), configMap(ns, 'second', { b: '2' })].join('\n');
    await ok(applyset, { input: both, env });
    assert.equal((await kubectl(['get', '-n', ns, 'configmap/second'])).code, 0);
    const pruned = await ok(applyset, { input: configMap(ns, 'first', { a: '1' }), env });
    assert.match(pruned, /configmap\/second pruned/);
    assert.equal((await kubectl(['get', '-n', ns, 'configmap/second'])).code, 1);
    assert.equal((await kubectl(['get', '-n', ns, 'configmap/first'])).code, 0);
    assert.equal((await kubectl(['get', '-n', ns, 'configmap/unrelated'])).code, 0);
  });

  test('the local cluster stops on SIGTERM: every process ends and its folder is removed', async (t) => {
    if (cluster?.source !== 'local' || !cluster.dir) return t.skip('only the local cluster is stopped by the tests');
    assert.ok(processesMentioning(cluster.dir).length >= 5, 'etcd, the API server, two controllers and kwok run');
    const code = await cluster.stop();
    assert.equal(code, 0);
    assert.equal(existsSync(cluster.dir), false);
    assert.deepEqual(processesMentioning(cluster.dir), []);
  });
});
