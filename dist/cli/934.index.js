(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 934;
const ids = [934];
const modules = {

/***/ 948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* harmony import */ var _github_scheduler_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6470);
// Stands in for Bottleneck's light build, which octokit's retry and throttling plugins import as their
// scheduler: in the bundles through the `paths` entry in tsconfig.json, in the tests and the bench
// through the same mapping (scripts/aliases-hook.mjs), so that all of them run the plugins on the same
// limiter. Bottleneck waits for the timer queue several times per job, about 4 ms per limiter and
// request; the retry plugin makes one limiter per request and the throttling plugin passes each
// request through two to four more. The limiter of src/github/scheduler.ts keeps what the plugins ask
// of theirs.

/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (_github_scheduler_js__WEBPACK_IMPORTED_MODULE_0__/* .Limiter */ .jG);


/***/ }),

/***/ 5506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KK: () => (/* binding */ commitsTouchingPaths),
/* harmony export */   QO: () => (/* binding */ GitCommitSnapshot),
/* harmony export */   WL: () => (/* binding */ resolveCommit)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _flows_snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2429);
// The history of a local work tree, read with git (argument arrays, never a shell): the commits that
// touched some paths, and a snapshot of each commit's tree, for the command line's rollback.




function git(dir, args) {
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', ['-C', dir, ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
            if (!error)
                return resolve(stdout);
            const detail = stderr.toString('utf8').trim().split('\n')[0] ?? error.message;
            reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`git ${args[0] ?? ''} in ${dir} failed: ${detail}`));
        });
    });
}
/** Commits of `head` that touched any of `paths` (relative to `dir`), newest first, at most `limit`. */
async function commitsTouchingPaths(dir, paths, limit, head = 'HEAD') {
    const out = await git(dir, [
        'log',
        '--format=%H',
        `--max-count=${limit}`,
        head,
        '--',
        ...paths.map((path) => `./${path}`),
    ]);
    return out
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '');
}
/** One commit's tree, with paths relative to `dir` (the work tree folder git runs in). */
class GitCommitSnapshot {
    dir;
    commit;
    constructor(dir, commit) {
        this.dir = dir;
        this.commit = commit;
    }
    async paths() {
        const out = await git(this.dir, ['ls-tree', '-r', '-z', '--name-only', this.commit]);
        return out
            .toString('utf8')
            .split('\0')
            .filter((path) => path !== '');
    }
    async read(paths, warn) {
        const files = [];
        for (const path of paths) {
            const bytes = await git(this.dir, ['cat-file', 'blob', `${this.commit}:./${path}`]);
            if (bytes.length > _flows_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .Z) {
                warn(`${path}: ${bytes.length} bytes is over the ${_flows_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .Z}-byte limit for manifests, skipped`);
                continue;
            }
            const text = bytes.toString('utf8');
            files.push((0,node_buffer__WEBPACK_IMPORTED_MODULE_1__.isUtf8)(bytes) ? { path, text } : { path, text, invalidUtf8: true });
        }
        return files;
    }
}
/** The commit a revision names in the work tree's repository, or undefined when there is none. */
async function resolveCommit(dir, revision) {
    try {
        const out = await git(dir, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
        return out.toString('utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rK: () => (/* binding */ DEFAULT_API_URL),
  LX: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: GitHubOctokit, isLoopback, proxyConfigured

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-request-log/dist-src/index.js + 1 modules
var plugin_request_log_dist_src = __webpack_require__(5077);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/github/http-transport.ts
// Octokit's transport on node:http and node:https instead of Node's global fetch. The global fetch is
// undici, which Node compiles and evaluates on the first call: 25 to 35 ms of a step's cold start
// before its first request, more than bare node takes to start at all. This speaks the part of the
// fetch contract that @octokit/request uses (status, url, headers, text, arrayBuffer, a streamed body,
// redirects, AbortSignal) and fails the way fetch fails (a TypeError "fetch failed" with the cause;
// the abort reason on abort), so octokit's retry and error handling see what they saw before.
// With a proxy configured the client keeps Node's fetch (see client.ts), which honours it.

/** The response headers, read as a fetch Headers is: names in lower case, repeated values joined. */
class TransportHeaders {
    #values = new Map();
    constructor(raw = []) {
        for (let index = 0; index + 1 < raw.length; index += 2) {
            const name = raw[index].toLowerCase();
            const value = raw[index + 1];
            const previous = this.#values.get(name);
            this.#values.set(name, previous === undefined ? value : `${previous}, ${value}`);
        }
    }
    get(name) {
        return this.#values.get(name.toLowerCase()) ?? null;
    }
    has(name) {
        return this.#values.has(name.toLowerCase());
    }
    forEach(callback) {
        for (const [name, value] of this)
            callback(value, name);
    }
    *entries() {
        // Sorted by name, as a fetch Headers iterates.
        for (const name of [...this.#values.keys()].sort())
            yield [name, this.#values.get(name)];
    }
    keys() {
        return [...this.entries()].map(([name]) => name)[Symbol.iterator]();
    }
    [Symbol.iterator]() {
        return this.entries();
    }
}
class TransportResponse {
    status;
    statusText;
    ok;
    headers;
    url;
    redirected;
    type = 'basic';
    #stream;
    #signal;
    #used = false;
    constructor(parts) {
        this.status = parts.status;
        this.statusText = parts.statusText;
        this.ok = parts.status >= 200 && parts.status <= 299;
        this.headers = new TransportHeaders(parts.rawHeaders);
        this.url = parts.url;
        this.redirected = parts.redirected;
        this.#stream = parts.stream;
        this.#signal = parts.signal;
    }
    get bodyUsed() {
        return this.#used;
    }
    /** The body as a web ReadableStream (null for a response without one), as fetch gives it. */
    get body() {
        if (this.#stream === undefined)
            return null;
        this.#used = true;
        return toWebStream(this.#stream);
    }
    async arrayBuffer() {
        const bytes = await this.#bytes();
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    async text() {
        return new TextDecoder().decode(await this.#bytes());
    }
    async json() {
        return JSON.parse(await this.text());
    }
    async #bytes() {
        if (this.#used)
            throw new TypeError('Body is unusable: Body has already been read');
        this.#used = true;
        if (this.#stream === undefined)
            return Buffer.alloc(0);
        const chunks = [];
        try {
            for await (const chunk of this.#stream)
                chunks.push(chunk);
        }
        catch (error) {
            // As fetch: the abort reason when aborted, else "terminated" with what broke the body.
            throw this.#signal?.aborted ? abortReason(this.#signal) : new TypeError('terminated', { cause: error });
        }
        return Buffer.concat(chunks);
    }
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
// Dropped when a redirect leaves the origin, as fetch drops them: the token is GitHub's alone.
const ORIGIN_BOUND_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'host'];
// Dropped with the body when a redirect turns the request into a GET.
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];
/** A fetch for octokit (`new Octokit({ request: { fetch: httpFetch } })`) over node:http and node:https. */
async function httpFetch(input, init = {}) {
    const signal = init.signal ?? undefined;
    let url = parseUrl(String(input));
    let method = (init.method ?? 'GET').toUpperCase();
    const headers = requestHeaders(init.headers);
    let body = await requestBody(init.body, headers);
    for (let redirects = 0;; redirects++) {
        const response = await send(url, method, headers, body, signal);
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (!REDIRECTS.has(status) || location === undefined || init.redirect === 'manual') {
            return respond(response, url, method, redirects > 0, signal);
        }
        response.resume();
        if (init.redirect === 'error')
            throw fetchFailed(new Error(`unexpected redirect (${status}) to ${location}`));
        if (redirects >= MAX_REDIRECTS)
            throw fetchFailed(new Error('redirect count exceeded'));
        const next = parseUrl(location, url);
        if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
            method = 'GET';
            body = undefined;
            for (const name of BODY_HEADERS)
                delete headers[name];
        }
        else if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
            // A streamed body was sent once and cannot be sent again, which fetch refuses the same way.
            throw fetchFailed(new Error(`a streamed request body cannot follow a ${status} redirect`));
        }
        if (next.origin !== url.origin)
            for (const name of ORIGIN_BOUND_HEADERS)
                delete headers[name];
        url = next;
    }
}
function parseUrl(text, base) {
    let url;
    try {
        url = new URL(text, base);
    }
    catch (error) {
        throw new TypeError(`Failed to parse URL from ${text}`, { cause: error });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw fetchFailed(new Error('unknown scheme'));
    return url;
}
function requestHeaders(given) {
    const headers = {};
    const entries = given === undefined ? [] : Symbol.iterator in given ? given : Object.entries(given);
    for (const [name, value] of entries)
        headers[name.toLowerCase()] = String(value);
    headers.accept ??= '*/*';
    headers['accept-encoding'] ??= 'gzip, deflate, br';
    return headers;
}
async function requestBody(body, headers) {
    if (body === null || body === undefined)
        return undefined;
    if (typeof body === 'string') {
        headers['content-type'] ??= 'text/plain;charset=UTF-8';
        headers['content-length'] = String(Buffer.byteLength(body));
        return body;
    }
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
        const bytes = body instanceof ArrayBuffer ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
        headers['content-length'] = String(bytes.byteLength);
        return bytes;
    }
    if (Symbol.asyncIterator in body)
        return body;
    throw new TypeError('httpFetch: a request body is a string, bytes or an async iterable of bytes');
}
function send(url, method, headers, body, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortReason(signal));
            return;
        }
        // node:https (with tls and crypto) only for an https URL: loading it costs more than node:http.
        const send = url.protocol === 'https:' ? process.getBuiltinModule('node:https').request : external_node_http_.request;
        const request = send(url, {
            method,
            headers: headers,
        });
        const onAbort = () => {
            request.destroy();
            reject(abortReason(signal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        request.on('response', (response) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(response);
        });
        request.on('error', (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(signal?.aborted ? abortReason(signal) : fetchFailed(error));
        });
        if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
            request.end(body);
            return;
        }
        void (async () => {
            try {
                for await (const chunk of body) {
                    if (!request.write(chunk))
                        await new Promise((resume) => request.once('drain', resume));
                }
                request.end();
            }
            catch (error) {
                request.destroy(error);
            }
        })();
    });
}
/** The response with its body decoded as fetch decodes it, abortable until it has been read. */
function respond(response, url, method, redirected, signal) {
    const status = response.statusCode ?? 0;
    const bodiless = method === 'HEAD' || status === 204 || status === 205 || status === 304;
    let stream;
    if (bodiless) {
        response.resume();
    }
    else {
        const body = decoded(response, response.headers);
        stream = body;
        if (signal) {
            const onAbort = () => {
                response.destroy();
                body.destroy(new Error('aborted'));
            };
            signal.addEventListener('abort', onAbort, { once: true });
            body.once('close', () => signal.removeEventListener('abort', onAbort));
        }
    }
    return new TransportResponse({
        status,
        statusText: response.statusMessage ?? '',
        rawHeaders: response.rawHeaders,
        url: url.href,
        redirected,
        stream,
        signal,
    });
}
function decoded(response, headers) {
    const encoding = headers['content-encoding']?.trim().toLowerCase();
    if (encoding === undefined || encoding === '' || encoding === 'identity')
        return response;
    // zlib only when GitHub compressed the answer; most steps never load it.
    const zlib = process.getBuiltinModule('node:zlib');
    const decoder = encoding === 'gzip' || encoding === 'x-gzip'
        ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
        : encoding === 'deflate'
            ? zlib.createInflate()
            : encoding === 'br'
                ? zlib.createBrotliDecompress()
                : undefined;
    if (decoder === undefined)
        return response;
    response.on('error', (error) => decoder.destroy(error));
    return response.pipe(decoder);
}
function toWebStream(stream) {
    const { Readable: NodeReadable } = process.getBuiltinModule('node:stream');
    return NodeReadable.toWeb(stream);
}
function abortReason(signal) {
    return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
/** fetch's failure: a TypeError whose cause is what went wrong (ECONNREFUSED, a reset, ...). */
function fetchFailed(cause) {
    return new TypeError('fetch failed', { cause });
}

;// CONCATENATED MODULE: ./src/github/rest-methods.ts
const REST_ROUTES = {
    git: {
        createBlob: 'POST /repos/{owner}/{repo}/git/blobs',
        createCommit: 'POST /repos/{owner}/{repo}/git/commits',
        createRef: 'POST /repos/{owner}/{repo}/git/refs',
        createTree: 'POST /repos/{owner}/{repo}/git/trees',
        getBlob: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
        getCommit: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
        getRef: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
        getTree: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
        updateRef: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
    },
    issues: {
        addLabels: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        create: 'POST /repos/{owner}/{repo}/issues',
        createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        deleteComment: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
        listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        listForRepo: 'GET /repos/{owner}/{repo}/issues',
        update: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
        updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
    },
    pulls: {
        create: 'POST /repos/{owner}/{repo}/pulls',
        get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        list: 'GET /repos/{owner}/{repo}/pulls',
        merge: 'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge',
        requestReviewers: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
        update: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
    },
    repos: {
        compareCommitsWithBasehead: 'GET /repos/{owner}/{repo}/compare/{basehead}',
        createCommitStatus: 'POST /repos/{owner}/{repo}/statuses/{sha}',
        createDeployment: 'POST /repos/{owner}/{repo}/deployments',
        createDeploymentStatus: 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
        createDispatchEvent: 'POST /repos/{owner}/{repo}/dispatches',
        get: 'GET /repos/{owner}/{repo}',
        getDeployment: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}',
        getCombinedStatusForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/status',
        getContent: 'GET /repos/{owner}/{repo}/contents/{path}',
        listCommits: 'GET /repos/{owner}/{repo}/commits',
        listDeploymentStatuses: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
        listDeployments: 'GET /repos/{owner}/{repo}/deployments',
        listTags: 'GET /repos/{owner}/{repo}/tags',
    },
};
/** The Octokit plugin: adds `rest`, whose methods are made on first use and then kept. */
function restMethods(octokit) {
    const rest = {};
    for (const [scope, methods] of Object.entries(REST_ROUTES)) {
        const object = {};
        for (const [name, route] of Object.entries(methods)) {
            Object.defineProperty(object, name, {
                configurable: true,
                enumerable: true,
                get() {
                    const [method, url] = route.split(' ');
                    const value = octokit.request.defaults({ method, url });
                    Object.defineProperty(object, name, { value, configurable: true, enumerable: true, writable: true });
                    return value;
                },
            });
        }
        rest[scope] = object;
    }
    return { rest: rest };
}

// EXTERNAL MODULE: ./src/github/scheduler.ts
var scheduler = __webpack_require__(6470);
;// CONCATENATED MODULE: ./src/github/client.ts
// The one place an Octokit is made: retries (5xx, dropped connections) and rate limits (primary and
// secondary, honouring `retry-after`) come from octokit's own plugins, with bounds and timings that
// tests can shrink. The base URL is passed in (GITHUB_API_URL is read by the action layer). Requests go
// out through node:http and node:https (http-transport.ts), not the global fetch that costs a step its start.








// @octokit/rest's plugins (request log, REST methods, pagination), with the REST methods this suite
// calls instead of all of GitHub's (see rest-methods.ts), and retries and rate limits.
const GitHubOctokit = dist_src/* Octokit */.E.plugin(plugin_request_log_dist_src/* requestLog */.M, restMethods, dist_bundle/* paginateRest */.ud, plugin_retry_dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
const DEFAULT_API_URL = 'https://api.github.com';
const USER_AGENT = 'gitops-promote';
// 429 belongs to the throttling plugin: retrying it here too would double the waits. 409 (an empty
// repository, a conflict) is an answer, not a hiccup: retrying it only delays the error.
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];
// The plugin's process-wide groups, with its limits, on the scheduler of scheduler.ts: every client of
// a process shares them, as it does by default (write and notifications are per client, below).
let sharedGroups;
function processGroups() {
    sharedGroups ??= {
        global: new scheduler/* Group */.YJ({ maxConcurrent: 10 }),
        auth: new scheduler/* Group */.YJ({ maxConcurrent: 1 }),
        search: new scheduler/* Group */.YJ({ maxConcurrent: 1, minTime: 2000 }),
    };
    return sharedGroups;
}
function createGitHubClient(options) {
    const log = withDefaults(options.log);
    const rateLimitRetries = options.rateLimitRetries ?? 3;
    const secondaryRetries = options.secondaryRateLimitRetries ?? 8;
    const unitMs = options.retryAfterUnitMs ?? 1000;
    const maxWait = options.maxRateLimitWaitSeconds ?? 900;
    const baseUrl = (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
    // The spacing is GitHub's own rule against its secondary rate limits; a server on this machine
    // (the local GitHub of the tests and of `npm start`) has none, and waiting for it only slows them.
    const paced = !isLoopback(baseUrl);
    const writeIntervalMs = options.writeIntervalMs ?? (paced ? 1000 : 0);
    const describe = (request) => `${request.method} ${request.url}`;
    const fetch = options.fetch ?? (proxyConfigured(options.env ?? process.env) ? undefined : httpFetch);
    return new GitHubOctokit({
        auth: options.token,
        baseUrl,
        userAgent: options.userAgent ?? USER_AGENT,
        log: octokitLog(log),
        ...(fetch && { request: { fetch } }),
        retry: {
            doNotRetry: DO_NOT_RETRY,
            retries: options.retries ?? 3,
            retryAfterBaseValue: options.retryDelayMs ?? 1000,
        },
        throttle: {
            // Limiters that start a request at once when nothing holds it back (see scheduler.ts).
            Bottleneck: scheduler/* Limiter */.jG,
            ...processGroups(),
            retryAfterBaseValue: unitMs,
            fallbackSecondaryRateRetryAfter: options.fallbackSecondaryRetryAfterSeconds ?? 60,
            // A group of our own: the plugin's default one is shared by every client in the process.
            write: new scheduler/* Group */.YJ({ maxConcurrent: 1, minTime: writeIntervalMs }),
            notifications: new scheduler/* Group */.YJ({
                maxConcurrent: 1,
                minTime: options.notificationIntervalMs ?? (paced ? 3000 : 0),
            }),
            onSecondaryRateLimit: async (retryAfter, request, _octokit, retryCount) => {
                if (retryCount >= secondaryRetries) {
                    log.warn(`GitHub secondary rate limit on ${describe(request)}: giving up after ${retryCount} retries`);
                    return false;
                }
                // GitHub asks for growing waits when the limit persists; the random part keeps runs that were
                // refused together from all coming back in the same second (the plugin then waits retry-after).
                const extraMs = Math.random() * retryAfter * unitMs * Math.min(2 ** retryCount, 8);
                log.warn(`GitHub secondary rate limit on ${describe(request)}: retrying after ${retryAfter} s and ${(extraMs / unitMs).toFixed(1)} s more (retry ${retryCount + 1} of ${secondaryRetries})`);
                await new Promise((resolve) => setTimeout(resolve, extraMs));
                return true;
            },
            onRateLimit: (retryAfter, request, _octokit, retryCount) => {
                if (retryCount >= rateLimitRetries || retryAfter > maxWait) {
                    log.warn(`GitHub rate limit exhausted on ${describe(request)}: it resets in ${retryAfter} s; not waiting`);
                    return false;
                }
                log.warn(`GitHub rate limit exhausted on ${describe(request)}: retrying after ${retryAfter} s (retry ${retryCount + 1} of ${rateLimitRetries})`);
                return true;
            },
        },
    });
}
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/**
 * Whether the runner has a proxy configured. Requests then keep going through Node's own fetch, as
 * they always did (it honours these variables and NO_PROXY when the runner sets NODE_USE_ENV_PROXY):
 * the node:http transport speaks no proxy protocol.
 */
function proxyConfigured(env) {
    return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}
/** Whether the API lives on this machine: 127.0.0.0/8, ::1 or localhost. */
function isLoopback(baseUrl) {
    let host;
    try {
        host = new URL(baseUrl).hostname;
    }
    catch {
        return false;
    }
    return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function withDefaults(log) {
    const ignore = () => undefined;
    return {
        debug: log?.debug ?? ignore,
        info: log?.info ?? ignore,
        warn: log?.warn ?? ((message) => console.warn(message)),
        error: log?.error ?? ((message) => console.error(message)),
    };
}
// Octokit's request log reports every attempt: successes at info, failed attempts at error. A failed
// attempt that a retry then fixes is not an error of the step (on a runner, core.error would annotate
// the run), so attempts go to info and successes to debug; the caller reports what finally failed.
function octokitLog(log) {
    return { debug: log.debug, info: log.debug, warn: log.warn, error: log.info };
}


/***/ }),

/***/ 6887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aT: () => (/* binding */ listEnvironmentDeployments),
/* harmony export */   zf: () => (/* binding */ latestDeployment)
/* harmony export */ });
/* unused harmony exports createDeployment, setDeploymentStatus, lastSuccessfulDeployment */
async function createDeployment(client, repo, deployment) {
    const response = await client.rest.repos.createDeployment({
        ...repo,
        ref: deployment.ref,
        environment: deployment.environment,
        description: deployment.description.slice(0, 140),
        payload: JSON.stringify(deployment.payload),
        auto_merge: false,
        // The run is the check: required contexts would refuse a deployment while validate's status is pending.
        required_contexts: [],
        task: 'deploy',
        ...(deployment.production === undefined ? {} : { production_environment: deployment.production }),
    });
    if (!('id' in response.data))
        throw new Error(`GitHub did not create the deployment: ${JSON.stringify(response.data)}`);
    return response.data.id;
}
async function setDeploymentStatus(client, repo, id, status) {
    await client.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: id,
        state: status.state,
        description: status.description.slice(0, 140),
        ...(status.logUrl ? { log_url: status.logUrl } : {}),
        ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
        auto_inactive: true,
    });
}
/** The commit of the newest deployment of `environment` whose latest status is success (for rollback). */
async function lastSuccessfulDeployment(client, repo, environment, except) {
    const deployments = await client.rest.repos.listDeployments({ ...repo, environment, per_page: 30 });
    for (const deployment of deployments.data) {
        if (deployment.id === except)
            continue;
        const statuses = await client.rest.repos.listDeploymentStatuses({
            ...repo,
            deployment_id: deployment.id,
            per_page: 1,
        });
        if (statuses.data[0]?.state === 'success')
            return { id: deployment.id, sha: deployment.sha };
    }
    return undefined;
}
/**
 * The environment's latest deployments, newest first, each with its latest status and whether it
 * ever succeeded: a newer success marks the earlier ones inactive (auto_inactive), and such a
 * deployment was still healthy once (what a rollback goes back to).
 */
async function listEnvironmentDeployments(client, repo, environment, limit = 30) {
    const { data } = await client.rest.repos.listDeployments({ ...repo, environment, per_page: limit });
    const entries = [];
    for (const deployment of data) {
        const statuses = await client.rest.repos.listDeploymentStatuses({
            ...repo,
            deployment_id: deployment.id,
            per_page: 100,
        });
        entries.push({
            id: deployment.id,
            sha: deployment.sha,
            createdAt: deployment.created_at,
            state: statuses.data[0]?.state,
            succeeded: statuses.data.some((status) => status.state === 'success'),
            payload: deployment.payload,
        });
    }
    return entries;
}
async function latestDeployment(client, repo, environment) {
    // GitHub lists deployments newest first, and statuses newest first.
    const deployments = await client.rest.repos.listDeployments({ ...repo, environment, per_page: 1 });
    const deployment = deployments.data[0];
    if (deployment === undefined)
        return undefined;
    const statuses = await client.rest.repos.listDeploymentStatuses({
        ...repo,
        deployment_id: deployment.id,
        per_page: 1,
    });
    const status = statuses.data[0];
    return {
        id: deployment.id,
        sha: deployment.sha,
        createdAt: deployment.created_at,
        status: status === undefined
            ? undefined
            : {
                state: status.state,
                at: status.created_at,
                ...((status.log_url || status.environment_url) && { url: status.log_url || status.environment_url }),
            },
        images: payloadImages(deployment.payload),
    };
}
/** The images of a deployment payload, given as an object or as the JSON text apply sends. */
function payloadImages(payload) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const images = value.images;
    if (!Array.isArray(images))
        return undefined;
    return images.filter((image) => typeof image === 'string');
}


/***/ }),

