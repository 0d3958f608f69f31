(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 536;
const ids = [536];
const modules = {

/***/ 8536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bi: () => (/* reexport */ DEFAULT_CONFIG_PATH),
  J0: () => (/* reexport */ findApp),
  jY: () => (/* reexport */ findEnvironment),
  BR: () => (/* reexport */ parsePromotionConfig)
});

// UNUSED EXPORTS: CONFIG_KEYS, GATES, MAX_CONFIG_BYTES, MAX_NAME_LENGTH, PROMOTE_BY, nextEnvironment, renderConfigKeyTable

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/policy/index.ts + 6 modules
var policy = __webpack_require__(3381);
// EXTERNAL MODULE: ./src/core/nesting.ts
var nesting = __webpack_require__(9209);
// EXTERNAL MODULE: ./src/core/yaml/parse.ts
var parse = __webpack_require__(2816);
;// CONCATENATED MODULE: ./src/core/config/parse.ts
// The promotion config of an environment repository (`.github/promotion.yml` by default): the
// environments in promotion order and the apps that walk through them. Each key is declared once
// (KEYS below): its parser, the value it expects (used in errors) and its documentation, from which
// the README's key table is rendered (config/table.ts). Parsing is strict: an unknown key is refused
// (a typo would otherwise be silently ignored) and every error names the file, the key and what was
// expected.






