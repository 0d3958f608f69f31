(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 725;
const ids = [725];
const modules = {

/***/ 725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyPlan: () => (/* reexport */ applyPlan),
  planBump: () => (/* reexport */ planBump)
});

// UNUSED EXPORTS: bumpScreen, isHelmValuesPath, isKustomizationPath, resolveTarget

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/setters/marker.ts
var setters_marker = __webpack_require__(2048);
// EXTERNAL MODULE: ./src/core/yaml/edit.ts
var yaml_edit = __webpack_require__(1155);
// EXTERNAL MODULE: ./src/core/yaml/parse.ts
var parse = __webpack_require__(2816);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
;// CONCATENATED MODULE: ./src/core/manifest/broken-files.ts


/** Characters that continue a repository name component: `app` in `app-worker` or `myapp` is another name. */
const NAME_CHAR = /[A-Za-z0-9._-]/;
/** Characters of the text before a name that may still belong to its reference: path, registry host and port. */
const REFERENCE_CHAR = /[A-Za-z0-9._\-/:]/;
/**
 * Whether a file that does not parse could reference the target, and so must block the bump rather
 * than be skipped: nothing can be read from it, so a bump that went on might leave it behind.
 * Conservative: every occurrence of the repository's last path component that may stand for the
 * image blocks. Only these are ruled out: occurrences inside a comment, inside a longer name
 * (`acme/app-worker`, `myapp`), as a mapping key (`app: web`), or naming another repository
 * (`other/app`). A file with a setter marker blocks whenever it mentions the name at all, comments
 * included, because a marker can make a file edited without naming the image.
 */
function brokenFileMayReference(text, target) {
    if (text.includes(setters_marker/* SETTER_SCREEN */.dB))
        return target.mentions(text);
    for (const line of text.split('\n')) {
        const code = withoutComment(line);
        for (let at = code.indexOf(target.screen); at !== -1; at = code.indexOf(target.screen, at + 1)) {
            if (occurrenceMayReference(code, at, target))
                return true;
        }
    }
    return false;
}
function occurrenceMayReference(code, at, target) {
    const end = at + target.screen.length;
    if (NAME_CHAR.test(code[at - 1] ?? '') || NAME_CHAR.test(code[end] ?? ''))
        return false;
    if (code[end] === ':' && /^(\s|$)/.test(code.slice(end + 1, end + 2)))
        return false;
    let start = at;
    while (start > 0 && REFERENCE_CHAR.test(code[start - 1] ?? ''))
        start--;
    const name = code.slice(start, end);
    try {
        if ((0,image_ref/* parseImageReference */.o_)(name).repository === target.repository)
            return true;
    }
    catch {
        // Not a reference by itself; it may still be the path part of one.
    }
    // Helm values may give the registry in a key of their own, leaving only the path here.
    return target.repository.endsWith(`/${name}`);
}
/**
 * The line without its comment: a `#` at the start or after white space, outside quotes. A quote
 * opens only where a quoted scalar may start, so the apostrophe of `it's` opens nothing; a quote
 * left open keeps the rest of the line (the conservative reading).
 */
