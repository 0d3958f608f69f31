(function(__gitopsPromoteImportMeta,__gitopsPromoteImport){"use strict";const id = 800;
const ids = [800];
const modules = {

/***/ 7680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateCommand: () => (/* binding */ validateCommand)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/image-ref.ts
var image_ref = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/core/policy/index.ts + 6 modules
var core_policy = __webpack_require__(3381);
;// CONCATENATED MODULE: ./src/core/validate/checks.ts
// The checks a schema misses, per object: names, selectors, images, plain Secrets, and the fields of
// the Flux kinds that gitops-promote reads. Each returns problems with the path they are about.



const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const at = (value, ...path) => path.reduce((node, key) => (isObject(node) ? node[key] : undefined), value);
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Kinds whose names become DNS labels (host names, namespaces): at most 63 characters, no dots. */
const LABEL_NAMED_KINDS = new Set(['Namespace', 'Service']);
function checkNames(object) {
    const problems = [];
    const name = at(object, 'metadata', 'name');
    const kind = String(object.kind);
    if (typeof name === 'string' && name !== '') {
        const label = LABEL_NAMED_KINDS.has(kind);
        const ok = label
            ? name.length <= 63 && DNS1123_LABEL.test(name)
            : name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
        if (!ok) {
            problems.push({
                rule: 'name',
                path: ['metadata', 'name'],
                message: label
                    ? 'the name must be a DNS-1123 label: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters'
                    : 'the name must be a DNS-1123 subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters',
            });
        }
    }
    else if (name === undefined || name === '') {
        if (at(object, 'metadata', 'generateName') === undefined)
            problems.push({ rule: 'name', path: ['metadata', 'name'], message: 'metadata.name is missing' });
    }
    const namespace = at(object, 'metadata', 'namespace');
    if (typeof namespace === 'string' && !(namespace.length <= 63 && DNS1123_LABEL.test(namespace))) {
        problems.push({
            rule: 'name',
            path: ['metadata', 'namespace'],
            message: 'the namespace must be a DNS-1123 label (lowercase letters, digits and "-", at most 63 characters)',
        });
    }
    return problems;
}
/** Where each kind keeps its pod template's spec. */
const POD_SPEC_PATHS = {
    Pod: ['spec'],
    Deployment: ['spec', 'template', 'spec'],
    StatefulSet: ['spec', 'template', 'spec'],
    DaemonSet: ['spec', 'template', 'spec'],
    ReplicaSet: ['spec', 'template', 'spec'],
    ReplicationController: ['spec', 'template', 'spec'],
    Job: ['spec', 'template', 'spec'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const SELECTOR_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
function expressionMatches(labels, expression) {
    if (!isObject(expression))
        return false;
    const value = labels[String(expression.key)];
    const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
    switch (expression.operator) {
        case 'In':
            return typeof value === 'string' && values.includes(value);
        case 'NotIn':
            return typeof value !== 'string' || !values.includes(value);
        case 'Exists':
            return value !== undefined;
        case 'DoesNotExist':
            return value === undefined;
        default:
            return false;
    }
}
function checkSelector(object) {
    if (!SELECTOR_KINDS.has(String(object.kind)))
        return [];
    const selector = at(object, 'spec', 'selector');
    const labels = at(object, 'spec', 'template', 'metadata', 'labels');
    if (!isObject(selector))
        return [];
    const templateLabels = isObject(labels) ? labels : {};
    const problems = [];
    const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
    for (const [key, value] of Object.entries(matchLabels)) {
        if (templateLabels[key] !== value) {
            problems.push({
                rule: 'selector',
                path: ['spec', 'selector', 'matchLabels', key],
                message: `spec.selector.matchLabels ${key}=${String(value)} does not match the template's labels (${key in templateLabels ? `${key}=${String(templateLabels[key])}` : `no label ${key}`})`,
            });
        }
    }
    const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
    expressions.forEach((expression, index) => {
        if (!expressionMatches(templateLabels, expression)) {
            problems.push({
                rule: 'selector',
                path: ['spec', 'selector', 'matchExpressions', index],
                message: `spec.selector.matchExpressions[${index}] does not match the template's labels`,
            });
        }
    });
    return problems;
}
function containerImages(object) {
    const specPath = POD_SPEC_PATHS[String(object.kind)];
    if (!specPath)
        return [];
    const spec = at(object, ...specPath);
    if (!isObject(spec))
        return [];
    const uses = [];
    for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
        const list = spec[field];
        if (!Array.isArray(list))
            continue;
        list.forEach((container, index) => {
            if (isObject(container) && typeof container.image === 'string') {
                uses.push({
                    path: [...specPath, field, index, 'image'],
                    container: String(container.name ?? index),
                    reference: container.image,
                });
            }
        });
    }
    return uses;
}
/** Chart images in a HelmRelease's values: `image: repo:tag` or `image: {registry, repository, tag, digest}`. */
function valuesImages(values, path, owner, uses) {
    if (!isObject(values))
        return;
    for (const [key, value] of Object.entries(values)) {
        if (key === 'image' && typeof value === 'string') {
            uses.push({ path: [...path, key], container: owner, reference: value });
        }
        else if (key === 'image' && isObject(value) && typeof value.repository === 'string') {
            const repository = typeof value.registry === 'string' ? `${value.registry}/${value.repository}` : value.repository;
            const tag = value.tag === undefined || value.tag === null || value.tag === '' ? '' : `:${String(value.tag)}`;
            const digest = typeof value.digest === 'string' && value.digest !== '' ? `@${value.digest}` : '';
            uses.push({ path: [...path, key], container: owner, reference: `${repository}${tag}${digest}` });
        }
        else if (isObject(value)) {
            valuesImages(value, [...path, key], key, uses);
        }
    }
}
function imageUses(object) {
    if (object.kind === 'HelmRelease') {
        const uses = [];
        valuesImages(at(object, 'spec', 'values'), ['spec', 'values'], 'values', uses);
        return uses;
    }
    return containerImages(object);
}
function checkImages(object, gate) {
    const problems = [];
    for (const use of imageUses(object)) {
        let image;
        try {
            image = (0,image_ref/* parseImageReference */.o_)(use.reference);
        }
        catch (error) {
            if (!(0,errors/* isUserError */.iU)(error))
                throw error;
            problems.push({ rule: 'image', path: use.path, message: `${use.container}: ${error.message}` });
            continue;
        }
        if (!image.tag && !image.digest) {
            problems.push({
                rule: 'image',
                path: use.path,
                message: `${use.container}: image ${image.familiarName} has no tag or digest (it would run whatever latest is at pull time)`,
            });
            continue;
        }
        if (image.tag === 'latest' && !image.digest) {
            problems.push({
                rule: 'image',
                path: use.path,
                message: `${use.container}: image ${image.familiarName} uses the tag latest; use an immutable tag or a digest`,
            });
            continue;
        }
        if (gate && image.tag && gate.repositories.has(image.repository) && !(0,core_policy/* isEligible */.YT)(gate.policy, image.tag)) {
            problems.push({
                rule: 'policy',
                path: use.path,
                message: `${use.container}: tag ${image.tag} of ${image.familiarName} is not allowed in environment ${gate.environment} (${(0,core_policy/* describeTagPolicy */.KR)(gate.policy)})`,
            });
        }
    }
    return problems;
}
function checkSecret(object) {
    if (object.kind !== 'Secret' || object.apiVersion !== 'v1')
        return [];
    const problems = [];
    for (const field of ['data', 'stringData']) {
        const value = object[field];
        if (isObject(value) && Object.keys(value).length > 0) {
            problems.push({
                rule: 'secret',
                path: [field],
                message: `a Secret with plain ${field} in git: its values are readable by anyone who can read the repository; commit a SealedSecret (bitnami-labs/sealed-secrets) or reference an external secret store instead`,
            });
        }
    }
    return problems;
}
const FLUX_HELM_RELEASE = new Set(['helm.fluxcd.io/v1', 'flux.weave.works/v1beta1']);
const FLUX_KUSTOMIZATION = /^kustomize\.toolkit\.fluxcd\.io\/v1(beta[12])?$/;
const FLUX_IMAGE_POLICY = /^image\.toolkit\.fluxcd\.io\/v1(beta[12])?$/;
/** Whether the static stage checks this custom kind's fields (the Flux kinds the seed layouts use). */
function isCheckedFluxKind(apiVersion, kind) {
    return ((kind === 'HelmRelease' && FLUX_HELM_RELEASE.has(apiVersion)) ||
        (kind === 'Kustomization' && FLUX_KUSTOMIZATION.test(apiVersion)) ||
        (kind === 'ImagePolicy' && FLUX_IMAGE_POLICY.test(apiVersion)));
}
function expectType(problems, object, path, type, required) {
    const value = at(object, ...path);
    if (value === undefined) {
        if (required)
            problems.push({ rule: 'flux', path, message: `${path.join('.')} is required` });
        return;
    }
    const actual = isObject(value) ? 'object' : Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    if (actual !== type)
        problems.push({ rule: 'flux', path, message: `${path.join('.')} must be a ${type}, not a ${actual}` });
}
function checkFluxKind(object) {
    const problems = [];
    const apiVersion = String(object.apiVersion);
    switch (object.kind) {
        case 'HelmRelease': {
            expectType(problems, object, ['spec'], 'object', true);
            expectType(problems, object, ['spec', 'chart'], 'object', true);
            expectType(problems, object, ['spec', 'values'], 'object', false);
            expectType(problems, object, ['spec', 'releaseName'], 'string', false);
            const chart = at(object, 'spec', 'chart');
            if (isObject(chart)) {
                if (chart.git !== undefined || chart.path !== undefined) {
                    expectType(problems, object, ['spec', 'chart', 'git'], 'string', true);
                    expectType(problems, object, ['spec', 'chart', 'path'], 'string', true);
                }
                else {
                    expectType(problems, object, ['spec', 'chart', 'repository'], 'string', true);
                    expectType(problems, object, ['spec', 'chart', 'name'], 'string', true);
                    expectType(problems, object, ['spec', 'chart', 'version'], 'string', true);
                }
            }
            break;
        }
        case 'Kustomization':
            expectType(problems, object, ['spec', 'interval'], 'string', true);
            expectType(problems, object, ['spec', 'path'], 'string', false);
            expectType(problems, object, ['spec', 'prune'], 'boolean', apiVersion.endsWith('/v1'));
            expectType(problems, object, ['spec', 'sourceRef'], 'object', true);
            expectType(problems, object, ['spec', 'sourceRef', 'kind'], 'string', true);
            expectType(problems, object, ['spec', 'sourceRef', 'name'], 'string', true);
            break;
        case 'ImagePolicy': {
            expectType(problems, object, ['spec', 'imageRepositoryRef', 'name'], 'string', true);
            expectType(problems, object, ['spec', 'policy'], 'object', true);
            const policy = at(object, 'spec', 'policy');
            if (isObject(policy)) {
                const kinds = ['semver', 'alphabetical', 'numerical'].filter((key) => policy[key] !== undefined);
                if (kinds.length !== 1) {
                    problems.push({
                        rule: 'flux',
                        path: ['spec', 'policy'],
                        message: 'spec.policy must have exactly one of semver, alphabetical, numerical',
                    });
                }
                else if (kinds[0] === 'semver') {
                    const range = at(policy, 'semver', 'range');
                    if (typeof range !== 'string') {
                        problems.push({
                            rule: 'flux',
                            path: ['spec', 'policy', 'semver', 'range'],
                            message: 'spec.policy.semver.range must be a string',
                        });
                    }
                    else {
                        try {
                            (0,core_policy/* parseTagPolicy */.Cf)(`semver:${range}`, undefined, 'spec.policy.semver.range');
                        }
                        catch (error) {
                            if (!(0,errors/* isUserError */.iU)(error))
                                throw error;
                            problems.push({ rule: 'flux', path: ['spec', 'policy', 'semver', 'range'], message: error.message });
                        }
                    }
                }
            }
            expectType(problems, object, ['spec', 'filterTags'], 'object', false);
            expectType(problems, object, ['spec', 'filterTags', 'pattern'], 'string', false);
            expectType(problems, object, ['spec', 'filterTags', 'extract'], 'string', false);
            break;
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/yaml/fast-parse.ts
var fast_parse = __webpack_require__(7823);
// EXTERNAL MODULE: ./src/core/yaml/parse.ts
var parse = __webpack_require__(2816);
;// CONCATENATED MODULE: ./src/core/validate/parse.ts
// Reads every document of a manifest file for validation: syntax errors and duplicate keys are
// findings with their line (not exceptions), and each object keeps a way to find the line of a path.



/** `reader: 'library'` reads with the `yaml` library alone (tests hold the fast reader to it). */
function parseManifestFile(file, text, options = {}) {
    // Most manifests are plain block YAML, which the fast reader composes into the nodes the library
    // would; one with a repeated key (or a merge key) goes to the library, which reports it with its line.
    const plain = options.reader === 'library' ? undefined : (0,fast_parse/* parsePlainYamlStream */.z)(text);
    if (plain && !plain.some((document) => (0,parse/* firstDuplicateKey */.jt)(document.contents, 'count'))) {
        return collect(file, plain, lineIndex(text));
    }
    const lines = new dist/* LineCounter */.HN();
    const documents = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (!Array.isArray(documents))
        return { objects: [], findings: [] };
    return collect(file, documents, (offset) => lines.linePos(offset).line);
}
/** Line numbers of offsets in `text`: the library's LineCounter, given the line starts on first use. */
function lineIndex(text) {
    let lines;
    return (offset) => {
        if (!lines) {
            lines = new dist/* LineCounter */.HN();
            lines.addNewLine(0);
            for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
                lines.addNewLine(index + 1);
        }
        return lines.linePos(offset).line;
    };
}
function collect(file, documents, lineOfOffset) {
    const findings = [];
    const objects = [];
    const lineAt = (offset) => (offset === undefined ? 1 : lineOfOffset(offset));
    for (const document of documents) {
        if (document.errors.length > 0) {
            for (const error of document.errors) {
                const duplicate = error.code === 'DUPLICATE_KEY';
                findings.push({
                    severity: 'error',
                    rule: duplicate ? 'duplicate-key' : 'parse',
                    file,
                    line: lineAt(error.pos[0]),
                    message: duplicate ? 'a key appears twice in one mapping' : `not valid YAML: ${error.message.split('\n')[0]}`,
                });
            }
            continue;
        }
        if (document.contents === null)
            continue;
        let value;
        try {
            value = document.toJS({ maxAliasCount: parse/* MAX_ALIAS_COUNT */.w4 });
        }
        catch (error) {
            findings.push({ severity: 'error', rule: 'parse', file, message: error.message.split('\n')[0] ?? '' });
            continue;
        }
        if (value === null || value === undefined)
            continue;
        const documentLine = lineAt(document.contents.range[0]);
        objects.push({
            file,
            line: documentLine,
            value,
            lineOf(path) {
                for (let length = path.length; length > 0; length--) {
                    const node = document.getIn(path.slice(0, length), true);
                    if (node && typeof node === 'object' && node.range)
                        return lineAt(node.range[0]);
                    const parent = document.getIn(path.slice(0, length - 1), true);
                    if (((0,dist/* isMap */.jh)(parent) || (0,dist/* isSeq */.oP)(parent)) && parent.range)
                        return lineAt(parent.range[0]);
                }
                return documentLine;
            },
        });
    }
    return { objects, findings };
}

;// CONCATENATED MODULE: ./src/core/validate/removed-apis.ts
// API versions Kubernetes stopped serving, with the minor release that removed them (from the
// Kubernetes deprecated API migration guide). kubernetes-models keeps their schemas for old clusters,
// so whether an apiVersion is served at the chosen Kubernetes version is decided here.
/** `group/version` or `group/version Kind` -> the 1.x minor that removed it. */
const REMOVED = {
    'extensions/v1beta1': 16,
    'extensions/v1beta1 Ingress': 22,
    'apps/v1beta1': 16,
    'apps/v1beta2': 16,
    'networking.k8s.io/v1beta1': 22,
    'rbac.authorization.k8s.io/v1beta1': 22,
    'admissionregistration.k8s.io/v1beta1': 22,
    'apiextensions.k8s.io/v1beta1': 22,
    'apiregistration.k8s.io/v1beta1': 22,
    'authentication.k8s.io/v1beta1': 22,
    'authorization.k8s.io/v1beta1': 22,
    'certificates.k8s.io/v1beta1': 22,
    'coordination.k8s.io/v1beta1': 22,
    'scheduling.k8s.io/v1beta1': 22,
    'storage.k8s.io/v1beta1': 22,
    'storage.k8s.io/v1beta1 CSIStorageCapacity': 27,
    'batch/v1beta1': 25,
    'policy/v1beta1': 25,
    'autoscaling/v2beta1': 25,
    'autoscaling/v2beta2': 26,
    'discovery.k8s.io/v1beta1': 25,
    'events.k8s.io/v1beta1': 25,
    'node.k8s.io/v1beta1': 25,
    'flowcontrol.apiserver.k8s.io/v1beta1': 26,
    'flowcontrol.apiserver.k8s.io/v1beta2': 29,
    'flowcontrol.apiserver.k8s.io/v1beta3': 32,
};
/** The minor version that removed this apiVersion/kind, or undefined when it is still served. */
function removedIn(apiVersion, kind) {
    return REMOVED[`${apiVersion} ${kind}`] ?? REMOVED[apiVersion];
}
/** Parses `1.34`, `v1.34.0` into the minor number 34; undefined when it is not a 1.x version. */
function kubernetesMinor(version) {
    const match = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(version.trim());
    return match ? Number(match[1]) : undefined;
}

;// CONCATENATED MODULE: ./src/core/validate/kinds.ts
// Generated by scripts/schema-kinds.mjs from kubernetes-models 5.1.0: do not edit.
// apiVersion|kind -> its module: the common kinds in the bundle, the others in a chunk beside it.
const kinds_SCHEMA_KINDS = {
    'admissionregistration.k8s.io/v1beta1|MutatingWebhookConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5032)),
    'admissionregistration.k8s.io/v1beta1|ValidatingWebhookConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 841)),
    'admissionregistration.k8s.io/v1|MutatingAdmissionPolicy': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7616)),
    'admissionregistration.k8s.io/v1|MutatingAdmissionPolicyBinding': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 2988)),
    'admissionregistration.k8s.io/v1|MutatingWebhookConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8592)),
    'admissionregistration.k8s.io/v1|ValidatingAdmissionPolicy': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7592)),
    'admissionregistration.k8s.io/v1|ValidatingAdmissionPolicyBinding': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 2280)),
    'admissionregistration.k8s.io/v1|ValidatingWebhookConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4420)),
    'apiextensions.k8s.io/v1beta1|CustomResourceDefinition': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8886)),
    'apiextensions.k8s.io/v1|CustomResourceDefinition': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1177)),
    'apiregistration.k8s.io/v1beta1|APIService': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5661)),
    'apiregistration.k8s.io/v1|APIService': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6128)),
    'apps/v1beta1|ControllerRevision': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1694)),
    'apps/v1beta1|Deployment': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4779)),
    'apps/v1beta1|DeploymentRollback': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1158)),
    'apps/v1beta1|Scale': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 2939)),
    'apps/v1beta1|StatefulSet': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 431)),
    'apps/v1beta2|ControllerRevision': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 793)),
    'apps/v1beta2|DaemonSet': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8629)),
    'apps/v1beta2|Deployment': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9298)),
    'apps/v1beta2|ReplicaSet': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 2360)),
    'apps/v1beta2|Scale': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3165)),
    'apps/v1beta2|StatefulSet': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4752)),
    'apps/v1|ControllerRevision': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4622)),
    'apps/v1|DaemonSet': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 7442)),
    'apps/v1|Deployment': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 838)),
    'apps/v1|ReplicaSet': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 406)),
    'apps/v1|StatefulSet': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 6826)),
    'authentication.k8s.io/v1beta1|TokenReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7984)),
    'authentication.k8s.io/v1|SelfSubjectReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5725)),
    'authentication.k8s.io/v1|TokenRequest': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8717)),
    'authentication.k8s.io/v1|TokenReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1700)),
    'authorization.k8s.io/v1beta1|LocalSubjectAccessReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6442)),
    'authorization.k8s.io/v1beta1|SelfSubjectAccessReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9773)),
    'authorization.k8s.io/v1beta1|SelfSubjectRulesReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4506)),
    'authorization.k8s.io/v1beta1|SubjectAccessReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1418)),
    'authorization.k8s.io/v1|LocalSubjectAccessReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9974)),
    'authorization.k8s.io/v1|SelfSubjectAccessReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8848)),
    'authorization.k8s.io/v1|SelfSubjectRulesReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4601)),
    'authorization.k8s.io/v1|SubjectAccessReview': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8037)),
    'autoscaling/v1|HorizontalPodAutoscaler': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8752)),
    'autoscaling/v1|Scale': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 542)),
    'autoscaling/v2beta1|HorizontalPodAutoscaler': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 967)),
    'autoscaling/v2beta2|HorizontalPodAutoscaler': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6524)),
    'autoscaling/v2|HorizontalPodAutoscaler': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 7182)),
    'batch/v1beta1|CronJob': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9023)),
    'batch/v1|CronJob': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 4063)),
    'batch/v1|Job': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 4734)),
    'certificates.k8s.io/v1beta1|CertificateSigningRequest': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8929)),
    'certificates.k8s.io/v1|CertificateSigningRequest': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3492)),
    'coordination.k8s.io/v1beta1|Lease': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 728)),
    'coordination.k8s.io/v1|Lease': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9437)),
    'discovery.k8s.io/v1beta1|EndpointSlice': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8727)),
    'discovery.k8s.io/v1|EndpointSlice': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8182)),
    'events.k8s.io/v1beta1|Event': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4476)),
    'events.k8s.io/v1|Event': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6300)),
    'extensions/v1beta1|DaemonSet': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8760)),
    'extensions/v1beta1|Deployment': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9700)),
    'extensions/v1beta1|DeploymentRollback': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5294)),
    'extensions/v1beta1|Ingress': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8688)),
    'extensions/v1beta1|NetworkPolicy': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3154)),
    'extensions/v1beta1|PodSecurityPolicy': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8533)),
    'extensions/v1beta1|ReplicaSet': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4029)),
    'extensions/v1beta1|Scale': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3315)),
    'flowcontrol.apiserver.k8s.io/v1beta1|FlowSchema': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 363)),
    'flowcontrol.apiserver.k8s.io/v1beta1|PriorityLevelConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5021)),
    'flowcontrol.apiserver.k8s.io/v1beta2|FlowSchema': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7123)),
    'flowcontrol.apiserver.k8s.io/v1beta2|PriorityLevelConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7972)),
    'flowcontrol.apiserver.k8s.io/v1beta3|FlowSchema': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5947)),
    'flowcontrol.apiserver.k8s.io/v1beta3|PriorityLevelConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4982)),
    'flowcontrol.apiserver.k8s.io/v1|FlowSchema': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6173)),
    'flowcontrol.apiserver.k8s.io/v1|PriorityLevelConfiguration': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 646)),
    'networking.k8s.io/v1beta1|Ingress': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9018)),
    'networking.k8s.io/v1beta1|IngressClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8954)),
    'networking.k8s.io/v1|IPAddress': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1166)),
    'networking.k8s.io/v1|Ingress': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 575)),
    'networking.k8s.io/v1|IngressClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 373)),
    'networking.k8s.io/v1|NetworkPolicy': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 5973)),
    'networking.k8s.io/v1|ServiceCIDR': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4809)),
    'node.k8s.io/v1beta1|RuntimeClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5612)),
    'node.k8s.io/v1|RuntimeClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 2898)),
    'policy/v1beta1|Eviction': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7648)),
    'policy/v1beta1|PodDisruptionBudget': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9851)),
    'policy/v1beta1|PodSecurityPolicy': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3944)),
    'policy/v1|Eviction': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1075)),
    'policy/v1|PodDisruptionBudget': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 4142)),
    'rbac.authorization.k8s.io/v1beta1|ClusterRole': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5684)),
    'rbac.authorization.k8s.io/v1beta1|ClusterRoleBinding': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9912)),
    'rbac.authorization.k8s.io/v1beta1|Role': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7547)),
    'rbac.authorization.k8s.io/v1beta1|RoleBinding': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7373)),
    'rbac.authorization.k8s.io/v1|ClusterRole': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 2091)),
    'rbac.authorization.k8s.io/v1|ClusterRoleBinding': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 2736)),
    'rbac.authorization.k8s.io/v1|Role': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 9167)),
    'rbac.authorization.k8s.io/v1|RoleBinding': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 2966)),
    'resource.k8s.io/v1|DeviceClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5137)),
    'resource.k8s.io/v1|ResourceClaim': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7824)),
    'resource.k8s.io/v1|ResourceClaimTemplate': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7157)),
    'resource.k8s.io/v1|ResourceSlice': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9877)),
    'scheduling.k8s.io/v1beta1|PriorityClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6532)),
    'scheduling.k8s.io/v1|PriorityClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5651)),
    'storage.k8s.io/v1beta1|CSIDriver': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3999)),
    'storage.k8s.io/v1beta1|CSINode': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6389)),
    'storage.k8s.io/v1beta1|CSIStorageCapacity': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 9411)),
    'storage.k8s.io/v1beta1|StorageClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 2651)),
    'storage.k8s.io/v1beta1|VolumeAttachment': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 7841)),
    'storage.k8s.io/v1|CSIDriver': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4135)),
    'storage.k8s.io/v1|CSINode': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3396)),
    'storage.k8s.io/v1|CSIStorageCapacity': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1490)),
    'storage.k8s.io/v1|StorageClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 2012)),
    'storage.k8s.io/v1|VolumeAttachment': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 6578)),
    'storage.k8s.io/v1|VolumeAttributesClass': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 555)),
    'v1|Binding': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 148)),
    'v1|ComponentStatus': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 8286)),
    'v1|ConfigMap': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 8324)),
    'v1|Endpoints': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 1396)),
    'v1|Event': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 5701)),
    'v1|LimitRange': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 6057)),
    'v1|Namespace': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 3543)),
    'v1|Node': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 4895)),
    'v1|PersistentVolume': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 893)),
    'v1|PersistentVolumeClaim': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 6913)),
    'v1|Pod': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 3161)),
    'v1|PodTemplate': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 869)),
    'v1|ReplicationController': () => __webpack_require__.e(/* import() | kinds-more */ 494).then(__webpack_require__.bind(__webpack_require__, 175)),
    'v1|ResourceQuota': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 2330)),
    'v1|Secret': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 6189)),
    'v1|Service': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 4588)),
    'v1|ServiceAccount': () => Promise.resolve(/* import() eager */).then(__webpack_require__.bind(__webpack_require__, 9120)),
};

