// Where the local cluster's binaries live: outside the repository, in a folder keyed by the pinned
// versions (versions.json), the build recipe and the Go toolchain, so a change of any of them builds anew
// and nothing else does.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const toolDir = dirname(fileURLToPath(import.meta.url));

/** One Go tool module: a module from the proxy at a pinned version, and the binaries built from it. */
export interface ToolSpec {
  module: string;
  version: string;
  /** binary name -> package path inside the module ('' for the module's root package) */
  binaries: Record<string, string>;
}

export type Versions = Record<'kubernetes' | 'etcd' | 'kwok', ToolSpec>;

/** Bump when the build changes in a way that changes the binaries (flags, ldflags, module layout). */
export const RECIPE = 1;

/**
 * kwok's own stage definitions, as shipped in the pinned kwok module (the ones kwokctl gives a cluster):
 * nodes become Ready and keep a lease, pods become Ready, Job pods complete, deleted pods go away.
 * The build copies them from the module into the bin folder, beside the binaries.
 */
export const KWOK_STAGES = [
  'kustomize/stage/node/fast/node-initialize.yaml',
  'kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml',
  'kustomize/stage/pod/fast/pod-ready.yaml',
  'kustomize/stage/pod/fast/pod-complete.yaml',
  'kustomize/stage/pod/fast/pod-delete.yaml',
];

export const stagesDir = (binDir: string) => join(binDir, 'kwok-stages');

export function readVersions(): Versions {
  return JSON.parse(readFileSync(join(toolDir, 'versions.json'), 'utf8')) as Versions;
}

export function binaryNames(versions: Versions): string[] {
  return Object.values(versions).flatMap((tool) => Object.keys(tool.binaries));
}

/** The cache root: LOCAL_CLUSTER_CACHE, else $XDG_CACHE_HOME or ~/.cache, under gitops-promote/local-cluster. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOCAL_CLUSTER_CACHE) return env.LOCAL_CLUSTER_CACHE;
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'gitops-promote', 'local-cluster');
}

/** `go version` output (e.g. "go1.26.8"), or undefined when go is not on PATH. */
export function goVersion(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const result = spawnSync('go', ['env', 'GOVERSION'], { env, encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.trim() || undefined;
}

/**
 * The cache key: the versions file, the recipe and the toolchain's minor version (a patch release of Go
 * does not make the cached binaries wrong, so it does not throw them away).
 */
export function cacheKey(versions: Versions, go: string): string {
  const goMinor = /^go(\d+\.\d+)/.exec(go)?.[1] ?? go;
  const hash = createHash('sha256')
    .update(JSON.stringify({ versions, recipe: RECIPE, go: goMinor }))
    .digest('hex')
    .slice(0, 12);
  return `k8s-${versions.kubernetes.version}-${hash}`;
}

const STAMP = '.complete.json';

export interface Cached {
  binDir: string;
  key: string;
}

/**
 * The folder of a complete cached build for these versions, whatever Go built it: the stamp names the
 * versions, so a machine whose Go is gone can still run what was built before.
 */
export function findCached(env: NodeJS.ProcessEnv = process.env, versions = readVersions()): Cached | undefined {
  const root = cacheRoot(env);
  if (!existsSync(root)) return undefined;
  const wanted = JSON.stringify(versions);
  for (const key of readdirSafe(root)) {
    const binDir = join(root, key, 'bin');
    try {
      const stamp = JSON.parse(readFileSync(join(binDir, STAMP), 'utf8')) as { versions: Versions; recipe: number };
      if (JSON.stringify(stamp.versions) !== wanted || stamp.recipe !== RECIPE) continue;
      if (binaryNames(versions).every((name) => existsSync(join(binDir, name)))) return { binDir, key };
    } catch {
      continue;
    }
  }
  return undefined;
}

export const stampFile = (binDir: string) => join(binDir, STAMP);

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
