// The overlap of an obsolete close and an update, 60 times with fresh seeds (npm run test:slow).
// GITOPS_PROMOTE_SEED=<seed> npm test -- test/integration/bump-close-race.test.ts replays one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { checkCloseUpdateRace, testSeed } from './bump-fixtures.js';

const RUNS = Number(process.env.GITOPS_PROMOTE_RACE_RUNS ?? 60);
let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
});
after(() => github.stop());

test(`${RUNS} seeded overlaps of an obsolete close (T3) and an update (T9) keep T9's PR open`, async (t) => {
  const firstSeed = testSeed();
  t.diagnostic(`seeds ${firstSeed} .. ${firstSeed + RUNS - 1}`);
  const seen: string[] = [];
  const lost: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    try {
      seen.push(await checkCloseUpdateRace(github, `close-race-${run}`, firstSeed + run));
    } catch (error) {
      lost.push((error as Error).message);
    }
  }
  t.diagnostic(`start call/pause ms:outcome of T3 ${seen.join(' ')}`);
  assert.deepEqual(lost, [], `${lost.length} of ${RUNS} overlaps lost T9's promotion`);
});
