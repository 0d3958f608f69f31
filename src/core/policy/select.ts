// Answers about tags under a policy: is a tag eligible, which tags rank where, which is latest,
// and is one tag newer than another. Selection follows Flux's image-reflector-controller: the
// filter turns each matching tag into a value (deduplicated, the last tag wins), the policy ranks
// the values, and the winner is reported as its original tag.
import type SemVer from 'semver/classes/semver.js';
import { UserError } from '../errors.js';
import { expandGoTemplate } from './go-regexp.js';
import { parseVersionTag, rangeAdmits } from './semver-range.js';
import { compiledPolicy, describeTagPolicy, policyHasOrder, type TagPolicy } from './tag-policy.js';

export interface RankedTag {
  /** The tag as listed. */
  tag: string;
  /** What the policy ranked: the filter's extracted value, or the tag itself. */
  value: string;
}

/** The value the policy ranks for this tag, or undefined when the filter drops it. */
export function filteredValue(policy: TagPolicy, tag: string): string | undefined {
  const filter = compiledPolicy(policy).filter;
  if (!filter || !policy.filter) return tag;
  const match = filter.exec(tag);
  if (!match) return undefined;
  return policy.filter.extract === '' ? tag : expandGoTemplate(policy.filter.extract, match);
}

export function isEligible(policy: TagPolicy, tag: string): boolean {
  const value = filteredValue(policy, tag);
  return value !== undefined && valueIsEligible(policy, value);
}

function valueIsEligible(policy: TagPolicy, value: string): boolean {
  const { glob, regexp, range } = compiledPolicy(policy);
  switch (policy.kind) {
    case 'glob':
      return glob?.(value) ?? false;
    case 'regexp':
      return regexp?.test(value) ?? false;
    case 'semver': {
      const version = parseVersionTag(value);
      return version !== undefined && range !== undefined && rangeAdmits(range, version);
    }
    case 'alphabetical':
      return true;
    case 'numerical':
      return parseGoFloat(value) !== undefined;
  }
}

/**
 * Every eligible tag, latest first. Ties keep Flux's winner first: for semver the earlier tag,
 * for numerical the later one. Glob and regexp have no order of their own: the list order is
 * taken as age order (oldest first), so the last listed tag ranks first; callers that know build
 * times should sort by them before asking. A numerical policy fails on any value that is not a
 * number, as Flux does, rather than skipping it.
 */
export function rankTags(policy: TagPolicy, tags: readonly string[]): RankedTag[] {
  const candidates = filterTags(policy, tags).filter((candidate) => valueIsEligible(policy, candidate.value));
  if (policy.kind === 'numerical') {
    const bad = filterTags(policy, tags).find((candidate) => parseGoFloat(candidate.value) === undefined);
    if (bad) throw notNumeric(policy, bad);
  }
  if (!policyHasOrder(policy)) return candidates.reverse();
  const keyed = candidates.map((candidate, index) => ({ candidate, index }));
  keyed.sort(
    (a, b) => compareValues(policy, b.candidate.value, a.candidate.value) || tieBreak(policy, a.index, b.index),
  );
  return keyed.map(({ candidate }) => candidate);
}

function tieBreak(policy: TagPolicy, a: number, b: number): number {
  return policy.kind === 'numerical' ? b - a : a - b;
}

/** The latest eligible tag. Throws a UserError saying why when there is none. */
export function selectLatest(policy: TagPolicy, tags: readonly string[]): string {
  const described = describeTagPolicy(policy);
  if (tags.length === 0) throw new UserError(`no tags to choose from under policy ${described}`);
  const [latest] = rankTags(policy, tags);
  if (latest) return latest.tag;
  const why = filterTags(policy, tags).length === 0 ? 'matches the filter of' : 'is eligible under';
  throw new UserError(`no tag ${why} policy ${described}; tags seen: ${sample(tags)}`);
}

function sample(tags: readonly string[], limit = 5): string {
  const shown = tags.slice(0, limit).map((tag) => JSON.stringify(tag));
  return tags.length > limit ? `${shown.join(', ')} and ${tags.length - limit} more` : shown.join(', ');
}

/**
 * Compares two tags in the policy's order: positive when `a` is newer, negative when older,
 * 0 when they rank equal. undefined when the policy has no order (glob, regexp) or either tag
 * cannot be ranked (the filter drops it, or it is not a version / number).
 */
