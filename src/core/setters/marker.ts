import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { SETTER_KEY } from './screen.js';

/** Which part of the policy's latest image a marked value holds. */
export type SetterField = 'full' | 'tag' | 'name' | 'digest';

export interface SetterMarker {
  namespace: string;
  name: string;
  field: SetterField;
}

export { SETTER_KEY, SETTER_SCREEN } from './screen.js';

const FIELD_SUFFIXES: Record<string, SetterField> = { tag: 'tag', name: 'name', digest: 'digest' };

/**
 * Reads a setter marker from one comment (its text with or without the leading `#`). As Flux (kyaml)
 * does, the whole comment must be a JSON object of strings; anything else, a policy id that is not
 * `ns:name` or `ns:name:<tag|name|digest>`, or a comment of several lines, is not a marker.
 */
export function parseSetterMarker(comment: string): SetterMarker | undefined {
  const body = comment.replace(/^#+/, '');
  if (/[\r\n]/.test(body.trimEnd())) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const values = Object.values(parsed as Record<string, unknown>);
  if (!values.every((value) => typeof value === 'string')) return undefined;
  const id = (parsed as Record<string, string>)[SETTER_KEY];
  if (id === undefined) return undefined;
  const [namespace, name, suffix, ...rest] = id.split(':');
  if (!namespace || !name || rest.length > 0) return undefined;
  if (suffix === undefined) return { namespace, name, field: 'full' };
  const field = FIELD_SUFFIXES[suffix];
  return field ? { namespace, name, field } : undefined;
}

/** The id a marker refers to, as written in it: `ns:name`, `ns:name:tag`, ... */
export function markerId(marker: SetterMarker): string {
  const policy = `${marker.namespace}:${marker.name}`;
  return marker.field === 'full' ? policy : `${policy}:${marker.field}`;
}

const COMMENT_LINE = /^[ \t]*#(.*?)\r?$/;

/**
 * The comment at the end of the line where a value ends (`image: app:1.0 # comment`). For a block
 * scalar the comment sits on its header line (`patch: | # comment`), so the search starts there.
 */
export function lineCommentAfter(
  source: string,
  valueStart: number,
  valueEnd: number,
  isBlock: boolean,
): string | undefined {
  const from = isBlock ? valueStart : valueEnd;
  const lineEnd = source.indexOf('\n', from);
  const rest = source.slice(from, lineEnd === -1 ? source.length : lineEnd);
  const match = isBlock ? /^[|>][0-9+-]*[ \t]+#(.*?)\r?$/.exec(rest) : /^[ \t]+#(.*?)\r?$/.exec(rest);
  return match?.[1];
}

/**
 * The comment on the line just above an entry (a mapping key or a sequence item) when it is the only
 * comment line there: go-yaml joins consecutive comment lines into one head comment, and several
 * lines never read as one marker.
 */
export function headCommentAbove(source: string, entryStart: number): string | undefined {
  const lineStart = source.lastIndexOf('\n', entryStart - 1) + 1;
  if (lineStart === 0) return undefined;
  const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  const previous = COMMENT_LINE.exec(source.slice(previousStart, lineStart - 1));
  if (!previous) return undefined;
  if (previousStart > 0) {
    const beforeStart = source.lastIndexOf('\n', previousStart - 2) + 1;
    if (COMMENT_LINE.test(source.slice(beforeStart, previousStart - 1))) return undefined;
  }
  return previous[1];
}

/** The setter marker of a scalar value: its line comment decides first, then the head comment, as kyaml reads field metadata. */
export function setterMarkerOf(source: string, node: Scalar, entryStart: number | undefined): SetterMarker | undefined {
  const [start, end] = node.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  const isBlock = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  const line = lineCommentAfter(source, start, end, isBlock);
  const fromLine = line === undefined ? undefined : parseSetterMarker(line);
  if (fromLine) return fromLine;
  const head = headCommentAbove(source, entryStart ?? start);
  return head === undefined ? undefined : parseSetterMarker(head);
}

export interface MarkedScalar {
  node: Scalar;
  /** Keys and sequence indexes from the document root to the value; `?` for a key that is not a scalar. */
  path: (string | number)[];
  marker: SetterMarker;
}

/** Every scalar value (never a key) of a document carrying a setter marker, in document order. */
export function* markedScalars(source: string, root: Node | null): Generator<MarkedScalar> {
  const path: (string | number)[] = [];
  function* visit(node: unknown, entryStart: number | undefined): Generator<MarkedScalar> {
    if (isScalar(node)) {
      const marker = setterMarkerOf(source, node, entryStart);
      if (marker) yield { node, path: [...path], marker };
    } else if (isMap(node)) {
      for (const pair of node.items) {
        path.push(isScalar(pair.key) ? String(pair.key.value) : '?');
        yield* visit(pair.value, (pair.key as Node | null)?.range?.[0]);
        path.pop();
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) {
        path.push(index);
        yield* visit(item, (item as Node | null)?.range?.[0]);
        path.pop();
      }
    }
  }
  yield* visit(root, undefined);
}
