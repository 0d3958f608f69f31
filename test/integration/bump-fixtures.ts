// Shared by the bump tests: the example environment repository with a promotion config, payloads,
// a fast client for the local GitHub, and ways to look at what a bump left behind.
import assert from 'node:assert/strict';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
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
    tags: glob:dev-*   # stg runs the dev build that was healthy in dev, as in the example
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
let exampleRepositories = 0;

/** A new repository `<prefix>-<n>` on the local GitHub holding the example environment repository. */
export async function newExampleRepository(
  github: LocalGitHub,
  prefix: string,
  options: { collaborators?: string[] } = {},
): Promise<string> {
  exampleRepositories += 1;
  const name = `${prefix}-${exampleRepositories}`;
  await github.createRepository(OWNER, name, exampleFiles(), options);
  return name;
}

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
    lagDelayMs: 5,
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

/**
 * The overlap of an obsolete-PR close and an update of that PR (issue 9): the environment runs T5 and
 * the open PR proposes T1; a dispatch of T3 (skipped, so it closes the PR as obsolete) and one of T9
 * (which updates the PR to T9) run together. The seed picks at which of T3's API calls T9 starts and
 * how long T3 then waits, so every window of T3's judging and closing is tried. Returns what a test checks.
 */
export async function closeUpdateRace(github: LocalGitHub, repo: string, seed: number) {
  const random = seededRandom(seed);
  const app = 'api';
  const at = (timestamp: number) => payload({ app, tag: devTag(timestamp), buildTimestamp: timestamp });
  await github.createRepository(OWNER, repo, exampleFiles());
  const opened = await bump(github, repo, at(1_763_700_100));
  if (opened.operation !== 'created') throw new Error(`setup: ${opened.reason}`);
  const path = 'releases/dev/api/deployment.yaml';
  const text = await github.git(OWNER, repo, ['show', `main:${path}`]);
  await github.pushCommit(OWNER, repo, {
    branch: 'main',
    files: { [path]: `${text.replaceAll('dev-3f2a9c1e-1763600000', devTag(1_763_700_500))}\n` },
    message: 'hand edit: T5',
  });
  const startAt = 1 + Math.floor(random() * 14);
  const pauseMs = Math.floor(random() * 600);
  const olderClient = fastClient(github);
  let calls = 0;
  let newer: Promise<BumpResult> | undefined;
  olderClient.hook.before('request', async () => {
    calls += 1;
    if (calls !== startAt) return;
    newer = bump(github, repo, at(1_763_700_900));
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  });
  const older = await bump(github, repo, at(1_763_700_300), { client: olderClient });
  newer ??= bump(github, repo, at(1_763_700_900));
  const newest = await newer;
  const pulls = github.pullRequests(OWNER, repo).filter((pull) => pull.headRef === `gitops-promote/dev/${app}`);
  return { older, newest, pulls, tag: devTag(1_763_700_900), startAt, pauseMs };
}

/** Runs closeUpdateRace and asserts no promotion was lost; returns a short line of what happened. */
export async function checkCloseUpdateRace(github: LocalGitHub, repo: string, seed: number): Promise<string> {
  const { older, newest, pulls, tag, startAt, pauseMs } = await closeUpdateRace(github, repo, seed);
  const where = `seed ${seed} (T9 started at T3's call ${startAt}, T3 paused ${pauseMs} ms)`;
  assert.equal(older.operation, 'skipped', `${where}: ${older.reason}`);
  assert.ok(['updated', 'created'].includes(newest.operation), `${where}: ${newest.reason}`);
  const open = pulls.filter((pull) => pull.state === 'open');
  assert.equal(open.length, 1, `${where}: one open PR, got ${JSON.stringify(pulls.map((p) => [p.number, p.state]))}`);
  const pull = open[0]!;
  assert.equal(newest.pullRequest?.number, pull.number, `${where}: T9 reports the PR that is open`);
  assert.equal(pull.title, `Promote api to ${tag} in dev`, where);
  const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${pull.headRef}`]);
  assert.equal(parseBodyRecord(pull.body)?.commit, head, `${where}: the body describes the branch head`);
  const closing = (github.repository(OWNER, repo)?.comments ?? []).filter((comment) => comment.issueNumber === 1);
  assert.ok(closing.length <= 1, `${where}: at most one closing comment`);
  return `${startAt}/${pauseMs}:${older.closedPullRequests.length > 0 ? 'closed' : 'left'}`;
}
