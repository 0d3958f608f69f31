(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 661;
const ids = [661];
const modules = {

/***/ 4661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bumpCommand: () => (/* binding */ bumpCommand)
/* harmony export */ });
/* harmony import */ var _core_manifest_files_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7102);
/* harmony import */ var _core_manifest_target_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9608);
/* harmony import */ var _fs_tree_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(267);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(302);
/* harmony import */ var _core_text_untrusted_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9069);






const USAGE = `usage: gitops-promote bump --dir <dir> --image <name> --tag <tag> [--digest sha256:..] [--container <name>] [--dry-run] [--allow-nothing] [--json]

Sets an image's tag (and digest) everywhere a tree of manifests references it, editing only the
bytes of the values it replaces (comments, quoting, indentation, CRLF and a BOM are kept):
  - containers, initContainers and ephemeralContainers of every pod spec, found by its shape in any
    kind (Pod, Deployment, CronJob, an Argo Rollout, a Knative Service, a KEDA ScaledJob, an
    OpenShift DeploymentConfig, a custom resource; not in a ConfigMap's or Secret's data), in
    multi-document files;
  - kustomize images: entries (kustomization.yaml, kustomization.yml, Kustomization) that deploy
    the image (their newName, or their name when there is no newName): newTag is set (added when
    missing), digest as "kustomize edit set image" does;
  - HelmRelease spec.values, Helm values*.yaml and any YAML that is no Kubernetes object, at any
    depth: image: repo:tag strings (also under keys such as sidecarImage) and
    image: {registry, repository, tag, digest} maps; Flux v1 tag-policy annotations
    (fluxcd.io/tag.<container>, flux.weave.works/tag.<container>, filter.fluxcd.io/<container>)
    that refuse the tag leave that image alone with a warning;
  - Flux setter markers (# {"$imagepolicy": "ns:name:tag"}) of a policy whose image is this one.
Images match by normalised repository: nginx is docker.io/library/nginx; acme/app is not acme/app-worker.
Digests are sha256 or sha512. A value that names the image but is no reference (a short digest,
{GENERATED_TAG}, a typo) is left alone with a warning giving its file, line and why.
A reference pinned to a digest and moved to a new tag without --digest loses the stale digest
(a :digest setter marker of the image's policy is cleared to "").

options:
  --dir <dir>          tree to update in place (required); files are reported relative to it
  --image <name>       repository without tag: nginx, acme/app, ghcr.io/acme/app, localhost:5000/app
  --tag <tag>          the new tag
  --digest <digest>    also pin sha256:<64 hex> or sha512:<128 hex>
  --container <name>   only containers (and chart images) of this name; kustomize entries are then left alone
  --dry-run            print the changes, write nothing
  --allow-nothing      exit 0 when no file references the image (for scripts that bump many images)
  --json               print {"changes":[{"file","line","path","old","new","kind","note"}],"references","files","warnings"}

Nothing is written when any file that may reference the image cannot be read as YAML: the error
names the file and line. (A name in a comment, inside a longer name such as acme/app-worker, or of
another repository does not count; such a file is skipped with a warning.) Warnings go to stderr.
The tag latest is refused: it names a different image tomorrow, as every other entry point says.
exit status: 0 done (also when every reference is already at the tag); 1 no file references the
image (the reason names the files reading skipped: too large, binary, not UTF-8, links out of the
tree; --allow-nothing makes this 0), an invalid --image, --tag (latest included) or --digest, an
unparseable referencing file, an unreadable tree; 2 a usage error (a missing or unknown option, a
--dir that is not an existing directory).`;
/** Files bump reads: YAML by extension, and kustomize's extension-less `Kustomization`. */
const isManifestPath = (path) => (0,_fs_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .isYamlPath */ .xu)(path) || (0,_core_manifest_files_js__WEBPACK_IMPORTED_MODULE_5__/* .isKustomizationPath */ .r)(path);
function summary(plan, image, tag, dryRun) {
    if (plan.references === 0)
        return `no references to ${image} found`;
    if (plan.changes.length === 0)
        return `${image}: all ${plan.references} reference(s) already at ${tag} (or left alone), nothing to change`;
    const verb = dryRun ? 'would change (dry run, nothing written)' : 'changed';
    return `${plan.changes.length} value(s) in ${plan.files.length} file(s) ${verb}`;
}
/**
 * Why a bump found nothing, on one line: with what reading skipped (an oversized or binary file, a
 * file that is not UTF-8, a link out of the tree), which may be where the image was.
 */