/***/ 8112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SP: () => (/* binding */ explainFailure),
/* harmony export */   SU: () => (/* binding */ requestFailure),
/* harmony export */   pJ: () => (/* binding */ acceptedPermissionsText)
/* harmony export */ });
/* unused harmony exports isRateLimit, describeRequest, bumpAccessHelp, dispatchAccessHelp */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _token_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(942);
// Turns GitHub's refusals into messages a user can act on: what the action was doing (read from the
// failed request itself, which octokit keeps on the error, so callers do not wrap every call), what
// GitHub answered, and what to change. One explainer for every action: the action names itself and
// what its token needs; the operation comes from the request. A 404 is ambiguous on GitHub (a
// repository the token cannot see answers 404 like a missing branch or file), so callers ask
// whether the repository is visible (`repositoryVisible`) before this explains a 404.


/** Reads status, message, headers and the request from an octokit RequestError (or anything shaped like one). */
function requestFailure(error) {
    if (typeof error !== 'object' || error === null || !('status' in error) || typeof error.status !== 'number') {
        return undefined;
    }
    const message = error instanceof Error ? error.message : String(error);
    const headers = error.response?.headers;
    const accepted = headers?.['x-accepted-github-permissions'];
    const retryAfter = retryAfterOf(headers);
    const request = error.request;
    return {
        status: error.status,
        message,
        ...(accepted !== undefined && { acceptedPermissions: String(accepted) }),
        ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }),
        ...(typeof request?.method === 'string' &&
            typeof request.url === 'string' && { request: { method: request.method, url: request.url, body: request.body } }),
    };
}
function retryAfterOf(headers) {
    const after = Number(headers?.['retry-after']);
    if (headers?.['retry-after'] !== undefined && Number.isFinite(after) && after >= 0)
        return Math.ceil(after);
    const reset = Number(headers?.['x-ratelimit-reset']);
    if (String(headers?.['x-ratelimit-remaining']) === '0' && Number.isFinite(reset) && reset > 0) {
        return Math.max(0, Math.ceil(reset - Date.now() / 1000));
    }
    return undefined;
}
/** When to try again, for a message: in N s (at HH:MM:SS UTC), or GitHub's advice when it gave no time. */
function retryWhen(seconds) {
    if (seconds === undefined)
        return 'a minute or more (GitHub gave no retry-after)';
    const at = new Date(Date.now() + seconds * 1000).toISOString().slice(11, 19);
    return `${seconds} s (${at} UTC)`;
}
/** A rate limit answer (primary or secondary) that outlasted the throttling plugin's retries. */
function isRateLimit(failure) {
    return failure.status === 429 || (failure.status === 403 && /\brate limit\b/i.test(failure.message));
}
const FINE_GRAINED_NAMES = {
    contents: 'Contents',
    pull_requests: 'Pull requests',
    issues: 'Issues',
    metadata: 'Metadata',
    statuses: 'Commit statuses',
    deployments: 'Deployments',
    actions: 'Actions',
    workflows: 'Workflows',
};
/**
 * GitHub's `x-accepted-github-permissions` (`pull_requests=write; issues=write`: any one set will do, a set
 * joins permissions with ",") said in the settings' words, for an App or fine-grained token and for the
 * workflow's GITHUB_TOKEN; undefined when the header is absent or unreadable.
 */
