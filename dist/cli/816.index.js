(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 816;
const ids = [816];
const modules = {

/***/ 1155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N2: () => (/* binding */ scalarEdit),
/* harmony export */   R8: () => (/* binding */ codePointName),
/* harmony export */   a: () => (/* binding */ isSafePlainScalar),
/* harmony export */   mh: () => (/* binding */ lineAt),
/* harmony export */   nz: () => (/* binding */ applyTextEdits)
/* harmony export */ });
/* unused harmony exports readsBackAsItselfByLibrary, checkWritable */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _fast_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7823);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



/** 1-based line number of an offset, counting LF (so CRLF files count the same). */
function lineAt(source, offset) {
    let line = 1;
    for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1))
        line++;
    return line;
}
const SAFE_CACHE_LIMIT = 1000;
const safeInBlock = new Map();
const safeInFlow = new Map();
/**
 * True when `value`, written as a plain scalar, would be read back as exactly that string by both
 * YAML 1.1 readers (Kubernetes, Flux, Helm) and YAML 1.2 readers: `1.20`, `1e5`, `0x1f`, `yes`,
 * `on` and `null` are not, nor is anything with YAML syntax in it.
 */
function isSafePlainScalar(value, inFlow) {
    // A bump writes the same value into every file, and each answer costs two YAML parses.
    const cache = inFlow ? safeInFlow : safeInBlock;
    let safe = cache.get(value);
    if (safe === undefined) {
        if (cache.size >= SAFE_CACHE_LIMIT)
            cache.clear();
        safe = readsBackAsItself(value, inFlow);
        cache.set(value, safe);
    }
    return safe;
}
function readsBackAsItself(value, inFlow, fast = true) {
    if (value === '' || /[\n\r\t]/.test(value) || value.trim() !== value)
        return false;
    if (inFlow && /[,[\]{}]/.test(value))
        return false;
    const probe = inFlow ? `[${value}]` : `k: ${value}`;
    const quick = fast ? readsBackByFastReader(probe, value, inFlow) : undefined;
    if (quick !== undefined)
        return quick;
    for (const version of ['1.1', '1.2']) {
        try {
            const read = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(probe, { version, strict: true, uniqueKeys: false });
            const back = inFlow ? read?.[0] : read?.k;
            if (back !== value || (inFlow && read.length !== 1))
                return false;
        }
        catch {
            return false;
        }
    }
    return true;
}
/** For tests: the answer of the library's parser alone, without the fast reader. */
function readsBackAsItselfByLibrary(value, inFlow) {
    return readsBackAsItself(value, inFlow, false);
}
let yaml11Tags;
/**
 * The probe's answer from the fast reader (the value's syntax, and how YAML 1.2's core schema
 * resolves it), with YAML 1.1's schema asked by its own tag tests (what its composer does for an
 * untagged plain scalar); undefined when the fast reader leaves the probe to the library. The
 * library's parser is cold on a CLI's first bump and costs more than the whole fast path.
 */
function readsBackByFastReader(probe, value, inFlow) {
    const documents = (0,_fast_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePlainYamlStream */ .z)(probe);
    if (documents === undefined)
        return undefined;
    const root = documents.length === 1 ? documents[0]?.contents : undefined;
    let node;
    if (inFlow && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(root) && root.items.length === 1)
        node = root.items[0];
    else if (!inFlow && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root) && root.items.length === 1)
        node = root.items[0]?.value;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.type !== yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN || node.value !== value)
        return false;
    yaml11Tags ??= new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(undefined, { version: '1.1' }).schema.tags;
    return !yaml11Tags.some((tag) => tag.default === true && tag.test?.test(value));
}
/**
 * Control characters never go into a manifest, raw or escaped: no image reference, tag or digest
 * holds one, so a new value that does is a mistake to stop on rather than to write.
 */