const DEFAULT_CONFIG_PATH = '.github/promotion.yml';
/** A config is a short hand-written file; anything far larger is a mistake or an attack. */
const MAX_CONFIG_BYTES = 256 * 1024;
const MAX_NAME_LENGTH = 63;
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const NAME_RULE = `a name of [a-z0-9][a-z0-9-]* (at most ${MAX_NAME_LENGTH} characters)`;
const REVIEWER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/;
const LABEL_PATTERN = /^[^\p{Cc},]{1,50}$/u;
const BRANCH_PATTERN = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{|.*\.lock$|.*\.$)[A-Za-z0-9._/+-]{1,200}$/;
const REPOSITORY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const CONTEXT_PATTERN = /^[^\p{Cc}]{1,255}$/u;
const PROMOTE_BY = ['image', 'app-branch'];
const GATES = ['deployment', 'commit-status', 'none'];
function declare(declaration) {
    return declaration;
}
const ENVIRONMENTS_EXPECTED = 'a list of environments in promotion order, e.g. [{name: dev, path: releases/dev, tags: "glob:dev-*"}]';
const TOP = {
    version: declare({
        expected: '1',
        required: false,
        default: '1',
        description: 'the version of the config format',
        parse: (value, at) => {
            if (value !== undefined && value !== 1)
                throw (0,errors/* invalid */.Gq)(at, value, '1');
            return 1;
        },
    }),
    environments: declare({
        expected: ENVIRONMENTS_EXPECTED,
        required: true,
        description: 'the environments, in promotion order (dev before stg before prod)',
        parse: (value, at) => {
            if (!Array.isArray(value) || value.length === 0)
                throw (0,errors/* invalid */.Gq)(at, value, ENVIRONMENTS_EXPECTED);
            return value;
        },
    }),
    apps: declare({
        expected: 'a mapping of app names to apps, e.g. {podinfo: {image: ghcr.io/acme/podinfo}}',
        required: true,
        description: 'the apps that walk through the environments, by name',
        parse: (value) => value,
    }),
};
const ENVIRONMENT = {
    name: declare({
        expected: NAME_RULE,
        required: true,
        description: "the environment's name, used in dispatches and branch names",
        parse: (value, at) => {
            if (!isName(value))
                throw (0,errors/* invalid */.Gq)(at, value, NAME_RULE);
            return value;
        },
    }),
    path: declare({
        expected: 'the folder of the manifests, e.g. releases/dev',
        required: true,
        description: "the folder of the environment's manifests, relative to the repository root (`.` is the root)",
        parse: (value, at) => {
            if (typeof value !== 'string')
                throw (0,errors/* invalid */.Gq)(at, value, 'the folder of the manifests, e.g. releases/dev');
            return relativePath(value, at, true);
        },
    }),
    branch: declare({
        expected: 'a branch name such as main or stg',
        required: false,
        default: "the repository's default branch",
        description: 'the branch the environment lives on, when it has its own',
        parse: (value, at) => {
            if (value === undefined)
                return undefined;
            if (typeof value !== 'string' || !BRANCH_PATTERN.test(value)) {
                throw (0,errors/* invalid */.Gq)(at, value, 'a branch name such as main or stg');
            }
            return value;
        },
    }),
    tags: declare({
        expected: 'a tag policy such as "glob:dev-*" or "semver:~0.4", or {policy, pattern, extract}',
        required: true,
        description: 'which tags may land in the environment, and their order',
        parse: (value, at) => parsePolicy(value, at),
    }),
    'auto-merge': declare({
        expected: 'true, false, merge, squash or rebase',
        required: false,
        default: 'false',
        description: "GitHub auto-merge for the environment's pull requests, with that merge method (`true` is merge)",
        parse: (value, at) => parseAutoMerge(value, at),
    }),
    reviewers: declare({
        expected: 'GitHub users (alice) or teams (org/team-slug)',
        required: false,
        default: 'none',
        description: 'users and teams asked to review each pull request',
        parse: (value, at) => parseReviewers(value, at),
    }),
    labels: declare({
        expected: 'labels of 1 to 50 characters without commas or control characters',
        required: false,
        default: 'none',
        description: 'labels added to each pull request',
        parse: (value, at) => stringList(value, at, (label) => LABEL_PATTERN.test(label) && label.trim() === label, 'labels of 1 to 50 characters without commas or control characters'),
    }),
    from: declare({
        expected: 'the name of an environment listed before this one',
        required: false,
        default: 'none: fed by dispatches only',
        description: '`promote` carries releases healthy in that earlier environment into this one',
        parse: (value, at) => {
            if (value === undefined)
                return undefined;
            if (!isName(value))
                throw (0,errors/* invalid */.Gq)(at, value, 'the name of an environment listed before this one');
            return value;
        },
    }),
    'promote-by': declare({
        expected: 'image or app-branch',
        required: false,
        default: 'image',
        description: "how `promote` carries a release: `image` bumps the image healthy in `from` into this environment's manifests; `app-branch` merges `from`'s app branch into this one's in the app repository",
        parse: (value, at) => oneOf(value, at, PROMOTE_BY, 'image'),
    }),
    'app-branch': declare({
        expected: 'a branch name such as dev, stg or master',
        required: false,
        default: 'none',
        description: 'the application repository branch whose builds feed this environment (for `promote-by: app-branch`)',
        parse: (value, at) => {
            if (value === undefined)
                return undefined;
            if (typeof value !== 'string' || !BRANCH_PATTERN.test(value)) {
                throw (0,errors/* invalid */.Gq)(at, value, 'a branch name such as dev, stg or master');
            }
            return value;
        },
    }),
    gate: declare({
        expected: 'deployment, commit-status or none',
        required: false,
        default: 'deployment',
        description: 'what proves `from` healthy: its latest GitHub Deployment succeeded with the image, a commit status (`gate-context`) on its environment commit, or nothing',
        parse: (value, at) => oneOf(value, at, GATES, 'deployment'),
    }),
    'gate-context': declare({
        expected: 'a commit status context of 1 to 255 characters',
        required: false,
        default: 'none (required by gate: commit-status)',
        description: 'the commit status context that must be `success` on the environment commit of `from`',
        parse: (value, at) => {
            if (value === undefined)
                return undefined;
            if (typeof value !== 'string' || !CONTEXT_PATTERN.test(value) || value.trim() !== value) {
                throw (0,errors/* invalid */.Gq)(at, value, 'a commit status context of 1 to 255 characters');
            }
            return value;
        },
    }),
    soak: declare({
        expected: duration/* DURATION_EXPECTED */.om,
        required: false,
        default: '0',
        description: "time that must pass after the gate's success in `from` before promoting",
        parse: (value, at) => {
            if (value === undefined)
                return 0;
            const seconds = (0,duration/* parseDuration */.E9)(value);
            if (seconds === undefined)
                throw (0,errors/* invalid */.Gq)(at, value, duration/* DURATION_EXPECTED */.om);
            return seconds;
        },
    }),
};
const APP_IMAGE_EXPECTED = 'an image repository without tag or digest, e.g. ghcr.io/acme/podinfo';
const APP = {
    image: declare({
        expected: APP_IMAGE_EXPECTED,
        required: true,
        description: "the app's image repository, as the manifests name it",
        parse: (value, at) => parseAppImage(value, at),
    }),
    paths: declare({
        expected: 'relative paths',
        required: false,
        default: 'files and folders named after the app',
        description: "folders or files under each environment's path where the app's manifests are",
        parse: (value, at) => stringList(value, at, () => true, 'relative paths').map((path, index) => relativePath(path, `${at}[${index}]`, false)),
    }),
    containers: declare({
        expected: 'container names (lowercase DNS labels)',
        required: false,
        default: 'every place that uses the image',
        description: 'only these containers (and chart images) are bumped',
        parse: (value, at) => stringList(value, at, (container) => /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(container), 'container names (lowercase DNS labels)'),
    }),
    repository: declare({
        expected: 'owner/name of a GitHub repository',
        required: false,
        default: 'none',
        description: "the app's source repository (needed by `promote-by: app-branch`)",
        parse: (value, at) => {
            if (value === undefined)
                return undefined;
            if (typeof value !== 'string' || !REPOSITORY_PATTERN.test(value) || /\/\.\.?$/.test(value)) {
                throw (0,errors/* invalid */.Gq)(at, value, 'owner/name of a GitHub repository');
            }
            return value;
        },
    }),
};
/** The keys of a `tags` mapping (a Flux ImagePolicy's policy with its filterTags pattern and extract). */
const POLICY = {
    policy: declare({
        expected: 'a tag policy such as "semver:~0.4" or "numerical:asc"',
        required: true,
        description: 'the policy that orders the extracted values',
        parse: (value) => value,
    }),
    pattern: declare({
        expected: 'a string',
        required: false,
        default: 'every tag',
        description: 'a Flux filterTags pattern (Go regexp) a tag must match',
        parse: (value) => value,
    }),
    extract: declare({
        expected: 'a string',
        required: false,
        default: 'the whole tag',
        description: 'the template (`$ts`, `${1}`) that extracts the value the policy orders',
        parse: (value) => value,
    }),
};
/** Every key of the config, by where it is written: the README's table is rendered from these. */
const parse_CONFIG_KEYS = {
    '': TOP,
    'environments[]': ENVIRONMENT,
    'apps.<name>': APP,
    'environments[].tags': POLICY,
};
/** Reads the declared keys of a mapping, in declaration order; each parser refuses what it cannot read. */
function parseDeclared(declarations, entry, place) {
    const parsed = {};
    for (const [key, declaration] of Object.entries(declarations))
        parsed[key] = declaration.parse(entry[key], place(key));
    return parsed;
}
/** Parses and validates the config text; throws UserError naming `file` and the key. */
function parsePromotionConfig(text, file = DEFAULT_CONFIG_PATH) {
    const size = new TextEncoder().encode(text).length;
    if (size > MAX_CONFIG_BYTES)
        throw (0,errors/* invalid */.Gq)(file, `${size} bytes`, `at most ${MAX_CONFIG_BYTES} bytes`);
    // The YAML parser and the checks below recurse: nesting no config needs is refused before either runs.
    const flow = (0,nesting/* yamlFlowNesting */.Ku)(text);
    if (flow.depth > nesting/* MAX_CONFIG_NESTING */.BS) {
        throw (0,errors/* invalid */.Gq)(`${file}:${flow.line}`, `${flow.depth} nested [ or {`, `at most ${nesting/* MAX_CONFIG_NESTING */.BS} levels of nesting`);
    }
    const documents = (0,parse/* parseYamlStream */.b8)(file, text);
    if (documents.length !== 1)
        throw (0,errors/* invalid */.Gq)(file, `${documents.length} YAML documents`, 'exactly one document');
    const root = (0,parse/* documentValue */.H5)(file, documents[0]);
    const deep = (0,nesting/* nestedBeyond */.L3)(root, nesting/* MAX_CONFIG_NESTING */.BS);
    if (deep !== undefined) {
        throw (0,errors/* invalid */.Gq)(`${file}: ${deep.slice(1, 80)}`, '(deeper nesting)', `at most ${nesting/* MAX_CONFIG_NESTING */.BS} levels of nesting`);
    }
    const at = (key) => `${file}: ${key}`;
    const top = mapping(root, file, Object.keys(TOP), at('(top level)'));
    const fields = parseDeclared(TOP, top, at);
    const environments = fields.environments.map((value, index) => parseEnvironment(value, at(`environments[${index}]`)));
    const seen = new Set();
    environments.forEach((environment, index) => {
        if (seen.has(environment.name))
            throw (0,errors/* invalid */.Gq)(at(`environments[${index}].name`), environment.name, 'a name used once');
        seen.add(environment.name);
    });
    fields.environments.forEach((value, index) => checkPromotionKeys(environments, index, value, at(`environments[${index}]`)));
    const appsValue = mapping(top.apps, file, undefined, at('apps'));
    const apps = new Map();
    for (const [name, value] of Object.entries(appsValue)) {
        if (!isName(name))
            throw (0,errors/* invalid */.Gq)(at('apps'), name, `app keys that are ${NAME_RULE}`);
        apps.set(name, parseApp(name, value, at(`apps.${name}`)));
    }
    if (apps.size === 0)
        throw (0,errors/* invalid */.Gq)(at('apps'), appsValue, 'at least one app, e.g. {podinfo: {image: ghcr.io/acme/podinfo}}');
    const byAppBranch = environments.find((environment) => environment.promoteBy === 'app-branch');
    if (byAppBranch) {
        const withoutRepository = [...apps.values()].find((app) => app.repository === undefined);
        if (withoutRepository) {
            throw (0,errors/* invalid */.Gq)(at(`apps.${withoutRepository.name}.repository`), undefined, `owner/name of the app's repository (environment ${byAppBranch.name} is promoted by app-branch)`);
        }
    }
    return { file, environments, apps };
}
function findEnvironment(config, name) {
    if (name === undefined)
        return config.environments[0];
    const environment = config.environments.find((candidate) => candidate.name === name);
    if (!environment) {
        const known = config.environments.map((candidate) => candidate.name).join(', ');
        throw (0,errors/* invalid */.Gq)('environment', name, `one of the environments in ${config.file}: ${known}`);
    }
    return environment;
}
function findApp(config, name) {
    const app = config.apps.get(name);
    if (!app)
        throw (0,errors/* invalid */.Gq)('app', name, `one of the apps in ${config.file}: ${[...config.apps.keys()].join(', ')}`);
    return app;
}
/** The environment after `name` in promotion order, if any. */
function nextEnvironment(config, name) {
    const index = config.environments.findIndex((candidate) => candidate.name === name);
    return index === -1 ? undefined : config.environments[index + 1];
}
function parseEnvironment(value, at) {
    const entry = mapping(value, at, Object.keys(ENVIRONMENT), at);
    const fields = parseDeclared(ENVIRONMENT, entry, (key) => `${at}.${key}`);
    const { 'auto-merge': autoMerge, 'promote-by': promoteBy, 'app-branch': appBranch, 'gate-context': gateContext, soak: soakSeconds, ...rest } = fields;
    return { ...rest, autoMerge, promoteBy, appBranch, gateContext, soakSeconds };
}
/** The promotion keys that depend on each other or on other environments (each key alone is already valid). */
function checkPromotionKeys(environments, index, entry, at) {
    const environment = environments[index];
    const { from } = environment;
    if (from === undefined) {
        // These keys only say how a promotion into this environment works; without `from` there is none.
        const stray = ['promote-by', 'gate', 'gate-context', 'soak'].find((key) => entry[key] !== undefined);
        if (stray !== undefined)
            throw (0,errors/* invalid */.Gq)(`${at}.${stray}`, entry[stray], `no ${stray} without from (the environment promoted from)`);
    }
    else {
        const source = environments.findIndex((candidate) => candidate.name === from);
        if (source === -1 || source >= index) {
            const earlier = environments.slice(0, index).map((candidate) => candidate.name);
            throw (0,errors/* invalid */.Gq)(`${at}.from`, from, earlier.length === 0
                ? 'no from on the first environment (nothing is listed before it)'
                : `the name of an environment listed before this one: ${earlier.join(', ')}`);
        }
    }
    if (environment.gate === 'commit-status' && environment.gateContext === undefined)
        throw (0,errors/* invalid */.Gq)(`${at}.gate-context`, undefined, 'a commit status context (gate is commit-status)');
    if (environment.gate !== 'commit-status' && environment.gateContext !== undefined)
        throw (0,errors/* invalid */.Gq)(`${at}.gate-context`, environment.gateContext, `no gate-context unless gate is commit-status`);
    // The soak counts from the gate's success; gate none has no success to count from.
    if (environment.gate === 'none' && environment.soakSeconds > 0)
        throw (0,errors/* invalid */.Gq)(`${at}.soak`, entry.soak, 'no soak with gate none (the soak counts from the success the gate sees)');
    if (environment.promoteBy === 'app-branch') {
        if (environment.appBranch === undefined)
            throw (0,errors/* invalid */.Gq)(`${at}.app-branch`, undefined, 'the app branch this environment runs (promote-by is app-branch)');
        const source = environments.find((candidate) => candidate.name === from);
        if (source.appBranch === undefined) {
            throw (0,errors/* invalid */.Gq)(`${at}.from`, from, `an environment with an app-branch to merge from (promote-by is app-branch; ${from} has none)`);
        }
        if (source.appBranch === environment.appBranch)
            throw (0,errors/* invalid */.Gq)(`${at}.app-branch`, environment.appBranch, `a branch other than ${from}'s app-branch`);
    }
}
function oneOf(value, at, allowed, absent) {
    if (value === undefined)
        return absent;
    if (typeof value === 'string' && allowed.includes(value))
        return value;
    throw (0,errors/* invalid */.Gq)(at, value, allowed.join(', ').replace(/, ([^,]*)$/, ' or $1'));
}
function parseApp(name, value, at) {
    const entry = mapping(value, at, Object.keys(APP), at);
    return { name, ...parseDeclared(APP, entry, (key) => `${at}.${key}`) };
}
function parseAppImage(value, at) {
    const expected = APP_IMAGE_EXPECTED;
    if (typeof value !== 'string')
        throw (0,errors/* invalid */.Gq)(at, value, expected);
    let reference;
    try {
        reference = (0,image_ref/* parseImageReference */.o_)(value);
    }
    catch {
        throw (0,errors/* invalid */.Gq)(at, value, expected);
    }
    if (reference.tag !== undefined || reference.digest !== undefined)
        throw (0,errors/* invalid */.Gq)(at, value, expected);
    return value;
}
function parsePolicy(value, at) {
    const expected = 'a tag policy such as "glob:dev-*" or "semver:~0.4", or {policy, pattern, extract}';
    let spec = value;
    let filter;
    if (isPlainObject(value)) {
        const entry = mapping(value, at, Object.keys(POLICY), at);
        spec = entry.policy;
        for (const key of ['pattern', 'extract']) {
            if (entry[key] !== undefined && typeof entry[key] !== 'string')
                throw (0,errors/* invalid */.Gq)(`${at}.${key}`, entry[key], 'a string');
        }
        filter = { pattern: entry.pattern, extract: entry.extract };
    }
    if (typeof spec !== 'string' || spec === '')
        throw (0,errors/* invalid */.Gq)(at, value, expected);
    try {
        return (0,policy/* parseTagPolicy */.Cf)(spec, filter, at);
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo && !error.message.startsWith(at))
            throw new errors/* UserError */.yo(`${at}: ${error.message}`, error);
        throw error;
    }
}
function parseAutoMerge(value, at) {
    if (value === undefined || value === false)
        return false;
    if (value === true)
        return 'merge';
    if (value === 'merge' || value === 'squash' || value === 'rebase')
        return value;
    throw (0,errors/* invalid */.Gq)(at, value, 'true, false, merge, squash or rebase');
}
function parseReviewers(value, at) {
    const reviewers = stringList(value, at, (reviewer) => REVIEWER_PATTERN.test(reviewer), 'GitHub users (alice) or teams (org/team-slug)');
    return {
        users: reviewers.filter((reviewer) => !reviewer.includes('/')),
        teams: reviewers.filter((reviewer) => reviewer.includes('/')).map((team) => team.slice(team.indexOf('/') + 1)),
    };
}
/** A path inside the repository, normalised (no `./`, no trailing `/`); `..`, absolute paths and odd bytes are refused. */
function relativePath(value, at, allowRoot) {
    const expected = 'a relative path inside the repository (no "..", no leading "/", no backslashes or control characters)';
    // eslint-disable-next-line no-control-regex
    if (value.startsWith('/') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value) || value.length > 1024) {
        throw (0,errors/* invalid */.Gq)(at, value, expected);
    }
    const segments = value.split('/').filter((segment) => segment !== '' && segment !== '.');
    if (segments.some((segment) => segment === '..'))
        throw (0,errors/* invalid */.Gq)(at, value, expected);
    if (segments.length === 0 && !allowRoot)
        throw (0,errors/* invalid */.Gq)(at, value, `${expected}, not the environment folder itself`);
    return segments.join('/');
}
function stringList(value, at, valid, expected) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw (0,errors/* invalid */.Gq)(at, value, `a list of ${expected}`);
    return value.map((item, index) => {
        if (typeof item !== 'string' || !valid(item))
            throw (0,errors/* invalid */.Gq)(`${at}[${index}]`, item, expected);
        return item;
    });
}
function mapping(value, file, keys, at) {
    if (!isPlainObject(value))
        throw (0,errors/* invalid */.Gq)(at, value, keys ? `a mapping with the keys ${keys.join(', ')}` : 'a mapping');
    if (keys) {
        const unknownKey = Object.keys(value).find((key) => !keys.includes(key));
        if (unknownKey !== undefined)
            throw (0,errors/* invalid */.Gq)(at, unknownKey, `only the keys ${keys.join(', ')} (unknown key in ${file})`);
    }
    return value;
}
function isName(value) {
    return typeof value === 'string' && value.length <= MAX_NAME_LENGTH && NAME_PATTERN.test(value);
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

// EXTERNAL MODULE: ./src/core/text/untrusted.ts
var untrusted = __webpack_require__(9069);
;// CONCATENATED MODULE: ./src/core/config/table.ts
// The README's table of the config's keys, rendered from the same declarations the parser reads,
// so the documentation cannot drift from what is accepted (a test compares it with the README).

const codeSpan = (text) => span(text, { inTable: true });

function renderConfigKeyTable() {
    const rows = Object.entries(CONFIG_KEYS).flatMap(([where, keys]) => Object.entries(keys).map(([key, declaration]) => {
        const name = where === '' ? key : `${where}.${key}`;
        const cells = [
            codeSpan(name),
            declaration.required ? 'yes' : 'no',
            declaration.default === undefined ? '' : declaration.default,
            declaration.description,
            codeSpan(declaration.expected),
        ];
        return `| ${cells.join(' | ')} |`;
    }));
    return ['| key | required | default | what | value |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

;// CONCATENATED MODULE: ./src/core/config/index.ts
// The promotion config: parsing (parse.ts, one declaration per key) and the README's key table (table.ts).




/***/ }),

/***/ 8571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   om: () => (/* binding */ DURATION_EXPECTED)
/* harmony export */ });
/* unused harmony exports MAX_DURATION_SECONDS, formatDuration */
// Durations as people write them in a config (`30m`, `2h`, `1d`, `1h30m`, `0`): whole units only, so
// a value means the same to every reader; the largest is bounded so arithmetic on times stays exact.
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
// Units largest first, each at most once: `30m1h` and `1h1h` are typos, not durations.
const DURATION_PATTERN = /^(?:(\d{1,6})w)?(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/;
/** A year: a soak longer than that is a typo. */
const MAX_DURATION_SECONDS = 366 * 86_400;
const DURATION_EXPECTED = 'a duration such as 0, 30m, 2h, 1d or 1h30m (units w, d, h, m, s; at most 366d)';
/** Seconds in `value`, or undefined when it is not a duration. */
function parseDuration(value) {
    if (value === 0 || value === '0')
        return 0;
    if (typeof value !== 'string' || value === '')
        return undefined;
    const match = DURATION_PATTERN.exec(value);
    if (!match)
        return undefined;
    const sizes = [UNIT_SECONDS.w, UNIT_SECONDS.d, UNIT_SECONDS.h, UNIT_SECONDS.m, UNIT_SECONDS.s];
    const seconds = sizes.reduce((sum, size, index) => sum + Number(match[index + 1] ?? 0) * size, 0);
    return seconds <= MAX_DURATION_SECONDS ? seconds : undefined;
}
/** `5400` -> `1h30m`; `0` -> `0s`. For "time left" in reasons and summaries. */
function formatDuration(totalSeconds) {
    let rest = Math.max(0, Math.ceil(totalSeconds));
    if (rest === 0)
        return '0s';
    const parts = [];
    for (const unit of ['d', 'h', 'm', 's']) {
        const size = UNIT_SECONDS[unit];
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return parts.join('');
}


/***/ }),