function acceptedPermissionsText(header) {
    if (header === undefined || header.trim() === '')
        return undefined;
    const sets = header
        .split(';')
        .map((set) => set
        .split(',')
        .map((part) => /^\s*([a-z_]+)=(read|write|admin)\s*$/.exec(part))
        .filter((match) => match !== null)
        .map(([, name = '', level = '']) => ({ name, level })))
        .filter((set) => set.length > 0);
    if (sets.length === 0)
        return undefined;
    const app = sets
        .map((set) => set
        .map(({ name, level }) => `"${FINE_GRAINED_NAMES[name] ?? name}: ${level === 'read' ? 'Read-only' : 'Read and write'}"`)
        .join(' and '))
        .join(' or ');
    const workflow = sets
        .map((set) => set.map(({ name, level }) => `${name.replace(/_/g, '-')}: ${level}`).join(', '))
        .join(' or ');
    return { app, workflow };
}
const PERMISSION_NAMES = {
    contents: { app: '"Contents: Read and write"', workflow: 'contents: write', what: 'its contents' },
    'pull-requests': {
        app: '"Pull requests: Read and write"',
        workflow: 'pull-requests: write',
        what: 'its pull requests',
    },
    issues: { app: '"Issues: Read and write"', workflow: 'issues: write', what: 'labels of its pull requests' },
};
const STATUS_TEXT = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };
/** What a failed request was doing, from its method and URL (and body, for refs and pull request updates). */
function describeRequest(method, url, body) {
    let path;
    try {
        path = new URL(url).pathname;
    }
    catch {
        path = url;
    }
    const inRepository = /\/repos\/[^/]+\/[^/]+(\/.*)?$/.exec(path);
    const rest = inRepository ? safeDecode(inRepository[1] ?? '') : path;
    const fields = parseBody(body);
    const write = method !== 'GET' && method !== 'HEAD';
    const step = (doing, needs = 'contents') => ({ doing, needs, write });
    const branch = (ref) => {
        const name = ref.replace(/^(refs\/)?heads\//, '');
        return name === ref ? ref : `branch ${name}`;
    };
    let match;
    if (rest === '' || rest === '/')
        return step('reading the repository');
    if (rest === '/dispatches')
        return step('sending the repository_dispatch event');
    if ((match = /^\/git\/ref\/(.+)$/.exec(rest)))
        return step(`reading ${branch(match[1] ?? '')}`);
    if ((match = /^\/git\/refs\/(.+)$/.exec(rest)))
        return step(`updating ${branch(match[1] ?? '')}`);
    if (rest === '/git/refs')
        return step(`creating ${branch(String(fields.ref ?? 'a branch'))}`);
    if ((match = /^\/contents\/(.+)$/.exec(rest)))
        return step(`reading ${match[1]}`);
    if ((match = /^\/git\/trees\/(\w+)$/.exec(rest)))
        return step(`reading the tree at ${(match[1] ?? '').slice(0, 12)}`);
    if (rest === '/git/trees')
        return step('writing the tree of the promotion commit');
    if (rest.startsWith('/git/blobs/'))
        return step('reading a manifest');
    if ((match = /^\/git\/commits\/(\w+)$/.exec(rest)))
        return step(`reading commit ${(match[1] ?? '').slice(0, 12)}`);
    if (rest === '/git/commits')
        return step('writing the promotion commit');
    if (rest === '/pulls')
        return step(write ? 'opening a pull request' : 'listing pull requests', 'pull-requests');
    if ((match = /^\/pulls\/(\d+)$/.exec(rest))) {
        const doing = fields.state === 'closed' ? 'closing' : write ? 'updating' : 'reading';
        return step(`${doing} pull request #${match[1]}`, 'pull-requests');
    }
    if ((match = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(rest))) {
        return step(`requesting reviews on pull request #${match[1]}`, 'pull-requests');
    }
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
        return step(`commenting on pull request #${match[1]}`, 'pull-requests');
    }
    if ((match = /^\/issues\/(\d+)\/labels/.exec(rest)))
        return step(`labelling pull request #${match[1]}`, 'issues');
    if (rest.startsWith('/deployments'))
        return step('reading deployments');
    if (/^\/commits\/.+\/status$/.test(rest))
        return step('reading commit statuses');
    return step(`calling ${method} ${path}`);
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function parseBody(body) {
    if (typeof body === 'string') {
        try {
            const value = JSON.parse(body);
            return value !== null && typeof value === 'object' ? value : {};
        }
        catch {
            return {};
        }
    }
    return body !== null && typeof body === 'object' ? body : {};
}
/** What each action's token needs, said for the kind of token it is, and what to do after a failure. */
const ACTIONS = {
    bump: { help: bumpAccessHelp, again: 'dispatch again' },
    dispatch: { help: dispatchAccessHelp, again: 'try again' },
    promote: { help: promoteAccessHelp, again: 'run promote again' },
};
/** Promote bumps, and before that reads the gate's evidence. */
function promoteAccessHelp(access) {
    return (`${bumpAccessHelp(access)} Promote also reads ${access.repository}'s deployments and commit statuses ` +
        `("Deployments: Read" and "Commit statuses: Read"; for the GITHUB_TOKEN, deployments: read and statuses: read).`);
}
/** What bump needs of the token, said for the kind of token it is. */
function bumpAccessHelp(access) {
    const { repository, tokenKind } = access;
    const app = `"Contents: Read and write", "Pull requests: Read and write" and, for labels, "Issues: Read and write"`;
    const workflow = `give the job "permissions: contents: write, pull-requests: write" (and issues: write for labels)`;
    const appToken = `a GitHub App installed on ${repository} with ${app}, its token made by actions/create-github-app-token`;
    switch (tokenKind) {
        case 'workflow': {
            const elsewhere = otherWorkflowRepository(access)
                ? ` This workflow runs in ${access.workflowRepository}, so its GITHUB_TOKEN cannot write to ${repository}: use ${appToken}.`
                : '';
            return `Fix: ${workflow}, or use ${appToken}.${elsewhere}`;
        }
        case 'installation':
            return (`Fix: for a GitHub App token, install the App on ${repository} with ${app}; if it is the workflow's ` +
                `GITHUB_TOKEN (which only reaches the repository the workflow runs in), ${workflow}.`);
        case 'fine-grained-pat':
            return `Fix: give the fine-grained token access to ${repository} with ${app}.`;
        case 'classic-pat':
            return `Fix: the classic token needs the "repo" scope, and its owner needs write access to ${repository}.`;
        default:
            return `Fix: use ${appToken}; with the workflow's GITHUB_TOKEN, ${workflow}.`;
    }
}
/** What a token needs to create a repository_dispatch (GitHub REST docs, "Create a repository dispatch event"). */
function dispatchAccessHelp(access) {
    const { repository } = access;
    const workflowHint = access.tokenKind === 'workflow' && otherWorkflowRepository(access)
        ? `The token is the workflow's GITHUB_TOKEN, which cannot dispatch to ${repository} from ${access.workflowRepository}. `
        : '';
    return (`${workflowHint}A dispatch needs write access to ${repository}: a fine-grained personal access token with ` +
        `"Contents: Read and write" on ${repository} (Metadata: Read comes with it), a classic personal access token ` +
        `with the "repo" scope ("public_repo" is enough for a public repository), or a GitHub App installation token ` +
        `(actions/create-github-app-token) for an App installed on ${repository} with "Contents: Read and write" and ` +
        `"Metadata: Read". The workflow's GITHUB_TOKEN only reaches the repository the workflow runs in.`);
}
function otherWorkflowRepository(access) {
    return (access.workflowRepository !== undefined &&
        access.workflowRepository.toLowerCase() !== access.repository.toLowerCase());
}
/**
 * The message for a request that failed while `context.action` ran. A user error passes through; an
 * error that is not a GitHub answer is returned as it is.
 */
function explainFailure(error, context) {
    if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
        return error;
    const failure = requestFailure(error);
    if (failure === undefined)
        return error instanceof Error ? error : new Error(String(error));
    const step = failure.request
        ? describeRequest(failure.request.method, failure.request.url, failure.request.body)
        : { doing: 'calling GitHub', needs: 'contents', write: false };
    const { repository, action } = context;
    const { again } = ACTIONS[action];
    const token = (0,_token_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTokenKind */ .ju)(context.tokenKind);
    const said = failure.message.replace(/ - https?:\/\/\S+$/, '');
    const status = `${failure.status}${STATUS_TEXT[failure.status] ? ` ${STATUS_TEXT[failure.status]}` : ''}`;
    const prefix = `${action} failed ${step.doing} in ${repository}: GitHub answered ${status}`;
    const permissions = failure.acceptedPermissions
        ? ` GitHub accepts these permissions for this call: ${failure.acceptedPermissions}.`
        : '';
    const help = `${ACTIONS[action].help(context)}${permissions}`;
    const names = PERMISSION_NAMES[step.needs];
    // What GitHub says the call accepts, when it says so, over what we expect it to need.
    const needs = acceptedPermissionsText(failure.acceptedPermissions) ?? names;
    const written = context.branchWritten !== undefined && step.needs === 'pull-requests'
        ? ` Branch ${context.branchWritten} is written; once the token may do this, ${again}: the pull request is ` +
            `opened for that branch, which is not written again.`
        : '';
    if (isRateLimit(failure)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RetryLaterError */ .bF(`${prefix} (${said}): rate limited, retry after ${retryWhen(failure.retryAfterSeconds)}; nothing is lost by ` +
            `stopping here: ${again} then.`, failure.retryAfterSeconds);
    }
    switch (failure.status) {
        case 401:
            return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${prefix} (${said}): the token, ${token}, is invalid, expired or revoked. A GitHub App installation token ` +
                `lasts one hour: make it in the same job, just before ${action}.`);
        case 403:
            if (/not permitted to create or approve pull requests/i.test(said)) {
                return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${prefix} (${said}): ${repository} (or its organization) does not let GitHub Actions open pull requests. ` +
                    `Fix: turn on Settings > Actions > General > "Allow GitHub Actions to create and approve pull requests", ` +
                    `or use a GitHub App token.${written}`);
            }
            return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${prefix} (${said}): ${token} can see ${repository} but may not ${step.write ? 'write' : 'read'} ` +
                `${names.what}; this call needs ${needs.app} (${needs.workflow} for GITHUB_TOKEN).${written} ${help}`);
        case 404:
            if (context.repositoryVisible === false) {
                return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${prefix}: ${repository} does not exist or ${token} cannot see it (GitHub answers 404, not 403, for a ` +
                    `private repository a token may not read). Check the repository input, then the token. ${help}`);
            }
            if (step.write) {
                return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${prefix} (${said}): ${token} can read ${repository} but not write ${names.what} (GitHub answers 404 to a ` +
                    `write the token may not make); this call needs ${needs.app} (${needs.workflow} for GITHUB_TOKEN).${written} ${help}`);
            }
            return new Error(`${prefix} (${said}): what ${action} read a moment ago is gone, probably changed by someone else; ${again}.`);
        case 409:
            if (/repository is empty/i.test(said)) {
                return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${prefix} (${said}): ${repository} has no commits yet; ${action} needs its default branch with the ` +
                    `promotion config. Push a first commit (with .github/promotion.yml), then ${again}.`);
            }
            return new Error(`${prefix} (${said}): GitHub reports a conflict; ${again}.`);
        case 422:
            if (/no commits between/i.test(said) && context.branchWritten !== undefined) {
                return new Error(`${prefix} (${said}): GitHub had still not seen the push to ${context.branchWritten} after waiting for it; ` +
                    `the branch is written, ${again}: the pull request is opened for it.`);
            }
            return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${prefix} (${said}): GitHub refused the request as invalid.`);
        default:
            return new Error(`${prefix} (${said}) after retries; GitHub or the connection to it failed, ${again}.`);
    }
}


/***/ }),

/***/ 651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OR: () => (/* binding */ defaultBranch),
/* harmony export */   QX: () => (/* binding */ isAncestor),
/* harmony export */   YJ: () => (/* binding */ findBranchHead),
/* harmony export */   ZW: () => (/* binding */ repositoryVisible),
/* harmony export */   _T: () => (/* binding */ readFileAt),
/* harmony export */   df: () => (/* binding */ commitMessage),
/* harmony export */   uH: () => (/* binding */ GitHubSnapshot)
/* harmony export */ });
/* unused harmony exports readTree, readBlobs */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _flows_snapshot_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2429);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8112);
// Reading a repository through the API, without a clone: a branch's head, one file by path, a
// commit's message, the recursive tree and the blobs of the files asked for (GitHubSnapshot: the
// snapshot interface the flows plan over, as src/fs's FolderSnapshot is for a local folder).




const BLOB_READS_IN_FLIGHT = 8;
async function defaultBranch(client, repository) {
    const { data } = await client.rest.repos.get({ owner: repository.owner, repo: repository.repo });
    return data.default_branch;
}
/** Whether the token can see the repository: false on 404, undefined when GitHub did not say. */
async function repositoryVisible(client, repository) {
    try {
        await client.rest.repos.get({ owner: repository.owner, repo: repository.repo });
        return true;
    }
    catch (error) {
        return (0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .requestFailure */ .SU)(error)?.status === 404 ? false : undefined;
    }
}
/** The commit a branch points at, or undefined on 404 (which is also what a repository the token cannot see answers). */
async function findBranchHead(client, repository, branch) {
    try {
        const { data } = await client.rest.git.getRef({ ...repository, ref: `heads/${branch}` });
        return data.object.sha;
    }
    catch (error) {
        if ((0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .requestFailure */ .SU)(error)?.status === 404)
            return undefined;
        throw error;
    }
}
/** Whether `ancestor` is in the history of `descendant` (or is it): one compare call; false when either is unknown. */
async function isAncestor(client, repository, ancestor, descendant) {
    try {
        const { data } = await client.rest.repos.compareCommitsWithBasehead({
            ...repository,
            basehead: `${ancestor}...${descendant}`,
            per_page: 1,
        });
        return data.status === 'ahead' || data.status === 'identical';
    }
    catch (error) {
        // No such commit any more, or no common history.
        if ((0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .requestFailure */ .SU)(error)?.status === 404)
            return false;
        throw error;
    }
}
/** The message of a commit. */
async function commitMessage(client, repository, sha) {
    const { data } = await client.rest.git.getCommit({ ...repository, commit_sha: sha });
    return data.message;
}
/** A file's text at a commit, or undefined when there is no such file. */
async function readFileAt(client, repository, path, ref) {
    let data;
    try {
        ({ data } = await client.rest.repos.getContent({ ...repository, path, ref }));
    }
    catch (error) {
        if ((0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .requestFailure */ .SU)(error)?.status === 404)
            return undefined;
        throw error;
    }
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${path}: expected a file in ${repository.owner}/${repository.repo}, found a ${Array.isArray(data) ? 'folder' : data.type}`);
    }
    return decodeText(path, Buffer.from(data.content, 'base64'));
}
async function readTree(client, repository, commit) {
    const { data } = await client.rest.git.getTree({ ...repository, tree_sha: commit, recursive: 'true' });
    if (data.truncated) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`the tree of ${repository.owner}/${repository.repo} at ${commit} is too large for one read (GitHub truncated it); split the environments into smaller repositories`);
    }
    const blobs = data.tree
        .filter((entry) => entry.type === 'blob' && (entry.mode === '100644' || entry.mode === '100755'))
        .map((entry) => ({ path: entry.path ?? '', sha: entry.sha ?? '', mode: entry.mode ?? '100644' }));
    return { sha: data.sha, blobs };
}
/**
 * Reads blobs as text, a few at a time. One over `maxBytes` is reported and left out; one that is
 * not valid UTF-8 is returned marked, as the folder reader (src/fs) does, for the engine to report.
 */
