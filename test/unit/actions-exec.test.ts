// The bundles' stand-in for @actions/exec (src/bundle/actions-exec.ts) loads the real module at the
// first call and forwards to it: what @actions/tool-cache and core.platform do with it (exec with
// arguments and options, getExecOutput) gives what the real module gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as real from '@actions/exec';
import { exec, getExecOutput } from '../../src/bundle/actions-exec.js';

const node = process.execPath;
const script =
  'process.stdout.write("out:" + process.argv[1]); process.stderr.write("err"); process.exit(Number(process.argv[2]))';

test('getExecOutput: the same exit code, stdout and stderr as the real module', async () => {
  const options = { silent: true, ignoreReturnCode: true };
  const got = await getExecOutput(node, ['-e', script, 'a b', '3'], options);
  assert.deepEqual(got, await real.getExecOutput(node, ['-e', script, 'a b', '3'], options));
  assert.deepEqual(got, { exitCode: 3, stdout: 'out:a b', stderr: 'err' });
});

test('exec: a failing command rejects as with the real module; listeners see the output', async () => {
  let seen = '';
  const code = await exec(node, ['-e', script, 'x', '0'], {
    silent: true,
    listeners: { stdout: (data: Buffer) => (seen += data.toString()) },
  });
  assert.equal(code, 0);
  assert.equal(seen, 'out:x');
  const failure = (run: typeof exec) =>
    run(node, ['-e', script, 'x', '2'], { silent: true }).catch((error: Error) => error.message);
  assert.equal(await failure(exec), await failure(real.exec));
  assert.match(String(await failure(exec)), /failed with exit code 2/);
});
