(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 828;
const ids = [828];
const modules = {

/***/ 9828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parsePolicyOptions: () => (/* binding */ parsePolicyOptions),
  settersCommand: () => (/* binding */ settersCommand)
});

// EXTERNAL MODULE: ./src/core/setters/marker.ts
var setters_marker = __webpack_require__(2048);
// EXTERNAL MODULE: ./src/core/yaml/edit.ts
var edit = __webpack_require__(1155);
// EXTERNAL MODULE: ./src/core/yaml/parse.ts
var parse = __webpack_require__(2816);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
;// CONCATENATED MODULE: ./src/core/setters/plan.ts





/** Files Flux considers for setters: YAML by extension, and kustomize's extension-less `Kustomization`. */
function isSetterCandidatePath(path) {
    return /\.ya?ml$/.test(path) || /(^|\/)Kustomization$/.test(path);
}
/** The full reference Flux writes for a full setter: `name:tag`, or `name:tag@digest` when pinned. */
function latestImageReference(image) {
    return `${image.name}:${image.tag}${image.digest ? `@${image.digest}` : ''}`;
}
function setterValue(marker, image) {
    switch (marker.field) {
        case 'full':
            return latestImageReference(image);
        case 'tag':
            return image.tag;
        case 'name':
            return image.name;
        case 'digest':
            return image.digest || undefined;
    }
}
/** `spec.template.spec.containers[0].image`, keys as written (the setters command's path format). */
function dottedPath(segments) {
    let path = '';
    for (const segment of segments) {
        if (typeof segment === 'number')
            path += `[${segment}]`;
        else
            path = path === '' ? segment : `${path}.${segment}`;
    }
    return path;
}
function oldValueOf(node) {
    return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}
/**
 * Plans the values Flux image-policy setters would write, without touching anything: each scalar
 * marked `# {"$imagepolicy": "ns:name[:tag|:name|:digest]"}` whose policy is given gets that part of
 * the policy's latest image. Markers naming other policies are left alone, as Flux does. All or
 * nothing, as a bump: a file that does not parse (or repeats a key) and names a given policy in a
 * marker, or a marked value that cannot be edited, is an error and nothing is planned; a file that
 * does not parse and names none of them is skipped with a warning.
 */
function planSetters(files, policies) {
    const plan = { changes: [], files: [], warnings: [], marked: [] };
    const marking = new Set();
    for (const file of files) {
        if (!file.text.includes(setters_marker/* SETTER_SCREEN */.dB))
            continue;
        if (file.invalidUtf8) {
            const { warning, marked } = undecodable(file, policies);
            plan.warnings.push(warning);
            marked.forEach((id) => marking.add(id));
            continue;
        }
        let documents;
        try {
            documents = (0,parse/* parseYamlStream */.b8)(file.path, file.text);
        }
        catch (error) {
            if (!(0,errors/* isUserError */.iU)(error))
                throw error;
            const named = namedPolicies(file.text, policies);
            if (named.length > 0) {
                throw new errors/* UserError */.yo(`${error.message}; it may hold markers of ${named.join(', ')}, so nothing was written: fix it and run again`);
            }
            plan.warnings.push(`${error.message}; skipped (no marker of a given policy in it)`);
            continue;
        }
        const marked = documents.flatMap((document) => [...(0,setters_marker/* markedScalars */.wQ)(file.text, document.contents)]);
        const edits = [];
        for (const { node, path: segments, marker } of marked) {
            const policy = (0,setters_marker/* markerId */.Aw)(marker);
            const image = policies.get(`${marker.namespace}:${marker.name}`);
            if (!image)
                continue;
            marking.add(`${marker.namespace}:${marker.name}`);
            const path = dottedPath(segments);
            const value = setterValue(marker, image);
            const line = (0,edit/* lineAt */.mh)(file.text, node.range?.[0] ?? 0);
            if (value === undefined) {
                plan.warnings.push(`${file.path}:${line}: policy ${policy} has no digest; value left as it is`);
                continue;
            }
            const old = oldValueOf(node);
            if (old === value)
                continue;
            edits.push((0,edit/* scalarEdit */.N2)(file.text, node, value, `${file.path}:${line}`));
            plan.changes.push({ file: file.path, line, path, old, new: value, policy });
        }
        if (edits.length === 0)
            continue;
        const text = (0,edit/* applyTextEdits */.nz)(file.text, edits);
        if (text !== file.text)
            plan.files.push({ path: file.path, text });
    }
    plan.marked = [...marking].sort();
    return plan;
}
/** The given policies whose id appears in a file's text as a marker would hold it (`"ns:name` then `"` or `:`). */
function namedPolicies(text, policies) {
    return [...policies.keys()].filter((id) => text.includes(`"${id}"`) || text.includes(`"${id}:`));
}
/**
 * A file that is not valid UTF-8 is never written (its text is a lossy decoding, and writing it would
 * change bytes no marker names); its warning says whether the setters would have changed it.
 */
