(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 751;
const ids = [751];
const modules = {

/***/ 7102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ isKustomizationPath)
/* harmony export */ });
// Which files bump reads, by name: apart from the locators (which need the YAML library), so that
// a command can name them before it loads the planner.
/** kustomize reads these names only; `Kustomization` (no extension) is its legacy spelling. */
function isKustomizationPath(path) {
    return /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(path);
}


/***/ }),

/***/ 9608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qg: () => (/* binding */ splitTagAndDigest),
/* harmony export */   Ru: () => (/* binding */ bumpReferenceText),
/* harmony export */   eI: () => (/* binding */ containerList),
/* harmony export */   eR: () => (/* binding */ unparseableReference),
/* harmony export */   nb: () => (/* binding */ bumpScreen),
/* harmony export */   s8: () => (/* binding */ referenceOfTarget),
/* harmony export */   u1: () => (/* binding */ resolveTarget)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3386);
/* harmony import */ var _setters_screen_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8270);



function resolveTarget(target) {
    let reference;
    try {
        reference = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(target.image);
    }
    catch (error) {
        // The parser's reason (`repository name "Acme/App" must be lowercase`) after its quote of the text.
        const reason = error.message.replace(/^image reference ".*?": /, '');
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('image', target.image, `an image repository such as nginx, acme/app or ghcr.io/acme/app (${reason})`);
    }
    if (reference.tag !== undefined || reference.digest !== undefined) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('image', target.image, 'a repository without tag or digest (give them with --tag and --digest)');
    }
    if (!(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(target.tag)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('tag', target.tag, 'an image tag: 1 to 128 of [A-Za-z0-9_.-], not starting with "." or "-"');
    }
    if (target.tag === 'latest') {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('tag', target.tag, 'an immutable tag (latest names a different image tomorrow, and a bump to it deploys nothing new)');
    }
    if (target.digest !== undefined && !(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidDigest */ .fH)(target.digest)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('digest', target.digest, _image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_EXPECTED */ .yv);
    }
    const named = [...(target.container === undefined ? [] : [target.container]), ...(target.containers ?? [])];
    for (const container of named) {
        if (container === '')
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('container', container, 'a container name');
    }
    const screen = reference.path.slice(reference.path.lastIndexOf('/') + 1);
    const asName = new RegExp(`(?:^|[\\s"'/:,[{])${screen.replaceAll('.', '\\.')}(?:$|[\\s"'@:,\\]}#])`, 'm');
    return {
        repository: reference.repository,
        image: target.image,
        tag: target.tag,
        digest: target.digest,
        containers: named.length === 0 ? undefined : new Set(named),
        readOnly: target.readOnly === true,
        screen,
        // The ASCII of `asName`'s boundaries; `\s` there is these six and Unicode spaces (non-ASCII bytes).
        nameScreen: { name: screen, before: ' \t\n\v\f\r"\'/:,[{', after: ' \t\n\v\f\r"\'@:,]}#' },
        mentions: (text) => text.includes(screen) && asName.test(text),
    };
}
/** The parsed reference when `text` names the target's repository, else undefined (not an image, or another one). */
function referenceOfTarget(text, target) {
    if (!text.includes(target.screen))
        return undefined;
    try {
        const reference = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(text);
        return reference.repository === target.repository ? reference : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Why a text that names the target's repository is not a reference the bump can edit (a short
 * digest, `{GENERATED_TAG}`, a typo in the tag), or undefined when it parses or names another
 * repository. The name is what stands before the tag and digest, split as the grammar would split it.
 */
function unparseableReference(text, target) {
    if (!text.includes(target.screen))
        return undefined;
    const at = text.indexOf('@');
    const beforeDigest = at === -1 ? text : text.slice(0, at);
    const slash = beforeDigest.lastIndexOf('/');
    const colon = beforeDigest.indexOf(':', slash + 1);
    const name = (colon === -1 ? beforeDigest : beforeDigest.slice(0, colon)).trim();
    try {
        if ((0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(name).repository !== target.repository)
            return undefined;
        (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(text);
        return undefined;
    }
    catch (error) {
        return error.message;
    }
}
/**
 * The new text of an image reference string, keeping the repository exactly as written
 * (`nginx` stays `nginx`, a registry port stays). Undefined when it is already at the target.
 * A tag moved without a new digest drops the old digest, which would otherwise win over the tag.
 */
function bumpReferenceText(text, reference, target) {
    const atTag = reference.tag === target.tag;
    const atDigest = target.digest === undefined ? atTag || reference.digest === undefined : reference.digest === target.digest;
    if (atTag && atDigest)
        return undefined;
    const beforeDigest = reference.digest === undefined ? text : text.slice(0, text.length - reference.digest.length - 1);
    const name = reference.tag === undefined ? beforeDigest : beforeDigest.slice(0, beforeDigest.length - reference.tag.length - 1);
    const digest = target.digest ?? (atTag ? reference.digest : undefined);
    const value = `${name}:${target.tag}${digest === undefined ? '' : `@${digest}`}`;
    const dropped = reference.digest !== undefined && digest === undefined;
    return dropped ? { value, note: `stale digest ${reference.digest} removed` } : { value };
}
/** The named containers as messages list them: `app`, `app, migrate`. */
function containerList(target) {
    return [...(target.containers ?? [])].join(', ');
}
/** Splits a tag value that carries a digest (`1.0@sha256:...`, as some tools pin kustomize newTag). */
function splitTagAndDigest(value) {
    const at = value.indexOf('@');
    return at === -1 ? { tag: value, digest: undefined } : { tag: value.slice(0, at), digest: value.slice(at + 1) };
}
/**
 * Texts of which every file `planBump` may read or edit contains at least one (the image's last path
 * component standing as a name, as `mentions` reads it, or a setter marker's key): a screen a reader
 * may apply to the tree's raw bytes first.
 * It is the first test `planBump` makes of each file, so it never drops a file the plan would use.
 */
function bumpScreen(bumpTarget) {
    return [resolveTarget(bumpTarget).nameScreen, _setters_screen_js__WEBPACK_IMPORTED_MODULE_2__/* .SETTER_SCREEN */ .d];
}


/***/ }),

/***/ 6030:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ checkRepositoryName),
/* harmony export */   WM: () => (/* binding */ requestFromPayload),
/* harmony export */   gX: () => (/* binding */ parseDispatchPayload)
/* harmony export */ });
/* unused harmony exports PAYLOAD_VERSION, DEFAULT_EVENT_TYPE, MAX_EVENT_TYPE_LENGTH, MAX_TOP_LEVEL_KEYS, MAX_PAYLOAD_SIZE, MAX_NAME_LENGTH, MAX_EXTRA_DEPTH, PAYLOAD_KEYS, buildDispatchPayload, manualRequest, checkEventType, payloadSize, parseDispatchEvent */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3386);
/* harmony import */ var _nesting_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9209);
/* harmony import */ var _text_links_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2606);
// The repository_dispatch client_payload that `dispatch` sends and `bump` reads. It is versioned (`v`)
// so a receiver can refuse a shape it does not know instead of misreading it, and it is checked
// field by field on both sides: the sender must not send what the receiver would refuse.




