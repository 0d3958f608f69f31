(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 495;
const ids = [495];
const modules = {

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const parse = __webpack_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 9495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tagIdCommand: () => (/* binding */ tagIdCommand)
});

// EXTERNAL MODULE: ./node_modules/semver/functions/parse.js
var parse = __webpack_require__(6353);
var parse_default = /*#__PURE__*/__webpack_require__.n(parse);
// EXTERNAL MODULE: ./node_modules/semver/functions/prerelease.js
var prerelease = __webpack_require__(5714);
var prerelease_default = /*#__PURE__*/__webpack_require__.n(prerelease);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/git-ref.ts
// git's rules for the name of a ref (git-check-ref-format(1)), so that a ref git would refuse is
// refused here with the rule it breaks, before it is used or shown anywhere.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const FORBIDDEN_CHARACTERS = [
    [' ', 'a space'],
    ['~', '"~"'],
    ['^', '"^"'],
    [':', '":"'],
    ['?', '"?"'],
    ['*', '"*"'],
    ['[', '"["'],
    ['\\', 'a backslash'],
];
/** The first rule of git check-ref-format that `ref` breaks, or undefined for a valid ref name. */
function refFormatViolation(ref) {
    if (ref === '')
        return 'it is empty';
    if (ref === '@')
        return 'it is the single character "@"';
    if (CONTROL.test(ref))
        return 'it contains a control character';
    for (const [char, name] of FORBIDDEN_CHARACTERS)
        if (ref.includes(char))
            return `it contains ${name}`;
    if (ref.includes('..'))
        return 'it contains ".."';
    if (ref.includes('@{'))
        return 'it contains "@{"';
    if (ref.startsWith('/') || ref.endsWith('/'))
        return 'it begins or ends with "/"';
    if (ref.includes('//'))
        return 'it contains "//"';
    if (ref.endsWith('.'))
        return 'it ends with "."';
    for (const component of ref.split('/')) {
        if (component.startsWith('.'))
            return `its component ${JSON.stringify(component)} begins with "."`;
        if (component.endsWith('.lock'))
            return `its component ${JSON.stringify(component)} ends with ".lock"`;
    }
    return undefined;
}
const REF_FORMAT_RULES = 'a git ref name (git check-ref-format: no control characters, space, ~ ^ : ? * [ or \\, no "..", "@{" or "//", ' +
    'no component beginning with "." or ending with ".lock", not ending with "." or "/")';

;// CONCATENATED MODULE: ./src/core/tag-id.ts
/**
 * Immutable image tag IDs computed from a git ref, a commit and a build time.
 *
 * - branch push `refs/heads/<branch>`: the `format` template, `{branch}-{sha}-{ts}` by default;
 * - tag push of a semver version (`v0.4.10` or `0.4.10`): the version without `v`, prerelease kept,
 *   build metadata kept with `+` written as `_` (OCI tags have no `+`);
 * - any other git tag: the sanitised tag name;
 * - pull request: `pr-<number>-<sha>`.
 *
 * Every result is a valid OCI tag. Case is kept: OCI allows upper case, and lower-casing would make
 * `Feature` and `feature` collide. The same request always gives the same tag.
 */
// semver's functions by their own files: the package's index loads all of it (ranges, comparators,
// an LRU cache), about a millisecond of every start.