;// CONCATENATED MODULE: ./src/core/validate/schema.ts
// Offline schema validation of the built-in kinds with kubernetes-models (its ajv validators, generated
// from Kubernetes' OpenAPI). Those validators let unknown fields through, so each object is validated
// through a recording proxy: a key the validator never looked at, in an object whose keys it did not
// enumerate (a map such as labels), is a field the schema does not know.

/** The Kubernetes API the schemas describe (kubernetes-models 5.1's generation). */
const SCHEMA_KUBERNETES_VERSION = '1.34';
// Each kind's module (its class and its validators) is evaluated the first time an object of that
// kind is checked: a start that checks one Deployment does not evaluate the other 127 kinds.
const loaded = new Map();
function isModelClass(value) {
    return (typeof value === 'function' &&
        typeof value.apiVersion === 'string' &&
        typeof value.kind === 'string');
}
async function loadModel(key, kind) {
    const model = (await kinds_SCHEMA_KINDS[key]())[kind];
    if (!isModelClass(model))
        throw new Error(`kubernetes-models has no class ${kind} for ${key}`);
    loaded.set(key, model);
    return model;
}
/** The model of a kind (undefined when kubernetes-models has none), loaded once. */
function modelOf(apiVersion, kind) {
    const key = `${apiVersion}|${kind}`;
    if (!Object.hasOwn(kinds_SCHEMA_KINDS, key))
        return undefined;
    let model = loaded.get(key);
    if (model === undefined)
        loaded.set(key, (model = loadModel(key, kind)));
    return model;
}
/** apiVersions of Kubernetes itself (core, apps, batch, *.k8s.io ...), as opposed to custom resources. */
function isBuiltInApiVersion(apiVersion) {
    const slash = apiVersion.indexOf('/');
    if (slash === -1)
        return true;
    const group = apiVersion.slice(0, slash);
    return !group.includes('.') || group.endsWith('.k8s.io');
}
function hasSchema(apiVersion, kind) {
    return Object.hasOwn(SCHEMA_KINDS, `${apiVersion}|${kind}`);
}
function recording(value, path, records) {
    if (value === null || typeof value !== 'object')
        return value;
    if (Array.isArray(value))
        return value.map((item, index) => recording(item, [...path, index], records));
    const record = { path, keys: Object.keys(value), seen: new Set(), enumerated: false };
    records.push(record);
    const copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, recording(item, [...path, key], records)]));
    return new Proxy(copy, {
        get(target, key, receiver) {
            if (typeof key === 'string')
                record.seen.add(key);
            return Reflect.get(target, key, receiver);
        },
        has(target, key) {
            if (typeof key === 'string')
                record.seen.add(key);
            return Reflect.has(target, key);
        },
        ownKeys(target) {
            record.enumerated = true;
            return Reflect.ownKeys(target);
        },
    });
}
function pathOf(instancePath) {
    if (instancePath === '')
        return [];
    return instancePath
        .slice(1)
        .split('/')
        .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
function render(path) {
    return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
/** Schema problems of one built-in object, or undefined when there is no schema for its apiVersion/kind. */
async function schemaProblems(object) {
    const found = modelOf(String(object.apiVersion), String(object.kind));
    if (!found)
        return undefined;
    const model = found instanceof Promise ? await found : found;
    const records = [];
    const problems = [];
    try {
        model.prototype.validate.call(recording(object, [], records));
    }
    catch (error) {
        const errors = error.errors;
        if (!errors)
            throw error;
        for (const item of errors) {
            const path = pathOf(item.instancePath);
            const missing = typeof item.params?.missingProperty === 'string' ? item.params.missingProperty : undefined;
            const allowed = Array.isArray(item.params?.allowedValues) ? item.params.allowedValues.map(String) : undefined;
            const message = missing
                ? `${render([...path, missing])} is required`
                : `${render(path) || 'the object'} ${item.message ?? 'is not valid'}${allowed ? ` (${allowed.join(', ')})` : ''}`;
            problems.push({ path: missing ? [...path, missing] : path, message });
        }
    }
    // A failed validation stops early, leaving fields unvisited: unknown fields are only known after a pass.
    if (problems.length > 0)
        return problems;
    for (const record of records) {
        if (record.enumerated)
            continue;
        for (const key of record.keys) {
            if (!record.seen.has(key)) {
                problems.push({
                    path: [...record.path, key],
                    message: `${render([...record.path, key])} is not a known field`,
                });
            }
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/core/validate/findings.ts
// What the static stage says about an environment's manifests: findings (errors that fail the run)
// and notes (objects it could not check, with the reason). Never a value of a Secret.
function objectLabel(object) {
    return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
}
function formatFinding(finding) {
    const where = `${finding.file}${finding.line ? `:${finding.line}` : ''}`;
    const what = finding.object ? ` ${objectLabel(finding.object)}` : '';
    const label = finding.severity === 'error' ? finding.rule : `not checked (${finding.rule})`;
    return `${where}:${what} ${label}: ${finding.message}`;
}

;// CONCATENATED MODULE: ./src/core/validate/index.ts








/** kustomize's own files: build instructions, not objects that reach a cluster. */
const KUSTOMIZE_CONFIG = /^kustomize\.config\.k8s\.io\//;
function environmentOf(config, path) {
    if (!config)
        return undefined;
    let best;
    for (const environment of config.environments) {
        const prefix = environment.path === '' ? '' : `${environment.path.replace(/\/+$/, '')}/`;
        if ((prefix === '' || path.startsWith(prefix) || path === environment.path) &&
            (!best || environment.path.length > best.path.length))
            best = environment;
    }
    return best;
}
function gateFor(config, environment) {
    if (!config || !environment)
        return undefined;
    const repositories = new Set();
    for (const app of config.apps.values())
        repositories.add((0,image_ref/* parseImageReference */.o_)(app.image).repository);
    return { environment: environment.name, policy: environment.tags, repositories };
}
const validate_isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** The Kubernetes version of the KinD node image the cluster stage pins. */
const DEFAULT_KUBERNETES_VERSION = '1.34';
async function validateManifests(sources, options = {}) {
    const version = options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const minor = kubernetesMinor(version);
    if (minor === undefined)
        throw (0,errors/* invalid */.Gq)('kubernetes-version', version, 'a Kubernetes version such as 1.34 or v1.34.0');
    const findings = [...(options.findings ?? [])];
    const objects = [];
    const manifests = [];
    const seen = new Map();
    const only = options.environment
        ? options.config?.environments.find((e) => e.name === options.environment)
        : undefined;
    for (const source of sources) {
        const environment = environmentOf(options.config, source.folder ?? source.path);
        if (only && environment !== only)
            continue;
        const parsed = parseManifestFile(source.path, source.text);
        findings.push(...parsed.findings);
        if (source.objects === false)
            continue;
        const gate = gateFor(options.config, environment);
        for (const document of parsed.objects) {
            const value = document.value;
            if (!validate_isObject(value)) {
                findings.push({
                    severity: 'error',
                    rule: 'schema',
                    file: source.path,
                    line: document.line,
                    message: 'a document that is not a mapping',
                });
                continue;
            }
            const { apiVersion, kind } = value;
            if (apiVersion === undefined && kind === undefined)
                continue; // not a Kubernetes object (chart values, config)
            if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') {
                findings.push({
                    severity: 'error',
                    rule: 'schema',
                    file: source.path,
                    line: document.line,
                    message: 'apiVersion and kind must both be non-empty strings',
                });
                continue;
            }
            if (KUSTOMIZE_CONFIG.test(apiVersion))
                continue;
            const metadata = validate_isObject(value.metadata) ? value.metadata : {};
            const id = {
                kind,
                namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
                name: typeof metadata.name === 'string' ? metadata.name : '',
            };
            const before = findings.filter((f) => f.severity === 'error').length;
            const report = (problem) => findings.push({
                severity: 'error',
                rule: problem.rule,
                file: source.path,
                line: document.lineOf(problem.path),
                object: id,
                message: problem.message,
            });
            let checked = true;
            const removed = removedIn(apiVersion, kind);
            if (isBuiltInApiVersion(apiVersion) && removed !== undefined && removed <= minor) {
                report({
                    rule: 'schema',
                    path: ['apiVersion'],
                    message: `${kind} ${apiVersion} is not served by Kubernetes ${version}: it was removed in 1.${removed}`,
                });
            }
            else if (isBuiltInApiVersion(apiVersion)) {
                const problems = await schemaProblems(value);
                if (problems === undefined) {
                    report({
                        rule: 'schema',
                        path: ['apiVersion'],
                        message: `${kind} ${apiVersion} is not a kind of Kubernetes (schemas of ${SCHEMA_KUBERNETES_VERSION}): a misspelled kind or apiVersion?`,
                    });
                }
                else {
                    for (const problem of problems)
                        report({ rule: problem.message.endsWith('is not a known field') ? 'unknown-field' : 'schema', ...problem });
                }
            }
            else if (isCheckedFluxKind(apiVersion, kind)) {
                checkFluxKind(value).forEach(report);
            }
            else {
                checked = false;
                findings.push({
                    severity: 'not-checked',
                    rule: 'schema',
                    file: source.path,
                    line: document.line,
                    object: id,
                    message: `no schema for the custom kind ${kind} ${apiVersion}: its fields are not checked`,
                });
            }
            [...checkNames(value), ...checkSelector(value), ...checkImages(value, gate), ...checkSecret(value)].forEach(report);
            const key = `${environment?.name ?? ''}|${apiVersion.split('/')[0]?.includes('.') ? apiVersion.split('/')[0] : ''}|${kind}|${id.namespace}|${id.name}`;
            const first = seen.get(key);
            if (first && id.name !== '') {
                report({
                    rule: 'duplicate',
                    path: ['metadata', 'name'],
                    message: `the same ${kind} is also defined at ${first.file}:${first.line}${environment ? ` in environment ${environment.name}` : ''}`,
                });
            }
            else
                seen.set(key, { file: source.path, line: document.line });
            const failed = findings.filter((f) => f.severity === 'error').length > before;
            const object = {
                ...id,
                apiVersion,
                file: source.path,
                line: document.line,
                ...(environment ? { environment: environment.name } : {}),
                result: failed ? 'failed' : checked ? 'passed' : 'not-checked',
            };
            objects.push(object);
            manifests.push({ object, value });
        }
    }
    return { objects, findings, manifests };
}
function hasErrors(report) {
    return report.findings.some((finding) => finding.severity === 'error');
}


// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/config/index.ts + 2 modules
var core_config = __webpack_require__(8536);
// EXTERNAL MODULE: ./src/fs/tree.ts + 1 modules
var tree = __webpack_require__(267);
;// CONCATENATED MODULE: ./src/kube/commands.ts
// The command lines the kube adapter runs, built as argument arrays (never a shell string), so that
// a manifest value or a file name can only ever be one argument. Pure: tests read them as values.
function kubectl(target, args, stdin) {
    const global = [];
    if (target.kubeconfig)
        global.push(`--kubeconfig=${target.kubeconfig}`);
    if (target.context)
        global.push(`--context=${target.context}`);
    if (target.namespace)
        global.push(`--namespace=${target.namespace}`);
    return {
        program: target.kubectl ?? 'kubectl',
        args: [...global, ...args],
        ...(stdin === undefined ? {} : { stdin }),
    };
}
function sources(options) {
    if (options.stdin !== undefined)
        return ['-f', '-'];
    const files = options.files ?? [];
    if (files.length === 0)
        throw new Error('kubectl: no files and no stdin to apply');
    return files.flatMap((file) => ['-f', file]);
}
/** `kubectl apply --server-side`, optionally a server dry run, forced, or pruning an ApplySet. */
function applyCommand(target, options) {
    const args = ['apply', '--server-side', `--field-manager=${options.fieldManager}`];
    if (options.forceConflicts)
        args.push('--force-conflicts');
    if (options.dryRun)
        args.push(`--dry-run=${options.dryRun}`);
    if (options.pruneApplySet)
        args.push('--prune', `--applyset=${options.pruneApplySet}`);
    args.push(...sources(options), `--output=${options.output ?? 'name'}`);
    return kubectl(target, args, options.stdin);
}
/** `kubectl diff --server-side`: exit 0 no differences, 1 differences, >1 an error. */
function diffCommand(target, options) {
    const args = ['diff', '--server-side', `--field-manager=${options.fieldManager}`];
    if (options.forceConflicts)
        args.push('--force-conflicts');
    args.push(...sources(options));
    return kubectl(target, args, options.stdin);
}
/**
 * `kubectl wait` until each named CustomResourceDefinition is Established: until then the API does
 * not serve its kind, and an object of that kind is refused ("no matches for kind").
 */
function waitEstablishedCommand(target, names, timeoutSeconds) {
    if (names.length === 0)
        throw new Error('kubectl wait: no CustomResourceDefinition named');
    // Cluster-scoped: no namespace, whatever the target's.
    const { namespace: _cluster, ...scoped } = target;
    return kubectl(scoped, [
        'wait',
        '--for=condition=Established',
        `--timeout=${Math.max(1, Math.round(timeoutSeconds))}s`,
        ...names.map((name) => `customresourcedefinitions.apiextensions.k8s.io/${name}`),
    ]);
}
/** Workloads kubectl can wait for with `rollout status`. */
const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
function rolloutStatusCommand(target, object, timeoutSeconds) {
    const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
    return kubectl(scoped, [
        'rollout',
        'status',
        `${object.kind.toLowerCase()}/${object.name}`,
        '--watch=true',
        `--timeout=${Math.max(1, Math.round(timeoutSeconds))}s`,
    ]);
}
function describeCommand(target, object) {
    const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
    return kubectl(scoped, ['describe', `${object.kind.toLowerCase()}/${object.name}`]);
}
/** Events about one object, oldest first. */
function eventsCommand(target, object) {
    const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
    return kubectl(scoped, [
        'get',
        'events',
        `--field-selector=involvedObject.kind=${object.kind},involvedObject.name=${object.name}`,
        '--sort-by=.lastTimestamp',
    ]);
}
/** Logs of a workload's pods: the previous container's with `previous` (a crash loop's last words). */
function logsCommand(target, object, previous) {
    const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
    const args = ['logs', `${object.kind.toLowerCase()}/${object.name}`, '--all-containers=true', '--tail=200'];
    if (previous)
        args.push('--previous');
    return kubectl(scoped, args);
}
function getJsonCommand(target, object) {
    const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
    return kubectl(scoped, ['get', `${object.kind.toLowerCase()}/${object.name}`, '--output=json']);
}
/** `kubectl annotate --overwrite` of objects already applied. */
function annotateCommand(target, object, annotations, fieldManager) {
    const scoped = object.namespace ? { ...target, namespace: object.namespace } : target;
    return kubectl(scoped, [
        'annotate',
        `${object.kind.toLowerCase()}/${object.name}`,
        '--overwrite',
        `--field-manager=${fieldManager}`,
        ...Object.entries(annotations).map(([key, value]) => `${key}=${value}`),
    ]);
}
/** `kubectl kustomize <dir>`: renders a kustomization without a cluster. */
function kustomizeCommand(target, dir) {
    return { program: target.kubectl ?? 'kubectl', args: ['kustomize', dir] };
}
function helmTemplateCommand(options) {
    const args = ['template', options.release, options.chart];
    if (options.namespace)
        args.push(`--namespace=${options.namespace}`);
    if (options.valuesFile)
        args.push(`--values=${options.valuesFile}`);
    return { program: options.helm ?? 'helm', args };
}
function kindCreateCommand(options) {
    const args = ['create', 'cluster', `--name=${options.name}`];
    if (options.image)
        args.push(`--image=${options.image}`);
    if (options.config)
        args.push(`--config=${options.config}`);
    if (options.waitSeconds)
        args.push(`--wait=${options.waitSeconds}s`);
    if (options.kubeconfig)
        args.push(`--kubeconfig=${options.kubeconfig}`);
    return { program: options.kind ?? 'kind', args };
}
function kindDeleteCommand(options) {
    const args = ['delete', 'cluster', `--name=${options.name}`];
    if (options.kubeconfig)
        args.push(`--kubeconfig=${options.kubeconfig}`);
    return { program: options.kind ?? 'kind', args };
}
function kindExportLogsCommand(options) {
    return { program: options.kind ?? 'kind', args: ['export', 'logs', options.dir, `--name=${options.name}`] };
}
/** Pulls an image onto the KinD node (containerd's crictl inside the node container). */
function kindPullCommand(options) {
    return {
        program: options.docker ?? 'docker',
        args: ['exec', `${options.name}-control-plane`, 'crictl', 'pull', options.image],
    };
}
/** One line a person can paste, for logs: arguments quoted when a shell would split them. */
function formatCommandLine(line) {
    return [line.program, ...line.args]
        .map((word) => (/^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`))
        .join(' ');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/kube/run.ts
// Runs a CommandLine with child_process.spawn (no shell): the argument array reaches the program as is.

/** A program that could not be started (not installed, not executable): an infrastructure failure. */
class ProgramMissingError extends Error {
    program;
    constructor(program, cause) {
        super(`${program} could not be started: ${cause.message}`);
        this.program = program;
        this.name = 'ProgramMissingError';
    }
}
function runCommand(line, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(line.program, line.args, {
            env: options.env ?? process.env,
            cwd: options.cwd,
            stdio: ['pipe', 'pipe', 'pipe'],
            shell: false,
        });
        const out = [];
        const err = [];
        let timedOut = false;
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                child.kill('SIGTERM');
            }, options.timeoutMs);
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => {
            if (timer)
                clearTimeout(timer);
            reject(new ProgramMissingError(line.program, error));
        });
        child.on('close', (code) => {
            if (timer)
                clearTimeout(timer);
            resolve({
                code,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                timedOut,
            });
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(line.stdin ?? '');
    });
}

;// CONCATENATED MODULE: ./src/flows/validate-static.ts
// The static stage over a folder: reads the manifests and the promotion config, renders every
// kustomization (`kubectl kustomize`) and every HelmRelease whose chart is in the repository
// (`helm template`), and hands the text to the pure checks in core/validate.










const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
function isUnder(path, folder) {
    return folder === '' || path === folder || path.startsWith(`${folder}/`);
}
async function runStaticStage(options) {
    const configFile = (0,external_node_path_.join)(options.dir, options.configPath ?? core_config/* DEFAULT_CONFIG_PATH */.Bi);
    const config = options.config ??
        ((0,external_node_fs_.existsSync)(configFile)
            ? (0,core_config/* parsePromotionConfig */.BR)((0,external_node_fs_.readFileSync)(configFile, 'utf8'), options.configPath ?? core_config/* DEFAULT_CONFIG_PATH */.Bi)
            : undefined);
    if (options.environment !== undefined) {
        if (!config) {
            throw (0,errors/* invalid */.Gq)('environment', options.environment, `an environment of ${options.configPath ?? core_config/* DEFAULT_CONFIG_PATH */.Bi}, which does not exist in this folder`);
        }
        (0,core_config/* findEnvironment */.jY)(config, options.environment);
    }
    const all = await (0,tree/* readTree */.Zc)(options.dir, {
        include: (path) => /\.ya?ml$/i.test(path) || external_node_path_.posix.basename(path) === 'Kustomization' || external_node_path_.posix.basename(path) === 'Chart.yaml',
    });
    const charts = all.filter((f) => external_node_path_.posix.basename(f.path) === 'Chart.yaml').map((f) => external_node_path_.posix.dirname(f.path));
    const kustomizeRoots = all
        .filter((f) => KUSTOMIZATION_FILES.includes(external_node_path_.posix.basename(f.path)))
        .map((f) => external_node_path_.posix.dirname(f.path))
        .filter((folder, _i, folders) => !folders.some((other) => other !== folder && isUnder(folder, other)));
    const files = all.filter((f) => !f.path.startsWith('.github/') && !charts.some((chart) => isUnder(f.path, chart)));
    const findings = [];
    const sources = [];
    const rendered = new Set();
    const only = options.environment ? config?.environments.find((e) => e.name === options.environment) : undefined;
    for (const root of kustomizeRoots) {
        if (only && !isUnder(root, only.path) && !isUnder(only.path, root))
            continue;
        const line = kustomizeCommand({ kubectl: options.kubectl }, (0,external_node_path_.join)(options.dir, root));
        try {
            const result = await runCommand(line);
            if (result.code === 0) {
                rendered.add(root);
                sources.push({ path: `${root} (kustomize)`, folder: root, text: result.stdout });
            }
            else {
                rendered.add(root);
                findings.push({
                    severity: 'error',
                    rule: 'render',
                    file: root,
                    message: `kubectl kustomize failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
                });
            }
        }
        catch (error) {
            if (!(error instanceof ProgramMissingError))
                throw error;
            findings.push({
                severity: 'not-checked',
                rule: 'render',
                file: root,
                message: 'kubectl is not available to render this kustomization: its files are checked one by one instead',
            });
        }
    }
    for (const file of files) {
        const insideRendered = [...rendered].some((root) => isUnder(file.path, root));
        sources.push({ path: file.path, text: file.text, ...(insideRendered ? { objects: false } : {}) });
    }
    sources.push(...(await renderCharts(options, files, charts, findings)));
    const report = await validateManifests(sources, {
        ...(config ? { config } : {}),
        ...(options.environment ? { environment: options.environment } : {}),
        ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
        findings,
    });
    return { ...report, ...(config ? { config } : {}) };
}
function field(value, ...path) {
    return path.reduce((node, key) => (node !== null && typeof node === 'object' ? node[key] : undefined), value);
}
/** HelmReleases with `chart.git` + `chart.path` naming a chart folder of this repository. */
async function renderCharts(options, files, charts, findings) {
    const sources = [];
    for (const file of files) {
        if (!file.text.includes('HelmRelease'))
            continue;
        for (const document of (0,dist/* parseAllDocuments */.hR)(file.text)) {
            if (!('toJS' in document) || document.errors.length > 0)
                continue;
            const value = document.toJS();
            if (field(value, 'kind') !== 'HelmRelease')
                continue;
            const chartPath = field(value, 'spec', 'chart', 'path');
            if (typeof chartPath !== 'string' || typeof field(value, 'spec', 'chart', 'git') !== 'string')
                continue;
            const chart = external_node_path_.posix.normalize(chartPath).replace(/\/+$/, '');
            if (!charts.includes(chart))
                continue;
            const name = String(field(value, 'spec', 'releaseName') ?? field(value, 'metadata', 'name') ?? 'release');
            const namespace = field(value, 'metadata', 'namespace');
            const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'gitops-promote-values-'));
            try {
                const valuesFile = (0,external_node_path_.join)(scratch, 'values.yaml');
                (0,external_node_fs_.writeFileSync)(valuesFile, JSON.stringify(field(value, 'spec', 'values') ?? {}), { mode: 0o600 });
                const line = helmTemplateCommand({
                    helm: options.helm,
                    release: name,
                    chart: (0,external_node_path_.join)(options.dir, chart),
                    namespace: typeof namespace === 'string' ? namespace : undefined,
                    valuesFile,
                });
                const result = await runCommand(line);
                if (result.code === 0)
                    sources.push({
                        path: `${file.path} (helm template ${chart})`,
                        folder: external_node_path_.posix.dirname(file.path),
                        text: result.stdout,
                    });
                else
                    findings.push({
                        severity: 'error',
                        rule: 'render',
                        file: file.path,
                        message: `helm template ${chart} failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
                    });
            }
            catch (error) {
                if (!(error instanceof ProgramMissingError))
                    throw error;
                findings.push({
                    severity: 'not-checked',
                    rule: 'render',
                    file: file.path,
                    message: `helm is not available: the chart ${chart} is not rendered, its output is not checked`,
                });
            }
            finally {
                (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
            }
        }
    }
    return sources;
}

// EXTERNAL MODULE: ./src/cli/command.ts + 1 modules
var command = __webpack_require__(302);
;// CONCATENATED MODULE: ./src/cli/commands/validate.ts



const USAGE = `usage: gitops-promote validate --dir <dir> [--environment <name>] [--kubernetes-version <1.N>] [--json]

Validates an environment repository's manifests without a cluster: every YAML file parses (no
duplicate keys); built-in kinds match the Kubernetes ${SCHEMA_KUBERNETES_VERSION} schemas (unknown fields are findings);
the Flux kinds' fields gitops-promote reads; DNS-1123 names; selectors match template labels; every
image has a tag or digest and none is latest; the tags of the config's apps pass the environment's
policy (.github/promotion.yml); no object twice in one environment; no Secret with plain data.
Kustomizations are rendered with \`kubectl kustomize\`, in-repository charts with \`helm template\`;
when those programs are missing, what they would render is reported as not checked.
Custom kinds without a schema are reported as not checked, never as passed.

options:
  --dir <dir>           the environment repository (or any folder of manifests)
  --environment <name>  only this environment's folder (needs .github/promotion.yml)
  --kubernetes-version  the version objects must be served at (default ${DEFAULT_KUBERNETES_VERSION}: removed
                        apiVersions are findings; fields are checked against the ${SCHEMA_KUBERNETES_VERSION} schemas)
  --json                print {"valid","kubernetesVersion","objects":[...],"findings":[...]}

exit status: 0 no findings (notes about what was not checked allowed); 1 findings, or a bad config;
2 a missing option or a --dir that is not an existing directory.`;
const validateCommand = {
    name: 'validate',
    summary: 'static validation of an environment repository (no cluster)',
    usage: USAGE,
    options: { dir: { type: 'string' }, environment: { type: 'string' }, 'kubernetes-version': { type: 'string' } },
    async run(values, _positionals, context) {
        const dir = (0,command/* requireDirectory */.T)(values, 'dir', context.cwd);
        const environment = (0,command/* optionalString */.sx)(values, 'environment');
        const kubernetesVersion = (0,command/* optionalString */.sx)(values, 'kubernetes-version');
        const report = await runStaticStage({
            dir,
            ...(environment !== undefined ? { environment } : {}),
            ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
        });
        const errors = report.findings.filter((finding) => finding.severity === 'error');
        const notChecked = report.findings.length - errors.length;
        const summary = `${report.objects.length} objects: ${report.objects.filter((o) => o.result === 'passed').length} passed, ${report.objects.filter((o) => o.result === 'failed').length} failed, ${report.objects.filter((o) => o.result === 'not-checked').length} not checked; ${errors.length} findings, ${notChecked} notes`;
        const text = [...report.findings.map(formatFinding), summary].join('\n');
        const json = {
            valid: !hasErrors(report),
            kubernetesVersion: kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
            schemas: SCHEMA_KUBERNETES_VERSION,
            objects: report.objects,
            findings: report.findings,
        };
        return { json, text, ...(hasErrors(report) ? { failure: `${errors.length} findings in ${dir}` } : {}) };
    },
};


/***/ }),

/***/ 8457:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// Stands in for ajv-formats-draft2019/formats/index.js when the bundles are built (the `paths` entry
// in tsconfig.json), for @kubernetes-models/validate's formats. Tests run with the real package.
//
// - The package's idn-hostname format calls require('punycode'), which it means as the npm package it
//   depends on; a bundler takes that name for Node's built-in module, deprecated since Node 21, and
//   loading it printed "[DEP0040] DeprecationWarning: The `punycode` module is deprecated" in every
//   validate and apply step. Here idn-hostname uses the npm package, by its path.
// - The package loads all five formats with it, and two of them load much more (iri: uri-js and the
//   IANA scheme list; idn-email: an SMTP address grammar): about 1.5 ms of every validate and apply
//   start, for formats no Kubernetes schema names. Here each format loads its module at its first
//   use. That is why this file is CommonJS: webpack bundles a require() inside a function and runs
//   the module when the function is called, which an ES module cannot ask for.
//
// The same five formats, each a string predicate (the package's duration is a regular expression,
// which ajv takes as well as a predicate; here it is a predicate too). Types: the .d.cts beside it.


let toASCII;
let duration;
let idnEmail;
let iri;
let iriReference;

// The package's own expression (formats/idn-hostname.js).
const HOSTNAME =
  /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;

function idnHostname(value) {
  toASCII ??= (__webpack_require__(8328).toASCII);
  const hostname = toASCII(value);
  return hostname.replace(/\.$/, '').length <= 253 && HOSTNAME.test(hostname);
}

module.exports = {
  iri: (value) => (iri ??= __webpack_require__(3869))(value),
  duration: (value) =>
    (duration ??= __webpack_require__(3160)).test(value),
  'idn-email': (value) =>
    (idnEmail ??= __webpack_require__(8503))(value),
  'idn-hostname': idnHostname,
  'iri-reference': (value) =>
    (iriReference ??= __webpack_require__(1173))(value),
};


/***/ })

};

return {id,ids,modules};})