(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 242;
const ids = [242];
const modules = {

/***/ 2242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseImageCommand: () => (/* binding */ parseImageCommand)
/* harmony export */ });
/* harmony import */ var _core_image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3386);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(302);


const FIELDS = ['domain', 'path', 'tag', 'digest', 'familiar', 'canonical'];
const parseImageCommand = {
    name: 'parse-image',
    summary: 'parse and normalise an image reference (docker.io and library/ defaults)',
    usage: [
        'usage: gitops-promote parse-image <reference> [--json]',
        '',
        'Parses an image reference with the distribution reference grammar',
        '([host[:port]/]path[:tag][@algorithm:hex]) and normalises it as Docker does:',
        'a name without a registry is on docker.io, and a single-component Docker Hub name gets library/.',
        'A digest is sha256:<64 lowercase hex> or sha512:<128 lowercase hex>, the algorithms the OCI image spec registers.',
        '',
        'Prints domain, path, tag, digest, familiar (the short form, e.g. nginx:1.25) and canonical',
        '(fully qualified, e.g. docker.io/library/nginx:1.25; no :latest is added).',
        'With --json: {"domain","path","tag","digest","familiar","canonical"}, all strings;',
        'an absent tag or digest is "" (never null).',
        '',
        'A reference that starts with "-" goes after "--": parse-image -- -bad.',
        'Exit status: 0 valid, 1 invalid reference (reason on stderr), 2 usage error.',
    ].join('\n'),
    options: {},
    allowPositionals: true,
    async run(_values, positionals) {
        if (positionals.length !== 1) {
            throw new _command_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(positionals.length === 0 ? 'an image reference is required' : 'expected one image reference');
        }
        const reference = (0,_core_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageReference */ .o_)(positionals[0] ?? '');
        const json = {
            domain: reference.domain,
            path: reference.path,
            tag: reference.tag ?? '',
            digest: reference.digest ?? '',
            familiar: reference.familiar,
            canonical: reference.canonical,
        };
        const width = Math.max(...FIELDS.map((field) => field.length)) + 1;
        const text = FIELDS.map((field) => `${`${field}:`.padEnd(width)} ${json[field] === '' ? '(none)' : json[field]}`).join('\n');
        return { json, text };
    },
};


/***/ }),

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


/***/ })

};

return {id,ids,modules};})