function undecodable(file, policies) {
    const reason = `${file.path}: not valid UTF-8, so it cannot be edited byte for byte`;
    const { changes: would, marked } = planSetters([{ path: file.path, text: file.text }], policies);
    if (would.length === 0)
        return { warning: `${reason}; skipped`, marked };
    const where = would.map((change) => `${change.path} (line ${change.line})`).join(', ');
    return {
        warning: `${reason}; the setters would change ${where}, left alone: fix its encoding and run again`,
        marked,
    };
}
/**
 * The latest image of a policy from a reference as users write it (`ghcr.io/acme/app:1.2.3`, with
 * `@sha256:...` for a digest). The name stays as written (no `docker.io/library/` added), as Flux
 * writes the policy's repository; a tag is required because a full setter always writes one.
 */
function latestImageFromReference(ref, field = 'image reference') {
    const parsed = (0,image_ref/* parseImageReference */.o_)(ref);
    if (parsed.tag === undefined)
        throw (0,errors/* invalid */.Gq)(field, ref, 'an image reference with a tag, as name:tag[@digest]');
    const suffix = `:${parsed.tag}${parsed.digest === undefined ? '' : `@${parsed.digest}`}`;
    const name = ref.endsWith(suffix) ? ref.slice(0, ref.length - suffix.length) : parsed.familiarName;
    return { name, tag: parsed.tag, ...(parsed.digest !== undefined && { digest: parsed.digest }) };
}

;// CONCATENATED MODULE: ./src/core/setters/index.ts



// EXTERNAL MODULE: ./src/fs/tree.ts + 1 modules
var tree = __webpack_require__(267);
// EXTERNAL MODULE: ./src/cli/command.ts + 1 modules
var command = __webpack_require__(302);
// EXTERNAL MODULE: ./src/core/text/untrusted.ts
var untrusted = __webpack_require__(9069);
;// CONCATENATED MODULE: ./src/cli/commands/setters.ts





