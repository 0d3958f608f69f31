import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';

async function select(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['select', ...args], commands, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    cwd,
  });
  return { code, stdout, stderr };
}

describe('select command', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'select-cli-'));
    await writeFile(join(dir, 'tags.txt'), 'main-abc-1700000000\r\n\n  main-def-1700000100  \nlatest\n');
    await writeFile(join(dir, 'commas.txt'), 'a,b\nc\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  // [label, args, exit code, stdout]
  const table: [string, string[], number, string][] = [
    ['text output', ['--policy', 'semver:~0.4', '--tags', '0.4.9,0.4.10,0.5.0'], 0, '0.4.10\n'],
    ['json output', ['--policy', 'semver:~0.4', '--tags', '0.4.9,0.4.10', '--json'], 0, '{\n  "tag": "0.4.10"\n}\n'],
    ['spaces around commas', ['--policy', 'alphabetical', '--tags', 'a, c ,b'], 0, 'c\n'],
    [
      'filter and extract',
      [
        '--policy',
        'numerical',
        '--filter-pattern',
        '^main-[a-f0-9]+-(?P<ts>[0-9]+)',
        '--extract',
        '$ts',
        '--tags',
        'main-abc-10,main-def-9,latest',
      ],
      0,
      'main-abc-10\n',
    ],
    [
      '--all lists latest first',
      ['--policy', 'semver:>=1.0', '--tags', '1.0.0,1.2.0,dev,1.1.0', '--all'],
      0,
      '1.2.0\n1.1.0\n1.0.0\n',
    ],
    ['--all with nothing eligible lists nothing', ['--policy', 'semver:1.0.x', '--tags', '', '--all'], 0, ''],
    ['no eligible tag', ['--policy', 'semver:1.0.x', '--tags', '1.2.0'], 1, ''],
    ['empty tag list', ['--policy', 'semver:1.0.x', '--tags', ''], 1, ''],
    ['invalid policy', ['--policy', 'semver:*-*', '--tags', '1.0.0'], 1, ''],
    ['invalid regexp', ['--policy', 'semver:1.0.x', '--filter-pattern', '^test-(.*', '--tags', '1.0.0'], 1, ''],
    ['not a number', ['--policy', 'numerical', '--tags', '0,1a,b'], 1, ''],
    ['no policy', ['--tags', 'a'], 2, ''],
    ['no tags', ['--policy', 'alphabetical'], 2, ''],
    ['both tag sources', ['--policy', 'alphabetical', '--tags', 'a', '--tags-file', 'x'], 2, ''],
    ['extract without pattern', ['--policy', 'numerical', '--extract', '$1', '--tags', '1'], 2, ''],
    ['unknown option', ['--policy', 'alphabetical', '--tags', 'a', '--order', 'desc'], 2, ''],
  ];
  for (const [label, args, code, stdout] of table) {
    test(`${label}: exit ${code}`, async () => {
      const result = await select(args);
      assert.equal(result.code, code, result.stderr);
      assert.equal(result.stdout, stdout);
      if (code === 1) assert.match(result.stderr, /^gitops-promote select: [^\n]+\n$/);
    });
  }

  test('--tags-file: one tag per line, blank lines and CRLF ignored, relative to cwd', async () => {
    const result = await select(
      [
        '--policy',
        'numerical',
        '--filter-pattern',
        '^main-[a-f0-9]+-(?P<ts>[0-9]+)',
        '--extract',
        '$ts',
        '--tags-file',
        'tags.txt',
        '--json',
      ],
      dir,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { tag: 'main-def-1700000100' });
  });

  test('--tags-file keeps commas inside a tag', async () => {
    const result = await select(['--policy', 'alphabetical:desc', '--tags-file', join(dir, 'commas.txt')]);
    assert.equal(result.stdout, 'a,b\n');
  });

  test('--all --json carries the extracted values', async () => {
    const result = await select([
      '--policy',
      'alphabetical',
      '--filter-pattern',
      'ver(\\d+)',
      '--extract',
      '$1',
      '--tags',
      'ver1,rel1,ver2',
      '--all',
      '--json',
    ]);
    assert.deepEqual(JSON.parse(result.stdout), {
      tags: [
        { tag: 'ver2', value: '2' },
        { tag: 'ver1', value: '1' },
      ],
    });
  });

  test('a missing tags file is a one-line failure', async () => {
    const result = await select(['--policy', 'alphabetical', '--tags-file', join(dir, 'missing.txt')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /tags-file: cannot read .*missing\.txt.*ENOENT/);
  });
});
