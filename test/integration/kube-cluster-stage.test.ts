// validate's cluster stage against a real API server (KUBECONFIG, else the local cluster, else skipped).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { CRASH_LOOP_LABEL } from '../../tools/local-cluster/cluster.js';
import { clusterForTests } from '../../tools/local-cluster/for-tests.js';
import { runClusterStage, type ClusterObject } from '../../src/kube/cluster-stage.js';

const got = await clusterForTests();
const skip = 'skip' in got ? got.skip : false;
const cluster = 'cluster' in got ? got.cluster : undefined;
const ns = `cs-${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
const scratch = mkdtempSync(join(tmpdir(), 'cluster-stage-'));

after(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await cluster?.stop();
});

function deployment(name: string, extra: { labels?: Record<string, string>; container?: string } = {}): ClusterObject {
  const labels = { app: name, ...extra.labels };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: ns,
    name,
    value: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: extra.container ?? 'app', image: 'registry.k8s.io/pause:3.10' }] },
        },
      },
    },
  };
}

function stage(objects: ClusterObject[], timeoutSeconds = 60) {
  const c = cluster!;
  return runClusterStage(objects, {
    target: { kubectl: c.kubectl, kubeconfig: c.kubeconfig },
    fieldManager: 'gitops-promote',
    timeoutSeconds,
    reportDir: join(scratch, `report-${Date.now()}`),
  });
}

describe('validate cluster stage', { skip }, () => {
  test('a good change passes dry run, apply and rollout; a kind the cluster does not serve is not checked', async () => {
    const config: ClusterObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: ns,
      name: 'settings',
      value: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: ns }, data: { a: 'b' } },
    };
    const widget: ClusterObject = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      namespace: ns,
      name: 'w',
      value: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: ns } },
    };
    const outcomes = await stage([deployment('good'), config, widget]);
    assert.deepEqual(
      outcomes.map((o) => [o.kind, o.name, o.stage, o.result]),
      [
        ['Widget', 'w', 'dry-run', 'not-checked'],
        ['Deployment', 'good', 'rollout', 'passed'],
        ['ConfigMap', 'settings', 'apply', 'passed'],
      ],
    );
  });

  test('a CustomResourceDefinition in the change is established before objects of its kind are checked', async (t) => {
    const group = `${ns}.example.com`;
    const name = `gadgets.${group}`;
    t.after(() => {
      spawnSync(cluster!.kubectl, [`--kubeconfig=${cluster!.kubeconfig}`, 'delete', 'crd', name, '--wait=false']);
    });
    const crd: ClusterObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      namespace: '',
      name,
      value: {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name },
        spec: {
          group,
          scope: 'Namespaced',
          names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: {
                  type: 'object',
                  properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
                },
              },
            },
          ],
        },
      },
    };
    const gadget = (size: unknown): ClusterObject => ({
      apiVersion: `${group}/v1`,
      kind: 'Gadget',
      namespace: ns,
      name: 'g',
      value: { apiVersion: `${group}/v1`, kind: 'Gadget', metadata: { name: 'g', namespace: ns }, spec: { size } },
    });
    const outcomes = await stage([gadget(3), crd]);
    assert.deepEqual(
      outcomes.map((o) => [o.kind, o.stage, o.result, o.reason]),
      [
        ['CustomResourceDefinition', 'apply', 'passed', undefined],
        ['Gadget', 'apply', 'passed', undefined],
      ],
    );
    // Checked against the CRD's schema, not passed over: a string where it says integer is refused.
    const refused = await stage([gadget('big'), crd]);
    assert.deepEqual(
      refused.map((o) => [o.kind, o.stage, o.result]),
      [
        ['CustomResourceDefinition', 'apply', 'passed'],
        ['Gadget', 'dry-run', 'failed'],
      ],
    );
    assert.match(refused[1]!.reason ?? '', /spec\.size/);
  });

  test('a server-side rejection fails at the dry run, naming the field; nothing of it is applied', async () => {
    const outcomes = await stage([deployment('rejected', { container: 'Not_A_Name' })]);
    assert.equal(outcomes.length, 1);
    assert.equal(outcomes[0]!.stage, 'dry-run');
    assert.equal(outcomes[0]!.result, 'failed');
    assert.match(outcomes[0]!.reason ?? '', /spec\.template\.spec\.containers\[0\]\.name/);
  });

  test('a rollout that never becomes ready fails with describe, events and logs collected', async (t) => {
    if (cluster?.source !== 'local') return t.skip("the crash-loop simulation is the local cluster's");
    const outcomes = await stage(
      [deployment('crashing', { labels: { [CRASH_LOOP_LABEL.key]: CRASH_LOOP_LABEL.value } })],
      8,
    );
    assert.equal(outcomes.length, 1);
    const [outcome] = outcomes;
    assert.equal(outcome!.stage, 'rollout');
    assert.equal(outcome!.result, 'failed');
    assert.match(outcome!.reason ?? '', /not ready within 8s/);
    assert.ok(outcome!.diagnostics);
  });
});

describe('diagnostics folder', { skip }, () => {
  test('the collected file holds describe and events of the failed workload', async (t) => {
    if (cluster?.source !== 'local') return t.skip("the crash-loop simulation is the local cluster's");
    const reportDir = join(scratch, 'diag');
    const c = cluster;
    const outcomes = await runClusterStage(
      [deployment('crashing2', { labels: { [CRASH_LOOP_LABEL.key]: CRASH_LOOP_LABEL.value } })],
      {
        target: { kubectl: c.kubectl, kubeconfig: c.kubeconfig },
        fieldManager: 'gitops-promote',
        timeoutSeconds: 8,
        reportDir,
      },
    );
    const text = readFileSync(join(reportDir, outcomes[0]!.diagnostics!), 'utf8');
    assert.match(text, /## describe\n[\s\S]*Name:\s+crashing2/);
    assert.match(text, /## events\n/);
    assert.match(text, /## logs --previous/);
  });
});
