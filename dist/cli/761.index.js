(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 761;
const ids = [761];
const modules = {

/***/ 6761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   selectCommand: () => (/* binding */ selectCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_policy_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3381);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(302);





const USAGE = `usage: gitops-promote select --policy <spec> (--tags a,b,c | --tags-file <file>) [options] [--json]

Prints the latest tag under a Flux-style tag policy.

policies:
  semver:<range>             highest version in the range; tags are strict semver, "v" prefix allowed.
                             Ranges as Flux (Masterminds) reads them: "1.0.x", "^1.2", "~0.4",
                             ">=1.0 <2.0", ">0, <2.0" (comma = AND), "1.2 - 1.4", "^1 || ^2",
                             "^1.x-0" (a prerelease in a range admits prereleases)
  alphabetical[:asc|desc]    greatest (asc, default) or smallest (desc) string, byte-wise
  numerical[:asc|desc]       greatest (asc, default) or smallest number; every tag must be a number
  glob:<pattern>             tags matching the glob ("*" only); the last listed one wins
  regexp:<expression>        tags the Go regular expression matches; the last listed one wins

options:
  --policy <spec>            the policy (required)
  --filter-pattern <regexp>  Go regular expression tags must match first (as ImagePolicy filterTags)
  --extract <template>       what the policy ranks instead of the tag: $1, \${1}, $name from the
                             pattern's groups, e.g. --filter-pattern '^main-[a-f0-9]+-(?P<ts>[0-9]+)'
                             --extract '$ts'; the winning tag is printed, not the extracted value
  --tags <a,b,c>             the candidate tags, comma-separated
  --tags-file <file>         the candidate tags, one per line (blank lines ignored)
  --all                      print every eligible tag, latest first, instead of one
  --json                     print {"tag": "..."} (with --all: {"tags": [{"tag", "value"}]})

Fails (exit 1) when no tag is eligible, or the policy or a regular expression is invalid.`;
const selectCommand = {
    name: 'select',
    summary: 'print the latest tag under a Flux-style policy (semver, alphabetical, numerical, glob, regexp)',
    usage: USAGE,
    options: {
        policy: { type: 'string' },
        'filter-pattern': { type: 'string' },
        extract: { type: 'string' },
        tags: { type: 'string' },
        'tags-file': { type: 'string' },
        all: { type: 'boolean' },
    },
    async run(values, _positionals, context) {
        const spec = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .requireString */ .VW)(values, 'policy');
        const pattern = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalString */ .sx)(values, 'filter-pattern');
        const extract = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalString */ .sx)(values, 'extract');
        if (extract && !pattern)
            throw new _command_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('--extract needs --filter-pattern to take groups from');
        const tags = await readTags((0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalString */ .sx)(values, 'tags'), (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .optionalString */ .sx)(values, 'tags-file'), context.cwd);
        const policy = (0,_core_policy_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseTagPolicy */ .Cf)(spec, { pattern, extract }, 'policy');
        if (values.all === true) {
            const ranked = (0,_core_policy_index_js__WEBPACK_IMPORTED_MODULE_3__/* .rankTags */ .W1)(policy, tags);
            return { json: { tags: ranked }, text: ranked.map((entry) => entry.tag).join('\n') };
        }
        const tag = (0,_core_policy_index_js__WEBPACK_IMPORTED_MODULE_3__/* .selectLatest */ .se)(policy, tags);
        return { json: { tag }, text: tag };
    },
};
async function readTags(list, file, cwd) {
    if (list !== undefined && file !== undefined)
        throw new _command_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('give --tags or --tags-file, not both');
    if (list !== undefined)
        return splitTags(list.split(','));
    if (file === undefined)
        throw new _command_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('--tags or --tags-file is required');
    let content;
    try {
        content = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file), 'utf8');
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`tags-file: cannot read ${JSON.stringify(file)}: ${error.code ?? error.message}`);
    }
    return splitTags(content.split(/\r?\n/));
}
function splitTags(entries) {
    return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}


/***/ })

};

return {id,ids,modules};})