const PAYLOAD_VERSION = 1;
const DEFAULT_EVENT_TYPE = 'gitops-promote';
/** GitHub's limits for POST /repos/{owner}/{repo}/dispatches. */
const MAX_EVENT_TYPE_LENGTH = 100;
const MAX_TOP_LEVEL_KEYS = 10;
const MAX_PAYLOAD_SIZE = 65_535;
const MAX_NAME_LENGTH = 63;
const MAX_EXTRA_DEPTH = 8;
const MAX_REF_LENGTH = 255;
const MAX_URL_LENGTH = 2048;
const MAX_TIMESTAMP = 9_999_999_999;
// Every top-level key v1 knows; anything else is refused so a typo is not silently dropped.
const PAYLOAD_KEYS = [
    'v',
    'app',
    'image',
    'tag',
    'digest',
    'environment',
    'source',
    'buildTimestamp',
    'dispatchId',
    'extra',
];
const SOURCE_KEYS = ['repository', 'sha', 'ref', 'runUrl'];
const NAME_RULE = `[a-z0-9][a-z0-9-]* (lowercase letters, digits and "-", at most ${MAX_NAME_LENGTH} characters)`;
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const EVENT_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPOSITORY_NAME_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REF_CHARACTERS = /^[A-Za-z0-9._/+@#-]+$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EXTRA_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
// A receiver that merges extra with Object.assign would change an object's prototype through these.
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
/** Builds and validates the payload; throws UserError naming the input when anything is off. */
function buildDispatchPayload(request) {
    checkNesting(request.extra, INPUT_FIELDS.extra, MAX_PAYLOAD_NESTING - 1);
    const { name, tag, digest } = splitImage(request.image, request.tag, request.digest);
    const payload = {
        v: PAYLOAD_VERSION,
        app: request.app,
        image: name,
        tag,
        ...(digest !== undefined && { digest }),
        ...(request.environment !== undefined && request.environment !== '' && { environment: request.environment }),
        source: { ...request.source },
        buildTimestamp: request.buildTimestamp,
        dispatchId: request.dispatchId,
        ...(request.extra !== undefined && { extra: request.extra }),
    };
    checkPayload(payload, INPUT_FIELDS);
    return payload;
}
/** A received dispatch as the promotion it asks for (the edge where the wire format stops). */
function requestFromPayload(payload) {
    return {
        app: payload.app,
        image: payload.image,
        tag: payload.tag,
        ...(payload.digest !== undefined && { digest: payload.digest }),
        ...(payload.environment !== undefined && { environment: payload.environment }),
        intent: 'forward',
        buildTimestamp: payload.buildTimestamp,
        provenance: {
            kind: 'dispatch',
            dispatchId: payload.dispatchId,
            source: payload.source,
            ...(payload.extra !== undefined && { extra: payload.extra }),
        },
    };
}
/**
 * A promotion asked for by hand (the bump action's app, image and tag inputs), checked with the
 * same rules and field names as the dispatch action's inputs. Without a build timestamp the request
 * carries none: it is not taken to be "now", which would make any tag look newer than what runs.
 */
function manualRequest(request) {
    // The payload is only built to check the fields; 0 stands in for an absent timestamp and is dropped.
    const checked = buildDispatchPayload({ ...request, buildTimestamp: request.buildTimestamp ?? 0 });
    const { buildTimestamp: _stand_in, ...fields } = requestFromPayload(checked);
    return {
        ...fields,
        ...(request.buildTimestamp !== undefined && { buildTimestamp: request.buildTimestamp }),
        provenance: { kind: 'manual', dispatchId: checked.dispatchId, source: checked.source },
    };
}
/** Validates a received client_payload (the receiving side of `bump`); every field is checked. */
function parseDispatchPayload(value) {
    checkNesting(value, 'client_payload');
    if (!isPlainObject(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('client_payload', value, 'a JSON object');
    if (value.v !== PAYLOAD_VERSION) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('client_payload.v', value.v, `payload version ${PAYLOAD_VERSION} (sent by gitops-promote dispatch)`);
    }
    const unknownKey = Object.keys(value).find((key) => !PAYLOAD_KEYS.includes(key));
    if (unknownKey !== undefined) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('client_payload', unknownKey, `only the keys ${PAYLOAD_KEYS.join(', ')} (unknown key)`);
    }
    checkPayload(value, PAYLOAD_FIELDS);
    return value;
}
/** The event type GitHub accepts (1 to 100 characters), narrowed to characters that are safe in a workflow filter. */
function checkEventType(eventType, field = 'event-type') {
    if (eventType.length < 1 || eventType.length > MAX_EVENT_TYPE_LENGTH || !EVENT_TYPE_PATTERN.test(eventType)) {
        throw invalid(field, eventType, `1 to ${MAX_EVENT_TYPE_LENGTH} of [A-Za-z0-9._:-], starting with a letter or digit`);
    }
    return eventType;
}
/** `owner/name` as GitHub allows them; `.` and `..` are not repository names. */
function checkRepositoryName(repository, field = 'repository') {
    const [owner = '', name = '', ...rest] = repository.split('/');
    const valid = rest.length === 0 &&
        OWNER_PATTERN.test(owner) &&
        REPOSITORY_NAME_PATTERN.test(name) &&
        name !== '.' &&
        name !== '..' &&
        !name.endsWith('.git');
    if (!valid)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, repository, 'owner/name (a GitHub owner and repository name, e.g. acme/environments)');
    return { owner, name };
}
/** Size of the client_payload as GitHub counts it: the JSON text, in UTF-8 bytes (never fewer than its characters). */
function payloadSize(payload) {
    return new TextEncoder().encode(JSON.stringify(payload)).length;
}
const INPUT_FIELDS = {
    app: 'app',
    image: 'image',
    tag: 'tag',
    digest: 'digest',
    environment: 'environment',
    source: 'source',
    repository: 'source repository (GITHUB_REPOSITORY)',
    sha: 'source sha (GITHUB_SHA)',
    ref: 'source ref (GITHUB_REF)',
    runUrl: 'source run URL',
    buildTimestamp: 'build-timestamp',
    dispatchId: 'dispatch-id',
    extra: 'extra-payload',
    payload: 'client_payload',
};
const PAYLOAD_FIELDS = {
    app: 'client_payload.app',
    image: 'client_payload.image',
    tag: 'client_payload.tag',
    digest: 'client_payload.digest',
    environment: 'client_payload.environment',
    source: 'client_payload.source',
    repository: 'client_payload.source.repository',
    sha: 'client_payload.source.sha',
    ref: 'client_payload.source.ref',
    runUrl: 'client_payload.source.runUrl',
    buildTimestamp: 'client_payload.buildTimestamp',
    dispatchId: 'client_payload.dispatchId',
    extra: 'client_payload.extra',
    payload: 'client_payload',
};
function checkPayload(payload, fields) {
    const p = payload;
    checkName(p.app, fields.app);
    checkImageName(p.image, fields.image);
    checkTag(p.tag, fields.tag);
    if (p.digest !== undefined)
        checkDigest(p.digest, fields.digest);
    if (p.environment !== undefined)
        checkName(p.environment, fields.environment);
    checkSource(p.source, fields);
    checkTimestamp(p.buildTimestamp, fields.buildTimestamp);
    if (typeof p.dispatchId !== 'string' || !UUID_PATTERN.test(p.dispatchId)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(fields.dispatchId, p.dispatchId, 'a lowercase UUID (8-4-4-4-12 hex digits)');
    }
    if (p.extra !== undefined)
        checkExtra(p.extra, fields.extra);
    const keys = Object.keys(p).length;
    if (keys > MAX_TOP_LEVEL_KEYS)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(fields.payload, `${keys} top-level keys`, `at most ${MAX_TOP_LEVEL_KEYS}`);
    const size = payloadSize(p);
    if (size > MAX_PAYLOAD_SIZE) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(fields.payload, `${size} bytes of JSON`, `at most ${MAX_PAYLOAD_SIZE} (GitHub's limit; shrink ${fields.extra})`);
    }
}
function checkName(value, field) {
    if (typeof value !== 'string' || value.length > MAX_NAME_LENGTH || !NAME_PATTERN.test(value)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, NAME_RULE);
    }
}
function checkImageName(value, field) {
    if (typeof value !== 'string')
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, 'an image repository such as ghcr.io/acme/app');
    const parsed = parseImageOrExplain(value, field);
    if (parsed.tag !== undefined || parsed.digest !== undefined) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, 'an image repository without tag or digest (they travel in tag and digest)');
    }
}
function checkTag(value, field) {
    if (typeof value !== 'string' || !(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(value)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, '1 to 128 of [A-Za-z0-9_.-], not starting with "." or "-"');
    }
    if (value === 'latest')
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, 'an immutable tag (latest names a different image tomorrow)');
}
function checkDigest(value, field) {
    if (typeof value !== 'string' || !(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidDigest */ .fH)(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, _image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_EXPECTED */ .yv);
}
function checkSource(value, fields) {
    if (!isPlainObject(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(fields.source, value, 'an object with repository, sha, ref and runUrl');
    const unknownKey = Object.keys(value).find((key) => !SOURCE_KEYS.includes(key));
    if (unknownKey !== undefined)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(fields.source, unknownKey, `only the keys ${SOURCE_KEYS.join(', ')}`);
    if (typeof value.repository !== 'string')
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(fields.repository, value.repository, 'owner/name');
    checkRepositoryName(value.repository, fields.repository);
    if (typeof value.sha !== 'string' || !SHA_PATTERN.test(value.sha)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(fields.sha, value.sha, 'a full commit sha: 40 (or 64) lowercase hex digits');
    }
    checkRef(value.ref, fields.ref);
    checkRunUrl(value.runUrl, fields.runUrl);
}
// git check-ref-format's rules, on a conservative character set: a ref ends up in PR bodies and logs.
function checkRef(value, field) {
    const expected = `a full git ref such as refs/heads/dev or refs/tags/v1.2.3 (at most ${MAX_REF_LENGTH} of [A-Za-z0-9._/+@#-], no "..", "@{", "//", components starting with "." or ending with ".lock")`;
    if (typeof value !== 'string' || value.length > MAX_REF_LENGTH || !REF_CHARACTERS.test(value)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, expected);
    }
    const components = value.split('/');
    const valid = value.startsWith('refs/') &&
        components.length >= 3 &&
        !value.includes('..') &&
        !value.includes('@{') &&
        !value.endsWith('.') &&
        components.every((component) => component !== '' && !component.startsWith('.') && !component.endsWith('.lock'));
    if (!valid)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, expected);
}
// The run that built the image: the address of a workflow run and nothing else, so that it cannot
// carry a second link, an image or a mention into the pull request. It is linked only when it is a run
// of the source repository on the same server (src/core/text/links.ts).
function checkRunUrl(value, field) {
    const expected = `the URL of a workflow run: <server>/<owner>/<repo>/actions/runs/<id> (http or https, no credentials, query or fragment, at most ${MAX_URL_LENGTH} characters)`;
    const run = typeof value === 'string' && value.length <= MAX_URL_LENGTH ? (0,_text_links_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRunUrl */ .CJ)(value) : undefined;
    if (run === undefined)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, expected);
}
function checkTimestamp(value, field) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TIMESTAMP) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, 'unix seconds: a whole number from 0 to 9999999999');
    }
}
function checkExtra(value, field) {
    if (!isPlainObject(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(field, value, 'a JSON object such as {"ticket":"OPS-1"}');
    checkJsonValue(value, field, 0);
}
function checkJsonValue(value, path, depth) {
    if (depth > MAX_EXTRA_DEPTH)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(path, '(deeper nesting)', `at most ${MAX_EXTRA_DEPTH} levels of nesting`);
    if (typeof value === 'string') {
        if (LONE_SURROGATE.test(value))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(path, value, 'valid Unicode text (a lone UTF-16 surrogate is not UTF-8)');
        if (NUL.test(value))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(path, value, 'text without NUL characters');
        return;
    }
    if (value === null || typeof value === 'boolean')
        return;
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(path, value, 'a finite number');
        return;
    }
    if (Array.isArray(value)) {
        value.forEach((item, index) => checkJsonValue(item, `${path}[${index}]`, depth + 1));
        return;
    }
    if (isPlainObject(value)) {
        for (const [key, item] of Object.entries(value)) {
            if (!EXTRA_KEY_PATTERN.test(key) || PROTOTYPE_KEYS.includes(key)) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(`${path} key`, key, '1 to 64 of [A-Za-z0-9_.-], not __proto__, constructor or prototype');
            }
            checkJsonValue(item, `${path}.${key}`, depth + 1);
        }
        return;
    }
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)(path, String(value), 'a JSON value (string, number, boolean, null, array or object)');
}
// The image input may carry the tag and digest itself (`app:1.2.3@sha256:...`); they must then agree with the inputs.
function splitImage(image, tagInput, digestInput) {
    parseImageOrExplain(image, INPUT_FIELDS.image);
    const raw = parseRawReference(image);
    const givenTag = tagInput === '' ? undefined : tagInput;
    const givenDigest = digestInput === '' ? undefined : digestInput;
    if (raw.tag !== undefined && givenTag !== undefined && raw.tag !== givenTag) {
        throw new UserError(`tag: got ${JSON.stringify(givenTag)}, but image ${JSON.stringify(image)} says ${JSON.stringify(raw.tag)}`, {
            field: 'tag',
            value: givenTag,
            expected: 'the same tag as the image input, or no tag in one of them',
        });
    }
    if (raw.digest !== undefined && givenDigest !== undefined && raw.digest !== givenDigest) {
        throw new UserError(`digest: got ${JSON.stringify(givenDigest)}, but image ${JSON.stringify(image)} says ${JSON.stringify(raw.digest)}`, {
            field: 'digest',
            value: givenDigest,
            expected: 'the same digest as the image input, or no digest in one of them',
        });
    }
    const tag = givenTag ?? raw.tag;
    if (tag === undefined)
        throw invalid(INPUT_FIELDS.tag, tag, 'a tag (in the tag input or as image:tag)');
    const digest = givenDigest ?? raw.digest;
    return { name: raw.name, tag, ...(digest !== undefined && { digest }) };
}
function parseImageOrExplain(value, field) {
    try {
        return (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(value);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${field}: ${error.message}`, { field, value, expected: error.expected });
        throw error;
    }
}
/** Refuses a value nested deeper than any payload needs, naming the field, before anything recurses into it. */
function checkNesting(value, field, limit = _nesting_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_PAYLOAD_NESTING */ .F8) {
    const path = (0,_nesting_js__WEBPACK_IMPORTED_MODULE_3__/* .nestedBeyond */ .L3)(value, limit);
    if (path === undefined)
        return;
    const top = (0,_nesting_js__WEBPACK_IMPORTED_MODULE_3__/* .topField */ .Ks)(path);
    const name = field === 'client_payload' && top !== '' ? `client_payload.${top}` : field;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${name}: nested more than ${limit} levels deep (at ${field}${path.length > 80 ? `${path.slice(0, 80)}...` : path}); expected at most ${limit} levels`, {
        field: name,
        value: '(deeply nested)',
        expected: `at most ${limit} levels of nesting`,
    });
}
function isPlainObject(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}
/** Reads a repository_dispatch event (GITHUB_EVENT_PATH's JSON): its event type (`action`) and checked payload. */
function parseDispatchEvent(event) {
    if (!isPlainObject(event))
        throw invalid('repository_dispatch event', event, 'a JSON object');
    if (typeof event.action !== 'string')
        throw invalid('repository_dispatch event action', event.action, 'the event type');
    return {
        eventType: checkEventType(event.action, 'repository_dispatch event action'),
        payload: parseDispatchPayload(event.client_payload),
    };
}


/***/ }),

