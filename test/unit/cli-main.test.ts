import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UsageError, type Command } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';
import { UserError } from '../../src/core/errors.js';

const echo: Command = {
  name: 'echo',
  summary: 'prints its --text',
  usage: 'usage: gitops-promote echo --text <text>',
  options: { text: { type: 'string' }, fail: { type: 'string' } },
  async run(values) {
    if (values.fail === 'user') throw new UserError('text: got "x",\nexpected "y"');
    if (values.fail === 'usage') throw new UsageError('--text is required');
    if (values.fail === 'bug') throw new TypeError('boom');
    return { json: { text: values.text }, text: String(values.text) };
  },
};

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, [echo], {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('the command line contract', () => {
  const cases: { args: string[]; code: number; stdout?: RegExp; stderr?: RegExp }[] = [
    { args: ['echo', '--text', 'hi'], code: 0, stdout: /^hi\n$/ },
    { args: ['echo', '--text', 'hi', '--json'], code: 0, stdout: /^\{\n {2}"text": "hi"\n\}\n$/ },
    { args: ['echo', '--help'], code: 0, stdout: /usage: gitops-promote echo/ },
    { args: ['--help'], code: 0, stdout: /echo +prints its --text/ },
    { args: [], code: 2, stderr: /^gitops-promote: a command is required \(echo\)\nrun 'gitops-promote --help'\n$/ },
    { args: ['nope'], code: 2, stderr: /^gitops-promote: unknown command "nope"\nrun 'gitops-promote --help'\n$/ },
    { args: ['ecoh'], code: 2, stderr: /^gitops-promote: unknown command "ecoh"; did you mean echo\?\n/ },
    {
      args: ['echo', '--bogus'],
      code: 2,
      stderr: /^gitops-promote echo: unknown option --bogus\nrun 'gitops-promote echo --help'\n$/,
    },
    {
      args: ['echo', '--txet', 'hi'],
      code: 2,
      stderr: /^gitops-promote echo: unknown option --txet; did you mean --text\?\nrun 'gitops-promote echo --help'\n$/,
    },
    {
      args: ['echo', '--tex=hi'],
      code: 2,
      stderr: /^gitops-promote echo: unknown option --tex; did you mean --text\?\n/,
    },
    { args: ['echo', '--text'], code: 2, stderr: /^gitops-promote echo: --text needs a value\n/ },
    { args: ['echo', '--json=1'], code: 2, stderr: /^gitops-promote echo: --json takes no value\n/ },
    { args: ['echo', 'stray'], code: 2, stderr: /^gitops-promote echo: unexpected argument "stray"\n/ },
    {
      args: ['echo', '--fail', 'usage'],
      code: 2,
      stderr: /^gitops-promote echo: --text is required\nrun 'gitops-promote echo --help'\n$/,
    },
    { args: ['echo', '--fail', 'user'], code: 1, stderr: /^gitops-promote echo: text: got "x", expected "y"\n$/ },
    { args: ['echo', '--fail', 'bug'], code: 1, stderr: /^gitops-promote echo: unexpected error: boom\n$/ },
  ];
  for (const { args, code, stdout, stderr } of cases) {
    test(`${args.join(' ') || '(no arguments)'} -> exit ${code}`, async () => {
      const result = await run(args);
      assert.equal(result.code, code);
      if (stdout) assert.match(result.stdout, stdout);
      if (stderr) assert.match(result.stderr, stderr);
      if (code !== 0) assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      if (code === 2)
        assert.doesNotMatch(result.stderr, /usage:/, 'one line and a pointer to --help, not the whole help');
    });
  }
});

describe('the registry loads each command only when it runs', () => {
  test('every entry loads the command of its own name, each name once', async () => {
    const names = commands.map((entry) => entry.name);
    assert.deepEqual(names, [...new Set(names)]);
    for (const entry of commands) assert.equal((await entry.load()).name, entry.name);
  });

  test('only the command that runs is loaded; --help loads them all for their summaries', async () => {
    const loaded: string[] = [];
    const lazy = [echo, { ...echo, name: 'other', summary: 'another' }].map((command) => ({
      name: command.name,
      load: async () => (loaded.push(command.name), command),
    }));
    const io = { stdout: () => {}, stderr: () => {}, cwd: process.cwd() };
    assert.equal(await runCli(['echo', '--text', 'x'], lazy, io), 0);
    assert.deepEqual(loaded, ['echo']);
    assert.equal(await runCli(['nope'], lazy, io), 2);
    assert.deepEqual(loaded, ['echo'], 'an unknown command loads nothing');
    let help = '';
    assert.equal(await runCli(['--help'], lazy, { ...io, stdout: (text) => (help += text) }), 0);
    assert.match(help, /echo +prints its --text\n +other +another/);
  });
});
