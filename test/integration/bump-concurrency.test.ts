// Concurrency against the local GitHub: many bumps at once must neither duplicate pull requests
// nor let an older tag win, and every branch must carry exactly its app's change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseBodyRecord, parseCommitRecord } from '../../src/core/promotion/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import {
  branchDiff,
  bump,
  devTag,
  exampleFiles,
  fastClient,
  OWNER,
  payload,
  raceOneApp,
  testSeed,
} from './bump-fixtures.js';

const APPS = 50;
let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

function fiftyAppRepository(): Record<string, string> {
  const names = Array.from({ length: APPS }, (_, index) => `app-${index}`);
  const files: Record<string, string> = {
    '.github/promotion.yml': `environments:\n  - {name: dev, path: releases/dev, tags: "glob:dev-*"}\napps:\n${names.map((name) => `  ${name}: {image: ghcr.io/acme/${name}}\n`).join('')}`,
  };
  for (const name of names) {
    files[`releases/dev/${name}.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${name}\n          image: ghcr.io/acme/${name}:dev-00000000-1763600000 # pinned by CI\n`;
  }
  return files;
}

describe('concurrent bumps', () => {
  test(`${APPS} apps bumped in parallel into one environment give ${APPS} correct pull requests`, async () => {
    await github.createRepository(OWNER, 'fifty', fiftyAppRepository());
    const base = await github.git(OWNER, 'fifty', ['rev-parse', 'main']);
    const tag = devTag(1763700000);
    const results = await Promise.all(
      Array.from({ length: APPS }, (_, index) =>
        bump(github, 'fifty', payload({ app: `app-${index}`, tag, buildTimestamp: 1763700000 })),
      ),
    );
    assert.deepEqual(new Set(results.map((result) => result.operation)), new Set(['created']));
    const pulls = github.pullRequests(OWNER, 'fifty');
    assert.equal(pulls.length, APPS);
    for (let index = 0; index < APPS; index++) {
      const app = `app-${index}`;
      const pull = pulls.find((candidate) => candidate.headRef === `gitops-promote/dev/${app}`);
      assert.ok(pull, app);
      assert.equal(pull.title, `Promote ${app} to ${tag} in dev`);
      assert.deepEqual(await branchDiff(github, 'fifty', base, pull.headRef), [
        `-          image: ghcr.io/acme/${app}:dev-00000000-1763600000 # pinned by CI`,
        `+          image: ghcr.io/acme/${app}:${tag} # pinned by CI`,
      ]);
    }
    assert.equal(await github.git(OWNER, 'fifty', ['rev-parse', 'main']), base);
  });

  test('20 bumps of one app with increasing tags in random order leave one open PR with the highest tag', async (t) => {
    const seed = testSeed();
    t.diagnostic(`seed ${seed} (replay with GITOPS_PROMOTE_SEED=${seed})`);
    await github.createRepository(OWNER, 'race', exampleFiles());
    const { open, highest, results, order } = await raceOneApp(github, 'race', 'api', seed);
    t.diagnostic(
      `order ${order.map((tag) => tag.slice(-2)).join(' ')}; operations ${results.map((result) => result.operation[0]).join('')}`,
    );
    assert.equal(open.length, 1, `seed ${seed}`);
    const pull = open[0]!;
    assert.equal(pull.title, `Promote api to ${highest} in dev`, `seed ${seed}`);
    const head = await github.git(OWNER, 'race', ['rev-parse', `refs/heads/${pull.headRef}`]);
    assert.equal(parseBodyRecord(pull.body)?.commit, head, `seed ${seed}: the body describes the branch head`);
    assert.equal(parseCommitRecord(await github.git(OWNER, 'race', ['log', '-1', '--format=%B', head]))?.tag, highest);
    const content = await github.git(OWNER, 'race', ['show', `${head}:releases/dev/api/deployment.yaml`]);
    assert.equal(content.split(highest).length - 1, 2, `seed ${seed}: both api images carry ${highest}`);
    assert.equal(github.pullRequests(OWNER, 'race').length, 1, 'never a second PR');
  });

  test('the base moving between the read and the pull request re-plans on the new base', async () => {
    await github.createRepository(OWNER, 'moving', exampleFiles());
    const client = fastClient(github);
    let newBase: string | undefined;
    // Someone pushes to main right after the bump read the tree: its PR would sit on a stale base.
    client.hook.after('request', async (_response, options) => {
      if (newBase === undefined && options.method === 'GET' && String(options.url).includes('/git/trees/')) {
        newBase = await github.pushCommit(OWNER, 'moving', { branch: 'main', files: { 'NOTES.md': 'moved\n' } });
      }
    });
    const result = await bump(
      github,
      'moving',
      payload({ app: 'podinfo', tag: devTag(1763700500), buildTimestamp: 1763700500 }),
      { client },
    );
    assert.ok(newBase);
    assert.equal(result.operation, 'created', result.reason);
    assert.equal(result.record?.base, newBase);
    assert.equal(await github.git(OWNER, 'moving', ['rev-parse', `${result.commitSha}^1`]), newBase);
    const pulls = github.pullRequests(OWNER, 'moving');
    assert.equal(pulls.length, 1);
    assert.equal(parseBodyRecord(pulls[0]!.body)?.record.base, newBase);
    assert.deepEqual(await branchDiff(github, 'moving', newBase, 'gitops-promote/dev/podinfo'), [
      '-    image: ghcr.io/acme/podinfo:dev-3f2a9c1e-1763600000',
      `+    image: ghcr.io/acme/podinfo:${devTag(1763700500)}`,
    ]);
  });
});
