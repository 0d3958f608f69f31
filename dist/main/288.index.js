(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 288;
const ids = [288];
const modules = {

/***/ 288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   selectCommand: () => (/* binding */ selectCommand)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(296);

/**
 * Picks the entry of `commands` named by the root action's `command` input. Nothing given and a name
 * that is not a command both fail with the list of valid commands, so the fix is in the message.
 */
function selectCommand(given, commands) {
    const valid = Object.keys(commands).join(', ');
    const name = given?.trim() ?? '';
    if (name === '') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`command: no command given, expected one of ${valid} (for example command: tag)`, {
            field: 'command',
            value: given,
            expected: `one of ${valid}`,
        });
    }
    if (!Object.hasOwn(commands, name))
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('command', name, `one of ${valid}`);
    return commands[name];
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