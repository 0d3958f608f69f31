export const id = 661;
export const ids = [661];
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
/* unused harmony export checkWritable */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


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
function readsBackAsItself(value, inFlow) {
    if (value === '' || /[\n\r\t]/.test(value) || value.trim() !== value)
        return false;
    if (inFlow && /[,[\]{}]/.test(value))
        return false;
    const probe = inFlow ? `[${value}]` : `k: ${value}`;
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
/**
 * Control characters never go into a manifest, raw or escaped: no image reference, tag or digest
 * holds one, so a new value that does is a mistake to stop on rather than to write.
 */
function checkWritable(value, where) {
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    const control = /[\x00-\x08\x0B-\x1F\x7F-\x9F\uFFFE\uFFFF]/.exec(value);
    if (control) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where}: the new value ${JSON.stringify(value)} holds control character ${codePointName(control[0])}; nothing written`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where}: the value has no position in the source`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where}: a multi-line block scalar cannot hold an image reference`);
    }
    const firstLine = oldValue.replace(/\n+$/, '');
    const contentStart = source.indexOf(firstLine, source.indexOf('\n', start) + 1);
    if (contentStart === -1 || contentStart >= end)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where}: cannot locate the block scalar's content`);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`conflicting edits at offset ${edit.start}: two changes want the same bytes`);
        }
        result += source.slice(cursor, edit.start) + edit.text;
        cursor = edit.end;
        previous = edit;
    }
    return result + source.slice(cursor);
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

/***/ 5043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ writeTreeFiles),
/* harmony export */   Zc: () => (/* binding */ readTree),
/* harmony export */   xu: () => (/* binding */ isYamlPath)
/* harmony export */ });
/* unused harmony export DEFAULT_MAX_FILE_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** Files larger than this are skipped with a warning rather than parsed (manifests are small). */
const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
const isYamlPath = (path) => /\.ya?ml$/i.test(path);
function screenOf(mustContain) {
    if (mustContain === undefined)
        return undefined;
    const tests = (typeof mustContain === 'string' ? [mustContain] : mustContain).map(byteTest);
    return (bytes) => tests.some((test) => test(bytes));
}
/**
 * The test of one screen text on raw bytes, before any decoding. A byte of a multi-byte UTF-8
 * character counts as a boundary, so the screen never drops a file a test on the decoded text
 * (which may count Unicode spaces as boundaries) would keep.
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
    return (bytes) => {
        for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
            const end = at + needle.length;
            if ((at === 0 || before[bytes[at - 1]]) && (end === bytes.length || after[bytes[end]])) {
                return true;
            }
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
 * are decoded. A file that is not valid UTF-8 is returned marked (`invalidUtf8`), not dropped, so
 * that a planner can say whether it would have edited it.
 */
async function readTree(root, options = {}) {
    const include = options.include ?? isYamlPath;
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const warn = options.warn ?? (() => { });
    const passesScreen = screenOf(options.mustContain);
    const realRoot = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root);
    const files = [];
    let buffer = Buffer.allocUnsafe(64 * 1024);
    const isLinkToFileInside = (absolute, path) => {
        let target;
        try {
            target = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(absolute);
        }
        catch {
            warn(`${path}: dangling symlink, skipped`);
            return false;
        }
        if (target !== realRoot && !target.startsWith(realRoot + node_path__WEBPACK_IMPORTED_MODULE_2__.sep)) {
            warn(`${path}: symlink to outside the tree, not followed`);
            return false;
        }
        // Checked before opening: opening a FIFO or a device could block or have effects.
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target).isFile();
    };
    /**
     * The file's bytes (a view of the reused buffer, valid until the next read), or undefined when
     * skipped. No fstat: the directory entry already said it is a regular file, and reading until
     * end of file (or one byte past the limit) both sizes it and saves a system call on each of
     * thousands of files; a small file costs open, one read and close. Only a file over the limit is
     * stat'ed, for the warning.
     */
    const readBytes = (absolute, path) => {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(absolute, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY);
        try {
            let length = 0;
            for (;;) {
                if (length === buffer.length) {
                    if (length > maxBytes) {
                        warn(`${path}: ${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
                        return undefined;
                    }
                    const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
                    buffer.copy(grown, 0, 0, length);
                    buffer = grown;
                }
                const wanted = buffer.length - length;
                const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, wanted, null);
                length += read;
                // A regular file answers a read in full up to its end, so a short read is the end: no
                // second read of zero bytes to learn it (a system call saved on each of thousands of files).
                if (read < wanted)
                    break;
            }
            if (length > maxBytes) {
                warn(`${path}: ${length} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
                return undefined;
            }
            return buffer.subarray(0, length);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    };
    const visit = (dir, prefix) => {
        const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            // Not path.join, which validates and normalises on every call: paths built from root need neither.
            const absolute = dir + node_path__WEBPACK_IMPORTED_MODULE_2__.sep + entry.name;
            const path = prefix + entry.name;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRECTORIES.has(entry.name))
                    visit(absolute, `${path}/`);
                continue;
            }
            if (!include(path))
                continue;
            if (!entry.isFile() && !(entry.isSymbolicLink() && isLinkToFileInside(absolute, path)))
                continue;
            const bytes = readBytes(absolute, path);
            if (bytes === undefined || (passesScreen && !passesScreen(bytes)))
                continue;
            if (bytes.includes(0)) {
                warn(`${path}: binary (it holds NUL bytes), skipped`);
                continue;
            }
            const text = bytes.toString('utf8');
            files.push((0,node_buffer__WEBPACK_IMPORTED_MODULE_1__.isUtf8)(bytes) ? { path, text } : { path, text, invalidUtf8: true });
        }
    };
    visit(root, '');
    return files;
}
/**
 * Writes changed files back. The caller computes every new text first, so a failure while
 * planning leaves the tree untouched. Synchronous for the reason reads are.
 */
async function writeTreeFiles(root, files) {
    for (const file of files)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, file.path), file.text, 'utf8');
}


/***/ })

};