const DEFAULT_FORMAT = '{branch}-{sha}-{ts}';
const DEFAULT_SHA_LENGTH = 8;
const MIN_SHA_LENGTH = 7;
const MAX_SHA_LENGTH = 40;
const MAX_TAG_LENGTH = 128;
const FORMAT_TOKENS = ['branch', 'sha', 'ts'];
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const TIMESTAMP_PATTERN = /^\d{1,10}$/;
function computeTagId(request) {
    const sha = parseSha(request.sha);
    const shaLength = request.shaLength ?? DEFAULT_SHA_LENGTH;
    checkShaLength(shaLength, sha);
    checkTimestamp(request.timestamp);
    const shortSha = sha.slice(0, shaLength);
    const source = classifyRef(request);
    let tag;
    let version = '';
    if (source.kind === 'pull-request') {
        tag = `pr-${source.name}-${shortSha}`;
    }
    else if (source.kind === 'release') {
        version = source.version;
        tag = truncate(sanitizeTag(version.replace(/\+/g, '_')));
    }
    else if (source.kind === 'tag') {
        tag = truncate(sanitizeTag(source.name));
    }
    else {
        tag = renderBranchTag(request.format ?? DEFAULT_FORMAT, source.name, shortSha, String(request.timestamp));
    }
    if (!OCI_TAG.test(tag)) {
        throw new errors/* UserError */.yo(`ref: ${JSON.stringify(request.ref)} gives the tag ${JSON.stringify(tag)}, which is not a valid OCI tag`, {
            field: 'ref',
            value: request.ref,
        });
    }
    const rules = request.environmentMap ?? [];
    const environment = environmentFor(rules, { kind: source.kind, ref: request.ref, name: source.name, version });
    if (environment === '' && request.requireMapping && source.kind !== 'pull-request') {
        throw new errors/* UserError */.yo(`ref: ${JSON.stringify(request.ref)} is not in the environment map (${describeEnvironmentMap(rules)}); ` +
            'add a line "<branch or pattern>=<environment>" to environment-map or turn off require-mapping', { field: 'ref', value: request.ref, expected: 'a ref the environment map names' });
    }
    return {
        tag,
        kind: source.kind,
        version,
        environment,
        sha,
        timestamp: request.timestamp,
        isRelease: source.kind === 'release',
        name: source.name,
    };
}
/** Replaces characters an OCI tag cannot hold with `-`, collapses runs and trims separators at both ends. */
function sanitizeTag(text) {
    return text
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/\.{2,}/g, '.')
        .replace(/^[.-]+/, '')
        .replace(/[.-]+$/, '');
}
function parseSha(value, field = 'sha') {
    if (!/^[0-9a-fA-F]{7,64}$/.test(value))
        throw (0,errors/* invalid */.Gq)(field, value, 'a commit sha of 7 to 64 hex characters');
    return value.toLowerCase();
}
function parseShaLength(value, field = 'sha-length') {
    const length = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(length >= MIN_SHA_LENGTH && length <= MAX_SHA_LENGTH)) {
        throw (0,errors/* invalid */.Gq)(field, value, `a whole number from ${MIN_SHA_LENGTH} to ${MAX_SHA_LENGTH}`);
    }
    return length;
}
/** Unix seconds as digits; ten digits at most, so a milliseconds value is caught rather than taken. */
function parseTimestamp(value, field = 'timestamp') {
    if (!TIMESTAMP_PATTERN.test(value))
        throw (0,errors/* invalid */.Gq)(field, value, 'unix seconds (up to 10 digits, e.g. 1700000000)');
    return Number(value);
}
function checkShaLength(length, sha) {
    if (!Number.isInteger(length) || length < MIN_SHA_LENGTH || length > MAX_SHA_LENGTH) {
        throw (0,errors/* invalid */.Gq)('sha-length', length, `a whole number from ${MIN_SHA_LENGTH} to ${MAX_SHA_LENGTH}`);
    }
    if (sha.length < length)
        throw (0,errors/* invalid */.Gq)('sha', sha, `at least ${length} hex characters (sha-length)`);
}
function checkTimestamp(timestamp) {
    if (!Number.isInteger(timestamp) || timestamp < 0 || timestamp > 9_999_999_999) {
        throw (0,errors/* invalid */.Gq)('timestamp', timestamp, 'unix seconds (up to 10 digits, e.g. 1700000000)');
    }
}
/**
 * Checks a branch tag template. It must name {sha} or {ts} (otherwise every build of a branch would
 * get the same, mutable tag), and its own text must already be valid tag characters, so that what the
 * user wrote is what appears in the tag.
 */
