(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 381;
const ids = [381];
const modules = {

/***/ 3381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KR: () => (/* reexport */ tag_policy_describeTagPolicy),
  YT: () => (/* reexport */ select_isEligible),
  U4: () => (/* reexport */ isNewer),
  Cf: () => (/* reexport */ tag_policy_parseTagPolicy),
  t9: () => (/* reexport */ policiesFromAnnotations),
  W1: () => (/* reexport */ rankTags),
  se: () => (/* reexport */ selectLatest)
});

// UNUSED EXPORTS: POLICY_SPEC_FORMS, comparePolicyTags, compileGoRegexp, expandGoTemplate, explainRefusal, filteredValue, formatTagPolicy, parseGoFloat, parseSemverRange, parseVersionTag, policyFromImagePolicy, policyHasOrder, policyRule, rangeAdmits

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/policy/go-regexp.ts
// Flux reads tag filters as Go (RE2) regular expressions and extract templates in Go's
// Regexp.Expand syntax. They run here on re2js, a pure JavaScript port of RE2 with Go's syntax and
// semantics (leftmost-first matching, `(?P<name>...)`, flags anywhere, `\Q...\E`, `[[:alpha:]]`,
// `\pL`, `\x{263a}`, octal escapes; no lookaround, no backreferences) and Go's linear-time
// guarantee: a hostile pattern such as `^(a+)+$` cannot stall a bump the way JavaScript's
// backtracking RegExp would. Its syntax errors are Go's own messages.

let engine;
/**
 * The engine is loaded on first use: most runs compile no regular expression, and a bundle that
 * evaluated the port at start-up would pay for it on every cold start. In a bundle, `require` is
 * the bundler's (the module ships inside it); under the TypeScript loader it is Node's.
 */
