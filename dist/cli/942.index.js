(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 942;
const ids = [942];
const modules = {

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

/***/ 267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xu: () => (/* binding */ isYamlPath),
  Zc: () => (/* binding */ readTree),
  Jx: () => (/* binding */ startTreeScreen),
  $c: () => (/* binding */ writeTreeFiles)
});

// UNUSED EXPORTS: DEFAULT_MAX_FILE_BYTES, EARLY_GREP_MIN_FOLDERS, GREP_SCREEN_MIN_FILES

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
/**
 * Greps searching folders at once while Node goes on with its own work (loading code, walking the
 * tree): one core is left to Node (measured on two cores: one grep beside Node, 131 ms for a
 * 10,000-file bump, against 136 ms with two), at most four.
 */
const GREPS_BESIDE_NODE = Math.max(1, Math.min((0,external_node_os_.availableParallelism)() - 1, 4));
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
/** A name given to grep: one starting with "-" is never an option after "--", but "-" alone is standard input. */
const asArgument = (path) => (path.charCodeAt(0) === 0x2d ? `./${path}` : path);
/**
 * grep's own walk, past the folders the tree reader passes over. grep -r does not follow a symbolic
 * link it meets, as the reader's walk does not (the reader checks and reads links itself).
 */
const RECURSIVE = ['-r', '--exclude-dir=.git', '--exclude-dir=node_modules'];
/**
 * One grep over some files, or (`recursive`) over some folders: the names it lists, in its order
 * (for files, the order of the arguments), or undefined when it could not search them all.
 */
function grepChunk(cwd, patterns, names, recursive = false, started) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)('grep', [
            // -D skip: a file turned into a FIFO since the walk is passed over rather than waited on.
            ...['-l', '--null', '-E', '-s', '-D', 'skip'],
            ...(recursive ? RECURSIVE : []),
            ...patterns.flatMap((pattern) => ['-e', pattern]),
            '--',
            ...names,
        ], { cwd, env: grepEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] });
        started?.(child);
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
 * Starts greps that search every file of some folders of a tree (paths relative to `root`): one
 * group of folders per grep, one grep per core but the one left to Node. grep then
 * opens each file inside a folder it holds open, where a list of names costs their copies and a full
 * path resolution each, and it can start before the caller has walked the tree.
 */
function grepFolders(root, patterns, folders) {
    const count = Math.min(GREPS_BESIDE_NODE, folders.length);
    const groups = Array.from({ length: count }, () => []);
    const groupOf = new Map();
    folders.forEach((folder, index) => {
        groups[index % count].push(asArgument(folder));
        groupOf.set(folder, index % count);
    });
    const children = [];
    const listed = Promise.all(groups.map(async (group) => {
        const names = await grepChunk(root, patterns, group, true, (child) => children.push(child));
        // A name that is not UTF-8 reads as U+FFFD and would match no path of the walk: the whole
        // group is left to the reader. "./-x/a.yaml" is what grep lists for the folder given as "./-x".
        if (names === undefined || names.some((name) => name.includes('\ufffd')))
            return undefined;
        return new Set(names.map((name) => (name.startsWith('./') ? name.slice(2) : name)));
    }));
    return { groupOf, listed, stop: () => children.forEach((child) => child.kill()) };
}
/**
 * Which of `paths` (relative to `root`, regular files) may pass the screen: 1 for each file grep
 * lists, and for every file of a group grep could not search (missing grep, an unreadable file), so
 * that the caller reads those as it would without grep. Groups of files go to up to one grep per core.
 */
