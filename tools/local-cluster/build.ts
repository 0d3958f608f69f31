// Builds the local cluster's binaries from the Go module proxy at the versions pinned in versions.json:
// kube-apiserver, kube-controller-manager, kube-scheduler and kubectl from k8s.io/kubernetes, etcd, and
// kwok + kwokctl. Each comes from its own generated tool module (so their dependency graphs never merge),
// written into the cache folder, not the repository; the binaries are cached by version and a second run
// with nothing changed only checks the stamp.
//
//   npm run local-cluster:build          build (or reuse) and print the bin folder
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  KWOK_STAGES,
  RECIPE,
  cacheKey,
  cacheRoot,
  findCached,
  goVersion,
  readVersions,
  stagesDir,
  stampFile,
  type ToolSpec,
  type Versions,
} from './cache.js';

export class BuildError extends Error {
  override name = 'BuildError';
}

type Log = (line: string) => void;

interface GoModJson {
  Go?: string;
  GoDebug?: { Key: string; Value: string }[] | null;
  Replace?: { Old: { Path: string; Version?: string }; New: { Path: string; Version?: string } }[] | null;
}

function goEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // Static binaries with the local toolchain (never a downloaded one); no VCS stamping of our
  // generated modules.
  return { ...base, CGO_ENABLED: '0', GOTOOLCHAIN: 'local', GOFLAGS: '-buildvcs=false', GOWORK: 'off' };
}

