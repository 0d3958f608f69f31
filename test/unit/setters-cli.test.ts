import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../src/cli/main.js';
import { commands } from '../../src/cli/registry.js';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, commands, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

const OLD_TIME = new Date('2001-01-01T00:00:00Z');

const TREE: Record<string, string> = {
  'apps/deploy.yaml': 'spec:\n  containers:\n  - image: app:1.0.0 # {"$imagepolicy": "apps:web"}\n',
  'apps/Kustomization': 'images:\n  - name: app\n    newTag: 1.0.0 # {"$imagepolicy": "apps:web:tag"}\n',
  'apps/current.yaml': 'image: ghcr.io/acme/web:1.2.3 # {"$imagepolicy": "apps:web"}\n',
  'apps/other.yaml': 'image: app:1.0.0 # {"$imagepolicy": "other:web"}\n',
  'apps/plain.yaml': 'image: app:1.0.0\n',
  'apps/broken.yaml': 'a: [\nimage: app:1.0.0 # {"$imagepolicy": "other:web"}\n',
  'apps/notes.txt': 'image: app:1.0.0 # {"$imagepolicy": "apps:web"}\n',
};

describe('setters command', () => {
  let root: string;
  let dir: string;
  let outside: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'setters-cli-'));
    dir = join(root, 'repo');
    outside = join(root, 'outside.yaml');
    await writeFile(outside, TREE['apps/deploy.yaml'] ?? '');
  });
  after(() => rm(root, { recursive: true, force: true }));

  async function freshTree() {
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(dir, 'apps'), { recursive: true });
    for (const [path, text] of Object.entries(TREE)) {
      await writeFile(join(dir, path), text);
      await utimes(join(dir, path), OLD_TIME, OLD_TIME);
    }
    await symlink('missing.yaml', join(dir, 'apps/dangling.yaml'));
    await symlink(outside, join(dir, 'apps/escape.yaml'));
  }

  test('rewrites marked values in place, writes only changed files, reports JSON changes', async () => {
    await freshTree();
    const result = await cli(['setters', '--dir', dir, '--policy', 'apps:web=ghcr.io/acme/web:1.2.3', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), {
      changes: [
        { file: 'apps/Kustomization', line: 3, path: 'images[0].newTag', old: '1.0.0', new: '1.2.3' },
        {
          file: 'apps/deploy.yaml',
          line: 3,
          path: 'spec.containers[0].image',
          old: 'app:1.0.0',
          new: 'ghcr.io/acme/web:1.2.3',
        },
      ],
    });
    assert.equal(
      await readFile(join(dir, 'apps/deploy.yaml'), 'utf8'),
      'spec:\n  containers:\n  - image: ghcr.io/acme/web:1.2.3 # {"$imagepolicy": "apps:web"}\n',
    );
    for (const path of [
      'apps/current.yaml',
      'apps/other.yaml',
      'apps/plain.yaml',
      'apps/broken.yaml',
      'apps/notes.txt',
    ]) {
      assert.equal(await readFile(join(dir, path), 'utf8'), TREE[path], path);
      assert.equal((await stat(join(dir, path))).mtimeMs, OLD_TIME.getTime(), `${path} was written`);
    }
    assert.equal(await readFile(outside, 'utf8'), TREE['apps/deploy.yaml'], 'a link out of the tree is never followed');
    assert.match(result.stderr, /apps\/broken\.yaml:\d+: not valid YAML.*skipped/);
    assert.match(result.stderr, /apps\/dangling\.yaml: dangling symlink, skipped/);
  });

  test('--dry-run reports the same changes and writes nothing', async () => {
    await freshTree();
    const result = await cli(['setters', '--dir', dir, '--policy', 'apps:web=ghcr.io/acme/web:1.2.3', '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stdout,
      /^apps\/deploy\.yaml:3 spec\.containers\[0\]\.image: app:1\.0\.0 -> ghcr\.io\/acme\/web:1\.2\.3$/m,
    );
    assert.match(result.stdout, /2 value\(s\) in 2 file\(s\) would change \(dry run, nothing written\)/);
    for (const path of Object.keys(TREE)) {
      assert.equal((await stat(join(dir, path))).mtimeMs, OLD_TIME.getTime(), `${path} was written`);
    }
  });

  const exits: [string, string[], number][] = [
    ['no --policy', [], 2],
    ['no "="', ['--policy', 'apps:web'], 2],
    ['no namespace', ['--policy', 'web=app:1'], 2],
    ['a policy id with a field', ['--policy', 'apps:web:tag=app:1'], 2],
    ['an empty reference', ['--policy', 'apps:web='], 2],
    ['a policy given twice', ['--policy', 'apps:web=app:1', '--policy', 'apps:web=app:2'], 2],
    ['a reference without a tag', ['--policy', 'apps:web=ghcr.io/acme/web'], 1],
    ['an invalid reference', ['--policy', 'apps:web=acme/Web:1'], 1],
    ['a registry port, split at the first "="', ['--policy', 'apps:web=localhost:5000/web:1', '--dry-run'], 0],
    ['a policy that marks nothing', ['--policy', 'apps:nope=app:1'], 1],
    ['one of two policies marks nothing', ['--policy', 'apps:web=app:2', '--policy', 'apps:nope=app:1'], 1],
    ['a policy that marks nothing, with --allow-nothing', ['--policy', 'apps:nope=app:1', '--allow-nothing'], 0],
    ['a misspelled option', ['--polcy', 'apps:web=app:1'], 2],
  ];

  test('a policy that marks nothing: one line naming it; nothing written', async () => {
    await freshTree();
    const result = await cli(['setters', '--dir', dir, '--policy', 'apps:web=app:2', '--policy', 'apps:nope=app:1']);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr.trim().split('\n').at(-1) ?? '',
      /^gitops-promote setters: no value is marked with policy apps:nope \(\d+ file\(s\) hold markers; skipped: .*dangling symlink.*\); nothing written \(--allow-nothing makes this a success\)$/,
    );
    assert.equal(await readFile(join(dir, 'apps/deploy.yaml'), 'utf8'), TREE['apps/deploy.yaml']);
  });

  test('a broken file holding a marker of a given policy: exit 1 naming it, no file written', async () => {
    await freshTree();
    await writeFile(join(dir, 'apps/half.yaml'), 'a: [\nimage: app:1.0.0 # {"$imagepolicy": "apps:web"}\n');
    const result = await cli(['setters', '--dir', dir, '--policy', 'apps:web=ghcr.io/acme/web:1.2.3']);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /apps\/half\.yaml:2: not valid YAML: .*it may hold markers of apps:web, so nothing was written/,
    );
    for (const path of Object.keys(TREE)) {
      assert.equal((await stat(join(dir, path))).mtimeMs, OLD_TIME.getTime(), `${path} was written`);
    }
  });
  test('a file that is not valid UTF-8 keeps its bytes, with a warning naming it', async () => {
    await freshTree();
    const latin1 = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from(`\n${TREE['apps/deploy.yaml']}`),
    ]);
    await writeFile(join(dir, 'apps/latin1.yaml'), latin1);
    const result = await cli(['setters', '--dir', dir, '--policy', 'apps:web=ghcr.io/acme/web:1.2.3']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await readFile(join(dir, 'apps/latin1.yaml')), latin1);
    assert.match(
      result.stderr,
      /warning: apps\/latin1\.yaml: not valid UTF-8, so it cannot be edited byte for byte; the setters would change spec\.containers\[0\]\.image \(line 4\), left alone/,
    );
  });

  const missing: [string, (dir: string) => string, RegExp][] = [
    ['a --dir that does not exist', (dir) => join(dir, 'nowhere'), /got "\/.*\/nowhere" \(no such directory\)/],
    [
      'a --dir that is a file',
      (dir) => join(dir, 'apps/plain.yaml'),
      /got "\/.*\/apps\/plain\.yaml" \(not a directory\)/,
    ],
  ];
  for (const [name, path, message] of missing) {
    test(`${name}: a usage error naming the path, exit 2`, async () => {
      await freshTree();
      const result = await cli(['setters', '--dir', path(dir), '--policy', 'apps:web=app:1']);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /^gitops-promote setters: --dir: got ".*" \(.*\), expected an existing directory/);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /ENOENT|unexpected error/);
    });
  }

  for (const [name, args, code] of exits) {
    test(`${name}: exit ${code}`, async () => {
      await freshTree();
      const result = await cli(['setters', '--dir', dir, ...args]);
      assert.equal(result.code, code, result.stderr);
      if (code !== 0) assert.equal(await readFile(join(dir, 'apps/deploy.yaml'), 'utf8'), TREE['apps/deploy.yaml']);
    });
  }
});
