// The validate-static bench's offline baseline: kubeconform's schema folder made from a cluster's
// OpenAPI (tools/bench/kubeconform-schemas.ts). kubeconform itself runs only in the bench; this holds
// the folder to what kubeconform looks up and to what a strict schema must say.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { kubeconformFileName, writeKubeconformSchemas } from '../../tools/bench/kubeconform-schemas.js';

const OPENAPI = {
  definitions: {
    'io.k8s.api.apps.v1.Deployment': {
      description: 'a Deployment',
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        spec: { $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' },
      },
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    },
    'io.k8s.api.apps.v1.DeploymentSpec': {
      type: 'object',
      properties: {
        replicas: { type: 'integer' },
        strategy: { $ref: '#/definitions/io.k8s.api.apps.v1.RollingUpdate' },
        selector: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    'io.k8s.api.apps.v1.RollingUpdate': {
      type: 'object',
      properties: { maxSurge: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' } },
    },
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
    'io.k8s.api.core.v1.ConfigMap': {
      type: 'object',
      properties: { data: { type: 'object', additionalProperties: { type: 'string' } } },
      'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'ConfigMap' }],
    },
    'io.k8s.api.core.v1.Unrelated': { type: 'object', properties: { a: { type: 'string' } } },
  },
};

describe('kubeconform schemas from OpenAPI', () => {
  test('file names are the ones kubeconform looks up', () => {
    assert.equal(kubeconformFileName({ group: 'apps', version: 'v1', kind: 'Deployment' }), 'deployment-apps-v1.json');
    assert.equal(kubeconformFileName({ group: '', version: 'v1', kind: 'ConfigMap' }), 'configmap-v1.json');
    assert.equal(
      kubeconformFileName({ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' }),
      'ingress-networking-v1.json',
    );
  });

  test('one closed schema per kind, with the definitions it reaches and int-or-string as either', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kubeconform-schemas-'));
    try {
      assert.equal(writeKubeconformSchemas(OPENAPI, folder), 2);
      assert.deepEqual(readdirSync(join(folder, 'master')).sort(), ['configmap-v1.json', 'deployment-apps-v1.json']);
      const deployment = JSON.parse(readFileSync(join(folder, 'master', 'deployment-apps-v1.json'), 'utf8'));
      assert.equal(deployment.additionalProperties, false, 'the kind does not accept unknown fields');
      assert.equal(deployment.description, undefined);
      assert.equal(deployment['x-kubernetes-group-version-kind'], undefined);
      assert.deepEqual(Object.keys(deployment.definitions).sort(), [
        'io.k8s.api.apps.v1.Deployment',
        'io.k8s.api.apps.v1.DeploymentSpec',
        'io.k8s.api.apps.v1.RollingUpdate',
        'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      ]);
      const spec = deployment.definitions['io.k8s.api.apps.v1.DeploymentSpec'];
      assert.equal(spec.additionalProperties, false);
      assert.deepEqual(spec.properties.selector.additionalProperties, { type: 'string' }, 'a map stays open');
      assert.deepEqual(deployment.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'], {
        oneOf: [{ type: 'string' }, { type: 'integer' }],
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