function withoutComment(line) {
    let quote;
    for (let index = 0; index < line.length; index++) {
        const char = line[index];
        const before = line[index - 1] ?? ' ';
        if (quote !== undefined) {
            if (quote === '"' && char === '\\')
                index++;
            else if (char === quote)
                quote = undefined;
        }
        else if ((char === '"' || char === "'") && /[\s:,[{-]/.test(before)) {
            quote = char;
        }
        else if (char === '#' && /\s/.test(before)) {
            return line.slice(0, index);
        }
    }
    return line;
}

;// CONCATENATED MODULE: ./src/core/manifest/file-edits.ts

/**
 * The edits planned for one file. A value reached twice (directly and through an alias, or by two
 * locators) is edited and reported once.
 */
class FileEdits {
    file;
    source;
    writable;
    edits = [];
    changes = [];
    /** Places found that reference the target, whether they change or not. */
    references = 0;
    /** Every place decided about, for the check that an edit of a shared (anchored) value changes no other place. */
    places = [];
    /** The nodes the edits change: a scalar replaced or filled, a map given or losing a key. */
    changed = new Set();
    /** The file's documents, as parsed; none once planned, when the file has no alias (see `planned`). */
    documents = [];
    spans = new Set();
    visited = new Set();
    claimed = new Set();
    /**
     * @param writable false for a file read only to report what would change (it is not valid UTF-8):
     * its changes are recorded, but no value is checked for whether it could be written.
     */
    constructor(file, source, writable = true) {
        this.file = file;
        this.source = source;
        this.writable = writable;
    }
    /** Replaces a scalar's value, keeping its quote style (scalarEdit). */
    replace(node, newValue, details) {
        const [start, end] = node.range ?? [0, 0];
        const edit = this.writable
            ? (0,yaml_edit/* scalarEdit */.N2)(this.source, node, newValue, `${this.file}: ${details.path}`)
            : { start, end, text: newValue };
        this.claim(node);
        this.add(edit, details, node);
    }
    /**
     * `changed` is the node whose value the edit changes; `reportedAt` is the offset whose line the
     * change reports (for a removed line, the line itself).
     */
    add(edit, details, changed, reportedAt = edit.start) {
        const span = `${edit.start}:${edit.end}`;
        if (edit.start !== edit.end && this.spans.has(span))
            return;
        this.changed.add(changed);
        this.spans.add(span);
        this.edits.push(edit);
        this.changes.push({ file: this.file, line: (0,yaml_edit/* lineAt */.mh)(this.source, reportedAt), ...details });
    }
    /** Marks a value as decided by a locator (edited, already current, or refused) so no later pass edits it. */
    claim(node) {
        const start = node?.range?.[0];
        if (start !== undefined)
            this.claimed.add(start);
    }
    place(place) {
        this.places.push(place);
    }
    isClaimed(node) {
        return node.range != null && this.claimed.has(node.range[0]);
    }
    /**
     * The locators are done with the file: what only they and the shared-value check read is let go.
     * That check reads the documents and the changed nodes of a file with an alias (`*`) only, and
     * a bump of a large tree would otherwise hold every document it read until it ends (measured:
     * a mark-compact and costlier scavenges on a 10,000-file tree).
     */
    planned() {
        this.visited.clear();
        if (this.source.includes('*'))
            return;
        this.documents.length = 0;
        this.changed.clear();
    }
    /** True the first time a node is seen: a map reached again through an alias is not edited twice. */
    firstVisit(node) {
        if (this.visited.has(node))
            return false;
        this.visited.add(node);
        return true;
    }
}

;// CONCATENATED MODULE: ./src/core/manifest/nodes.ts


/** `spec.template.spec.containers[0].image`; keys that are not identifiers are written `["a.b"]`. */
function formatPath(segments) {
    let path = '';
    for (const segment of segments) {
        if (typeof segment === 'number')
            path += `[${segment}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(segment))
            path += path === '' ? segment : `.${segment}`;
        else
            path += `[${JSON.stringify(segment)}]`;
    }
    return path;
}
/** The node an alias stands for, so that edits land on the anchor's definition and never on `*alias`. */
function resolveNode(document, node) {
    if ((0,dist/* isAlias */.Vj)(node))
        return node.resolve(document) ?? undefined;
    return (node ?? undefined);
}
/** The pair of a key; the last one wins when a key repeats, as Kubernetes reads it. */
function pairOf(map, key) {
    return map.items.findLast((pair) => (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === key);
}
/**
 * The value of a key, also through YAML merge keys (`<<: *defaults`), so that a container whose
 * image comes from a shared anchor is found and the anchor's definition is edited.
 */
function nodes_valueOf(document, map, key, depth = 0) {
    const pair = pairOf(map, key);
    if (pair)
        return resolveNode(document, pair.value);
    const merge = pairOf(map, '<<');
    if (!merge || depth > 8)
        return undefined;
    const sources = resolveNode(document, merge.value);
    for (const source of (0,dist/* isSeq */.oP)(sources) ? sources.items : [sources]) {
        const resolved = resolveNode(document, source);
        const found = (0,dist/* isMap */.jh)(resolved) ? nodes_valueOf(document, resolved, key, depth + 1) : undefined;
        if (found)
            return found;
    }
    return undefined;
}
function stringValue(node) {
    return (0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' ? node.value : undefined;
}
/** A scalar as the reader sees it in the file: `1.20` stays `1.20` even though YAML reads a number. */
function scalarText(source, node) {
    if (typeof node.value === 'string')
        return node.value;
    if (node.type === dist/* Scalar */.X5.PLAIN && node.range)
        return source.slice(node.range[0], node.range[1]);
    return String(node.value);
}
/** Plain key/value map of string scalars (annotations, labels). */
function stringMap(document, node) {
    const result = {};
    const map = resolveNode(document, node);
    if (!map || !('items' in map) || !Array.isArray(map.items))
        return result;
    for (const pair of map.items) {
        const value = stringValue(resolveNode(document, pair.value));
        if ((0,dist/* isScalar */.jn)(pair.key) && typeof pair.key.value === 'string' && value !== undefined)
            result[pair.key.value] = value;
    }
    return result;
}
/** True for a key written with no value at all (`newTag:`), which YAML reads as null. */
function isEmptyScalar(node) {
    return node.value === null && node.range != null && node.range[0] === node.range[1];
}
/** Fills an empty value, keeping a space after the colon and before a comment that follows. */
function emptyScalarEdit(source, node, value, inFlow) {
    const at = node.range?.[0] ?? 0;
    const before = /\s/.test(source[at - 1] ?? ' ') ? '' : ' ';
    const after = at < source.length && !/\s/.test(source[at] ?? ' ') ? ' ' : '';
    const text = (0,yaml_edit/* isSafePlainScalar */.a)(value, inFlow) ? value : JSON.stringify(value);
    return { start: at, end: at, text: `${before}${text}${after}` };
}
function lineEndingAt(source, newline) {
    return source[newline - 1] === '\r' ? '\r\n' : '\n';
}
function formatLike(sibling, value, inFlow) {
    if ((0,dist/* isScalar */.jn)(sibling) && sibling.type === dist/* Scalar */.X5.QUOTE_SINGLE)
        return `'${value.replaceAll("'", "''")}'`;
    if ((0,dist/* isScalar */.jn)(sibling) && sibling.type === dist/* Scalar */.X5.QUOTE_DOUBLE)
        return JSON.stringify(value);
    return (0,yaml_edit/* isSafePlainScalar */.a)(value, inFlow) ? value : JSON.stringify(value);
}
/**
 * The insertion of new `key: value` pairs right after a sibling pair, written the way the file
 * writes it: same indentation and line ending, same quote style as the sibling's value.
 * Undefined when the sibling is not a one-line scalar pair (the place is then reported, not guessed).
 */
function insertAfterPair(source, map, sibling, entries) {
    const value = sibling.value;
    const keyStart = sibling.key.range?.[0];
    if (!(0,dist/* isScalar */.jn)(value) || !value.range || keyStart === undefined)
        return undefined;
    if (value.type === dist/* Scalar */.X5.BLOCK_FOLDED || value.type === dist/* Scalar */.X5.BLOCK_LITERAL)
        return undefined;
    const valueEnd = value.range[1];
    if (map.flow) {
        const text = entries.map(([key, item]) => `, ${key}: ${formatLike(value, item, true)}`).join('');
        return { start: valueEnd, end: valueEnd, text };
    }
    if (source.slice(keyStart, valueEnd).includes('\n'))
        return undefined;
    const indent = ' '.repeat(keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1));
    const lines = entries.map(([key, item]) => `${indent}${key}: ${formatLike(value, item, false)}`);
    const newline = source.indexOf('\n', valueEnd);
    if (newline === -1) {
        const eol = source.includes('\r\n') ? '\r\n' : '\n';
        return { start: source.length, end: source.length, text: lines.map((line) => eol + line).join('') };
    }
    const eol = lineEndingAt(source, newline);
    return { start: newline + 1, end: newline + 1, text: lines.map((line) => line + eol).join('') };
}
/**
 * The removal of a block-map pair that sits alone on its line (with its line ending), or undefined
 * when it shares its line with something else (`- digest: ...` starting a sequence item, flow maps)
 * or defines an anchor.
 */
function removePairLine(source, map, pair) {
    const keyStart = pair.key.range?.[0];
    const value = pair.value;
    if (map.flow || keyStart === undefined || !(0,dist/* isScalar */.jn)(value) || !value.range)
        return undefined;
    // The line may define an anchor that aliases elsewhere still refer to.
    if (value.anchor || ((0,dist/* isScalar */.jn)(pair.key) && pair.key.anchor))
        return undefined;
    const lineStart = source.lastIndexOf('\n', keyStart - 1) + 1;
    if (source.slice(lineStart, keyStart).trim() !== '')
        return undefined;
    if (source.slice(keyStart, value.range[1]).includes('\n'))
        return undefined;
    const newline = source.indexOf('\n', value.range[1]);
    if (newline !== -1)
        return { start: lineStart, end: newline + 1, text: '' };
    // Last line without a line ending: take the previous line's ending instead.
    if (lineStart === 0)
        return undefined;
    const start = source[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
    return { start, end: source.length, text: '' };
}

// EXTERNAL MODULE: ./src/core/manifest/target.ts
var manifest_target = __webpack_require__(9608);
// EXTERNAL MODULE: ./src/core/policy/index.ts + 6 modules
var core_policy = __webpack_require__(3381);
;// CONCATENATED MODULE: ./src/core/manifest/policy-gate.ts

/**
 * Why the container's Flux tag-policy annotation refuses the tag, or undefined when it allows it
 * (or the resource declares no policy for that container).
 */
function policyRefusal(annotations, container, tag) {
    if (Object.keys(annotations).length === 0)
        return undefined;
    const policy = (0,core_policy/* policiesFromAnnotations */.t9)(annotations).get(container);
    if (!policy || (0,core_policy/* isEligible */.YT)(policy, tag))
        return undefined;
    return `policy ${(0,core_policy/* describeTagPolicy */.KR)(policy)}`;
}

;// CONCATENATED MODULE: ./src/core/manifest/locate.ts






/**
 * Whether a place that references the target may be edited: it must belong to a requested
 * container, and the new tag must pass the container's tag policy when the resource declares one.
 */
function mayEdit(context, scope, path) {
    return placeDecision(context, scope, path) === undefined;
}
/** Why a place that references the target is left alone, or undefined when it may be edited; recorded as a place. */
function placeDecision(context, scope, path) {
    context.edits.references++;
    const refusal = refusalOf(context, scope, path);
    recordPlace(context, path, refusal, scope.name ?? UNNAMED);
    return refusal;
}
/** How messages name a container without a name. */
const UNNAMED = '(unnamed)';
/** `exact`: the place is the value at `path` itself, not what lies below it (a map shared with other keys). */
function recordPlace(context, path, refusal, container, exact = false) {
    context.edits.place({ document: context.documentIndex, path: formatPath(path), refusal, container, exact });
}
function refusalOf(context, scope, path) {
    const { target } = context;
    if (target.containers !== undefined && (scope.name === undefined || !target.containers.has(scope.name))) {
        return `container ${scope.name ?? UNNAMED} is not one the bump is for (${(0,manifest_target/* containerList */.eI)(target)})`;
    }
    if (scope.name === undefined || target.readOnly)
        return undefined;
    const refusal = policyOf(context, scope.annotations, scope.name);
    if (refusal === undefined)
        return undefined;
    context.warn(`${context.file}: ${formatPath(path)}: tag ${target.tag} not allowed for container ${scope.name} (${refusal}), left alone`);
    return `tag ${target.tag} is not allowed for container ${scope.name} (${refusal})`;
}
/** The container's policy refusal; a malformed annotation (on any container of the resource) names the file. */
function policyOf(context, annotations, container) {
    try {
        return policyRefusal(annotations, container, context.target.tag);
    }
    catch (error) {
        if ((0,errors/* isUserError */.iU)(error))
            throw new errors/* UserError */.yo(`${context.file}: ${error.message}`, error);
        throw error;
    }
}
/** An `image: repo[:tag][@digest]` string. Returns true when it references the target (edited or already there). */
function bumpImageString(context, node, path, kind, scope) {
    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string')
        return false;
    const reference = (0,manifest_target/* referenceOfTarget */.s8)(node.value, context.target);
    if (reference)
        context.edits.claim(node);
    else
        warnUnparseable(context, node, path);
    if (!reference || !mayEdit(context, scope, path))
        return reference !== undefined;
    const bump = (0,manifest_target/* bumpReferenceText */.Ru)(node.value, reference, context.target);
    if (bump) {
        context.edits.replace(node, bump.value, {
            path: formatPath(path),
            old: node.value,
            new: bump.value,
            kind,
            ...(bump.note !== undefined && { note: bump.note }),
        });
    }
    return true;
}
/**
 * A value that names the target's repository but does not parse as a reference is never silently
 * passed over: the warning says where it is and why the bump leaves it alone.
 */
function warnUnparseable(context, node, path) {
    if (typeof node.value !== 'string' || context.edits.isClaimed(node))
        return;
    const problem = (0,manifest_target/* unparseableReference */.eR)(node.value, context.target);
    if (problem === undefined)
        return;
    context.edits.claim(node);
    const line = (0,yaml_edit/* lineAt */.mh)(context.source, node.range?.[0] ?? 0);
    context.warn(`${context.file}:${line}: ${formatPath(path)} names ${context.target.image} but is not an image reference (${problem}), left alone`);
}
/**
 * A map that holds the tag (and maybe the digest) in keys of its own: kustomize `images:` entries
 * and Helm `image: {repository, tag, digest}`. Missing keys are added after their sibling.
 */
function bumpTagFields(context, map, path, kind, fields) {
    const { document, source, target, edits } = context;
    if (!edits.firstVisit(map))
        return;
    const tagPair = pairOf(map, fields.tagKey);
    const tagNode = resolveNode(document, tagPair?.value);
    const digestPair = pairOf(map, 'digest');
    const digestNode = resolveNode(document, digestPair?.value);
    edits.claim(tagNode);
    edits.claim(digestNode);
    if ((tagPair && !(0,dist/* isScalar */.jn)(tagNode)) || (digestPair && !(0,dist/* isScalar */.jn)(digestNode))) {
        context.warn(`${context.file}: ${formatPath(path)}: tag or digest is not a plain value, left alone`);
        return;
    }
    const tagText = (0,dist/* isScalar */.jn)(tagNode) && tagNode.value !== null ? scalarText(source, tagNode) : undefined;
    const inTag = tagText === undefined ? undefined : (0,manifest_target/* splitTagAndDigest */.Qg)(tagText);
    const keyDigest = (0,dist/* isScalar */.jn)(digestNode) && typeof digestNode.value === 'string' && digestNode.value !== ''
        ? digestNode.value
        : undefined;
    const tagIsString = (0,dist/* isScalar */.jn)(tagNode) && typeof tagNode.value === 'string';
    const atTag = tagIsString && inTag?.tag === target.tag;
    const digestInTag = inTag?.digest !== undefined;
    const currentDigest = inTag?.digest ?? keyDigest;
    const newDigest = target.digest ?? (atTag ? currentDigest : undefined);
    const staleNote = currentDigest !== undefined && newDigest === undefined ? `stale digest ${currentDigest} removed` : undefined;
    const tagPath = formatPath([...path, fields.tagKey]);
    const digestPath = formatPath([...path, 'digest']);
    const newTagText = digestInTag && newDigest !== undefined ? `${target.tag}@${newDigest}` : target.tag;
    const added = [];
    if (!(0,dist/* isScalar */.jn)(tagNode) || tagPair === undefined) {
        added.push([fields.tagKey, newTagText]);
    }
    else if (isEmptyScalar(tagNode)) {
        edits.add(emptyScalarEdit(source, tagNode, newTagText, map.flow === true), { path: tagPath, old: '', new: newTagText, kind }, tagNode);
    }
    else if (!(tagIsString && tagNode.value === newTagText)) {
        const note = digestInTag ? staleNote : undefined;
        edits.replace(tagNode, newTagText, {
            path: tagPath,
            old: tagText ?? '',
            new: newTagText,
            kind,
            ...(note && { note }),
        });
    }
    if (!digestInTag && newDigest !== keyDigest) {
        if (newDigest !== undefined && !(0,dist/* isScalar */.jn)(digestNode)) {
            added.push(['digest', newDigest]);
        }
        else if (newDigest !== undefined && (0,dist/* isScalar */.jn)(digestNode)) {
            edits.replace(digestNode, newDigest, { path: digestPath, old: keyDigest ?? '', new: newDigest, kind });
        }
        else if ((0,dist/* isScalar */.jn)(digestNode) && digestPair) {
            const removal = fields.staleDigest === 'remove' ? removePairLine(source, map, digestPair) : undefined;
            const details = {
                path: digestPath,
                old: keyDigest ?? '',
                new: '',
                kind,
                note: staleNote ?? 'stale digest removed',
            };
            if (removal)
                edits.add(removal, details, map, digestPair.key.range?.[0]);
            else
                edits.replace(digestNode, '', details);
        }
    }
    if (added.length > 0)
        addKeys(context, map, added, tagPair && added[0]?.[0] === 'digest' ? tagPair : fields.addAfter, path, kind);
}
function addKeys(context, map, entries, after, path, kind) {
    const insertion = after && insertAfterPair(context.source, map, after, entries);
    if (!insertion) {
        const keys = entries.map(([key]) => key).join(' and ');
        context.warn(`${context.file}: ${formatPath(path)}: cannot add ${keys} here (unusual layout), left alone`);
        return;
    }
    const [first, ...rest] = entries;
    if (!first)
        return;
    context.edits.add(insertion, { path: formatPath([...path, first[0]]), old: '', new: first[1], kind, note: 'added' }, map);
    // The same insertion carries the other keys; report them without a second edit.
    for (const [key, value] of rest) {
        context.edits.changes.push({
            file: context.file,
            line: (context.edits.changes.at(-1)?.line ?? 0) + 1,
            path: formatPath([...path, key]),
            old: '',
            new: value,
            kind,
            note: 'added',
        });
    }
}

;// CONCATENATED MODULE: ./src/core/manifest/helm.ts





/** HelmRelease API groups: Flux v2, the Helm operator, and Flux v1's own. */
const HELM_RELEASE_GROUPS = ['helm.toolkit.fluxcd.io/', 'helm.fluxcd.io/', 'flux.weave.works/'];
/** `image`, and keys such as `initImage` or `sidecarImage` that charts use for further images. */
const IMAGE_KEY = /^(image|[A-Za-z0-9_]*Image)$/;
/** Flux v1 names the top-level values image `chart-image`, and `<component>.image` after its component. */
const TOP_LEVEL_CONTAINER = 'chart-image';
/** Helm values files: `values.yaml`, `values-prod.yaml`, `values.prod.yml`. */
function isHelmValuesPath(path) {
    return /(^|\/)values[^/]*\.ya?ml$/i.test(path);
}
function locateHelmReleaseImages(context, root) {
    const { document } = context;
    const apiVersion = stringValue(nodes_valueOf(document, root, 'apiVersion')) ?? '';
    if (stringValue(nodes_valueOf(document, root, 'kind')) !== 'HelmRelease')
        return;
    if (!HELM_RELEASE_GROUPS.some((group) => apiVersion.startsWith(group)))
        return;
    const spec = nodes_valueOf(document, root, 'spec');
    const values = (0,dist/* isMap */.jh)(spec) ? nodes_valueOf(document, spec, 'values') : undefined;
    if (!(0,dist/* isMap */.jh)(values))
        return;
    const metadata = nodes_valueOf(document, root, 'metadata');
    const annotations = (0,dist/* isMap */.jh)(metadata) ? stringMap(document, nodes_valueOf(document, metadata, 'annotations')) : {};
    walkValues(context, values, ['spec', 'values'], 2, 'helm-release', annotations);
}
function locateValuesFileImages(context, root) {
    walkValues(context, root, [], 0, 'helm-values', {});
}
/**
 * Visits every map of the values by every route, an anchored subtree reached again through an alias
 * included: its images belong to the chart component (container) of each route, and each route is
 * a place of its own for --container and tag policies. A subtree that contains itself is not re-entered.
 */
function walkValues(context, root, rootPath, valuesDepth, kind, annotations) {
    const route = new Set();
    const visit = (node, path) => {
        if (!node || route.has(node) || (!(0,dist/* isSeq */.oP)(node) && !(0,dist/* isMap */.jh)(node)))
            return;
        route.add(node);
        if ((0,dist/* isSeq */.oP)(node)) {
            node.items.forEach((item, index) => visit(resolveNode(context.document, item), [...path, index]));
        }
        else {
            for (const pair of node.items) {
                if (!(0,dist/* isScalar */.jn)(pair.key) || typeof pair.key.value !== 'string')
                    continue;
                const key = pair.key.value;
                const value = resolveNode(context.document, pair.value);
                const childPath = [...path, key];
                const container = containerName(path.slice(valuesDepth));
                if (IMAGE_KEY.test(key) &&
                    bumpValuesImage(context, node, value, childPath, kind, { name: container, annotations }))
                    continue;
                visit(value, childPath);
            }
        }
        route.delete(node);
    };
    visit(root, rootPath);
}
function containerName(pathInValues) {
    const last = pathInValues.findLast((segment) => typeof segment === 'string');
    return last ?? TOP_LEVEL_CONTAINER;
}
/** An image value in one of the chart styles. Returns true when it referenced the target. */
function bumpValuesImage(context, parent, value, path, kind, scope) {
    const { document, target } = context;
    const text = stringValue(value);
    if (text !== undefined) {
        const reference = (0,manifest_target/* referenceOfTarget */.s8)(text, target);
        if (!reference) {
            if ((0,dist/* isScalar */.jn)(value))
                warnUnparseable(context, value, path);
            return false;
        }
        const tagPair = pairOf(parent, 'tag');
        // `image: repo` with the tag in a sibling `tag:` key (Flux v1 Helm operator style).
        if (reference.tag === undefined &&
            reference.digest === undefined &&
            tagPair &&
            (0,dist/* isScalar */.jn)(resolveNode(document, tagPair.value))) {
            context.edits.claim(resolveNode(document, tagPair.value));
            // The edit lands in the map holding both keys (its tag and digest), which may hold other
            // images' keys too: the place is that map itself and those two keys, not all that lies below.
            const refusal = placeDecision(context, scope, path);
            const holder = path.slice(0, -1);
            recordPlace(context, holder, refusal, scope.name, true);
            recordPlace(context, [...holder, 'tag'], refusal, scope.name);
            recordPlace(context, [...holder, 'digest'], refusal, scope.name);
            if (refusal === undefined) {
                bumpTagFields(context, parent, holder, kind, {
                    tagKey: 'tag',
                    addAfter: tagPair,
                    staleDigest: 'empty',
                });
            }
            return true;
        }
        return bumpImageString(context, value, path, kind, scope);
    }
    if (!(0,dist/* isMap */.jh)(value))
        return false;
    const repository = stringValue(nodes_valueOf(document, value, 'repository'));
    if (repository === undefined)
        return false;
    const registry = stringValue(nodes_valueOf(document, value, 'registry'));
    const name = registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
    const reference = (0,manifest_target/* referenceOfTarget */.s8)(name, target);
    if (!reference) {
        const repositoryNode = nodes_valueOf(document, value, 'repository');
        if ((0,dist/* isScalar */.jn)(repositoryNode) && !registry)
            warnUnparseable(context, repositoryNode, [...path, 'repository']);
        return false;
    }
    if (reference.tag !== undefined || reference.digest !== undefined) {
        const line = (0,yaml_edit/* lineAt */.mh)(context.source, nodes_valueOf(document, value, 'repository')?.range?.[0] ?? 0);
        context.warn(`${context.file}:${line}: ${formatPath([...path, 'repository'])}: ${name} carries its tag or digest in repository, where a chart adds the tag key's; left alone`);
        return false;
    }
    context.edits.claim(nodes_valueOf(document, value, 'tag'));
    context.edits.claim(nodes_valueOf(document, value, 'digest'));
    if (mayEdit(context, scope, path)) {
        bumpTagFields(context, value, path, kind, {
            tagKey: 'tag',
            addAfter: pairOf(value, 'repository'),
            staleDigest: 'empty',
        });
    }
    return true;
}

// EXTERNAL MODULE: ./src/core/manifest/files.ts
var files = __webpack_require__(7102);
;// CONCATENATED MODULE: ./src/core/manifest/kustomize.ts





/**
 * `images:` entries that deploy the target get `newTag`, and `digest` as `kustomize edit set image`
 * writes them: setting one of tag and digest replaces both. kustomize matches an entry to the
 * workloads' images by `name` and deploys `newName:newTag`, so the image an entry deploys is its
 * `newName` when it has one and its `name` otherwise; an entry that renames the target to another
 * repository carries that repository's tag and is left alone (with a warning: the workloads it
 * renames deploy the other image whatever their tag).
 */
function locateKustomizeImages(context, root) {
    const { document, target } = context;
    const images = nodes_valueOf(document, root, 'images');
    if (!(0,dist/* isSeq */.oP)(images))
        return;
    images.items.forEach((item, index) => {
        const entry = resolveNode(document, item);
        if (!(0,dist/* isMap */.jh)(entry))
            return;
        const name = stringValue(nodes_valueOf(document, entry, 'name'));
        const newName = stringValue(nodes_valueOf(document, entry, 'newName')) || undefined;
        const deployed = newName ?? name;
        if (deployed === undefined || !(0,manifest_target/* referenceOfTarget */.s8)(deployed, target)) {
            if (newName !== undefined && name !== undefined && (0,manifest_target/* referenceOfTarget */.s8)(name, target)) {
                context.warn(`${context.file}: ${formatPath(['images', index])}: renames ${name} to ${newName}, so its newTag is ${newName}'s; left alone`);
            }
            return;
        }
        context.edits.references++;
        if (target.containers !== undefined) {
            recordPlace(context, ['images', index], 'a kustomize images entry applies to every container, and containers were named', undefined);
            context.warn(`${context.file}: ${formatPath(['images', index])}: a kustomize images entry applies to every container, left alone because a container was named`);
            return;
        }
        recordPlace(context, ['images', index], undefined, undefined);
        bumpTagFields(context, entry, ['images', index], 'kustomize', {
            tagKey: 'newTag',
            addAfter: pairOf(entry, 'newName') ?? pairOf(entry, 'name'),
            staleDigest: 'remove',
        });
    });
}

;// CONCATENATED MODULE: ./src/core/manifest/setter-markers.ts




/** Every marked scalar value of a document, as Flux reads markers (see markedScalars). */
function collectMarkedValues(edits, document, documentIndex, found) {
    for (const { node, path, marker } of (0,setters_marker/* markedScalars */.wQ)(edits.source, document.contents)) {
        found.push({ edits, document: documentIndex, node, path, marker });
    }
}
const setter_markers_policyOf = (marker) => `${marker.namespace}:${marker.name}`;
/**
 * Marked values the bump must follow: a policy whose full (`ns:name`) or name (`ns:name:name`)
 * marker holds the target image is the target's policy, so its `:tag` and `:digest` markers move
 * with it, wherever they sit. Places a locator already decided about (edited, current, refused
 * by a tag policy, another container) are left to that decision.
 */
function bumpMarkedValues(marked, target, warn) {
    const policies = new Set();
    for (const { edits, node, path, marker } of marked) {
        if ((marker.field === 'full' || marker.field === 'name') && typeof node.value === 'string') {
            if ((0,manifest_target/* referenceOfTarget */.s8)(node.value, target))
                policies.add(setter_markers_policyOf(marker));
            else if (marker.field === 'full' && !edits.isClaimed(node)) {
                const problem = (0,manifest_target/* unparseableReference */.eR)(node.value, target);
                if (problem !== undefined) {
                    edits.claim(node);
                    warn(`${edits.file}:${(0,yaml_edit/* lineAt */.mh)(edits.source, node.range?.[0] ?? 0)}: ${formatPath(path)} (setter ${setter_markers_policyOf(marker)}) names ${target.image} but is not an image reference (${problem}), left alone`);
                }
            }
        }
    }
    const tags = currentTags(marked, policies, target);
    for (const { edits, document, node, path, marker } of marked) {
        if (!policies.has(setter_markers_policyOf(marker)) || edits.isClaimed(node))
            continue;
        edits.references++;
        const where = formatPath(path);
        const old = scalarText(edits.source, node);
        const details = { path: where, old, kind: 'setter', note: `setter ${setter_markers_policyOf(marker)}:${marker.field}` };
        const named = target.containers !== undefined && marker.field !== 'name';
        const refusal = named ? `a setter marker applies to every container, and containers were named` : undefined;
        edits.place({ document, path: where, refusal, container: undefined });
        if (named) {
            warn(`${edits.file}: ${where}: setter ${setter_markers_policyOf(marker)} left alone because a container was named`);
            continue;
        }
        switch (marker.field) {
            case 'full': {
                const reference = typeof node.value === 'string' ? (0,manifest_target/* referenceOfTarget */.s8)(node.value, target) : undefined;
                const bump = reference && (0,manifest_target/* bumpReferenceText */.Ru)(old, reference, target);
                if (bump)
                    edits.replace(node, bump.value, { ...details, new: bump.value });
                break;
            }
            case 'tag':
                if (node.value !== target.tag)
                    edits.replace(node, target.tag, { ...details, new: target.tag });
                break;
            case 'digest': {
                if (target.digest !== undefined) {
                    if (node.value !== target.digest)
                        edits.replace(node, target.digest, { ...details, new: target.digest });
                    break;
                }
                if (old === '')
                    break;
                // As for a reference pinned to a digest: a digest belongs to its tag, so one whose tag moves
                // without a new digest is stale and is cleared (it would otherwise keep deploying the old image).
                const policyTags = tags.get(setter_markers_policyOf(marker)) ?? [];
                if (policyTags.length === 0) {
                    warn(`${edits.file}: ${where}: setter ${setter_markers_policyOf(marker)}:digest kept; no marker of the policy holds a tag, and no digest was given`);
                }
                else if (policyTags.some((tag) => tag !== target.tag)) {
                    edits.replace(node, '', { ...details, new: '', note: `${details.note}, stale digest ${old} removed` });
                }
                break;
            }
            case 'name':
                break;
        }
    }
}
/** The tags the target's policies hold now, from their full (`ns:name`) and tag (`ns:name:tag`) markers. */
function currentTags(marked, policies, target) {
    const tags = new Map();
    const add = (policy, tag) => tags.set(policy, [...(tags.get(policy) ?? []), tag]);
    for (const { edits, node, marker } of marked) {
        const policy = setter_markers_policyOf(marker);
        if (!policies.has(policy))
            continue;
        if (marker.field === 'tag')
            add(policy, scalarText(edits.source, node));
        if (marker.field === 'full') {
            const reference = typeof node.value === 'string' ? (0,manifest_target/* referenceOfTarget */.s8)(node.value, target) : undefined;
            if (reference)
                add(policy, reference.tag);
        }
    }
    return tags;
}

;// CONCATENATED MODULE: ./src/core/manifest/shared-values.ts





/** Nodes visited (aliases followed) while looking for the readers of shared values, per document. */
const MAX_VISITS = 200_000;
/** How deep merge keys may nest (`<<` in a map merged with `<<`), as `valueOf` follows them. */
const MAX_MERGE_DEPTH = 8;
/**
 * A YAML anchor lets one value be read at several places (`*alias`, `<<: *merge`), and an edit of
 * that value changes all of them. So an edit of a value read at more than one place is refused
 * unless each place is one the bump changes: a place another locator left alone (another container
 * than the one named, a tag policy that refuses the tag, a kustomize entry while a container is
 * named) or a place that is not the target image's (another image's tag, any other key) stops the
 * bump, with the file and line of that place.
 *
 * An error rather than a warning and a skip: the place the user asked for cannot be bumped without
 * changing one they did not ask for, and a bump that quietly left both alone would pass in CI as
 * done. Two readings keep working: a value that is itself a reference to the target image (an
 * annotation holding `acme/app:1`) reads the new image wherever it is read, and an anchor defined
 * in a map that names no image (`defaults: {tag: &t 1.0}`) is only a holder of the value.
 */
function checkSharedValues(edits, target) {
    if (edits.changed.size === 0 || !edits.source.includes('*'))
        return;
    for (const [index, document] of edits.documents.entries()) {
        const changed = [...edits.changed].filter((node) => inDocument(document, node));
        if (changed.length === 0)
            continue;
        const uses = usesOf(edits.file, document, new Set(changed));
        const places = edits.places.filter((place) => place.document === index);
        for (const node of changed) {
            const found = uses.get(node) ?? [];
            if (found.length < 2)
                continue;
            for (const use of found) {
                const problem = problemOf(document, node, use, places, target);
                if (problem !== undefined)
                    throw sharedValueError(edits, document, node, found, use, problem, target);
            }
        }
    }
}
function inDocument(document, node) {
    const at = node.range?.[0];
    return at !== undefined && at >= document.range[0] && at < document.range[2];
}
/** Why the edit must not reach this use of the node, or undefined when it may. */
function problemOf(document, node, use, places, target) {
    const path = formatPath(use.path);
    const covering = places.filter((place) => covers(place, path));
    const refused = covering.find((place) => place.refusal !== undefined);
    if (refused)
        return refused.refusal;
    if (covering.length > 0)
        return undefined;
    if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string' && (0,manifest_target/* referenceOfTarget */.s8)(node.value, target))
        return undefined;
    const owner = ownerOf(document, use);
    if (owner !== undefined)
        return (0,manifest_target/* referenceOfTarget */.s8)(owner, target) ? undefined : `it belongs to ${owner}`;
    if (use.via === undefined)
        return undefined;
    return `it is not one of the places the bump of ${target.image} changes`;
}
function covers(place, path) {
    if (path === place.path)
        return true;
    return !place.exact && (path.startsWith(`${place.path}.`) || path.startsWith(`${place.path}[`));
}
/** The image whose field a use sits in, as its holder names it: `repository` (+ `registry`), `image`, kustomize `newName`/`name`. */
function ownerOf(document, use) {
    const { holder, key } = use;
    if (!holder)
        return undefined;
    const text = (name) => stringValue(nodes_valueOf(document, holder, name));
    const repository = text('repository');
    if (repository !== undefined) {
        const registry = text('registry');
        return registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
    }
    const image = key === 'image' ? undefined : text('image');
    if (image !== undefined)
        return image;
    const kustomizeEntry = key === 'newTag' || key === 'newName' || nodes_valueOf(document, holder, 'newTag') !== undefined;
    return kustomizeEntry ? text('newName') || text('name') : undefined;
}
/** Every place each wanted node is read at, following aliases and merge keys (each route once, no cycles). */
function usesOf(file, document, wanted) {
    const uses = new Map();
    const route = new Set();
    let visits = 0;
    const visit = (node, path, via, holder, key) => {
        if (++visits > MAX_VISITS) {
            throw new errors/* UserError */.yo(`${file}: too many aliases to tell which places share the values the bump edits; nothing written`);
        }
        if ((0,dist/* isAlias */.Vj)(node)) {
            const resolved = node.resolve(document);
            if (resolved && !route.has(resolved))
                visit(resolved, path, node, holder, key);
            return;
        }
        if (!(0,dist/* isMap */.jh)(node) && !(0,dist/* isSeq */.oP)(node) && !(0,dist/* isScalar */.jn)(node))
            return;
        if (wanted.has(node))
            uses.set(node, [...(uses.get(node) ?? []), { path, via, holder, key }]);
        if ((0,dist/* isScalar */.jn)(node))
            return;
        route.add(node);
        if ((0,dist/* isMap */.jh)(node)) {
            for (const [entryKey, entry] of entriesOf(document, node, 0)) {
                visit(entry.value, [...path, entryKey], entry.via ?? via, node, entryKey);
            }
        }
        else {
            node.items.forEach((item, index) => visit(item, [...path, index], via, undefined, index));
        }
        route.delete(node);
    };
    visit(document.contents, [], undefined, undefined, undefined);
    return uses;
}
/** A map's entries as a reader sees them: the last of repeated keys, then merged keys it does not have. */
function entriesOf(document, map, depth) {
    const entries = new Map();
    for (const pair of map.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key) || pair.key.value === '<<')
            continue;
        entries.set(String(pair.key.value), { value: pair.value, via: undefined });
    }
    const merge = pairOf(map, '<<');
    if (!merge || depth >= MAX_MERGE_DEPTH)
        return entries;
    const sources = resolveNode(document, merge.value);
    for (const item of (0,dist/* isSeq */.oP)(sources) ? sources.items : [merge.value]) {
        const source = resolveNode(document, item);
        if (!(0,dist/* isMap */.jh)(source))
            continue;
        const alias = (0,dist/* isAlias */.Vj)(item) ? item : undefined;
        for (const [key, entry] of entriesOf(document, source, depth + 1)) {
            if (!entries.has(key))
                entries.set(key, { value: entry.value, via: entry.via ?? alias });
        }
    }
    return entries;
}
function sharedValueError(edits, document, node, uses, use, problem, target) {
    const path = formatPath(use.path);
    const anchored = node.anchor ? node : uses.find((other) => other.via)?.via?.resolve(document);
    const anchor = anchored?.anchor ?? '?';
    // A node's range starts at its content; its `&anchor` comes before (on the line above for a block map).
    const contentStart = anchored?.range?.[0] ?? 0;
    const anchorAt = edits.source.lastIndexOf(`&${anchor}`, contentStart);
    const anchorLine = (0,yaml_edit/* lineAt */.mh)(edits.source, anchorAt === -1 ? contentStart : anchorAt);
    const line = (0,yaml_edit/* lineAt */.mh)(edits.source, (use.via ?? node).range?.[0] ?? 0);
    const others = uses
        .filter((other) => other !== use)
        .map((other) => formatPath(other.path))
        .join(', ');
    return new errors/* UserError */.yo(`${edits.file}:${line}: ${path} shares the anchored value &${anchor} (line ${anchorLine}) with ${others}, which the bump of ${target.image} edits; ${problem}, and editing the anchor would change it too. Nothing was written: give ${path} a value of its own, or bump it with the others`);
}

;// CONCATENATED MODULE: ./src/core/manifest/workloads.ts



const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];
/** Kinds whose fields are opaque data, never a pod spec, whatever they look like. */
const DATA_KINDS = new Set(['ConfigMap', 'Secret']);
/** Maps visited per document before the walk gives up (a crafted file of aliases must not hang). */
const workloads_MAX_VISITS = 100_000;
/**
 * Container images of every pod spec a Kubernetes object holds, found by shape rather than by a
 * list of kinds, as kustomize's image transformer edits `containers` wherever they sit: a Pod's
 * `spec`, a Deployment's `spec.template.spec`, an Argo Rollout, a Knative Service, a KEDA
 * ScaledJob's `spec.jobTargetRef.template.spec`, an OpenShift DeploymentConfig, any custom kind.
 * A pod spec is a map whose `containers` is a list of maps that each have a string `name` or `image`; the
 * `data` of a ConfigMap or Secret is never one, and a HelmRelease's `spec.values` belong to the
 * Helm locator. Flux tag-policy annotations are read from the nearest enclosing object's metadata
 * (an item of a `kind: List` has its own).
 */
