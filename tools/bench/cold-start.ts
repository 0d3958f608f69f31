// The cold start of every committed action bundle (dist/<name>/index.js, the root action's `main`
// included), side by side with bare `node -e 0`, interleaved, under the node the runner uses. Each
// bundle runs as its action would in a real step, with inputs and an event that take it straight to
// its first GitHub API request; the clock stops there (or at the exit of a bundle that makes none).
// Peak memory (maxRSS) of each is measured in separate runs to the same point.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { BENCH_PAYLOAD, runnerNode } from './github.js';
import type { BenchResult } from './table.js';
import { TARGET_IMAGE } from './tree.js';

const root = new URL('../..', import.meta.url).pathname;
const COLD_START_TARGET = 2;
/** Bundles that are no action (the command line): not measured here. */
const NOT_ACTIONS = new Set(['cli']);

const CONFIG = `environments:
  - name: dev
    path: releases/dev
    tags: semver:>=1.0.0
  - name: stg
    path: releases/stg
    tags: semver:>=1.0.0
    from: dev
apps:
  target:
    image: ${TARGET_IMAGE}
    paths: [target]
`;

const deployment = (tag: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: target
  namespace: target
spec:
  selector:
    matchLabels: { app: target }
  template:
    metadata:
      labels: { app: target }
    spec:
      containers:
        - name: target
          image: ${TARGET_IMAGE}:${tag}
          resources:
            limits: { cpu: 100m, memory: 64Mi }
`;

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: bench
    cluster: { server: 'https://127.0.0.1:6443' }
contexts:
  - name: bench
    context: { cluster: bench, user: bench }
current-context: bench
users:
  - name: bench
    user: { token: bench-kube-token }
`;

interface Scenario {
  /** Environment beyond the runner's common variables: inputs and the event. */
  env: Record<string, string>;
  /** Where the clock stops, in words. */
  endPoint: string;
}

/** The environment repository checkout every action sees as its workspace: a git repository with one commit. */
function workspace(work: string): { dir: string; sha: string } {
  const dir = join(work, 'environments');
  mkdirSync(join(dir, '.github'), { recursive: true });
  mkdirSync(join(dir, 'releases/dev/target'), { recursive: true });
  mkdirSync(join(dir, 'releases/stg/target'), { recursive: true });
  writeFileSync(join(dir, '.github/promotion.yml'), CONFIG);
  writeFileSync(join(dir, 'releases/dev/target/deployment.yaml'), deployment('1.0.0'));
  writeFileSync(join(dir, 'releases/stg/target/deployment.yaml'), deployment('0.9.0'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'environments');
  return { dir, sha: git('rev-parse', 'HEAD') };
}

function writeEvent(work: string, name: string, event: unknown): string {
  const path = join(work, `event-${name}.json`);
  writeFileSync(path, JSON.stringify(event));
  return path;
}

function scenarios(work: string, sha: string): Record<string, Scenario> {
  const repository = { default_branch: 'main', full_name: 'acme/environments' };
  const dispatchEvent = {
    GITHUB_EVENT_NAME: 'repository_dispatch',
    GITHUB_EVENT_PATH: writeEvent(work, 'dispatch', {
      action: 'gitops-promote',
      client_payload: BENCH_PAYLOAD,
      repository,
    }),
  };
  const pushEvent = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: writeEvent(work, 'push', { ref: 'refs/heads/main', after: sha, repository }),
  };
  const firstRequest = 'first API request';
  return {
    tag: {
      env: {
        ...pushEvent,
        GITHUB_REF: 'refs/heads/dev',
        'INPUT_SHA-LENGTH': '8',
        INPUT_FORMAT: '{branch}-{sha}-{ts}',
        'INPUT_REQUIRE-MAPPING': 'false',
      },
      endPoint: 'exit (tag makes no request)',
    },
    dispatch: {
      env: {
        ...pushEvent,
        INPUT_TOKEN: 'bench',
        INPUT_REPOSITORY: 'acme/environments',
        'INPUT_EVENT-TYPE': 'gitops-promote',
        INPUT_APP: 'target',
        INPUT_IMAGE: TARGET_IMAGE,
        INPUT_TAG: '1.0.1',
        INPUT_ENVIRONMENT: 'dev',
      },
      endPoint: firstRequest,
    },
    bump: {
      env: { ...dispatchEvent, INPUT_TOKEN: 'bench', INPUT_CONFIG: '.github/promotion.yml' },
      endPoint: `${firstRequest} (the config)`,
    },
    // The root action running bump.
    main: {
      env: { ...dispatchEvent, INPUT_COMMAND: 'bump', INPUT_TOKEN: 'bench', INPUT_CONFIG: '.github/promotion.yml' },
      endPoint: `${firstRequest} (bump's)`,
    },
    validate: {
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: writeEvent(work, 'pull', {
          number: 7,
          pull_request: { number: 7, head: { sha }, base: { sha } },
          repository,
        }),
        INPUT_DIRECTORY: '.',
        INPUT_ENVIRONMENT: 'dev',
        INPUT_CLUSTER: 'none',
        'INPUT_KUBERNETES-VERSION': '1.34',
        INPUT_COMMENT: 'true',
        INPUT_TOKEN: 'bench',
      },
      endPoint: `${firstRequest} (the report comment, after the static stage of one manifest; no cluster)`,
    },
    apply: {
      env: {
        ...pushEvent,
        INPUT_KUBECONFIG: KUBECONFIG,
        INPUT_ENVIRONMENT: 'dev',
        INPUT_DIRECTORY: '.',
        INPUT_MODE: 'apply',
        INPUT_TOKEN: 'bench',
      },
      endPoint: `${firstRequest} (the Deployment, after the static stage of one manifest and the commit's promotion record; before kubectl)`,
    },
    promote: {
      env: {
        GITHUB_EVENT_NAME: 'deployment_status',
        GITHUB_EVENT_PATH: writeEvent(work, 'deployment-status', {
          deployment_status: { state: 'success', environment: 'dev' },
          deployment: { environment: 'dev', sha },
          repository,
        }),
        INPUT_TOKEN: 'bench',
        INPUT_CONFIG: '.github/promotion.yml',
      },
      endPoint: `${firstRequest} (the config)`,
    },
    rollback: {
      env: {
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: writeEvent(work, 'workflow-dispatch', { repository }),
        INPUT_TOKEN: 'bench',
        INPUT_ENVIRONMENT: 'dev',
        INPUT_APP: 'target',
        INPUT_CONFIG: '.github/promotion.yml',
      },
      endPoint: firstRequest,
    },
    status: {
      env: {
        GITHUB_EVENT_NAME: 'schedule',
        GITHUB_EVENT_PATH: writeEvent(work, 'schedule', { schedule: '0 * * * *' }),
        INPUT_TOKEN: 'bench',
        INPUT_CONFIG: '.github/promotion.yml',
      },
      endPoint: firstRequest,
    },
  };
}

