// The tree reader's grep prefilter against the reader alone: real grep processes on real trees,
// the same files, order and warnings either way.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { grepPatterns, grepScreen } from '../../src/fs/grep-screen.js';
import {
  EARLY_GREP_MIN_FOLDERS,
  GREP_SCREEN_MIN_FILES,
  readTree,
  startTreeScreen,
  type ReadTreeOptions,
  type ScreenText,
} from '../../src/fs/tree.js';

const scratch = mkdtempSync(join(tmpdir(), 'tree-grep-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** bump's screen for ghcr.io/acme/target (its name as a name, or a setter marker). */
const NAME: ScreenText = { name: 'target', before: ' \t\n\v\f\r"\'/:,[{', after: ' \t\n\v\f\r"\'@:,]}#' };
const BUMP_SCREEN: ScreenText[] = [NAME, '"$imagepolicy"'];

let trees = 0;
function tree(files: Record<string, string | Buffer>): string {
  const root = join(scratch, `tree-${trees++}`);
  mkdirSync(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function read(root: string, options: ReadTreeOptions) {
  const warnings: string[] = [];
  const files = await readTree(root, { ...options, warn: (message) => warnings.push(message) });
  return { files, warnings };
}

/** With PATH emptied for the duration of `run`: no grep to start. */
async function withoutGrep<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = join(scratch, 'no-such-dir');
  try {
    return await run();
  } finally {
    process.env.PATH = saved;
  }
}

/** readTree through grep, through Node alone and with grep missing: the same answer, returned. */
async function readAllWays(root: string, options: ReadTreeOptions) {
  const node = await read(root, { ...options, screenWith: 'node' });
  const grep = await read(root, { ...options, screenWith: 'grep' });
  const missing = await withoutGrep(() => read(root, { ...options, screenWith: 'grep' }));
  assert.deepEqual(grep, node, 'grep');
  assert.deepEqual(missing, node, 'without grep');
  return node;
}

const MENTION = 'image: ghcr.io/acme/target:1.0\n';
const LIMIT = 1000;

/** A tree of every case at once: names, boundaries, sizes, encodings, links, what is skipped. */
function hostileTree(folder = '') {
  const outside = tree({ 'outside.yaml': MENTION });
  const files: Record<string, string | Buffer> = {
    'plain.yaml': MENTION,
    'quoted.yaml': 'image: "target"\n',
    'slash.yaml': 'image: acme/target:1\n',
    'at-start.yaml': 'target',
    'target-port.yaml': 'ports: {targetPort: 8080}\n',
    'longer-name.yaml': 'image: acme/target-worker:1\n',
    'dotted.yaml': 'image: acme/target.v2:1\n',
    'other.yaml': 'image: ghcr.io/acme/other:1\n',
    'marker.yaml': 'image: x:1 # {"$imagepolicy": "apps:web"}\n',
    'empty.yaml': '',
    'crlf.yaml': 'image: target\r\n',
    'nbsp.yaml': 'name: target\u00a0x\n',
    'name with spaces.yaml': MENTION,
    'line\nbreak.yaml': MENTION,
    '-leading.yaml': MENTION,
    '-': MENTION,
    '--': 'nothing\n',
    'ünïcödé/日本.yaml': MENTION,
    'quote"and\\backslash.yaml': MENTION,
    'big-mention.yaml': `${MENTION}# ${'x'.repeat(2 * LIMIT)}\n`,
    'big-late-mention.yaml': `# ${'x'.repeat(200_000)}\n${MENTION}`,
    'big-silent.yaml': `# ${'x'.repeat(200_000)}\n`,
    'big-target-port.yaml': `# ${'x'.repeat(2 * LIMIT)}\ntargetPort: 1\n`,
    'binary-mention.yaml': Buffer.concat([Buffer.from(MENTION), Buffer.from([0, 1, 2])]),
    'binary-silent.yaml': Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x0a]),
    'latin1-mention.yaml': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0x0a]), Buffer.from(MENTION)]),
    'latin1-silent.yaml': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
    'latin1-boundary.yaml': Buffer.concat([Buffer.from([0xe9]), Buffer.from('target'), Buffer.from([0xe9])]),
    '.git/config.yaml': MENTION,
    'deep/node_modules/x.yaml': MENTION,
    'deep/er/still.yaml': MENTION,
  };
  const root = tree(Object.fromEntries(Object.entries(files).map(([path, content]) => [folder + path, content])));
  const at = join(root, folder);
  symlinkSync(join(at, 'plain.yaml'), join(at, 'link-inside.yaml'));
  symlinkSync(join(at, 'other.yaml'), join(at, 'link-inside-silent.yaml'));
  symlinkSync(join(outside, 'outside.yaml'), join(at, 'link-outside.yaml'));
  symlinkSync(join(at, 'missing.yaml'), join(at, 'link-dangling.yaml'));
  symlinkSync(join(at, 'deep'), join(at, 'link-to-dir'));
  execFileSync('mkfifo', [join(at, 'fifo.yaml')]);
  return root;
}

