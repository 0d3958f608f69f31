// Semver ranges in the dialect Flux users write (Masterminds/semver v3, which Flux uses), checked
// against versions parsed and compared by npm `semver`. npm's own range grammar is close but not
// the same (no comma as AND, no `^1.x-0`, different prerelease rules), so the range grammar and
// its matching rules live here while every version comparison goes through npm `semver`.
import SemVer from 'semver/classes/semver.js';
import { invalid } from '../errors.js';

type Operator = '=' | '!=' | '>' | '<' | '>=' | '<=' | '~' | '^';

interface Comparator {
  operator: Operator;
  /** The version the comparator is anchored at, with wildcard parts set to 0. */
  anchor: SemVer;
  /** `*` / `x` as major: the comparator names no version at all. */
  anyMajor: boolean;
  /** Minor was a wildcard or left out (`1`, `1.x`). */
  anyMinor: boolean;
  /** Patch was a wildcard or left out (`1.2`, `1.2.x`). */
  anyPatch: boolean;
}

export interface SemverRange {
  readonly source: string;
  /** OR of AND-groups; a group holding a prerelease comparator admits prerelease versions. */
  readonly groups: readonly { comparators: readonly Comparator[]; admitsPrereleases: boolean }[];
}

const OPERATOR_ALIASES: Record<string, Operator> = {
  '': '=',
  '=': '=',
  '!=': '!=',
  '>': '>',
  '<': '<',
  '>=': '>=',
  '=>': '>=',
  '<=': '<=',
  '=<': '<=',
  '~': '~',
  '~>': '~',
  '^': '^',
};

const PART = String.raw`(?:\d+|[xX*])`;
const IDENTIFIERS = String.raw`[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*`;
const VERSION = String.raw`v?(${PART})(?:\.(${PART}))?(?:\.(${PART}))?(?:-(${IDENTIFIERS}))?(?:\+${IDENTIFIERS})?`;
const OPERATOR = String.raw`!=|>=|=>|<=|=<|~>|>|<|=|~|\^`;
// One comparator, or a hyphen range `A - B` (spaces around the dash are what make it a range).
const TERM = new RegExp(String.raw`\s*(?:(${VERSION})\s+-\s+(${VERSION})|(${OPERATOR})?\s*(${VERSION}))`, 'y');
const SEPARATOR = /\s*,\s*|\s*$|\s+/y;

/** Strict semver tag: MAJOR.MINOR.PATCH[-pre][+build] with an optional leading `v`, as Flux reads tags. */
export function parseVersionTag(tag: string): SemVer | undefined {
  if (/\s/.test(tag)) return undefined;
  try {
    return new SemVer(tag);
  } catch {
    return undefined;
  }
}

export function parseSemverRange(source: string, field = 'semver range'): SemverRange {
  const expected =
    'a semver range such as "1.0.x", "^1.2", "~0.4", ">=1.0 <2.0", ">0, <2.0", "1.2 - 1.4" or "^1.x-0" (|| for OR)';
  const groups = source.split('||').map((group) => {
    const comparators = parseGroup(group);
    if (!comparators) throw invalid(field, source, expected);
    return {
      comparators,
      admitsPrereleases: comparators.some((comparator) => comparator.anchor.prerelease.length > 0),
    };
  });
  return { source, groups };
}

function parseGroup(text: string): Comparator[] | undefined {
  const comparators: Comparator[] = [];
  let position = 0;
  for (;;) {
    TERM.lastIndex = position;
    const term = TERM.exec(text);
    if (!term) return undefined;
    const made =
      term[1] !== undefined
        ? [comparator('>=', term.slice(2, 6)), comparator('<=', term.slice(7, 11))]
        : [comparator(OPERATOR_ALIASES[term[11] ?? ''] ?? '=', term.slice(13, 17))];
    for (const one of made) {
      if (!one) return undefined;
      comparators.push(one);
    }
    SEPARATOR.lastIndex = TERM.lastIndex;
    const separator = SEPARATOR.exec(text);
    if (!separator) return undefined;
    position = SEPARATOR.lastIndex;
    // A trailing comma leaves an empty constraint, which Masterminds rejects.
    if (position >= text.length) return separator[0].includes(',') ? undefined : comparators;
  }
}

