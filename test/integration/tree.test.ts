import assert from 'node:assert/strict';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readTree, writeTreeFiles } from '../../src/fs/tree.js';

function makeTree(): { root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'tree-'));
  const root = join(base, 'repo');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'apps/web'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'apps/web/deploy.yaml'), 'image: web:1\n');
  writeFileSync(join(root, 'apps/web/notes.txt'), 'image: web:1\n');
  writeFileSync(join(root, 'apps/other.yml'), 'image: other:1\n');
  writeFileSync(join(root, '.git/config.yaml'), 'image: web:1\n');
  writeFileSync(join(outside, 'secret.yaml'), 'image: web:1\n');
  symlinkSync(join(outside, 'secret.yaml'), join(root, 'apps/escape.yaml'));
  symlinkSync(join(root, 'apps/web/deploy.yaml'), join(root, 'apps/inside.yaml'));
  symlinkSync(join(root, 'missing.yaml'), join(root, 'apps/dangling.yaml'));
  return { root, outside };
}

describe('readTree', () => {
  test('reads YAML files only, skips .git, follows links only inside the tree', async () => {
    const { root } = makeTree();
    const warnings: string[] = [];
    const files = await readTree(root, { warn: (message) => warnings.push(message) });
    assert.deepEqual(
      files.map((file) => file.path),
      ['apps/inside.yaml', 'apps/other.yml', 'apps/web/deploy.yaml'],
    );
    assert.ok(warnings.some((warning) => warning.startsWith('apps/escape.yaml: symlink to outside the tree')));
    assert.ok(warnings.some((warning) => warning.startsWith('apps/dangling.yaml: dangling symlink')));
  });

  // [file text, kept]: the name screen bump uses, on raw bytes, as `mentions` reads decoded text.
  const nameScreen = { name: 'target', before: ' \t\n\v\f\r"\'/:,[{', after: ' \t\n\v\f\r"\'@:,]}#' };
  const named: [string, boolean][] = [
    ['image: ghcr.io/acme/target:1\n', true],
    ['image: target', true],
    ['target: x', true],
    ['- "target"\n', true],
    ['{a: [target]}', true],
    ['image: x@sha256:1 # target\n', true],
    ['name: target\u00a0x', true],
    ['ports: {targetPort: 8080}\n', false],
    ['image: acme/mytarget:1\n', false],
    ['image: acme/target-worker:1\n', false],
    ['image: acme/target.v2\n', false],
    ['', false],
  ];
  for (const [text, kept] of named) {
    test(`the name screen ${kept ? 'keeps' : 'drops'} ${JSON.stringify(text)}`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'tree-screen-'));
      writeFileSync(join(root, 'f.yaml'), text);
      const files = await readTree(root, { mustContain: [nameScreen] });
      assert.equal(files.length, kept ? 1 : 0);
    });
  }

  test('the text screen keeps only files that contain it', async () => {
    const { root } = makeTree();
    const files = await readTree(root, { mustContain: 'other' });
    assert.deepEqual(
      files.map((file) => file.path),
      ['apps/other.yml'],
    );
  });

  const screens: [string, string | string[], string[]][] = [
    ['any of several texts', ['other', 'web'], ['apps/inside.yaml', 'apps/other.yml', 'apps/web/deploy.yaml']],
    ['none of several texts', ['absent', 'missing'], []],
    ['no text at all', [], []],
  ];
  for (const [name, mustContain, expected] of screens) {
    test(`the byte screen with ${name}`, async () => {
      const { root } = makeTree();
      const files = await readTree(root, { mustContain });
      assert.deepEqual(
        files.map((file) => file.path),
        expected,
      );
    });
  }

  test('each file is read whole and alone, whatever the sizes of the files read before it', async () => {
    const { root } = makeTree();
    const sizes = { 'apps/a-large.yaml': 200_000, 'apps/b-small.yaml': 10, 'apps/c-medium.yaml': 70_000 };
    const written = Object.entries(sizes).map(([path, size], index) => {
      const text = `k${index}: ${'é'.repeat(size)}\n`;
      writeFileSync(join(root, path), text);
      return { path, text };
    });
    const files = await readTree(root, { mustContain: ['k0', 'k1', 'k2'] });
    assert.deepEqual(files, written);
  });

  // The screen reads an oversized file to its end: what it reports skipping is what may hold the text.
  test('an oversized file is reported when it passes the screen, and only then', async () => {
    const { root } = makeTree();
    writeFileSync(join(root, 'apps/big.yaml'), `a: ${'x'.repeat(2000)}\n`);
    writeFileSync(join(root, 'apps/big-late.yaml'), `a: ${'x'.repeat(200_000)}\nb: present\n`);
    const warnings: string[] = [];
    await readTree(root, { mustContain: 'present', maxFileBytes: 1000, warn: (message) => warnings.push(message) });
    assert.deepEqual(
      warnings.filter((warning) => warning.includes('limit')),
      ['apps/big-late.yaml: 200015 bytes is over the 1000-byte limit for manifests, skipped'],
    );
  });

  test('files over the size bound are skipped with a warning', async () => {
    const { root } = makeTree();
    writeFileSync(join(root, 'apps/big.yaml'), `a: ${'x'.repeat(2000)}\n`);
    const warnings: string[] = [];
    const files = await readTree(root, { maxFileBytes: 1000, warn: (message) => warnings.push(message) });
    assert.ok(!files.some((file) => file.path === 'apps/big.yaml'));
    assert.ok(warnings.some((warning) => /^apps\/big\.yaml: \d+ bytes is over the 1000-byte limit/.test(warning)));
  });

  test('a binary file (NUL bytes) is skipped with a warning naming it', async () => {
    const { root } = makeTree();
    writeFileSync(join(root, 'apps/blob.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x0a]));
    const warnings: string[] = [];
    const files = await readTree(root, { warn: (message) => warnings.push(message) });
    assert.ok(!files.some((file) => file.path === 'apps/blob.yaml'));
    assert.ok(warnings.includes('apps/blob.yaml: binary (it holds NUL bytes), skipped'), warnings.join('\n'));
  });

  test('files larger than the read buffer are read whole, and sized exactly when over the bound', async () => {
    const { root } = makeTree();
    // 64 KiB is the reader's first buffer: one file just over it, one over the bound by far.
    const large = `a: ${'y'.repeat(200_000)}\nimage: web:1\n`;
    writeFileSync(join(root, 'apps/large.yaml'), large);
    writeFileSync(join(root, 'apps/huge.yaml'), `a: ${'z'.repeat(300_000)}\n`);
    const warnings: string[] = [];
    const files = await readTree(root, { maxFileBytes: 250_000, warn: (message) => warnings.push(message) });
    assert.equal(files.find((file) => file.path === 'apps/large.yaml')?.text, large);
    assert.ok(!files.some((file) => file.path === 'apps/huge.yaml'));
    assert.ok(warnings.includes('apps/huge.yaml: 300004 bytes is over the 250000-byte limit for manifests, skipped'));
  });

  test('bytes survive a read and write round trip (BOM, CRLF)', async () => {
    const { root } = makeTree();
    const original = '\uFEFFa: 1\r\nb: 2\r\n';
    writeFileSync(join(root, 'apps/crlf.yaml'), original);
    const files = await readTree(root);
    const file = files.find((candidate) => candidate.path === 'apps/crlf.yaml');
    assert.equal(file?.text, original);
    await writeTreeFiles(root, [{ path: 'apps/crlf.yaml', text: original.replace('1', '3') }]);
    assert.equal(readFileSync(join(root, 'apps/crlf.yaml'), 'utf8'), '\uFEFFa: 3\r\nb: 2\r\n');
  });

  test('a write replaces the whole file in place, shorter or longer, through links, keeping mode and inode', async () => {
    const { root } = makeTree();
    const path = join(root, 'apps/web/deploy.yaml');
    writeFileSync(path, 'image: ghcr.io/acme/web:1.0.0-with-a-long-suffix # old\n', { mode: 0o640 });
    chmodSync(path, 0o640);
    linkSync(path, join(root, 'apps/hard-link.yaml'));
    symlinkSync('web/deploy.yaml', join(root, 'apps/sym-link.yaml'));
    const inode = statSync(path).ino;
    const cases = [
      'image: ghcr.io/acme/web:2\n',
      'image: ghcr.io/acme/web:3.0.0-with-an-even-longer-suffix # newer\n',
      '',
    ];
    for (const [index, text] of cases.entries()) {
      // Through the file, then through the symbolic link to it.
      await writeTreeFiles(root, [{ path: index % 2 === 0 ? 'apps/web/deploy.yaml' : 'apps/sym-link.yaml', text }]);
      assert.equal(readFileSync(path, 'utf8'), text);
      assert.equal(readFileSync(join(root, 'apps/hard-link.yaml'), 'utf8'), text);
      assert.equal(statSync(path).ino, inode);
      assert.equal(statSync(path).mode & 0o777, 0o640);
      assert.equal(lstatSync(join(root, 'apps/sym-link.yaml')).isSymbolicLink(), true);
    }
    await writeTreeFiles(root, [{ path: 'apps/new.yaml', text: 'a: 1\n' }]);
    assert.equal(readFileSync(join(root, 'apps/new.yaml'), 'utf8'), 'a: 1\n');
  });
});
