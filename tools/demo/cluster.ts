// The demo's cluster: the local cluster when its binaries are already built, never a build (a cold
// one takes about twenty minutes) and never the KUBECONFIG of the environment (the story creates
// namespaces dev, stg and prod: that is no thing to do to someone's real cluster unasked).
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { clusterForTests, planTestCluster, type TestCluster } from '../local-cluster/for-tests.js';

export const NO_CLUSTER = 'no cluster (run npm run local-cluster:build)';

export type DemoCluster = { cluster: TestCluster; path: string } | { skip: string };

/** Starts the local cluster when it is built; otherwise says why the cluster steps will be skipped. */
export async function demoCluster(env: NodeJS.ProcessEnv = process.env): Promise<DemoCluster> {
  const local = { ...env, KUBECONFIG: '' };
  const plan = planTestCluster(local);
  if (plan.kind !== 'local' || plan.build) return { skip: NO_CLUSTER };
  const got = await clusterForTests(local);
  if ('skip' in got) return { skip: NO_CLUSTER };
  const cluster = got.cluster;
  // What a Flux cluster has before any environment is applied: the HelmRelease kinds of both Flux
  // generations (served, not reconciled: nothing here runs Flux) and one namespace per environment.
  const setup = [
    ...['dev', 'stg', 'prod'].map(namespace),
    crd('helm.fluxcd.io', 'v1'),
    crd('flux.weave.works', 'v1beta1'),
  ];
  execFileSync(cluster.kubectl, [`--kubeconfig=${cluster.kubeconfig}`, 'apply', '--server-side', '-f', '-'], {
    input: setup.map((object) => JSON.stringify(object)).join('\n---\n'),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  for (const group of ['helm.fluxcd.io', 'flux.weave.works']) {
    execFileSync(cluster.kubectl, [
      `--kubeconfig=${cluster.kubeconfig}`,
      'wait',
      '--for=condition=Established',
      `crd/helmreleases.${group}`,
      '--timeout=30s',
    ]);
  }
  return { cluster, path: `${dirname(cluster.kubectl)}:${env.PATH ?? ''}` };
}

function namespace(name: string) {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

function crd(group: string, version: string) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `helmreleases.${group}` },
    spec: {
      group,
      names: { kind: 'HelmRelease', plural: 'helmreleases', singular: 'helmrelease', listKind: 'HelmReleaseList' },
      scope: 'Namespaced',
      versions: [
        {
          name: version,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        },
      ],
    },
  };
}
