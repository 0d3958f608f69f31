// actionlint and zizmor, at the versions .ci/lint-workflows pins, over what this repository ships
// (zero findings) and over a workflow with the mistakes they exist to catch (found, so the run above
// is not vacuous). Without the tools in their cache the tests are skipped, saying how to install them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;
const script = readFileSync(join(root, '.ci/lint-workflows'), 'utf8');
const version = (name: string) => new RegExp(`^${name}_VERSION=(\\S+)$`, 'm').exec(script)?.[1] ?? '';
const tools = process.env.GITOPS_PROMOTE_TOOLS ?? join(homedir(), '.cache/gitops-promote/tools');
const actionlint = join(tools, `actionlint-${version('ACTIONLINT')}`, 'actionlint');
const zizmorDir = join(tools, `zizmor-${version('ZIZMOR')}`);
const zizmor = join(zizmorDir, 'bin', 'zizmor');
const missing = [actionlint, zizmor].filter((path) => !existsSync(path));
const skip = missing.length > 0 ? `not installed (${missing.join(', ')}): run bash .ci/lint-workflows` : undefined;

const scratch = mkdtempSync(join(tmpdir(), 'workflow-linters-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// Each mistake as a user would make it: an unpinned third-party action, credentials left in
// .git/config, an event field expanded into a shell, and a reference to an unknown output.
const BAD_WORKFLOW = `name: bad
on:
  push:
  repository_dispatch:
permissions: write-all
jobs:
  bad:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.event.client_payload.app }}"
      - run: echo "\${{ github.event.head_commit.message }}"
      - run: echo "\${{ steps.nothing.outputs.x }}"
`;

function run(command: string, args: string[]) {
  return spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: zizmorDir, NO_COLOR: '1' },
  });
}

describe('workflow linters', () => {
  const shipped = ['.github/workflows/bump.yml', '.github/workflows/ci.yml', '.github/workflows/release.yml'];
  test('actionlint: the shipped workflows have no findings', { skip }, () => {
    const result = run(actionlint, [
      '-config-file',
      '.github/actionlint.yaml',
      ...shipped,
      'examples/workflows/app-ci.yml',
    ]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
  test('zizmor: the shipped workflows have no findings', { skip }, () => {
    const result = run(zizmor, [
      '--offline',
      '--config',
      '.github/zizmor.yml',
      ...shipped,
      'examples/workflows/app-ci.yml',
    ]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
  test('both find the mistakes they exist to catch', { skip }, () => {
    const file = join(scratch, 'bad.yml');
    writeFileSync(file, BAD_WORKFLOW);
    const linted = run(actionlint, [file]);
    assert.notEqual(linted.status, 0);
    assert.match(linted.stdout, /head_commit\.message.*potentially untrusted/);
    assert.match(linted.stdout, /property "nothing" is not defined/);
    const audited = run(zizmor, ['--offline', '--config', '.github/zizmor.yml', '--format', 'plain', file]);
    assert.notEqual(audited.status, 0);
    for (const audit of ['unpinned-uses', 'template-injection', 'artipacked']) {
      assert.match(audited.stdout, new RegExp(`\\[${audit}\\]`), audit);
    }
  });
});