function nothingFound(image, read, warnings) {
    const skipped = warnings.filter((warning) => /skipped|not followed/.test(warning));
    const files = `${read} file(s) mention it`;
    const why = skipped.length === 0 ? files : `${files}; skipped: ${skipped.join('; ')}`;
    return `no references to ${image} found (${why}); nothing written (--allow-nothing makes this a success)`;
}
const bumpCommand = {
    name: 'bump',
    summary: 'set an image tag (and digest) everywhere a tree of manifests references the image',
    usage: USAGE,
    options: {
        dir: { type: 'string' },
        image: { type: 'string' },
        tag: { type: 'string' },
        digest: { type: 'string' },
        container: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'allow-nothing': { type: 'boolean' },
    },
    async run(values, _positionals, context) {
        const dir = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .requireDirectory */ .T)(values, 'dir', context.cwd);
        const image = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .requireString */ .VW)(values, 'image');
        const tag = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .requireString */ .VW)(values, 'tag');
        const digest = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(values, 'digest');
        const container = (0,_command_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(values, 'container');
        const dryRun = values['dry-run'] === true;
        const warn = (message) => context.stderr(`warning: ${message}`);
        // What reading the tree skipped (links out of it, oversized files) is reported as the plan's warnings are.
        const readWarnings = [];
        const warnOnRead = (message) => {
            readWarnings.push(message);
            warn(message);
        };
        const target = {
            image,
            tag,
            ...(digest !== undefined && { digest }),
            ...(container !== undefined && { container }),
        };
        // Checks the image, tag and digest before anything is read.
        const mustContain = (0,_core_manifest_target_js__WEBPACK_IMPORTED_MODULE_0__/* .bumpScreen */ .nb)(target);
        const started = (0,_fs_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .startTreeScreen */ .Jx)(dir, { include: isManifestPath, mustContain });
        const { applyPlan, planBump } = await Promise.all(/* import() */[__webpack_require__.e(163), __webpack_require__.e(815), __webpack_require__.e(472), __webpack_require__.e(816), __webpack_require__.e(381), __webpack_require__.e(725)]).then(__webpack_require__.bind(__webpack_require__, 725));
        const files = await (0,_fs_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .readTree */ .Zc)(dir, { include: isManifestPath, mustContain, started, warn: warnOnRead });
        const plan = planBump(files, target);
        plan.warnings.forEach(warn);
        if (plan.references === 0 && values['allow-nothing'] !== true) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(nothingFound(image, files.length, [...readWarnings, ...plan.warnings]));
        }
        if (!dryRun)
            await (0,_fs_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .writeTreeFiles */ .$c)(dir, applyPlan(plan));
        const changes = plan.changes.map(({ file, line, path, old, new: value, kind, note }) => ({
            file,
            line,
            path,
            old,
            new: value,
            kind,
            ...(note !== undefined && { note }),
        }));
        const lines = plan.changes.map((change) => {
            const old = change.old === '' ? (change.note === 'added' ? '(added)' : '""') : change.old;
            const note = change.note && change.note !== 'added' ? ` (${change.note})` : '';
            return (0,_core_text_untrusted_js__WEBPACK_IMPORTED_MODULE_4__/* .forLog */ .Ig)(`${change.file}:${change.line} ${change.path}: ${old} -> ${change.new === '' ? '""' : change.new}${note}`);
        });
        return {
            json: {
                changes,
                references: plan.references,
                files: plan.files.map((file) => file.path),
                warnings: [...readWarnings, ...plan.warnings],
                dryRun,
            },
            text: [...lines, summary(plan, image, tag, dryRun)].join('\n'),
        };
    },
};


/***/ }),

/***/ 7102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ isKustomizationPath)
/* harmony export */ });
// Which files bump reads, by name: apart from the locators (which need the YAML library), so that
// a command can name them before it loads the planner.
/** kustomize reads these names only; `Kustomization` (no extension) is its legacy spelling. */
function isKustomizationPath(path) {
    return /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(path);
}


/***/ }),

/***/ 9608:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qg: () => (/* binding */ splitTagAndDigest),
/* harmony export */   Ru: () => (/* binding */ bumpReferenceText),
/* harmony export */   eI: () => (/* binding */ containerList),
/* harmony export */   eR: () => (/* binding */ unparseableReference),
/* harmony export */   nb: () => (/* binding */ bumpScreen),
/* harmony export */   s8: () => (/* binding */ referenceOfTarget),
/* harmony export */   u1: () => (/* binding */ resolveTarget)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3386);
/* harmony import */ var _setters_screen_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8270);



