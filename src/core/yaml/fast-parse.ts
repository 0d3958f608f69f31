import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * A reader for the plain block YAML that most manifests are written in, about ten times faster than
 * the `yaml` library's full parser on a cold start (a bump reads hundreds of files once each, before
 * the JIT has warmed up). It builds the very nodes the library builds (same classes, values, scalar
 * styles, `source` and ranges, resolved by the document's own schema), so every reader of the
 * result is unchanged. Anything outside its subset makes it give up (`undefined`) and the caller
 * parses the text with the library: anchors, aliases, tags, block scalars, multi-line and escaped
 * scalars, explicit or quoted keys, tabs, CR, a BOM, directives, empty documents, and comments whose
 * place in the tree is not plain. A differential test holds it to the library's output on every
 * fixture and on generated documents.
 */

const GIVE_UP: unique symbol = Symbol('fast YAML reader gives up');

const DOCUMENT_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false } as const;

const NEWLINE = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Characters that may not start a plain scalar here (YAML indicators, and ones this reader leaves to the library). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const char of '-?:,[]{}#&*!|>\'"%@`') NOT_PLAIN_START[char.charCodeAt(0)] = 1;
/** Flow indicators, which end a plain scalar inside a flow collection. */
const FLOW_INDICATOR = new Uint8Array(128);
for (const char of ',[]{}') FLOW_INDICATOR[char.charCodeAt(0)] = 1;

// Whole-text refusals: a tab, CR, BOM, or any of the node properties and block scalar indicators
// standing where a value could start (checked per token too; this regex only saves work).
const REFUSE_TEXT = /[\t\r\uFEFF]|^%|^\.\.\.(?:[ \n]|$)/m;

const MAY_RESOLVE = /^[-+.~0-9nNtTfF]/;
/**
 * A plain scalar that starts with a letter resolves (as null or a bool, the core schema's only tags
 * that take a letter first) only when it is one of these words: a word like `target` is a string
 * without running the tags' regular expressions, which a start would compile for it.
 */
const LETTER_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

function giveUp(): never {
  throw GIVE_UP;
}

class Reader {
  private document!: Document.Parsed;

  constructor(private readonly src: string) {}

  /** Every document of the stream, or GIVE_UP thrown. */
  stream(): Document.Parsed[] {
    const { src } = this;
    const documents: Document.Parsed[] = [];
    let pos = 0;
    for (;;) {
      const start = this.skipEmptyLines(pos);
      if (start >= src.length) {
        if (documents.length === 0) giveUp();
        return documents;
      }
      let docStart = false;
      let content = start;
      if (this.isMarkerLine(start)) {
        docStart = true;
        content = this.skipEmptyLines(this.lineEnd(start + 3, true));
      } else if (documents.length > 0) {
        giveUp();
      }
      if (content >= src.length || this.isMarkerLine(content)) giveUp(); // an empty document
      const document = new Document(undefined, DOCUMENT_OPTIONS) as Document.Parsed;
      this.document = document;
      if (docStart) document.directives.docStart = true;
      const column = content - this.lineStart(content);
      const contents = this.blockNode(content, column);
      const contentEnd = contents.range![2];
      const next = this.skipEmptyLines(this.nextLineFrom(contentEnd));
      if (next < src.length && !this.isMarkerLine(next)) giveUp();
      // Comment lines after the content (before the next document or the end) are the library's to place.
      if (this.hasCommentLine(this.nextLineFrom(contentEnd), next)) giveUp();
      document.contents = contents as never;
      // Blank lines after the content belong to the document, unless it ends on an empty value (the
      // newline after which is the library's to place).
      let end = next;
      if (this.nextLineFrom(contentEnd) !== contentEnd) {
        if (this.nextLine(contentEnd) !== next || next < src.length) giveUp();
        end = contentEnd;
      }
      document.range = [start, contentEnd, end];
      documents.push(document);
      pos = next;
      if (pos >= src.length) return documents;
    }
  }

  // --- lines -------------------------------------------------------------------------------------

