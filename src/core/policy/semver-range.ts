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

// The grammar of a range, scanned by hand. As a regular expression, a term (one comparator, or a
// hyphen range `A - B`, where the spaces around the dash are what make it a range) is
//   \s*(?:(VERSION)\s+-\s+(VERSION)|(OPERATOR)?\s*(VERSION))
// with VERSION = v?(PART)(?:\.(PART))?(?:\.(PART))?(?:-(IDENTIFIERS))?(?:\+IDENTIFIERS)?, PART = \d+|[xX*],
// IDENTIFIERS = [0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*, OPERATOR = != >= => <= =< ~> > < = ~ ^ (first that
// fits), and the separator after it \s*,\s*|\s*$|\s+. That expression cost every start that read a
// config half a millisecond to compile (twice: V8 compiles a regular expression again, to machine code,
// on its second use), more than everything else a range takes. No backtracking is lost by scanning:
// whatever follows a shorter match of a part is not what the grammar wants next (a space, or the end).
// test/unit/policy-semver-range.test.ts holds the scanner to the expression on generated inputs.

const OPERATORS = ['!=', '>=', '=>', '<=', '=<', '~>', '>', '<', '=', '~', '^'] as const;

/** A version of a range: the parts it names (undefined when left out), and where it ends. */
export interface ScannedVersion {
  end: number;
  major: string;
  minor: string | undefined;
  patch: string | undefined;
  prerelease: string | undefined;
}

/** A term: `A - B`, or an operator (possibly none: '') and a version. */
export type ScannedTerm =
  | { end: number; hyphen: readonly [ScannedVersion, ScannedVersion] }
  | { end: number; operator: string; version: ScannedVersion };

const isDigit = (code: number) => code >= 48 && code <= 57;
const isIdentifier = (code: number) =>
  isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45; /* - */

/** Where the run of white space (as \s reads it) that starts at `at` ends. */
function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/** The end of PART at `at` (digits, or one of x X *), or -1. */
function scanPart(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (isDigit(code)) {
    while (isDigit(text.charCodeAt(at))) at++;
    return at;
  }
  return code === 120 || code === 88 || code === 42 /* x X * */ ? at + 1 : -1;
}

/** The end of IDENTIFIERS at `at`, or -1. */
function scanIdentifiers(text: string, at: number): number {
  if (!isIdentifier(text.charCodeAt(at))) return -1;
  for (;;) {
    while (isIdentifier(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== 46 /* . */ || !isIdentifier(text.charCodeAt(at + 1))) return at;
    at++;
  }
}

export function scanVersion(text: string, at: number): ScannedVersion | undefined {
  let start = at;
  if (text[start] === 'v' && scanPart(text, start + 1) !== -1) start++;
  let end = scanPart(text, start);
  if (end === -1) return undefined;
  const major = text.slice(start, end);
  let minor: string | undefined;
  let patch: string | undefined;
  let prerelease: string | undefined;
  if (text[end] === '.' && scanPart(text, end + 1) !== -1) {
    const minorEnd = scanPart(text, end + 1);
    minor = text.slice(end + 1, minorEnd);
    end = minorEnd;
    if (text[end] === '.' && scanPart(text, end + 1) !== -1) {
      const patchEnd = scanPart(text, end + 1);
      patch = text.slice(end + 1, patchEnd);
      end = patchEnd;
    }
  }
  if (text[end] === '-') {
    const preEnd = scanIdentifiers(text, end + 1);
    if (preEnd !== -1) {
      prerelease = text.slice(end + 1, preEnd);
      end = preEnd;
    }
  }
  if (text[end] === '+') {
    const buildEnd = scanIdentifiers(text, end + 1);
    if (buildEnd !== -1) end = buildEnd;
  }
  return { end, major, minor, patch, prerelease };
}

/** The term that starts at `at` (after any white space), or undefined when none does. */
export function scanTerm(text: string, at: number): ScannedTerm | undefined {
  const start = skipSpace(text, at);
  const first = scanVersion(text, start);
  if (first) {
    const dash = skipSpace(text, first.end);
    if (dash > first.end && text[dash] === '-') {
      const next = skipSpace(text, dash + 1);
      const second = next > dash + 1 ? scanVersion(text, next) : undefined;
      if (second) return { end: second.end, hyphen: [first, second] };
    }
  }
  const operator = OPERATORS.find((candidate) => text.startsWith(candidate, start)) ?? '';
  const version = scanVersion(text, skipSpace(text, start + operator.length));
  return version && { end: version.end, operator, version };
}

/** The separator after a term: its end and whether it holds a comma, or undefined when none fits. */
export function scanSeparator(text: string, at: number): { end: number; comma: boolean } | undefined {
  const spaces = skipSpace(text, at);
  if (text[spaces] === ',') return { end: skipSpace(text, spaces + 1), comma: true };
  if (spaces === text.length || spaces > at) return { end: spaces, comma: false };
  return undefined;
}

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
    const term = scanTerm(text, position);
    if (!term) return undefined;
    const made =
      'hyphen' in term
        ? [comparator('>=', term.hyphen[0]), comparator('<=', term.hyphen[1])]
        : [comparator(OPERATOR_ALIASES[term.operator] ?? '=', term.version)];
    for (const one of made) {
      if (!one) return undefined;
      comparators.push(one);
    }
    const separator = scanSeparator(text, term.end);
    if (!separator) return undefined;
    position = separator.end;
    // A trailing comma leaves an empty constraint, which Masterminds rejects.
    if (position >= text.length) return separator.comma ? undefined : comparators;
  }
}

function comparator(operator: Operator, { major, minor, patch, prerelease }: ScannedVersion): Comparator | undefined {
  const isWild = (part: string | undefined) => part === undefined || part === 'x' || part === 'X' || part === '*';
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
