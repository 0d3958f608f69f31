import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../src/core/errors.js';
import SemVer from 'semver/classes/semver.js';
import {
  parseSemverRange,
  parseVersionTag,
  rangeAdmits,
  scanSeparator,
  scanTerm,
  semverAccepts,
  type ScannedVersion,
} from '../../src/core/policy/semver-range.js';

function admits(range: string, version: string): boolean {
  const parsed = parseVersionTag(version);
  assert.ok(parsed, `test version ${version} must parse`);
  return rangeAdmits(parseSemverRange(range), parsed);
}

describe('strict version tags (fluxcd/pkg ParseVersion)', () => {
  const table: [string, string | undefined][] = [
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['1.2.3-rc.1+build.5', '1.2.3-rc.1'],
    ['1.0.0.1', undefined],
    ['1.0.0p', undefined],
    ['1.0', undefined],
    ['1', undefined],
    ['V1.2.3', undefined],
    ['vv1.2.3', undefined],
    ['=1.2.3', undefined],
    ['01.2.3', undefined],
    ['1.2.3-01', undefined],
    [' 1.2.3', undefined],
    ['b1.2.3', undefined],
  ];
  for (const [tag, version] of table) {
    test(`${JSON.stringify(tag)} -> ${version ?? 'not a version'}`, () => {
      assert.equal(parseVersionTag(tag)?.version, version);
    });
  }
});

describe('Masterminds range dialect', () => {
  // [range, version, admitted]
  const table: [string, string, boolean][] = [
    // x-ranges and bare partial versions
    ['1.0.x', '1.0.9', true],
    ['1.0.x', '1.1.0', false],
    ['1.0', '1.0.3', true],
    ['1', '1.9.0', true],
    ['1', '2.0.0', false],
    ['*', '0.0.1', true],
    ['x', '9.9.9', true],
    ['v1.0.x', '1.0.1', true],
    ['=1.0.0', '1.0.0', true],
    ['=1.0.0', '1.0.1', false],
    ['1.2.3', '1.2.3+build', true],
    // comma and space as AND
    ['>0,<2.0', '1.9.9', true],
    ['>0,<2.0', '0.9.0', false],
    ['>0,<2.0', '2.0.0', false],
    ['>= 1.0 < 2.0', '1.5.0', true],
    ['>= 1.0 < 2.0', '2.0.0', false],
    ['>=1.0.0, <2.0.0', '1.0.0', true],
    ['>=1.0.0 , <2.0.0', '2.1.0', false],
    // || as OR
    ['^1.0 || ^3.0', '3.4.0', true],
    ['^1.0 || ^3.0', '2.0.0', false],
    ['<1.0.0 || >=2.0.0', '1.5.0', false],
    // tilde
    ['~0.4', '0.4.10', true],
    ['~0.4', '0.5.0', false],
    ['~1.2.3', '1.2.9', true],
    ['~1.2.3', '1.2.2', false],
    ['~1', '1.9.0', true],
    ['~>1.2', '1.2.5', true],
    ['~0.0.0', '5.0.0', true],
    // caret
    ['^1.2', '1.9.0', true],
    ['^1.2', '2.0.0', false],
    ['^1.2', '1.1.0', false],
    ['^0.2.3', '0.2.9', true],
    ['^0.2.3', '0.3.0', false],
    ['^0.0.3', '0.0.3', true],
    ['^0.0.3', '0.0.4', false],
    ['^0.0', '0.0.9', true],
    ['^0.0', '0.1.0', false],
    ['^0', '0.9.0', true],
    ['^0', '1.0.0', false],
    ['^*', '7.0.0', true],
    // wildcard ("dirty") comparisons as Masterminds reads them
    ['>1', '1.9.0', false],
    ['>1', '2.0.0', true],
    ['>1.2', '1.2.9', false],
    ['>1.2', '1.3.0', true],
    ['<=1.2', '1.2.9', true],
    ['<=1.2', '1.3.0', false],
    ['<=1', '1.9.9', true],
    ['<2.0', '1.99.0', true],
    ['>=0.x', '0.1.0', true],
    ['!=1.2.3', '1.2.4', true],
    ['!=1.2.3', '1.2.3', false],
    ['!=1.x', '1.5.0', false],
    ['!=1.x', '2.0.0', true],
    ['!=1.2.x', '1.2.7', false],
    ['!=1.2.x', '1.3.0', true],
    ['=>1.0', '1.0.0', true],
    ['=<1.0.0', '1.0.0', true],
    // hyphen ranges: >= A, <= B (a partial upper bound covers its whole minor)
    ['1.2 - 1.4.5', '1.4.5', true],
    ['1.2 - 1.4.5', '1.4.6', false],
    ['1.2 - 1.4', '1.4.9', true],
    ['1.2 - 1.4', '1.1.9', false],
    // prereleases: only admitted when the AND-group names one, then for the whole group
    ['1.0.x', '1.0.1-rc.1', false],
    ['>=1.0.0', '1.1.0-alpha', false],
    ['^1.x-0', '1.1.0-rc.1', true],
    ['^1.x-0', '1.0.0-0', true],
    ['^1.x-0', '2.0.0-rc.1', false],
    ['^1.x-0', '1.2.0', true],
    ['>=1.0.0-0 <2.0.0', '1.5.0-beta.2', true],
    ['>1.0.0-beta.1 <2', '1.5.0-rc.1', true],
    ['>1.0.0-beta.1 <2 || >3', '3.1.0-rc.1', false],
    ['>1.0.0-beta.1 <2 || >3', '3.1.0', false], // >3 means major above 3
    ['>1.0.0-beta.1 <2 || >3', '4.0.0', true],
    ['>=1.0.0-rc.1', '1.0.0-rc.2', true],
    ['>=1.0.0-rc.1', '1.0.0-beta.9', false],
    ['*-0', '1.0.0-rc.1', true],
  ];
  for (const [range, version, expected] of table) {
    test(`${range} ${expected ? 'admits' : 'refuses'} ${version}`, () => {
      assert.equal(admits(range, version), expected);
    });
  }
});