  private lineStart(pos: number): number {
    return this.src.lastIndexOf('\n', pos - 1) + 1;
  }

  /** Offset just past the newline ending the line of `pos`, or the text's length. */
  private nextLine(pos: number): number {
    const end = this.src.indexOf('\n', pos);
    return end === -1 ? this.src.length : end + 1;
  }

  /** `pos` when it starts a line (or is the end), else the start of the next line. */
  private nextLineFrom(pos: number): number {
    if (pos >= this.src.length || pos === 0 || this.src.charCodeAt(pos - 1) === NEWLINE) return pos;
    return this.nextLine(pos);
  }

  /**
   * Past the rest of a line that holds nothing more but spaces and, when allowed, a comment (a
   * comment needs a space before it); gives up on anything else.
   */
  private lineEnd(pos: number, allowComment: boolean): number {
    const { src } = this;
    let at = pos;
    while (src.charCodeAt(at) === SPACE) at++;
    if (at >= src.length) return at;
    const code = src.charCodeAt(at);
    if (code === NEWLINE) return at + 1;
    if (code === HASH && allowComment && at > pos) return this.nextLine(at);
    return giveUp();
  }

  /** The first non-space character of the next line that has one and is no comment, from a line start. */
  private skipEmptyLines(pos: number): number {
    const { src } = this;
    let line = pos;
    while (line < src.length) {
      let at = line;
      while (src.charCodeAt(at) === SPACE) at++;
      const code = src.charCodeAt(at);
      if (at < src.length && code !== NEWLINE && code !== HASH) return at;
      line = this.nextLine(at);
    }
    return src.length;
  }

  /** Whether a comment line lies between two line starts. */
  private hasCommentLine(from: number, to: number): boolean {
    const { src } = this;
    for (let line = from; line < to; line = this.nextLine(line)) {
      let at = line;
      while (src.charCodeAt(at) === SPACE) at++;
      if (src.charCodeAt(at) === HASH) return true;
    }
    return false;
  }

  /** `---` alone on its line at column 0. */
  private isMarkerLine(pos: number): boolean {
    const { src } = this;
    if (!src.startsWith('---', pos) || this.lineStart(pos) !== pos) return false;
    const after = src.charCodeAt(pos + 3);
    if (pos + 3 >= src.length || after === NEWLINE) return true;
    if (after === SPACE) giveUp(); // content or a comment after the marker
    return false;
  }

  // --- block collections -------------------------------------------------------------------------

  private blockNode(pos: number, column: number): Node {
    if (this.isSequenceEntry(pos)) return this.blockSequence(pos, column);
    if (this.keyEnd(pos) !== -1) return this.blockMap(pos, column);
    return giveUp(); // a scalar at the top, or something this reader does not read
  }

  private isSequenceEntry(pos: number): boolean {
    const { src } = this;
    if (src.charCodeAt(pos) !== DASH) return false;
    const next = src.charCodeAt(pos + 1);
    return pos + 1 >= src.length || next === SPACE || next === NEWLINE;
  }

