// How every action bundle starts (scripts/bundle-start.mjs, made by withCodeCache in
// scripts/bundle-script.mjs): ncc's ESM bundle, turned into an ASCII script, runs from a V8 code
// cache made at the end of an earlier run. Here on a small bundle of ncc's shape, under the node the
// bundles run on: what the bundle sees is what a module sees, the cache is written once and then
// used, a damaged or unwritable cache changes nothing but speed, and the build refuses what it
// cannot turn into a script safely.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { asciiScript, bundleAsScript, chunkAsScript, withCodeCache } from '../../scripts/bundle-script.mjs';
import { bundleNode } from '../../tools/runner/harness.js';

const work = mkdtempSync(join(tmpdir(), 'code-cache-'));
after(() => rmSync(work, { recursive: true, force: true }));

// What ncc writes: its createRequire import first, then the modules; import.meta.url, a dynamic
// import of a chunk beside it (in ncc's chunk format) and top-level await inside.
const NCC_SHAPED =
  'import{createRequire as e}from"module";' +
  'const o=e(import.meta.url)("os");' +
  'const c=await import("./1.index.js");' +
  'await new Promise(r=>setTimeout(r,1));' +
  'const strict=(function(){return this===undefined})();' +
  'process.stdout.write(JSON.stringify({url:import.meta.url,dirname:import.meta.dirname,os:typeof o.tmpdir,chunk:c.modules.value,' +
  'chunkUrl:c.modules.url,chunkIds:c.ids,arrow:"→ ✅",' +
  're:/^é+$/u.test("éé"),strict,args:typeof process.argv[1]}));';

const CHUNK = (value: string) =>
  `export const id = 1;\nexport const ids = [1];\nexport const modules = { value: ${JSON.stringify(value)}, url: import.meta.url };\n`;

function bundle(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, '1.index.js'), CHUNK('from the chunk'));
  writeFileSync(join(dir, 'index.js'), NCC_SHAPED);
  withCodeCache(dir);
  return dir;
}

