// Which objects validate's cluster stage takes for a pull request: the changed ones and what they need.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectChanged, sourcesOf, type ClusterCandidate } from '../../src/core/validate/changed.js';

function m(file: string, value: Record<string, unknown>): ClusterCandidate {
  const metadata = (value.metadata ?? {}) as { name?: string; namespace?: string };
  return {
    object: {
      apiVersion: String(value.apiVersion),
      kind: String(value.kind),
      namespace: metadata.namespace ?? '',
      name: metadata.name ?? '',
      file,
      line: 1,
      result: 'passed',
    },
    value,
  };
}
const pod = (spec: Record<string, unknown>) => ({ template: { metadata: {}, spec } });
const env = [
  m('dev/ns.yaml', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }),
  m('dev/crd.yaml', {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.acme.io' },
    spec: { group: 'acme.io', names: { kind: 'Widget' } },
  }),
  m('dev/widget.yaml', { apiVersion: 'acme.io/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'dev' } }),
  m('dev/cm.yaml', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'dev' } }),
  m('dev/cm.yaml', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'dev' } }),
  m('dev/cm.yaml', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'prod' } }),
  m('dev/sa.yaml', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'runner', namespace: 'dev' } }),
  m('dev/pvc.yaml', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'dev' } }),
  m('dev/pull.yaml', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pull', namespace: 'dev' } }),
  m('dev/env.yaml', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'env', namespace: 'dev' } }),
  m('dev/web.yaml', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'dev' },
    spec: pod({
      serviceAccountName: 'runner',
      imagePullSecrets: [{ name: 'pull' }],
      volumes: [
        { name: 'c', configMap: { name: 'settings' } },
        { name: 'd', persistentVolumeClaim: { claimName: 'data' } },
      ],
      containers: [{ name: 'a', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'env', key: 'x' } } }] }],
    }),
  }),
  m('dev/job.yaml', {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: 'dev' },
    spec: {
      jobTemplate: { spec: pod({ containers: [{ name: 'a', envFrom: [{ configMapRef: { name: 'other' } }] }] }) },
    },
  }),
  m('dev/app (kustomize)', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'app', namespace: 'dev' } }),
  m('dev/db.yaml (helm template charts/db)', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' } }),
];
const names = (changed: string[]) => {
  const { selected, needed } = selectChanged(env, changed);
  return { selected: selected.map((c) => `${c.object.kind}/${c.object.namespace}/${c.object.name}`), needed };
};

describe('the cluster stage of a pull request', () => {
  const cases: [string, string[], string[], number][] = [
    ['a file nothing is in', ['README.md'], [], 0],
    [
      'a Deployment: its namespace, service account, pull secret, config map, claim and env secret',
      ['dev/web.yaml'],
      [
        'Namespace//dev',
        'ConfigMap/dev/settings',
        'ServiceAccount/dev/runner',
        'PersistentVolumeClaim/dev/data',
        'Secret/dev/pull',
        'Secret/dev/env',
        'Deployment/dev/web',
      ],
      6,
    ],
    [
      'a CronJob: its envFrom config map',
      ['dev/job.yaml'],
      ['Namespace//dev', 'ConfigMap/dev/other', 'CronJob/dev/nightly'],
      2,
    ],
    [
      'a custom object: its CRD',
      ['dev/widget.yaml'],
      ['Namespace//dev', 'CustomResourceDefinition//widgets.acme.io', 'Widget/dev/w'],
      2,
    ],
    [
      'a file with three objects: all three, each with its namespace when defined',
      ['dev/cm.yaml'],
      ['Namespace//dev', 'ConfigMap/dev/settings', 'ConfigMap/dev/other', 'ConfigMap/prod/settings'],
      1,
    ],
    ['a file under a kustomization', ['dev/app/kustomization.yaml'], ['Namespace//dev', 'Service/dev/app'], 1],
    ['a file of a chart', ['charts/db/templates/svc.yaml'], ['Service//db'], 0],
    ['the HelmRelease of a chart', ['dev/db.yaml'], ['Service//db'], 0],
  ];
  for (const [name, changed, selected, needed] of cases) {
    test(name, () => assert.deepEqual(names(changed), { selected, needed }));
  }

  test('rendered output names its sources', () => {
    assert.deepEqual(sourcesOf('a/b (kustomize)'), { files: [], folders: ['a/b'] });
    assert.deepEqual(sourcesOf('r/x.yaml (helm template charts/x)'), { files: ['r/x.yaml'], folders: ['charts/x'] });
    assert.deepEqual(sourcesOf('r/x.yaml'), { files: ['r/x.yaml'], folders: [] });
  });
});
