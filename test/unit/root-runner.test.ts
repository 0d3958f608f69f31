// The root action saves and reads its post-step state without @actions/core (src/actions/root-runner.ts,
// to start faster); these hold the hand-written protocol to what @actions/core writes and reads.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import * as core from '@actions/core';
import { getState, saveState } from '../../src/actions/root-runner.js';
import { stdoutOf } from './fixtures/stdout-of.js';

/** The state file with each delimiter (core's `ghadelimiter_<uuid>`, ours) made one word, so two writers' files compare. */
function stateFile(file: string): string {
  return readFileSync(file, 'utf8').replace(/ghadelimiter_[\w-]+/g, 'ghadelimiter_X');
}

describe('the root action: runner state without @actions/core', () => {
  let dir: string;
  const saved = process.env['GITHUB_STATE'];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'root-runner-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env['GITHUB_STATE'];
    else process.env['GITHUB_STATE'] = saved;
  });

  test('saveState appends the block @actions/core appends to GITHUB_STATE', () => {
    const ours = join(dir, 'ours');
    const theirs = join(dir, 'theirs');
    writeFileSync(ours, 'earlier=1\n');
    writeFileSync(theirs, 'earlier=1\n');
    saveState('root-post', 'true', { GITHUB_STATE: ours });
    saveState('root-post', '', { GITHUB_STATE: ours });
    process.env['GITHUB_STATE'] = theirs;
    core.saveState('root-post', 'true');
    core.saveState('root-post', '');
    assert.equal(stateFile(ours), stateFile(theirs));
    assert.match(
      readFileSync(ours, 'utf8'),
      /^earlier=1\nroot-post<<ghadelimiter_gitops-promote_\ntrue\nghadelimiter_gitops-promote_\n/,
    );
  });

  test('saveState fails as @actions/core does when GITHUB_STATE names no file', () => {
    const missing = join(dir, 'missing');
    process.env['GITHUB_STATE'] = missing;
    assert.throws(() => core.saveState('root-post', 'true'), { message: `Missing file at path: ${missing}` });
    assert.throws(() => saveState('root-post', 'true', { GITHUB_STATE: missing }), {
      message: `Missing file at path: ${missing}`,
    });
  });

  test('without GITHUB_STATE, saveState writes the save-state command @actions/core writes', () => {
    delete process.env['GITHUB_STATE'];
    const ours = stdoutOf(() => saveState('root-post', 'true', {}));
    assert.equal(
      ours,
      stdoutOf(() => core.saveState('root-post', 'true')),
    );
    assert.equal(ours, '::save-state name=root-post::true\n');
  });

  test('without GITHUB_STATE, a value with a line break or % is escaped as @actions/core escapes it', () => {
    delete process.env['GITHUB_STATE'];
    for (const value of ['line\nbreak', '50%', 'a\r\n::warning::x']) {
      const ours = stdoutOf(() => saveState('root-post', value, {}));
      assert.equal(
        ours,
        stdoutOf(() => core.saveState('root-post', value)),
      );
      assert.equal(ours.split('\n').length, 2, 'one command line');
    }
  });

  test('getState reads STATE_<name> as @actions/core does, empty when absent', () => {
    assert.equal(getState('root-post', { STATE_root_post: 'x', 'STATE_root-post': 'true' }), 'true');
    assert.equal(getState('root-post', {}), '');
    process.env['STATE_root-post-test'] = 'yes';
    try {
      assert.equal(getState('root-post-test'), core.getState('root-post-test'));
    } finally {
      delete process.env['STATE_root-post-test'];
    }
  });
});