export function comparePolicyTags(policy: TagPolicy, a: string, b: string): number | undefined {
  if (!policyHasOrder(policy)) return undefined;
  const valueA = filteredValue(policy, a);
  const valueB = filteredValue(policy, b);
  if (valueA === undefined || valueB === undefined) return undefined;
  if (!rankable(policy, valueA) || !rankable(policy, valueB)) return undefined;
  return compareValues(policy, valueA, valueB);
}

/**
 * Is `candidate` newer than `current` under the policy?
 * - undefined: the policy has no order (glob, regexp); compare build timestamps instead, as Flux v1 does.
 * - false: the candidate is not eligible, or it does not rank above the current tag.
 * - true: the candidate is eligible and ranks above the current tag, or the current tag cannot be
 *   ranked at all (the filter drops it, or it is not a version): any eligible tag replaces it.
 * "Newer" is the policy's order, not its eligibility: under semver:~1.0, 1.0.5 is not newer than 2.0.0.
 */
export function isNewer(policy: TagPolicy, candidate: string, current: string): boolean | undefined {
  if (!policyHasOrder(policy)) return undefined;
  if (!isEligible(policy, candidate)) return false;
  const order = comparePolicyTags(policy, candidate, current);
  return order === undefined ? true : order > 0;
}

function rankable(policy: TagPolicy, value: string): boolean {
  if (policy.kind === 'semver') return parseVersionTag(value) !== undefined;
  if (policy.kind === 'numerical') return parseGoFloat(value) !== undefined;
  return true;
}

/** Positive when value `a` ranks above `b`. Only for policies with an order, on rankable values. */
function compareValues(policy: TagPolicy, a: string, b: string): number {
  switch (policy.kind) {
    case 'semver':
      return (parseVersionTag(a) as SemVer).compare(parseVersionTag(b) as SemVer);
    case 'alphabetical':
      return directed(policy.order, compareBytes(a, b));
    case 'numerical':
      return directed(policy.order, Math.sign((parseGoFloat(a) as number) - (parseGoFloat(b) as number)));
    default:
      return 0;
  }
}

function directed(order: 'asc' | 'desc', comparison: number): number {
  return order === 'asc' ? comparison : -comparison;
}

/** Go compares strings byte-wise; on UTF-8 that is code point order, which UTF-16 `<` is not. */
function compareBytes(a: string, b: string): number {
  const pointsA = Array.from(a, (char) => char.codePointAt(0) as number);
  const pointsB = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let index = 0; index < Math.min(pointsA.length, pointsB.length); index++) {
    const difference = (pointsA[index] as number) - (pointsB[index] as number);
    if (difference !== 0) return Math.sign(difference);
  }
  return Math.sign(pointsA.length - pointsB.length);
}

/** Applies the filter: one entry per distinct value, in order of first appearance, carrying the last tag that gave it. */
function filterTags(policy: TagPolicy, tags: readonly string[]): RankedTag[] {
  const byValue = new Map<string, RankedTag>();
  for (const tag of tags) {
    const value = filteredValue(policy, tag);
    if (value === undefined) continue;
    const known = byValue.get(value);
    if (known) known.tag = tag;
    else byValue.set(value, { tag, value });
  }
  return [...byValue.values()];
}

const GO_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GO_INFINITY = /^[+-]?(?:inf|infinity)$/i;

/**
 * strconv.ParseFloat(value, 64) as Flux's numerical policy uses it: decimal with optional sign and
 * exponent, or inf/infinity. An out-of-range number (1e400) is an error in Go, so it is here too.
 * NaN and hexadecimal floats are refused: no tag scheme uses them, and NaN has no place in an order.
 */
export function parseGoFloat(value: string): number | undefined {
  if (GO_INFINITY.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  if (!GO_DECIMAL.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function notNumeric(policy: TagPolicy, candidate: RankedTag): UserError {
  const shown =
    candidate.value === candidate.tag
      ? `tag "${candidate.tag}"`
      : `tag "${candidate.tag}" (value "${candidate.value}")`;
  return new UserError(
    `policy ${describeTagPolicy(policy)}: ${shown} is not a number; a numerical policy needs every tag it sees to be one (add a filter pattern to leave others out)`,
  );
}