  /**
   * Where the `:` of an implicit plain key starting at `pos` is, or -1 when the line holds no key
   * (a value, a comment, the end). A key this reader cannot read as plainly as the library gives up.
   */
  private keyEnd(pos: number): number {
    const { src } = this;
    const first = src.charCodeAt(pos);
    if (first >= 128 || NOT_PLAIN_START[first]) {
      if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE || first === 63 /* ? */) {
        // A quoted or explicit key, or a quoted value: which one it is, the library decides.
        return this.lineHasColon(pos) ? giveUp() : -1;
      }
      return -1;
    }
    for (let at = pos + 1; at < src.length; at++) {
      const code = src.charCodeAt(at);
      if (code === NEWLINE) return -1;
      if (code === COLON) {
        const next = src.charCodeAt(at + 1);
        if (at + 1 >= src.length || next === SPACE || next === NEWLINE) {
          if (src.charCodeAt(at - 1) === SPACE) giveUp(); // `key :`
          return at;
        }
      } else if (code === HASH && src.charCodeAt(at - 1) === SPACE) {
        return -1;
      }
    }
    return -1;
  }

  private lineHasColon(pos: number): boolean {
    const end = this.nextLine(pos);
    const colon = this.src.indexOf(':', pos);
    return colon !== -1 && colon < end;
  }

  /**
   * The next entry of a block collection at `column` after a node ending at `end`: its offset, or -1
   * when the collection ends there. Gives up on entries at a column the library would refuse and on
   * comment lines that end a collection (the library places those on the collection, not the next
   * key).
   */
  private nextEntry(end: number, column: number): number {
    const from = this.nextLineFrom(end);
    const next = this.skipEmptyLines(from);
    if (next >= this.src.length) {
      if (this.hasCommentLine(from, next)) giveUp();
      return -1;
    }
    const nextColumn = next - this.lineStart(next);
    if (nextColumn > column) giveUp();
    if (nextColumn < column || this.isMarkerLine(next)) {
      if (this.hasCommentLine(from, next)) giveUp();
      return -1;
    }
    return next;
  }

  private blockMap(start: number, column: number): YAMLMap {
    const { src } = this;
    const map = new YAMLMap(this.document.schema);
    let pos = start;
    let offset = start;
    for (;;) {
      const keyEnd = this.keyEnd(pos);
      if (keyEnd === -1) giveUp();
      const key = this.plainScalar(pos, keyEnd, keyEnd, true);
      if (key.value === '<<') giveUp(); // a merge key
      let value: Node;
      let at = keyEnd + 1;
      while (src.charCodeAt(at) === SPACE) at++;
      const code = src.charCodeAt(at);
      if (at >= src.length || code === NEWLINE || (code === HASH && at > keyEnd + 1)) {
        const lineEnd = code === HASH ? this.nextLine(at) : at >= src.length ? at : at + 1;
        const next = this.skipEmptyLines(lineEnd);
        const nextColumn = next - this.lineStart(next);
        if (next < src.length && nextColumn > column && !this.isMarkerLine(next)) {
          value = this.blockNode(next, nextColumn);
        } else if (next < src.length && nextColumn === column && this.isSequenceEntry(next)) {
          value = this.blockSequence(next, column);
        } else {
          // An empty value: null, right after the colon. (With spaces or a comment after it, where
          // the library places it and its end depends on the lines around: left to the library.)
          if (at > keyEnd + 1 || this.hasCommentLine(lineEnd, next)) giveUp();
          value = this.scalarNode(null, '', Scalar.PLAIN, at, at, at);
        }
      } else {
        value = this.inlineValue(at, column);
      }
      map.items.push(new Pair(key, value));
      offset = value.range![2];
      const next = this.nextEntry(offset, column);
      if (next === -1) break;
      if (this.isSequenceEntry(next)) giveUp();
      pos = next;
    }
    map.range = [start, offset, offset];
    return map;
  }

  private blockSequence(start: number, column: number): YAMLSeq {
    const { src } = this;
    const seq = new YAMLSeq(this.document.schema);
    let pos = start;
    let offset = start;
    for (;;) {
      if (src.charCodeAt(pos + 1) !== SPACE) giveUp(); // `-` alone on its line: the item is below
      let at = pos + 2;
      while (src.charCodeAt(at) === SPACE) at++;
      const code = src.charCodeAt(at);
      if (at >= src.length || code === NEWLINE || code === HASH || this.isSequenceEntry(at)) giveUp();
      const item = this.keyEnd(at) !== -1 ? this.blockMap(at, at - this.lineStart(at)) : this.inlineValue(at, column);
      seq.items.push(item);
      offset = item.range![2];
      const next = this.nextEntry(offset, column);
      if (next === -1) break;
      if (!this.isSequenceEntry(next)) {
        // A key at the sequence's column: the sequence was a map value written without indent.
        if (this.hasCommentLine(this.nextLineFrom(offset), next)) giveUp();
        break;
      }
      pos = next;
    }
    seq.range = [start, offset, offset];
    return seq;
  }

  // --- values on one line ------------------------------------------------------------------------

  /** A scalar or flow collection starting at `pos`, with the rest of its line, in a block at `column`. */
  private inlineValue(pos: number, column: number): Node {
    const { src } = this;
    const code = src.charCodeAt(pos);
    let node: Node;
    let valueEnd: number;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      node = this.quotedScalar(pos);
      valueEnd = node.range![1];
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      node = this.flowCollection(pos);
      valueEnd = node.range![1];
    } else {
      if (code >= 128 || (NOT_PLAIN_START[code] && !this.isPlainDash(pos))) giveUp();
      let at = pos;
      let end = pos;
      for (; at < src.length; at++) {
        const char = src.charCodeAt(at);
        if (char === NEWLINE) break;
        if (char === HASH && src.charCodeAt(at - 1) === SPACE) break;
        if (char === COLON) {
          const next = src.charCodeAt(at + 1);
          if (at + 1 >= src.length || next === SPACE || next === NEWLINE) giveUp(); // a mapping on the value's line
        }
        if (char !== SPACE) end = at + 1;
      }
      valueEnd = end;
      node = this.plainScalar(pos, end, end, false);
    }
    const lineEnd = this.lineEnd(valueEnd, true);
    node.range = [pos, valueEnd, lineEnd];
    // A line below that is indented further would continue a plain scalar (or be an error); either way, the library's.
    const next = this.skipEmptyLines(lineEnd);
    if (next < src.length && next - this.lineStart(next) > column) giveUp();
    if (this.deeperCommentLine(lineEnd, next, column)) giveUp();
    return node;
  }

  private deeperCommentLine(from: number, to: number, column: number): boolean {
    const { src } = this;
    for (let line = from; line < to; line = this.nextLine(line)) {
      let at = line;
      while (src.charCodeAt(at) === SPACE) at++;
      if (src.charCodeAt(at) === HASH && at - line > column) return true;
    }
    return false;
  }

  /** A `-` that starts a plain scalar (`-1`, `--flag`): followed by a character that is no space. */
  private isPlainDash(pos: number): boolean {
    const next = this.src.charCodeAt(pos + 1);
    return this.src.charCodeAt(pos) === DASH && pos + 1 < this.src.length && next !== SPACE && next !== NEWLINE;
  }

  /** A one-line quoted scalar without escapes; its range ends at the closing quote. */
  private quotedScalar(pos: number): Scalar {
    const { src } = this;
    const quote = src.charCodeAt(pos);
    let value = '';
    let from = pos + 1;
    for (let at = pos + 1; ; at++) {
      if (at >= src.length) giveUp();
      const code = src.charCodeAt(at);
      if (code === NEWLINE || (quote === DOUBLE_QUOTE && code === BACKSLASH)) giveUp();
      if (code !== quote) continue;
      if (quote === SINGLE_QUOTE && src.charCodeAt(at + 1) === SINGLE_QUOTE) {
        value += src.slice(from, at + 1);
        from = at + 2;
        at++;
        continue;
      }
      value += src.slice(from, at);
      const type = quote === DOUBLE_QUOTE ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
      return this.scalarNode(value, value, type, pos, at + 1, at + 1);
    }
  }

  /** A flow mapping or sequence on one line, of plain and quoted scalars and nested flow collections. */
  private flowCollection(pos: number): YAMLMap | YAMLSeq {
    const { src } = this;
    const isMap = src.charCodeAt(pos) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const collection = isMap ? new YAMLMap(this.document.schema) : new YAMLSeq(this.document.schema);
    collection.flow = true;
    let at = this.skipSpaces(pos + 1);
    if (src.charCodeAt(at) === close) {
      collection.range = [pos, at + 1, at + 1];
      return collection;
    }
    for (;;) {
      if (isMap) {
        const key = this.flowItem(at, true);
        at = key.range![1];
        if (src.charCodeAt(at) !== COLON || src.charCodeAt(at + 1) !== SPACE) giveUp();
        const value = this.flowItem(this.skipSpaces(at + 1), false);
        (collection as YAMLMap).items.push(new Pair(key, value));
        at = this.skipSpaces(value.range![1]);
        // Spaces before the next `,` or the end belong to the value's end, as the library counts them.
        value.range![2] = at;
      } else {
        const item = this.flowItem(at, false);
        (collection as YAMLSeq).items.push(item);
        at = this.skipSpaces(item.range![1]);
        item.range![2] = at;
        if (src.charCodeAt(at) === COLON) giveUp(); // a pair inside a flow sequence
      }
      const code = src.charCodeAt(at);
      if (code === close) {
        collection.range = [pos, at + 1, at + 1];
        return collection;
      }
      if (code !== COMMA) giveUp();
      at = this.skipSpaces(at + 1);
      if (src.charCodeAt(at) === close) giveUp(); // a trailing comma
    }
  }

  private skipSpaces(pos: number): number {
    let at = pos;
    while (this.src.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** A scalar or nested collection inside a flow collection; its range has no trailing part. */
  private flowItem(pos: number, atKey: boolean): Node {
    const { src } = this;
    const code = src.charCodeAt(pos);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      if (atKey) giveUp();
      return this.quotedScalar(pos);
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (atKey) giveUp();
      return this.flowCollection(pos);
    }
    if (pos >= src.length || code >= 128 || NOT_PLAIN_START[code]) giveUp();
    let end = pos;
    for (let at = pos; ; at++) {
      if (at >= src.length) giveUp();
      const char = src.charCodeAt(at);
      if (char === NEWLINE || char === HASH) giveUp();
      if (char < 128 && FLOW_INDICATOR[char]) break;
      if (char === COLON) {
        // Only a key's own `: ` ends a plain scalar here; any other colon is the library's to read.
        if (!atKey || src.charCodeAt(at + 1) !== SPACE) giveUp();
        break;
      }
      if (char !== SPACE) end = at + 1;
    }
    return this.plainScalar(pos, end, end, atKey);
  }

  // --- scalars -----------------------------------------------------------------------------------

  /** A plain scalar resolved as the library resolves it: by the first default tag of the schema whose test matches. */
  private plainScalar(start: number, valueEnd: number, end: number, atKey: boolean): Scalar {
    const source = this.src.slice(start, valueEnd);
    // Every test of the core schema's tags (null, bool, int, float) needs one of these first characters.
    const first = source.charCodeAt(0) | 32; // lower case, for a letter
    if (source !== '' && (!MAY_RESOLVE.test(source) || (first >= 97 && first <= 122 && !LETTER_WORDS.has(source))))
      return this.scalarNode(source, source, Scalar.PLAIN, start, valueEnd, end);
    const { schema, options } = this.document;
    const tag = schema.tags.find(
      (candidate) =>
        (candidate.default === true || (atKey && candidate.default === 'key')) && candidate.test?.test(source),
    );
    if (!tag) return this.scalarNode(source, source, Scalar.PLAIN, start, valueEnd, end);
    let failed = false;
    const resolve = tag.resolve as (value: string, onError: () => void, options: unknown) => unknown;
    const resolved = resolve(source, () => (failed = true), options);
    if (failed) giveUp();
    const scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
    scalar.range = [start, valueEnd, end];
    scalar.source = source;
    scalar.type = Scalar.PLAIN;
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  private scalarNode(
    value: unknown,
    source: string,
    type: Scalar.Type,
    start: number,
    valueEnd: number,
    end: number,
  ): Scalar {
    const scalar = new Scalar(value);
    scalar.range = [start, valueEnd, end];
    scalar.source = source;
    scalar.type = type;
    return scalar;
  }
}

/**
 * The documents of `text` as `parseAllDocuments` would compose them (without comments), or
 * undefined when the text is not in the plain subset this reader handles.
 */
export function parsePlainYamlStream(text: string): Document.Parsed[] | undefined {
  if (text.length === 0 || REFUSE_TEXT.test(text)) return undefined;
  try {
    return new Reader(text).stream();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
