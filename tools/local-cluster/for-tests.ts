// Gives a test a Kubernetes cluster, or the reason it cannot:
//   1. KUBECONFIG from the environment (any real cluster), with kubectl from PATH or the local build;
//   2. else the local cluster (`npm run local-cluster`, started as a child process), when its binaries
//      are cached or Go is there to build them (a cold build takes a long while: see the README);
//   3. else { skip: reason } naming the command that enables it. Never a pretend cluster.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { cacheRoot, findCached, goVersion, toolDir } from './cache.js';
import { opensslAvailable } from './certs.js';

export interface TestCluster {
  kubeconfig: string;
  /** The kubectl to run (the local build's when there is one). */
  kubectl: string;
  /** Where it came from: 'KUBECONFIG' or 'local'. */
  source: 'KUBECONFIG' | 'local';
  /** The local cluster's temporary folder (undefined for KUBECONFIG). */
  dir?: string;
  /** The launcher's process id (undefined for KUBECONFIG). */
  pid?: number;
  /** Seconds from the launch to ready, as the launcher reported it. */
  readySeconds?: number;
  /** Stops the local cluster (exit code of the launcher); a no-op for KUBECONFIG. */
  stop(): Promise<number | null>;
}

export type ClusterOrSkip = { cluster: TestCluster } | { skip: string };

const ENABLE =
  'set KUBECONFIG to a cluster, or install Go (1.26 or newer) and run `npm run local-cluster:build` (see tools/local-cluster/README.md)';

function runs(cmd: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  const result = spawnSync(cmd, args, { env, stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** Decides where a cluster can come from, without starting anything. */
export function planTestCluster(
  env: NodeJS.ProcessEnv = process.env,
): { kind: 'KUBECONFIG'; kubectl: string } | { kind: 'local'; build: boolean } | { kind: 'skip'; reason: string } {
  const cached = findCached(env);
  if (env.KUBECONFIG) {
    if (cached) return { kind: 'KUBECONFIG', kubectl: join(cached.binDir, 'kubectl') };
    if (runs('kubectl', ['version', '--client'], env)) return { kind: 'KUBECONFIG', kubectl: 'kubectl' };
    return { kind: 'skip', reason: `KUBECONFIG is set but kubectl is not on PATH and not built locally; ${ENABLE}` };
  }
  if (!opensslAvailable()) {
    return {
      kind: 'skip',
      reason: `no cluster: KUBECONFIG is not set and openssl (needed for the local cluster's certificates) is not on PATH; install openssl or ${ENABLE}`,
    };
  }
  if (cached) return { kind: 'local', build: false };
  if (goVersion(env)) return { kind: 'local', build: true };
  return {
    kind: 'skip',
    reason: `no cluster: KUBECONFIG is not set, the local cluster's binaries are not cached in ${cacheRoot(env)} and go is not on PATH to build them; ${ENABLE}`,
  };
}

/** Process ids of the processes whose command line mentions `text` (the cluster's folder). */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Starts `npm run local-cluster` (through tsx) and waits for its KUBECONFIG line. */
async function launchLocal(env: NodeJS.ProcessEnv): Promise<TestCluster> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(toolDir, 'main.ts')], {
    env: { ...env, KUBECONFIG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderr = '';
  let readySeconds: number | undefined;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
    if (process.env.LOCAL_CLUSTER_VERBOSE) process.stderr.write(chunk);
    const ready = /ready in ([\d.]+) s/.exec(stderr);
    if (ready) readySeconds = Number(ready[1]);
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`the local cluster exited (${code}) before it was ready:\n${stderr.trim()}`);
    }),
  ]);
  const match = /^KUBECONFIG=(.+)$/.exec(first);
  if (!match?.[1] || !existsSync(match[1])) {
    child.kill('SIGTERM');
    throw new Error(`the local cluster's first line was not KUBECONFIG=<path>: ${first}`);
  }
  const kubeconfig = match[1];
  const cached = findCached(env);
  // Give the stderr reader a moment to see the "ready in" line printed right after KUBECONFIG.
  await new Promise((r) => setTimeout(r, 50));
  return {
    kubeconfig,
    kubectl: join(cached!.binDir, 'kubectl'),
    source: 'local',
    dir: dirname(kubeconfig),
    pid: child.pid,
    readySeconds,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
}

export async function clusterForTests(env: NodeJS.ProcessEnv = process.env): Promise<ClusterOrSkip> {
  const plan = planTestCluster(env);
  if (plan.kind === 'skip') return { skip: plan.reason };
  if (plan.kind === 'KUBECONFIG') {
    return {
      cluster: { kubeconfig: env.KUBECONFIG!, kubectl: plan.kubectl, source: 'KUBECONFIG', stop: async () => 0 },
    };
  }
  if (plan.build) {
    process.stderr.write(
      'local cluster: no cached binaries; building them with Go first (a cold build takes a long while, see tools/local-cluster/README.md)\n',
    );
  }
  return { cluster: await launchLocal(env) };
}