const USAGE = `usage: gitops-promote setters --dir <dir> --policy <ns>:<name>=<image ref> [--policy ...] [--dry-run] [--allow-nothing] [--json]

Applies Flux image-policy setter markers: every YAML value marked
  image: app:1.0.0   # {"$imagepolicy": "<ns>:<name>"}          gets name:tag[@digest]
  newTag: 1.0.0      # {"$imagepolicy": "<ns>:<name>:tag"}      gets the tag
  newName: app       # {"$imagepolicy": "<ns>:<name>:name"}     gets the name
  digest: sha256:..  # {"$imagepolicy": "<ns>:<name>:digest"}   gets the digest
(the marker may also be the only comment on the line above the entry) takes the latest image of
the named policy. Only the value bytes change; only changed files are written. Files read:
*.yaml, *.yml and Kustomization containing "$imagepolicy"; markers naming a policy not given are
left alone. All or nothing: a file that names a given policy in a marker but cannot be read as
YAML (a syntax error, a repeated key, a control character YAML forbids), or a marked value that
cannot be edited, fails the run with its file and line, and nothing is written; a file that does
not parse and names no given policy is skipped with a warning.

options:
  --dir <dir>                          tree to update in place (required)
  --policy <ns>:<name>=<image ref>     a policy and its latest image, name:tag or name:tag@digest,
                                       e.g. apps:web=ghcr.io/acme/web:1.2.3 (repeatable, at least one;
                                       the split is at the first "=")
  --dry-run                            print the changes, write nothing
  --allow-nothing                      exit 0 when a policy marks no value in the tree
  --json                               print {"changes":[{"file","line","path","old","new"}]}

exit status: 0 done (also when every marked value is current); 1 a policy that marks no value
(--allow-nothing makes this 0), an invalid image reference, a file that cannot be read as above, or
an unreadable tree; 2 a malformed --policy (no "=", not <ns>:<name>, a policy given twice), a --dir that is not
an existing directory, or a missing option.`;
const POLICY_ID = /^[^:=\s]+:[^:=\s]+$/;
/** `--policy` values into policies by "ns:name"; syntax is a usage error, a bad reference a user error. */
function parsePolicyOptions(values) {
    if (values.length === 0)
        throw new command/* UsageError */.eb('--policy is required (at least one)');
    const policies = new Map();
    for (const value of values) {
        const split = value.indexOf('=');
        const id = split === -1 ? '' : value.slice(0, split);
        const ref = split === -1 ? '' : value.slice(split + 1);
        if (!POLICY_ID.test(id) || ref === '') {
            throw new command/* UsageError */.eb(`--policy: got ${JSON.stringify(value)}, expected <ns>:<name>=<image ref>`);
        }
        if (policies.has(id))
            throw new command/* UsageError */.eb(`--policy: ${id} is given twice`);
        policies.set(id, latestImageFromReference(ref, `--policy ${id}`));
    }
    return policies;
}
const settersCommand = {
    name: 'setters',
    summary: 'apply Flux image-policy setter markers (# {"$imagepolicy": "ns:name"}) in a tree',
    usage: USAGE,
    options: {
        dir: { type: 'string' },
        policy: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        'allow-nothing': { type: 'boolean' },
    },
    async run(values, _positionals, context) {
        const dir = (0,command/* requireDirectory */.T)(values, 'dir', context.cwd);
        const policies = parsePolicyOptions(values.policy ?? []);
        const warn = (message) => context.stderr(`warning: ${message}`);
        const skipped = [];
        const warnOnRead = (message) => {
            skipped.push(message);
            warn(message);
        };
        const files = await (0,tree/* readTree */.Zc)(dir, { include: isSetterCandidatePath, mustContain: setters_marker/* SETTER_SCREEN */.dB, warn: warnOnRead });
        const plan = planSetters(files, policies);
        plan.warnings.forEach(warn);
        const unmarked = [...policies.keys()].filter((id) => !plan.marked.includes(id));
        if (unmarked.length > 0 && values['allow-nothing'] !== true) {
            const also = skipped.length === 0 ? '' : `; skipped: ${skipped.join('; ')}`;
            throw new errors/* UserError */.yo(`no value is marked with policy ${unmarked.join(', ')} (${files.length} file(s) hold markers${also}); nothing written (--allow-nothing makes this a success)`);
        }
        const dryRun = values['dry-run'] === true;
        if (!dryRun)
            await (0,tree/* writeTreeFiles */.$c)(dir, plan.files);
        const changes = plan.changes.map(({ file, line, path, old, new: value }) => ({
            file,
            line,
            path,
            old,
            new: value,
        }));
        const lines = plan.changes.map((change) => (0,untrusted/* forLog */.Ig)(`${change.file}:${change.line} ${change.path}: ${change.old} -> ${change.new}`));
        const summary = `${plan.changes.length} value(s) in ${plan.files.length} file(s) ${dryRun ? 'would change (dry run, nothing written)' : 'changed'}`;
        return { json: { changes }, text: [...lines, summary].join('\n') };
    },
};


/***/ }),

/***/ 2048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ markerId),
/* harmony export */   dB: () => (/* reexport safe */ _screen_js__WEBPACK_IMPORTED_MODULE_1__.d),
/* harmony export */   wQ: () => (/* binding */ markedScalars)
/* harmony export */ });
/* unused harmony exports parseSetterMarker, lineCommentAfter, headCommentAbove, setterMarkerOf */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _screen_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8270);