function locateWorkloadImages(context, root) {
    const { document } = context;
    if (stringValue(nodes_valueOf(document, root, 'kind')) === undefined)
        return;
    const route = new Set();
    let visits = 0;
    const visit = (node, path, annotations) => {
        if (!node || route.has(node) || ++visits > workloads_MAX_VISITS)
            return;
        if ((0,dist/* isSeq */.oP)(node)) {
            route.add(node);
            node.items.forEach((item, index) => visit(resolveNode(document, item), [...path, index], annotations));
            route.delete(node);
            return;
        }
        if (!(0,dist/* isMap */.jh)(node))
            return;
        const kind = stringValue(nodes_valueOf(document, node, 'kind'));
        if (kind !== undefined && DATA_KINDS.has(kind))
            return;
        const own = objectAnnotations(context, node, kind);
        const scope = own ?? annotations;
        if (isPodSpec(context, node)) {
            bumpPodSpec(context, node, path, scope);
            return;
        }
        route.add(node);
        for (const [key, value] of workloads_entriesOf(context, node)) {
            if (kind === 'HelmRelease' && key === 'spec') {
                visitHelmReleaseSpec(value, [...path, key], scope);
                continue;
            }
            visit(value, [...path, key], scope);
        }
        route.delete(node);
    };
    const visitHelmReleaseSpec = (spec, path, annotations) => {
        if (!(0,dist/* isMap */.jh)(spec))
            return;
        for (const [key, value] of workloads_entriesOf(context, spec)) {
            if (key !== 'values')
                visit(value, [...path, key], annotations);
        }
    };
    visit(root, [], {});
}
/** A map's entries as a reader sees them (aliases resolved, merge keys followed), string keys only. */
function workloads_entriesOf(context, map) {
    const entries = new Map();
    let merged = false;
    for (const pair of map.items) {
        if (!(0,dist/* isScalar */.jn)(pair.key) || typeof pair.key.value !== 'string')
            continue;
        if (pair.key.value === '<<')
            merged = true;
        else
            entries.set(pair.key.value, resolveNode(context.document, pair.value));
    }
    if (!merged)
        return entries;
    const sources = resolveNode(context.document, pairOf(map, '<<')?.value);
    for (const source of (0,dist/* isSeq */.oP)(sources) ? sources.items : [sources]) {
        const resolved = resolveNode(context.document, source);
        if (!(0,dist/* isMap */.jh)(resolved))
            continue;
        for (const pair of resolved.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : undefined;
            if (typeof key === 'string' && !entries.has(key))
                entries.set(key, nodes_valueOf(context.document, map, key));
        }
    }
    return entries;
}
/** The annotations of a map that is a Kubernetes object (it has a kind and metadata), else undefined. */
function objectAnnotations(context, map, kind) {
    if (kind === undefined)
        return undefined;
    const metadata = nodes_valueOf(context.document, map, 'metadata');
    return (0,dist/* isMap */.jh)(metadata) ? stringMap(context.document, nodes_valueOf(context.document, metadata, 'annotations')) : {};
}
function isPodSpec(context, map) {
    const containers = nodes_valueOf(context.document, map, 'containers');
    if (!(0,dist/* isSeq */.oP)(containers) || containers.items.length === 0)
        return false;
    return containers.items.every((item) => {
        const container = resolveNode(context.document, item);
        if (!(0,dist/* isMap */.jh)(container))
            return false;
        return ['name', 'image'].some((key) => stringValue(nodes_valueOf(context.document, container, key)) !== undefined);
    });
}
function bumpPodSpec(context, podSpec, path, annotations) {
    const { document } = context;
    for (const list of CONTAINER_LISTS) {
        const containers = nodes_valueOf(document, podSpec, list);
        if (!(0,dist/* isSeq */.oP)(containers))
            continue;
        containers.items.forEach((item, index) => {
            const container = resolveNode(document, item);
            if (!(0,dist/* isMap */.jh)(container))
                return;
            const name = stringValue(nodes_valueOf(document, container, 'name'));
            const imagePath = [...path, list, index, 'image'];
            bumpImageString(context, nodes_valueOf(document, container, 'image'), imagePath, 'workload', { name, annotations });
        });
    }
}

