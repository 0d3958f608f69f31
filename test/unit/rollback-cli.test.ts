// `rollback` on a real temporary git work tree: the previous image from the git history of the app's
// manifests, the file restored byte for byte in place; --dry-run and errors leave the tree as it was.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';
import { CONFIG, EXAMPLE_DIR } from '../integration/bump-fixtures.js';

const FILE = 'releases/dev/podinfo.yaml';
const INITIAL = 'dev-3f2a9c1e-1763600000';
const A = 'dev-aaaaaaa1-1763800000';
const B = 'dev-bbbbbbb2-1763900000';
let root: string;

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  }).trim();
}

/** A file's bytes at a commit, untouched (no trimming). */
function bytesAt(dir: string, commit: string, path: string): Buffer {
  return execFileSync('git', ['-C', dir, 'show', `${commit}:${path}`]);
}

/** A work tree of the example environment repository with dev's podinfo bumped to A, then to B. */
function workTree(name: string): { dir: string; afterA: string } {
  const dir = join(root, name);
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, '.github/promotion.yml'), CONFIG);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'initial');
  const bumpTo = (tag: string) => {
    const text = readFileSync(join(dir, FILE), 'utf8').replace(/podinfo:dev-[0-9a-f]+-\d+/, `podinfo:${tag}`);
    writeFileSync(join(dir, FILE), text);
    git(dir, 'commit', '-qam', `bump ${tag}`);
  };
  bumpTo(A);
  const afterA = git(dir, 'rev-parse', 'HEAD');
  // Another app's change after it: not a commit of podinfo's history.
  writeFileSync(
    join(dir, 'releases/dev/worker.yaml'),
    `${readFileSync(join(dir, 'releases/dev/worker.yaml'), 'utf8')}# note\n`,
  );
  git(dir, 'commit', '-qam', 'worker note');
  bumpTo(B);
  return { dir, afterA };
}

async function cli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['rollback', ...args], commands, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    cwd,
  });
  return { code, stdout, stderr };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'rollback-cli-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('rollback (command line, local work tree)', () => {
  test('finds the previous image in the git history and restores the file byte for byte', async () => {
    const { dir, afterA } = workTree('history');
    const run = await cli(['--environment', 'dev', '--app', 'podinfo', '--dir', dir, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(json.operation, 'changed');
    assert.deepEqual(json.from, [B]);
    assert.equal(json.to, A);
    assert.match(String(json.basis), new RegExp(`^the manifests at commit ${afterA.slice(0, 12)} ran ${A}$`));
    assert.deepEqual(readFileSync(join(dir, FILE)), bytesAt(dir, afterA, FILE));
    assert.equal(git(dir, 'diff', '--name-only'), FILE);
  });

  test('--dry-run prints from, to, file and line and writes nothing', async () => {
    const { dir } = workTree('dry');
    const before = readFileSync(join(dir, FILE));
    const run = await cli(['--environment', 'dev', '--app', 'podinfo', '--dry-run'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      `roll back podinfo in dev from ${B} to ${A} (the manifests at commit ${git(dir, 'rev-parse', 'HEAD~2').slice(0, 12)} ran ${A})\n` +
        `${FILE}:17 spec.values.image: ghcr.io/acme/podinfo:${B} -> ghcr.io/acme/podinfo:${A}\n` +
        `planned: would change ${FILE} (dry run, nothing written)\n`,
    );
    assert.deepEqual(readFileSync(join(dir, FILE)), before);
    assert.equal(git(dir, 'status', '--porcelain'), '');
  });

  test('--to goes to the tag asked for', async () => {
    const { dir } = workTree('to');
    const run = await cli(['--environment', 'dev', '--app', 'podinfo', '--dir', dir, '--to', INITIAL, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readFileSync(join(dir, FILE)), bytesAt(dir, 'HEAD~3', FILE));
  });

  const errors: { name: string; args: string[]; code: number; message: RegExp }[] = [
    { name: 'unknown app', args: ['--app', 'nope'], code: 1, message: /app: got "nope", expected one of the apps/ },
    { name: 'unknown environment', args: ['--environment', 'qa'], code: 1, message: /environment: got "qa"/ },
    {
      name: '--to what runs now',
      args: ['--to', B],
      code: 1,
      message: /to: got ".*", expected a tag other than the one dev runs now/,
    },
    { name: 'missing --app', args: ['--app', ''], code: 2, message: /--app is required/ },
  ];
  for (const { name, args, code, message } of errors) {
    test(`${name}: exit ${code}, nothing written`, async () => {
      const { dir } = workTree(`error-${name.replace(/\W+/g, '-')}`);
      const base = ['--environment', 'dev', '--app', 'podinfo', '--dir', dir];
      const run = await cli([...base, ...args]);
      assert.equal(run.code, code, run.stdout + run.stderr);
      assert.match(run.stderr, message);
      assert.equal(git(dir, 'status', '--porcelain'), '');
    });
  }

  test('nothing in the history to go back to: exit 1, named', async () => {
    const dir = join(root, 'fresh');
    cpSync(EXAMPLE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '.github/promotion.yml'), CONFIG);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'initial');
    const run = await cli(['--environment', 'dev', '--app', 'podinfo', '--dir', dir]);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /nothing to roll back to: podinfo in dev runs dev-3f2a9c1e-1763600000, and the last 1 commits of its manifests show no other image/,
    );
  });
});