function checkWritable(value, where) {
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    const control = /[\x00-\x08\x0B-\x1F\x7F-\x9F\uFFFE\uFFFF]/.exec(value);
    if (control) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: the new value ${JSON.stringify(value)} holds control character ${codePointName(control[0])}; nothing written`);
    }
}
/** `U+0000`, for messages. */
function codePointName(char) {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
function doubleQuoted(value) {
    return JSON.stringify(value);
}
function singleQuoted(value) {
    return `'${value.replaceAll("'", "''")}'`;
}
/**
 * The edit that turns one scalar into `newValue`, keeping its quoting style. A plain scalar whose
 * new value would not read back as a string gets double quotes; the old bytes around the value
 * (anchor, tag, comment, line ending) are untouched because the scalar's range covers only the value.
 */
function scalarEdit(source, node, newValue, where) {
    checkWritable(newValue, where);
    const range = node.range;
    if (!range)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: the value has no position in the source`);
    const [start, end] = range;
    const inFlow = isInFlowCollection(source, start);
    switch (node.type) {
        case yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE:
            return { start, end, text: doubleQuoted(newValue) };
        case yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_SINGLE:
            return { start, end, text: singleQuoted(newValue) };
        case yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL:
        case yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_FOLDED:
            return blockScalarEdit(source, start, end, String(node.value), newValue, where);
        default:
            return { start, end, text: isSafePlainScalar(newValue, inFlow) ? newValue : doubleQuoted(newValue) };
    }
}
/** A block scalar keeps its header and indentation; only its one content line changes. */
function blockScalarEdit(source, start, end, oldValue, newValue, where) {
    if (oldValue.replace(/\n+$/, '').includes('\n') || newValue.includes('\n')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: a multi-line block scalar cannot hold an image reference`);
    }
    const firstLine = oldValue.replace(/\n+$/, '');
    const contentStart = source.indexOf(firstLine, source.indexOf('\n', start) + 1);
    if (contentStart === -1 || contentStart >= end)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${where}: cannot locate the block scalar's content`);
    return { start: contentStart, end: contentStart + firstLine.length, text: newValue };
}
/** Whether the offset sits inside a flow collection (`[...]` or `{...}`), where `,[]{}` end a plain scalar. */
function isInFlowCollection(source, offset) {
    const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    let depth = 0;
    let quote = null;
    for (let index = lineStart; index < offset; index++) {
        const char = source[index];
        if (quote) {
            if (char === quote)
                quote = null;
        }
        else if (char === '"' || char === "'")
            quote = char;
        else if (char === '[' || char === '{')
            depth++;
        else if (char === ']' || char === '}')
            depth = Math.max(0, depth - 1);
        else if (char === '#' && (index === lineStart || /\s/.test(source[index - 1] ?? '')))
            break;
    }
    return depth > 0;
}
/**
 * Applies non-overlapping edits to the original text. Identical edits of the same span (one value
 * reached through two routes) count once; different edits of the same span are a conflict.
 */
function applyTextEdits(source, edits) {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    let result = '';
    let cursor = 0;
    let previous;
    for (const edit of sorted) {
        if (previous && edit.start === previous.start && edit.end === previous.end && edit.text === previous.text)
            continue;
        if (edit.start < cursor) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`conflicting edits at offset ${edit.start}: two changes want the same bytes`);
        }
        result += source.slice(cursor, edit.start) + edit.text;
        cursor = edit.end;
        previous = edit;
    }
    return result + source.slice(cursor);
}


/***/ }),

/***/ 7823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ parsePlainYamlStream)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

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
const GIVE_UP = Symbol('fast YAML reader gives up');
const DOCUMENT_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false };
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
for (const char of '-?:,[]{}#&*!|>\'"%@`')
    NOT_PLAIN_START[char.charCodeAt(0)] = 1;
