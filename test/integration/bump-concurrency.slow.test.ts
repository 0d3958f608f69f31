// The random-order race, 100 times with fresh seeds (CI runs it: npm run test:slow). Each run
// prints its seed; GITOPS_PROMOTE_SEED=<seed> npm test -- test/integration/bump-concurrency.test.ts replays one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseBodyRecord } from '../../src/core/promotion/index.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { exampleFiles, OWNER, raceOneApp, testSeed } from './bump-fixtures.js';

const RUNS = 100;
let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

test(`${RUNS} random-order races of 20 bumps each leave one open PR with the highest tag`, async (t) => {
  const firstSeed = testSeed();
  t.diagnostic(`seeds ${firstSeed} .. ${firstSeed + RUNS - 1}`);
  for (let run = 0; run < RUNS; run++) {
    const seed = firstSeed + run;
    const repo = `race-${run}`;
    await github.createRepository(OWNER, repo, exampleFiles());
    const { open, highest } = await raceOneApp(github, repo, 'api', seed);
    assert.equal(open.length, 1, `seed ${seed}`);
    assert.equal(open[0]!.title, `Promote api to ${highest} in dev`, `seed ${seed}`);
    const head = await github.git(OWNER, repo, ['rev-parse', `refs/heads/${open[0]!.headRef}`]);
    assert.equal(parseBodyRecord(open[0]!.body)?.commit, head, `seed ${seed}`);
    assert.equal(github.pullRequests(OWNER, repo).length, 1, `seed ${seed}`);
  }
});
