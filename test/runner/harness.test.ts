import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  inputVariableName,
  inputVariables,
  parseAnnotations,
  parseFileCommands,
  runActionFile,
} from '../../tools/runner/harness.js';

describe('parseFileCommands', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['name=value lines', 'a=1\nb=x=y\n', { a: '1', b: 'x=y' }],
    ['heredoc', 'text<<EOF\nline 1\nline 2\nEOF\n', { text: 'line 1\nline 2' }],
    ['empty heredoc', 'empty<<ghadelimiter_1\n\nghadelimiter_1\n', { empty: '' }],
    ['CRLF and mixed forms', 'a=1\r\nb<<D\r\nx\r\nD\r\n', { a: '1', b: 'x' }],
    ['later value wins', 'a=1\na=2\n', { a: '2' }],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(parseFileCommands(text), expected));

  test('an unclosed heredoc is an error, not a silent value', () => {
    assert.throws(() => parseFileCommands('a<<EOF\nvalue\n'), /no closing delimiter EOF/);
  });
});

describe('parseAnnotations', () => {
  test('reads levels, properties and escapes; ignores other commands', () => {
    const stdout = [
      '::debug::not an annotation',
      '::error::plain%0Asecond line',
      '::warning file=a.yaml,line=3,title=50%25 done%2C almost::careful',
      '::notice::fyi',
      '::group::x',
      'just a log line',
    ].join('\n');
    assert.deepEqual(parseAnnotations(stdout), [
      { level: 'error', message: 'plain\nsecond line', properties: {} },
      { level: 'warning', message: 'careful', properties: { file: 'a.yaml', line: '3', title: '50% done, almost' } },
      { level: 'notice', message: 'fyi', properties: {} },
    ]);
  });
});

describe('inputVariables', () => {
  const definition = {
    inputs: {
      'sha-length': { default: '8' },
      token: { default: '${{ github.token }}' },
      'my input': {},
      repository: { default: '${{ github.repository }}' },
    },
  };
  const expressions = { 'github.token': 'secret', 'github.repository': 'acme/app' };

  test('names are upper case, spaces become _, hyphens stay', () => {
    assert.equal(inputVariableName('sha-length'), 'INPUT_SHA-LENGTH');
    assert.equal(inputVariableName('my input'), 'INPUT_MY_INPUT');
  });

  test('defaults are merged, given inputs win, known expressions are resolved', () => {
    assert.deepEqual(inputVariables(definition, { 'sha-length': '12', 'my input': 'x' }, expressions), {
      'INPUT_SHA-LENGTH': '12',
      INPUT_TOKEN: 'secret',
      INPUT_MY_INPUT: 'x',
      INPUT_REPOSITORY: 'acme/app',
    });
  });

  test('an input without default and not given is not set', () => {
    assert.equal('INPUT_MY_INPUT' in inputVariables(definition, {}, expressions), false);
  });

  test('an undeclared input is refused (a typo in a test)', () => {
    assert.throws(
      () => inputVariables(definition, { 'sha-lenght': '9' }, expressions),
      /unexpected input\(s\) sha-lenght/,
    );
  });

  test('an expression the harness cannot evaluate is refused', () => {
    const withSecret = { inputs: { key: { default: '${{ secrets.KEY }}' } } };
    assert.throws(() => inputVariables(withSecret, {}, expressions), /cannot evaluate \$\{\{ secrets\.KEY \}\}/);
  });
});

describe('runActionFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'harness-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // A tiny action that reports what the runner environment looks like from inside the step.
  writeFileSync(
    join(dir, 'action.yml'),
    [
      'name: probe',
      'inputs:',
      '  sha-length:',
      "    default: '8'",
      '  token:',
      "    default: '${{ github.token }}'",
      '  label: {}',
      'runs:',
      '  using: node24',
      '  main: probe.cjs',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'probe.cjs'),
    `const fs = require('node:fs');
const event = JSON.parse(fs.readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
const out = (line) => fs.appendFileSync(process.env.GITHUB_OUTPUT, line + '\\n');
out('sha-length=' + process.env['INPUT_SHA-LENGTH']);
out('token=' + process.env.INPUT_TOKEN);
out('label<<END\\n' + (process.env.INPUT_LABEL ?? '(unset)') + '\\nEND');
out('cwd=' + process.cwd());
out('event-number=' + event.number);
out('event-name=' + process.env.GITHUB_EVENT_NAME);
out('api=' + process.env.GITHUB_API_URL);
out('leaked=' + (process.env.INPUT_LEAK ?? 'no'));
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## probe\\n');
fs.appendFileSync(process.env.GITHUB_STATE, 'phase=done\\n');
fs.appendFileSync(process.env.GITHUB_ENV, 'EXPORTED=yes\\n');
fs.appendFileSync(process.env.GITHUB_PATH, '/opt/tool/bin\\n');
console.log('::warning::probe warning');
process.exitCode = 3;
`,
  );

  test('sets up the step as the runner does and reads back everything it wrote', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'harness-workspace-'));
    process.env.INPUT_LEAK = 'from the test process';
    try {
      const run = await runActionFile(join(dir, 'action.yml'), {
        inputs: { label: 'two\nlines' },
        token: 'ghs_token',
        event: { number: 42 },
        eventName: 'pull_request',
        workspace,
        apiUrl: 'http://127.0.0.1:9',
      });
      assert.equal(run.exitCode, 3);
      assert.deepEqual(run.outputs, {
        'sha-length': '8',
        token: 'ghs_token',
        label: 'two\nlines',
        cwd: workspace,
        'event-number': '42',
        'event-name': 'pull_request',
        api: 'http://127.0.0.1:9',
        leaked: 'no',
      });
      assert.equal(run.summary, '## probe\n');
      assert.deepEqual(run.state, { phase: 'done' });
      assert.deepEqual(run.exportedEnv, { EXPORTED: 'yes' });
      assert.deepEqual(run.addedPath, ['/opt/tool/bin']);
      assert.deepEqual(run.annotations, [{ level: 'warning', message: 'probe warning', properties: {} }]);
      assert.match(run.nodeVersion, /^v\d+\./);
    } finally {
      delete process.env.INPUT_LEAK;
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  test('a missing bundle says to build', async () => {
    writeFileSync(join(dir, 'missing.yml'), 'runs:\n  using: node24\n  main: dist/nothing/index.js\n');
    await assert.rejects(runActionFile(join(dir, 'missing.yml')), /index\.js is missing: run npm run build/);
  });

  test('a runtime the runner does not offer is refused', async () => {
    writeFileSync(join(dir, 'node12.yml'), 'runs:\n  using: node12\n  main: probe.cjs\n');
    await assert.rejects(runActionFile(join(dir, 'node12.yml')), /runs\.using must be one of node20, node24/);
  });
});