function comparator(
  operator: Operator,
  [major, minor, patch, prerelease]: (string | undefined)[],
): Comparator | undefined {
  const isWild = (part: string | undefined) => part === undefined || /^[xX*]$/.test(part);
  const anyMajor = isWild(major);
  const anyMinor = !anyMajor && isWild(minor);
  const anyPatch = !anyMajor && !anyMinor && isWild(patch);
  const number = (part: string | undefined, wild: boolean) => (wild || part === undefined ? 0 : Number(part));
  const numbers = [
    number(major, anyMajor),
    number(minor, anyMajor || anyMinor),
    number(patch, anyMajor || anyMinor || anyPatch),
  ];
  const version = prerelease ? `${numbers.join('.')}-${prerelease}` : numbers.join('.');
  if (!semverAccepts(numbers, prerelease, version)) return undefined;
  return {
    operator,
    anchor: new SemVer(version),
    anyMajor,
    anyMinor,
    anyPatch,
  };
}

/**
 * Whether npm semver makes a version of these parts (what the grammar above matched): numbers no
 * larger than it keeps exactly, numeric prerelease identifiers without a leading zero, 256 characters
 * at most. A range it cannot anchor is refused as any bad range, not as an unexpected error.
 */
export function semverAccepts(numbers: number[], prerelease: string | undefined, version: string): boolean {
  if (version.length > 256 || numbers.some((n) => n > Number.MAX_SAFE_INTEGER)) return false;
  return prerelease === undefined || prerelease.split('.').every((id) => !/^0\d+$/.test(id));
}

export function rangeAdmits(range: SemverRange, version: SemVer): boolean {
  return range.groups.some(
    (group) =>
      (version.prerelease.length === 0 || group.admitsPrereleases) &&
      group.comparators.every((comparator) => comparatorAdmits(comparator, version)),
  );
}

// The rules below are Masterminds' (constraints.go), including its "dirty" wildcard handling:
// `>1` means major above 1, `<=1.2` means any 1.2.z or lower, `~1` is 1.x, `^0.2` is 0.2.x.
function comparatorAdmits(c: Comparator, v: SemVer): boolean {
  const wildcard = c.anyMajor || c.anyMinor || c.anyPatch;
  const order = v.compare(c.anchor);
  switch (c.operator) {
    case '=':
      return wildcard ? tildeAdmits(c, v) : order === 0;
    case '~':
      return tildeAdmits(c, v);
    case '^':
      return caretAdmits(c, v);
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '>':
      if (!wildcard || c.anyMajor) return order > 0;
      if (v.major !== c.anchor.major) return v.major > c.anchor.major;
      return c.anyPatch && v.minor > c.anchor.minor;
    case '<=':
      if (!wildcard) return order <= 0;
      if (v.major !== c.anchor.major) return v.major < c.anchor.major;
      return c.anyMinor || v.minor <= c.anchor.minor;
    case '!=':
      if (c.anyMinor) return v.major !== c.anchor.major;
      if (v.major !== c.anchor.major || v.minor !== c.anchor.minor) return true;
      if (c.anyPatch)
        return (v.prerelease.length > 0 || c.anchor.prerelease.length > 0) && v.comparePre(c.anchor) !== 0;
      return order !== 0;
  }
}

function tildeAdmits(c: Comparator, v: SemVer): boolean {
  if (v.compare(c.anchor) < 0) return false;
  // `*`, `x` and `~0.0.0` accept everything at or above the anchor.
  if (c.anyMajor || (!c.anyMinor && !c.anyPatch && `${c.anchor.major}.${c.anchor.minor}.${c.anchor.patch}` === '0.0.0'))
    return true;
  return v.major === c.anchor.major && (c.anyMinor || v.minor === c.anchor.minor);
}

function caretAdmits(c: Comparator, v: SemVer): boolean {
  if (v.compare(c.anchor) < 0) return false;
  // Masterminds documents `^*` as "any"; its code only admits 0.0.z there. We follow the documentation.
  if (c.anyMajor) return true;
  if (c.anchor.major > 0 || c.anyMinor) return v.major === c.anchor.major;
  if (v.major > 0) return false;
  if (c.anchor.minor > 0 || c.anyPatch) return v.minor === c.anchor.minor;
  return v.minor === 0 && v.patch === c.anchor.patch;
}
