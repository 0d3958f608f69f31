// The runner's protocol without @actions/core (src/actions/shared/runner.ts): workflow commands on
// standard output and the job summary file. Each is held to what @actions/core itself writes for the
// same call, on the inputs that matter to the runner: line breaks, carriage returns, `%`, `::`.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import * as core from '@actions/core';
import * as runner from '../../src/actions/shared/runner.js';
import { parseAnnotations } from '../../tools/runner/harness.js';
import { stdoutOf } from './fixtures/stdout-of.js';

const MESSAGES = [
  '',
  'plain',
  'two\nlines',
  'windows\r\nline',
  'per%cent %0A and %25',
  '::warning::smuggled',
  'trailing newline\n',
  '\u2028 and ünïcödé 🚀',
];

describe('workflow commands as @actions/core writes them', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
  });

  for (const name of ['info', 'debug', 'warning', 'error', 'setSecret'] as const) {
    test(`${name}`, () => {
      for (const message of MESSAGES) {
        assert.equal(
          stdoutOf(() => runner[name](message)),
          stdoutOf(() => core[name](message)),
          JSON.stringify(message),
        );
      }
    });
  }

  test('a command stays one line of the log whatever its data', () => {
    // (U+2028 is left out: the harness's reader, a JavaScript regular expression, ends a line there.)
    for (const message of MESSAGES.filter((text) => !text.includes('\u2028'))) {
      const written = stdoutOf(() => runner.warning(message));
      assert.equal(written.split('\n').length, 2, JSON.stringify(written));
      assert.deepEqual(parseAnnotations(written), [{ level: 'warning', message, properties: {} }]);
    }
  });

  test('setFailed writes the error and fails the step when the process ends', () => {
    process.exitCode = 0;
    const ours = stdoutOf(() => runner.setFailed('bad\ninput'));
    assert.equal(process.exitCode, 1);
    process.exitCode = 0;
    assert.equal(
      ours,
      stdoutOf(() => core.setFailed('bad\ninput')),
    );
    assert.equal(process.exitCode, 1);
  });

  test('group opens and closes around the body, also when it throws', async () => {
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => lines.push(chunk) > 0) as typeof process.stdout.write;
    try {
      assert.equal(await runner.group('phase one', async () => (runner.info('inside'), 7)), 7);
      await assert.rejects(
        runner.group('phase two', () => Promise.reject(new Error('broke'))),
        { message: 'broke' },
      );
      const ours = lines.splice(0);
      assert.equal(await core.group('phase one', async () => (core.info('inside'), 7)), 7);
      await assert.rejects(
        core.group('phase two', () => Promise.reject(new Error('broke'))),
        { message: 'broke' },
      );
      assert.deepEqual(ours, lines);
      assert.deepEqual(ours, [
        '::group::phase one\n',
        'inside\n',
        '::endgroup::\n',
        '::group::phase two\n',
        '::endgroup::\n',
      ]);
    } finally {
      process.stdout.write = write;
    }
  });

  test('getState reads STATE_<name>, empty when unset', () => {
    const env = { STATE_post: 'true', STATE_empty: '' };
    assert.equal(runner.getState('post', env), 'true');
    assert.equal(runner.getState('empty', env), '');
    assert.equal(runner.getState('missing', env), '');
  });
});

describe('the job summary as @actions/core writes it', () => {
  let dir: string;
  const saved = process.env['GITHUB_STEP_SUMMARY'];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-summary-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env['GITHUB_STEP_SUMMARY'];
    else process.env['GITHUB_STEP_SUMMARY'] = saved;
  });

  test('headings, tables and raw text are appended byte for byte alike', async () => {
    const ours = join(dir, 'ours');
    const theirs = join(dir, 'theirs');
    writeFileSync(ours, 'earlier\n');
    writeFileSync(theirs, 'earlier\n');
    const rows = [
      [
        { data: 'Kind', header: true },
        { data: 'Name', header: true },
      ],
      ['Deployment', '<code>web</code>'],
      ['', 'empty cell before'],
    ];
    await runner.summary().addHeading('gitops-promote <b>x</b>', 3).addTable(rows).write({ GITHUB_STEP_SUMMARY: ours });
    await runner
      .summary()
      .addRaw('| a | b |', true)
      .addRaw('no eol')
      .addHeading('level 9', 9)
      .write({ GITHUB_STEP_SUMMARY: ours });
    await runner.summary().write({ GITHUB_STEP_SUMMARY: ours });
    process.env['GITHUB_STEP_SUMMARY'] = theirs;
    await core.summary.addHeading('gitops-promote <b>x</b>', 3).addTable(rows).write();
    await core.summary.addRaw('| a | b |', true).addRaw('no eol').addHeading('level 9', 9).write();
    await core.summary.write();
    assert.equal(readFileSync(ours, 'utf8'), readFileSync(theirs, 'utf8'));
    assert.match(readFileSync(ours, 'utf8'), /^earlier\n<h3>gitops-promote <b>x<\/b><\/h3>\n<table><tr><th>Kind<\/th>/);
  });

  test('a text is written once: the next write starts empty', async () => {
    const file = join(dir, 'summary');
    writeFileSync(file, '');
    const text = runner.summary().addRaw('once', true);
    await text.write({ GITHUB_STEP_SUMMARY: file });
    await text.write({ GITHUB_STEP_SUMMARY: file });
    assert.equal(readFileSync(file, 'utf8'), 'once\n');
  });

  test('without GITHUB_STEP_SUMMARY, or with a file it cannot write, it fails and writes nothing', async () => {
    await assert.rejects(runner.summary().addRaw('x').write({}), {
      message:
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    });
    // The runner makes the file before the step starts: one that is not there is not made here.
    const missing = join(dir, 'missing');
    await assert.rejects(runner.summary().addRaw('x').write({ GITHUB_STEP_SUMMARY: missing }), {
      message: `Unable to access summary file: '${missing}'. Check if the file has correct read/write permissions.`,
    });
    assert.ok(!existsSync(missing));
    if (process.getuid?.() !== 0) {
      const readOnly = join(dir, 'read-only');
      writeFileSync(readOnly, '');
      chmodSync(readOnly, 0o444);
      await assert.rejects(
        runner.summary().addRaw('x').write({ GITHUB_STEP_SUMMARY: readOnly }),
        /Unable to access summary file/,
      );
    }
  });
});