async function readBlobs(client, repository, blobs, maxBytes, warn) {
    const results = new Array(blobs.length);
    let next = 0;
    const worker = async () => {
        while (next < blobs.length) {
            const index = next++;
            const blob = blobs[index];
            const { data } = await client.rest.git.getBlob({ ...repository, file_sha: blob.sha });
            if ((data.size ?? 0) > maxBytes) {
                warn(`${blob.path}: ${data.size} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
                continue;
            }
            const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
            const text = bytes.toString('utf8');
            results[index] = (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes) ? { path: blob.path, text } : { path: blob.path, text, invalidUtf8: true };
        }
    };
    await Promise.all(Array.from({ length: Math.min(BLOB_READS_IN_FLIGHT, blobs.length) }, worker));
    return results.filter((result) => result !== undefined);
}
// A BOM is kept (ignoreBOM) so that the edited text writes it back byte for byte.
function decodeText(path, bytes) {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${path}: not valid UTF-8 text`);
    }
}
/**
 * A commit of a repository as the flows read it: its tree's paths, and the files asked for. Also
 * keeps what writing a new tree on top needs (the root tree and each file's mode).
 */
class GitHubSnapshot {
    client;
    repository;
    commit;
    tree;
    constructor(client, repository, commit, tree) {
        this.client = client;
        this.repository = repository;
        this.commit = commit;
        this.tree = tree;
    }
    static async at(client, repository, commit) {
        return new GitHubSnapshot(client, repository, commit, await readTree(client, repository, commit));
    }
    /** The root tree's sha: the base of a tree written on top of this commit. */
    get treeSha() {
        return this.tree.sha;
    }
    async paths() {
        return this.tree.blobs.map((blob) => blob.path);
    }
    async read(paths, warn) {
        const wanted = new Set(paths);
        const blobs = this.tree.blobs.filter((blob) => wanted.has(blob.path));
        return readBlobs(this.client, this.repository, blobs, _flows_snapshot_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_MANIFEST_BYTES */ .Z, warn);
    }
    /** The file's mode in the tree ('100644' for a file it does not have). */
    mode(path) {
        return this.tree.blobs.find((blob) => blob.path === path)?.mode ?? '100644';
    }
}


/***/ }),

