import { Document, isMap, isScalar, isSeq, parse, Scalar } from 'yaml';
import { parsePlainYamlStream } from './fast-parse.js';
import { UserError } from '../errors.js';

/** Replace source[start, end) with text. Edits are made on the original text, never on a re-rendered document. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** 1-based line number of an offset, counting LF (so CRLF files count the same). */
export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1))
    line++;
  return line;
}

const SAFE_CACHE_LIMIT = 1000;
const safeInBlock = new Map<string, boolean>();
const safeInFlow = new Map<string, boolean>();

/**
 * True when `value`, written as a plain scalar, would be read back as exactly that string by both
 * YAML 1.1 readers (Kubernetes, Flux, Helm) and YAML 1.2 readers: `1.20`, `1e5`, `0x1f`, `yes`,
 * `on` and `null` are not, nor is anything with YAML syntax in it.
 */
export function isSafePlainScalar(value: string, inFlow: boolean): boolean {
  // A bump writes the same value into every file, and each answer costs two YAML parses.
  const cache = inFlow ? safeInFlow : safeInBlock;
  let safe = cache.get(value);
  if (safe === undefined) {
    if (cache.size >= SAFE_CACHE_LIMIT) cache.clear();
    safe = readsBackAsItself(value, inFlow);
    cache.set(value, safe);
  }
  return safe;
}

function readsBackAsItself(value: string, inFlow: boolean, fast = true): boolean {
  if (value === '' || /[\n\r\t]/.test(value) || value.trim() !== value) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  const probe = inFlow ? `[${value}]` : `k: ${value}`;
  const quick = fast ? readsBackByFastReader(probe, value, inFlow) : undefined;
  if (quick !== undefined) return quick;
  for (const version of ['1.1', '1.2'] as const) {
    try {
      const read: unknown = parse(probe, { version, strict: true, uniqueKeys: false });
      const back = inFlow ? (read as unknown[])?.[0] : (read as Record<string, unknown>)?.k;
      if (back !== value || (inFlow && (read as unknown[]).length !== 1)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** For tests: the answer of the library's parser alone, without the fast reader. */
export function readsBackAsItselfByLibrary(value: string, inFlow: boolean): boolean {
  return readsBackAsItself(value, inFlow, false);
}

let yaml11Tags: readonly { default?: boolean | 'key'; test?: RegExp }[] | undefined;

/**
 * The probe's answer from the fast reader (the value's syntax, and how YAML 1.2's core schema
 * resolves it), with YAML 1.1's schema asked by its own tag tests (what its composer does for an
 * untagged plain scalar); undefined when the fast reader leaves the probe to the library. The
 * library's parser is cold on a CLI's first bump and costs more than the whole fast path.
 */
function readsBackByFastReader(probe: string, value: string, inFlow: boolean): boolean | undefined {
  const documents = parsePlainYamlStream(probe);
  if (documents === undefined) return undefined;
  const root = documents.length === 1 ? documents[0]?.contents : undefined;
  let node: unknown;
  if (inFlow && isSeq(root) && root.items.length === 1) node = root.items[0];
  else if (!inFlow && isMap(root) && root.items.length === 1) node = root.items[0]?.value;
  if (!isScalar(node) || node.type !== Scalar.PLAIN || node.value !== value) return false;
  yaml11Tags ??= new Document(undefined, { version: '1.1' }).schema.tags;
  return !yaml11Tags.some((tag) => tag.default === true && tag.test?.test(value));
}

/**
 * Control characters never go into a manifest, raw or escaped: no image reference, tag or digest
 * holds one, so a new value that does is a mistake to stop on rather than to write.
 */
export function checkWritable(value: string, where: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  const control = /[\x00-\x08\x0B-\x1F\x7F-\x9F\uFFFE\uFFFF]/.exec(value);
  if (control) {
    throw new UserError(
      `${where}: the new value ${JSON.stringify(value)} holds control character ${codePointName(control[0])}; nothing written`,
    );
  }
}

/** `U+0000`, for messages. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function doubleQuoted(value: string): string {
  return JSON.stringify(value);
}

function singleQuoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The edit that turns one scalar into `newValue`, keeping its quoting style. A plain scalar whose
 * new value would not read back as a string gets double quotes; the old bytes around the value
 * (anchor, tag, comment, line ending) are untouched because the scalar's range covers only the value.
 */
export function scalarEdit(source: string, node: Scalar, newValue: string, where: string): TextEdit {
  checkWritable(newValue, where);
  const range = node.range;
  if (!range) throw new UserError(`${where}: the value has no position in the source`);
  const [start, end] = range;
  const inFlow = isInFlowCollection(source, start);
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return { start, end, text: doubleQuoted(newValue) };
    case Scalar.QUOTE_SINGLE:
      return { start, end, text: singleQuoted(newValue) };
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return blockScalarEdit(source, start, end, String(node.value), newValue, where);
    default:
      return { start, end, text: isSafePlainScalar(newValue, inFlow) ? newValue : doubleQuoted(newValue) };
  }
}

/** A block scalar keeps its header and indentation; only its one content line changes. */
function blockScalarEdit(
  source: string,
  start: number,
  end: number,
  oldValue: string,
  newValue: string,
  where: string,
) {
  if (oldValue.replace(/\n+$/, '').includes('\n') || newValue.includes('\n')) {
    throw new UserError(`${where}: a multi-line block scalar cannot hold an image reference`);
  }
  const firstLine = oldValue.replace(/\n+$/, '');
  const contentStart = source.indexOf(firstLine, source.indexOf('\n', start) + 1);
  if (contentStart === -1 || contentStart >= end)
    throw new UserError(`${where}: cannot locate the block scalar's content`);
  return { start: contentStart, end: contentStart + firstLine.length, text: newValue };
}

/** Whether the offset sits inside a flow collection (`[...]` or `{...}`), where `,[]{}` end a plain scalar. */
function isInFlowCollection(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  let depth = 0;
  let quote: string | null = null;
  for (let index = lineStart; index < offset; index++) {
    const char = source[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
    else if (char === '#' && (index === lineStart || /\s/.test(source[index - 1] ?? ''))) break;
  }
  return depth > 0;
}

/**
 * Applies non-overlapping edits to the original text. Identical edits of the same span (one value
 * reached through two routes) count once; different edits of the same span are a conflict.
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  let previous: TextEdit | undefined;
  for (const edit of sorted) {
    if (previous && edit.start === previous.start && edit.end === previous.end && edit.text === previous.text) continue;
    if (edit.start < cursor) {
      throw new UserError(`conflicting edits at offset ${edit.start}: two changes want the same bytes`);
    }
    result += source.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
    previous = edit;
  }
  return result + source.slice(cursor);
}
