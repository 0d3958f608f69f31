// The `kind` cluster mode (kind itself is installed by ./install.ts): a cluster created, the workloads' images pre-pulled onto the node with retry
// and backoff, logs exported on failure, and the cluster deleted in the action's post step.
import { log } from '../actions/shared/log.js';
import { kindCreateCommand, kindDeleteCommand, kindExportLogsCommand, kindPullCommand } from './commands.js';
import { InfrastructureError } from './install.js';
import { runCommand } from './run.js';

export { DEFAULT_KIND_VERSION, InfrastructureError, PREINSTALLED, resolveKind } from './install.js';

export interface KindOptions {
  name: string;
  nodeImage: string | undefined;
  config: string | undefined;
  waitSeconds: number;
  version?: string;
}

const RATE_LIMITED = /\b429\b|toomanyrequests|too many requests|rate limit/i;

/** Pulls each image onto the node; a registry's rate limit is an infrastructure failure. */
export async function prePull(
  name: string,
  images: readonly string[],
  options: { attempts?: number; delayMs?: number; docker?: string } = {},
): Promise<void> {
  const attempts = options.attempts ?? 4;
  for (const image of new Set(images)) {
    for (let attempt = 1; ; attempt++) {
      const result = await runCommand(
        kindPullCommand({ name, image, ...(options.docker ? { docker: options.docker } : {}) }),
      );
      if (result.code === 0) break;
      const said = `${result.stderr}${result.stdout}`.trim().split('\n').slice(-1)[0] ?? '';
      if (attempt >= attempts) {
        const what = RATE_LIMITED.test(said) ? 'the registry rate-limited the pull (HTTP 429)' : 'the pull failed';
        throw new InfrastructureError(`pre-pull of ${image}: ${what} after ${attempts} attempts: ${said}`);
      }
      await new Promise((resolve) => setTimeout(resolve, (options.delayMs ?? 2000) * 2 ** (attempt - 1)));
    }
  }
}

export async function createKindCluster(kind: string, options: KindOptions, kubeconfig: string): Promise<void> {
  const result = await runCommand(
    kindCreateCommand({
      kind,
      name: options.name,
      ...(options.nodeImage ? { image: options.nodeImage } : {}),
      ...(options.config ? { config: options.config } : {}),
      ...(options.waitSeconds ? { waitSeconds: options.waitSeconds } : {}),
      kubeconfig,
    }),
  );
  if (result.code !== 0) {
    throw new InfrastructureError(
      `kind create cluster failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
}

export async function exportKindLogs(kind: string, name: string, dir: string): Promise<void> {
  const result = await runCommand(kindExportLogsCommand({ kind, name, dir }));
  if (result.code !== 0) log.warning(`kind export logs failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
}

export async function deleteKindCluster(kind: string, name: string): Promise<void> {
  const result = await runCommand(kindDeleteCommand({ kind, name }));
  if (result.code !== 0)
    log.warning(`kind delete cluster failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
}

/** State the post step reads to delete the cluster, also after a failure. */
export const POST_STATE = { post: 'post', kind: 'kind-binary', name: 'kind-cluster' } as const;
