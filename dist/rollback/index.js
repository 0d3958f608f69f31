// The index.js of every bundle: runs bundle.js, and the chunks it loads, from V8 code caches made at
// the end of an earlier run on the machine (a later step of the job, a second job on a self-hosted
// runner, the command line's next call).
//
// Node's own compile cache (module.enableCompileCache) is written right after a module is compiled,
// so it holds only what V8 compiles eagerly: the functions a start calls are compiled again, lazily,
// by every start. A cache made at exit holds every function the run compiled. So bundle.js and the
// chunks are the ESM bundle turned into function expressions (bundle-script.mjs) that run as
// vm.Scripts, whose createCachedData() can be called after the run.
//
// The caches are keyed by the hash of the bundle's files (written here by the build), V8's version
// and the architecture; V8 rejects data that does not fit its flags, and a rejected cache is made
// again. They live where Node keeps its own (NODE_COMPILE_CACHE, else <tmp>/node-compile-cache), in
// a gitops-promote folder; NODE_DISABLE_COMPILE_CACHE=1 turns them off. A cache file another user
// could have written is not used. Writing one can fail (read-only disk): the run goes on without it.
//
// Built-in modules come from process.getBuiltinModule, not import or require: a public load of a
// built-in first reads every one of its exports for the ES module facade, and for node:fs those
// include the getters of fs.promises and its streams (2-3 ms of a start that uses neither).
// Node before 20.16 / 22.3 has no getBuiltinModule and loads them by import() and require.
const builtin = (id) => process.getBuiltinModule?.(id) ?? import(id);
const [fs, { tmpdir }, { dirname, join }, { fileURLToPath }, { Script }, { Buffer }] = await Promise.all(
  ['node:fs', 'node:os', 'node:path', 'node:url', 'node:vm', 'node:buffer'].map(builtin),
);
// node:module only for a require of something that is not a built-in (no bundle has one today), or on
// a Node without getBuiltinModule, where it is every require.
const moduleApi = process.getBuiltinModule ? undefined : await import('node:module');
const createRequire = (url) => (moduleApi ?? process.getBuiltinModule('node:module')).createRequire(url);
const { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } = fs;

const BUNDLE_HASH = 'd146215578e489eb';
const CHUNK = /^\.\/(\d+\.index\.js)$/;
const folder = process.env.NODE_DISABLE_COMPILE_CACHE
  ? undefined
  : join(process.env.NODE_COMPILE_CACHE || join(tmpdir(), 'node-compile-cache'), 'gitops-promote');
const unsaved = [];

/**
 * Whether a file or folder is this user's and no one else may write it. On Windows, where modes say
 * nothing of that, the temporary folder is the user's own.
 */
const ownOnly = (uid, mode) => process.platform === 'win32' || (uid === process.getuid?.() && (mode & 0o022) === 0);

/**
 * A cache file's bytes, only when this user wrote it: a code cache is code, and the folder can be in
 * a temporary folder others write to. The file is checked through its open descriptor (owner, and
 * no write for group or others), so it cannot be swapped between the check and the read.
 */