;// CONCATENATED MODULE: ./src/core/manifest/plan.ts













/**
 * Plans a bump over a tree: every place that references the target's repository gets the new tag
 * (and digest), edited in the original text. Nothing is written here; the plan carries the new
 * texts. A file that may reference the image but does not parse is an error for the whole plan
 * (brokenFileMayReference); other files that do not parse are skipped with a warning.
 */
function planBump(files, bumpTarget) {
    const target = (0,manifest_target/* resolveTarget */.u1)(bumpTarget);
    const warnings = [];
    const warn = (message) => warnings.push(message);
    const planned = [];
    const marked = [];
    for (const file of files) {
        const mentionsImage = target.mentions(file.text);
        const hasMarkers = file.text.includes(setters_marker/* SETTER_SCREEN */.dB);
        if (file.invalidUtf8) {
            const edits = planUndecodable(file, target, mentionsImage || hasMarkers, marked, warn);
            if (edits)
                planned.push(edits);
            continue;
        }
        if (!mentionsImage && !hasMarkers)
            continue;
        const edits = planFile(file, target, mentionsImage, marked, warn);
        if (edits)
            planned.push(edits);
    }
    bumpMarkedValues(marked, target, warn);
    for (const edits of planned)
        if (edits.writable)
            checkSharedValues(edits, target);
    const unmatched = unmatchedContainers(planned, target);
    if (unmatched)
        warn(unmatched);
    const plan = { changes: [], files: [], references: 0, warnings };
    for (const edits of planned) {
        plan.references += edits.references;
        if (!edits.writable) {
            warn(undecodableWarning(edits));
            continue;
        }
        if (edits.edits.length === 0)
            continue;
        const newText = (0,yaml_edit/* applyTextEdits */.nz)(edits.source, edits.edits);
        if (newText !== edits.source)
            plan.files.push({ path: edits.file, newText });
        plan.changes.push(...edits.changes.sort((a, b) => a.line - b.line));
    }
    return plan;
}
/**
 * Containers were named but none of the places that use the image belongs to one of them: a typo
 * in a name would otherwise leave everything as it was without a word.
 */