function run(cmd: string, args: string[], options: SpawnSyncOptions & { log: Log }): string {
  const result = spawnSync(cmd, args, {
    ...options,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw new BuildError(`${cmd} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new BuildError(
      `${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${String(result.stderr).trim()}`,
    );
  }
  return String(result.stdout);
}

/** `go mod download -json` of one module version: where its go.mod and .info are, and its origin. */
function download(spec: ToolSpec, env: NodeJS.ProcessEnv, log: Log, cwd: string) {
  const out = run('go', ['mod', 'download', '-json', `${spec.module}@${spec.version}`], { env, log, cwd });
  return JSON.parse(out) as { Dir: string; GoMod: string; Info: string; Origin?: { Hash?: string } };
}

function readGoMod(path: string, env: NodeJS.ProcessEnv, log: Log, cwd: string): GoModJson {
  return JSON.parse(run('go', ['mod', 'edit', '-json', path], { env, log, cwd })) as GoModJson;
}

/**
 * The go.mod of a tool module: requires the pinned module, carries over its `go` and `godebug` lines
 * (godebug only applies in the main module), and, for k8s.io/kubernetes, replaces each staging module
 * (required at v0.0.0 and replaced by ./staging/... in k/k's own go.mod) with its published v0.X.Y.
 */
export function toolGoMod(name: string, spec: ToolSpec, upstream: GoModJson): string {
  const lines = [`module gitops-promote.local/local-cluster/${name}`, '', `go ${upstream.Go ?? '1.24'}`, ''];
  const godebug = upstream.GoDebug ?? [];
  if (godebug.length > 0) {
    lines.push('godebug (', ...godebug.map((g) => `\t${g.Key}=${g.Value}`), ')', '');
  }
  lines.push(`require ${spec.module} ${spec.version}`, '');
  const staging = (upstream.Replace ?? []).filter((r) => r.New.Path.startsWith('./staging/'));
  if (staging.length > 0) {
    const match = /^v1\.(\d+\.\d+)$/.exec(spec.version);
    if (!match) throw new BuildError(`${spec.module} ${spec.version}: expected a v1.MINOR.PATCH version`);
    const stagingVersion = `v0.${match[1]}`;
    lines.push('replace (', ...staging.map((r) => `\t${r.Old.Path} => ${r.Old.Path} ${stagingVersion}`), ')', '');
  }
  const packages = Object.values(spec.binaries).map((pkg) => (pkg ? `${spec.module}/${pkg}` : spec.module));
  lines.push('tool (', ...packages.map((p) => `\t${p}`), ')', '');
  return lines.join('\n');
}

/** Link-time version stamps, so the binaries report their release rather than a development version. */
export function versionLdflags(name: string, spec: ToolSpec, commit: string, buildDate: string): string[] {
  if (name === 'kubernetes') {
    const [major, minor] = spec.version.replace(/^v/, '').split('.');
    const fields = {
      gitVersion: spec.version,
      gitMajor: major,
      gitMinor: minor,
      gitCommit: commit,
      gitTreeState: 'clean',
      buildDate,
    };
    return ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version'].flatMap((pkg) =>
      Object.entries(fields).map(([field, value]) => `-X ${pkg}.${field}=${value}`),
    );
  }
  if (name === 'kwok') return [`-X sigs.k8s.io/kwok/pkg/consts.Version=${spec.version}`];
  if (name === 'etcd') return commit ? [`-X go.etcd.io/etcd/api/v3/version.GitSHA=${commit.slice(0, 9)}`] : [];
  return [];
}

function buildTool(name: string, spec: ToolSpec, workRoot: string, binDir: string, env: NodeJS.ProcessEnv, log: Log) {
  const dir = join(workRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  log(`${name}: ${spec.module}@${spec.version}: downloading`);
  const downloaded = download(spec, env, log, dir);
  const upstream = readGoMod(downloaded.GoMod, env, log, dir);
  const info = JSON.parse(readFileSync(downloaded.Info, 'utf8')) as { Time?: string; Origin?: { Hash?: string } };
  const commit = downloaded.Origin?.Hash ?? info.Origin?.Hash ?? '';
  const buildDate = (info.Time ?? '1970-01-01T00:00:00Z').replace(/\.\d+Z$/, 'Z');
  writeFileSync(join(dir, 'go.mod'), toolGoMod(name, spec, upstream));
  log(`${name}: resolving modules (go mod tidy)`);
  run('go', ['mod', 'tidy'], { env, log, cwd: dir });
  const ldflags = ['-s', '-w', ...versionLdflags(name, spec, commit, buildDate)].join(' ');
  for (const [binary, pkg] of Object.entries(spec.binaries)) {
    log(`${name}: building ${binary}`);
    const t = Date.now();
    const target = pkg ? `${spec.module}/${pkg}` : spec.module;
    run('go', ['build', '-trimpath', `-ldflags=${ldflags}`, '-o', join(binDir, binary), target], {
      env,
      log,
      cwd: dir,
    });
    log(`${name}: ${binary} built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  if (name === 'kwok') copyKwokStages(downloaded.Dir, binDir);
  log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Copies kwok's shipped stage files (KWOK_STAGES) from the downloaded kwok module into the bin folder. */
function copyKwokStages(moduleDir: string, binDir: string): void {
  const dir = stagesDir(binDir);
  mkdirSync(dir, { recursive: true });
  for (const file of KWOK_STAGES) copyFileSync(join(moduleDir, file), join(dir, basename(file)));
}

/** Brings kwok's stage files into a cached bin folder that lacks them (needs Go, reads the module cache). */
function ensureKwokStages(binDir: string, versions: Versions, env: NodeJS.ProcessEnv, log: Log): void {
  if (KWOK_STAGES.every((file) => existsSync(join(stagesDir(binDir), basename(file))))) return;
  const downloaded = download(versions.kwok, goEnv(env), log, binDir);
  copyKwokStages(downloaded.Dir, binDir);
}

export interface BuildResult {
  binDir: string;
  built: boolean;
}

/** Reuses a complete cached build for these versions, else builds one (Go required). */
export function ensureBinaries(options: { env?: NodeJS.ProcessEnv; log?: Log; force?: boolean } = {}): BuildResult {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`local-cluster build: ${line}\n`));
  const versions: Versions = readVersions();
  if (!options.force) {
    const cached = findCached(env, versions);
    if (cached) {
      ensureKwokStages(cached.binDir, versions, env, log);
      return { binDir: cached.binDir, built: false };
    }
  }
  const go = goVersion(env);
  if (!go) {
    throw new BuildError(
      'go is not on PATH and no cached build matches versions.json: install Go (1.26 or newer), then run npm run local-cluster:build',
    );
  }
  const root = join(cacheRoot(env), cacheKey(versions, go));
  const binDir = join(root, 'bin');
  // Our own work and output folders, so two builds at once (two test runs) do not trip each other.
  const partial = join(root, `bin.partial-${process.pid}`);
  const work = join(root, `work-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const goenv = goEnv(env);
  log(`${go}; cache ${root}`);
  try {
    for (const [name, spec] of Object.entries(versions)) {
      buildTool(name, spec, work, partial, goenv, log);
      // The generated module is kept beside the binaries: what exactly they were built from.
      const record = join(partial, 'modules', name);
      mkdirSync(record, { recursive: true });
      for (const file of ['go.mod', 'go.sum']) copyFileSync(join(work, name, file), join(record, file));
    }
    writeFileSync(
      stampFile(partial),
      JSON.stringify({ versions, recipe: RECIPE, go, builtAt: new Date().toISOString() }, null, 2) + '\n',
    );
    rmSync(binDir, { recursive: true, force: true });
    renameSync(partial, binDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(partial, { recursive: true, force: true });
  }
  return { binDir, built: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const result = ensureBinaries({ force: process.argv.includes('--force') });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `local-cluster build: ${result.built ? 'built' : 'cached, nothing to build'} in ${seconds} s\n`,
    );
    process.stdout.write(`${result.binDir}\n`);
  } catch (error) {
    process.stderr.write(`local-cluster build: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