function parseFormat(format) {
    const expected = `a template of ${FORMAT_TOKENS.map((token) => `{${token}}`).join(', ')} and the characters A-Z a-z 0-9 _ . -, naming {sha} or {ts}`;
    const parts = [];
    for (const piece of format.split(/(\{[^{}]*\})/)) {
        if (piece === '')
            continue;
        const token = /^\{(.*)\}$/.exec(piece)?.[1];
        if (token !== undefined) {
            if (!FORMAT_TOKENS.includes(token)) {
                throw (0,errors/* invalid */.Gq)('format', format, `${expected} (unknown token {${token}})`);
            }
            parts.push({ token: token });
        }
        else if (!/^[A-Za-z0-9_.-]+$/.test(piece)) {
            throw (0,errors/* invalid */.Gq)('format', format, `${expected} (${JSON.stringify(piece)} has other characters)`);
        }
        else {
            parts.push({ literal: piece });
        }
    }
    if (!parts.some((part) => 'token' in part && part.token !== 'branch')) {
        throw (0,errors/* invalid */.Gq)('format', format, `${expected} (without them every build of a branch gets the same tag)`);
    }
    const first = parts[0];
    if (first && 'literal' in first && /^[.-]/.test(first.literal)) {
        throw (0,errors/* invalid */.Gq)('format', format, `${expected} (a tag cannot start with "." or "-")`);
    }
    return parts;
}
/** The branch is cut, never the sha or the timestamp, so that a long branch name still gives a unique tag. */
function renderBranchTag(format, branch, sha, ts) {
    const parts = parseFormat(format);
    const render = (branchText) => parts
        .map((part) => {
        if ('literal' in part)
            return part.literal;
        return part.token === 'branch' ? branchText : part.token === 'sha' ? sha : ts;
    })
        .join('');
    const fixedLength = render('').length;
    if (fixedLength > MAX_TAG_LENGTH) {
        throw (0,errors/* invalid */.Gq)('format', format, `a template whose tag fits in ${MAX_TAG_LENGTH} characters`);
    }
    const branchSlots = parts.filter((part) => 'token' in part && part.token === 'branch').length;
    const room = branchSlots === 0 ? 0 : Math.floor((MAX_TAG_LENGTH - fixedLength) / branchSlots);
    const tag = sanitizeTag(render(sanitizeTag(branch).slice(0, room)));
    if (tag === '')
        throw (0,errors/* invalid */.Gq)('format', format, 'a template that gives a non-empty tag');
    return tag;
}
function truncate(tag) {
    return tag.length > MAX_TAG_LENGTH ? sanitizeTag(tag.slice(0, MAX_TAG_LENGTH)) : tag;
}
function classifyRef(request) {
    const { ref } = request;
    const violation = refFormatViolation(ref);
    if (violation !== undefined) {
        throw new errors/* UserError */.yo(`ref: got ${(0,errors/* describeValue */.bp)(ref)}, which git refuses: ${violation}; expected ${REF_FORMAT_RULES}`, {
            field: 'ref',
            value: ref,
            expected: REF_FORMAT_RULES,
        });
    }
    const pullFromRef = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref)?.[1];
    const isPullEvent = request.eventName !== undefined && PULL_REQUEST_EVENTS.includes(request.eventName);
    if (request.pullRequestNumber !== undefined || isPullEvent || pullFromRef !== undefined) {
        const number = request.pullRequestNumber ?? (pullFromRef === undefined ? undefined : Number(pullFromRef));
        if (number === undefined || !Number.isSafeInteger(number) || number < 1) {
            throw (0,errors/* invalid */.Gq)('pull request number', number ?? request.pullRequestNumber, 'a positive whole number, from the event payload or a refs/pull/<n>/merge ref');
        }
        return { kind: 'pull-request', name: String(number) };
    }
    if (ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length) {
        return { kind: 'branch', name: ref.slice('refs/heads/'.length) };
    }
    if (ref.startsWith('refs/tags/') && ref.length > 'refs/tags/'.length) {
        const name = ref.slice('refs/tags/'.length);
        const version = releaseVersion(name);
        return version === undefined ? { kind: 'tag', name } : { kind: 'release', name, version };
    }
    throw (0,errors/* invalid */.Gq)('ref', ref, 'a full git ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<number>/merge');
}
/** `v1.2.3` and `1.2.3` are releases; `V1.2.3`, `1.2` and `release-1.2.3` are plain tags. */
function releaseVersion(tagName) {
    if (!/^v?\d/.test(tagName))
        return undefined;
    const parsed = parse_default()(tagName);
    if (!parsed)
        return undefined;
    return parsed.build.length > 0 ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version;
}
const ENVIRONMENT_KEYWORDS = ['@release', '@prerelease', '@pull-request'];
const DEFAULT_ENVIRONMENT_MAP = 'dev=dev\nstg=stg\nmaster=prod\nmain=prod\n@release=prod';
const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** Parses `pattern=environment` lines; blank lines and `#` comments are skipped. */
function parseEnvironmentMap(text, field = 'environment-map') {
    const rules = [];
    for (const rawLine of text.split(/\r?\n/)) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const separator = line.indexOf('=');
        const pattern = line.slice(0, separator).trim();
        const environment = line.slice(separator + 1).trim();
        if (separator < 1 || pattern === '') {
            throw (0,errors/* invalid */.Gq)(field, line, 'lines of the form <branch or pattern>=<environment>, e.g. "main=prod"');
        }
        if (pattern.startsWith('@') && !ENVIRONMENT_KEYWORDS.includes(pattern)) {
            throw (0,errors/* invalid */.Gq)(field, line, `a branch, a refs/ pattern or one of ${ENVIRONMENT_KEYWORDS.join(', ')}`);
        }
        if (!ENVIRONMENT_NAME.test(environment)) {
            throw (0,errors/* invalid */.Gq)(field, line, 'an environment name of lower-case letters, digits and "-" after "="');
        }
        rules.push({ pattern, environment });
    }
    return rules;
}
function describeEnvironmentMap(rules) {
    return rules.length === 0 ? 'empty' : rules.map((rule) => `${rule.pattern}=${rule.environment}`).join(', ');
}
function environmentFor(rules, subject) {
    const rule = rules.find(({ pattern }) => {
        if (pattern === '@release')
            return subject.kind === 'release';
        if (pattern === '@prerelease')
            return subject.kind === 'release' && prerelease_default()(subject.version) !== null;
        if (pattern === '@pull-request')
            return subject.kind === 'pull-request';
        if (pattern.startsWith('refs/'))
            return wildcardMatches(pattern, subject.ref);
        return subject.kind === 'branch' && wildcardMatches(pattern, subject.name);
    });
    return rule?.environment ?? '';
}
/** Only `*` is special: branch patterns need nothing more, and a full glob dialect would surprise on `/`. */
function wildcardMatches(pattern, text) {
    const source = pattern
        .split('*')
        .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${source}$`).test(text);
}

// EXTERNAL MODULE: ./src/cli/command.ts + 1 modules
var command = __webpack_require__(302);
;// CONCATENATED MODULE: ./src/cli/commands/tag-id.ts



const USAGE = `usage: gitops-promote tag-id --ref <git ref> --sha <sha> [options] [--json]

Prints the immutable image tag ID for a build:
  refs/heads/<branch>        ${DEFAULT_FORMAT} (see --format), e.g. dev-1a2b3c4d-1700000000
  refs/tags/v0.4.10          0.4.10 (prerelease kept; semver build metadata "+" becomes "_")
  refs/tags/<other>          the tag name, sanitised
  refs/pull/<n>/merge        pr-<n>-<sha> (also with --pr-number, or --event-name pull_request)
Characters an OCI tag cannot hold become "-", runs collapse, leading/trailing "." and "-" go,
and long branch names are cut so that the sha and timestamp stay; case is kept.

options:
  --ref <git ref>            full git ref (required)
  --sha <sha>                commit, 7 to 64 hex characters (required)
  --timestamp <unix>         build time in unix seconds (default: now)
  --format <template>        branch tag template with {branch}, {sha}, {ts}; must name {sha} or {ts}
  --sha-length <n>           sha characters in the tag, 7 to 40 (default ${DEFAULT_SHA_LENGTH})
  --event-name <name>        workflow event; pull_request / pull_request_target make a PR tag
  --pr-number <n>            pull request number (makes a PR tag)
  --environment-map <lines>  "<pattern>=<env>" lines or comma-separated pairs
                             (default: ${DEFAULT_ENVIRONMENT_MAP.replace(/\n/g, ', ')})
  --require-mapping          fail when no environment-map line names the branch or tag
  --json                     print {"tag","version","environment","sha","timestamp","isRelease","kind"}`;
const tagIdCommand = {
    name: 'tag-id',
    summary: 'print the immutable image tag ID for a git ref and commit',
    usage: USAGE,
    options: {
        ref: { type: 'string' },
        sha: { type: 'string' },
        timestamp: { type: 'string' },
        format: { type: 'string' },
        'sha-length': { type: 'string' },
        'event-name': { type: 'string' },
        'pr-number': { type: 'string' },
        'environment-map': { type: 'string' },
        'require-mapping': { type: 'boolean' },
    },
    async run(values) {
        const timestampText = (0,command/* optionalString */.sx)(values, 'timestamp');
        const shaLengthText = (0,command/* optionalString */.sx)(values, 'sha-length');
        const prNumberText = (0,command/* optionalString */.sx)(values, 'pr-number');
        if (prNumberText !== undefined && !/^[1-9]\d*$/.test(prNumberText)) {
            throw (0,errors/* invalid */.Gq)('pr-number', prNumberText, 'a positive whole number');
        }
        const mapText = (0,command/* optionalString */.sx)(values, 'environment-map');
        const result = computeTagId({
            ref: (0,command/* requireString */.VW)(values, 'ref'),
            sha: (0,command/* requireString */.VW)(values, 'sha'),
            timestamp: timestampText === undefined ? Math.floor(Date.now() / 1000) : parseTimestamp(timestampText),
            format: (0,command/* optionalString */.sx)(values, 'format'),
            shaLength: shaLengthText === undefined ? undefined : parseShaLength(shaLengthText),
            eventName: (0,command/* optionalString */.sx)(values, 'event-name'),
            pullRequestNumber: prNumberText === undefined ? undefined : Number(prNumberText),
            // A command line holds one line more easily than several: commas separate pairs too.
            environmentMap: parseEnvironmentMap((mapText ?? DEFAULT_ENVIRONMENT_MAP).replace(/,/g, '\n')),
            requireMapping: values['require-mapping'] === true,
        });
        return {
            json: {
                tag: result.tag,
                version: result.version,
                environment: result.environment,
                sha: result.sha,
                timestamp: result.timestamp,
                isRelease: result.isRelease,
                kind: result.kind,
            },
            text: result.tag,
        };
    },
};


/***/ })

};

return {id,ids,modules};})