/***/ 7646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UM: () => (/* reexport */ DEFAULT_SERVER_URL),
  VT: () => (/* reexport */ PULL_BODY_LIMIT),
  kA: () => (/* reexport */ buildRecord),
  Wu: () => (/* reexport */ closuresAfterNoChange),
  kf: () => (/* reexport */ closuresForSuccessor),
  x4: () => (/* reexport */ decideAgainstEnvironment),
  rU: () => (/* reexport */ decideAgainstPending),
  xW: () => (/* reexport */ parseBodyRecord),
  w7: () => (/* reexport */ parseCommitRecord),
  z: () => (/* reexport */ plan/* planPromotion */.z),
  Ri: () => (/* reexport */ policyRefusal),
  _5: () => (/* reexport */ running/* readRunningImages */._),
  kw: () => (/* reexport */ title/* recordTitle */.k),
  b6: () => (/* reexport */ renderChangeTable),
  jq: () => (/* reexport */ renderCommitMessage),
  XC: () => (/* reexport */ renderPullRequestBody),
  k5: () => (/* reexport */ resolve/* resolvePromotion */.k),
  WB: () => (/* reexport */ selectCandidatePaths),
  $f: () => (/* reexport */ sourceLinks)
});

// UNUSED EXPORTS: BRANCH_PREFIX, MAX_CANDIDATE_FILES, RECORD_MARKER, RECORD_VERSION, commitUrl, compareBases, compareBuilds, compareUrl, currentTags, decidePromotion, imageText, isObsolete, judgeGate, judgeHealth, promotionTitle, recordJson, repositoryUrl, requestedBuild, tagSha, tagTimestamp, workflowRunUrl

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/promotion/candidates.ts
// Which files of the environment a promotion reads, from the tree's paths alone.

const YAML_FILE = /\.ya?ml$/i;
const KUSTOMIZATION_FILE = /^(kustomization\.ya?ml|Kustomization)$/;
/** Reading more blobs than this for one bump means the app's `paths` should be set. */
const MAX_CANDIDATE_FILES = 500;
/**
 * Which files of the environment to read, from the tree's paths alone, so a bump reads a few
 * blobs however large the repository is. With `paths` in the config: YAML files under them.
 * Otherwise: YAML files with the app's name as a folder or file stem (`releases/dev/podinfo.yaml`,
 * `dev/podinfo/deployment.yaml`), plus the kustomizations on the way down to them, whose
 * `images:` may override the tag. When no file is named after the app, every YAML file of the
 * environment is read (bounded), and the caller warns that `paths` would make it cheaper.
 */
