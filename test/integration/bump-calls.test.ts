// API calls of a one-app bump: at most 8 to open the pull request, and the same number for an
// environment repository of 100 files as for one of 10,000 (one tree read, a blob per candidate).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { bump, devTag, OWNER, payload } from './bump-fixtures.js';

const github: LocalGitHub = await startLocalGitHub();
after(() => github.stop());

const CONFIG = `environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"}\napps:\n  podinfo: {image: ghcr.io/acme/podinfo}\n`;

function environmentOf(files: number): Record<string, string> {
  const tree: Record<string, string> = {
    '.github/promotion.yml': CONFIG,
    'releases/dev/podinfo.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: podinfo}\nspec:\n  template:\n    spec:\n      containers:\n        - name: podinfo\n          image: ghcr.io/acme/podinfo:dev-00000000-1763600000\n',
  };
  for (let index = 0; Object.keys(tree).length < files; index++) {
    tree[`releases/dev/team-${index % 50}/service-${index}.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: service-${index}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/acme/service-${index}:1.0.${index}\n`;
  }
  return tree;
}

test('a one-app bump makes at most 8 API calls, as many for 10,000 files as for 100', async (t) => {
  const counts: Record<number, { total: number; calls: Record<string, number> }> = {};
  for (const files of [100, 10_000]) {
    await github.createRepository(OWNER, `size-${files}`, environmentOf(files));
    github.resetCalls();
    const result = await bump(
      github,
      `size-${files}`,
      payload({ app: 'podinfo', tag: devTag(1763700000), buildTimestamp: 1763700000 }),
    );
    assert.equal(result.operation, 'created', result.reason);
    counts[files] = { total: github.totalCalls(), calls: github.calls() };
    t.diagnostic(`${files} files: ${github.totalCalls()} calls ${JSON.stringify(github.calls())}`);
  }
  assert.ok(counts[100]!.total <= 8, `${counts[100]!.total} calls`);
  assert.deepEqual(counts[10_000], counts[100]);
});

test('a release over a release takes no more calls: its compare link is known without asking', async () => {
  const config = `environments:\n  - {name: prod, path: releases/prod, tags: "semver:>=0.0.0"}\napps:\n  podinfo: {image: ghcr.io/acme/podinfo}\n`;
  await github.createRepository(OWNER, 'release-calls', {
    '.github/promotion.yml': config,
    'releases/prod/podinfo.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: podinfo}\nspec:\n  template:\n    spec:\n      containers:\n        - name: podinfo\n          image: ghcr.io/acme/podinfo:0.4.9\n',
  });
  github.resetCalls();
  const result = await bump(
    github,
    'release-calls',
    payload({ app: 'podinfo', tag: '0.4.10', environment: 'prod', ref: 'refs/tags/v0.4.10' }),
  );
  assert.equal(result.operation, 'created', result.reason);
  assert.deepEqual(
    result.source?.compares.map((compare) => compare.from),
    ['v0.4.9'],
  );
  assert.ok(github.totalCalls() <= 8, `${github.totalCalls()} calls ${JSON.stringify(github.calls())}`);
});