/***/ 6470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YJ: () => (/* binding */ Group),
/* harmony export */   jG: () => (/* binding */ Limiter)
/* harmony export */ });
/* unused harmony export Events */
// The limiters octokit's retry and throttling plugins schedule every request through, in place of
// Bottleneck (the retry plugin imports Bottleneck's light build, mapped to this in the bundles, tests
// and bench, see src/bundle/bottleneck-light.ts; the throttling plugin also takes it as its
// `Bottleneck` option). Bottleneck's local store waits for the timer queue several times per job (a
// `setTimeout(0)` before it submits, registers and frees one), about 4 ms per limiter, and a request
// went through three to five of them: every API call waited 5 to 18 ms for nothing, the first one of
// a step included. These keep what the plugins ask of their limiters: at most `maxConcurrent` jobs at
// once (a job's `weight` counts against it), starts spaced by `minTime`, the lowest `priority` first,
// and a failed job retried after what a `failed` listener returns, keeping its place. A job that can
// start, starts on the next microtask; a timer runs only for a real wait. The rules about when to
// retry and how long to wait stay the plugins' own.
/** Listeners by event name; `trigger` resolves to the first answer that is not null or undefined. */
class Events {
    #listeners = new Map();
    /** Gives `target` an `on` method that registers here (Bottleneck's Events does the same). */
    constructor(target) {
        if (target)
            Object.assign(target, { on: this.on.bind(this) });
    }
    on(name, listener) {
        const listeners = this.#listeners.get(name) ?? [];
        listeners.push(listener);
        this.#listeners.set(name, listeners);
    }
    /** A listener that throws is reported to the `error` listeners and counts as no answer. */
    async trigger(name, ...args) {
        const listeners = this.#listeners.get(name) ?? [];
        const answers = await Promise.all(listeners.map(async (listener) => {
            try {
                return await listener(...args);
            }
            catch (error) {
                if (name !== 'error')
                    await this.trigger('error', error);
                return undefined;
            }
        }));
        return answers.find((answer) => answer !== undefined && answer !== null);
    }
}
const DEFAULT_PRIORITY = 5;
class Limiter {
    static Events = Events;
    static Group;
    #maxConcurrent;
    #minTime;
    #events = new Events();
    #queue = [];
    #running = 0;
    /** When the next job may start (ms since the epoch), by `minTime`. */
    #nextStart = 0;
    #sequence = 0;
    #timer;
    #drainQueued = false;
    constructor(options = {}) {
        this.#maxConcurrent = options.maxConcurrent ?? Infinity;
        this.#minTime = Math.max(0, options.minTime ?? 0);
    }
    on(name, listener) {
        this.#events.on(name, listener);
    }
    /** Jobs waiting to start. */
    queued() {
        return this.#queue.length;
    }
    /** Jobs started and not yet settled. */
    running() {
        return this.#running;
    }
    /** `schedule(fn, ...args)` or `schedule(options, fn, ...args)`: resolves to what `fn(...args)` resolves to. */
    schedule(...call) {
        const options = typeof call[0] === 'function' ? {} : (call.shift() ?? {});
        const [run, ...args] = call;
        if (typeof run !== 'function')
            return Promise.reject(new TypeError('schedule: no function to run'));
        return new Promise((resolve, reject) => {
            this.#queue.push({
                run: () => run(...args),
                options: { priority: options.priority ?? DEFAULT_PRIORITY, weight: options.weight ?? 1 },
                args,
                sequence: this.#sequence++,
                resolve,
                reject,
            });
            this.#queueDrain();
        });
    }
    #queueDrain() {
        if (this.#drainQueued)
            return;
        this.#drainQueued = true;
        queueMicrotask(() => {
            this.#drainQueued = false;
            this.#drain();
        });
    }
    #next() {
        let best;
        for (const job of this.#queue) {
            if (!best ||
                job.options.priority < best.options.priority ||
                (job.options.priority === best.options.priority && job.sequence < best.sequence))
                best = job;
        }
        return best;
    }
    #drain() {
        for (;;) {
            const job = this.#next();
            if (!job)
                return;
            if (this.#running + job.options.weight > this.#maxConcurrent)
                return;
            const wait = this.#nextStart - Date.now();
            if (wait > 0) {
                if (!this.#timer) {
                    this.#timer = setTimeout(() => {
                        this.#timer = undefined;
                        this.#drain();
                    }, wait);
                }
                return;
            }
            this.#queue.splice(this.#queue.indexOf(job), 1);
            this.#nextStart = Date.now() + this.#minTime;
            this.#running += job.options.weight;
            void this.#execute(job, 0);
        }
    }
    async #execute(job, retryCount) {
        let value;
        try {
            value = await job.run();
        }
        catch (error) {
            const info = { args: job.args, options: job.options, retryCount };
            const retryAfter = await this.#events.trigger('failed', error, info);
            if (typeof retryAfter === 'number') {
                await this.#events.trigger('retry', `Retrying after ${retryAfter} ms`, info);
                // The job keeps its place while it waits, as Bottleneck's does.
                setTimeout(() => void this.#execute(job, retryCount + 1), retryAfter);
                return;
            }
            this.#finish(job);
            job.reject(error);
            return;
        }
        this.#finish(job);
        job.resolve(value);
    }
    #finish(job) {
        this.#running -= job.options.weight;
        this.#queueDrain();
    }
}
/** A limiter per key, each with the group's options (the plugin keys them by its `id`). */
class Group {
    #options;
    #limiters = new Map();
    constructor(options = {}) {
        this.#options = { maxConcurrent: options.maxConcurrent ?? null, minTime: options.minTime ?? 0 };
    }
    key(key = '') {
        let limiter = this.#limiters.get(key);
        if (!limiter) {
            limiter = new Limiter(this.#options);
            this.#limiters.set(key, limiter);
        }
        return limiter;
    }
}
Limiter.Group = Group;


/***/ }),

