// The launcher when a component dies under it: it stops the others, removes its folder and exits 1
// (a second cluster start, so this file is a slow test; cluster.test.ts covers the clean SIGTERM stop).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { clusterForTests, processesMentioning } from '../../tools/local-cluster/for-tests.js';

const got = await clusterForTests({ ...process.env, KUBECONFIG: '' });
const skip = 'skip' in got ? got.skip : false;
after(async () => {
  if ('cluster' in got) await got.cluster.stop(); // when an assertion failed before it went down
});

test(
  'a component that dies takes the whole local cluster down: exit 1, no process left, folder removed',
  { skip },
  async () => {
    const cluster = 'cluster' in got ? got.cluster : undefined;
    assert.ok(cluster?.dir);
    const argv0 = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    const kwok = processesMentioning(cluster.dir).find((pid) => argv0(pid).endsWith('/kwok'));
    assert.ok(kwok, 'the kwok controller runs');
    process.kill(kwok, 'SIGKILL');
    const code = await cluster.exited; // nobody asks it to stop: it notices by itself
    assert.equal(code, 1);
    assert.equal(existsSync(cluster.dir), false);
    assert.deepEqual(processesMentioning(cluster.dir), []);
  },
);