function loadEngine() {
    if (engine)
        return engine;
    if (true) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load the bundler keeps inside the bundle
        engine = __webpack_require__(6472);
    }
    else {}
    return engine;
}
/** Go's own hints for what RE2 leaves out, added to its terse messages. */
const HINTS = [
    [/`\(\?(?:=|!|<=|<!)/, 'lookahead and lookbehind are not part of Go regular expressions'],
    [/escape sequence: `\\[1-9]`/, 'backreferences are not part of Go regular expressions'],
];
function compileGoRegexp(source, field) {
    const { RE2JS } = loadEngine();
    let compiled;
    try {
        compiled = RE2JS.compile(source);
    }
    catch (error) {
        const message = error.message.replace(/^error parsing regexp: /, '');
        const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1];
        throw (0,errors/* invalid */.Gq)(field, source, `a Go (RE2) regular expression (${message}${hint ? `; ${hint}` : ''})`);
    }
    return {
        source,
        test: (text) => compiled.test(text),
        exec: (text) => compiled.exec(text),
    };
}
/**
 * Go's Regexp.ExpandString: `$1`, `${1}`, `$name`, `${name}`; `$$` is a literal `$`. A name is the
 * longest run of letters, digits and `_` (so `$1x` means group "1x", not group 1 then "x"); an
 * unknown or unmatched group expands to nothing; a malformed `$` is kept as text.
 */
function expandGoTemplate(template, match) {
    return template.replace(/\$(?:\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/gu, (whole, braced, bare) => {
        if (whole === '$$')
            return '$';
        const name = (braced ?? bare);
        if (/^[0-9]+$/.test(name))
            return match[Number(name)] ?? '';
        return match.groups?.[name] ?? '';
    });
}

// EXTERNAL MODULE: ./node_modules/semver/classes/semver.js
var semver = __webpack_require__(7163);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/core/policy/semver-range.ts
// Semver ranges in the dialect Flux users write (Masterminds/semver v3, which Flux uses), checked
// against versions parsed and compared by npm `semver`. npm's own range grammar is close but not
// the same (no comma as AND, no `^1.x-0`, different prerelease rules), so the range grammar and
// its matching rules live here while every version comparison goes through npm `semver`.


const OPERATOR_ALIASES = {
    '': '=',
    '=': '=',
    '!=': '!=',
    '>': '>',
    '<': '<',
    '>=': '>=',
    '=>': '>=',
    '<=': '<=',
    '=<': '<=',
    '~': '~',
    '~>': '~',
    '^': '^',
};
// The grammar of a range, scanned by hand. As a regular expression, a term (one comparator, or a
// hyphen range `A - B`, where the spaces around the dash are what make it a range) is
//   \s*(?:(VERSION)\s+-\s+(VERSION)|(OPERATOR)?\s*(VERSION))
// with VERSION = v?(PART)(?:\.(PART))?(?:\.(PART))?(?:-(IDENTIFIERS))?(?:\+IDENTIFIERS)?, PART = \d+|[xX*],
// IDENTIFIERS = [0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*, OPERATOR = != >= => <= =< ~> > < = ~ ^ (first that
// fits), and the separator after it \s*,\s*|\s*$|\s+. That expression cost every start that read a
// config half a millisecond to compile (twice: V8 compiles a regular expression again, to machine code,
// on its second use), more than everything else a range takes. No backtracking is lost by scanning:
// whatever follows a shorter match of a part is not what the grammar wants next (a space, or the end).
// test/unit/policy-semver-range.test.ts holds the scanner to the expression on generated inputs.
const OPERATORS = ['!=', '>=', '=>', '<=', '=<', '~>', '>', '<', '=', '~', '^'];
const isDigit = (code) => code >= 48 && code <= 57;
const isIdentifier = (code) => isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45; /* - */
/** Where the run of white space (as \s reads it) that starts at `at` ends. */
function skipSpace(text, at) {
    while (at < text.length && /\s/.test(text[at]))
        at++;
    return at;
}
/** The end of PART at `at` (digits, or one of x X *), or -1. */
function scanPart(text, at) {
    const code = text.charCodeAt(at);
    if (isDigit(code)) {
        while (isDigit(text.charCodeAt(at)))
            at++;
        return at;
    }
    return code === 120 || code === 88 || code === 42 /* x X * */ ? at + 1 : -1;
}
/** The end of IDENTIFIERS at `at`, or -1. */
function scanIdentifiers(text, at) {
    if (!isIdentifier(text.charCodeAt(at)))
        return -1;
    for (;;) {
        while (isIdentifier(text.charCodeAt(at)))
            at++;
        if (text.charCodeAt(at) !== 46 /* . */ || !isIdentifier(text.charCodeAt(at + 1)))
            return at;
        at++;
    }
}
function scanVersion(text, at) {
    let start = at;
    if (text[start] === 'v' && scanPart(text, start + 1) !== -1)
        start++;
    let end = scanPart(text, start);
    if (end === -1)
        return undefined;
    const major = text.slice(start, end);
    let minor;
    let patch;
    let prerelease;
    if (text[end] === '.' && scanPart(text, end + 1) !== -1) {
        const minorEnd = scanPart(text, end + 1);
        minor = text.slice(end + 1, minorEnd);
        end = minorEnd;
        if (text[end] === '.' && scanPart(text, end + 1) !== -1) {
            const patchEnd = scanPart(text, end + 1);
            patch = text.slice(end + 1, patchEnd);
            end = patchEnd;
        }
    }
    if (text[end] === '-') {
        const preEnd = scanIdentifiers(text, end + 1);
        if (preEnd !== -1) {
            prerelease = text.slice(end + 1, preEnd);
            end = preEnd;
        }
    }
    if (text[end] === '+') {
        const buildEnd = scanIdentifiers(text, end + 1);
        if (buildEnd !== -1)
            end = buildEnd;
    }
    return { end, major, minor, patch, prerelease };
}
/** The term that starts at `at` (after any white space), or undefined when none does. */
function scanTerm(text, at) {
    const start = skipSpace(text, at);
    const first = scanVersion(text, start);
    if (first) {
        const dash = skipSpace(text, first.end);
        if (dash > first.end && text[dash] === '-') {
            const next = skipSpace(text, dash + 1);
            const second = next > dash + 1 ? scanVersion(text, next) : undefined;
            if (second)
                return { end: second.end, hyphen: [first, second] };
        }
    }
    const operator = OPERATORS.find((candidate) => text.startsWith(candidate, start)) ?? '';
    const version = scanVersion(text, skipSpace(text, start + operator.length));
    return version && { end: version.end, operator, version };
}
/** The separator after a term: its end and whether it holds a comma, or undefined when none fits. */
function scanSeparator(text, at) {
    const spaces = skipSpace(text, at);
    if (text[spaces] === ',')
        return { end: skipSpace(text, spaces + 1), comma: true };
    if (spaces === text.length || spaces > at)
        return { end: spaces, comma: false };
    return undefined;
}
/** Strict semver tag: MAJOR.MINOR.PATCH[-pre][+build] with an optional leading `v`, as Flux reads tags. */
function semver_range_parseVersionTag(tag) {
    if (/\s/.test(tag))
        return undefined;
    try {
        return new (semver_default())(tag);
    }
    catch {
        return undefined;
    }
}
function parseSemverRange(source, field = 'semver range') {
    const expected = 'a semver range such as "1.0.x", "^1.2", "~0.4", ">=1.0 <2.0", ">0, <2.0", "1.2 - 1.4" or "^1.x-0" (|| for OR)';
    const groups = source.split('||').map((group) => {
        const comparators = parseGroup(group);
        if (!comparators)
            throw (0,errors/* invalid */.Gq)(field, source, expected);
        return {
            comparators,
            admitsPrereleases: comparators.some((comparator) => comparator.anchor.prerelease.length > 0),
        };
    });
    return { source, groups };
}
function parseGroup(text) {
    const comparators = [];
    let position = 0;
    for (;;) {
        const term = scanTerm(text, position);
        if (!term)
            return undefined;
        const made = 'hyphen' in term
            ? [comparator('>=', term.hyphen[0]), comparator('<=', term.hyphen[1])]
            : [comparator(OPERATOR_ALIASES[term.operator] ?? '=', term.version)];
        for (const one of made) {
            if (!one)
                return undefined;
            comparators.push(one);
        }
        const separator = scanSeparator(text, term.end);
        if (!separator)
            return undefined;
        position = separator.end;
        // A trailing comma leaves an empty constraint, which Masterminds rejects.
        if (position >= text.length)
            return separator.comma ? undefined : comparators;
    }
}
function comparator(operator, { major, minor, patch, prerelease }) {
    const isWild = (part) => part === undefined || part === 'x' || part === 'X' || part === '*';
    const anyMajor = isWild(major);
    const anyMinor = !anyMajor && isWild(minor);
    const anyPatch = !anyMajor && !anyMinor && isWild(patch);
    const number = (part, wild) => (wild || part === undefined ? 0 : Number(part));
    const numbers = [
        number(major, anyMajor),
        number(minor, anyMajor || anyMinor),
        number(patch, anyMajor || anyMinor || anyPatch),
    ];
    const version = prerelease ? `${numbers.join('.')}-${prerelease}` : numbers.join('.');
    if (!semverAccepts(numbers, prerelease, version))
        return undefined;
    return {
        operator,
        anchor: new (semver_default())(version),
        anyMajor,
        anyMinor,
        anyPatch,
    };
}
/**
 * Whether npm semver makes a version of these parts (what the grammar above matched): numbers no
 * larger than it keeps exactly, numeric prerelease identifiers without a leading zero, 256 characters
 * at most. A range it cannot anchor is refused as any bad range, not as an unexpected error.
 */
function semverAccepts(numbers, prerelease, version) {
    if (version.length > 256 || numbers.some((n) => n > Number.MAX_SAFE_INTEGER))
        return false;
    return prerelease === undefined || prerelease.split('.').every((id) => !/^0\d+$/.test(id));
}
function rangeAdmits(range, version) {
    return range.groups.some((group) => (version.prerelease.length === 0 || group.admitsPrereleases) &&
        group.comparators.every((comparator) => comparatorAdmits(comparator, version)));
}
// The rules below are Masterminds' (constraints.go), including its "dirty" wildcard handling:
// `>1` means major above 1, `<=1.2` means any 1.2.z or lower, `~1` is 1.x, `^0.2` is 0.2.x.
function comparatorAdmits(c, v) {
    const wildcard = c.anyMajor || c.anyMinor || c.anyPatch;
    const order = v.compare(c.anchor);
    switch (c.operator) {
        case '=':
            return wildcard ? tildeAdmits(c, v) : order === 0;
        case '~':
            return tildeAdmits(c, v);
        case '^':
            return caretAdmits(c, v);
        case '>=':
            return order >= 0;
        case '<':
            return order < 0;
        case '>':
            if (!wildcard || c.anyMajor)
                return order > 0;
            if (v.major !== c.anchor.major)
                return v.major > c.anchor.major;
            return c.anyPatch && v.minor > c.anchor.minor;
        case '<=':
            if (!wildcard)
                return order <= 0;
            if (v.major !== c.anchor.major)
                return v.major < c.anchor.major;
            return c.anyMinor || v.minor <= c.anchor.minor;
        case '!=':
            if (c.anyMinor)
                return v.major !== c.anchor.major;
            if (v.major !== c.anchor.major || v.minor !== c.anchor.minor)
                return true;
            if (c.anyPatch)
                return (v.prerelease.length > 0 || c.anchor.prerelease.length > 0) && v.comparePre(c.anchor) !== 0;
            return order !== 0;
    }
}
function tildeAdmits(c, v) {
    if (v.compare(c.anchor) < 0)
        return false;
    // `*`, `x` and `~0.0.0` accept everything at or above the anchor.
    if (c.anyMajor || (!c.anyMinor && !c.anyPatch && `${c.anchor.major}.${c.anchor.minor}.${c.anchor.patch}` === '0.0.0'))
        return true;
    return v.major === c.anchor.major && (c.anyMinor || v.minor === c.anchor.minor);
}
function caretAdmits(c, v) {
    if (v.compare(c.anchor) < 0)
        return false;
    // Masterminds documents `^*` as "any"; its code only admits 0.0.z there. We follow the documentation.
    if (c.anyMajor)
        return true;
    if (c.anchor.major > 0 || c.anyMinor)
        return v.major === c.anchor.major;
    if (v.major > 0)
        return false;
    if (c.anchor.minor > 0 || c.anyPatch)
        return v.minor === c.anchor.minor;
    return v.minor === 0 && v.patch === c.anchor.patch;
}

;// CONCATENATED MODULE: ./src/core/policy/tag-policy.ts
// A tag policy as Flux users write it: `glob:dev-*`, `semver:~0.4`, `regexp:^0.6.*`,
// `alphabetical[:asc|desc]`, `numerical[:asc|desc]`, optionally behind an ImagePolicy-style
// filter (a Go regular expression plus an extract template). A TagPolicy is plain data you can
// print and compare; the compiled matchers are built once, when it is parsed.



const compiled = new WeakMap();
const POLICY_SPEC_FORMS = 'one of glob:<pattern>, semver:<range>, regexp:<regular expression>, alphabetical[:asc|desc], numerical[:asc|desc]';
/**
 * Parses a policy spec such as `semver:^1.x-0` or `numerical:desc`. `regex:` is read as
 * `regexp:` (Flux v1 accepts both). Throws a UserError naming the spec when it is not valid.
 */
function tag_policy_parseTagPolicy(spec, filter, field = 'policy') {
    const colon = spec.indexOf(':');
    const kind = (colon === -1 ? spec : spec.slice(0, colon)).trim().toLowerCase();
    const argument = colon === -1 ? undefined : spec.slice(colon + 1);
    const tagFilter = normaliseFilter(filter);
    const withFilter = tagFilter ? { filter: tagFilter } : {};
    let policy;
    switch (kind) {
        case 'glob':
            policy = { kind: 'glob', pattern: argument ?? '', ...withFilter };
            break;
        case 'regexp':
        case 'regex':
            policy = { kind: 'regexp', pattern: argument ?? '', ...withFilter };
            break;
        case 'semver':
            policy = { kind: 'semver', range: (argument ?? '').trim(), ...withFilter };
            break;
        case 'alphabetical':
        case 'numerical':
            policy = { kind, order: parseOrder(argument, spec, field), ...withFilter };
            break;
        default:
            throw (0,errors/* invalid */.Gq)(field, spec, POLICY_SPEC_FORMS);
    }
    compiled.set(policy, compile(policy, spec, field));
    return policy;
}
function normaliseFilter(filter) {
    const pattern = filter?.pattern ?? '';
    const extract = filter?.extract ?? '';
    if (pattern === '' && extract !== '') {
        throw new errors/* UserError */.yo(`filter extract ${JSON.stringify(extract)} needs a filter pattern to take groups from`, {
            field: 'filter.extract',
            value: extract,
            expected: 'a filter pattern alongside it',
        });
    }
    return pattern === '' ? undefined : { pattern, extract };
}
function parseOrder(argument, spec, field) {
    // Flux's ImagePolicy takes asc/desc; its Go constructors take ASC/DESC. Empty means ascending.
    const order = (argument ?? '').trim().toLowerCase();
    if (order === '' || order === 'asc')
        return 'asc';
    if (order === 'desc')
        return 'desc';
    throw (0,errors/* invalid */.Gq)(field, spec, `an order of asc or desc after "${spec.slice(0, spec.indexOf(':'))}:"`);
}
function compile(policy, spec, field) {
    const result = {};
    if (policy.filter)
        result.filter = compileGoRegexp(policy.filter.pattern, 'filter pattern');
    // Errors name the whole spec the user wrote, not just the part after the colon.
    const naming = (build) => {
        try {
            return build();
        }
        catch (error) {
            if (error instanceof errors/* UserError */.yo && error.expected)
                throw (0,errors/* invalid */.Gq)(field, spec, `"${policy.kind}:" followed by ${error.expected}`);
            throw error;
        }
    };
    if (policy.kind === 'glob')
        result.glob = globMatcher(policy.pattern);
    if (policy.kind === 'regexp')
        result.regexp = naming(() => compileGoRegexp(policy.pattern, 'regexp'));
    if (policy.kind === 'semver')
        result.range = naming(() => parseSemverRange(policy.range));
    return result;
}
/**
 * Flux v1 globs (ryanuber/go-glob): `*` matches any run of characters, everything else is literal.
 * Matched as go-glob does, prefix, suffix and each middle part in order (leftmost is always right
 * for `*` alone), in time linear in the tag for each part: a pattern of many stars cannot stall.
 */
function globMatcher(pattern) {
    const parts = pattern.split('*');
    if (parts.length === 1)
        return (value) => value === pattern;
    const first = parts[0] ?? '';
    const last = parts.at(-1) ?? '';
    const middle = parts.slice(1, -1).filter((part) => part !== '');
    return (value) => {
        if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last))
            return false;
        const end = value.length - last.length;
        let at = first.length;
        for (const part of middle) {
            const found = value.indexOf(part, at);
            if (found === -1 || found + part.length > end)
                return false;
            at = found + part.length;
        }
        return true;
    };
}
function compiledPolicy(policy) {
    const known = compiled.get(policy);
    if (known)
        return known;
    // A policy built by hand (or copied) rather than parsed: compile it from its printed form.
    const reparsed = compile(policy, formatTagPolicy(policy), 'policy');
    compiled.set(policy, reparsed);
    return reparsed;
}
/** The spec that parses back to this policy (without its filter): `semver:~0.4`, `numerical:desc`. */
function formatTagPolicy(policy) {
    switch (policy.kind) {
        case 'glob':
        case 'regexp':
            return `${policy.kind}:${policy.pattern}`;
        case 'semver':
            return `semver:${policy.range}`;
        case 'alphabetical':
        case 'numerical':
            return `${policy.kind}:${policy.order}`;
    }
}
/** One line for messages and logs: the spec, plus the filter when there is one. */
function tag_policy_describeTagPolicy(policy) {
    const spec = formatTagPolicy(policy);
    if (!policy.filter)
        return spec;
    const extract = policy.filter.extract === '' ? '' : `, extract ${JSON.stringify(policy.filter.extract)}`;
    return `${spec} (filter ${JSON.stringify(policy.filter.pattern)}${extract})`;
}
/** true when the policy orders tags itself; glob and regexp do not (Flux v1 falls back to build time). */
function policyHasOrder(policy) {
    return policy.kind !== 'glob' && policy.kind !== 'regexp';
}

;// CONCATENATED MODULE: ./src/core/policy/select.ts




/** The value the policy ranks for this tag, or undefined when the filter drops it. */
function select_filteredValue(policy, tag) {
    const filter = compiledPolicy(policy).filter;
    if (!filter || !policy.filter)
        return tag;
    const match = filter.exec(tag);
    if (!match)
        return undefined;
    return policy.filter.extract === '' ? tag : expandGoTemplate(policy.filter.extract, match);
}
function select_isEligible(policy, tag) {
    const value = select_filteredValue(policy, tag);
    return value !== undefined && valueIsEligible(policy, value);
}
function valueIsEligible(policy, value) {
    const { glob, regexp, range } = compiledPolicy(policy);
    switch (policy.kind) {
        case 'glob':
            return glob?.(value) ?? false;
        case 'regexp':
            return regexp?.test(value) ?? false;
        case 'semver': {
            const version = semver_range_parseVersionTag(value);
            return version !== undefined && range !== undefined && rangeAdmits(range, version);
        }
        case 'alphabetical':
            return true;
        case 'numerical':
            return select_parseGoFloat(value) !== undefined;
    }
}
/**
 * Every eligible tag, latest first. Ties keep Flux's winner first: for semver the earlier tag,
 * for numerical the later one. Glob and regexp have no order of their own: the list order is
 * taken as age order (oldest first), so the last listed tag ranks first; callers that know build
 * times should sort by them before asking. A numerical policy fails on any value that is not a
 * number, as Flux does, rather than skipping it.
 */
function rankTags(policy, tags) {
    const candidates = filterTags(policy, tags).filter((candidate) => valueIsEligible(policy, candidate.value));
    if (policy.kind === 'numerical') {
        const bad = filterTags(policy, tags).find((candidate) => select_parseGoFloat(candidate.value) === undefined);
        if (bad)
            throw notNumeric(policy, bad);
    }
    if (!policyHasOrder(policy))
        return candidates.reverse();
    const keyed = candidates.map((candidate, index) => ({ candidate, index }));
    keyed.sort((a, b) => compareValues(policy, b.candidate.value, a.candidate.value) || tieBreak(policy, a.index, b.index));
    return keyed.map(({ candidate }) => candidate);
}
function tieBreak(policy, a, b) {
    return policy.kind === 'numerical' ? b - a : a - b;
}
/** The latest eligible tag. Throws a UserError saying why when there is none. */
function selectLatest(policy, tags) {
    const described = tag_policy_describeTagPolicy(policy);
    if (tags.length === 0)
        throw new errors/* UserError */.yo(`no tags to choose from under policy ${described}`);
    const [latest] = rankTags(policy, tags);
    if (latest)
        return latest.tag;
    const why = filterTags(policy, tags).length === 0 ? 'matches the filter of' : 'is eligible under';
    throw new errors/* UserError */.yo(`no tag ${why} policy ${described}; tags seen: ${sample(tags)}`);
}
function sample(tags, limit = 5) {
    const shown = tags.slice(0, limit).map((tag) => JSON.stringify(tag));
    return tags.length > limit ? `${shown.join(', ')} and ${tags.length - limit} more` : shown.join(', ');
}
/**
 * Compares two tags in the policy's order: positive when `a` is newer, negative when older,
 * 0 when they rank equal. undefined when the policy has no order (glob, regexp) or either tag
 * cannot be ranked (the filter drops it, or it is not a version / number).
 */
function comparePolicyTags(policy, a, b) {
    if (!policyHasOrder(policy))
        return undefined;
    const valueA = select_filteredValue(policy, a);
    const valueB = select_filteredValue(policy, b);
    if (valueA === undefined || valueB === undefined)
        return undefined;
    if (!rankable(policy, valueA) || !rankable(policy, valueB))
        return undefined;
    return compareValues(policy, valueA, valueB);
}
/**
 * Is `candidate` newer than `current` under the policy?
 * - undefined: the policy has no order (glob, regexp); compare build timestamps instead, as Flux v1 does.
 * - false: the candidate is not eligible, or it does not rank above the current tag.
 * - true: the candidate is eligible and ranks above the current tag, or the current tag cannot be
 *   ranked at all (the filter drops it, or it is not a version): any eligible tag replaces it.
 * "Newer" is the policy's order, not its eligibility: under semver:~1.0, 1.0.5 is not newer than 2.0.0.
 */
function isNewer(policy, candidate, current) {
    if (!policyHasOrder(policy))
        return undefined;
    if (!select_isEligible(policy, candidate))
        return false;
    const order = comparePolicyTags(policy, candidate, current);
    return order === undefined ? true : order > 0;
}
function rankable(policy, value) {
    if (policy.kind === 'semver')
        return semver_range_parseVersionTag(value) !== undefined;
    if (policy.kind === 'numerical')
        return select_parseGoFloat(value) !== undefined;
    return true;
}
/** Positive when value `a` ranks above `b`. Only for policies with an order, on rankable values. */
function compareValues(policy, a, b) {
    switch (policy.kind) {
        case 'semver':
            return semver_range_parseVersionTag(a).compare(semver_range_parseVersionTag(b));
        case 'alphabetical':
            return directed(policy.order, compareBytes(a, b));
        case 'numerical':
            return directed(policy.order, Math.sign(select_parseGoFloat(a) - select_parseGoFloat(b)));
        default:
            return 0;
    }
}
function directed(order, comparison) {
    return order === 'asc' ? comparison : -comparison;
}
/** Go compares strings byte-wise; on UTF-8 that is code point order, which UTF-16 `<` is not. */
function compareBytes(a, b) {
    const pointsA = Array.from(a, (char) => char.codePointAt(0));
    const pointsB = Array.from(b, (char) => char.codePointAt(0));
    for (let index = 0; index < Math.min(pointsA.length, pointsB.length); index++) {
        const difference = pointsA[index] - pointsB[index];
        if (difference !== 0)
            return Math.sign(difference);
    }
    return Math.sign(pointsA.length - pointsB.length);
}
/** Applies the filter: one entry per distinct value, in order of first appearance, carrying the last tag that gave it. */
function filterTags(policy, tags) {
    const byValue = new Map();
    for (const tag of tags) {
        const value = select_filteredValue(policy, tag);
        if (value === undefined)
            continue;
        const known = byValue.get(value);
        if (known)
            known.tag = tag;
        else
            byValue.set(value, { tag, value });
    }
    return [...byValue.values()];
}
const GO_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GO_INFINITY = /^[+-]?(?:inf|infinity)$/i;
/**
 * strconv.ParseFloat(value, 64) as Flux's numerical policy uses it: decimal with optional sign and
 * exponent, or inf/infinity. An out-of-range number (1e400) is an error in Go, so it is here too.
 * NaN and hexadecimal floats are refused: no tag scheme uses them, and NaN has no place in an order.
 */
function select_parseGoFloat(value) {
    if (GO_INFINITY.test(value))
        return value.startsWith('-') ? -Infinity : Infinity;
    if (!GO_DECIMAL.test(value))
        return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
}
function notNumeric(policy, candidate) {
    const shown = candidate.value === candidate.tag
        ? `tag "${candidate.tag}"`
        : `tag "${candidate.tag}" (value "${candidate.value}")`;
    return new errors/* UserError */.yo(`policy ${tag_policy_describeTagPolicy(policy)}: ${shown} is not a number; a numerical policy needs every tag it sees to be one (add a filter pattern to leave others out)`);
}

;// CONCATENATED MODULE: ./src/core/policy/manifests.ts
// Tag policies as they sit in users' manifests: Flux v1 annotations on a workload or HelmRelease,
// and Flux v2 ImagePolicy objects.


// Newest form first: when one container has several, the newest wins.
const ANNOTATION_PREFIXES = ['filter.fluxcd.io/', 'fluxcd.io/tag.', 'flux.weave.works/tag.'];
const POLICY_KINDS = /^(?:(?:glob|semver|regexp|regex):|(?:alphabetical|numerical)(?::|$))/;
/**
 * Per-container tag policies from Flux v1 annotations: `filter.fluxcd.io/<container>`,
 * `fluxcd.io/tag.<container>` and `flux.weave.works/tag.<container>`, valued `glob:dev-*`,
 * `semver:~0.4`, `regexp:^0.6.*` (or `regex:`). A value without a known prefix is a glob, as in
 * Flux v1. Other annotations are ignored; a malformed policy is a UserError naming its annotation.
 */
function policiesFromAnnotations(annotations) {
    const found = new Map();
    for (const [key, value] of Object.entries(annotations)) {
        const rank = ANNOTATION_PREFIXES.findIndex((prefix) => key.startsWith(prefix));
        const prefix = ANNOTATION_PREFIXES[rank];
        if (prefix === undefined || key.length === prefix.length)
            continue;
        const container = key.slice(prefix.length);
        const policy = parseAnnotationPolicy(value, `metadata.annotations["${key}"]`);
        const known = found.get(container);
        if (!known || rank < known.rank)
            found.set(container, { policy, rank });
    }
    return new Map([...found].map(([container, { policy }]) => [container, policy]));
}
function parseAnnotationPolicy(value, field) {
    if (typeof value !== 'string')
        throw (0,errors/* invalid */.Gq)(field, value, 'a tag policy string such as "semver:~1.0"');
    const spec = value.trim();
    return tag_policy_parseTagPolicy(POLICY_KINDS.test(spec) ? spec : `glob:${spec}`, undefined, field);
}
/** Reads a Flux v2 ImagePolicy (image.toolkit.fluxcd.io v1beta1, v1beta2 or v1). */
function policyFromImagePolicy(doc) {
    const root = record(doc, 'ImagePolicy', 'an object');
    if (root.kind !== 'ImagePolicy')
        throw invalid('kind', root.kind, '"ImagePolicy"');
    if (typeof root.apiVersion !== 'string' || !root.apiVersion.startsWith('image.toolkit.fluxcd.io/')) {
        throw invalid('apiVersion', root.apiVersion, 'image.toolkit.fluxcd.io/<version>');
    }
    const metadata = record(root.metadata, 'metadata', 'an object with a name');
    const name = manifests_text(metadata.name, 'metadata.name');
    const namespace = optionalText(metadata.namespace, 'metadata.namespace');
    const id = `ImagePolicy ${namespace ? `${namespace}/` : ''}${name}`;
    try {
        const spec = record(root.spec, 'spec', 'an object');
        const repository = record(spec.imageRepositoryRef, 'spec.imageRepositoryRef', 'an object with a name');
        const imageRepositoryRef = {
            name: manifests_text(repository.name, 'spec.imageRepositoryRef.name'),
            namespace: optionalText(repository.namespace, 'spec.imageRepositoryRef.namespace') ?? namespace,
        };
        const filterTags = spec.filterTags === undefined ? {} : record(spec.filterTags, 'spec.filterTags', 'an object');
        const filter = {
            pattern: optionalText(filterTags.pattern, 'spec.filterTags.pattern') ?? '',
            extract: optionalText(filterTags.extract, 'spec.filterTags.extract') ?? '',
        };
        return {
            name,
            namespace,
            imageRepositoryRef,
            policy: parseTagPolicy(policySpec(spec.policy), filter, 'spec.policy'),
        };
    }
    catch (error) {
        if (error instanceof UserError)
            throw new UserError(`${id}: ${error.message}`, error);
        throw error;
    }
}
function policySpec(value) {
    const policy = record(value, 'spec.policy', 'an object with one of semver, alphabetical, numerical');
    const kinds = Object.keys(policy).filter((key) => policy[key] !== undefined && policy[key] !== null);
    const [kind] = kinds;
    if (kinds.length !== 1 || (kind !== 'semver' && kind !== 'alphabetical' && kind !== 'numerical')) {
        throw invalid('spec.policy', policy, 'exactly one of semver, alphabetical, numerical');
    }
    const body = record(policy[kind], `spec.policy.${kind}`, 'an object');
    if (kind === 'semver')
        return `semver:${manifests_text(body.range, 'spec.policy.semver.range')}`;
    const order = optionalText(body.order, `spec.policy.${kind}.order`) ?? 'asc';
    if (order !== 'asc' && order !== 'desc')
        throw invalid(`spec.policy.${kind}.order`, order, 'asc or desc');
    return `${kind}:${order}`;
}
function record(value, field, expected) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw invalid(field, value, expected);
    return value;
}
function manifests_text(value, field) {
    if (typeof value !== 'string' || value.trim() === '')
        throw invalid(field, value, 'a non-empty string');
    return value;
}
function optionalText(value, field) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw invalid(field, value, 'a string');
    return value === '' ? undefined : value;
}

;// CONCATENATED MODULE: ./src/core/policy/explain.ts
// Why a policy refuses a tag, in the words a reader of a job summary needs: the rule and what the
// tag lacks ("dev-abc1234-1700000000 is not a semver version"), not only that it failed.



/** What the tag lacks under the policy, or undefined when the policy admits it. */
function explainRefusal(policy, tag) {
    if (isEligible(policy, tag))
        return undefined;
    const value = filteredValue(policy, tag);
    if (value === undefined)
        return `${tag} does not match the filter pattern ${JSON.stringify(policy.filter?.pattern)}`;
    const subject = value === tag ? tag : `${tag} (extracted ${JSON.stringify(value)})`;
    switch (policy.kind) {
        case 'glob':
            return `${subject} does not match the glob ${policy.pattern}`;
        case 'regexp':
            return `${subject} does not match the regular expression ${policy.pattern}`;
        case 'semver': {
            const version = parseVersionTag(value);
            return version === undefined
                ? `${subject} is not a semver version`
                : `${subject} is a version outside the range ${policy.range}`;
        }
        case 'numerical':
            return parseGoFloat(value) === undefined ? `${subject} is not a number` : `${subject} is refused`;
        case 'alphabetical':
            return `${subject} is refused`;
    }
}
/** `prod admits semver:~0.4; dev-abc1234-1700000000 is not a semver version`, or undefined when admitted. */
function policyRule(environment, policy, tag) {
    const why = explainRefusal(policy, tag);
    return why === undefined ? undefined : `${environment} admits ${describeTagPolicy(policy)}; ${why}`;
}

;// CONCATENATED MODULE: ./src/core/policy/index.ts
// Tag policies (Flux-compatible): parse them, read them from manifests, and ask which tag wins.








/***/ })

};

return {id,ids,modules};})