/***/ 942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ scopesMayWrite),
/* harmony export */   Ys: () => (/* binding */ watchOAuthScopes),
/* harmony export */   ju: () => (/* binding */ describeTokenKind)
/* harmony export */ });
/* unused harmony export classifyToken */
const PREFIXES = (/* unused pure expression or super */ null && ([
    ['github_pat_', 'fine-grained-pat'],
    ['ghp_', 'classic-pat'],
    ['gho_', 'oauth'],
    ['ghu_', 'app-user'],
    ['ghs_', 'installation'],
]));
/**
 * @param workflowToken the run's GITHUB_TOKEN when known (an input defaulting to `${{ github.token }}`);
 *   without it a `ghs_` token is reported as `installation`, which may still be the workflow's token.
 */
function classifyToken(token, workflowToken) {
    if (workflowToken !== undefined && workflowToken !== '' && token === workflowToken)
        return 'workflow';
    return PREFIXES.find(([prefix]) => token.startsWith(prefix))?.[1] ?? 'unknown';
}
function describeTokenKind(kind) {
    switch (kind) {
        case 'workflow':
            return "the workflow's GITHUB_TOKEN";
        case 'installation':
            return 'a GitHub App installation token (ghs_)';
        case 'fine-grained-pat':
            return 'a fine-grained personal access token (github_pat_)';
        case 'classic-pat':
            return 'a classic personal access token (ghp_)';
        case 'oauth':
            return 'an OAuth app token (gho_)';
        case 'app-user':
            return 'a GitHub App user token (ghu_)';
        case 'unknown':
            return 'a token of unknown kind';
    }
}
/**
 * The scopes a classic personal access token (or OAuth token) carries, as GitHub lists them in the
 * `x-oauth-scopes` header of every answer: watched on the answers the run gets anyway, so knowing them
 * costs no call. Undefined until an answer has said (App and fine-grained tokens never say).
 */
function watchOAuthScopes(client) {
    let scopes;
    client.hook.after('request', (response) => {
        const header = response.headers['x-oauth-scopes'];
        if (typeof header !== 'string')
            return;
        scopes = header
            .split(',')
            .map((scope) => scope.trim())
            .filter((scope) => scope !== '');
    });
    return () => scopes;
}
/** Whether OAuth scopes may write a repository's contents and pull requests (`repo`, or `public_repo` for a public one). */
function scopesMayWrite(scopes) {
    return scopes.includes('repo') || scopes.includes('public_repo');
}


/***/ })

};

return {id,ids,modules};})