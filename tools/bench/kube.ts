// Kubernetes benchmarks: the static stage of validate on a 10,000-manifest tree (the CLI's validate
// beside kubeconform, when it is built and has schemas), and apply of 200 objects against the local cluster beside plain
// `kubectl apply --server-side` + `rollout status`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runApply } from '../../src/flows/apply.js';
import { cacheRoot } from '../local-cluster/cache.js';
import { clusterForTests } from '../local-cluster/for-tests.js';
import { runnerNode } from './github.js';
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
    const version = (
      JSON.parse(kubectl('version', '-o', 'json').stdout || '{}') as { serverVersion?: { gitVersion?: string } }
    ).serverVersion?.gitVersion;
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

const CLI = new URL('../../dist/cli/index.js', import.meta.url).pathname;
const VALIDATE_ROUNDS = 3;

/** Milliseconds of one command run to its exit, with what it printed on stdout. */
function timedCommand(command: string, args: string[]): { ms: number; stdout: string; stderr: string } {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
  return { ms: performance.now() - started, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

export async function benchValidateStatic(): Promise<Result> {
  console.log(
    `validate static stage, 10,000 manifest files: gitops-promote validate --dir beside kubeconform, ${VALIDATE_ROUNDS} alternating rounds, each a command from its start to its exit`,
  );
  const root = mkdtempSync(join(tmpdir(), 'bench-validate-'));
  try {
    generateTree(root, 10_000, 200, '1.2.3');
    const binary = kubeconform();
    if (!binary)
      console.log('  kubeconform: not built (go install github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0)');
    // kubeconform reads its JSON schemas from the network unless given a folder of them; without either
    // it cannot check a built-in kind, so only a run that validated something is a fair baseline.
    // KUBECONFORM_SCHEMAS: a local folder of its JSON schemas; else they are made from the local
    // cluster's OpenAPI (kubeconform-schemas.ts), once per server version.
    const schemas = binary ? (process.env.KUBECONFORM_SCHEMAS ?? (await schemasFromCluster())) : undefined;
    const node = runnerNode();
    const ours: number[] = [];
    const theirs: number[] = [];
    let objects = 0;
    let baselineProblem = binary ? (schemas ? '' : 'kubeconform had no schemas') : 'kubeconform not built';
    for (let round = 0; round < VALIDATE_ROUNDS; round++) {
      const run = timedCommand(node, [CLI, 'validate', '--dir', root, '--json']);
      const report = JSON.parse(run.stdout || 'null') as { objects?: unknown[] } | null;
      if (!report?.objects) throw new Error(`bench: gitops-promote validate printed no report: ${run.stderr.trim()}`);
      objects = report.objects.length;
      ours.push(run.ms);
      if (!binary || !schemas || baselineProblem) continue;
      const schemaLocation = `${schemas}/{{ .NormalizedKubernetesVersion }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`;
      const theirRun = timedCommand(binary, ['-summary', '-output', 'json', '-schema-location', schemaLocation, root]);
      const valid = Number(/"valid":\s*(\d+)/.exec(theirRun.stdout)?.[1] ?? 0);
      if (valid !== objects) {
        baselineProblem = `kubeconform validated ${valid} of ${objects} objects: ${theirRun.stderr.trim().split('\n')[0] ?? ''}`;
        continue;
      }
      theirs.push(theirRun.ms);
    }
    const oursMs = median(ours);
    console.log(
      `  gitops-promote: ${oursMs.toFixed(0)} ms median for ${objects} objects (${((oursMs / objects) * 1000).toFixed(0)} µs each; range ${Math.min(...ours).toFixed(0)}-${Math.max(...ours).toFixed(0)})`,
    );
    if (baselineProblem) {
      console.log(`  kubeconform: no baseline: ${baselineProblem}`);
      return [
        {
          name: 'validate static (no baseline)',
          // Measured without its baseline: a figure only, not a target met.
          ok: true,
          measured: `${oursMs.toFixed(0)} ms, ${objects} objects (${baselineProblem})`,
        },
      ];
    }
    const theirsMs = median(theirs);
    const ratio = oursMs / theirsMs;
    console.log(
      `  kubeconform:    ${theirsMs.toFixed(0)} ms median (range ${Math.min(...theirs).toFixed(0)}-${Math.max(...theirs).toFixed(0)}); ratio ${ratio.toFixed(2)}x (target <= 1x): ${verdict(ratio <= 1)}`,
    );
    return [
      {
        name: 'validate static vs kubeconform',
        ok: ratio <= 1,
        measured: `${ratio.toFixed(2)}x (${oursMs.toFixed(0)} ms vs ${theirsMs.toFixed(0)} ms)`,
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