function readOwnFile(path) {
  let fd;
  try {
    fd = openSync(path, 'r');
    const { uid, mode } = fstatSync(fd);
    if (!ownOnly(uid, mode)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined; // none yet
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The function expression in one of the bundle's files (in ASCII: the build wrote them so). */
function compile(name) {
  const url = new URL(name, import.meta.url);
  const cache = folder && join(folder, `${BUNDLE_HASH}-${name}-${process.versions.v8}-${process.arch}.bin`);
  const cachedData = cache && readOwnFile(cache);
  const script = new Script(readFileSync(url, 'latin1'), { filename: url.href, ...(cachedData && { cachedData }) });
  if (cache && (cachedData === undefined || script.cachedDataRejected)) unsaved.push({ script, cache });
  const filename = fileURLToPath(url);
  const meta = { url: url.href, filename, dirname: dirname(filename) };
  return { run: script.runInThisContext(), meta };
}

// Two built-in modules that a bundle imports at its top but a run may never call, each a few
// milliseconds of a start: node:crypto (it loads perf_hooks, argon2, keys and more), which
// @actions/core imports for the random delimiter of an output that the actions draw without it
// (src/actions/shared/file-command.ts); node:child_process (with dgram), which only a run that starts
// a program needs (kubectl, git, kind; not a validate without a cluster, nor status). For these the
// bundle's require gives a stand-in that loads the module at its first use.
const LAZY = new Set(['crypto', 'node:crypto', 'child_process', 'node:child_process']);

function lazyModule(load) {
  let module;
  const real = () => (module ??= load());
  return new Proxy(
    {},
    {
      get: (_, key) => Reflect.get(real(), key),
      has: (_, key) => Reflect.has(real(), key),
      ownKeys: () => Reflect.ownKeys(real()),
      // A proxy may not report a property its (empty) target lacks as non-configurable.
      getOwnPropertyDescriptor: (_, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
    },
  );
}

/**
 * The bundle's require: a built-in from getBuiltinModule (see the top), anything else by Node's
 * require for the bundle's file, made at its first use.
 */
function requireFor(url) {
  let require;
  const load = (id) => process.getBuiltinModule?.(id) ?? (require ??= createRequire(url))(id);
  return (id) => (LAZY.has(id) ? lazyModule(() => load(id)) : load(id));
}

// import() of the bundle's files: a chunk is compiled here like bundle.js; anything else (the root
// action's dispatch to another bundle, by absolute URL) is imported as written.
function dynamicImport(specifier, options) {
  const chunk = CHUNK.exec(specifier)?.[1];
  if (chunk === undefined) return import(specifier, options);
  return new Promise((resolve) => {
    const { run, meta } = compile(chunk);
    resolve(run(meta, dynamicImport));
  });
}

// The step's standard output, written to fd 1 as long as nothing has asked for process.stdout. On a
// runner it is a pipe, for which process.stdout is a net.Socket over a new pipe handle: a millisecond
// or more of a start, before the first line of the log. The bundle writes through this writer
// (src/actions/shared/runner.ts finds it under the symbol); the process.stdout getter is wrapped so
// that once anything asks for the stream (a library, console.log), every later write goes through it,
// in order after the ones already written. A write that fd 1 refuses (EAGAIN from a non-blocking
// pipe, or any other error) goes to the stream too, from its first unwritten byte. Windows, whose
// pipes are written differently, keeps the stream.
function stdoutWriter() {
  const descriptor = Object.getOwnPropertyDescriptor(process, 'stdout');
  if (process.platform === 'win32' || !descriptor?.get || !descriptor.configurable) return undefined;
  let stream;
  Object.defineProperty(process, 'stdout', { ...descriptor, get: () => (stream ??= descriptor.get.call(process)) });
  return (text) => {
    if (stream === undefined) {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(1, bytes, written);
        return;
      } catch {
        process.stdout.write(bytes.subarray(written));
        return;
      }
    }
    stream.write(text);
  };
}
globalThis[Symbol.for('gitops-promote.stdout')] ??= stdoutWriter();

process.once('exit', () => {
  if (unsaved.length === 0) return;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Only into a folder of this user's that no one else writes to, and never through a file
    // already there (wx: a planted link is not followed).
    const { uid, mode } = lstatSync(folder);
    if (!ownOnly(uid, mode)) return;
  } catch {
    return; // a cache only saves time: never a reason to fail
  }
  for (const { script, cache } of unsaved) {
    try {
      const partial = `${cache}.${process.pid}`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600, flag: 'wx' });
      renameSync(partial, cache);
    } catch {
      // this one is not saved; the next run makes it again
    }
  }
});

const { run, meta } = compile('bundle.js');
await run(requireFor, meta, dynamicImport);