/** Flow indicators, which end a plain scalar inside a flow collection. */
const FLOW_INDICATOR = new Uint8Array(128);
for (const char of ',[]{}')
    FLOW_INDICATOR[char.charCodeAt(0)] = 1;
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
function giveUp() {
    throw GIVE_UP;
}
class Reader {
    src;
    document;
    constructor(src) {
        this.src = src;
    }
    /** Every document of the stream, or GIVE_UP thrown. */
    stream() {
        const { src } = this;
        const documents = [];
        let pos = 0;
        for (;;) {
            const start = this.skipEmptyLines(pos);
            if (start >= src.length) {
                if (documents.length === 0)
                    giveUp();
                return documents;
            }
            let docStart = false;
            let content = start;
            if (this.isMarkerLine(start)) {
                docStart = true;
                content = this.skipEmptyLines(this.lineEnd(start + 3, true));
            }
            else if (documents.length > 0) {
                giveUp();
            }
            if (content >= src.length || this.isMarkerLine(content))
                giveUp(); // an empty document
            const document = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Document */ .yo(undefined, DOCUMENT_OPTIONS);
            this.document = document;
            if (docStart)
                document.directives.docStart = true;
            const column = content - this.lineStart(content);
            const contents = this.blockNode(content, column);
            const contentEnd = contents.range[2];
            const next = this.skipEmptyLines(this.nextLineFrom(contentEnd));
            if (next < src.length && !this.isMarkerLine(next))
                giveUp();
            // Comment lines after the content (before the next document or the end) are the library's to place.
            if (this.hasCommentLine(this.nextLineFrom(contentEnd), next))
                giveUp();
            document.contents = contents;
            // Blank lines after the content belong to the document, unless it ends on an empty value (the
            // newline after which is the library's to place).
            let end = next;
            if (this.nextLineFrom(contentEnd) !== contentEnd) {
                if (this.nextLine(contentEnd) !== next || next < src.length)
                    giveUp();
                end = contentEnd;
            }
            document.range = [start, contentEnd, end];
            documents.push(document);
            pos = next;
            if (pos >= src.length)
                return documents;
        }
    }
    // --- lines -------------------------------------------------------------------------------------
    lineStart(pos) {
        return this.src.lastIndexOf('\n', pos - 1) + 1;
    }
    /** Offset just past the newline ending the line of `pos`, or the text's length. */
    nextLine(pos) {
        const end = this.src.indexOf('\n', pos);
        return end === -1 ? this.src.length : end + 1;
    }
    /** `pos` when it starts a line (or is the end), else the start of the next line. */
    nextLineFrom(pos) {
        if (pos >= this.src.length || pos === 0 || this.src.charCodeAt(pos - 1) === NEWLINE)
            return pos;
        return this.nextLine(pos);
    }
    /**
     * Past the rest of a line that holds nothing more but spaces and, when allowed, a comment (a
     * comment needs a space before it); gives up on anything else.
     */
    lineEnd(pos, allowComment) {
        const { src } = this;
        let at = pos;
        while (src.charCodeAt(at) === SPACE)
            at++;
        if (at >= src.length)
            return at;
        const code = src.charCodeAt(at);
        if (code === NEWLINE)
            return at + 1;
        if (code === HASH && allowComment && at > pos)
            return this.nextLine(at);
        return giveUp();
    }
    /** The first non-space character of the next line that has one and is no comment, from a line start. */
    skipEmptyLines(pos) {
        const { src } = this;
        let line = pos;
        while (line < src.length) {
            let at = line;
            while (src.charCodeAt(at) === SPACE)
                at++;
            const code = src.charCodeAt(at);
            if (at < src.length && code !== NEWLINE && code !== HASH)
                return at;
            line = this.nextLine(at);
        }
        return src.length;
    }
    /** Whether a comment line lies between two line starts. */
    hasCommentLine(from, to) {
        const { src } = this;
        for (let line = from; line < to; line = this.nextLine(line)) {
            let at = line;
            while (src.charCodeAt(at) === SPACE)
                at++;
            if (src.charCodeAt(at) === HASH)
                return true;
        }
        return false;
    }
    /** `---` alone on its line at column 0. */
    isMarkerLine(pos) {
        const { src } = this;
        if (!src.startsWith('---', pos) || this.lineStart(pos) !== pos)
            return false;
        const after = src.charCodeAt(pos + 3);
        if (pos + 3 >= src.length || after === NEWLINE)
            return true;
        if (after === SPACE)
            giveUp(); // content or a comment after the marker
        return false;
    }
    // --- block collections -------------------------------------------------------------------------
    blockNode(pos, column) {
        if (this.isSequenceEntry(pos))
            return this.blockSequence(pos, column);
        if (this.keyEnd(pos) !== -1)
            return this.blockMap(pos, column);
        return giveUp(); // a scalar at the top, or something this reader does not read
    }
    isSequenceEntry(pos) {
        const { src } = this;
        if (src.charCodeAt(pos) !== DASH)
            return false;
        const next = src.charCodeAt(pos + 1);
        return pos + 1 >= src.length || next === SPACE || next === NEWLINE;
    }
    /**
     * Where the `:` of an implicit plain key starting at `pos` is, or -1 when the line holds no key
     * (a value, a comment, the end). A key this reader cannot read as plainly as the library gives up.
     */
    keyEnd(pos) {
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
            if (code === NEWLINE)
                return -1;
            if (code === COLON) {
                const next = src.charCodeAt(at + 1);
                if (at + 1 >= src.length || next === SPACE || next === NEWLINE) {
                    if (src.charCodeAt(at - 1) === SPACE)
                        giveUp(); // `key :`
                    return at;
                }
            }
            else if (code === HASH && src.charCodeAt(at - 1) === SPACE) {
                return -1;
            }
        }
        return -1;
    }
    lineHasColon(pos) {
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
    nextEntry(end, column) {
        const from = this.nextLineFrom(end);
        const next = this.skipEmptyLines(from);
        if (next >= this.src.length) {
            if (this.hasCommentLine(from, next))
                giveUp();
            return -1;
        }
        const nextColumn = next - this.lineStart(next);
        if (nextColumn > column)
            giveUp();
        if (nextColumn < column || this.isMarkerLine(next)) {
            if (this.hasCommentLine(from, next))
                giveUp();
            return -1;
        }
        return next;
    }
    blockMap(start, column) {
        const { src } = this;
        const map = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLMap */ .CA(this.document.schema);
        let pos = start;
        let offset = start;
        for (;;) {
            const keyEnd = this.keyEnd(pos);
            if (keyEnd === -1)
                giveUp();
            const key = this.plainScalar(pos, keyEnd, keyEnd, true);
            if (key.value === '<<')
                giveUp(); // a merge key
            let value;
            let at = keyEnd + 1;
            while (src.charCodeAt(at) === SPACE)
                at++;
            const code = src.charCodeAt(at);
            if (at >= src.length || code === NEWLINE || (code === HASH && at > keyEnd + 1)) {
                const lineEnd = code === HASH ? this.nextLine(at) : at >= src.length ? at : at + 1;
                const next = this.skipEmptyLines(lineEnd);
                const nextColumn = next - this.lineStart(next);
                if (next < src.length && nextColumn > column && !this.isMarkerLine(next)) {
                    value = this.blockNode(next, nextColumn);
                }
                else if (next < src.length && nextColumn === column && this.isSequenceEntry(next)) {
                    value = this.blockSequence(next, column);
                }
                else {
                    // An empty value: null, right after the colon. (With spaces or a comment after it, where
                    // the library places it and its end depends on the lines around: left to the library.)
                    if (at > keyEnd + 1 || this.hasCommentLine(lineEnd, next))
                        giveUp();
                    value = this.scalarNode(null, '', yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN, at, at, at);
                }
            }
            else {
                value = this.inlineValue(at, column);
            }
            map.items.push(new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Pair */ .Rm(key, value));
            offset = value.range[2];
            const next = this.nextEntry(offset, column);
            if (next === -1)
                break;
            if (this.isSequenceEntry(next))
                giveUp();
            pos = next;
        }
        map.range = [start, offset, offset];
        return map;
    }
    blockSequence(start, column) {
        const { src } = this;
        const seq = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLSeq */ .Rw(this.document.schema);
        let pos = start;
        let offset = start;
        for (;;) {
            if (src.charCodeAt(pos + 1) !== SPACE)
                giveUp(); // `-` alone on its line: the item is below
            let at = pos + 2;
            while (src.charCodeAt(at) === SPACE)
                at++;
            const code = src.charCodeAt(at);
            if (at >= src.length || code === NEWLINE || code === HASH || this.isSequenceEntry(at))
                giveUp();
            const item = this.keyEnd(at) !== -1 ? this.blockMap(at, at - this.lineStart(at)) : this.inlineValue(at, column);
            seq.items.push(item);
            offset = item.range[2];
            const next = this.nextEntry(offset, column);
            if (next === -1)
                break;
            if (!this.isSequenceEntry(next)) {
                // A key at the sequence's column: the sequence was a map value written without indent.
                if (this.hasCommentLine(this.nextLineFrom(offset), next))
                    giveUp();
                break;
            }
            pos = next;
        }
        seq.range = [start, offset, offset];
        return seq;
    }
    // --- values on one line ------------------------------------------------------------------------
    /** A scalar or flow collection starting at `pos`, with the rest of its line, in a block at `column`. */
    inlineValue(pos, column) {
        const { src } = this;
        const code = src.charCodeAt(pos);
        let node;
        let valueEnd;
        if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
            node = this.quotedScalar(pos);
            valueEnd = node.range[1];
        }
        else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
            node = this.flowCollection(pos);
            valueEnd = node.range[1];
        }
        else {
            if (code >= 128 || (NOT_PLAIN_START[code] && !this.isPlainDash(pos)))
                giveUp();
            let at = pos;
            let end = pos;
            for (; at < src.length; at++) {
                const char = src.charCodeAt(at);
                if (char === NEWLINE)
                    break;
                if (char === HASH && src.charCodeAt(at - 1) === SPACE)
                    break;
                if (char === COLON) {
                    const next = src.charCodeAt(at + 1);
                    if (at + 1 >= src.length || next === SPACE || next === NEWLINE)
                        giveUp(); // a mapping on the value's line
                }
                if (char !== SPACE)
                    end = at + 1;
            }
            valueEnd = end;
            node = this.plainScalar(pos, end, end, false);
        }
        const lineEnd = this.lineEnd(valueEnd, true);
        node.range = [pos, valueEnd, lineEnd];
        // A line below that is indented further would continue a plain scalar (or be an error); either way, the library's.
        const next = this.skipEmptyLines(lineEnd);
        if (next < src.length && next - this.lineStart(next) > column)
            giveUp();
        if (this.deeperCommentLine(lineEnd, next, column))
            giveUp();
        return node;
    }
    deeperCommentLine(from, to, column) {
        const { src } = this;
        for (let line = from; line < to; line = this.nextLine(line)) {
            let at = line;
            while (src.charCodeAt(at) === SPACE)
                at++;
            if (src.charCodeAt(at) === HASH && at - line > column)
                return true;
        }
        return false;
    }
    /** A `-` that starts a plain scalar (`-1`, `--flag`): followed by a character that is no space. */
    isPlainDash(pos) {
        const next = this.src.charCodeAt(pos + 1);
        return this.src.charCodeAt(pos) === DASH && pos + 1 < this.src.length && next !== SPACE && next !== NEWLINE;
    }
    /** A one-line quoted scalar without escapes; its range ends at the closing quote. */
    quotedScalar(pos) {
        const { src } = this;
        const quote = src.charCodeAt(pos);
        let value = '';
        let from = pos + 1;
        for (let at = pos + 1;; at++) {
            if (at >= src.length)
                giveUp();
            const code = src.charCodeAt(at);
            if (code === NEWLINE || (quote === DOUBLE_QUOTE && code === BACKSLASH))
                giveUp();
            if (code !== quote)
                continue;
            if (quote === SINGLE_QUOTE && src.charCodeAt(at + 1) === SINGLE_QUOTE) {
                value += src.slice(from, at + 1);
                from = at + 2;
                at++;
                continue;
            }
            value += src.slice(from, at);
            const type = quote === DOUBLE_QUOTE ? yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE : yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_SINGLE;
            return this.scalarNode(value, value, type, pos, at + 1, at + 1);
        }
    }
    /** A flow mapping or sequence on one line, of plain and quoted scalars and nested flow collections. */
    flowCollection(pos) {
        const { src } = this;
        const isMap = src.charCodeAt(pos) === OPEN_BRACE;
        const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
        const collection = isMap ? new yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLMap */ .CA(this.document.schema) : new yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLSeq */ .Rw(this.document.schema);
        collection.flow = true;
        let at = this.skipSpaces(pos + 1);
        if (src.charCodeAt(at) === close) {
            collection.range = [pos, at + 1, at + 1];
            return collection;
        }
        for (;;) {
            if (isMap) {
                const key = this.flowItem(at, true);
                at = key.range[1];
                if (src.charCodeAt(at) !== COLON || src.charCodeAt(at + 1) !== SPACE)
                    giveUp();
                const value = this.flowItem(this.skipSpaces(at + 1), false);
                collection.items.push(new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Pair */ .Rm(key, value));
                at = this.skipSpaces(value.range[1]);
                // Spaces before the next `,` or the end belong to the value's end, as the library counts them.
                value.range[2] = at;
            }
            else {
                const item = this.flowItem(at, false);
                collection.items.push(item);
                at = this.skipSpaces(item.range[1]);
                item.range[2] = at;
                if (src.charCodeAt(at) === COLON)
                    giveUp(); // a pair inside a flow sequence
            }
            const code = src.charCodeAt(at);
            if (code === close) {
                collection.range = [pos, at + 1, at + 1];
                return collection;
            }
            if (code !== COMMA)
                giveUp();
            at = this.skipSpaces(at + 1);
            if (src.charCodeAt(at) === close)
                giveUp(); // a trailing comma
        }
    }
    skipSpaces(pos) {
        let at = pos;
        while (this.src.charCodeAt(at) === SPACE)
            at++;
        return at;
    }
    /** A scalar or nested collection inside a flow collection; its range has no trailing part. */
    flowItem(pos, atKey) {
        const { src } = this;
        const code = src.charCodeAt(pos);
        if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
            if (atKey)
                giveUp();
            return this.quotedScalar(pos);
        }
        if (code === OPEN_BRACE || code === OPEN_BRACKET) {
            if (atKey)
                giveUp();
            return this.flowCollection(pos);
        }
        if (pos >= src.length || code >= 128 || NOT_PLAIN_START[code])
            giveUp();
        let end = pos;
        for (let at = pos;; at++) {
            if (at >= src.length)
                giveUp();
            const char = src.charCodeAt(at);
            if (char === NEWLINE || char === HASH)
                giveUp();
            if (char < 128 && FLOW_INDICATOR[char])
                break;
            if (char === COLON) {
                // Only a key's own `: ` ends a plain scalar here; any other colon is the library's to read.
                if (!atKey || src.charCodeAt(at + 1) !== SPACE)
                    giveUp();
                break;
            }
            if (char !== SPACE)
                end = at + 1;
        }
        return this.plainScalar(pos, end, end, atKey);
    }
    // --- scalars -----------------------------------------------------------------------------------
    /** A plain scalar resolved as the library resolves it: by the first default tag of the schema whose test matches. */
    plainScalar(start, valueEnd, end, atKey) {
        const source = this.src.slice(start, valueEnd);
        // Every test of the core schema's tags (null, bool, int, float) needs one of these first characters.
        const first = source.charCodeAt(0) | 32; // lower case, for a letter
        if (source !== '' && (!MAY_RESOLVE.test(source) || (first >= 97 && first <= 122 && !LETTER_WORDS.has(source))))
            return this.scalarNode(source, source, yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN, start, valueEnd, end);
        const { schema, options } = this.document;
        const tag = schema.tags.find((candidate) => (candidate.default === true || (atKey && candidate.default === 'key')) && candidate.test?.test(source));
        if (!tag)
            return this.scalarNode(source, source, yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN, start, valueEnd, end);
        let failed = false;
        const resolve = tag.resolve;
        const resolved = resolve(source, () => (failed = true), options);
        if (failed)
            giveUp();
        const scalar = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(resolved) ? resolved : new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5(resolved);
        scalar.range = [start, valueEnd, end];
        scalar.source = source;
        scalar.type = yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN;
        if (tag.format)
            scalar.format = tag.format;
        return scalar;
    }
    scalarNode(value, source, type, start, valueEnd, end) {
        const scalar = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5(value);
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
function parsePlainYamlStream(text) {
    if (text.length === 0 || REFUSE_TEXT.test(text))
        return undefined;
    try {
        return new Reader(text).stream();
    }
    catch (error) {
        if (error === GIVE_UP)
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 2816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H5: () => (/* binding */ documentValue),
/* harmony export */   b8: () => (/* binding */ parseYamlStream),
/* harmony export */   jt: () => (/* binding */ firstDuplicateKey),
/* harmony export */   w4: () => (/* binding */ MAX_ALIAS_COUNT)
/* harmony export */ });
/* unused harmony export FORBIDDEN_CHARACTER */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _edit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1155);
/* harmony import */ var _fast_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7823);