interface Run {
  ms: number;
  /** What stopped the clock. */
  stop: 'request' | 'exit';
  maxRssKiB?: number;
  /** The end of what the process printed, to tell why a scenario stopped where it did. */
  output: string;
}

// Reports the peak memory on exit, also when the bench stops the process at its first request.
const REPORT_RSS =
  "data:text/javascript,const r=()=>process.stderr.write('\\nmaxrss-kib='+process.resourceUsage().maxRSS+'\\n');" +
  "process.on('exit',r);process.on('SIGTERM',()=>process.exit(143))";

/** Milliseconds from spawn to the first HTTP request the process makes (or to its exit when it makes none). */
function timeToFirstRequest(
  node: string,
  args: string[],
  env: Record<string, string>,
  server: { onRequest?: () => void },
  options: { rss?: boolean; toExit?: boolean } = {},
): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const start = process.hrtime.bigint();
    let stop: Run['stop'] | undefined;
    let ms = 0;
    let output = '';
    const child = spawn(node, options.rss ? ['--import', REPORT_RSS, ...args] : args, {
      env,
      cwd: env.GITHUB_WORKSPACE,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const mark = (how: Run['stop']) => {
      if (stop) return;
      stop = how;
      ms = Number(process.hrtime.bigint() - start) / 1e6;
    };
    // Stopped at its first request: a process left retrying would load the machine for the next start.
    server.onRequest = () => {
      mark('request');
      if (!options.toExit) child.kill();
    };
    child.on('error', reject);
    child.on('close', () => {
      mark('exit');
      const rss = /maxrss-kib=(\d+)/.exec(output)?.[1];
      resolve({ ms, stop: stop ?? 'exit', output, ...(rss !== undefined && { maxRssKiB: Number(rss) }) });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface ColdStartRow {
  bundle: string;
  endPoint: string;
  ms: number;
  range: readonly [number, number];
  ratio: number;
  ratioRange: readonly [number, number];
  emptyCacheMs: number;
  emptyCacheRatio: number;
  maxRssMiB: number;
  /** The stop the scenario expects (a request) was not what stopped it: the scenario is broken. */
  unexpectedStop?: string;
}

export async function coldStarts(rounds = 7, rssRounds = 3) {
  const state: { onRequest?: () => void; status?: number } = {};
  const server = createServer((request, response) => {
    state.onRequest?.();
    request.resume();
    response.writeHead(state.status ?? 503, { 'content-type': 'application/json' }).end('{"message":"bench"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const work = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  const { dir, sha } = workspace(work);
  // A kubectl that fails, first on PATH: no scenario may reach a real cluster or download one.
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'kubectl'), '#!/bin/sh\nexit 1\n');
  chmodSync(join(bin, 'kubectl'), 0o755);
  const common: Record<string, string> = {
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? work,
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/environments',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: sha,
    GITHUB_RUN_ID: '1',
    GITHUB_ACTOR: 'bench',
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    GITHUB_STATE: join(work, 'state'),
    GITHUB_ENV: join(work, 'env'),
    GITHUB_PATH: join(work, 'path'),
    RUNNER_TEMP: work,
  };
  // The runner creates the files of its file commands before the step starts.
  for (const file of ['output', 'summary', 'state', 'env', 'path']) writeFileSync(join(work, file), '');
  const known = scenarios(work, sha);
  const node = runnerNode();
  const bundles = readdirSync(join(root, 'dist'))
    .filter((name) => !NOT_ACTIONS.has(name))
    .sort();
  // A bundle without a scenario of its own (a new action) is still measured, with the common
  // environment only, and says so: it may stop at an input error instead of its first request.
  const scenarioOf = (bundle: string): Scenario =>
    known[bundle] ?? { env: {}, endPoint: 'exit or first request (no scenario of its own: add one)' };
  // Bundles run from V8 code caches made at the end of an earlier run (scripts/bundle-start.mjs);
  // measured both ways: warm (a start after the first on the machine: a later use in the job, a
  // self-hosted runner) and empty (the first start of a bundle in a job on a GitHub-hosted runner).
  const warmCache = join(work, 'compile-cache');
  // The floor for any bundle that talks to GitHub: bare node making one request with its own fetch.
  const fetchFloor = `fetch(${JSON.stringify(apiUrl)}).catch(() => {})`;
  const baselines: Record<string, string[]> = { 'node -e 0': ['-e', '0'], 'node + fetch': ['-e', fetchFloor] };
  const times: Record<string, Run[]> = {};
  const envOf = (bundle: string, cache: string) => ({
    ...common,
    ...scenarioOf(bundle).env,
    NODE_COMPILE_CACHE: cache,
  });
  const entry = (bundle: string) => [join(root, 'dist', bundle, 'index.js')];
  const record = (key: string, run: Run) => (times[key] ??= []).push(run);
  // One start of each fills the warm cache, as the first step of a job would: it runs to its exit
  // (GitHub answers 404, so it fails fast), since the caches are written when a process exits; the
  // measured starts are stopped at their first request.
  state.status = 404;
  for (const bundle of bundles) {
    await timeToFirstRequest(node, entry(bundle), envOf(bundle, warmCache), state, { toExit: true });
  }
  state.status = 503;
  for (let round = 0; round < rounds; round++) {
    for (const [name, args] of Object.entries(baselines)) {
      record(name, await timeToFirstRequest(node, args, { ...common }, state));
    }
    for (const bundle of bundles) {
      const emptyCache = join(work, `cache-${bundle}-${round}`);
      record(
        `${bundle} (empty cache)`,
        await timeToFirstRequest(node, entry(bundle), envOf(bundle, emptyCache), state),
      );
      record(bundle, await timeToFirstRequest(node, entry(bundle), envOf(bundle, warmCache), state));
    }
  }
  const rss: Record<string, number[]> = {};
  for (let round = 0; round < rssRounds; round++) {
    for (const [name, args] of Object.entries(baselines)) {
      const run = await timeToFirstRequest(node, args, { ...common }, state, { rss: true });
      (rss[name] ??= []).push(run.maxRssKiB ?? NaN);
    }
    for (const bundle of bundles) {
      const run = await timeToFirstRequest(node, entry(bundle), envOf(bundle, warmCache), state, { rss: true });
      (rss[bundle] ??= []).push(run.maxRssKiB ?? NaN);
    }
  }
  server.close();
  rmSync(work, { recursive: true, force: true });
  const ms = (key: string) => times[key]!.map((run) => run.ms);
  const bare = median(ms('node -e 0'));
  const mib = (key: string) => median(rss[key] ?? []) / 1024;
  const rows: ColdStartRow[] = bundles.map((bundle) => {
    const warm = ms(bundle);
    const ratios = warm.map((value, index) => value / (ms('node -e 0')[index] ?? NaN));
    const { endPoint } = scenarioOf(bundle);
    const expected: Run['stop'] = endPoint.startsWith('exit') ? 'exit' : 'request';
    const stops = new Set(times[bundle]!.map((run) => run.stop));
    return {
      bundle,
      endPoint,
      ms: median(warm),
      range: [Math.min(...warm), Math.max(...warm)] as const,
      ratio: median(warm) / bare,
      ratioRange: [Math.min(...ratios), Math.max(...ratios)] as const,
      emptyCacheMs: median(ms(`${bundle} (empty cache)`)),
      emptyCacheRatio: median(ms(`${bundle} (empty cache)`)) / bare,
      maxRssMiB: mib(bundle),
      ...(known[bundle] && !(stops.size === 1 && stops.has(expected))
        ? {
            unexpectedStop: `stopped at ${[...stops].join(' and ')}, expected ${expected}; it printed: ${times[
              bundle
            ]!.at(-1)
              ?.output.trim()
              .split('\n')
              .slice(-3)
              .map((line) => line.slice(0, 300))
              .join(' | ')}`,
          }
        : {}),
    };
  });
  return {
    node,
    rounds,
    bare,
    bareRange: [Math.min(...ms('node -e 0')), Math.max(...ms('node -e 0'))] as const,
    bareRssMiB: mib('node -e 0'),
    floor: median(ms('node + fetch')),
    floorRssMiB: mib('node + fetch'),
    rows,
  };
}

export async function benchColdStart(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const cold = await coldStarts();
  const range = ([low, high]: readonly [number, number], digits = 0) =>
    `${low.toFixed(digits)}-${high.toFixed(digits)}`;
  console.log(
    `\ncold start of each action bundle to its first API request (or exit), interleaved, median of ${cold.rounds}, under ${cold.node} (the verdict on a warm code cache, as a start after the first on the machine; an empty one beside, as a hosted job's first start); peak RSS to the same point`,
  );
  console.log(
    `  node -e 0:     ${cold.bare.toFixed(0)} ms (range ${range(cold.bareRange)}), ${cold.bareRssMiB.toFixed(1)} MiB`,
  );
  console.log(
    `  node + fetch:  ${cold.floor.toFixed(0)} ms  ${(cold.floor / cold.bare).toFixed(2)}x, ${cold.floorRssMiB.toFixed(1)} MiB (bare node's own first request with fetch)`,
  );
  for (const row of cold.rows) {
    const ok = row.ratio <= COLD_START_TARGET && row.unexpectedStop === undefined;
    console.log(
      `  ${row.bundle.padEnd(10)}  ${row.ms.toFixed(0)} ms (range ${range(row.range)})  ${row.ratio.toFixed(2)}x (range ${range(row.ratioRange, 2)}; target <= ${COLD_START_TARGET}x): ${ok ? 'within target' : 'OVER TARGET'}; ` +
        `peak RSS ${row.maxRssMiB.toFixed(1)} MiB; empty code cache ${row.emptyCacheMs.toFixed(0)} ms, ${row.emptyCacheRatio.toFixed(2)}x; to: ${row.endPoint}` +
        (row.unexpectedStop ? ` (SCENARIO BROKEN: ${row.unexpectedStop})` : ''),
    );
    results.push({
      name: `cold start ${row.bundle}`,
      ok,
      measured: `${row.ratio.toFixed(2)}x warm (${row.ms.toFixed(0)} ms vs node -e 0 ${cold.bare.toFixed(0)} ms), ${row.emptyCacheRatio.toFixed(2)}x empty, ${row.maxRssMiB.toFixed(0)} MiB`,
      target: `<= ${COLD_START_TARGET}x`,
    });
  }
  return results;
}