describe('readTree through grep', () => {
  const everything = () => true;
  const screens: [string, ReadTreeOptions['mustContain']][] = [
    ['the bump screen', BUMP_SCREEN],
    ['the name alone', [NAME]],
    ['a plain text', 'acme/target'],
    ['a text of ERE metacharacters', '(^.*+?{}[]|$\\)'],
    ['a name whose boundaries allow letters', [{ name: 'target', before: 'x ', after: 'P' }]],
    ['an empty text (grep cannot say it)', ''],
    ['no text at all', []],
  ];
  for (const [name, mustContain] of screens) {
    test(`the same files, order and warnings with grep as without, screening with ${name}`, async () => {
      await readAllWays(hostileTree(), { include: everything, mustContain, maxFileBytes: LIMIT });
    });
  }

  test('what the bump screen keeps, and which skipped files it reports', async () => {
    const { files, warnings } = await readAllWays(hostileTree(), {
      include: everything,
      mustContain: BUMP_SCREEN,
      maxFileBytes: LIMIT,
    });
    assert.deepEqual(
      files.map((file) => [file.path, file.invalidUtf8 ?? false]),
      [
        ['-', false],
        ['-leading.yaml', false],
        ['at-start.yaml', false],
        ['crlf.yaml', false],
        ['deep/er/still.yaml', false],
        ['latin1-boundary.yaml', true],
        ['latin1-mention.yaml', true],
        ['line\nbreak.yaml', false],
        ['link-inside.yaml', false],
        ['marker.yaml', false],
        ['name with spaces.yaml', false],
        ['nbsp.yaml', false],
        ['plain.yaml', false],
        ['quote"and\\backslash.yaml', false],
        ['quoted.yaml', false],
        ['slash.yaml', false],
        ['ünïcödé/日本.yaml', false],
      ],
    );
    // Over the bound or binary: reported when the file may mention the image, else not a word.
    assert.deepEqual(warnings, [
      'big-late-mention.yaml: 200034 bytes is over the 1000-byte limit for manifests, skipped',
      'big-mention.yaml: 2034 bytes is over the 1000-byte limit for manifests, skipped',
      'binary-mention.yaml: binary (it holds NUL bytes), skipped',
      'link-dangling.yaml: dangling symlink, skipped',
      'link-outside.yaml: symlink to outside the tree, not followed',
    ]);
  });

  test('grep itself drops the files the screen drops, and keeps the ones it keeps', async () => {
    const root = hostileTree();
    const paths = [
      'plain.yaml',
      'target-port.yaml',
      'longer-name.yaml',
      'dotted.yaml',
      'other.yaml',
      'marker.yaml',
      'quoted.yaml',
      '-',
      '--',
      '-leading.yaml',
      'line\nbreak.yaml',
      'ünïcödé/日本.yaml',
      'binary-mention.yaml',
      'binary-silent.yaml',
      'big-silent.yaml',
      'big-late-mention.yaml',
      'latin1-boundary.yaml',
    ];
    const verdicts = await grepScreen(root, paths, grepPatterns(BUMP_SCREEN) ?? []);
    assert.deepEqual(
      paths.filter((_path, index) => verdicts[index] === 1),
      [
        'plain.yaml',
        'marker.yaml',
        'quoted.yaml',
        '-',
        '-leading.yaml',
        'line\nbreak.yaml',
        'ünïcödé/日本.yaml',
        'binary-mention.yaml',
        'big-late-mention.yaml',
        'latin1-boundary.yaml',
      ],
    );
  });

  test('without grep, or for files grep cannot read, every file may pass and Node decides', async () => {
    const root = tree({ 'a.yaml': 'nothing\n', 'b.yaml': 'nothing\n' });
    const patterns = grepPatterns(BUMP_SCREEN) ?? [];
    const screen = async (paths: string[]) => [...(await grepScreen(root, paths, patterns))];
    assert.deepEqual(await withoutGrep(() => screen(['a.yaml', 'b.yaml'])), [1, 1]);
    assert.deepEqual(await screen(['missing.yaml']), [1]);
    assert.deepEqual(await screen(['a.yaml', 'b.yaml']), [0, 0]);
  });

  test('a file that vanishes between the walk and the read fails both ways alike', async () => {
    const failure = async (screenWith: 'grep' | 'node') => {
      const root = tree({ 'a.yaml': MENTION, 'b.yaml': MENTION, 'c.yaml': 'nothing\n' });
      // The walk has seen the entry as a regular file when it asks whether to include it.
      const include = (path: string) => {
        if (path === 'b.yaml') unlinkSync(join(root, path));
        return true;
      };
      const error = await readTree(root, { include, mustContain: BUMP_SCREEN, screenWith }).then(
        () => assert.fail('read a vanished file'),
        (caught: NodeJS.ErrnoException) => caught,
      );
      return { code: error.code, syscall: error.syscall, path: error.path?.slice(root.length) };
    };
    assert.deepEqual(await failure('grep'), { code: 'ENOENT', syscall: 'open', path: '/b.yaml' });
    assert.deepEqual(await failure('node'), await failure('grep'));
  });

  test('a name that is not UTF-8 fails both ways alike', async () => {
    const root = tree({ 'a.yaml': MENTION });
    writeFileSync(Buffer.from(join(root, 'caf\xe9.yaml'), 'latin1'), MENTION);
    const failure = (screenWith: 'grep' | 'node') =>
      readTree(root, { mustContain: BUMP_SCREEN, screenWith }).then(
        () => 'read',
        (caught: NodeJS.ErrnoException) => caught.code,
      );
    assert.equal(await failure('grep'), 'ENOENT');
    assert.equal(await failure('node'), 'ENOENT');
  });

  // A file over the bound is screened whole, in windows: a name across the edge of one is still
  // found, and a longer name across it still refused.
  const firstRead = 64 * 1024;
  const window = firstRead + 1024 * 1024;
  const edges: [string, string, number, boolean][] = [];
  for (const edge of [firstRead, window]) {
    for (let shift = -7; shift <= 1; shift++) {
      edges.push([`' target '`, ' target ', edge + shift, true]);
      edges.push([`'targetPort'`, 'targetPort', edge + shift, false]);
      edges.push([`'xtarget '`, 'xtarget ', edge + shift, false]);
    }
  }
  test('an oversized file is reported when a name stands anywhere in it, across any read', async () => {
    const files = Object.fromEntries(
      edges.map(([_name, text, at], index) => [
        `f${String(index).padStart(3, '0')}.yaml`,
        `${' '.repeat(at)}${text}${' '.repeat(10)}`,
      ]),
    );
    const root = tree(files);
    const { warnings } = await readAllWays(root, { mustContain: [NAME], maxFileBytes: LIMIT });
    const reported = new Set(warnings.map((warning) => warning.split(':')[0]));
    edges.forEach(([name, _text, at, kept], index) => {
      assert.equal(reported.has(`f${String(index).padStart(3, '0')}.yaml`), kept, `${name} at ${at}`);
    });
  });

  // Greps started over the folders of a tree before it is walked (startTreeScreen, as bump does
  // before it loads its planner): they search the folders themselves; the files above go through
  // the list of names.
  async function readStarted(root: string, options: ReadTreeOptions) {
    const started = startTreeScreen(root, { ...options, screenWith: 'grep' });
    return { started: started !== undefined, ...(await read(root, { ...options, screenWith: 'grep', started })) };
  }
  for (const [name, mustContain] of screens) {
    test(`greps started over the folders: the same files, order and warnings as Node alone, screening with ${name}`, async () => {
      const root = hostileTree('in/a folder/');
      const extra = {
        'top.yaml': MENTION,
        'in/mid.yml': MENTION,
        'in/-dash/x.YAML': MENTION,
        'in/.dot/.d.yaml': MENTION,
      };
      for (const [path, content] of Object.entries(extra)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      for (const include of [undefined, everything]) {
        const options = { mustContain, maxFileBytes: LIMIT, ...(include ? { include } : {}) };
        const { started, ...got } = await readStarted(root, options);
        assert.equal(
          started,
          grepPatterns(typeof mustContain === 'string' ? [mustContain] : (mustContain ?? [])) !== undefined,
        );
        assert.deepEqual(got, await read(root, { ...options, screenWith: 'node' }));
      }
    });
  }

  /** grep on PATH as a script that logs each call's arguments, then runs the real grep (or fails on -r). */
  function loggedGrep(failRecursive = false): { bin: string; calls: () => string[][] } {
    const bin = mkdtempSync(join(scratch, 'bin-'));
    const real = spawnSync('sh', ['-c', 'command -v grep'], { encoding: 'utf8' }).stdout.trim();
    const log = join(bin, 'calls');
    writeFileSync(log, '');
    writeFileSync(
      join(bin, 'grep'),
      `#!/bin/sh\nfor a in "$@"; do printf '%s\\037' "$a"; done >> '${log}'\necho >> '${log}'\n` +
        (failRecursive ? `case " $* " in *" -r "*) exit 2;; esac\n` : '') +
        `exec '${real}' "$@"\n`,
      { mode: 0o755 },
    );
    const calls = () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\x1f').slice(0, -1));
    return { bin, calls };
  }
  async function withPath<T>(bin: string, run: () => Promise<T>): Promise<T> {
    const saved = process.env.PATH;
    process.env.PATH = `${bin}:${saved ?? ''}`;
    try {
      return await run();
    } finally {
      process.env.PATH = saved;
    }
  }

  test(`a level of ${EARLY_GREP_MIN_FOLDERS} folders is searched by greps started before the walk, by default; a narrower tree starts none`, async () => {
    const files: Record<string, string> = { 'top.yaml': MENTION, 'apps/readme.yaml': 'nothing\n' };
    for (let index = 0; index < EARLY_GREP_MIN_FOLDERS; index++) {
      files[`apps/app-${index}/deploy.yaml`] = index % 9 === 0 ? MENTION : 'ports: {targetPort: 8080}\n';
    }
    const root = tree(files);
    const grep = loggedGrep();
    const got = await withPath(grep.bin, async () => {
      const started = startTreeScreen(root, { mustContain: BUMP_SCREEN });
      assert.ok(started, 'started');
      return read(root, { mustContain: BUMP_SCREEN, started });
    });
    assert.deepEqual(got, await read(root, { mustContain: BUMP_SCREEN, screenWith: 'node' }));
    assert.deepEqual(
      got.files.map((file) => file.path),
      [0, 18, 27, 36, 45, 54, 63, 9].map((n) => `apps/app-${n}/deploy.yaml`).concat('top.yaml'),
    );
    const calls = grep.calls();
    assert.ok(calls.length >= 1 && calls.every((args) => args.includes('-r')), JSON.stringify(calls));
    const searched = calls.flatMap((args) => args.slice(args.indexOf('--') + 1)).sort();
    assert.deepEqual(searched, Array.from({ length: EARLY_GREP_MIN_FOLDERS }, (_, n) => `apps/app-${n}`).sort());

    const narrower = tree(Object.fromEntries(Object.entries(files).filter(([path]) => !path.includes('app-63/'))));
    assert.equal(startTreeScreen(narrower, { mustContain: BUMP_SCREEN }), undefined);
  });

  test('a folder group grep cannot search is read by Node: the same answer', async () => {
    const root = hostileTree('x/y/');
    const grep = loggedGrep(true);
    const options = { mustContain: BUMP_SCREEN, maxFileBytes: LIMIT };
    const failed = await withPath(grep.bin, () => readStarted(root, options));
    assert.ok(failed.started && grep.calls().some((args) => args.includes('-r')), 'greps over folders ran, and failed');
    const { started: _started, ...got } = failed;
    assert.deepEqual(got, await read(root, { ...options, screenWith: 'node' }));
  });

  test('started greps for another tree or screen are stopped and not used', async () => {
    const root = hostileTree('x/');
    // The same folder, mentioning nothing: used for `root`, its greps would drop every file under x/.
    const other = tree({ 'x/plain.yaml': 'nothing\n' });
    const started = startTreeScreen(other, { mustContain: BUMP_SCREEN, screenWith: 'grep' });
    assert.ok(started);
    const options = { mustContain: BUMP_SCREEN, maxFileBytes: LIMIT };
    assert.deepEqual(await read(root, { ...options, started }), await read(root, { ...options, screenWith: 'node' }));
    const sameTree = startTreeScreen(root, { mustContain: [NAME], screenWith: 'grep' });
    assert.deepEqual(
      await read(root, { ...options, started: sameTree }),
      await read(root, { ...options, screenWith: 'node' }),
    );
  });

  test(`a tree of ${GREP_SCREEN_MIN_FILES} files or more goes through grep by default, with the same result`, async () => {
    const files: Record<string, string> = {};
    const count = GREP_SCREEN_MIN_FILES + 50;
    for (let index = 0; index < count; index++) {
      files[`apps/g${index % 7}/svc-${index}.yaml`] = index % 25 === 0 ? MENTION : 'ports: {targetPort: 8080}\n';
    }
    const root = tree(files);
    const byDefault = await read(root, { mustContain: BUMP_SCREEN });
    assert.deepEqual(byDefault, await read(root, { mustContain: BUMP_SCREEN, screenWith: 'node' }));
    assert.equal(byDefault.files.length, Math.ceil(count / 25));
  });
});

describe('grepPatterns', () => {
  const table: [string, ScreenText[], string[] | undefined][] = [
    ['a plain text', ['acme/target'], ['acme/target']],
    ['the setter marker', ['"$imagepolicy"'], ['"[$]imagepolicy"']],
    [
      'ERE metacharacters',
      ['a.b*c+d?e(f)g[h]i{j}k|l^m$n\\o'],
      ['a[.]b[*]c[+]d[?]e[(]f[)]g[[]h[]]i[{]j[}]k[|]l\\^m[$]n\\\\o'],
    ],
    ['bump’s name', [NAME], ['(^|[^A-Za-z0-9_.-])target($|[^A-Za-z0-9_./-])']],
    [
      'a name with / and . as boundaries',
      [{ name: 'a.b', before: '/', after: '.' }],
      ['(^|[^A-Za-z0-9_.-])a[.]b($|[^A-Za-z0-9_/-])'],
    ],
    ['a name whose boundaries allow a letter', [{ name: 'x', before: 'a', after: ' ' }], ['x($|[^A-Za-z0-9_./-])']],
    [
      'a name whose boundaries go beyond ASCII',
      [{ name: 'x', before: ' \u0141', after: ' ' }],
      ['x($|[^A-Za-z0-9_./-])'],
    ],
    ['several texts', [NAME, 'b'], ['(^|[^A-Za-z0-9_.-])target($|[^A-Za-z0-9_./-])', 'b']],
    ['an empty text', ['a', ''], undefined],
    ['an empty name', [{ name: '', before: ' ', after: ' ' }], undefined],
    ['a newline', ['a\nb'], undefined],
    ['a NUL', ['a\0b'], undefined],
    ['a lone surrogate', ['a\ud800'], undefined],
    ['nothing', [], undefined],
  ];
  for (const [name, texts, expected] of table) {
    test(name, () => assert.deepEqual(grepPatterns(texts), expected));
  }

  test('grep finds each text with its patterns, and says nothing on stderr (no stray backslash)', () => {
    for (const [name, texts] of table) {
      const patterns = grepPatterns(texts);
      if (patterns === undefined) continue;
      for (const [index, text] of texts.entries()) {
        const root = tree({ 'a.yaml': typeof text === 'string' ? text : ` ${text.name} ` });
        const result: SpawnSyncReturns<string> = spawnSync(
          'grep',
          ['-l', '-E', '-e', patterns[index] as string, '--', 'a.yaml'],
          {
            cwd: root,
            env: { ...process.env, LC_ALL: 'C' },
            encoding: 'utf8',
          },
        );
        assert.deepEqual([result.status, result.stdout, result.stderr], [0, 'a.yaml\n', ''], name);
      }
    }
  });
});
