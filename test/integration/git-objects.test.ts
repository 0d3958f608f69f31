// Commit objects read from .git without git (src/fs/git-objects.ts), held to what git itself says of
// the same commits in real repositories: loose, packed (a repack, and the pack a shallow clone
// fetches), with a signature-like header, a merge, the first commit; and undefined, so that git is
// asked, wherever git would see something else (replacement objects, a worktree's .git file, a
// message in another encoding, a deltified object, an unknown commit).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isShallowEdge, readCommitObject } from '../../src/fs/git-objects.js';

const scratch = mkdtempSync(join(tmpdir(), 'git-objects-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const run = (dir: string, args: string[], input?: string) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  }).trim();

/** What git says of a commit: its parents and its raw message. */
function gitView(dir: string, sha: string) {
  const [, ...parents] = run(dir, ['rev-list', '--parents', '-n', '1', sha]).split(' ');
  const raw = execFileSync('git', ['-C', dir, 'cat-file', 'commit', sha], { encoding: 'utf8' });
  return { parents, message: raw.slice(raw.indexOf('\n\n') + 2) };
}

/** A repository with a root commit, plain commits, a merge and a commit with a multi-line header. */
function history(name: string): { dir: string; commits: string[] } {
  const dir = join(scratch, name);
  mkdirSync(dir);
  run(dir, ['init', '-q', '-b', 'main']);
  const commits: string[] = [];
  const commit = (file: string, message: string) => {
    writeFileSync(join(dir, file), `${message}\n`);
    run(dir, ['add', '-A']);
    run(dir, ['commit', '-q', '-m', message]);
    commits.push(run(dir, ['rev-parse', 'HEAD']));
  };
  commit('a', 'first');
  commit('b', 'second\n\nwith a body\n\nPromotion-Record: {"v":1}');
  run(dir, ['checkout', '-q', '-b', 'side']);
  commit('c', 'on the side: é ✅');
  run(dir, ['checkout', '-q', 'main']);
  commit('d', 'on main');
  run(dir, ['merge', '-q', '--no-ff', '-m', 'Merge side', 'side']);
  commits.push(run(dir, ['rev-parse', 'HEAD']));
  // A header that spans lines, as a signature does, and a blank-looking line inside it.
  const tree = run(dir, ['rev-parse', 'HEAD^{tree}']);
  const signed = `tree ${tree}\nparent ${commits.at(-1)}\nauthor t <t@t> 1700000000 +0000\ncommitter t <t@t> 1700000000 +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n abc\n -----END PGP SIGNATURE-----\n\nsigned subject\n\nsigned body\n`;
  commits.push(run(dir, ['hash-object', '-t', 'commit', '-w', '--stdin'], signed));
  run(dir, ['update-ref', 'refs/heads/signed', commits.at(-1)!]);
  return { dir, commits };
}

describe('a commit read from .git', () => {
  test('loose objects: each commit as git sees it', () => {
    const { dir, commits } = history('loose');
    for (const sha of commits) assert.deepEqual(readCommitObject(dir, sha), gitView(dir, sha), sha);
    assert.equal(readCommitObject(dir, commits.at(-1)!)?.message, 'signed subject\n\nsigned body\n');
    assert.equal(readCommitObject(dir, commits[0]!)?.parents.length, 0);
    assert.equal(readCommitObject(dir, commits.at(-2)!)?.parents.length, 2, 'the merge');
  });

  test('packed objects (a repack without deltas): each commit as git sees it, none left loose', () => {
    const { dir, commits } = history('packed');
    run(dir, ['repack', '-a', '-d', '-q', '--window=0']);
    run(dir, ['prune-packed']);
    assert.equal(run(dir, ['count-objects']).split(' ')[0], '0', 'no loose objects left');
    for (const sha of commits) assert.deepEqual(readCommitObject(dir, sha), gitView(dir, sha), sha);
    // Inflated in JavaScript: node:zlib (loaded by nothing else in this file) is never loaded.
    const { moduleLoadList } = process as unknown as { moduleLoadList: string[] };
    assert.equal(moduleLoadList.includes('NativeModule zlib'), false);
  });

  test('the pack of a shallow clone: its commit is read, and it is the shallow edge', () => {
    const { dir, commits } = history('origin');
    const clone = join(scratch, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone]);
    const head = run(clone, ['rev-parse', 'HEAD']);
    assert.equal(head, commits.at(-2), 'the merge, on main');
    assert.deepEqual(readCommitObject(clone, head), gitView(dir, head));
    assert.equal(isShallowEdge(clone, head), true);
    assert.equal(isShallowEdge(dir, head), false);
  });

  test('git is asked wherever it would see something else', () => {
    const { dir, commits } = history('others');
    const [first, second] = commits as [string, string];
    assert.equal(readCommitObject(dir, 'f'.repeat(40)), undefined, 'unknown');
    assert.equal(readCommitObject(dir, first.slice(0, 12)), undefined, 'not a full name');
    assert.equal(readCommitObject(join(dir, 'missing'), first), undefined, 'no repository');
    const tree = run(dir, ['rev-parse', 'HEAD^{tree}']);
    assert.equal(readCommitObject(dir, tree), undefined, 'not a commit');
    const latin1 = run(
      dir,
      ['hash-object', '-t', 'commit', '-w', '--stdin'],
      `tree ${tree}\nauthor t <t@t> 1 +0000\ncommitter t <t@t> 1 +0000\nencoding ISO-8859-1\n\nold\n`,
    );
    assert.equal(readCommitObject(dir, latin1), undefined, 'another encoding');
    const worktree = join(scratch, 'worktree');
    run(dir, ['worktree', 'add', '-q', '--detach', worktree, second]);
    assert.equal(readCommitObject(worktree, second), undefined, 'a worktree: .git is a file');
    assert.deepEqual(readCommitObject(dir, second), gitView(dir, second));
    run(dir, ['replace', second, first]);
    assert.equal(readCommitObject(dir, second), undefined, 'a replacement object');
  });

  test('a deltified commit in a pack is left to git', () => {
    const dir = join(scratch, 'deltas');
    mkdirSync(dir);
    run(dir, ['init', '-q', '-b', 'main']);
    // Long, nearly equal messages: git packs later commits as deltas of earlier ones.
    const long = 'a line of a long commit message that repeats\n'.repeat(200);
    const commits: string[] = [];
    for (let i = 0; i < 6; i++) {
      run(dir, ['commit', '-q', '--allow-empty', '-m', `${long}${i}`]);
      commits.push(run(dir, ['rev-parse', 'HEAD']));
    }
    run(dir, ['repack', '-a', '-d', '-q', '-f', '--window=10', '--depth=10']);
    run(dir, ['prune-packed']);
    let read = 0;
    for (const sha of commits) {
      const object = readCommitObject(dir, sha);
      if (object) {
        assert.deepEqual(object, gitView(dir, sha));
        read++;
      }
    }
    assert.ok(read < commits.length, 'some commits were deltas, and were not read');
    assert.ok(read > 0, 'the base of the deltas was read');
  });
});
