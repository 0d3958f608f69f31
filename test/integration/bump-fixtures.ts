// Shared by the bump tests: the example environment repository with a promotion config, payloads,
// a fast client for the local GitHub, and ways to look at what a bump left behind.
import { buildDispatchPayload, requestFromPayload, type DispatchPayload } from '../../src/core/payload/index.js';
import { bumpEnvironment, type BumpOptions, type BumpResult } from '../../src/flows/bump.js';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { readFolder } from '../../tools/local-github/folder.js';
import type { FileContents, LocalGitHub } from '../../tools/local-github/index.js';

export const OWNER = 'acme';
export const EXAMPLE_DIR = new URL('../../examples/environment-repo/', import.meta.url).pathname;

export const CONFIG = `# environments in promotion order
environments:
  - name: dev
    path: releases/dev
    tags: glob:dev-*
    labels: [promotion, env/dev]
    reviewers: [alice]
  - name: stg
    path: releases/stg
    tags: glob:stg-*
  - name: prod
    path: releases/prod
    tags: semver:~0.4
    auto-merge: squash
apps:
  podinfo:
    image: ghcr.io/acme/podinfo
  worker:
    image: ghcr.io/acme/worker
  web:
    image: ghcr.io/acme/web
  api:
    image: ghcr.io/acme/api
`;

/** The example environment repository's files plus the promotion config. */
export function exampleFiles(config = CONFIG): FileContents {
  // The tests' own config (the example's may change with the README) wins over the example's.
  return { ...readFolder(EXAMPLE_DIR), '.github/promotion.yml': config };
}

/** The production client (retry and throttling plugins) with the waits shortened for tests. */
export function fastClient(github: LocalGitHub, token = 'ghs_bump'): GitHubClient {
  return createGitHubClient({
    token,
    baseUrl: github.url,
    retryDelayMs: 2,
    retryAfterUnitMs: 5,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    fallbackSecondaryRetryAfterSeconds: 0,
    log: { warn: () => undefined, error: () => undefined },
  });
}

let counter = 0;
export function payload(fields: {
  app: string;
  tag: string;
  environment?: string;
  buildTimestamp?: number;
  digest?: string;
  sha?: string;
  ref?: string;
}): DispatchPayload {
  counter += 1;
  return buildDispatchPayload({
    app: fields.app,
    image: `ghcr.io/acme/${fields.app}`,
    tag: fields.tag,
    ...(fields.digest !== undefined && { digest: fields.digest }),
    environment: fields.environment ?? 'dev',
    source: {
      repository: `acme/${fields.app}`,
      sha: fields.sha ?? 'a1b2c3d4'.padEnd(40, '5'),
      ref: fields.ref ?? 'refs/heads/dev',
      runUrl: `https://github.com/acme/${fields.app}/actions/runs/${counter}`,
    },
    buildTimestamp: fields.buildTimestamp ?? 1_763_700_000 + counter,
    dispatchId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
  });
}

/** A dev tag ID as the tag action makes them: `dev-<sha8>-<unix ts>`. */
export function devTag(timestamp: number, sha = 'abcdef12'): string {
  return `dev-${sha}-${timestamp}`;
}

export function bump(
  github: LocalGitHub,
  repo: string,
  payloadValue: DispatchPayload,
  extra: Partial<BumpOptions> = {},
): Promise<BumpResult> {
  return bumpEnvironment({
    client: fastClient(github),
    repository: { owner: OWNER, repo },
    request: requestFromPayload(payloadValue),
    defaultBranch: 'main',
    ...extra,
  });
}

/** Every ref and every object of the repository: equal before and after means nothing was written. */
export async function repositorySnapshot(github: LocalGitHub, repo: string): Promise<string> {
  const refs = await github.git(OWNER, repo, ['for-each-ref', '--format=%(refname) %(objectname)']);
  const objects = await github.git(OWNER, repo, ['cat-file', '--batch-all-objects', '--batch-check']);
  const pulls = JSON.stringify(github.pullRequests(OWNER, repo));
  return `${refs}\n${objects}\n${pulls}`;
}

/** Lines a diff adds and removes between the base and a branch (`+`/`-` lines, headers left out). */
export async function branchDiff(github: LocalGitHub, repo: string, base: string, branch: string): Promise<string[]> {
  const diff = await github.git(OWNER, repo, ['diff', '--unified=0', `${base}...refs/heads/${branch}`]);
  return diff.split('\n').filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line));
}

/** A small seeded generator (mulberry32), so a failing random order can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** The seed of this run: GITOPS_PROMOTE_SEED when replaying, else a fresh one. */
export function testSeed(): number {
  const given = Number(process.env.GITOPS_PROMOTE_SEED);
  return Number.isInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
}

/**
 * 20 bumps of one app with increasing tags, started together in a random order. Returns what a
 * test asserts: the open PRs of the app, the tag the branch carries, and the highest tag sent.
 */
export async function raceOneApp(github: LocalGitHub, repo: string, app: string, seed: number, count = 20) {
  const random = seededRandom(seed);
  const base = 1_764_000_000 + (seed % 100_000) * 100;
  const tags = Array.from({ length: count }, (_, index) => ({
    tag: devTag(base + index),
    buildTimestamp: base + index,
  }));
  const order = shuffled(tags, random);
  const results = await Promise.all(
    order.map(({ tag, buildTimestamp }) => bump(github, repo, payload({ app, tag, buildTimestamp }))),
  );
  const open = github
    .pullRequests(OWNER, repo)
    .filter((pull) => pull.state === 'open' && pull.headRef === `gitops-promote/dev/${app}`);
  const highest = tags.at(-1)!.tag;
  return { results, open, highest, order: order.map(({ tag }) => tag) };
}
