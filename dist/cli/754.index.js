(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 754;
const ids = [754];
const modules = {

/***/ 1754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_config_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8536);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_payload_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6030);
/* harmony import */ var _core_promotion_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7646);
/* harmony import */ var _flows_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(530);
/* harmony import */ var _fs_snapshot_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1507);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(302);









const USAGE = `usage: gitops-promote plan --config <file> --event <payload file> [--dir <environment repository>] [--json]

Says what the bump action would do with a dispatch, without writing anything: which app and
environment it names, whether the environment's tag policy and the tag order let it in, which
files bump would read, and the changes it would commit on branch gitops-promote/<env>/<app>.

options:
  --config <file>   the promotion config (.github/promotion.yml of the environment repository)
  --event <file>    the dispatch: a repository_dispatch event (with client_payload) or the payload itself
  --dir <dir>       a checkout of the environment repository (default: the current directory)
  --json            print {"operation","reason","app","environment","tag","branch","title","previousTags",
                    "candidates","changes":[{"file","line","path","old","new"}],"files"}

operation is "change" (bump would open or update the pull request), "unchanged" (the environment
already runs the image) or "skipped" (policy or order refuses the tag; reason says why). An open pull
request is not visible from a checkout: bump may still find the change already pending there.
exit status: 0 a plan (any operation); 1 an invalid config, payload or manifest; 2 a missing option, or a --dir that is
not an existing directory.`;
const planCommand = {
    name: 'plan',
    summary: 'what bump would do with a dispatch payload, from a checkout, without writing',
    usage: USAGE,
    options: {
        config: { type: 'string' },
        event: { type: 'string' },
        dir: { type: 'string' },
    },
    async run(values, _positionals, context) {
        const configPath = (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .requireString */ .VW)(values, 'config');
        const eventPath = (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .requireString */ .VW)(values, 'event');
        const dir = (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .requireDirectory */ .T)({ dir: (0,_command_js__WEBPACK_IMPORTED_MODULE_8__/* .optionalString */ .sx)(values, 'dir') ?? '.' }, 'dir', context.cwd);
        const config = (0,_core_config_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePromotionConfig */ .BR)(readText((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, configPath), '--config'), configPath);
        const promotion = (0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_5__/* .resolvePromotion */ .k5)(config, (0,_core_payload_index_js__WEBPACK_IMPORTED_MODULE_4__/* .requestFromPayload */ .WM)((0,_core_payload_index_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDispatchPayload */ .gX)(payloadOf(readJson((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(context.cwd, eventPath))))));
        const { selection, decision, warnings } = await (0,_flows_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .planOnSnapshot */ .F)(promotion, new _fs_snapshot_js__WEBPACK_IMPORTED_MODULE_7__/* .FolderSnapshot */ .$(dir));
        for (const message of warnings)
            context.stderr(`warning: ${message}`);
        const changes = decision.kind === 'change'
            ? decision.changes.map(({ file, line, path, old, new: value }) => ({ file, line, path, old, new: value }))
            : [];
        const json = {
            operation: decision.kind,
            reason: decision.kind === 'change' ? `would open or update the pull request on ${promotion.branch}` : decision.reason,
            app: promotion.app.name,
            environment: promotion.environment.name,
            tag: promotion.tag,
            branch: promotion.branch,
            title: promotion.title,
            previousTags: decision.previousTags,
            candidates: selection.paths,
            changes,
            files: decision.kind === 'change' ? decision.files.map((file) => file.path) : [],
        };
        const text = decision.kind === 'change'
            ? `${promotion.title}\n${(0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_5__/* .renderChangeTable */ .b6)(changes)}`
            : `${decision.kind}: ${json.reason}`;
        return { json, text };
    },
};
function readText(path, option) {
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path));
    }
    catch (error) {
        if (error instanceof TypeError)
            throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalid */ .Gq)(option, path, 'a UTF-8 text file');
        throw (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalid */ .Gq)(option, path, `a readable file (${error.code ?? error.message})`);
    }
}
function readJson(path) {
    const text = readText(path, '--event');
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`--event: ${path} is not valid JSON (${error.message})`);
    }
}
/** A repository_dispatch event carries the payload in client_payload; a bare payload is taken as is. */
function payloadOf(event) {
    if (typeof event === 'object' && event !== null && !Array.isArray(event) && 'client_payload' in event) {
        return event.client_payload;
    }
    return event;
}


/***/ }),

/***/ 530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ planOnSnapshot)
/* harmony export */ });
/* harmony import */ var _core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7646);
/* harmony import */ var _core_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2816);
// The one planning function of a promotion, for the bump action (over the API) and the command
// line's `plan` (over a checkout): which files to read, the engine's plan over them, a check that
// every new text still parses, and core's verdict. Warnings are collected, worded once.


async function planOnSnapshot(promotion, snapshot) {
    const warnings = [];
    const selection = (0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__/* .selectCandidatePaths */ .WB)(await snapshot.paths(), promotion);
    if (selection.broad) {
        warnings.push(`no file under ${promotion.environment.path || 'the repository root'} is named after ${promotion.app.name}; read all ${selection.paths.length} YAML files. Set apps.${promotion.app.name}.paths to read fewer.`);
    }
    const skipped = [];
    const files = await snapshot.read(selection.paths, (message) => skipped.push(message));
    // Each message starts with its file's path: sorted, both readers report skips in the same order,
    // whatever order they listed or fetched the files in.
    skipped.sort();
    warnings.push(...skipped);
    const planned = (0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__/* .planPromotion */ .z)(promotion, files, skipped);
    warnings.push(...planned.plan.warnings);
    // The engine edits bytes; a new text that no longer parses is a bug we refuse to commit.
    for (const file of planned.plan.files)
        (0,_core_yaml_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYamlStream */ .b8)(file.path, file.newText);
    return { selection, planned, decision: (0,_core_promotion_index_js__WEBPACK_IMPORTED_MODULE_0__/* .decideAgainstEnvironment */ .x4)(promotion, planned), warnings };
}


/***/ })

};

return {id,ids,modules};})