function selectCandidatePaths(treePaths, promotion) {
    const root = promotion.environment.path;
    const inEnvironment = treePaths
        .filter((path) => YAML_FILE.test(path) || KUSTOMIZATION_FILE.test(basename(path)))
        .filter((path) => root === '' || path.startsWith(`${root}/`))
        .map((path) => ({ path, relative: root === '' ? path : path.slice(root.length + 1) }));
    const { app } = promotion;
    let selected;
    let broad = false;
    if (app.paths.length > 0) {
        selected = inEnvironment
            .filter(({ relative }) => app.paths.some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`)))
            .map(({ path }) => path);
    }
    else {
        const named = inEnvironment.filter(({ relative }) => namesApp(relative, app.name));
        if (named.length === 0) {
            selected = inEnvironment.map(({ path }) => path);
            broad = true;
        }
        else {
            const folders = new Set(named.flatMap(({ relative }) => ancestorFolders(relative)));
            const kustomizations = inEnvironment.filter(({ relative }) => KUSTOMIZATION_FILE.test(basename(relative)) && folders.has(dirname(relative)));
            selected = [...new Set([...named, ...kustomizations].map(({ path }) => path))];
        }
    }
    if (selected.length > MAX_CANDIDATE_FILES) {
        throw (0,errors/* invalid */.Gq)(`apps.${app.name}.paths`, `${selected.length} candidate files under ${root || 'the repository root'}`, `at most ${MAX_CANDIDATE_FILES}: list the folders of ${app.name}'s manifests in paths`);
    }
    return { paths: selected.sort(), broad };
}
function namesApp(relative, app) {
    const segments = relative.split('/');
    const file = segments.pop() ?? '';
    const stem = file.replace(YAML_FILE, '');
    return stem === app || segments.includes(app);
}
function ancestorFolders(relative) {
    const segments = relative.split('/').slice(0, -1);
    return segments.map((_, index) => segments.slice(0, index + 1).join('/')).concat('');
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
function dirname(path) {
    const slash = path.lastIndexOf('/');
    return slash === -1 ? '' : path.slice(0, slash);
}

// EXTERNAL MODULE: ./src/core/policy/index.ts + 6 modules
var core_policy = __webpack_require__(3381);
// EXTERNAL MODULE: ./src/core/promotion/order.ts
var order = __webpack_require__(785);
;// CONCATENATED MODULE: ./src/core/promotion/decide.ts


/** The reason the environment's policy refuses the tag, or undefined when it admits it. */
function policyRefusal(promotion) {
    const { environment, tag } = promotion;
    if ((0,core_policy/* isEligible */.YT)(environment.tags, tag))
        return undefined;
    return `tag ${tag} does not pass the tag policy of ${environment.name} (${(0,core_policy/* describeTagPolicy */.KR)(environment.tags)})`;
}
/** The requested build, for ordering against what runs or what a branch carries. */
function requestedBuild(promotion) {
    return { tag: promotion.tag, buildTimestamp: promotion.request.buildTimestamp };
}
/** Decides against what the environment runs, given the plan over the candidate files. */
function decideAgainstEnvironment(promotion, { plan, running }) {
    const refusal = policyRefusal(promotion);
    const previousTags = running.filter((tag) => tag !== promotion.tag);
    if (refusal !== undefined)
        return { kind: 'skipped', reason: refusal, previousTags };
    const target = `${promotion.app.image}:${promotion.tag}${promotion.digest ? `@${promotion.digest}` : ''}`;
    if (plan.changes.length === 0) {
        return { kind: 'unchanged', reason: `${promotion.environment.name} already runs ${target}`, previousTags };
    }
    // A rollback asks for an older build on purpose: the older-tag rule is for moving forward.
    if (promotion.request.intent === 'rollback') {
        return { kind: 'change', previousTags, changes: plan.changes, files: plan.files };
    }
    const orders = previousTags.map((tag) => (0,order/* compareBuilds */.V)(promotion.environment.tags, requestedBuild(promotion), { tag }));
    if (orders.includes('unordered')) {
        return {
            kind: 'skipped',
            reason: `${promotion.environment.name} runs ${previousTags.join(', ')}, and nothing says whether ${promotion.tag} is newer: ` +
                `${(0,core_policy/* describeTagPolicy */.KR)(promotion.environment.tags)} orders tags by build time, ${promotion.tag} does not end in one and the ` +
                `request has no build timestamp. Give build-timestamp (unix seconds of the build), or use a tag ID that ends in it.`,
            previousTags,
        };
    }
    const newer = previousTags.filter((_, index) => orders[index] === false);
    if (newer.length > 0) {
        return {
            kind: 'skipped',
            reason: `${promotion.environment.name} runs ${newer.join(', ')}, which is not older than ${promotion.tag} (${describeOrder(promotion)})`,
            previousTags,
        };
    }
    return { kind: 'change', previousTags, changes: plan.changes, files: plan.files };
}
/** Decides against what an open promotion branch already carries (its record). */
function decideAgainstPending(promotion, pending, branch = {}) {
    if (branch.builtForAnotherBase)
        return 'replace';
    if (pending.tag === promotion.tag && (pending.digest ?? undefined) === promotion.digest)
        return 'same';
    const requested = promotion.request.buildTimestamp;
    if (pending.tag === promotion.tag) {
        // The same tag with another digest: a rebuild, ordered by build time alone.
        return requested === undefined || (pending.buildTimestamp ?? 0) >= requested ? 'pending-is-newer' : 'replace';
    }
    if (promotion.request.intent === 'rollback')
        return 'replace';
    const newer = (0,order/* compareBuilds */.V)(promotion.environment.tags, requestedBuild(promotion), pending);
    return newer === false || newer === 'unordered' ? 'pending-is-newer' : 'replace';
}
function describeOrder(promotion) {
    const policy = promotion.environment.tags;
    return policy.kind === 'glob' || policy.kind === 'regexp'
        ? `by build time under ${(0,core_policy/* describeTagPolicy */.KR)(policy)}`
        : `in the order of ${(0,core_policy/* describeTagPolicy */.KR)(policy)}`;
}

// EXTERNAL MODULE: ./src/core/text/links.ts
var text_links = __webpack_require__(2606);
;// CONCATENATED MODULE: ./src/core/promotion/render/links.ts
// Every link we write (PR bodies, comments, the job summary, the payload's run URL) is built here,
// from the server URL the runner gives (GITHUB_SERVER_URL: github.com or a GitHub Enterprise host).
// Every part that came from outside is percent-encoded as a path segment, and the build run is
// linked only when it is a run of the source repository on the same server (core/text/links.ts).


const DEFAULT_SERVER_URL = 'https://github.com';
function commitUrl(serverUrl, repository, sha) {
    return `${(0,text_links/* repositoryUrl */.Ek)(serverUrl, repository)}/commit/${(0,text_links/* urlPathSegment */.Gl)(sha)}`;
}
function compareUrl(serverUrl, repository, from, to) {
    return `${(0,text_links/* repositoryUrl */.Ek)(serverUrl, repository)}/compare/${(0,text_links/* urlPathSegment */.Gl)(from)}...${(0,text_links/* urlPathSegment */.Gl)(to)}`;
}
/** The workflow run's page, which the payload carries as `source.runUrl`. */
function workflowRunUrl(serverUrl, repository, runId) {
    return `${repositoryUrl(serverUrl, repository)}/actions/runs/${urlPathSegment(runId)}`;
}
/** The short commit a tag ID carries (`dev-1a2b3c4d-1700000000` -> `1a2b3c4d`), if any. */
function tagSha(tag) {
    const beforeTimestamp = /(?:^|[-_.])([0-9a-f]{7,40})[-_.]\d{10}$/.exec(tag)?.[1];
    if (beforeTimestamp !== undefined)
        return beforeTimestamp;
    // At the end without a timestamp, all digits is more likely a number (a timestamp, a build) than a sha.
    const atEnd = /(?:^|[-_.])([0-9a-f]{7,40})$/.exec(tag)?.[1];
    return atEnd !== undefined && /[a-f]/.test(atEnd) ? atEnd : undefined;
}
/**
 * The source revisions a promotion can be compared from, without asking GitHub: the commit each
 * running tag ID names (`dev-1a2b3c4d-1700000000`), or, for a release built from a git tag, the git
 * tag of each running release (`refs/tags/v0.4.10` promoting `0.4.10` over `0.4.9`: `v0.4.9`, the
 * tag action's mapping run backwards). Empty when nothing tells.
 */
function compareBases(record) {
    const source = record.source;
    if (!source)
        return [];
    const shas = [...new Set(record.previousTags.map(tagSha).filter((sha) => sha !== undefined))];
    const fromShas = shas.filter((sha) => !source.sha.startsWith(sha));
    if (shas.length > 0)
        return fromShas;
    const gitTag = source.ref.startsWith('refs/tags/') ? source.ref.slice('refs/tags/'.length) : undefined;
    // The tag action turns `v1.2.3+build` into `1.2.3_build`: the git tag is a prefix, then the tag with `+` back.
    const released = record.tag.replace('_', '+');
    if (gitTag === undefined || !gitTag.endsWith(released))
        return [];
    const prefix = gitTag.slice(0, gitTag.length - released.length);
    return [...new Set(record.previousTags)]
        .filter((old) => old !== record.tag && /^\d+\.\d+\.\d+/.test(old))
        .map((old) => `${prefix}${old.replace('_', '+')}`);
}
/** The links of a promotion (a record, or a payload's source with no running tags). */
function sourceLinks(record, links) {
    const source = record.source;
    if (!source)
        return undefined;
    const { serverUrl } = links;
    return {
        repository: source.repository,
        sha: source.sha,
        ref: source.ref,
        commitUrl: commitUrl(serverUrl, source.repository, source.sha),
        runUrl: (0,text_links/* sourceRunLink */.ZW)(source, serverUrl),
        runText: source.runUrl,
        compares: compareBases(record).map((from) => ({
            from,
            url: compareUrl(serverUrl, source.repository, from, source.sha),
        })),
    };
}

// EXTERNAL MODULE: ./src/core/text/untrusted.ts
var untrusted = __webpack_require__(9069);
;// CONCATENATED MODULE: ./src/core/promotion/obsolete.ts
// Pull requests of a promotion branch that have no purpose left, and the comment each is closed
// with: the environment already runs the proposed tag or a newer one (superseded by the base branch),
// or the environment moved to another base branch (superseded by the base, or by the new pull request).




/**
 * Obsolete: every place of the environment already runs the proposed tag or one known to be newer. A
 * rollback proposes an older tag on purpose: only running that very tag makes it obsolete.
 */
function isObsolete(promotion, proposed, running) {
    return (running.length > 0 &&
        running.every((current) => current.tag === proposed.tag ||
            (proposed.intent !== 'rollback' && (0,order/* compareBuilds */.V)(promotion.environment.tags, proposed, current) === false)));
}
function closure(pull, comment, reason) {
    return { number: pull.number, url: pull.url, comment, reason: `closed pull request #${pull.number}: ${reason}` };
}
/**
 * After a run that writes nothing because the environment already runs the tag (unchanged) or a newer
 * one (skipped): the branch's pull requests into other bases, and the one into the base when what it
 * proposes (`proposed`, its record) would bring nothing newer.
 */
function closuresAfterNoChange(context, pulls) {
    const { promotion, baseBranch, base, running } = context;
    const { app, environment } = promotion;
    const at = `${(0,untrusted/* codeSpan */.SS)(baseBranch)} at [${(0,untrusted/* codeSpan */.SS)(base.slice(0, 12))}](${commitUrl(context.serverUrl, context.repository, base)})`;
    const runs = running.map((current) => (0,untrusted/* codeSpan */.SS)(`${app.image}:${current.tag}`)).join(', ');
    const tags = running.map((current) => current.tag).join(', ');
    const closures = pulls.otherBases.map((pull) => closure(pull, `Closed by gitops-promote: environment **${(0,untrusted/* inertText */.UJ)(environment.name)}** now merges into ${(0,untrusted/* codeSpan */.SS)(baseBranch)}, not ` +
        `${(0,untrusted/* codeSpan */.SS)(pull.baseRef)}, and ${(0,untrusted/* inertText */.UJ)(baseBranch)} already runs ${runs}.\n\nSuperseded by ${at}.`, `${environment.name} now merges into ${baseBranch}, which already runs ${tags}`));
    const onBase = pulls.onBase;
    if (onBase?.proposed === undefined || !isObsolete(promotion, onBase.proposed, running))
        return closures;
    const proposed = onBase.proposed;
    closures.push(closure(onBase.pull, `Closed by gitops-promote: **${(0,untrusted/* inertText */.UJ)(environment.name)}** already runs ${runs}, which is not older than ` +
        `${(0,untrusted/* codeSpan */.SS)(proposed.tag)} that this pull request proposes, so it has nothing left to promote.\n\n` +
        `Superseded by ${at}.`, `${environment.name} already runs ${tags}, not older than ${proposed.tag}`));
    return closures;
}
/** After a pull request was opened or updated on the environment's base: the branch's PRs against other bases. */
function closuresForSuccessor(promotion, baseBranch, others, successor) {
    return others.map((pull) => closure(pull, `Closed by gitops-promote: environment **${(0,untrusted/* inertText */.UJ)(promotion.environment.name)}** now merges into ${(0,untrusted/* codeSpan */.SS)(baseBranch)}, ` +
        `not ${(0,untrusted/* codeSpan */.SS)(pull.baseRef)}.\n\nSuperseded by #${successor.number} (${(0,text_links/* linkDestination */.Vh)(successor.url) ?? (0,untrusted/* codeSpan */.SS)(successor.url)}), which promotes ` +
        `${(0,untrusted/* inertText */.UJ)(promotion.app.name)} to ${(0,untrusted/* codeSpan */.SS)(promotion.tag)} on ${(0,untrusted/* inertText */.UJ)(baseBranch)}.`, `superseded by #${successor.number} (${successor.url}) on ${baseBranch}`));
}

// EXTERNAL MODULE: ./src/core/promotion/plan.ts
var plan = __webpack_require__(6130);
;// CONCATENATED MODULE: ./src/core/promotion/record.ts
const RECORD_VERSION = 1;
const RECORD_MARKER = 'gitops-promote:record';
const COMMIT_TRAILER = 'Gitops-Promote-Record:';
function buildRecord(promotion, decision, base) {
    const { request } = promotion;
    const { provenance } = request;
    return {
        v: RECORD_VERSION,
        app: promotion.app.name,
        environment: promotion.environment.name,
        image: promotion.app.image,
        tag: promotion.tag,
        ...(promotion.digest !== undefined && { digest: promotion.digest }),
        previousTags: decision.previousTags,
        changes: decision.changes.map(({ file, line, path, old, new: value }) => ({ file, line, path, old, new: value })),
        base,
        ...(request.buildTimestamp !== undefined && { buildTimestamp: request.buildTimestamp }),
        ...(provenance.dispatchId !== undefined && { dispatchId: provenance.dispatchId }),
        ...(provenance.source !== undefined && { source: provenance.source }),
        ...(provenance.kind === 'rollback' && {
            intent: 'rollback',
            reason: provenance.reason,
            basis: provenance.basis,
        }),
        ...(provenance.kind === 'promotion' && { fromEnvironment: provenance.fromEnvironment }),
    };
}
// `<`, `>` and `&` escaped so that no value can close the HTML comment or the markdown around it.
function recordJson(record) {
    return JSON.stringify(record).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function renderCommitMessage(title, record) {
    return `${title}\n\n${record.changes.map((change) => oneLine(`${change.file}: ${change.path} ${change.old} -> ${change.new}`)).join('\n')}\n\n${COMMIT_TRAILER} ${recordJson(record)}\n`;
}
function oneLine(text) {
    return text.replace(/[\r\n]+/g, ' ');
}
function parseCommitRecord(message) {
    const line = message
        .split('\n')
        .filter((candidate) => candidate.startsWith(COMMIT_TRAILER))
        .at(-1);
    return line === undefined ? undefined : parseRecordJson(line.slice(COMMIT_TRAILER.length));
}
/** The record in a PR body, with the commit it described (so a reader can tell a stale body). */
function parseBodyRecord(body) {
    // The last block is ours: the body ends with it, and a value quoted earlier cannot pose as it.
    const match = [...(body ?? '').matchAll(new RegExp(`<!-- ${RECORD_MARKER} (\\S+) (\\{.*\\}) -->`, 'g'))].at(-1);
    if (!match)
        return undefined;
    const record = parseRecordJson(match[2] ?? '');
    return record ? { record, commit: match[1] ?? '' } : undefined;
}
function parseRecordJson(text) {
    try {
        const value = JSON.parse(text);
        if (!value || value.v !== RECORD_VERSION || typeof value.tag !== 'string' || typeof value.app !== 'string')
            return undefined;
        if (typeof value.environment !== 'string' || !Array.isArray(value.changes))
            return undefined;
        return value;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/core/promotion/render/body.ts
// The pull request's text: the change table (also shown in the job summary) and the body, which
// ends with the record.



// A code span that no value can break out of: pipes would split the table, newlines the row.
function code(value) {
    return (0,untrusted/* codeSpan */.SS)(value, { inTable: true });
}
/** The table shown in the PR and the job summary. */
function renderChangeTable(changes) {
    const rows = changes.map((change) => `| ${code(change.file)} (line ${change.line}) | ${code(change.path)} | ${code(change.old)} | ${code(change.new)} |`);
    return ['| File | Path | Old | New |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
/** GitHub refuses a pull request body longer than this (422). */
const PULL_BODY_LIMIT = 65_536;
// The table is cut to keep the whole body under this, leaving room for the lines around it.
const BODY_BUDGET = 60_000;
/**
 * The body; past BODY_BUDGET characters the change table keeps the rows that fit and says how many
 * more places change (the job summary has the full table). The record block is never cut.
 */
function renderPullRequestBody(record, commit, links) {
    const full = renderBody(record, commit, links, renderChangeTable(record.changes));
    if (body_length(full) <= BODY_BUDGET)
        return full;
    const bare = renderBody(record, commit, links, '');
    const table = renderChangeTable(record.changes).split('\n');
    const kept = table.slice(0, 2);
    let room = BODY_BUDGET - body_length(bare) - 200;
    for (const row of table.slice(2)) {
        room -= body_length(row) + 1;
        if (room < 0)
            break;
        kept.push(row);
    }
    const more = record.changes.length - (kept.length - 2);
    kept.push(`| \u2026 and ${more} more places (the run's job summary lists every change) | | | |`);
    return renderBody(record, commit, links, kept.join('\n'));
}
function body_length(text) {
    return [...text].length;
}
function renderBody(record, commit, links, table) {
    const previous = record.previousTags.length > 0 ? ` (it runs ${record.previousTags.map(code).join(', ')} now)` : '';
    const from = record.fromEnvironment === undefined ? '' : `, the image healthy in **${(0,untrusted/* inertText */.UJ)(record.fromEnvironment)}**`;
    const lines = record.intent === 'rollback'
        ? [...rollbackLines(record), '', table, '']
        : [
            `Promotes **${(0,untrusted/* inertText */.UJ)(record.app)}** to ${code(record.tag)} in **${(0,untrusted/* inertText */.UJ)(record.environment)}**${from}${previous}.`,
            '',
            table,
            '',
        ];
    const source = record.source;
    if (source) {
        // Every link is built from validated parts; the build run is linked only when it is a run of the source repository.
        const { serverUrl } = links;
        const runLink = sourceLinks(record, links)?.runUrl;
        const run = runLink === undefined ? `build run ${code(source.runUrl)}` : `[build run](${runLink})`;
        lines.push(`- Source: [${(0,untrusted/* inertText */.UJ)(source.repository)}@${(0,untrusted/* inertSha */.D0)(source.sha.slice(0, 12))}](${commitUrl(serverUrl, source.repository, source.sha)}) (${code(source.ref)}), ${run}`);
        for (const from of compareBases(record)) {
            lines.push(`- Changes since ${code(from)}: [compare](${compareUrl(serverUrl, source.repository, from, source.sha)})`);
        }
    }
    if (record.dispatchId)
        lines.push(`- Dispatch: ${code(record.dispatchId)}`);
    lines.push(`- Base: ${code(record.base.slice(0, 12))}`, '', `<!-- ${RECORD_MARKER} ${commit} ${recordJson(record)} -->`, '');
    return lines.join('\n');
}
/** A rollback says what is rolled back, from what to what, and why (the reason is someone's own words). */
function rollbackLines(record) {
    const from = record.previousTags.length > 0 ? record.previousTags.map(code).join(', ') : 'what it runs';
    const lines = [
        `Rolls back **${(0,untrusted/* inertText */.UJ)(record.app)}** in **${(0,untrusted/* inertText */.UJ)(record.environment)}** from ${from} to ${code(record.tag)}.`,
        '',
        `- Reason: ${record.reason ? (0,untrusted/* inertText */.UJ)(record.reason) : '(none given)'}`,
    ];
    if (record.basis)
        lines.push(`- Target: ${(0,untrusted/* inertText */.UJ)(record.basis)}`);
    return lines;
}

// EXTERNAL MODULE: ./src/core/promotion/render/title.ts
var title = __webpack_require__(4464);
// EXTERNAL MODULE: ./src/core/promotion/resolve.ts + 1 modules
var resolve = __webpack_require__(5225);
// EXTERNAL MODULE: ./src/core/promotion/running.ts
var running = __webpack_require__(2526);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
;// CONCATENATED MODULE: ./src/core/promotion/gates.ts


/** Does the evidence prove `from` healthy with `app`'s image at `running`? */
function gates_judgeGate(from, app, image, running, evidence) {
    const wanted = imageText(image, running);
    switch (evidence.gate) {
        case 'none':
            return { passed: true, seen: 'no gate', healthySince: undefined };
        case 'commit-status': {
            const needs = `commit status ${evidence.context} success on ${from}'s commit ${evidence.commit.slice(0, 12)}`;
            const { status } = evidence;
            if (status === undefined) {
                return {
                    passed: false,
                    gate: 'commit-status',
                    saw: `no status ${evidence.context} on ${evidence.commit.slice(0, 12)}`,
                    needs,
                };
            }
            if (status.state !== 'success') {
                return {
                    passed: false,
                    gate: 'commit-status',
                    saw: `status ${evidence.context} is ${status.state} (${status.at})`,
                    needs,
                };
            }
            return {
                passed: true,
                seen: `status ${evidence.context} success (${status.at})`,
                healthySince: timeOf(status.at),
            };
        }
        case 'deployment': {
            const needs = `the latest deployment of ${from} succeeded with ${wanted}`;
            const { latest } = evidence;
            if (latest === undefined)
                return { passed: false, gate: 'deployment', saw: `no deployment of ${from}`, needs };
            const which = `the latest deployment of ${from} (${latest.id}, commit ${latest.sha.slice(0, 12)})`;
            if (latest.status === undefined)
                return { passed: false, gate: 'deployment', saw: `${which} has no status yet`, needs };
            if (latest.status.state !== 'success') {
                return {
                    passed: false,
                    gate: 'deployment',
                    saw: `${which} is ${latest.status.state} (${latest.status.at})`,
                    needs,
                };
            }
            const ofApp = (latest.images ?? []).flatMap((text) => {
                const reference = parsed(text);
                return reference && sameRepository(reference, image) ? [reference] : [];
            });
            const match = ofApp.find((reference) => reference.tag === running.tag &&
                (running.digest === undefined || reference.digest === undefined || reference.digest === running.digest));
            if (match === undefined) {
                const deployed = ofApp.length === 0 ? `no image of ${app}` : ofApp.map((reference) => reference.original).join(', ');
                return { passed: false, gate: 'deployment', saw: `${which} succeeded with ${deployed}`, needs };
            }
            return {
                passed: true,
                seen: `deployment ${latest.id} success (${latest.status.at})`,
                healthySince: timeOf(latest.status.at),
                ...(running.digest === undefined && match.digest !== undefined && { digest: match.digest }),
            };
        }
    }
}
function parsed(text) {
    try {
        return parseImageReference(text);
    }
    catch {
        return undefined;
    }
}
function timeOf(iso) {
    const time = Date.parse(iso);
    return Number.isNaN(time) ? undefined : time;
}

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
;// CONCATENATED MODULE: ./src/core/promotion/promote-plan.ts





function decidePromotion(inputs) {
    const { app, source, target, sourceRuns } = inputs;
    const route = { app: app.name, from: source.name, to: target.name };
    const blocked = (blocker, image) => ({
        ...route,
        ...(image !== undefined && { image }),
        kind: 'blocked',
        blocker,
        reason: blocker.reason,
    });
    if (sourceRuns.length !== 1) {
        const reason = sourceRuns.length === 0
            ? `${source.name} does not run ${app.name} (no manifest pins a tag of ${app.image})`
            : `${source.name} runs ${app.name} at ${sourceRuns.length} tags (${sourceRuns.map((run) => run.tag).join(', ')}); nothing says which one to promote`;
        return blocked({ kind: 'source', reason });
    }
    const running = sourceRuns[0];
    const shown = imageText(app.image, running);
    const rule = policyRule(target.name, target.tags, running.tag);
    if (rule !== undefined)
        return blocked({ kind: 'policy', rule, reason: `policy: ${rule}` }, shown);
    const record = inputs.sourceRecord?.tag === running.tag ? inputs.sourceRecord : undefined;
    const build = { tag: running.tag, buildTimestamp: record?.buildTimestamp };
    const notOlder = inputs.targetRuns.filter((current) => (current.tag === running.tag && sameDigest(current, running)) ||
        (current.tag !== running.tag && compareBuilds(target.tags, build, current) === false));
    if (notOlder.length > 0 && notOlder.length === inputs.targetRuns.length) {
        const tags = notOlder.map((current) => current.tag);
        const reason = tags.includes(running.tag)
            ? `${target.name} already runs ${shown}`
            : `${target.name} runs ${tags.join(', ')}, which is not older than ${running.tag}`;
        return blocked({ kind: 'up-to-date', running: tags, reason }, shown);
    }
    const health = judgeHealth(inputs, running);
    if (health.kind === 'blocked')
        return blocked(health.blocker, shown);
    const { verdict } = health;
    const digest = running.digest ?? verdict.digest;
    const image = imageText(app.image, { tag: running.tag, ...(digest !== undefined && { digest }) });
    const request = {
        app: app.name,
        image: app.image,
        tag: running.tag,
        ...(digest !== undefined && { digest }),
        environment: target.name,
        intent: 'forward',
        ...(record?.buildTimestamp !== undefined && { buildTimestamp: record.buildTimestamp }),
        provenance: {
            kind: 'promotion',
            fromEnvironment: source.name,
            ...(record?.dispatchId !== undefined && { dispatchId: record.dispatchId }),
            ...(record?.source !== undefined && { source: record.source }),
        },
    };
    return { ...route, kind: 'promote', image, request, reason: `healthy in ${source.name}: ${verdict.seen}` };
}
/**
 * The gate, then the soak: is `source` healthy with `running`, and has it been long enough? Shared by
 * every model of promotion (an image carried on, or an application branch merged forward).
 */
function judgeHealth(inputs, running) {
    const { app, source, target, now } = inputs;
    const verdict = judgeGate(source.name, app.name, app.image, running, inputs.evidence);
    if (!verdict.passed) {
        const { gate, saw, needs } = verdict;
        return {
            kind: 'blocked',
            blocker: { kind: 'gate', gate, saw, needs, reason: `gate ${gate}: ${saw}; needs ${needs}` },
        };
    }
    if (target.soakSeconds > 0) {
        const since = verdict.healthySince;
        const left = since === undefined ? target.soakSeconds : Math.ceil((since + target.soakSeconds * 1000 - now) / 1000);
        if (left > 0) {
            const healthySince = since === undefined ? 'unknown' : new Date(since).toISOString();
            const reason = `soak: ${target.name} waits ${formatDuration(target.soakSeconds)} after ${source.name}'s success ` +
                `(${verdict.seen}): ${formatDuration(left)} left`;
            return { kind: 'blocked', blocker: { kind: 'soak', secondsLeft: left, healthySince, reason } };
        }
    }
    return { kind: 'healthy', verdict };
}
function sameDigest(a, b) {
    return a.digest === undefined || b.digest === undefined || a.digest === b.digest;
}

;// CONCATENATED MODULE: ./src/core/promotion/index.ts
// The promotion, pure: a request matched against the config (resolve), the files to read
// (candidates), the engine's plan over them (plan), the verdict (decide, order), the pull requests
// it leaves without a purpose (obsolete), the record a branch carries (record), and the text of the
// pull request, its links and comments (render).















/***/ }),

/***/ 785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ compareBuilds)
/* harmony export */ });
/* unused harmony export tagTimestamp */
/* harmony import */ var _policy_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3381);
// Which of two builds of an app is newer. The tag policy's own order when it has one (semver,
// alphabetical, numerical); otherwise build times, read from the same evidence on both sides: when
// both tag IDs carry their build time (`dev-1a2b3c4d-1700000000`) those are compared, else each
// side's known build time (the request's or the record's build timestamp, or its tag's).

function compareBuilds(policy, candidate, current) {
    const ordered = (0,_policy_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isNewer */ .U4)(policy, candidate.tag, current.tag);
    if (ordered !== undefined)
        return ordered;
    const candidateTagTime = tagTimestamp(candidate.tag);
    const currentTagTime = tagTimestamp(current.tag);
    if (candidateTagTime !== undefined && currentTagTime !== undefined)
        return candidateTagTime > currentTagTime;
    const mine = candidate.buildTimestamp ?? candidateTagTime;
    if (mine === undefined)
        return 'unordered';
    const theirs = current.buildTimestamp ?? currentTagTime;
    return theirs === undefined ? undefined : mine > theirs;
}
/** The unix timestamp a tag ID carries at its end (`dev-1a2b3c4d-1700000000`), if any. */
function tagTimestamp(tag) {
    const match = /(?:^|[-_.])(\d{10})$/.exec(tag);
    return match ? Number(match[1]) : undefined;
}


/***/ }),

