// Kubernetes benchmarks: the static stage of validate on a 10,000-manifest tree (beside kubeconform
// when it is built and has schemas), and apply of 200 objects against the local cluster beside plain
// `kubectl apply --server-side` + `rollout status`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runApply } from '../../src/flows/apply.js';
import { runStaticStage } from '../../src/flows/validate-static.js';
import { cacheRoot } from '../local-cluster/cache.js';
import { clusterForTests } from '../local-cluster/for-tests.js';
import { writeKubeconformSchemas } from './kubeconform-schemas.js';
import type { BenchResult } from './table.js';
import { generateTree } from './tree.js';

type Result = BenchResult[];
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function kubeconform(): string | undefined {
  const candidates = [join(process.env.GOPATH ?? join(homedir(), 'go'), 'bin', 'kubeconform'), 'kubeconform'];
  return candidates.find((path) => spawnSync(path, ['-v']).status === 0);
}

/**
 * kubeconform's schemas made from the local cluster's /openapi/v2, kept under the tools cache by server
 * version; undefined (with the reason printed) when no cluster is at hand.
 */
async function schemasFromCluster(): Promise<string | undefined> {
  const got = await clusterForTests();
  if ('skip' in got) {
    console.log(`  kubeconform schemas: none from a cluster (${got.skip})`);
    return undefined;
  }
  const { cluster } = got;
  try {
    const kubectl = (...args: string[]) =>
      spawnSync(cluster.kubectl, ['--kubeconfig', cluster.kubeconfig, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    const version = /"gitVersion":\s*"([^"]+)"/.exec(
      kubectl('version', '-o', 'json').stdout.split('"serverVersion"')[1] ?? '',
    )?.[1];
    const folder = join(cacheRoot(), 'kubeconform-schemas', version ?? 'unknown');
    if (!existsSync(join(folder, 'master'))) {
      const openapi = kubectl('get', '--raw', '/openapi/v2');
      if (openapi.status !== 0) {
        console.log(`  kubeconform schemas: the cluster's /openapi/v2 could not be read: ${openapi.stderr.trim()}`);
        return undefined;
      }
      const kinds = writeKubeconformSchemas(JSON.parse(openapi.stdout) as object, folder);
      console.log(
        `  kubeconform schemas: ${kinds} kinds made from the local cluster's OpenAPI (${version}) in ${folder}`,
      );
    }
    return folder;
  } finally {
    await cluster.stop();
  }
}

