import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { isSafePlainScalar, type TextEdit } from '../yaml/edit.js';

export type PathSegment = string | number;

/** `spec.template.spec.containers[0].image`; keys that are not identifiers are written `["a.b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** The node an alias stands for, so that edits land on the anchor's definition and never on `*alias`. */
export function resolveNode(document: Document, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(document) ?? undefined;
  return (node ?? undefined) as Node | undefined;
}

/** The pair of a key; the last one wins when a key repeats, as Kubernetes reads it. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return map.items.findLast((pair) => isScalar(pair.key) && pair.key.value === key) as
    Pair<Node, Node | null> | undefined;
}

/**
 * The value of a key, also through YAML merge keys (`<<: *defaults`), so that a container whose
 * image comes from a shared anchor is found and the anchor's definition is edited.
 */
export function valueOf(document: Document, map: YAMLMap, key: string, depth = 0): Node | undefined {
  const pair = pairOf(map, key);
  if (pair) return resolveNode(document, pair.value);
  const merge = pairOf(map, '<<');
  if (!merge || depth > 8) return undefined;
  const sources = resolveNode(document, merge.value);
  for (const source of isSeq(sources) ? sources.items : [sources]) {
    const resolved = resolveNode(document, source);
    const found = isMap(resolved) ? valueOf(document, resolved, key, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

export function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** A scalar as the reader sees it in the file: `1.20` stays `1.20` even though YAML reads a number. */
export function scalarText(source: string, node: Scalar): string {
  if (typeof node.value === 'string') return node.value;
  if (node.type === Scalar.PLAIN && node.range) return source.slice(node.range[0], node.range[1]);
  return String(node.value);
}

/** Plain key/value map of string scalars (annotations, labels). */
export function stringMap(document: Document, node: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  const map = resolveNode(document, node);
  if (!map || !('items' in map) || !Array.isArray(map.items)) return result;
  for (const pair of (map as YAMLMap).items) {
    const value = stringValue(resolveNode(document, pair.value));
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && value !== undefined) result[pair.key.value] = value;
  }
  return result;
}

/** True for a key written with no value at all (`newTag:`), which YAML reads as null. */
export function isEmptyScalar(node: Scalar): boolean {
  return node.value === null && node.range != null && node.range[0] === node.range[1];
}

/** Fills an empty value, keeping a space after the colon and before a comment that follows. */
export function emptyScalarEdit(source: string, node: Scalar, value: string, inFlow: boolean): TextEdit {
  const at = node.range?.[0] ?? 0;
  const before = /\s/.test(source[at - 1] ?? ' ') ? '' : ' ';
  const after = at < source.length && !/\s/.test(source[at] ?? ' ') ? ' ' : '';
  const text = isSafePlainScalar(value, inFlow) ? value : JSON.stringify(value);
  return { start: at, end: at, text: `${before}${text}${after}` };
}

function lineEndingAt(source: string, newline: number): string {
  return source[newline - 1] === '\r' ? '\r\n' : '\n';
}

function formatLike(sibling: Node | null, value: string, inFlow: boolean): string {
  if (isScalar(sibling) && sibling.type === Scalar.QUOTE_SINGLE) return `'${value.replaceAll("'", "''")}'`;
  if (isScalar(sibling) && sibling.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  return isSafePlainScalar(value, inFlow) ? value : JSON.stringify(value);
}

/**
 * The insertion of new `key: value` pairs right after a sibling pair, written the way the file
 * writes it: same indentation and line ending, same quote style as the sibling's value.
 * Undefined when the sibling is not a one-line scalar pair (the place is then reported, not guessed).
 */
export function insertAfterPair(
  source: string,
  map: YAMLMap,
  sibling: Pair<Node, Node | null>,
  entries: readonly (readonly [string, string])[],
): TextEdit | undefined {
  const value = sibling.value;
  const keyStart = sibling.key.range?.[0];
  if (!isScalar(value) || !value.range || keyStart === undefined) return undefined;
  if (value.type === Scalar.BLOCK_FOLDED || value.type === Scalar.BLOCK_LITERAL) return undefined;
  const valueEnd = value.range[1];
  if (map.flow) {
    const text = entries.map(([key, item]) => `, ${key}: ${formatLike(value, item, true)}`).join('');
    return { start: valueEnd, end: valueEnd, text };
  }
  if (source.slice(keyStart, valueEnd).includes('\n')) return undefined;
  const indent = ' '.repeat(keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1));
  const lines = entries.map(([key, item]) => `${indent}${key}: ${formatLike(value, item, false)}`);
  const newline = source.indexOf('\n', valueEnd);
  if (newline === -1) {
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    return { start: source.length, end: source.length, text: lines.map((line) => eol + line).join('') };
  }
  const eol = lineEndingAt(source, newline);
  return { start: newline + 1, end: newline + 1, text: lines.map((line) => line + eol).join('') };
}

/**
 * The removal of a block-map pair that sits alone on its line (with its line ending), or undefined
 * when it shares its line with something else (`- digest: ...` starting a sequence item, flow maps)
 * or defines an anchor.
 */
export function removePairLine(source: string, map: YAMLMap, pair: Pair<Node, Node | null>): TextEdit | undefined {
  const keyStart = pair.key.range?.[0];
  const value = pair.value;
  if (map.flow || keyStart === undefined || !isScalar(value) || !value.range) return undefined;
  // The line may define an anchor that aliases elsewhere still refer to.
  if (value.anchor || (isScalar(pair.key) && pair.key.anchor)) return undefined;
  const lineStart = source.lastIndexOf('\n', keyStart - 1) + 1;
  if (source.slice(lineStart, keyStart).trim() !== '') return undefined;
  if (source.slice(keyStart, value.range[1]).includes('\n')) return undefined;
  const newline = source.indexOf('\n', value.range[1]);
  if (newline !== -1) return { start: lineStart, end: newline + 1, text: '' };
  // Last line without a line ending: take the previous line's ending instead.
  if (lineStart === 0) return undefined;
  const start = source[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  return { start, end: source.length, text: '' };
}