/***/ 6130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ currentTags),
/* harmony export */   z: () => (/* binding */ planPromotion)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3386);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(725);
// The engine's plan over the candidate files, and what the environment runs now.



/** The tags the changed places hold now (what the environment runs), in first-seen order. */
function currentTags(changes, image) {
    const tags = new Set();
    for (const change of changes) {
        const tag = tagOfValue(change, image);
        if (tag !== undefined)
            tags.add(tag);
    }
    return [...tags];
}
function tagOfValue(change, image) {
    if (change.old === '')
        return undefined;
    if (/(^|\.)(tag|newTag)$/.test(change.path) || /\$imagepolicy.*:tag/.test(change.note ?? '')) {
        const at = change.old.indexOf('@');
        return at === -1 ? change.old : change.old.slice(0, at);
    }
    try {
        const reference = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(change.old);
        return (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .sameRepository */ .RB)(reference, image) ? reference.tag : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Plans the edit over the candidate files with the engine, for the configured containers (or every
 * place), and reads what the environment runs now from the replaced values. No reference at all is
 * an error: the config points at manifests that do not use the image; it names the files `skipped`
 * while reading, with why.
 */
function planPromotion(promotion, files, skipped = []) {
    const containers = promotion.app.containers;
    const image = promotion.app.image;
    // One plan for all the configured containers at once: a value they share through a YAML anchor
    // is then one the bump changes for each of them (a plan per container would refuse to change it,
    // since it would change the other containers too).
    const plan = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_2__.planBump)(files, {
        image,
        tag: promotion.tag,
        ...(promotion.digest && { digest: promotion.digest }),
        ...(containers.length > 0 && { containers }),
    });
    const running = new Set();
    // Places already at the tag are not in the changes: they run the dispatched tag.
    if (plan.references > plan.changes.length)
        running.add(promotion.tag);
    for (const tag of currentTags(plan.changes, image))
        running.add(tag);
    if (plan.references === 0) {
        const where = files.length === 0 ? 'no YAML file was found' : `read ${files.map((file) => file.path).join(', ')}`;
        const scope = containers.length === 0 ? '' : ` (containers ${containers.join(', ')})`;
        // A file skipped while reading (too large, not UTF-8, binary) may be the one that held the image.
        const skips = skipped.length === 0 ? '' : `; skipped: ${skipped.join('; ')}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`no manifest of ${promotion.environment.name} references ${image}${scope} (${where}${skips}); check apps.${promotion.app.name}.paths and environments path`);
    }
    return { plan, running: [...running] };
}


/***/ }),

/***/ 4464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ promotionTitle),
/* harmony export */   k: () => (/* binding */ recordTitle)
/* harmony export */ });
/* harmony import */ var _text_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9069);

/**
 * The pull request's title and the first line of its commit: one wording wherever it is shown.
 * GitHub links references in both (a tag cut from a branch `gh-123-fix` would link issue 123), so
 * whatever could be read as one is broken by an invisible word joiner.
 */
function promotionTitle(app, tag, environment, how = {}) {
    const verb = how.intent === 'rollback' ? 'Roll back' : 'Promote';
    const from = how.from === undefined ? '' : ` (from ${how.from})`;
    return (0,_text_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .withoutAutolinks */ .h6)(`${verb} ${app} to ${tag} in ${environment}${from}`);
}
/** The title of what a record carries (a rollback, a promotion and where from), so a PR's title can be checked against its branch head. */
function recordTitle(record) {
    return promotionTitle(record.app, record.tag, record.environment, {
        ...(record.intent !== undefined && { intent: record.intent }),
        ...(record.fromEnvironment !== undefined && { from: record.fromEnvironment }),
    });
}


/***/ }),

/***/ 5225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ BRANCH_PREFIX),
  k: () => (/* binding */ resolvePromotion)
});

// EXTERNAL MODULE: ./src/core/config/index.ts + 2 modules
var core_config = __webpack_require__(8536);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
;// CONCATENATED MODULE: ./src/core/request.ts
/** The field a request's value came from, as its requester named it (for error messages). */
function requestField(request, field) {
    return request.provenance.kind === 'dispatch' ? `client_payload.${field}` : field;
}

// EXTERNAL MODULE: ./src/core/promotion/render/title.ts
var title = __webpack_require__(4464);
;// CONCATENATED MODULE: ./src/core/promotion/resolve.ts
// A request matched against the config: which app, which environment, which branch and title.





const BRANCH_PREFIX = 'gitops-promote';
/** Matches the request to the config; an unknown app or environment, or another image, is a user error. */
function resolvePromotion(config, request) {
    const environment = (0,core_config/* findEnvironment */.jY)(config, request.environment);
    const app = (0,core_config/* findApp */.J0)(config, request.app);
    if (!(0,image_ref/* sameRepository */.RB)(app.image, request.image)) {
        throw (0,errors/* invalid */.Gq)(requestField(request, 'image'), request.image, `the image of app ${app.name} in ${config.file}: ${app.image}`);
    }
    return {
        app,
        environment,
        tag: request.tag,
        digest: request.digest,
        request,
        branch: `${BRANCH_PREFIX}/${environment.name}/${app.name}`,
        title: (0,title/* promotionTitle */.A)(app.name, request.tag, environment.name, {
            intent: request.intent,
            ...(request.provenance.kind === 'promotion' && { from: request.provenance.fromEnvironment }),
        }),
    };
}


/***/ }),

/***/ 2526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ readRunningImages)
/* harmony export */ });
/* unused harmony export imageText */
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3386);
/* harmony import */ var _manifest_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(725);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6130);



// Tags no build carries (a tag ID has a sha and a time; a version has digits): no place is already at them.
const PROBE_TAG = 'gitops-promote-probe';
const PROBE_DIGEST = `sha256:${'0'.repeat(64)}`;
function readRunningImages(app, files) {
    const plan = (0,_manifest_index_js__WEBPACK_IMPORTED_MODULE_1__.planBump)(files, {
        image: app.image,
        tag: PROBE_TAG,
        digest: PROBE_DIGEST,
        readOnly: true,
        ...(app.containers.length > 0 && { containers: app.containers }),
    });
    const tags = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .currentTags */ .B)(plan.changes, app.image);
    const digests = new Set(plan.changes.flatMap((change) => digestOf(change, app.image) ?? []));
    const digest = tags.length === 1 && digests.size === 1 ? [...digests][0] : undefined;
    return {
        images: tags.map((tag) => ({ tag, ...(digest !== undefined && { digest }) })),
        references: plan.references,
        warnings: plan.warnings.filter((warning) => !warning.includes(PROBE_TAG)),
    };
}
function digestOf(change, image) {
    if (change.old === '' || change.old === PROBE_DIGEST)
        return undefined;
    if (/(^|\.)digest$/.test(change.path) || /\$imagepolicy.*:digest/.test(change.note ?? ''))
        return change.old;
    const at = change.old.indexOf('@');
    if (/(^|\.)(tag|newTag)$/.test(change.path))
        return at === -1 ? undefined : change.old.slice(at + 1);
    try {
        const reference = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageReference */ .o_)(change.old);
        return (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .sameRepository */ .RB)(reference, image) ? reference.digest : undefined;
    }
    catch {
        return undefined;
    }
}
/** `repo:tag` or `repo:tag@digest`, as summaries and deployments write it. */
function imageText(image, running) {
    return `${image}:${running.tag}${running.digest === undefined ? '' : `@${running.digest}`}`;
}


/***/ }),

/***/ 8270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ SETTER_SCREEN),
/* harmony export */   i: () => (/* binding */ SETTER_KEY)
/* harmony export */ });
// What every file holding a Flux setter marker contains, apart from the marker code that reads them
// (marker.ts, which needs the YAML library): a command can screen a tree before loading it.
/** The key Flux reads from a setter comment: `# {"$imagepolicy": "<ns>:<name>[:tag|:name|:digest]"}`. */
const SETTER_KEY = '$imagepolicy';
/** Bytes every file holding a marker contains; files without them are not parsed at all. */
const SETTER_SCREEN = `"${SETTER_KEY}"`;


/***/ }),

/***/ 2606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ parseRunUrl),
/* harmony export */   Ek: () => (/* binding */ repositoryUrl),
/* harmony export */   Gl: () => (/* binding */ urlPathSegment),
/* harmony export */   Vh: () => (/* binding */ linkDestination),
/* harmony export */   ZW: () => (/* binding */ sourceRunLink)
/* harmony export */ });
/* unused harmony exports serverOrigin, buildRunUrl */
// Links we put in pull requests and job summaries are built by us from validated parts, never
// pasted from a payload: a URL from outside is parsed, checked against the shape its source implies,
// and rebuilt; one that does not fit is shown as text (in a code span), never linked.
/** A run of a workflow: `<server>/<owner>/<repo>/actions/runs/<id>[/attempts/<n>]`. */
const RUN_PATH = /^\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})\/actions\/runs\/(\d{1,20})(?:\/attempts\/[1-9]\d{0,5})?\/?$/;
/** Parses a run URL; undefined when it is not exactly a workflow run's address. */
function parseRunUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
        return undefined;
    // The URL parser resolves `..` and percent-escapes; the text must already be in that normal form.
    if (url.href !== text)
        return undefined;
    const match = RUN_PATH.exec(url.pathname);
    if (!match)
        return undefined;
    return { origin: url.origin, repository: `${match[1]}/${match[2]}`, runId: match[3] ?? '' };
}
/** The origin of a server URL such as GITHUB_SERVER_URL, or undefined when it is no plain http(s) origin. */
function serverOrigin(serverUrl) {
    try {
        const url = new URL(serverUrl);
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            return undefined;
        if (url.username !== '' || url.password !== '')
            return undefined;
        return url.origin;
    }
    catch {
        return undefined;
    }
}
/**
 * The link to the build run of `source`, rebuilt from its parts, when `runUrl` is a run of
 * `source.repository` on the same server as the source repository (`serverUrl`); otherwise undefined.
 */