describe('invalid ranges', () => {
  const table = [
    '',
    ' ',
    '1.0.0p',
    '1x',
    'x1',
    '-1',
    'a',
    '*-*',
    '>=',
    '1.0,',
    ',1.0',
    '1.0 ||',
    '>=1.0 - 2.0',
    '~~1',
    '1.0.0.0',
    '^1.x-',
  ];
  for (const range of table) {
    test(JSON.stringify(range), () => {
      assert.throws(
        () => parseSemverRange(range),
        (error: unknown) => error instanceof UserError && error.message.includes(JSON.stringify(range)),
      );
    });
  }
});

describe('ranges npm semver cannot anchor', () => {
  test('semverAccepts says what npm semver makes', () => {
    const cases: [number[], string | undefined][] = [
      [[1, 2, 3], undefined],
      [[0, 0, 0], 'rc.1'],
      [[1, 0, 0], '0'],
      [[1, 0, 0], '01'],
      [[1, 0, 0], 'rc.01'],
      [[1, 0, 0], '0a.01b'],
      [[1, 0, 0], 'alpha-beta.0.7'],
      [[Number.MAX_SAFE_INTEGER, 0, 0], undefined],
      [[Number.MAX_SAFE_INTEGER + 1, 0, 0], undefined],
      [[1, 1e300, 0], undefined],
      [[1, 0, 0], 'x'.repeat(250)],
      [[1, 0, 0], 'x'.repeat(251)],
    ];
    for (const [numbers, prerelease] of cases) {
      const version = prerelease === undefined ? numbers.join('.') : `${numbers.join('.')}-${prerelease}`;
      let made = true;
      try {
        new SemVer(version);
      } catch {
        made = false;
      }
      assert.equal(semverAccepts(numbers, prerelease, version), made, version.slice(0, 40));
    }
  });

  test('a range semver cannot anchor is refused when the config is read, as any bad range', () => {
    for (const range of ['>=1.0.0-01', '^99999999999999999999', `~1.0.0-${'x'.repeat(300)}`]) {
      assert.throws(() => parseSemverRange(range), UserError, range.slice(0, 30));
    }
  });
});