/** Aliases a single document may expand to before it is treated as an attack (billion laughs). */
const MAX_ALIAS_COUNT = 100;
/**
 * Characters YAML forbids anywhere in a stream (outside its printable set: C0 controls but tab, LF
 * and CR; DEL; C1 controls but NEL; U+FFFE and U+FFFF; unpaired surrogates). The `yaml` library reads
 * them, kubectl does not, and a file holding one is never rewritten.
 */
const FORBIDDEN_CHARACTER = 
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Parses every document of a YAML stream, keeping node positions in the original text (a BOM and
 * CRLF endings included) so that edits can splice the original bytes. A syntax error, a character
 * YAML forbids, or a key repeated in one mapping (kubectl refuses those; the `yaml` library would let
 * the last one win, so a reviewer would see one value and the cluster get another) is a UserError
 * naming the file and line.
 */
function parseYamlStream(file, text) {
    const forbidden = FORBIDDEN_CHARACTER.exec(text);
    if (forbidden) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${file}:${(0,_edit_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(text, forbidden.index)}: not valid YAML: control character ${(0,_edit_js__WEBPACK_IMPORTED_MODULE_2__/* .codePointName */ .R8)(forbidden[0])} is not allowed (write it escaped in a double-quoted string)`);
    }
    // Most manifests are plain block YAML, which the fast reader composes into the same nodes.
    const plain = (0,_fast_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePlainYamlStream */ .z)(text);
    if (plain) {
        for (const document of plain)
            checkUniqueKeys(file, text, document.contents);
        return plain;
    }
    // Positions for messages are counted only when there is an error to report (a second parse).
    const parse = (prettyErrors) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { prettyErrors, uniqueKeys: false, strict: false });
    let documents = parse(false);
    if (!Array.isArray(documents))
        return [];
    if (documents.some((document) => document.errors.length > 0))
        documents = parse(true);
    for (const document of documents) {
        const error = document.errors[0];
        if (error) {
            const position = error.linePos?.[0];
            // The first line of a pretty message ends with its own "at line L, column C:", which the
            // context lines below it would have completed; the position is given in front instead.
            const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
            const where = position ? `:${position.line}` : '';
            const column = position ? ` (column ${position.col})` : '';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${file}${where}: not valid YAML: ${reason}${column}`);
        }
        checkUniqueKeys(file, text, document.contents);
    }
    return documents;
}
/** Every mapping of the document has each key once (`<<` merge keys aside). Aliases are not followed. */
function checkUniqueKeys(file, text, root) {
    const duplicate = firstDuplicateKey(root);
    if (duplicate) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${file}:${(0,_edit_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(text, duplicate.at)}: duplicate key ${JSON.stringify(duplicate.key)} (first at line ${(0,_edit_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(text, duplicate.first)}); a key may appear once in a mapping, as kubectl requires`);
    }
}
/**
 * The first scalar key repeated in one mapping under `root`, with its offset and the first one's;
 * merge keys (`<<`) are passed over unless `mergeKeys` says to count them too.
 */
function firstDuplicateKey(root, mergeKeys = 'skip') {
    const pending = [root];
    while (pending.length > 0) {
        const node = pending.pop();
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            for (const item of node.items)
                pending.push(item);
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const seen = new Map();
            for (const pair of node.items) {
                pending.push(pair.value);
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key)) {
                    pending.push(pair.key);
                    continue;
                }
                if (pair.key.value === '<<' && mergeKeys === 'skip')
                    continue;
                const identity = `${typeof pair.key.value}:${String(pair.key.value)}`;
                const at = pair.key.range?.[0] ?? 0;
                const first = seen.get(identity);
                if (first !== undefined)
                    return { key: String(pair.key.value), at, first };
                seen.set(identity, at);
            }
        }
    }
    return undefined;
}
/**
 * The plain JavaScript value of a document, with alias expansion bounded so that a crafted file
 * fails fast instead of exhausting memory.
 */
function documentValue(file, document) {
    try {
        return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${file}: ${error.message.split('\n')[0]}`);
    }
}


/***/ })

};

return {id,ids,modules};})