async function grepScreen(root, paths, patterns) {
    const names = paths.map(asArgument);
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
 * two cores: starting two greps costs 10 to 15 ms, Node reads a small file in 8 to 17 \u00b5s).
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
    const started = options.started &&
        options.started.root === root &&
        options.started.include === include &&
        options.started.mustContain === mustContain
        ? options.started
        : undefined;
    if (options.started && !started)
        options.started.screen.stop();
    // With started greps: the group of the searched folder each path lies in (-1: none), set as the
    // walk enters those folders.
    const groups = [];
    const visit = (dir, prefix, group) => {
        const known = started?.listed.get(dir);
        const entries = known ?? sortedEntries(dir);
        for (const entry of entries) {
            // Not path.join, which validates and normalises on every call: paths built from root need neither.
            const absolute = dir + external_node_path_.sep + entry.name;
            const path = prefix + entry.name;
            if (entry.isDirectory()) {
                if (SKIPPED_DIRECTORIES.has(entry.name))
                    continue;
                visit(absolute, `${path}/`, group !== -1 || !started ? group : (started.screen.groupOf.get(path) ?? -1));
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
            if (started)
                groups.push(group);
        }
    };
    try {
        visit(root, '', -1);
    }
    catch (error) {
        started?.screen.stop();
        throw error;
    }
    const mayPass = texts &&
        (started
            ? await withStartedScreen(started, root, paths, groups, links, texts, options.screenWith)
            : await grepPrefilter(root, paths, links, texts, options.screenWith));
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
function sortedEntries(dir) {
    const entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/**
 * A level of the tree with this many folders or more is given to greps before the tree is walked
 * (`startTreeScreen`): a tree that wide is large enough for their start to pay.
 */
const EARLY_GREP_MIN_FOLDERS = 64;
/** Levels looked at for that many folders. */
const EARLY_GREP_MAX_DEPTH = 6;
/**
 * Starts greps over a large tree's folders before a command loads the code that reads what they find:
 * they screen the files while that code loads and while `readTree` walks the tree, which it is then
 * given (`started`). The tree is listed level by level from the root until a level holds
 * `EARLY_GREP_MIN_FOLDERS` folders (one folder is enough with `screenWith: 'grep'`), and that level's
 * folders are searched, a group per grep. Undefined, and nothing started, when the tree is not that
 * wide, grep is not to be used, or grep cannot say the screen. The greps search every file of the
 * folders (grep's own name filters differ from one grep to another), and only the files `include`
 * takes are read.
 */
function startTreeScreen(root, options) {
    const include = options.include ?? isYamlPath;
    const { mustContain } = options;
    if (mustContain === undefined)
        return undefined;
    if (options.screenWith === 'node' || process.platform === 'win32')
        return undefined;
    const patterns = grepPatterns(typeof mustContain === 'string' ? [mustContain] : mustContain);
    if (patterns === undefined)
        return undefined;
    const enough = options.screenWith === 'grep' ? 1 : EARLY_GREP_MIN_FOLDERS;
    const listed = new Map();
    let level = [{ absolute: root, path: '' }];
    for (let depth = 1; depth <= EARLY_GREP_MAX_DEPTH && level.length > 0; depth++) {
        const next = [];
        for (const folder of level) {
            const entries = sortedEntries(folder.absolute);
            listed.set(folder.absolute, entries);
            for (const entry of entries) {
                if (!entry.isDirectory() || SKIPPED_DIRECTORIES.has(entry.name))
                    continue;
                next.push({
                    absolute: folder.absolute + external_node_path_.sep + entry.name,
                    path: folder.path === '' ? entry.name : `${folder.path}/${entry.name}`,
                });
            }
        }
        if (next.length >= enough) {
            const screen = grepFolders(root, patterns, next.map((folder) => folder.path));
            return { root, include, mustContain, screen, listed };
        }
        level = next;
    }
    return undefined;
}
/**
 * `grepPrefilter` for a walk that started greps screened: a regular file in a searched folder may
 * pass when its grep listed it, or could not search its group; the others (files above those
 * folders, and names starting with a dot, which not every grep searches in a folder) go through
 * `grepPrefilter`.
 */
async function withStartedScreen(started, root, paths, groups, links, texts, screenWith) {
    const listed = await started.screen.listed;
    const mayPass = new Uint8Array(paths.length).fill(1);
    const rest = [];
    for (let index = 0, nextLink = 0; index < paths.length; index++) {
        if (links[nextLink] === index) {
            nextLink++;
            continue;
        }
        const path = paths[index];
        const group = groups[index];
        if (group === -1 || path.charCodeAt(path.lastIndexOf('/') + 1) === 0x2e) {
            rest.push(index);
            continue;
        }
        const found = listed[group];
        if (found !== undefined && !found.has(path))
            mayPass[index] = 0;
    }
    if (rest.length > 0) {
        const verdicts = await grepPrefilter(root, rest.map((index) => paths[index]), [], texts, screenWith);
        if (verdicts)
            rest.forEach((index, at) => (mayPass[index] = verdicts[at]));
    }
    return mayPass;
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

return {id,ids,modules};})