// A tag policy as Flux users write it: `glob:dev-*`, `semver:~0.4`, `regexp:^0.6.*`,
// `alphabetical[:asc|desc]`, `numerical[:asc|desc]`, optionally behind an ImagePolicy-style
// filter (a Go regular expression plus an extract template). A TagPolicy is plain data you can
// print and compare; the compiled matchers are built once, when it is parsed.
import { UserError, invalid } from '../errors.js';
import { compileGoRegexp, type GoRegexp } from './go-regexp.js';
import { parseSemverRange, type SemverRange } from './semver-range.js';

export type SortOrder = 'asc' | 'desc';

export interface TagFilter {
  /** Go regular expression, unanchored; tags it does not match are dropped. */
  readonly pattern: string;
  /** Go expand template (`$1`, `${ts}`, `$name`) giving the value the policy ranks; empty: the tag itself. */
  readonly extract: string;
}

export type TagPolicy =
  | { readonly kind: 'glob'; readonly pattern: string; readonly filter?: TagFilter }
  | { readonly kind: 'regexp'; readonly pattern: string; readonly filter?: TagFilter }
  | { readonly kind: 'semver'; readonly range: string; readonly filter?: TagFilter }
  | { readonly kind: 'alphabetical'; readonly order: SortOrder; readonly filter?: TagFilter }
  | { readonly kind: 'numerical'; readonly order: SortOrder; readonly filter?: TagFilter };

export interface CompiledPolicy {
  filter?: GoRegexp;
  glob?: (value: string) => boolean;
  regexp?: GoRegexp;
  range?: SemverRange;
}

const compiled = new WeakMap<TagPolicy, CompiledPolicy>();

export const POLICY_SPEC_FORMS =
  'one of glob:<pattern>, semver:<range>, regexp:<regular expression>, alphabetical[:asc|desc], numerical[:asc|desc]';

/**
 * Parses a policy spec such as `semver:^1.x-0` or `numerical:desc`. `regex:` is read as
 * `regexp:` (Flux v1 accepts both). Throws a UserError naming the spec when it is not valid.
 */
export function parseTagPolicy(
  spec: string,
  filter?: { pattern?: string; extract?: string },
  field = 'policy',
): TagPolicy {
  const colon = spec.indexOf(':');
  const kind = (colon === -1 ? spec : spec.slice(0, colon)).trim().toLowerCase();
  const argument = colon === -1 ? undefined : spec.slice(colon + 1);
  const tagFilter = normaliseFilter(filter);
  const withFilter = tagFilter ? { filter: tagFilter } : {};
  let policy: TagPolicy;
  switch (kind) {
    case 'glob':
      policy = { kind: 'glob', pattern: argument ?? '', ...withFilter };
      break;
    case 'regexp':
    case 'regex':
      policy = { kind: 'regexp', pattern: argument ?? '', ...withFilter };
      break;
    case 'semver':
      policy = { kind: 'semver', range: (argument ?? '').trim(), ...withFilter };
      break;
    case 'alphabetical':
    case 'numerical':
      policy = { kind, order: parseOrder(argument, spec, field), ...withFilter };
      break;
    default:
      throw invalid(field, spec, POLICY_SPEC_FORMS);
  }
  compiled.set(policy, compile(policy, spec, field));
  return policy;
}

function normaliseFilter(filter: { pattern?: string; extract?: string } | undefined): TagFilter | undefined {
  const pattern = filter?.pattern ?? '';
  const extract = filter?.extract ?? '';
  if (pattern === '' && extract !== '') {
    throw new UserError(`filter extract ${JSON.stringify(extract)} needs a filter pattern to take groups from`, {
      field: 'filter.extract',
      value: extract,
      expected: 'a filter pattern alongside it',
    });
  }
  return pattern === '' ? undefined : { pattern, extract };
}

function parseOrder(argument: string | undefined, spec: string, field: string): SortOrder {
  // Flux's ImagePolicy takes asc/desc; its Go constructors take ASC/DESC. Empty means ascending.
  const order = (argument ?? '').trim().toLowerCase();
  if (order === '' || order === 'asc') return 'asc';
  if (order === 'desc') return 'desc';
  throw invalid(field, spec, `an order of asc or desc after "${spec.slice(0, spec.indexOf(':'))}:"`);
}

function compile(policy: TagPolicy, spec: string, field: string): CompiledPolicy {
  const result: CompiledPolicy = {};
  if (policy.filter) result.filter = compileGoRegexp(policy.filter.pattern, 'filter pattern');
  // Errors name the whole spec the user wrote, not just the part after the colon.
  const naming = <T>(build: () => T): T => {
    try {
      return build();
    } catch (error) {
      if (error instanceof UserError && error.expected)
        throw invalid(field, spec, `"${policy.kind}:" followed by ${error.expected}`);
      throw error;
    }
  };
  if (policy.kind === 'glob') result.glob = globMatcher(policy.pattern);
  if (policy.kind === 'regexp') result.regexp = naming(() => compileGoRegexp(policy.pattern, 'regexp'));
  if (policy.kind === 'semver') result.range = naming(() => parseSemverRange(policy.range));
  return result;
}

/**
 * Flux v1 globs (ryanuber/go-glob): `*` matches any run of characters, everything else is literal.
 * Matched as go-glob does, prefix, suffix and each middle part in order (leftmost is always right
 * for `*` alone), in time linear in the tag for each part: a pattern of many stars cannot stall.
 */
function globMatcher(pattern: string): (value: string) => boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return (value) => value === pattern;
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  return (value) => {
    if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
    const end = value.length - last.length;
    let at = first.length;
    for (const part of middle) {
      const found = value.indexOf(part, at);
      if (found === -1 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

export function compiledPolicy(policy: TagPolicy): CompiledPolicy {
  const known = compiled.get(policy);
  if (known) return known;
  // A policy built by hand (or copied) rather than parsed: compile it from its printed form.
  const reparsed = compile(policy, formatTagPolicy(policy), 'policy');
  compiled.set(policy, reparsed);
  return reparsed;
}

/** The spec that parses back to this policy (without its filter): `semver:~0.4`, `numerical:desc`. */
export function formatTagPolicy(policy: TagPolicy): string {
  switch (policy.kind) {
    case 'glob':
    case 'regexp':
      return `${policy.kind}:${policy.pattern}`;
    case 'semver':
      return `semver:${policy.range}`;
    case 'alphabetical':
    case 'numerical':
      return `${policy.kind}:${policy.order}`;
  }
}

/** One line for messages and logs: the spec, plus the filter when there is one. */
export function describeTagPolicy(policy: TagPolicy): string {
  const spec = formatTagPolicy(policy);
  if (!policy.filter) return spec;
  const extract = policy.filter.extract === '' ? '' : `, extract ${JSON.stringify(policy.filter.extract)}`;
  return `${spec} (filter ${JSON.stringify(policy.filter.pattern)}${extract})`;
}

/** true when the policy orders tags itself; glob and regexp do not (Flux v1 falls back to build time). */
export function policyHasOrder(policy: TagPolicy): boolean {
  return policy.kind !== 'glob' && policy.kind !== 'regexp';
}