function sourceRunLink(source, serverUrl) {
    const run = parseRunUrl(source.runUrl);
    const origin = serverOrigin(serverUrl);
    if (run === undefined || origin === undefined || run.origin !== origin)
        return undefined;
    if (run.repository.toLowerCase() !== source.repository.toLowerCase())
        return undefined;
    return `${origin}/${source.repository}/actions/runs/${run.runId}`;
}
/** A run URL built by the sending side from the runner's variables, refused when a part is off. */
function buildRunUrl(serverUrl, repository, runId) {
    const origin = serverOrigin(serverUrl);
    if (origin === undefined || !/^\d{1,20}$/.test(runId))
        return undefined;
    const url = `${origin}/${repository}/actions/runs/${runId}`;
    return parseRunUrl(url) === undefined ? undefined : url;
}
// RFC 3986 path characters, less the ones Markdown or HTML give a meaning: `(`, `)`, `&`, `'`, `!`, `*`.
const PATH_SEGMENT_SAFE = /[A-Za-z0-9\-._~$+,;=:@]/;
/** One segment of a URL path, percent-encoded beyond the characters that are plain in any context. */
function urlPathSegment(text) {
    return Array.from(text, (char) => PATH_SEGMENT_SAFE.test(char) ? char : encodeCharacter(char).replace(/[!'()*]/g, percentEncode)).join('');
}
// A lone UTF-16 surrogate has no UTF-8 form: it is written as U+FFFD.
function encodeCharacter(char) {
    try {
        return encodeURIComponent(char);
    }
    catch {
        return '%EF%BF%BD';
    }
}
function percentEncode(char) {
    return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
/** `<server>/<owner>/<repo>` with both names percent-encoded as path segments. */
function repositoryUrl(serverUrl, repository) {
    const server = serverUrl.replace(/\/+$/, '');
    return `${server}/${repository.split('/').map(urlPathSegment).join('/')}`;
}
/**
 * A URL as a Markdown link destination: white space, `<`, `>`, `(`, `)`, `"`, `'`, backslash and
 * backtick percent-encoded so that it cannot end the link or the text around it; not http(s): undefined.
 */
function linkDestination(url) {
    if (!/^https?:\/\/[^/\s]/i.test(url))
        return undefined;
    return url.replace(/[\s<>()"'\\`]/g, (char) => encodeURIComponent(char).replace(/[()']/g, percentEncode));
}


/***/ }),

/***/ 2429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ MAX_MANIFEST_BYTES)
/* harmony export */ });
// What a flow reads a repository through: a snapshot of one commit (GitHubSnapshot over the API,
// FolderSnapshot over a checkout), so the action and the command line plan with the same code.
/** Files a promotion reads are manifests: a larger one is skipped with a warning, by every reader alike. */
const MAX_MANIFEST_BYTES = 1024 * 1024;


/***/ }),

/***/ 1507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ FolderSnapshot)
/* harmony export */ });
/* harmony import */ var _flows_snapshot_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2429);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(267);
// The snapshot interface over a folder (a checkout of the environment repository), for the
// command line: the same planning code as the action's, which reads through the API.


class FolderSnapshot {
    root;
    constructor(root) {
        this.root = root;
    }
    async paths() {
        const paths = [];
        // The include hook sees every file's path; nothing is opened.
        await (0,_tree_js__WEBPACK_IMPORTED_MODULE_0__/* .readTree */ .Zc)(this.root, {
            include: (path) => {
                paths.push(path);
                return false;
            },
        });
        return paths;
    }
    async read(paths, warn) {
        const wanted = new Set(paths);
        return (0,_tree_js__WEBPACK_IMPORTED_MODULE_0__/* .readTree */ .Zc)(this.root, { include: (path) => wanted.has(path), warn, maxFileBytes: _flows_snapshot_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MANIFEST_BYTES */ .Z });
    }
}


/***/ })

};

return {id,ids,modules};})