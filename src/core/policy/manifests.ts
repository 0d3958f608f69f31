// Tag policies as they sit in users' manifests: Flux v1 annotations on a workload or HelmRelease,
// and Flux v2 ImagePolicy objects.
import { UserError, invalid } from '../errors.js';
import { parseTagPolicy, type TagPolicy } from './tag-policy.js';

// Newest form first: when one container has several, the newest wins.
const ANNOTATION_PREFIXES = ['filter.fluxcd.io/', 'fluxcd.io/tag.', 'flux.weave.works/tag.'] as const;

const POLICY_KINDS = /^(?:(?:glob|semver|regexp|regex):|(?:alphabetical|numerical)(?::|$))/;

/**
 * Per-container tag policies from Flux v1 annotations: `filter.fluxcd.io/<container>`,
 * `fluxcd.io/tag.<container>` and `flux.weave.works/tag.<container>`, valued `glob:dev-*`,
 * `semver:~0.4`, `regexp:^0.6.*` (or `regex:`). A value without a known prefix is a glob, as in
 * Flux v1. Other annotations are ignored; a malformed policy is a UserError naming its annotation.
 */
export function policiesFromAnnotations(annotations: Readonly<Record<string, string>>): Map<string, TagPolicy> {
  const found = new Map<string, { policy: TagPolicy; rank: number }>();
  for (const [key, value] of Object.entries(annotations)) {
    const rank = ANNOTATION_PREFIXES.findIndex((prefix) => key.startsWith(prefix));
    const prefix = ANNOTATION_PREFIXES[rank];
    if (prefix === undefined || key.length === prefix.length) continue;
    const container = key.slice(prefix.length);
    const policy = parseAnnotationPolicy(value, `metadata.annotations["${key}"]`);
    const known = found.get(container);
    if (!known || rank < known.rank) found.set(container, { policy, rank });
  }
  return new Map([...found].map(([container, { policy }]) => [container, policy]));
}

function parseAnnotationPolicy(value: unknown, field: string): TagPolicy {
  if (typeof value !== 'string') throw invalid(field, value, 'a tag policy string such as "semver:~1.0"');
  const spec = value.trim();
  return parseTagPolicy(POLICY_KINDS.test(spec) ? spec : `glob:${spec}`, undefined, field);
}

export interface ImagePolicyDefinition {
  name: string;
  /** undefined when the manifest leaves it out: the namespace is then decided where it is applied. */
  namespace: string | undefined;
  /** The ImageRepository it selects from; its namespace defaults to the policy's, as in Flux. */
  imageRepositoryRef: { name: string; namespace: string | undefined };
  policy: TagPolicy;
}

/** Reads a Flux v2 ImagePolicy (image.toolkit.fluxcd.io v1beta1, v1beta2 or v1). */
export function policyFromImagePolicy(doc: unknown): ImagePolicyDefinition {
  const root = record(doc, 'ImagePolicy', 'an object');
  if (root.kind !== 'ImagePolicy') throw invalid('kind', root.kind, '"ImagePolicy"');
  if (typeof root.apiVersion !== 'string' || !root.apiVersion.startsWith('image.toolkit.fluxcd.io/')) {
    throw invalid('apiVersion', root.apiVersion, 'image.toolkit.fluxcd.io/<version>');
  }
  const metadata = record(root.metadata, 'metadata', 'an object with a name');
  const name = text(metadata.name, 'metadata.name');
  const namespace = optionalText(metadata.namespace, 'metadata.namespace');
  const id = `ImagePolicy ${namespace ? `${namespace}/` : ''}${name}`;
  try {
    const spec = record(root.spec, 'spec', 'an object');
    const repository = record(spec.imageRepositoryRef, 'spec.imageRepositoryRef', 'an object with a name');
    const imageRepositoryRef = {
      name: text(repository.name, 'spec.imageRepositoryRef.name'),
      namespace: optionalText(repository.namespace, 'spec.imageRepositoryRef.namespace') ?? namespace,
    };
    const filterTags = spec.filterTags === undefined ? {} : record(spec.filterTags, 'spec.filterTags', 'an object');
    const filter = {
      pattern: optionalText(filterTags.pattern, 'spec.filterTags.pattern') ?? '',
      extract: optionalText(filterTags.extract, 'spec.filterTags.extract') ?? '',
    };
    return {
      name,
      namespace,
      imageRepositoryRef,
      policy: parseTagPolicy(policySpec(spec.policy), filter, 'spec.policy'),
    };
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${id}: ${error.message}`, error);
    throw error;
  }
}

function policySpec(value: unknown): string {
  const policy = record(value, 'spec.policy', 'an object with one of semver, alphabetical, numerical');
  const kinds = Object.keys(policy).filter((key) => policy[key] !== undefined && policy[key] !== null);
  const [kind] = kinds;
  if (kinds.length !== 1 || (kind !== 'semver' && kind !== 'alphabetical' && kind !== 'numerical')) {
    throw invalid('spec.policy', policy, 'exactly one of semver, alphabetical, numerical');
  }
  const body = record(policy[kind], `spec.policy.${kind}`, 'an object');
  if (kind === 'semver') return `semver:${text(body.range, 'spec.policy.semver.range')}`;
  const order = optionalText(body.order, `spec.policy.${kind}.order`) ?? 'asc';
  if (order !== 'asc' && order !== 'desc') throw invalid(`spec.policy.${kind}.order`, order, 'asc or desc');
  return `${kind}:${order}`;
}

function record(value: unknown, field: string, expected: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, value, expected);
  return value as Record<string, unknown>;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, value, 'a non-empty string');
  return value;
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(field, value, 'a string');
  return value === '' ? undefined : value;
}
