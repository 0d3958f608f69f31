// Starts a real Kubernetes control plane on 127.0.0.1 from the cached binaries: etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler, and the kwok controller with one simulated node, all in a
// fresh temporary folder (certificates, kubeconfig, data, logs) that stop() removes.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stagesDir } from './cache.js';
import { makePki, type Pki } from './certs.js';

export const NODE_NAME = 'kwok-node-0';
/** The label that makes kwok's crash-loop stage (stages/pod-crash-loop.yaml) take a pod. */
export const CRASH_LOOP_LABEL = { key: 'gitops-promote.local/simulate', value: 'crash-loop' };

export class ClusterError extends Error {
  override name = 'ClusterError';
}

export interface Cluster {
  /** The temporary folder that holds everything (removed by stop()). */
  dir: string;
  kubeconfig: string;
  server: string;
  binDir: string;
  /** Process ids of the components, by name. */
  pids: Record<string, number>;
  /** Milliseconds from the start to ready. */
  readyAfterMs: number;
  /** Settles with the error when a component exits on its own after the cluster was ready. */
  failed: Promise<Error>;
  /** Stops every component (SIGTERM, then SIGKILL after a grace period) and removes the folder. */
  stop(): Promise<void>;
}

export interface StartOptions {
  binDir: string;
  /** Seconds to wait for ready before giving up (default 90: a cold page cache on a busy machine). */
  readyTimeoutSeconds?: number;
  /** Aborts the start (the components started so far are stopped and the folder removed). */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer();
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      return server;
    }),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

function kubeconfigYaml(server: string, pki: Pki): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: gitops-promote-local',
    '    cluster:',
    `      server: ${server}`,
    `      certificate-authority: ${pki.caCert}`,
    'users:',
    '  - name: gitops-promote-admin',
    '    user:',
    `      client-certificate: ${pki.adminCert}`,
    `      client-key: ${pki.adminKey}`,
    'contexts:',
    '  - name: gitops-promote-local',
    '    context:',
    '      cluster: gitops-promote-local',
    '      user: gitops-promote-admin',
    '      namespace: default',
    'current-context: gitops-promote-local',
    '',
  ].join('\n');
}

interface ApiResponse {
  status: number;
  body: string;
}

