// The `kind` cluster mode: kind installed at a pinned version through @actions/tool-cache and checked
// against its SHA-256, a cluster created, the workloads' images pre-pulled onto the node with retry
// and backoff, logs exported on failure, and the cluster deleted in the action's post step.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import { UserError } from '../core/errors.js';
import { kindCreateCommand, kindDeleteCommand, kindExportLogsCommand, kindPullCommand } from './commands.js';
import { runCommand } from './run.js';

/** kind releases we pin, with the SHA-256 of their linux-amd64 binary. */
export const KIND_RELEASES: Record<string, { sha256: string }> = {
  'v0.30.0': { sha256: '517ab7fc89ddeed5fa65abf71530d90648d9638ef0c4cde22c2c11f8097b8889' },
};
export const DEFAULT_KIND_VERSION = 'v0.30.0';
/** Means: use the kind already on PATH (GitHub's Ubuntu images carry one). */
export const PREINSTALLED = 'preinstalled';

/** A failure of the machinery (download, registry, cluster creation), not of the manifests. */
export class InfrastructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InfrastructureError';
  }
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Installs kind (or finds it in the tool cache) and returns the binary's path. */
export async function installKind(
  version: string,
  options: { baseUrl?: string; releases?: Record<string, { sha256: string }> } = {},
): Promise<string> {
  if (version === PREINSTALLED) return 'kind';
  const release = (options.releases ?? KIND_RELEASES)[version];
  if (!release) {
    throw new UserError(
      `kind-version: got ${JSON.stringify(version)}, expected one of ${[...Object.keys(KIND_RELEASES), PREINSTALLED].join(', ')}`,
    );
  }
  const cached = tc.find('kind', version.replace(/^v/, ''));
  if (cached && sha256File(join(cached, 'kind')) === release.sha256) return join(cached, 'kind');
  const url = `${options.baseUrl ?? 'https://github.com/kubernetes-sigs/kind/releases/download'}/${version}/kind-linux-amd64`;
  let downloaded: string;
  try {
    downloaded = await tc.downloadTool(url);
  } catch (error) {
    throw new InfrastructureError(`kind ${version} could not be downloaded from ${url}: ${(error as Error).message}`);
  }
  const actual = sha256File(downloaded);
  if (actual !== release.sha256) {
    throw new InfrastructureError(
      `kind ${version} from ${url} has SHA-256 ${actual}, expected ${release.sha256}: not installed`,
    );
  }
  chmodSync(downloaded, 0o755);
  const dir = await tc.cacheFile(downloaded, 'kind', 'kind', version.replace(/^v/, ''));
  return join(dir, 'kind');
}

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
  if (result.code !== 0)
    core.warning(`kind export logs failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
}

export async function deleteKindCluster(kind: string, name: string): Promise<void> {
  const result = await runCommand(kindDeleteCommand({ kind, name }));
  if (result.code !== 0)
    core.warning(`kind delete cluster failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`);
}

/** State the post step reads to delete the cluster, also after a failure. */
export const POST_STATE = { post: 'post', kind: 'kind-binary', name: 'kind-cluster' } as const;