function run(dir: string, env: Record<string, string>) {
  const result = spawnSync(bundleNode().path, [join(dir, 'index.js')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const cacheFiles = (cache: string) => {
  try {
    return readdirSync(join(cache, 'gitops-promote'));
  } catch {
    return [];
  }
};

describe('a bundle run from its code cache', () => {
  const dir = bundle('app');

  test('bundle.js is ASCII; the bundle sees its own URL, its chunk, strict mode, top-level await', () => {
    assert.doesNotMatch(readFileSync(join(dir, 'bundle.js'), 'latin1'), /[\u0080-\uffff]/);
    const out = run(dir, { NODE_COMPILE_CACHE: join(work, 'cache-a') });
    assert.deepEqual(out, {
      url: pathToFileURL(join(dir, 'bundle.js')).href,
      dirname: dir,
      os: 'function',
      chunk: 'from the chunk',
      chunkUrl: pathToFileURL(join(dir, '1.index.js')).href,
      chunkIds: [1],
      arrow: '→ ✅',
      re: true,
      strict: true,
      args: 'string',
    });
  });

  test('the first run writes a cache for bundle.js and the chunk it loaded; the next uses them and writes nothing', () => {
    const cache = join(work, 'cache-b');
    run(dir, { NODE_COMPILE_CACHE: cache });
    const files = cacheFiles(cache).sort();
    assert.equal(files.length, 2, files.join(', '));
    assert.match(
      files[0]!,
      /^[0-9a-f]{16}-1\.index\.js-\d+\.\d+\.[^/]+-\w+\.bin$/,
      'bundle hash, file, V8, architecture',
    );
    assert.match(
      files[1]!,
      /^[0-9a-f]{16}-bundle\.js-\d+\.\d+\.[^/]+-\w+\.bin$/,
      'bundle hash, file, V8, architecture',
    );
    const written = files.map((name) => statSync(join(cache, 'gitops-promote', name)).mtimeMs);
    run(dir, { NODE_COMPILE_CACHE: cache });
    assert.deepEqual(
      files.map((name) => statSync(join(cache, 'gitops-promote', name)).mtimeMs),
      written,
      'a cache V8 accepted was written again',
    );
    assert.deepEqual(cacheFiles(cache).sort(), files);
  });

  test('a damaged cache is rejected by V8 and made again; the run is the same', () => {
    const cache = join(work, 'cache-c');
    run(dir, { NODE_COMPILE_CACHE: cache });
    const file = join(
      cache,
      'gitops-promote',
      cacheFiles(cache).find((name) => name.includes('-bundle.js-'))!,
    );
    writeFileSync(file, Buffer.alloc(4096, 7));
    assert.equal(run(dir, { NODE_COMPILE_CACHE: cache }).chunk, 'from the chunk');
    assert.notDeepEqual(readFileSync(file), Buffer.alloc(4096, 7));
  });

  test('a cache file others could have written is not used, and a folder others write to gets none', () => {
    const cache = join(work, 'cache-g');
    run(dir, { NODE_COMPILE_CACHE: cache });
    const folder = join(cache, 'gitops-promote');
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    const file = join(
      folder,
      cacheFiles(cache).find((name) => name.includes('-bundle.js-'))!,
    );
    assert.equal(statSync(file).mode & 0o777, 0o600);
    chmodSync(file, 0o666);
    const before = statSync(file).ino;
    run(dir, { NODE_COMPILE_CACHE: cache });
    assert.notEqual(statSync(file).ino, before, 'a group- and world-writable cache was used, not made again');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const shared = join(work, 'cache-h');
    mkdirSync(join(shared, 'gitops-promote'), { recursive: true });
    chmodSync(join(shared, 'gitops-promote'), 0o777);
    assert.equal(run(dir, { NODE_COMPILE_CACHE: shared }).chunk, 'from the chunk');
    assert.deepEqual(cacheFiles(shared), []);
  });

  test('NODE_DISABLE_COMPILE_CACHE writes none; an unwritable cache folder is no failure', () => {
    const disabled = join(work, 'cache-d');
    run(dir, { NODE_COMPILE_CACHE: disabled, NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.deepEqual(cacheFiles(disabled), []);
    const blocked = join(work, 'cache-e');
    writeFileSync(blocked, 'a file where the folder would be');
    assert.equal(run(dir, { NODE_COMPILE_CACHE: blocked }).os, 'function');
  });

  test('on a Node without process.getBuiltinModule (before 20.16 and 22.3) built-ins come by import and require', () => {
    const older = join(work, 'no-get-builtin-module.cjs');
    writeFileSync(older, 'delete process.getBuiltinModule;');
    const result = spawnSync(bundleNode().path, ['--require', older, join(dir, 'index.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_COMPILE_CACHE: join(work, 'cache-older') },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    const seen = JSON.parse(result.stdout) as Record<string, unknown>;
    assert.equal(seen.os, 'function');
    assert.equal(seen.chunk, 'from the chunk');
    assert.equal(cacheFiles(join(work, 'cache-older')).length, 2);
  });

  test('a changed bundle gets a cache of its own', () => {
    const cache = join(work, 'cache-f');
    run(dir, { NODE_COMPILE_CACHE: cache });
    const other = join(work, 'app2');
    mkdirSync(other);
    writeFileSync(join(other, 'package.json'), '{"type":"module"}');
    writeFileSync(join(other, '1.index.js'), CHUNK('another chunk'));
    writeFileSync(join(other, 'index.js'), NCC_SHAPED.replace('"→ ✅"', '"changed"'));
    withCodeCache(other);
    assert.equal(run(other, { NODE_COMPILE_CACHE: cache }).arrow, 'changed');
    assert.equal(cacheFiles(cache).length, 4);
  });

  test('node:crypto and node:child_process, imported at the top, are loaded at their first use, and are the whole module then', () => {
    const lazy = join(work, 'lazy-crypto');
    mkdirSync(lazy);
    writeFileSync(join(lazy, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(lazy, 'index.js'),
      'import{createRequire as e}from"module";' +
        'const c=e(import.meta.url)("crypto"),n=e(import.meta.url)("node:crypto"),os=e(import.meta.url)("os");' +
        'const cp=e(import.meta.url)("node:child_process");' +
        'const loaded=(m="crypto")=>process.moduleLoadList.includes("NativeModule "+m);' +
        'const before=loaded()||loaded("child_process");const uuid=c.randomUUID();' +
        'const child=cp.execFileSync(process.execPath,["-e","process.stdout.write(String(6*7))"],{encoding:"utf8"});' +
        'process.stdout.write(JSON.stringify({before,after:loaded(),uuid:/^[0-9a-f-]{36}$/.test(uuid),' +
        'hash:n.createHash("sha256").update("x").digest("hex").slice(0,8),has:"createHash" in c,' +
        'keys:Object.keys(c).includes("randomUUID"),described:typeof Object.getOwnPropertyDescriptor(c,"randomUUID").value,' +
        'os:typeof os.tmpdir,osLoaded:loaded("os"),child,childLoaded:loaded("child_process")}));',
    );
    withCodeCache(lazy);
    assert.deepEqual(run(lazy, { NODE_COMPILE_CACHE: join(work, 'cache-g') }), {
      before: false,
      after: true,
      uuid: true,
      hash: '2d711642',
      has: true,
      keys: true,
      described: 'function',
      os: 'function',
      osLoaded: true,
      child: '42',
      childLoaded: true,
    });
  });
});

describe("the step's standard output, written to fd 1 until something asks for process.stdout", () => {
  // Preloaded: reports on stderr each time process.stdout is first asked for (the loader wraps this
  // getter in turn), so the test sees whether the writes before needed the stream.
  const recorder = join(work, 'stdout-recorder.cjs');
  writeFileSync(
    recorder,
    "const d = Object.getOwnPropertyDescriptor(process, 'stdout'); let asked = false;" +
      "Object.defineProperty(process, 'stdout', { ...d, get() { if (!asked) { asked = true;" +
      "process.getBuiltinModule('node:fs').writeSync(2, 'process.stdout asked for\\n'); } return d.get.call(process); } });",
  );
  function stdoutBundle(name: string, body: string): string {
    const dir = join(work, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(dir, 'index.js'),
      `import{createRequire as e}from"module";const w=globalThis[Symbol.for("gitops-promote.stdout")];${body}`,
    );
    withCodeCache(dir);
    return dir;
  }

  test('writes stay in order when the stream comes in the middle; the stream is made only then', () => {
    const dir = stdoutBundle(
      'stdout-order',
      'w("one\\n");w("two ✅\\n");process.stdout.write("three\\n");w("four\\n");console.log("five");w("six\\n");',
    );
    const result = spawnSync(bundleNode().path, ['--require', recorder, join(dir, 'index.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_DISABLE_COMPILE_CACHE: '1' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'one\ntwo ✅\nthree\nfour\nfive\nsix\n');
    assert.equal(result.stderr, 'process.stdout asked for\n');
  });

  test('a run that only uses the writer never makes the stream', () => {
    const dir = stdoutBundle('stdout-direct', 'for(let i=0;i<3;i++)w(`line ${i}\\n`);');
    const result = spawnSync(bundleNode().path, ['--require', recorder, join(dir, 'index.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_DISABLE_COMPILE_CACHE: '1' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'line 0\nline 1\nline 2\n');
    assert.equal(result.stderr, '');
  });

  test('a full non-blocking pipe (EAGAIN) hands the rest to the stream, and nothing is lost or reordered', async () => {
    // A socket over fd 1 made outside process.stdout makes the pipe non-blocking without the loader
    // knowing; the reader below stops reading for a while, so fd 1 fills and refuses a write.
    const dir = stdoutBundle(
      'stdout-eagain',
      'new (e(import.meta.url)("node:net").Socket)({fd:1,readable:false,writable:true});' +
        'for(let i=0;i<4000;i++)w(`${String(i).padStart(5,"0")} ${"x".repeat(250)}\\n`);',
    );
    const child = spawn(bundleNode().path, ['--require', recorder, join(dir, 'index.js')], {
      env: { PATH: process.env.PATH ?? '', NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 4000);
    lines.forEach((line, i) => assert.equal(line, `${String(i).padStart(5, '0')} ${'x'.repeat(250)}`));
    assert.equal(stderr, 'process.stdout asked for\n', 'the rest went through the stream');
  });
});

describe('what the build refuses', () => {
  test('a bundle without the createRequire import ncc puts first', () => {
    assert.throws(() => bundleAsScript('const a = 1;', 'x.js'), /no longer starts with its createRequire import/);
  });
  test('a static import or an export left in it', () => {
    const head = 'import{createRequire as e}from"module";';
    assert.throws(() => bundleAsScript(`${head}import "fs";`, 'x.js'), SyntaxError);
    assert.throws(() => bundleAsScript(`${head}export const a = 1;`, 'x.js'), SyntaxError);
  });
  test('a chunk that exports other than with export const', () => {
    assert.throws(() => chunkAsScript('export default 1;', '1.index.js'), /exports only with "export const"/);
    assert.throws(() => chunkAsScript('const a = 1; export { a };', '1.index.js'), /exports only with "export const"/);
    assert.throws(() => chunkAsScript('export * from "x";', '1.index.js'), /exports only with "export const"/);
    assert.equal(eval(chunkAsScript('export const id = 7, ids = [7];', '1.index.js'))().ids[0], 7);
  });
  test('import.meta and import() are rewritten where the parse tree has them, not in text', () => {
    const script = bundleAsScript(
      'import{createRequire as e}from"module";const a=import.meta.url,b="import.meta.url import(x)",c=import("./c.js");',
      'x.js',
    );
    assert.match(
      script,
      /const a=__gitopsPromoteImportMeta\.url,b="import\.meta\.url import\(x\)",c=__gitopsPromoteImport\("\.\/c\.js"\);/,
    );
  });
  test('escaping a tagged template, which reads its raw text', () => {
    assert.throws(() => asciiScript('String.raw`→`', 'x.js'), /tagged template reads its raw text/);
  });
  test('escapes keep every string, template, identifier and regular expression', () => {
    const source =
      'var café = "→", t = `a ✅ ${café}`, r = /[é→]+/u, s = /\\u00e9x/; [café, t, r.test("é→"), s.test("éx")]';
    const ascii = asciiScript(source, 'x.js');
    assert.doesNotMatch(ascii, /[\u0080-\uffff]/);
    assert.deepEqual(eval(ascii), eval(source));
  });
});
