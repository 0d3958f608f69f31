// Outputs and state without node:crypto (src/actions/shared/file-command.ts): the delimiter is chosen
// not to occur in the value instead of drawn at random. These hold it to the runner's reading of the
// file (the harness's parser, which takes a block's lines up to the first line that is its delimiter)
// for values built to break it, and to what @actions/core writes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import * as core from '@actions/core';
import { delimiterFor, fileCommandBlock, saveState, setOutput } from '../../src/actions/shared/file-command.js';
import { parseFileCommands } from '../../tools/runner/harness.js';
import { stdoutOf } from './fixtures/stdout-of.js';

const PREFIX = 'ghadelimiter_gitops-promote_';

describe('file commands with a delimiter the value does not hold', () => {
  let dir: string;
  const saved = { GITHUB_OUTPUT: process.env['GITHUB_OUTPUT'], GITHUB_STATE: process.env['GITHUB_STATE'] };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-command-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test('values built to end their block early are read back whole, and nothing else is', () => {
    const hostile = [
      '',
      'plain',
      PREFIX,
      `before\n${PREFIX}\nsmuggled=1`,
      `${PREFIX}_\n${PREFIX}__\n${PREFIX}___\nsmuggled<<EOF\nx\nEOF`,
      `${'_'.repeat(40)}\n${PREFIX}${'_'.repeat(39)}`,
      'ghadelimiter_00000000-0000-0000-0000-000000000000\nsmuggled=1',
      'windows\r\nline\r\nends',
      '\n\n',
    ];
    const file = join(dir, 'output');
    for (const [index, value] of hostile.entries()) {
      writeFileSync(file, '');
      setOutput('result', value, { GITHUB_OUTPUT: file });
      // The runner reads lines, so a CRLF comes back as a line break (as with @actions/core's blocks).
      assert.deepEqual(
        parseFileCommands(readFileSync(file, 'utf8')),
        { result: value.replace(/\r\n/g, '\n') },
        `value ${index}`,
      );
    }
  });

  test('the delimiter is never in the value, whatever runs of _ it has', () => {
    const pieces = ['_', '__', PREFIX, 'a', '\n', PREFIX.slice(0, 5)];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      let value = '';
      for (let n = next() % 12; n > 0; n--) value += pieces[next() % pieces.length];
      const delimiter = delimiterFor(value);
      assert.ok(delimiter.startsWith(PREFIX));
      assert.ok(!value.includes(delimiter), JSON.stringify(value));
    }
  });

  test('outputs and state are the blocks @actions/core writes, delimiters aside', () => {
    const write = (file: string, body: () => void) => {
      writeFileSync(file, 'earlier=1\n');
      body();
      return readFileSync(file, 'utf8').replace(/ghadelimiter_[\w-]+/g, 'D');
    };
    const value = 'two\nlines: 50%, a:b';
    const ours = write(join(dir, 'ours'), () => {
      setOutput('result', value, { GITHUB_OUTPUT: join(dir, 'ours') });
      saveState('isPost', 'true', { GITHUB_STATE: join(dir, 'ours') });
    });
    process.env['GITHUB_OUTPUT'] = join(dir, 'theirs');
    process.env['GITHUB_STATE'] = join(dir, 'theirs');
    const theirs = write(join(dir, 'theirs'), () => {
      core.setOutput('result', value);
      core.saveState('isPost', 'true');
    });
    assert.equal(ours, theirs);
  });

  test('a GITHUB_OUTPUT that names no file fails as in @actions/core; a name not ours is refused', () => {
    const missing = join(dir, 'missing');
    process.env['GITHUB_OUTPUT'] = missing;
    assert.throws(() => core.setOutput('result', 'x'), { message: `Missing file at path: ${missing}` });
    assert.throws(() => setOutput('result', 'x', { GITHUB_OUTPUT: missing }), {
      message: `Missing file at path: ${missing}`,
    });
    assert.throws(() => fileCommandBlock('a<<b', 'x'), /not a name of ours/);
    assert.throws(() => setOutput('a\nb', 'x', {}), /not a name of ours/);
  });

  test('without the files (an older runner): the workflow commands @actions/core writes, escaped', () => {
    delete process.env['GITHUB_OUTPUT'];
    delete process.env['GITHUB_STATE'];
    for (const value of ['plain', 'line\nbreak', '50%\r\n::warning::x']) {
      const output = stdoutOf(() => setOutput('result', value, {}));
      assert.equal(
        output,
        stdoutOf(() => core.setOutput('result', value)),
      );
      assert.equal(output.trim().split('\n').length, 1, 'one command line');
      assert.equal(
        stdoutOf(() => saveState('isPost', value, {})),
        stdoutOf(() => core.saveState('isPost', value)),
      );
    }
  });
});