// The scanner (scanTerm, scanSeparator) against the grammar as a regular expression, the way ranges
// were read before: the same term, parts and end, and the same separator, at every position of
// generated texts made of the characters the grammar cares about.
describe('the range scanner reads what the regular expression reads', () => {
  const PART = String.raw`(?:\d+|[xX*])`;
  const IDENTIFIERS = String.raw`[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*`;
  const VERSION = String.raw`v?(${PART})(?:\.(${PART}))?(?:\.(${PART}))?(?:-(${IDENTIFIERS}))?(?:\+${IDENTIFIERS})?`;
  const OPERATOR = String.raw`!=|>=|=>|<=|=<|~>|>|<|=|~|\^`;
  const TERM = new RegExp(String.raw`\s*(?:(${VERSION})\s+-\s+(${VERSION})|(${OPERATOR})?\s*(${VERSION}))`, 'y');
  const SEPARATOR = /\s*,\s*|\s*$|\s+/y;

  const parts = (match: RegExpExecArray, from: number) => ({
    major: match[from],
    minor: match[from + 1],
    patch: match[from + 2],
    prerelease: match[from + 3],
  });
  function byExpression(text: string, at: number) {
    TERM.lastIndex = at;
    const match = TERM.exec(text);
    if (!match) return undefined;
    if (match[1] !== undefined) return { end: TERM.lastIndex, hyphen: [parts(match, 2), parts(match, 7)] };
    return { end: TERM.lastIndex, operator: match[11] ?? '', version: parts(match, 13) };
  }
  function byScanner(text: string, at: number) {
    const term = scanTerm(text, at);
    if (!term) return undefined;
    const strip = ({ major, minor, patch, prerelease }: ScannedVersion) => ({ major, minor, patch, prerelease });
    if ('hyphen' in term) return { end: term.end, hyphen: term.hyphen.map(strip) };
    return { end: term.end, operator: term.operator, version: strip(term.version) };
  }
  function separatorByExpression(text: string, at: number) {
    SEPARATOR.lastIndex = at;
    const match = SEPARATOR.exec(text);
    return match ? { end: SEPARATOR.lastIndex, comma: match[0].includes(',') } : undefined;
  }

  test('generated texts, every position', () => {
    const alphabet = [
      '0',
      '1',
      '12',
      '.',
      'x',
      'X',
      '*',
      'v',
      '-',
      '+',
      ' ',
      '  ',
      '\t',
      ',',
      '>',
      '<',
      '=',
      '~',
      '^',
      '!',
      'a',
      'Z',
      'rc',
      '\u00a0',
      '|',
    ];
    // xorshift32: every draw from the whole 32-bit state (an LCG in doubles loses bits and repeats).
    let seed = 20261208;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    let compared = 0;
    let terms = 0;
    for (let i = 0; i < 4000; i++) {
      let text = '';
      const length = 1 + (next() % 12);
      for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
      for (let at = 0; at <= text.length; at++) {
        const expected = byExpression(text, at);
        assert.deepEqual(byScanner(text, at), expected, `term in ${JSON.stringify(text)} at ${at}`);
        assert.deepEqual(
          scanSeparator(text, at),
          separatorByExpression(text, at),
          `separator in ${JSON.stringify(text)} at ${at}`,
        );
        compared++;
        if (expected) terms++;
      }
    }
    // The texts are not all noise: many hold terms.
    assert.ok(terms > compared / 10, `${terms} of ${compared}`);
  });

  test('the shapes ranges take', () => {
    for (const text of [
      '>=1.0.0',
      ' ^1.x-0',
      '1.2 - 1.4',
      'v1.2.3-rc.1+build.5',
      '~> 2',
      '!=1.2.x',
      '* ',
      '1.2.3 -1',
      '1 -  2',
      '=>0.1',
      '<=1,>0',
    ]) {
      for (let at = 0; at <= text.length; at++) {
        assert.deepEqual(byScanner(text, at), byExpression(text, at), `${text} at ${at}`);
      }
    }
  });
});