function apiClient(server: string, pki: Pki) {
  const ca = readFileSync(pki.caCert);
  const cert = readFileSync(pki.adminCert);
  const key = readFileSync(pki.adminKey);
  return (method: string, path: string, body?: unknown): Promise<ApiResponse> =>
    new Promise((resolve, reject) => {
      const req = request(
        new URL(path, server),
        { method, ca, cert, key, headers: { 'content-type': 'application/json' }, timeout: 5000 },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (data += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** kwok's configuration: its own shipped stages, then ours (stages/*.yaml in this folder). */
function kwokConfig(binDir: string): string {
  const ours = join(import.meta.dirname, 'stages');
  const files = [
    ...readdirSync(stagesDir(binDir))
      .sort()
      .map((f) => join(stagesDir(binDir), f)),
    ...readdirSync(ours)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(ours, f)),
  ];
  return files.map((f) => readFileSync(f, 'utf8').trim()).join('\n---\n') + '\n';
}

export async function startCluster(options: StartOptions): Promise<Cluster> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const { binDir } = options;
  const dir = mkdtempSync(join(tmpdir(), 'gitops-promote-cluster-'));
  const children = new Map<string, ChildProcess>();
  let stopping = false;
  let failure: Error | undefined;
  let reportFailure: (error: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (reportFailure = resolve));

  const stop = async () => {
    stopping = true;
    // Reverse start order: the node simulator and controllers first, the store last.
    for (const [name, child] of [...children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        log(`${name} did not stop within 10 s, killing it`);
        child.kill('SIGKILL');
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const pkiDir = join(dir, 'pki');
    const logDir = join(dir, 'logs');
    mkdirSync(pkiDir);
    mkdirSync(logDir);
    const pki = makePki(pkiDir);
    const [etcdClient, etcdPeer, apiPort, kwokPort] = await freePorts(4);
    const server = `https://127.0.0.1:${apiPort}`;
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigYaml(server, pki), { mode: 0o600 });
    const kwokConfigPath = join(dir, 'kwok.yaml');
    writeFileSync(kwokConfigPath, kwokConfig(binDir));

    const launch = (name: string, binary: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
      const logFile = join(logDir, `${name}.log`);
      const fd = openSync(logFile, 'a');
      // Its own process group: a Ctrl-C in the terminal reaches the launcher, which stops the
      // components in order, rather than every component at once.
      const child = spawn(join(binDir, binary), args, { stdio: ['ignore', fd, fd], env, detached: true });
      closeSync(fd);
      children.set(name, child);
      child.on('error', (error) => {
        failure ??= new ClusterError(`${name} could not start: ${error.message}`);
      });
      child.on('exit', (code, signal) => {
        if (stopping) return;
        failure ??= new ClusterError(
          `${name} exited (${code ?? signal}) before the cluster was stopped; its log ends with:\n${tail(logFile)}`,
        );
        log(failure.message);
        reportFailure(failure);
      });
      return child;
    };

    launch('etcd', 'etcd', [
      '--name=local',
      `--data-dir=${join(dir, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
      `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
      `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
      `--initial-cluster=local=http://127.0.0.1:${etcdPeer}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
    ]);
    launch('kube-apiserver', 'kube-apiserver', [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      // The reconciler would publish the advertise address as the kubernetes Service's endpoint,
      // and a loopback endpoint is invalid: nothing in this cluster needs it.
      '--endpoint-reconciler-type=none',
      `--secure-port=${apiPort}`,
      `--tls-cert-file=${pki.serverCert}`,
      `--tls-private-key-file=${pki.serverKey}`,
      `--client-ca-file=${pki.caCert}`,
      `--service-account-key-file=${pki.serviceAccountPub}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      '--service-cluster-ip-range=10.0.0.0/24',
      '--authorization-mode=Node,RBAC',
      '--allow-privileged=true',
      '--profiling=false',
      `--cert-dir=${join(dir, 'apiserver-certs')}`,
    ]);

    const api = apiClient(server, pki);
    const deadline = started + (options.readyTimeoutSeconds ?? 90) * 1000;
    const waitFor = async (what: string, check: () => Promise<boolean>) => {
      for (;;) {
        if (failure) throw failure;
        if (options.signal?.aborted) throw new ClusterError(`start aborted while waiting until ${what}`);
        if (await check().catch(() => false)) return;
        if (Date.now() > deadline) {
          const logs = [...children.keys()].map((n) => `--- ${n}:\n${tail(join(logDir, `${n}.log`), 10)}`);
          throw new ClusterError(`not ready after ${options.readyTimeoutSeconds ?? 90} s: ${what}\n${logs.join('\n')}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    };

    await waitFor('the API server answers /readyz', async () => (await api('GET', '/readyz')).status === 200);
    log(`API server ready after ${Date.now() - started} ms`);

    launch('kube-controller-manager', 'kube-controller-manager', [
      `--kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      '--secure-port=0',
      '--leader-elect=false',
      `--service-account-private-key-file=${pki.serviceAccountKey}`,
      `--root-ca-file=${pki.caCert}`,
      '--profiling=false',
    ]);
    launch('kube-scheduler', 'kube-scheduler', [
      `--kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      '--secure-port=0',
      '--leader-elect=false',
      '--profiling=false',
    ]);
    // kwok reads ~/.kwok/kwok.yaml when it exists: a HOME of its own keeps a user's file out.
    launch(
      'kwok',
      'kwok',
      [
        `--kubeconfig=${kubeconfig}`,
        `--config=${kwokConfigPath}`,
        '--manage-all-nodes=true',
        '--node-ip=127.0.0.1',
        `--node-name=${NODE_NAME}`,
        `--node-port=${kwokPort}`,
        `--server-address=127.0.0.1:${kwokPort}`,
        `--tls-cert-file=${pki.serverCert}`,
        `--tls-private-key-file=${pki.serverKey}`,
        '--node-lease-duration-seconds=40',
      ],
      { ...process.env, HOME: dir },
    );

    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: NODE_NAME,
        annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kwok.x-k8s.io/node': 'fake' },
        labels: {
          'kubernetes.io/hostname': NODE_NAME,
          'kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/role': 'agent',
          type: 'kwok',
        },
      },
    };
    await waitFor('the simulated node is registered', async () => {
      const res = await api('POST', '/api/v1/nodes', node);
      return res.status === 201 || res.status === 409;
    });
    await waitFor('the simulated node is Ready', async () => {
      const res = await api('GET', `/api/v1/nodes/${NODE_NAME}`);
      if (res.status !== 200) return false;
      const conditions = (JSON.parse(res.body) as { status?: { conditions?: { type: string; status: string }[] } })
        .status?.conditions;
      return conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    });
    await waitFor(
      'the default service account exists',
      async () => (await api('GET', '/api/v1/namespaces/default/serviceaccounts/default')).status === 200,
    );

    const pids = Object.fromEntries([...children].map(([name, child]) => [name, child.pid ?? -1]));
    return { dir, kubeconfig, server, binDir, pids, readyAfterMs: Date.now() - started, failed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
