export const id = 549;
export const ids = [549];
export const modules = {

/***/ 3386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   r_: () => (/* binding */ isValidTag),
/* harmony export */   yv: () => (/* binding */ DIGEST_EXPECTED)
/* harmony export */ });
/* unused harmony exports parseRawReference, parseAnyReference, formatImageReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// Image references, parsed and normalised as the distribution reference grammar does
// (github.com/distribution/reference: Parse, ParseNormalizedNamed, FamiliarString, ParseAnyReference),
// so that `nginx`, `docker.io/library/nginx` and `index.docker.io/library/nginx` name one image.

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPOSITORY_PREFIX = 'library/';
const MAX_PATH_LENGTH = 255;
// The algorithms the OCI image spec registers (and registries and the kubelet pull by); others are
// refused rather than guessed. distribution's own tests link only sha256, so they call sha512 unsupported.
const DIGEST_HEX_LENGTHS = { sha256: 64, sha512: 128 };
/** What a digest must look like, for messages. */
const DIGEST_EXPECTED = 'sha256:<64 lowercase hex digits> or sha512:<128 lowercase hex digits>';
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainNameComponent}(?:\\.${domainNameComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const referenceRegexp = new RegExp(`^((?:${domainAndPort}/)?${remoteName})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const nameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const tagRegexp = new RegExp(`^${tagPattern}$`);
const digestRegexp = new RegExp(`^${digestPattern}$`);
const domainRegexp = new RegExp(`^${domainAndPort}$`);
const pathComponentRegexp = new RegExp(`^${pathComponent}$`);
const identifierRegexp = /^[a-f0-9]{64}$/;
// Quotes user text for a message, shortened so that a pasted blob still gives a one-line error.
function quote(text) {
    return JSON.stringify(text.length > 160 ? `${text.slice(0, 150)}...` : text);
}
function referenceError(ref, problem) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`image reference ${quote(ref)}: ${problem}`, {
        field: 'image reference',
        value: ref,
        expected: '[host[:port]/]path[:tag][@algorithm:hex]',
    });
}
/** Non-normalised parse (distribution's `Parse`): `test.com:5000` is the repository `test.com` with tag `5000`. */
function parseRawReference(ref) {
    const result = parseGrammar(ref);
    if (typeof result === 'string')
        throw referenceError(ref, result);
    return result;
}
/** Parses and normalises (distribution's `ParseNormalizedNamed`): `nginx:1` is `docker.io/library/nginx:1`. */
function parseImageReference(ref) {
    if (ref === '')
        throw referenceError(ref, 'is empty');
    if (identifierRegexp.test(ref)) {
        throw referenceError(ref, 'a 64-character hex string is an image ID, not a repository name');
    }
    const { domain, remainder } = splitDockerDomain(ref);
    const repositoryPart = remainder.split(':', 1)[0] ?? '';
    if (repositoryPart.toLowerCase() !== repositoryPart)
        throw referenceError(ref, uppercaseProblem(ref));
    const raw = parseGrammar(`${domain}/${remainder}`);
    if (typeof raw === 'string') {
        // Explain an invalid format on the text the user wrote, not on the one with defaults filled in.
        throw referenceError(ref, raw.startsWith(INVALID_FORMAT) ? `${INVALID_FORMAT}${explainInvalidFormat(ref)}` : raw);
    }
    return buildReference(raw.domain, raw.path, raw.tag, raw.digest, ref);
}
const INVALID_FORMAT = 'invalid reference format: ';
/** The grammar itself: a parsed reference, or what is wrong with the text. */
function parseGrammar(ref) {
    if (ref === '')
        return 'is empty';
    const match = referenceRegexp.exec(ref);
    if (!match) {
        if (referenceRegexp.test(ref.toLowerCase()))
            return uppercaseProblem(ref);
        return `${INVALID_FORMAT}${explainInvalidFormat(ref)}`;
    }
    const [, name = '', tag, digest] = match;
    const nameMatch = nameRegexp.exec(name);
    const domain = nameMatch?.[1] ?? '';
    const path = nameMatch?.[2] ?? name;
    if (path.length > MAX_PATH_LENGTH) {
        return `repository name too long: ${path.length} characters, the limit is ${MAX_PATH_LENGTH}`;
    }
    const problem = digest === undefined ? undefined : digestProblem(digest);
    if (problem !== undefined)
        return problem;
    return { name, domain, path, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}
/** distribution's `ParseAnyReference`: a bare 64-hex ID or `sha256:<hex>` is a digest, anything else an image. */
function parseAnyReference(ref) {
    if (identifierRegexp.test(ref))
        return { kind: 'digest', digest: `sha256:${ref}` };
    if (digestRegexp.test(ref) && isValidDigest(ref))
        return { kind: 'digest', digest: ref };
    return { kind: 'image', image: parseImageReference(ref) };
}
/** Two references name the same image when their normalised repositories are equal (tags and digests aside). */
function sameRepository(a, b) {
    const left = typeof a === 'string' ? parseImageReference(a) : a;
    const right = typeof b === 'string' ? parseImageReference(b) : b;
    return left.repository === right.repository;
}
/** Joins a repository name (as given, not normalised), tag and digest into `name[:tag][@digest]`, checking each. */
function formatImageReference(parts) {
    const text = `${parts.name}${parts.tag ? `:${parts.tag}` : ''}${parts.digest ? `@${parts.digest}` : ''}`;
    if (parts.tag !== undefined && parts.tag !== '' && !isValidTag(parts.tag)) {
        throw referenceError(text, tagProblem(parts.tag));
    }
    parseImageReference(text);
    return text;
}
function isValidTag(tag) {
    return tagRegexp.test(tag);
}
/** A digest this project can pin: grammar-valid, a supported algorithm, the right length, lowercase hex. */
function isValidDigest(digest) {
    return digestRegexp.test(digest) && digestProblem(digest) === undefined;
}
function buildReference(domain, path, tag, digest, original) {
    const repository = `${domain}/${path}`;
    const suffix = `${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
    const familiarName = familiarNameOf(domain, path);
    return {
        domain,
        path,
        ...(tag !== undefined && { tag }),
        ...(digest !== undefined && { digest }),
        repository,
        familiarName,
        familiar: `${familiarName}${suffix}`,
        canonical: `${repository}${suffix}`,
        original,
    };
}
function familiarNameOf(domain, path) {
    if (domain !== DEFAULT_DOMAIN)
        return `${domain}/${path}`;
    const withoutLibrary = path.startsWith(OFFICIAL_REPOSITORY_PREFIX)
        ? path.slice(OFFICIAL_REPOSITORY_PREFIX.length)
        : path;
    return withoutLibrary.includes('/') ? path : withoutLibrary;
}
// The first component is a registry only when it cannot be a Docker Hub namespace: `localhost`,
// something with a dot or a port, or uppercase (Docker Hub namespaces are lowercase).
function splitDockerDomain(ref) {
    const slash = ref.indexOf('/');
    if (slash === -1)
        return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPOSITORY_PREFIX + ref };
    const first = ref.slice(0, slash);
    const rest = ref.slice(slash + 1);
    let domain = DEFAULT_DOMAIN;
    let remainder = ref;
    if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
        domain = first === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : first;
        remainder = rest;
    }
    if (domain === DEFAULT_DOMAIN && !remainder.includes('/'))
        remainder = OFFICIAL_REPOSITORY_PREFIX + remainder;
    return { domain, remainder };
}
function digestProblem(digest) {
    const separator = digest.indexOf(':');
    const algorithm = digest.slice(0, separator);
    const hex = digest.slice(separator + 1);
    const expectedLength = DIGEST_HEX_LENGTHS[algorithm];
    if (expectedLength === undefined) {
        return `unsupported digest algorithm ${quote(algorithm)} (supported: ${Object.keys(DIGEST_HEX_LENGTHS).join(', ')})`;
    }
    if (hex.length !== expectedLength) {
        return `invalid digest length: ${algorithm} needs ${expectedLength} hex digits, got ${hex.length}`;
    }
    if (hex !== hex.toLowerCase())
        return `invalid digest format: ${algorithm} hex digits must be lowercase`;
    return undefined;
}
function uppercaseProblem(ref) {
    return `repository name ${quote(splitLexically(ref).name)} must be lowercase`;
}
function tagProblem(tag) {
    return `tag ${quote(tag)} is not valid: expected 1 to 128 of [A-Za-z0-9_.-], not starting with "." or "-"`;
}
// Splits at the first "@" and at the last ":" after the last "/", as the grammar would if the text were valid.
function splitLexically(ref) {
    const at = ref.indexOf('@');
    const beforeDigest = at === -1 ? ref : ref.slice(0, at);
    const colon = beforeDigest.lastIndexOf(':');
    const hasTag = colon > beforeDigest.lastIndexOf('/') && !(beforeDigest.startsWith('[') && !beforeDigest.includes('/'));
    return {
        name: hasTag ? beforeDigest.slice(0, colon) : beforeDigest,
        ...(hasTag && { tag: beforeDigest.slice(colon + 1) }),
        ...(at !== -1 && { digest: ref.slice(at + 1) }),
    };
}
// The grammar says only "invalid"; say which part is wrong so the user can fix it.
function explainInvalidFormat(ref) {
    if (/\s/.test(ref))
        return 'contains whitespace';
    if (ref.includes('://'))
        return 'an image reference has no URL scheme';
    const { name, tag, digest } = splitLexically(ref);
    if (digest !== undefined && !digestRegexp.test(digest)) {
        return `digest ${quote(digest)} is not <algorithm>:<at least 32 hex digits>`;
    }
    if (!name.includes('/') && name.startsWith('['))
        return 'a registry host needs a repository path after it (host/path)';
    if (tag !== undefined && !isValidTag(tag))
        return tagProblem(tag);
    if (name === '')
        return 'the repository name is missing';
    const components = name.split('/');
    const first = components[0] ?? '';
    if (components.length > 1 && /[.:[\]]|^localhost$/.test(first) && !domainRegexp.test(first)) {
        return `registry ${quote(first)} is not a valid host[:port]`;
    }
    const pathComponents = components.length > 1 && domainRegexp.test(first) ? components.slice(1) : components;
    const bad = pathComponents.find((component) => !pathComponentRegexp.test(component));
    if (bad === '')
        return 'the repository path has an empty component';
    if (bad !== undefined) {
        return `path component ${quote(bad)} is not valid: expected lowercase letters and digits separated by ".", "_", "__" or "-"`;
    }
    return 'expected [host[:port]/]path[:tag][@algorithm:hex]';
}


/***/ }),

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
        if (source !== '' && !MAY_RESOLVE.test(source))
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
                if (pair.key.value === '<<')
                    continue;
                const identity = `${typeof pair.key.value}:${String(pair.key.value)}`;
                const at = pair.key.range?.[0] ?? 0;
                const first = seen.get(identity);
                if (first !== undefined) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${file}:${(0,_edit_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(text, at)}: duplicate key ${JSON.stringify(String(pair.key.value))} (first at line ${(0,_edit_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(text, first)}); a key may appear once in a mapping, as kubectl requires`);
                }
                seen.set(identity, at);
            }
        }
    }
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


/***/ }),

/***/ 267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xu: () => (/* binding */ isYamlPath),
  Zc: () => (/* binding */ readTree),
  $c: () => (/* binding */ writeTreeFiles)
});

// UNUSED EXPORTS: DEFAULT_MAX_FILE_BYTES, GREP_SCREEN_MIN_FILES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/fs/grep-screen.ts
// A prefilter for the tree reader's byte screen, run by grep processes over the regular files of a
// tree: grep (C, one process per core) opens and searches ten thousand small files in about half the
// time Node takes to open and read them, so Node then reads only the few files grep names. grep's
// patterns only need to keep every file the exact screen keeps: the reader re-applies the exact
// screen to each file it reads. Spawned with an argument array, never through a shell.


/**
 * Bytes of file-name arguments given to one grep: well under the smallest ARG_MAX of the systems we
 * run on (1 MiB on macOS, 2 MiB on Linux, of which the environment takes its share).
 */
const ARGUMENT_BYTES_PER_GREP = 256 * 1024;
/**
 * Greps run at once: one per core, as grep is CPU- and system-call-bound. At most four: Node starts
 * them one after the other, a few milliseconds each (measured on two cores only).
 */
const GREPS_AT_ONCE = Math.max(1, Math.min((0,external_node_os_.availableParallelism)(), 4));
/** A bracket expression for the ERE metacharacters, so no backslash stands before an ordinary character. */
const ESCAPED = {
    '.': '[.]',
    '[': '[[]',
    ']': '[]]',
    '(': '[(]',
    ')': '[)]',
    '*': '[*]',
    '+': '[+]',
    '?': '[?]',
    '{': '[{]',
    '}': '[}]',
    '|': '[|]',
    $: '[$]',
    '^': '\\^',
    '\\': '\\\\',
};
const escapeLiteral = (text) => [...text].map((char) => ESCAPED[char] ?? char).join('');
/**
 * The bytes a name's boundary class leaves out: ASCII letters and digits and the punctuation of
 * names that the boundary set does not allow. Undefined when the set allows a letter or a digit, or
 * holds a character beyond ASCII, which the byte screen reads by its low byte (then grep looks for
 * the bare name on that side).
 */
function boundaryClass(allowed) {
    if (/[A-Za-z0-9]/.test(allowed) || [...allowed].some((char) => char.charCodeAt(0) > 0x7f))
        return undefined;
    const punctuation = ['_', '.', '/', '-'].filter((char) => !allowed.includes(char)).join('');
    return `[^A-Za-z0-9${punctuation}]`;
}
/**
 * grep -E patterns that together match every file the exact byte screen keeps (in the C locale,
 * where each byte is a character and bytes from 0x80 stand outside the classes, as the screen's
 * boundaries count them). Undefined when grep cannot say it: an empty text matches an empty file,
 * which grep never lists; a newline would split a pattern; NUL cannot be an argument.
 */
function grepPatterns(texts) {
    const patterns = [];
    for (const text of texts) {
        const literal = typeof text === 'string' ? text : text.name;
        if (literal === '' || /[\n\0]/.test(literal) || Buffer.from(literal).toString() !== literal)
            return undefined;
        if (typeof text === 'string') {
            patterns.push(escapeLiteral(text));
            continue;
        }
        const before = boundaryClass(text.before);
        const after = boundaryClass(text.after);
        patterns.push(`${before === undefined ? '' : `(^|${before})`}${escapeLiteral(text.name)}${after === undefined ? '' : `($|${after})`}`);
    }
    return patterns.length === 0 ? undefined : patterns;
}
/** Bytes as characters, whatever the user's locale; GREP_OPTIONS (which older greps read) cannot add options. */
function grepEnvironment() {
    const { GREP_OPTIONS: _ignored, ...inherited } = process.env;
    return { ...inherited, LC_ALL: 'C' };
}
/**
 * One grep over some files: the names it lists, in its order (the order of the arguments), or
 * undefined when it could not search them all.
 */
function grepChunk(cwd, patterns, names) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('grep', 
        // -D skip: a file turned into a FIFO since the walk is passed over rather than waited on.
        ['-l', '--null', '-E', '-s', '-D', 'skip', ...patterns.flatMap((pattern) => ['-e', pattern]), '--', ...names], { cwd, env: grepEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] });
        const output = [];
        child.stdout.on('data', (data) => output.push(data));
        child.on('error', () => resolve(undefined));
        // 0: some files match, 1: none; 2 (a file it could not read) or a signal: the chunk is read in process.
        child.on('close', (status) => {
            if (status !== 0 && status !== 1)
                return resolve(undefined);
            const listed = Buffer.concat(output).toString('utf8').split('\0');
            listed.pop();
            resolve(listed);
        });
    });
}
/**
 * Which of `paths` (relative to `root`, regular files) may pass the screen: 1 for each file grep
 * lists, and for every file of a group grep could not search (missing grep, an unreadable file), so
 * that the caller reads those as it would without grep. Groups of files go to up to one grep per core.
 */
async function grepScreen(root, paths, patterns) {
    // A name starting with "-" is never an option after "--", but "-" alone is standard input.
    const names = paths.map((path) => (path.charCodeAt(0) === 0x2d ? `./${path}` : path));
    const bytes = new Uint32Array(names.length);
    let total = 0;
    let longest = 0;
    for (let index = 0; index < names.length; index++) {
        // The string, its NUL and its pointer.
        const size = Buffer.byteLength(names[index]) + 1 + 8;
        bytes[index] = size;
        total += size;
        if (size > longest)
            longest = size;
    }
    // As many groups as greps at once (fewer starts), more when the arguments would not fit. A group
    // may take one name more than its share, so that the last group is never a few names on their own.
    const groups = Math.ceil(Math.max(GREPS_AT_ONCE, total / ARGUMENT_BYTES_PER_GREP) / GREPS_AT_ONCE) * GREPS_AT_ONCE;
    const budget = Math.min(ARGUMENT_BYTES_PER_GREP, Math.ceil(total / groups) + longest);
    const chunks = [];
    for (let start = 0, end = 0, size = 0; end <= names.length; end++) {
        const next = end < names.length ? bytes[end] : 0;
        if (end === names.length || (end > start && size + next > budget)) {
            if (end > start)
                chunks.push({ start, end });
            start = end;
            size = 0;
        }
        size += next;
    }
    const mayPass = new Uint8Array(paths.length);
    let nextChunk = 0;
    const worker = async () => {
        while (nextChunk < chunks.length) {
            const { start, end } = chunks[nextChunk++];
            const listed = await grepChunk(root, patterns, names.slice(start, end));
            // grep lists the files in the order it was given them: one pass places them all. A name it
            // lists out of that order, or that it was not given, leaves the whole group to be read in process.
            let index = start;
            let placed = listed !== undefined;
            for (const name of listed ?? []) {
                while (index < end && names[index] !== name)
                    index++;
                if (index === end) {
                    placed = false;
                    break;
                }
                mayPass[index++] = 1;
            }
            if (!placed)
                mayPass.fill(1, start, end);
        }
    };
    await Promise.all(Array.from({ length: Math.min(GREPS_AT_ONCE, chunks.length) }, worker));
    return mayPass;
}

;// CONCATENATED MODULE: ./src/fs/tree.ts




/** Files larger than this are skipped with a warning rather than parsed (manifests are small). */
const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Below this many files to screen, Node reads them all as soon as the greps would have (measured on
 * two cores: starting two greps costs 10 to 15 ms, Node reads a small file in 8 to 17 µs).
 */
const GREP_SCREEN_MIN_FILES = 2000;
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
const isYamlPath = (path) => /\.ya?ml$/i.test(path);
function screenOf(texts) {
    const tests = texts.map(byteTest);
    return {
        passes: (bytes, startsFile = true, endsFile = true) => tests.some((test) => test(bytes, startsFile, endsFile)),
        // The longest text and the byte before it.
        overlap: Math.max(0, ...texts.map((text) => Buffer.byteLength(typeof text === 'string' ? text : text.name) + 1)),
    };
}
/**
 * The test of one screen text on raw bytes, before any decoding. A byte of a multi-byte UTF-8
 * character counts as a boundary, so the screen never drops a file a test on the decoded text
 * (which may count Unicode spaces as boundaries) would keep. A name at the edge of a window that is
 * not the file's edge is left to the window that holds its neighbour byte.
 */
function byteTest(text) {
    if (typeof text === 'string') {
        const needle = Buffer.from(text);
        return (bytes) => bytes.includes(needle);
    }
    const needle = Buffer.from(text.name);
    const boundary = (set) => {
        const allowed = new Uint8Array(256).fill(0);
        for (const char of set)
            allowed[char.charCodeAt(0) & 0xff] = 1;
        allowed.fill(1, 0x80);
        return allowed;
    };
    const before = boundary(text.before);
    const after = boundary(text.after);
    return (bytes, startsFile, endsFile) => {
        for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
            const end = at + needle.length;
            const beforeOk = at === 0 ? startsFile : before[bytes[at - 1]] === 1;
            const afterOk = end === bytes.length ? endsFile : after[bytes[end]] === 1;
            if (beforeOk && afterOk)
                return true;
        }
        return false;
    };
}
/**
 * Reads the text files of a tree. Symlinks are followed only when they resolve inside the tree
 * (a link out of the repository could leak or overwrite files elsewhere); dangling links are skipped.
 * Synchronous file calls on purpose: a CLI run over ten thousand small files is several times faster
 * without a promise per file, and nothing else runs meanwhile. For the same reason a regular file
 * costs one open, a read to end of file and a close, into a reused buffer, and only files that pass the screen
 * are decoded. With a screen, grep processes first name the regular files that may pass it, in
 * large trees, and Node opens only those (see `screenWith`). A file that is not valid UTF-8 is
 * returned marked (`invalidUtf8`), not dropped, so that a planner can say whether it would have edited it.
 * A file over the size bound is skipped with a warning; with a screen, only when the whole file
 * passes it, so that what reading skipped is only what may hold what the caller looks for.
 */
async function readTree(root, options = {}) {
    const include = options.include ?? isYamlPath;
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const warn = options.warn ?? (() => { });
    const { mustContain } = options;
    const texts = mustContain === undefined ? undefined : typeof mustContain === 'string' ? [mustContain] : mustContain;
    const screen = texts && screenOf(texts);
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const files = [];
    let buffer = Buffer.allocUnsafe(64 * 1024);
    const isLinkToFileInside = (absolute, path) => {
        let target;
        try {
            target = (0,external_node_fs_.realpathSync)(absolute);
        }
        catch {
            warn(`${path}: dangling symlink, skipped`);
            return false;
        }
        if (target !== realRoot && !target.startsWith(realRoot + external_node_path_.sep)) {
            warn(`${path}: symlink to outside the tree, not followed`);
            return false;
        }
        // Checked before opening: opening a FIFO or a device could block or have effects.
        return (0,external_node_fs_.statSync)(target).isFile();
    };
    /** Whether a file over the bound passes the screen: the rest of it read in windows after `head`. */
    const passesToEnd = (fd, head, { passes, overlap }) => {
        const chunk = Buffer.allocUnsafe(1024 * 1024);
        let window = head;
        let windowStart = 0;
        for (;;) {
            const read = (0,external_node_fs_.readSync)(fd, chunk, 0, chunk.length, null);
            if (passes(window, windowStart === 0, read === 0))
                return true;
            if (read === 0)
                return false;
            const kept = Math.min(window.length, overlap);
            windowStart += window.length - kept;
            window = Buffer.concat([window.subarray(window.length - kept), chunk.subarray(0, read)]);
        }
    };
    /**
     * The file's bytes (a view of the reused buffer, valid until the next read), or undefined when
     * skipped. No fstat: the directory entry already said it is a regular file, and reading until
     * end of file (or one byte past the limit) both sizes it and saves a system call on each of
     * thousands of files; a small file costs open, one read and close. Only a file over the limit is
     * stat'ed, for the warning.
     */
    const readBytes = (absolute, path) => {
        const fd = (0,external_node_fs_.openSync)(absolute, external_node_fs_.constants.O_RDONLY);
        try {
            let length = 0;
            for (;;) {
                if (length === buffer.length) {
                    if (length > maxBytes) {
                        if (!screen || passesToEnd(fd, buffer.subarray(0, length), screen)) {
                            warn(`${path}: ${(0,external_node_fs_.fstatSync)(fd).size} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
                        }
                        return undefined;
                    }
                    const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
                    buffer.copy(grown, 0, 0, length);
                    buffer = grown;
                }
                const wanted = buffer.length - length;
                const read = (0,external_node_fs_.readSync)(fd, buffer, length, wanted, null);
                length += read;
                // A regular file answers a read in full up to its end, so a short read is the end: no
                // second read of zero bytes to learn it (a system call saved on each of thousands of files).
                if (read < wanted)
                    break;
            }
            if (length > maxBytes) {
                if (!screen || screen.passes(buffer.subarray(0, length))) {
                    warn(`${path}: ${length} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
                }
                return undefined;
            }
            return buffer.subarray(0, length);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    };
    // The walk first, then the reads in the walk's order: the regular files between the two may go
    // through grep. Links are always checked and read by Node. Parallel arrays and plain loops: with
    // ten thousand files, each pass over them counts while the code is still cold.
    const paths = [];
    const absolutes = [];
    const links = [];
    const visit = (dir, prefix) => {
        const entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            // Not path.join, which validates and normalises on every call: paths built from root need neither.
            const absolute = dir + external_node_path_.sep + entry.name;
            const path = prefix + entry.name;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.has(entry.name))
                    visit(absolute, `${path}/`);
                continue;
            }
            if (!include(path))
                continue;
            if (entry.isSymbolicLink())
                links.push(paths.length);
            else if (!entry.isFile())
                continue;
            paths.push(path);
            absolutes.push(absolute);
        }
    };
    visit(root, '');
    const mayPass = texts && (await grepPrefilter(root, paths, links, texts, options.screenWith));
    for (let index = 0, nextLink = 0; index < paths.length; index++) {
        const path = paths[index];
        const absolute = absolutes[index];
        if (links[nextLink] === index) {
            nextLink++;
            if (!isLinkToFileInside(absolute, path))
                continue;
        }
        else if (mayPass !== undefined && mayPass[index] === 0)
            continue;
        const bytes = readBytes(absolute, path);
        if (bytes === undefined || (screen && !screen.passes(bytes)))
            continue;
        if (bytes.includes(0)) {
            warn(`${path}: binary (it holds NUL bytes), skipped`);
            continue;
        }
        const text = bytes.toString('utf8');
        files.push((0,external_node_buffer_.isUtf8)(bytes) ? { path, text } : { path, text, invalidUtf8: true });
    }
    return files;
}
/**
 * For each file, 0 when grep says it cannot pass the screen (links are never asked about); undefined
 * when grep is not used (asked not to, too few files to pay for a start, Windows, a text grep cannot search).
 */
async function grepPrefilter(root, paths, links, texts, screenWith) {
    if (screenWith === 'node' || process.platform === 'win32')
        return undefined;
    const regular = paths.length - links.length;
    if ((screenWith === undefined && regular < GREP_SCREEN_MIN_FILES) || regular === 0)
        return undefined;
    const patterns = grepPatterns(texts);
    if (patterns === undefined)
        return undefined;
    if (links.length === 0)
        return grepScreen(root, paths, patterns);
    const linked = new Set(links);
    const regularIndexes = paths.flatMap((_path, index) => (linked.has(index) ? [] : [index]));
    const verdicts = await grepScreen(root, regularIndexes.map((index) => paths[index]), patterns);
    const mayPass = new Uint8Array(paths.length).fill(1);
    regularIndexes.forEach((index, at) => (mayPass[index] = verdicts[at]));
    return mayPass;
}
/**
 * Writes changed files back. The caller computes every new text first, so a failure while
 * planning leaves the tree untouched. Synchronous for the reason reads are.
 *
 * Each file is rewritten in place through its existing inode (a link is written through, its mode
 * and hard links kept; a missing file is created): the new bytes go over the old ones, then the
 * file is cut to their length.
 * Not `writeFileSync`, which truncates to zero first: on ext4 a file truncated to zero and written
 * again is flushed to disk when it is closed (the `auto_da_alloc` safeguard), which made writing
 * 200 small files take 25-90 ms instead of 2.
 */
async function writeTreeFiles(root, files) {
    for (const file of files)
        overwriteFile((0,external_node_path_.join)(root, file.path), Buffer.from(file.text, 'utf8'));
}
function overwriteFile(path, bytes) {
    const fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDWR | external_node_fs_.constants.O_CREAT, 0o666);
    try {
        for (let written = 0; written < bytes.length;) {
            written += (0,external_node_fs_.writeSync)(fd, bytes, written, bytes.length - written, written);
        }
        (0,external_node_fs_.ftruncateSync)(fd, bytes.length);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}


/***/ })

};