export async function benchValidateStatic(): Promise<Result> {
  console.log('validate static stage, 10,000 manifest files, 3 rounds');
  const root = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  try {
    generateTree(root, 10_000, 200, '1.2.3');
    const times: number[] = [];
    let objects = 0;
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const report = await runStaticStage({ dir: root });
      times.push(performance.now() - started);
      objects = report.objects.length;
    }
    const ours = median(times);
    console.log(
      `  gitops-promote: ${ours.toFixed(0)} ms median for ${objects} objects (${((ours / objects) * 1000).toFixed(0)} µs each)`,
    );
    const binary = kubeconform();
    if (!binary) {
      console.log('  kubeconform: skipped (not built: go install github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0)');
      return [
        {
          name: 'validate static (no baseline)',
          // Measured without its baseline: a figure only, not a target met.
          ok: true,
          measured: `${ours.toFixed(0)} ms, ${objects} objects (kubeconform not built)`,
        },
      ];
    }
    // kubeconform reads its JSON schemas from the network unless given a folder of them; without either
    // it cannot check a built-in kind, so only a run that validated something is a fair baseline.
    // KUBECONFORM_SCHEMAS: a local folder of its JSON schemas; else they are made from the local
    // cluster's OpenAPI (kubeconform-schemas.ts), once per server version.
    const schemas = process.env.KUBECONFORM_SCHEMAS ?? (await schemasFromCluster()) ?? join(root, 'no-schemas');
    const started = performance.now();
    const run = spawnSync(
      binary,
      [
        '-summary',
        '-output',
        'json',
        '-schema-location',
        `${schemas}/{{ .NormalizedKubernetesVersion }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
        root,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 },
    );
    const theirs = performance.now() - started;
    const summary = /"valid":\s*(\d+)/.exec(run.stdout)?.[1];
    if (!summary || Number(summary) === 0) {
      console.log(
        `  kubeconform: skipped as a baseline: it validated nothing in ${theirs.toFixed(0)} ms (no schemas: set KUBECONFORM_SCHEMAS to a local folder of them): ${run.stderr.trim().split('\n')[0] ?? run.stdout.slice(0, 200)}`,
      );
      return [
        {
          name: 'validate static (no baseline)',
          // Measured without its baseline: a figure only, not a target met.
          ok: true,
          measured: `${ours.toFixed(0)} ms, ${objects} objects (kubeconform had no schemas)`,
        },
      ];
    }
    const ratio = ours / theirs;
    console.log(
      `  kubeconform:    ${theirs.toFixed(0)} ms; ratio ${ratio.toFixed(2)}x (target <= 1x): ${verdict(ratio <= 1)}`,
    );
    return [
      {
        name: 'validate static vs kubeconform',
        ok: ratio <= 1,
        measured: `${ratio.toFixed(2)}x (${ours.toFixed(0)} ms vs ${theirs.toFixed(0)} ms)`,
        target: '<= 1x',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function benchApply(): Promise<Result> {
  console.log('apply of 200 objects (150 ConfigMaps, 50 Deployments) vs kubectl apply --server-side + rollout status');
  const got = await clusterForTests();
  if ('skip' in got) {
    console.log(`  skipped: ${got.skip}`);
    return [{ name: 'apply vs kubectl', ok: true, target: '<= 1.2x', skipped: 'no cluster' }];
  }
  const cluster = got.cluster;
  const root = mkdtempSync(join(tmpdir(), 'bench-apply-'));
  try {
    const ratios: number[] = [];
    for (let round = 0; round < 3; round++) {
      const times: Record<string, number> = {};
      for (const who of round % 2 === 0 ? ['ours', 'kubectl'] : ['kubectl', 'ours']) {
        const ns = `bench-${who}-${round}`;
        const dir = join(root, `${who}-${round}`);
        mkdirSync(join(dir, '.github'), { recursive: true });
        mkdirSync(join(dir, 'env'));
        writeFileSync(
          join(dir, '.github', 'promotion.yml'),
          'environments:\n  - {name: bench, path: env, tags: "glob:*"}\napps:\n  pause: {image: registry.k8s.io/pause}\n',
        );
        writeFileSync(join(dir, 'env', '00-ns.yaml'), `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`);
        const docs: string[] = [];
        for (let i = 0; i < 150; i++)
          docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: ${ns}}\ndata: {i: "${i}"}\n`);
        for (let i = 0; i < 49; i++) {
          docs.push(
            `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}, namespace: ${ns}}\nspec:\n  selector: {matchLabels: {app: d${i}}}\n  template:\n    metadata: {labels: {app: d${i}}}\n    spec: {containers: [{name: c, image: "registry.k8s.io/pause:3.10"}]}\n`,
          );
        }
        writeFileSync(join(dir, 'env', 'objects.yaml'), docs.join('---\n'));
        const started = performance.now();
        if (who === 'ours') {
          const result = await runApply({
            repoDir: dir,
            environment: 'bench',
            target: { kubectl: cluster.kubectl, kubeconfig: cluster.kubeconfig },
            fieldManager: 'gitops-promote',
            forceConflicts: false,
            prune: false,
            timeoutSeconds: 300,
            rollbackOnFailure: false,
            commit: '0'.repeat(40),
          });
          if (result.result !== 'success') throw new Error(`bench apply failed: ${result.failure}`);
        } else {
          const kc = [`--kubeconfig=${cluster.kubeconfig}`];
          spawnSync(cluster.kubectl, [...kc, 'apply', '--server-side', '-f', join(dir, 'env', '00-ns.yaml')]);
          const applied = spawnSync(cluster.kubectl, [
            ...kc,
            'apply',
            '--server-side',
            '-f',
            join(dir, 'env', 'objects.yaml'),
          ]);
          if (applied.status !== 0) throw new Error(`kubectl apply failed: ${applied.stderr.toString()}`);
          for (let i = 0; i < 49; i++) {
            spawnSync(cluster.kubectl, [...kc, '-n', ns, 'rollout', 'status', `deployment/d${i}`, '--timeout=300s']);
          }
        }
        times[who] = performance.now() - started;
        spawnSync(cluster.kubectl, [`--kubeconfig=${cluster.kubeconfig}`, 'delete', 'namespace', ns, '--wait=false']);
      }
      const ratio = (times.ours ?? NaN) / (times.kubectl ?? NaN);
      ratios.push(ratio);
      console.log(
        `  round ${round + 1}: gitops-promote ${times.ours?.toFixed(0)} ms, kubectl ${times.kubectl?.toFixed(0)} ms, ratio ${ratio.toFixed(2)}x`,
      );
    }
    const ratio = median(ratios);
    console.log(`  ratio: ${ratio.toFixed(2)}x median (target <= 1.2x): ${verdict(ratio <= 1.2)}`);
    return [{ name: 'apply vs kubectl', ok: ratio <= 1.2, measured: `${ratio.toFixed(2)}x median`, target: '<= 1.2x' }];
  } finally {
    rmSync(root, { recursive: true, force: true });
    await cluster.stop();
  }
}
