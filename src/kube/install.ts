// kind and kubectl at pinned versions through @actions/tool-cache: downloaded once, checked against the
// SHA-256 pinned here (never against a checksum fetched next to the binary, which proves nothing if
// the server is the one lying), cached in the runner's tool cache, found there on the next run.
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { UserError } from '../core/errors.js';

export type Tool = 'kind' | 'kubectl';
export type Arch = 'amd64' | 'arm64';
export type Pins = Record<string, Partial<Record<Arch, string>>>;

/**
 * The published SHA-256 of each pinned release's linux binary. Each value was confirmed against
 * several independent public pins of the same version and file (code search, December 2026):
 * - kind v0.30.0 (github.com/kubernetes-sigs/kind/releases, kind-linux-<arch>): amd64 and arm64 agree
 *   in a Bazel asset table, a tools Makefile listing every platform, a Vitess-style setup script, a
 *   devcontainer post-create script and two CI install scripts.
 * - kubectl v1.34.1 (dl.k8s.io/release/v1.34.1/bin/linux/<arch>/kubectl, whose kubectl.sha256 file is
 *   the published value): amd64 agrees in a hack/ensure-kubectl script, a tools Makefile, a Dockerfile,
 *   a Helm chart's test, two e2e scripts and a provenance note that checked dl.k8s.io's .sha256; arm64
 *   in the ensure-kubectl script, the Makefile, the Dockerfile and the chart test.
 */
export const PINS: Record<Tool, Pins> = {
  kind: {
    'v0.30.0': {
      amd64: '517ab7fc89ddeed5fa65abf71530d90648d9638ef0c4cde22c2c11f8097b8889',
      arm64: '7ea2de9d2d190022ed4a8a4e3ac0636c8a455e460b9a13ccf19f15d07f4f00eb',
    },
  },
  kubectl: {
    'v1.34.1': {
      amd64: '7721f265e18709862655affba5343e85e1980639395d5754473dafaadcaa69e3',
      arm64: '420e6110e3ba7ee5a3927b5af868d18df17aae36b720529ffa4e9e945aa95450',
    },
  },
};
export const DEFAULT_KIND_VERSION = 'v0.30.0';
/** The kubectl of the Kubernetes minor the pinned KinD node image runs (a patch newer: same minor). */
export const DEFAULT_KUBECTL_VERSION = 'v1.34.1';
/** Means: use the program already on PATH (GitHub's Ubuntu images carry kind and kubectl). */
export const PREINSTALLED = 'preinstalled';

/**
 * For tests only: a base URL that replaces the official download sites, so a test can serve a binary
 * from 127.0.0.1 (`<base>/<tool>/<version>/<tool>-linux-<arch>`). The pinned SHA-256 still decides.
 */
export const DOWNLOAD_URL_ENV = 'GITOPS_PROMOTE_TEST_DOWNLOAD_URL';

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

export function runnerArch(arch: string = process.arch): Arch {
  if (arch === 'x64') return 'amd64';
  if (arch === 'arm64') return 'arm64';
  throw new InfrastructureError(`no pinned kind or kubectl for the architecture ${arch} (amd64 and arm64 are)`);
}

function officialUrl(tool: Tool, version: string, arch: Arch): string {
  return tool === 'kind'
    ? `https://github.com/kubernetes-sigs/kind/releases/download/${version}/kind-linux-${arch}`
    : `https://dl.k8s.io/release/${version}/bin/linux/${arch}/kubectl`;
}

export function downloadUrl(tool: Tool, version: string, arch: Arch, env: NodeJS.ProcessEnv = process.env): string {
  const base = env[DOWNLOAD_URL_ENV];
  return base
    ? `${base.replace(/\/+$/, '')}/${tool}/${version}/${tool}-linux-${arch}`
    : officialUrl(tool, version, arch);
}

/** The program's path when it is on PATH (and executable), else undefined. */
export function onPath(program: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return join(dir, program);
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface InstallOptions {
  /** The pins to check against (tests give their own; users never can). */
  pins?: Pins;
  arch?: Arch;
  env?: NodeJS.ProcessEnv;
  /** The input that named the version, for the error message. */
  input?: string;
}

/** Installs a pinned release of kind or kubectl (or finds it in the tool cache) and returns its path. */
export async function installTool(tool: Tool, version: string, options: InstallOptions = {}): Promise<string> {
  const pins = options.pins ?? PINS[tool];
  const arch = options.arch ?? runnerArch();
  const expected = pins[version]?.[arch];
  if (!expected) {
    throw new UserError(
      `${options.input ?? `${tool}-version`}: got ${JSON.stringify(version)}, expected one of ${[...Object.keys(pins), PREINSTALLED].join(', ')}`,
    );
  }
  const cacheVersion = version.replace(/^v/, '');
  // Loaded here, not with the module: a step that finds kubectl on PATH (or needs none) never pays for
  // tool-cache and the HTTP client under it.
  const tc = await import('@actions/tool-cache');
  const cached = tc.find(tool, cacheVersion, arch);
  // A cached binary is checked again: the tool cache is a folder any earlier step could have written.
  if (cached && sha256File(join(cached, tool)) === expected) return join(cached, tool);
  const url = downloadUrl(tool, version, arch, options.env);
  let downloaded: string;
  try {
    downloaded = await tc.downloadTool(url);
  } catch (error) {
    throw new InfrastructureError(
      `${tool} ${version} could not be downloaded from ${url}: ${(error as Error).message}`,
    );
  }
  const actual = sha256File(downloaded);
  if (actual !== expected) {
    rmSync(downloaded, { force: true });
    throw new InfrastructureError(
      `${tool} ${version} from ${url} has SHA-256 ${actual}, expected ${expected}: not installed`,
    );
  }
  chmodSync(downloaded, 0o755);
  const dir = await tc.cacheFile(downloaded, tool, tool, cacheVersion, arch);
  rmSync(downloaded, { force: true });
  return join(dir, tool);
}

/**
 * The kubectl to run: `preinstalled` takes PATH's; a version installs that pinned release; no version
 * takes PATH's when there is one and installs the default pin otherwise (or always, with `pinned`).
 */
export async function resolveKubectl(
  version: string | undefined,
  options: InstallOptions & { pinned?: boolean } = {},
): Promise<string> {
  if (version === PREINSTALLED) return 'kubectl';
  if (version === undefined && !options.pinned && onPath('kubectl', options.env)) return 'kubectl';
  return installTool('kubectl', version ?? DEFAULT_KUBECTL_VERSION, { input: 'kubectl-version', ...options });
}

/** The kind to run: `preinstalled` takes PATH's, otherwise the pinned release. */
export async function resolveKind(version: string, options: InstallOptions = {}): Promise<string> {
  if (version === PREINSTALLED) return 'kind';
  return installTool('kind', version, { input: 'kind-version', ...options });
}