/***/ 9209:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ MAX_CONFIG_NESTING),
/* harmony export */   F8: () => (/* binding */ MAX_PAYLOAD_NESTING),
/* harmony export */   Ks: () => (/* binding */ topField),
/* harmony export */   Ku: () => (/* binding */ yamlFlowNesting),
/* harmony export */   L3: () => (/* binding */ nestedBeyond)
/* harmony export */ });
// Bounds on how deeply a payload or a config may nest, checked without recursion: a 5,000-deep array
// fits well inside GitHub's 64 KiB payload limit, and any recursive walk of it (our checks,
// JSON.stringify in an error message) would overflow the stack.
/** The deepest nesting a dispatch payload needs: source is 2 levels, extra holds up to 8 more. */
const MAX_PAYLOAD_NESTING = 12;
/** The deepest nesting a promotion config needs (apps.<name>.tags.pattern is 4). */
const MAX_CONFIG_NESTING = 16;
/**
 * The path (`.a[3].b`) of the first object or array nested deeper than `limit` inside `value` (whose
 * own level is 1), or undefined when none is. Walks with an explicit stack.
 */
function nestedBeyond(value, limit) {
    const stack = [{ value, path: '', depth: 1 }];
    while (stack.length > 0) {
        const current = stack.pop();
        if (typeof current.value !== 'object' || current.value === null)
            continue;
        if (current.depth > limit)
            return current.path;
        const children = Array.isArray(current.value)
            ? current.value.map((item, index) => [`[${index}]`, item])
            : Object.entries(current.value).map(([key, item]) => [`.${key}`, item]);
        for (const [step, item] of children.reverse()) {
            stack.push({ value: item, path: `${current.path}${step}`, depth: current.depth + 1 });
        }
    }
    return undefined;
}
/** The top-level key of a path from nestedBeyond (`.extra[0][0]` is `extra`); empty for an array index. */
function topField(path) {
    return /^\.([^.[]+)/.exec(path)?.[1] ?? '';
}
/**
 * The deepest flow-collection nesting (`[` and `{`) of a YAML text and the line where it is reached,
 * skipping quoted strings and comments: checked before parsing, because the parser recurses.
 */
function yamlFlowNesting(text) {
    let depth = 0;
    let deepest = { depth: 0, line: 1 };
    let line = 1;
    let quote;
    let comment = false;
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === '\n') {
            line++;
            comment = false;
            continue;
        }
        if (comment)
            continue;
        if (quote !== undefined) {
            if (char === '\\' && quote === '"')
                index++;
            else if (char === quote)
                quote = undefined;
            continue;
        }
        if (char === '"' || char === "'")
            quote = char;
        else if (char === '#' && (index === 0 || /\s/.test(text[index - 1] ?? '')))
            comment = true;
        else if (char === '[' || char === '{') {
            depth++;
            if (depth > deepest.depth)
                deepest = { depth, line };
        }
        else if ((char === ']' || char === '}') && depth > 0)
            depth--;
    }
    return deepest;
}


/***/ })

};

return {id,ids,modules};})