const FIELD_SUFFIXES = { tag: 'tag', name: 'name', digest: 'digest' };
/**
 * Reads a setter marker from one comment (its text with or without the leading `#`). As Flux (kyaml)
 * does, the whole comment must be a JSON object of strings; anything else, a policy id that is not
 * `ns:name` or `ns:name:<tag|name|digest>`, or a comment of several lines, is not a marker.
 */
function parseSetterMarker(comment) {
    const body = comment.replace(/^#+/, '');
    if (/[\r\n]/.test(body.trimEnd()))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return undefined;
    const values = Object.values(parsed);
    if (!values.every((value) => typeof value === 'string'))
        return undefined;
    const id = parsed[_screen_js__WEBPACK_IMPORTED_MODULE_1__/* .SETTER_KEY */ .i];
    if (id === undefined)
        return undefined;
    const [namespace, name, suffix, ...rest] = id.split(':');
    if (!namespace || !name || rest.length > 0)
        return undefined;
    if (suffix === undefined)
        return { namespace, name, field: 'full' };
    const field = FIELD_SUFFIXES[suffix];
    return field ? { namespace, name, field } : undefined;
}
/** The id a marker refers to, as written in it: `ns:name`, `ns:name:tag`, ... */
function markerId(marker) {
    const policy = `${marker.namespace}:${marker.name}`;
    return marker.field === 'full' ? policy : `${policy}:${marker.field}`;
}
const COMMENT_LINE = /^[ \t]*#(.*?)\r?$/;
/**
 * The comment at the end of the line where a value ends (`image: app:1.0 # comment`). For a block
 * scalar the comment sits on its header line (`patch: | # comment`), so the search starts there.
 */
function lineCommentAfter(source, valueStart, valueEnd, isBlock) {
    const from = isBlock ? valueStart : valueEnd;
    const lineEnd = source.indexOf('\n', from);
    const rest = source.slice(from, lineEnd === -1 ? source.length : lineEnd);
    const match = isBlock ? /^[|>][0-9+-]*[ \t]+#(.*?)\r?$/.exec(rest) : /^[ \t]+#(.*?)\r?$/.exec(rest);
    return match?.[1];
}
/**
 * The comment on the line just above an entry (a mapping key or a sequence item) when it is the only
 * comment line there: go-yaml joins consecutive comment lines into one head comment, and several
 * lines never read as one marker.
 */
function headCommentAbove(source, entryStart) {
    const lineStart = source.lastIndexOf('\n', entryStart - 1) + 1;
    if (lineStart === 0)
        return undefined;
    const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1;
    const previous = COMMENT_LINE.exec(source.slice(previousStart, lineStart - 1));
    if (!previous)
        return undefined;
    if (previousStart > 0) {
        const beforeStart = source.lastIndexOf('\n', previousStart - 2) + 1;
        if (COMMENT_LINE.test(source.slice(beforeStart, previousStart - 1)))
            return undefined;
    }
    return previous[1];
}
/** The setter marker of a scalar value: its line comment decides first, then the head comment, as kyaml reads field metadata. */
function setterMarkerOf(source, node, entryStart) {
    const [start, end] = node.range ?? [];
    if (start === undefined || end === undefined)
        return undefined;
    const isBlock = node.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL || node.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_FOLDED;
    const line = lineCommentAfter(source, start, end, isBlock);
    const fromLine = line === undefined ? undefined : parseSetterMarker(line);
    if (fromLine)
        return fromLine;
    const head = headCommentAbove(source, entryStart ?? start);
    return head === undefined ? undefined : parseSetterMarker(head);
}
/** Every scalar value (never a key) of a document carrying a setter marker, in document order. */
function* markedScalars(source, root) {
    const path = [];
    function* visit(node, entryStart) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
            const marker = setterMarkerOf(source, node, entryStart);
            if (marker)
                yield { node, path: [...path], marker };
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            for (const pair of node.items) {
                path.push((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '?');
                yield* visit(pair.value, pair.key?.range?.[0]);
                path.pop();
            }
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            for (const [index, item] of node.items.entries()) {
                path.push(index);
                yield* visit(item, item?.range?.[0]);
                path.pop();
            }
        }
    }
    yield* visit(root, undefined);
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


/***/ })

};

return {id,ids,modules};})