function unmatchedContainers(planned, target) {
    const named = target.containers;
    if (named === undefined)
        return undefined;
    const places = planned.flatMap((edits) => edits.places);
    if (places.length === 0 || places.some((place) => place.container !== undefined && named.has(place.container)))
        return undefined;
    const found = [...new Set(places.flatMap((place) => place.container ?? []))].sort();
    const which = [...named].join(' or ');
    return found.length === 0
        ? `no container named ${which} uses ${target.image}; nothing that uses it belongs to a container`
        : `no container named ${which} uses ${target.image}; the containers that use it: ${found.join(', ')}`;
}
/**
 * A file that is not valid UTF-8 cannot be edited byte for byte (its text is a lossy decoding), so it
 * is never written; it is still planned, so that its warning can say whether the bump would have
 * edited it. Nothing it holds fails the bump: it is skipped whatever is wrong with it.
 */
function planUndecodable(file, target, readable, marked, warn) {
    const found = [];
    let edits;
    try {
        if (readable)
            edits = planFile(file, target, target.mentions(file.text), found, () => { }, false);
    }
    catch (error) {
        if (!(0,errors/* isUserError */.iU)(error))
            throw error;
        warn(`${file.path}: not valid UTF-8, skipped (nor can it be read: ${error.message})`);
        return undefined;
    }
    if (!edits)
        warn(`${file.path}: not valid UTF-8, skipped`);
    marked.push(...found);
    return edits;
}
function undecodableWarning(edits) {
    const reason = `${edits.file}: not valid UTF-8, so it cannot be edited byte for byte`;
    if (edits.changes.length === 0)
        return `${reason}; skipped`;
    const where = [...new Set(edits.changes.map((change) => `${change.path} (line ${change.line})`))].join(', ');
    return `${reason}; the bump would edit ${where}, left alone: fix its encoding and bump again`;
}
function planFile(file, target, mentionsImage, marked, warn, writable = true) {
    let documents;
    try {
        documents = (0,parse/* parseYamlStream */.b8)(file.path, file.text);
    }
    catch (error) {
        // Only a file that may reference the image blocks the bump; others are someone else's problem.
        if (!(0,errors/* isUserError */.iU)(error) || (mentionsImage && brokenFileMayReference(file.text, target)))
            throw error;
        warn(`${error.message}; skipped`);
        return undefined;
    }
    const edits = new FileEdits(file.path, file.text, writable);
    const mayHaveAliases = file.text.includes('*');
    for (const [documentIndex, document] of documents.entries()) {
        edits.documents.push(document);
        // Expanding once with a bound turns a billion-laughs document into an error instead of a hang.
        if (mayHaveAliases)
            (0,parse/* documentValue */.H5)(file.path, document);
        const root = document.contents;
        if (!(0,dist/* isMap */.jh)(root))
            continue;
        if (mentionsImage) {
            const context = {
                file: file.path,
                source: file.text,
                document,
                documentIndex,
                target,
                edits,
                warn,
            };
            if ((0,files/* isKustomizationPath */.r)(file.path))
                locateKustomizeImages(context, root);
            else if (isHelmValuesPath(file.path)) {
                // Only files named as Helm values files are read as values: any other YAML that is no Kubernetes
                // object (the promotion config, a workflow's `container: image:`, a compose file) is not ours to edit.
                locateValuesFileImages(context, root);
            }
            else {
                locateWorkloadImages(context, root);
                locateHelmReleaseImages(context, root);
            }
        }
        if (file.text.includes(setters_marker/* SETTER_SCREEN */.dB))
            collectMarkedValues(edits, document, documentIndex, marked);
    }
    edits.planned();
    return edits;
}

/** The files a plan rewrites, with their new texts, ready to write. */
function applyPlan(plan) {
    return plan.files.map((file) => ({ path: file.path, text: file.newText }));
}

;// CONCATENATED MODULE: ./src/core/manifest/index.ts
// The manifest engine: find every place a tree references an image and plan surgical edits.






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


/***/ })

};

return {id,ids,modules};})