function resolveTarget(target) {
    let reference;
    try {
        reference = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(target.image);
    }
    catch (error) {
        // The parser's reason (`repository name "Acme/App" must be lowercase`) after its quote of the text.
        const reason = error.message.replace(/^image reference ".*?": /, '');
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('image', target.image, `an image repository such as nginx, acme/app or ghcr.io/acme/app (${reason})`);
    }
    if (reference.tag !== undefined || reference.digest !== undefined) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('image', target.image, 'a repository without tag or digest (give them with --tag and --digest)');
    }
    if (!(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidTag */ .r_)(target.tag)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('tag', target.tag, 'an image tag: 1 to 128 of [A-Za-z0-9_.-], not starting with "." or "-"');
    }
    if (target.tag === 'latest') {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('tag', target.tag, 'an immutable tag (latest names a different image tomorrow, and a bump to it deploys nothing new)');
    }
    if (target.digest !== undefined && !(0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidDigest */ .fH)(target.digest)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('digest', target.digest, _image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_EXPECTED */ .yv);
    }
    const named = [...(target.container === undefined ? [] : [target.container]), ...(target.containers ?? [])];
    for (const container of named) {
        if (container === '')
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalid */ .Gq)('container', container, 'a container name');
    }
    const screen = reference.path.slice(reference.path.lastIndexOf('/') + 1);
    const asName = new RegExp(`(?:^|[\\s"'/:,[{])${screen.replaceAll('.', '\\.')}(?:$|[\\s"'@:,\\]}#])`, 'm');
    return {
        repository: reference.repository,
        image: target.image,
        tag: target.tag,
        digest: target.digest,
        containers: named.length === 0 ? undefined : new Set(named),
        readOnly: target.readOnly === true,
        screen,
        // The ASCII of `asName`'s boundaries; `\s` there is these six and Unicode spaces (non-ASCII bytes).
        nameScreen: { name: screen, before: ' \t\n\v\f\r"\'/:,[{', after: ' \t\n\v\f\r"\'@:,]}#' },
        mentions: (text) => text.includes(screen) && asName.test(text),
    };
}
/** The parsed reference when `text` names the target's repository, else undefined (not an image, or another one). */
function referenceOfTarget(text, target) {
    if (!text.includes(target.screen))
        return undefined;
    try {
        const reference = (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(text);
        return reference.repository === target.repository ? reference : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Why a text that names the target's repository is not a reference the bump can edit (a short
 * digest, `{GENERATED_TAG}`, a typo in the tag), or undefined when it parses or names another
 * repository. The name is what stands before the tag and digest, split as the grammar would split it.
 */
function unparseableReference(text, target) {
    if (!text.includes(target.screen))
        return undefined;
    const at = text.indexOf('@');
    const beforeDigest = at === -1 ? text : text.slice(0, at);
    const slash = beforeDigest.lastIndexOf('/');
    const colon = beforeDigest.indexOf(':', slash + 1);
    const name = (colon === -1 ? beforeDigest : beforeDigest.slice(0, colon)).trim();
    try {
        if ((0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(name).repository !== target.repository)
            return undefined;
        (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(text);
        return undefined;
    }
    catch (error) {
        return error.message;
    }
}
/**
 * The new text of an image reference string, keeping the repository exactly as written
 * (`nginx` stays `nginx`, a registry port stays). Undefined when it is already at the target.
 * A tag moved without a new digest drops the old digest, which would otherwise win over the tag.
 */
function bumpReferenceText(text, reference, target) {
    const atTag = reference.tag === target.tag;
    const atDigest = target.digest === undefined ? atTag || reference.digest === undefined : reference.digest === target.digest;
    if (atTag && atDigest)
        return undefined;
    const beforeDigest = reference.digest === undefined ? text : text.slice(0, text.length - reference.digest.length - 1);
    const name = reference.tag === undefined ? beforeDigest : beforeDigest.slice(0, beforeDigest.length - reference.tag.length - 1);
    const digest = target.digest ?? (atTag ? reference.digest : undefined);
    const value = `${name}:${target.tag}${digest === undefined ? '' : `@${digest}`}`;
    const dropped = reference.digest !== undefined && digest === undefined;
    return dropped ? { value, note: `stale digest ${reference.digest} removed` } : { value };
}
/** The named containers as messages list them: `app`, `app, migrate`. */
function containerList(target) {
    return [...(target.containers ?? [])].join(', ');
}
/** Splits a tag value that carries a digest (`1.0@sha256:...`, as some tools pin kustomize newTag). */
function splitTagAndDigest(value) {
    const at = value.indexOf('@');
    return at === -1 ? { tag: value, digest: undefined } : { tag: value.slice(0, at), digest: value.slice(at + 1) };
}
/**
 * Texts of which every file `planBump` may read or edit contains at least one (the image's last path
 * component standing as a name, as `mentions` reads it, or a setter marker's key): a screen a reader
 * may apply to the tree's raw bytes first.
 * It is the first test `planBump` makes of each file, so it never drops a file the plan would use.
 */
function bumpScreen(bumpTarget) {
    return [resolveTarget(bumpTarget).nameScreen, _setters_screen_js__WEBPACK_IMPORTED_MODULE_2__/* .SETTER_SCREEN */ .d];
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