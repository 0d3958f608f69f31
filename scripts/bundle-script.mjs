// ncc's ESM bundle turned into a script for scripts/bundle-start.mjs (see there for why).
import { parse } from 'acorn';
import { createHash } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** ncc's chunk files: loaded by the bundle with import("./<id>.index.js"). */
const CHUNK = /^\d+\.index\.js$/;

/**
 * Turns the bundle ncc wrote to <dir>/index.js into bundle.js, and each chunk beside it into a
 * script of the same name (all in ASCII), behind an index.js (scripts/bundle-start.mjs) that runs
 * them from V8 code caches made at the end of an earlier run, keyed by the hash of them all. A
 * shebang (the command line's) stays on index.js.
 */
export function withCodeCache(dir) {
  const entry = join(dir, 'index.js');
  const code = readFileSync(entry, 'utf8');
  const shebang = code.startsWith('#!') ? code.slice(0, code.indexOf('\n') + 1) : '';
  const hash = createHash('sha256');
  const write = (name, script) => {
    writeFileSync(join(dir, name), script);
    hash.update(`${name}\0${script}\0`);
  };
  write('bundle.js', asciiScript(bundleAsScript(code.slice(shebang.length), entry), entry));
  for (const name of readdirSync(dir)
    .filter((file) => CHUNK.test(file))
    .sort()) {
    const where = join(dir, name);
    write(name, asciiScript(chunkAsScript(readFileSync(where, 'utf8'), where), where));
  }
  const start = readFileSync(new URL('./bundle-start.mjs', import.meta.url), 'utf8');
  if (!start.includes("'%BUNDLE_HASH%'"))
    throw new Error('scripts/bundle-start.mjs lost its %BUNDLE_HASH% placeholder');
  const mode = statSync(entry).mode;
  writeFileSync(entry, shebang + start.replace("'%BUNDLE_HASH%'", `'${hash.digest('hex').slice(0, 16)}'`));
  chmodSync(entry, mode);
}

/** The parameters through which the loader gives a script what a module has of its own. */
const IMPORT_META = '__gitopsPromoteImportMeta';
const IMPORT = '__gitopsPromoteImport';

/**
 * ncc's ESM bundle as one async function expression that a vm.Script can compile, called by the
 * loader with (createRequire, import.meta of bundle.js, import()). Its only static import
 * (createRequire, which ncc puts first) becomes the first parameter; top-level await stays legal
 * in the async body. See asScript for the rest.
 */
export function bundleAsScript(code, where) {
  const header = /^import\{createRequire as ([\w$]+)\}from"module";/.exec(code);
  if (!header) {
    throw new Error(
      `${where}: ncc's bundle no longer starts with its createRequire import: teach bundleAsScript the new shape`,
    );
  }
  return asScript(
    code,
    header[0].length,
    where,
    (body) => `(async function(${header[1]},${IMPORT_META},${IMPORT}){"use strict";${body}\n})`,
  );
}

/**
 * A chunk (`export const id = ...; export const ids = ...; export const modules = ...`) as a function
 * expression called with (import.meta of the chunk, import()) that returns what it exported, which
 * is all the bundle's chunk loader reads of it.
 */
export function chunkAsScript(code, where) {
  const exported = [];
  return asScript(
    code,
    0,
    where,
    (body) => `(function(${IMPORT_META},${IMPORT}){"use strict";${body}\nreturn {${exported.join(',')}};})`,
    (node, edits) => {
      if (
        node.type !== 'ExportNamedDeclaration' ||
        !node.declaration ||
        node.declaration.type !== 'VariableDeclaration'
      ) {
        throw new Error(
          `${where}: a chunk exports only with "export const": teach chunkAsScript ${code.slice(node.start, node.start + 40)}`,
        );
      }
      for (const declarator of node.declaration.declarations) exported.push(declarator.id.name);
      edits.push([node.start, node.declaration.start, '']);
    },
  );
}

/**
 * The module's code from `from` on, with each import.meta and each import() (chunks, the root
 * action's dispatch; a script's own import() would need vm's experimental loader, which prints a
 * warning in the step's log) made the loader's: found in the parse tree, not by text. "use strict"
 * keeps a module's semantics. Anything else a script cannot hold (another import, an export the
 * caller does not take) fails here, when building, not in a user's step.
 */
function asScript(code, from, where, wrap, onExport) {
  const edits = [];
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }), (node) => {
    if (node.type === 'MetaProperty' && node.meta.name === 'import') edits.push([node.start, node.end, IMPORT_META]);
    if (node.type === 'ImportExpression') {
      if (code.slice(node.start, node.start + 6) !== 'import')
        throw new Error(`${where}: an import() at ${node.start}`);
      edits.push([node.start, node.start + 6, IMPORT]);
    }
    if (onExport && node.type.startsWith('Export')) onExport(node, edits);
  });
  let body = '';
  let at = from;
  for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
    body += code.slice(at, start) + text;
    at = end;
  }
  const script = wrap(body + code.slice(at));
  new Script(script, { filename: where });
  return script;
}

function visit(node, see) {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, see);
  } else if (node && typeof node === 'object' && typeof node.type === 'string') {
    see(node);
    for (const [key, value] of Object.entries(node))
      if (key !== 'loc' && value && typeof value === 'object') visit(value, see);
  }
}

/**
 * The script with every character outside ASCII written as a \uXXXX escape, so that the loader can
 * read it as latin1: a file with one non-ASCII character otherwise decodes as UTF-8 into a two-byte
 * string, and for the 3 MB bundles that read alone took 8 ms of a start (2 ms as latin1). Only where
 * an escape means the same character is it written: the parse trees of both texts must agree (each
 * string, template and identifier, and each regular expression once its escapes are read back), and
 * a tagged template (which sees the raw text) must hold no such character; else the build fails.
 */
export function asciiScript(script, where) {
  if (!/[\u0080-\uffff]/.test(script)) return script;
  const escaped = script.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const options = { ecmaVersion: 'latest', sourceType: 'script' };
  const differs = firstDifference(parse(script, options), parse(escaped, options), '');
  if (differs) throw new Error(`${where}: escaping its non-ASCII characters would change ${differs}`);
  return escaped;
}

const POSITION = new Set(['start', 'end', 'raw', 'loc', 'range']);
const readEscapes = (text) =>
  text.replace(/\\u([0-9a-fA-F]{4})/g, (escape, hex) =>
    parseInt(hex, 16) > 0x7f ? String.fromCharCode(parseInt(hex, 16)) : escape,
  );

function firstDifference(a, b, path) {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} -> ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  if (a instanceof RegExp || b instanceof RegExp) return undefined; // compared through node.regex
  if (
    a.type === 'TaggedTemplateExpression' &&
    /[\u0080-\uffff]/.test(JSON.stringify(a.quasi.quasis.map((q) => q.value.raw)))
  ) {
    return `${path}: a tagged template reads its raw text`;
  }
  if (a.regex && b.regex) {
    if (a.regex.flags !== b.regex.flags || readEscapes(a.regex.pattern) !== readEscapes(b.regex.pattern)) {
      return `${path}: /${a.regex.pattern}/ -> /${b.regex.pattern}/`;
    }
    return undefined;
  }
  const keys = Object.keys(a).filter((key) => !POSITION.has(key));
  if (keys.length !== Object.keys(b).filter((key) => !POSITION.has(key)).length) return `${path}: its shape`;
  for (const key of keys) {
    const found = firstDifference(a[key], b[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
