// examples/environment-branches (model 2) built on the local GitHub as its README says: main holds the
// config, dev/stg/master each add their folder at the root. A dev build healthy in dev is promoted into
// stg by a pull request that changes only the image bytes of stg's own file; prod refuses a dev build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { readFolder } from '../../tools/local-github/folder.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { branchDiff } from './bump-fixtures.js';
import { deploy, openPulls, OWNER, promote } from './promote-fixtures.js';

const EXAMPLE = new URL('../../examples/environment-branches/', import.meta.url).pathname;
const REPO = 'environments';
const DEV_TAG = 'dev-3f2a9c1e-1763600000';
const STG_TAG = 'dev-1a2b3c4d-1763500000';
const file = (branch: string) => readFileSync(`${EXAMPLE}${branch}/web.yaml`, 'utf8');

let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
  await github.createRepository(OWNER, REPO, readFolder(`${EXAMPLE}main`), { collaborators: ['alice'] });
  for (const branch of ['dev', 'stg', 'master']) {
    await github.pushCommit(OWNER, REPO, {
      branch,
      files: readFolder(`${EXAMPLE}${branch}`),
      message: `${branch}: its manifests`,
    });
  }
});
after(() => github.stop());

describe('examples/environment-branches (model 2)', () => {
  test('promote dev -> stg: a PR into stg with only the image bytes; stg keeps its replicas and host', async () => {
    await deploy(github, REPO, 'dev', [`ghcr.io/acme/web:${DEV_TAG}`], 'success', 'dev');
    const result = await promote(github, REPO, { source: 'dev' });
    assert.equal(result.promotions[0]?.operation, 'created', result.promotions[0]?.reason);
    const [pull] = openPulls(github, REPO, 'gitops-promote/stg/web');
    assert.equal(pull?.baseRef, 'stg');
    assert.deepEqual(await branchDiff(github, REPO, 'stg', 'gitops-promote/stg/web'), [
      `-          image: "ghcr.io/acme/web:${STG_TAG}"   # bumped and promoted in place`,
      `+          image: "ghcr.io/acme/web:${DEV_TAG}"   # bumped and promoted in place`,
    ]);
    const proposed = await github.git(OWNER, REPO, ['show', 'refs/heads/gitops-promote/stg/web:web.yaml']);
    assert.equal(`${proposed}\n`, file('stg').replace(STG_TAG, DEV_TAG));
  });

  test('promote stg -> prod (branch master) refuses a dev build, naming the rule, and opens nothing', async () => {
    await deploy(github, REPO, 'stg', [`ghcr.io/acme/web:${STG_TAG}`], 'success', 'stg');
    const before = github.pullRequests(OWNER, REPO).length;
    const result = await promote(github, REPO, { source: 'stg' });
    assert.match(result.promotions[0]?.reason ?? '', /prod admits semver:~0\.4/);
    assert.equal(github.pullRequests(OWNER, REPO).length, before);
  });
});
