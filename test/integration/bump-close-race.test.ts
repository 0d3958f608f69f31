// Closing an obsolete PR never loses a newer promotion: a skipped dispatch of T3 (the environment runs
// T5, the open PR proposes T1) overlapping a dispatch of T9 that updates the same PR always ends with
// the PR open and proposing T9. A few seeds here; bump-close-race.slow.test.ts runs many.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { checkCloseUpdateRace, testSeed } from './bump-fixtures.js';

const RACE_RUNS = 6;
let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

test(`${RACE_RUNS} seeded overlaps of an obsolete close (T3) and an update (T9) keep T9's PR open`, async (t) => {
  const firstSeed = testSeed();
  t.diagnostic(`seeds ${firstSeed} .. ${firstSeed + RACE_RUNS - 1} (replay with GITOPS_PROMOTE_SEED)`);
  const seen: string[] = [];
  const lost: string[] = [];
  for (let run = 0; run < RACE_RUNS; run++) {
    try {
      seen.push(await checkCloseUpdateRace(github, `close-race-${run}`, firstSeed + run));
    } catch (error) {
      lost.push((error as Error).message);
    }
  }
  t.diagnostic(`start call/pause ms:outcome of T3 ${seen.join(' ')}`);
  assert.deepEqual(lost, [], `${lost.length} of ${RACE_RUNS} overlaps lost T9's promotion`);
});
