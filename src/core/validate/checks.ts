// The checks a schema misses, per object: names, selectors, images, plain Secrets, and the fields of
// the Flux kinds that gitops-promote reads. Each returns problems with the path they are about.
import { isUserError } from '../errors.js';
import { parseImageReference, type ImageReference } from '../image-ref.js';
import { isEligible, parseTagPolicy, describeTagPolicy, type TagPolicy } from '../policy/index.js';

export interface Problem {
  rule: string;
  path: (string | number)[];
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), value);

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Kinds whose names become DNS labels (host names, namespaces): at most 63 characters, no dots. */
const LABEL_NAMED_KINDS = new Set(['Namespace', 'Service']);

export function checkNames(object: Json): Problem[] {
  const problems: Problem[] = [];
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
  } else if (name === undefined || name === '') {
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
const POD_SPEC_PATHS: Record<string, string[]> = {
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

function expressionMatches(labels: Json, expression: unknown): boolean {
  if (!isObject(expression)) return false;
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

export function checkSelector(object: Json): Problem[] {
  if (!SELECTOR_KINDS.has(String(object.kind))) return [];
  const selector = at(object, 'spec', 'selector');
  const labels = at(object, 'spec', 'template', 'metadata', 'labels');
  if (!isObject(selector)) return [];
  const templateLabels = isObject(labels) ? labels : {};
  const problems: Problem[] = [];
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (templateLabels[key] !== value) {
      problems.push({
        rule: 'selector',
        path: ['spec', 'selector', 'matchLabels', key],
        message: `spec.selector.matchLabels ${key}=${String(value)} does not match the template's labels (${
          key in templateLabels ? `${key}=${String(templateLabels[key])}` : `no label ${key}`
        })`,
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

export interface ImageUse {
  path: (string | number)[];
  /** The container's name, or the values key of a chart image. */
  container: string;
  reference: string;
}

function containerImages(object: Json): ImageUse[] {
  const specPath = POD_SPEC_PATHS[String(object.kind)];
  if (!specPath) return [];
  const spec = at(object, ...specPath);
  if (!isObject(spec)) return [];
  const uses: ImageUse[] = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
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
function valuesImages(values: unknown, path: (string | number)[], owner: string, uses: ImageUse[]): void {
  if (!isObject(values)) return;
  for (const [key, value] of Object.entries(values)) {
    if (key === 'image' && typeof value === 'string') {
      uses.push({ path: [...path, key], container: owner, reference: value });
    } else if (key === 'image' && isObject(value) && typeof value.repository === 'string') {
      const repository =
        typeof value.registry === 'string' ? `${value.registry}/${value.repository}` : value.repository;
      const tag = value.tag === undefined || value.tag === null || value.tag === '' ? '' : `:${String(value.tag)}`;
      const digest = typeof value.digest === 'string' && value.digest !== '' ? `@${value.digest}` : '';
      uses.push({ path: [...path, key], container: owner, reference: `${repository}${tag}${digest}` });
    } else if (isObject(value)) {
      valuesImages(value, [...path, key], key, uses);
    }
  }
}

export function imageUses(object: Json): ImageUse[] {
  if (object.kind === 'HelmRelease') {
    const uses: ImageUse[] = [];
    valuesImages(at(object, 'spec', 'values'), ['spec', 'values'], 'values', uses);
    return uses;
  }
  return containerImages(object);
}

/** A configured app's image and the tag policy of the environment the object belongs to. */
export interface ImageGate {
  environment: string;
  policy: TagPolicy;
  /** Normalised repositories of the config's apps: only their tags are held to the policy. */
  repositories: Set<string>;
}

export function checkImages(object: Json, gate?: ImageGate): Problem[] {
  const problems: Problem[] = [];
  for (const use of imageUses(object)) {
    let image: ImageReference;
    try {
      image = parseImageReference(use.reference);
    } catch (error) {
      if (!isUserError(error)) throw error;
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
    if (gate && image.tag && gate.repositories.has(image.repository) && !isEligible(gate.policy, image.tag)) {
      problems.push({
        rule: 'policy',
        path: use.path,
        message: `${use.container}: tag ${image.tag} of ${image.familiarName} is not allowed in environment ${gate.environment} (${describeTagPolicy(gate.policy)})`,
      });
    }
  }
  return problems;
}

export function checkSecret(object: Json): Problem[] {
  if (object.kind !== 'Secret' || object.apiVersion !== 'v1') return [];
  const problems: Problem[] = [];
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
export function isCheckedFluxKind(apiVersion: string, kind: string): boolean {
  return (
    (kind === 'HelmRelease' && FLUX_HELM_RELEASE.has(apiVersion)) ||
    (kind === 'Kustomization' && FLUX_KUSTOMIZATION.test(apiVersion)) ||
    (kind === 'ImagePolicy' && FLUX_IMAGE_POLICY.test(apiVersion))
  );
}

function expectType(
  problems: Problem[],
  object: Json,
  path: string[],
  type: 'string' | 'object' | 'boolean',
  required: boolean,
) {
  const value = at(object, ...path);
  if (value === undefined) {
    if (required) problems.push({ rule: 'flux', path, message: `${path.join('.')} is required` });
    return;
  }
  const actual = isObject(value) ? 'object' : Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (actual !== type)
    problems.push({ rule: 'flux', path, message: `${path.join('.')} must be a ${type}, not a ${actual}` });
}

export function checkFluxKind(object: Json): Problem[] {
  const problems: Problem[] = [];
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
        } else {
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
        } else if (kinds[0] === 'semver') {
          const range = at(policy, 'semver', 'range');
          if (typeof range !== 'string') {
            problems.push({
              rule: 'flux',
              path: ['spec', 'policy', 'semver', 'range'],
              message: 'spec.policy.semver.range must be a string',
            });
          } else {
            try {
              parseTagPolicy(`semver:${range}`, undefined, 'spec.policy.semver.range');
            } catch (error) {
              if (!isUserError(error)) throw error;
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
