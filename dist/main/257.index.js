(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 257;
const ids = [257];
const modules = {

/***/ 257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: oneLine, setOutputs

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(296);
// EXTERNAL MODULE: ./src/actions/shared/file-command.ts
var file_command = __webpack_require__(599);
// EXTERNAL MODULE: ./src/actions/shared/runner.ts
var runner = __webpack_require__(299);
// EXTERNAL MODULE: ./src/core/text/untrusted.ts
var untrusted = __webpack_require__(69);
;// CONCATENATED MODULE: ./src/actions/shared/log.ts


/**
 * The step's log, through the untrusted-text boundary: every message may carry inputs, payload
 * fields, file names or GitHub's answers, and none of it may reach the runner as a workflow command.
 * The actions log only through these (never runner.info and friends directly).
 */
const log_log = {
    info: (message) => runner/* info */.pq((0,untrusted/* forLog */.Ig)(message)),
    warning: (message) => runner/* warning */.$e((0,untrusted/* forLog */.Ig)(message)),
    error: (message) => runner/* error */.z3((0,untrusted/* forLog */.Ig)(message)),
    debug: (message) => runner/* debug */.Yz((0,untrusted/* forLog */.Ig)(message)),
    failed: (message) => runner/* setFailed */.C1((0,untrusted/* forLog */.Ig)(message)),
};
/** The same log in the shape the GitHub client takes. */
const clientLog = { debug: log_log.debug, info: log_log.info, warn: log_log.warning, error: log_log.error };

;// CONCATENATED MODULE: ./src/actions/shared/run.ts



/**
 * Runs an action body and reports its failure the way users can read it: a user mistake becomes one
 * line without a stack trace; anything else says it is unexpected, with the stack only in debug logs.
 */
async function runAction(body) {
    try {
        await body();
    }
    catch (error) {
        if ((0,errors/* isExplained */.zT)(error)) {
            log_log.failed(oneLine(error.message));
            return;
        }
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof Error && error.stack)
            log_log.debug(error.stack);
        log_log.failed(`unexpected error: ${oneLine(message)}`);
    }
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}
/** Sets each output and logs it, so the step log shows what later steps receive. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        setOutput(name, value);
        log.info(`output ${name}=${value}`);
    }
}


/***/ }),

/***/ 296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ invalid),
/* harmony export */   yo: () => (/* binding */ UserError),
/* harmony export */   zT: () => (/* binding */ isExplained)
/* harmony export */ });
/* unused harmony exports RetryLaterError, describeValue, isUserError */
/**
 * A mistake in what the user gave us (an input, a payload, a config file, a manifest).
 * It is reported as one line without a stack trace, and it is raised before anything is written.
 */
class UserError extends Error {
    field;
    value;
    expected;
    constructor(message, details = {}) {
        super(message);
        this.name = 'UserError';
        this.field = details.field;
        this.value = details.value;
        this.expected = details.expected;
    }
}
/**
 * GitHub refused for now (a rate limit that outlasted the retries): reported as one line saying when to
 * try again, like a user error, never as an unexpected one. Nothing about the request is wrong.
 */
class RetryLaterError extends Error {
    /** Seconds to wait, when GitHub said. */
    retryAfterSeconds;
    constructor(message, retryAfterSeconds) {
        super(message);
        this.name = 'RetryLaterError';
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
/** Builds the house message form: `<field>: got <value>, expected <what>`. */
function invalid(field, value, expected) {
    return new UserError(`${field}: got ${describeValue(value)}, expected ${expected}`, { field, value, expected });
}
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    let text;
    try {
        text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    }
    catch {
        // A value too deeply nested (or cyclic) to print; the message still names the field.
        return Array.isArray(value) ? '(an array nested too deeply to show)' : '(a value nested too deeply to show)';
    }
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
function isUserError(error) {
    return error instanceof UserError;
}
/** A failure reported as one line, without "unexpected": a user error, or GitHub asking to retry later. */
function isExplained(error) {
    return error instanceof UserError || error instanceof RetryLaterError;
}


/***/ })

};

return {id,ids,modules};})