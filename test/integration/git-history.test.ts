// What apply and validate read from a real git history: the promotion record an environment commit
// carries (plain, squash and merge commits) and the files a pull request changes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { renderCommitMessage, type PromotionRecord } from '../../src/core/promotion/record.js';
import { changedFiles, readCommitRecord } from '../../src/fs/git.js';

const dir = mkdtempSync(join(tmpdir(), 'git-history-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' }).trim();
function commit(files: Record<string, string | null>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path));
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }
  git('add', '-A');
  git('commit', '-qm', message);
  return git('rev-parse', 'HEAD');
}
const record = (environment: string, sha: string): PromotionRecord => ({
  v: 1,
  app: 'web',
  environment,
  image: 'ghcr.io/acme/web',
  tag: '1.2.3',
  previousTags: ['1.2.2'],
  changes: [
    {
      file: 'releases/dev/web.yaml',
      line: 9,
      path: 'spec.template.spec.containers[0].image',
      old: '1.2.2',
      new: '1.2.3',
    },
  ],
  base: '0'.repeat(40),
  source: {
    repository: 'acme/web',
    sha,
    ref: 'refs/tags/v1.2.3',
    runUrl: 'https://github.com/acme/web/actions/runs/1',
  },
});
const SOURCE = 'a1'.repeat(20);

git('init', '-q', '-b', 'main');
const base = commit(
  { 'releases/dev/web.yaml': 'a: 1\n', 'releases/dev/db.yaml': 'b: 1\n', 'README.md': 'x\n' },
  'init',
);

describe('the promotion record of an environment commit', () => {
  test('a plain (or rebased) commit: its own message; another environment or no record gives none', async () => {
    const sha = commit(
      { 'releases/dev/web.yaml': 'a: 2\n' },
      renderCommitMessage('web 1.2.3 to dev', record('dev', SOURCE)),
    );
    assert.equal((await readCommitRecord(dir, sha, 'dev'))?.source?.sha, SOURCE);
    assert.equal(await readCommitRecord(dir, sha, 'prod'), undefined);
    assert.equal(await readCommitRecord(dir, base, 'dev'), undefined);
    assert.equal(await readCommitRecord(join(dir, 'releases'), 'f'.repeat(40), 'dev'), undefined, 'unknown commit');
  });

  test('the first commit of a history, and the edge of a shallow clone, are read alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'git-history-root-'));
    const rootGit = (...args: string[]) =>
      execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        encoding: 'utf8',
      }).trim();
    try {
      rootGit('init', '-q', '-b', 'main');
      writeFileSync(join(root, 'web.yaml'), 'a: 1\n');
      rootGit('add', '-A');
      rootGit('commit', '-qm', renderCommitMessage('web 1.2.3 to dev', record('dev', 'e5'.repeat(20))));
      assert.equal((await readCommitRecord(root, rootGit('rev-parse', 'HEAD'), 'dev'))?.source?.sha, 'e5'.repeat(20));
      const shallow = join(root, 'shallow');
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
      const head = execFileSync('git', ['-C', shallow, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
      // HEAD is the plain commit of the first test, with its record; its parent is not in the clone.
      assert.equal((await readCommitRecord(shallow, head, 'dev'))?.source?.sha, SOURCE);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a squash merge keeps the trailer in its body', async () => {
    const message = `Bump web (#3)\n\n* ${renderCommitMessage('web 1.2.4 to dev', record('dev', 'b2'.repeat(20)))}`;
    const sha = commit({ 'releases/dev/web.yaml': 'a: 3\n' }, message);
    assert.equal((await readCommitRecord(dir, sha, 'dev'))?.source?.sha, 'b2'.repeat(20));
  });

  test('a merge commit: the record of the newest commit it brings in', async () => {
    git('checkout', '-q', '-b', 'promote/web-dev');
    commit(
      { 'releases/dev/web.yaml': 'a: 4\n' },
      renderCommitMessage('web 1.2.5 to dev', record('dev', 'c3'.repeat(20))),
    );
    commit(
      { 'releases/dev/web.yaml': 'a: 5\n' },
      renderCommitMessage('web 1.2.6 to dev', record('dev', 'd4'.repeat(20))),
    );
    git('checkout', '-q', 'main');
    commit({ 'README.md': 'y\n' }, 'unrelated');
    git('merge', '-q', '--no-ff', '-m', 'Merge pull request #4 from acme/promote/web-dev', 'promote/web-dev');
    const merge = git('rev-parse', 'HEAD');
    assert.equal((await readCommitRecord(dir, merge, 'dev'))?.source?.sha, 'd4'.repeat(20));
  });

  test('git runs once for a merge or an unknown commit, never for a plain commit nor the edge of a shallow clone (a default checkout)', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'git-history-bin-'));
    const calls = join(bin, 'calls');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    const shallow = join(bin, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
    const merge = git('rev-parse', 'HEAD');
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    const count = async (repo: string, sha: string) => {
      writeFileSync(calls, '');
      const found = await readCommitRecord(repo, sha, 'dev');
      return { sha: found?.source?.sha, gits: readFileSync(calls, 'utf8').split('\n').filter(Boolean).length };
    };
    try {
      assert.deepEqual(await count(dir, merge), { sha: 'd4'.repeat(20), gits: 1 });
      assert.deepEqual(
        await count(shallow, merge),
        { sha: undefined, gits: 0 },
        'the merge alone: its message has no record',
      );
      assert.deepEqual(await count(dir, git('rev-parse', 'HEAD^2')), { sha: 'd4'.repeat(20), gits: 0 });
      assert.deepEqual(await count(dir, 'f'.repeat(40)), { sha: undefined, gits: 1 });
    } finally {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('the files a pull request changes', () => {
  test('those of the head side since the merge base, relative to the folder, deletions left out', async () => {
    git('checkout', '-q', '-b', 'pr', base);
    const head = commit(
      { 'releases/dev/db.yaml': 'b: 2\n', 'releases/dev/new.yaml': 'c: 1\n', 'README.md': null },
      'pr',
    );
    git('checkout', '-q', 'main');
    commit({ 'releases/dev/web.yaml': 'a: 9\n' }, 'main moves on');
    assert.deepEqual((await changedFiles(dir, 'main', head))?.sort(), [
      'releases/dev/db.yaml',
      'releases/dev/new.yaml',
    ]);
    assert.deepEqual((await changedFiles(join(dir, 'releases'), 'main', head))?.sort(), [
      'dev/db.yaml',
      'dev/new.yaml',
    ]);
    assert.equal(await changedFiles(dir, 'e'.repeat(40), head), undefined, 'a base the clone lacks');
  });
});
