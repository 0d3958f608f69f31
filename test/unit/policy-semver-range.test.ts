import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../src/core/errors.js';
import SemVer from 'semver/classes/semver.js';
import { parseSemverRange, parseVersionTag, rangeAdmits, semverAccepts } from '../../src/core/policy/semver-range.js';

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
