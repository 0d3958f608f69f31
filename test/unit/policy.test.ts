import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../src/core/errors.js';
import {
  comparePolicyTags,
  describeTagPolicy,
  formatTagPolicy,
  isEligible,
  isNewer,
  parseGoFloat,
  parseTagPolicy,
  rankTags,
  selectLatest,
} from '../../src/core/policy/index.js';

type Filter = { pattern?: string; extract?: string };

describe('parseTagPolicy', () => {
  // [spec, printed form]
  const valid: [string, string][] = [
    ['glob:dev-*', 'glob:dev-*'],
    ['semver:~0.4', 'semver:~0.4'],
    ['semver: >=1.0 <2.0 ', 'semver:>=1.0 <2.0'],
    ['regexp:^0.6.*', 'regexp:^0.6.*'],
    ['regex:^0.6.*', 'regexp:^0.6.*'],
    ['alphabetical', 'alphabetical:asc'],
    ['alphabetical:DESC', 'alphabetical:desc'],
    ['alphabetical:', 'alphabetical:asc'],
    ['numerical', 'numerical:asc'],
    ['numerical:desc', 'numerical:desc'],
    ['Numerical:ASC', 'numerical:asc'],
  ];
  for (const [spec, printed] of valid) {
    test(`${JSON.stringify(spec)} prints as ${printed} and parses back to the same policy`, () => {
      const policy = parseTagPolicy(spec);
      assert.equal(formatTagPolicy(policy), printed);
      assert.deepEqual(parseTagPolicy(printed), policy);
    });
  }

  const invalidSpecs = [
    'dev-*',
    'latest:1',
    '',
    'semver:',
    'semver:1x',
    'semver:*-*',
    'alphabetical:up',
    'numerical:invalid',
    'regexp:[=',
    'regexp:(?=x)',
  ];
  for (const spec of invalidSpecs) {
    test(`${JSON.stringify(spec)} is a UserError naming the spec`, () => {
      assert.throws(
        () => parseTagPolicy(spec),
        (error: unknown) =>
          error instanceof UserError && error.message.startsWith(`policy: got ${JSON.stringify(spec)}`),
      );
    });
  }

  test('a bad filter pattern is a UserError naming the pattern', () => {
    assert.throws(
      () => parseTagPolicy('semver:1.0.x', { pattern: '^test-(.*' }),
      /filter pattern: got "\^test-\(\.\*"/,
    );
  });

  test('an extract without a pattern is refused', () => {
    assert.throws(() => parseTagPolicy('numerical', { extract: '$ts' }), UserError);
  });

  test('an empty filter is no filter', () => {
    assert.equal(parseTagPolicy('alphabetical', { pattern: '', extract: '' }).filter, undefined);
  });

  test('describeTagPolicy shows the filter', () => {
    const policy = parseTagPolicy('numerical:asc', { pattern: '^main-(?P<ts>\\d+)', extract: '$ts' });
    assert.equal(describeTagPolicy(policy), 'numerical:asc (filter "^main-(?P<ts>\\\\d+)", extract "$ts")');
  });
});

describe('selectLatest', () => {
  // [label, spec, filter, tags, expected]
  const table: [string, string, Filter | undefined, string[], string][] = [
    [
      'semver: highest in range, strict tags',
      'semver:1.0.x',
      undefined,
      ['1.0.0', '1.0.0.1', '1.0.0p', '1.0.1', '1.2.0', '0.1.0'],
      '1.0.1',
    ],
    ['semver: original spelling with v', 'semver:1.0.x', undefined, ['v1.2.3', 'v1.0.0', 'v0.1.0'], 'v1.0.0'],
    ['semver: v in the range too', 'semver:v1.0.x', undefined, ['1.0.0', '2.0.0', '1.0.1'], '1.0.1'],
    ['semver: prereleases skipped', 'semver:>=1.0.0', undefined, ['1.0.2', '1.1.0-alpha'], '1.0.2'],
    [
      'semver: ^1.x-0 admits prereleases',
      'semver:^1.x-0',
      { pattern: '.*-rc.*' },
      ['1.0.0-rc.1', '1.1.0-rc.1', '1.1.0', '2.0.0-rc.1'],
      '1.1.0-rc.1',
    ],
    ['semver: equal versions, the first wins', 'semver:*', undefined, ['1.0.0+a', 'v1.0.0', '1.0.0+b'], '1.0.0+a'],
    ['semver: numeric, not string, order', 'semver:~0.4', undefined, ['0.4.9', '0.4.10', '0.4.2'], '0.4.10'],
    ['alphabetical asc', 'alphabetical', undefined, ['xenial', 'zesty', 'artful'], 'zesty'],
    ['alphabetical desc', 'alphabetical:desc', undefined, ['xenial', 'zesty', 'artful'], 'artful'],
    ['alphabetical is byte-wise', 'alphabetical', undefined, ['Z', 'a', 'B'], 'a'],
    [
      'alphabetical on RFC3339-ish stamps',
      'alphabetical',
      undefined,
      ['2021-01-08T21-18-21Z', '2023-05-08T00-20-00Z', '1990-01-08T00-20-00Z'],
      '2023-05-08T00-20-00Z',
    ],
    ['numerical asc', 'numerical', undefined, ['-62', '73', '72', '999', '15'], '999'],
    ['numerical desc', 'numerical:desc', undefined, ['5', '-8', '-78', '25'], '-78'],
    ['numerical floats', 'numerical', undefined, ['47.4', '-27.85', '53.47', '3.2'], '53.47'],
    ['numerical ties: the later wins', 'numerical', undefined, ['1', '1.0', '0.5'], '1.0'],
    ['numerical ties desc: the later wins', 'numerical:desc', undefined, ['1e0', '1', '2'], '1'],
    [
      'numerical on an extracted timestamp',
      'numerical',
      { pattern: '^main-[a-f0-9]+-(?P<ts>[0-9]+)', extract: '$ts' },
      ['main-abc1234-1700000000', 'main-def5678-1700000100', 'dev-aaa1111-1800000000', 'main-bbb2222-999', 'latest'],
      'main-def5678-1700000100',
    ],
    [
      'alphabetical on an extracted value',
      'alphabetical',
      { pattern: '^RELEASE\\.(?P<timestamp>.*)Z$', extract: '$timestamp' },
      ['RELEASE.2023-01-31T02-24-19Z', 'RELEASE.2023-02-09T05-16-53Z', 'latest'],
      'RELEASE.2023-02-09T05-16-53Z',
    ],
    [
      'semver on an extracted version, ${1} form',
      'semver:>=0.x',
      { pattern: '^test-(.*)$', extract: '${1}' },
      ['test-0.1.0', 'test-0.1.1', 'dev-0.2.0', '1.0.2'],
      'test-0.1.1',
    ],
    [
      'same extracted value: the last tag carries it',
      'alphabetical',
      { pattern: '^build-\\d+-(?P<v>\\w+)$', extract: '$v' },
      ['build-1-z', 'build-2-z', 'build-3-a'],
      'build-2-z',
    ],
    ['filter without extract ranks the tags', 'alphabetical', { pattern: '^ver' }, ['ver1', 'ver3', 'rel9'], 'ver3'],
    ['glob: the last listed match wins', 'glob:dev-*', undefined, ['dev-2', 'prod-9', 'dev-1', 'prod-1'], 'dev-1'],
    ['glob: only * is special', 'glob:1.?', undefined, ['1.2', '1.?'], '1.?'],
    ['regexp: unanchored Go expression', 'regexp:^0.6.*', undefined, ['0.6.1', '0.7.0', '0.6.2', '1.0.6'], '0.6.2'],
  ];
  for (const [label, spec, filter, tags, expected] of table) {
    test(label, () => {
      assert.equal(selectLatest(parseTagPolicy(spec, filter), tags), expected);
    });
  }

  // [label, spec, filter, tags, message]
  const failures: [string, string, Filter | undefined, string[], RegExp][] = [
    ['empty list', 'alphabetical', undefined, [], /no tags to choose from/],
    [
      'nothing in range',
      'semver:1.0.x',
      undefined,
      ['1.2.0'],
      /no tag is eligible under policy semver:1\.0\.x; tags seen: "1\.2\.0"/,
    ],
    ['no tag parses', 'semver:1.0.x', undefined, ['b1.2.3', 'b1.0.0'], /no tag is eligible/],
    ['filter drops everything', 'numerical', { pattern: '^main-' }, ['dev-1'], /no tag matches the filter/],
    ['numerical refuses a non-number', 'numerical', undefined, ['0', '1a', 'b'], /tag "1a" is not a number/],
    ['numerical refuses an out-of-range number', 'numerical', undefined, ['1', '1e400'], /"1e400" is not a number/],
    ['glob matches nothing', 'glob:dev-*', undefined, ['prod-1'], /no tag is eligible/],
  ];
  for (const [label, spec, filter, tags, message] of failures) {
    test(`fails: ${label}`, () => {
      assert.throws(
        () => selectLatest(parseTagPolicy(spec, filter), tags),
        (error: unknown) => error instanceof UserError && message.test(error.message),
      );
    });
  }

  test('numerical ranking does not depend on list order', () => {
    const tags = ['-62', '-88', '73', '72', '15', '16', '29', '-33', '-91'];
    const policy = parseTagPolicy('numerical');
    for (let shift = 0; shift < tags.length; shift++) {
      assert.equal(selectLatest(policy, [...tags.slice(shift), ...tags.slice(0, shift)]), '73');
    }
  });
});

describe('rankTags', () => {
  test('lists eligible tags latest first with the ranked value', () => {
    const policy = parseTagPolicy('semver:^1.0', { pattern: '^app-(?P<version>.+)$', extract: '$version' });
    assert.deepEqual(rankTags(policy, ['app-1.0.0', 'app-2.0.0', 'other-1.5.0', 'app-1.4.0', 'app-1.2.0']), [
      { tag: 'app-1.4.0', value: '1.4.0' },
      { tag: 'app-1.2.0', value: '1.2.0' },
      { tag: 'app-1.0.0', value: '1.0.0' },
    ]);
  });

  test('an empty list ranks to nothing', () => {
    assert.deepEqual(rankTags(parseTagPolicy('semver:1.0.x'), []), []);
  });
});

describe('isEligible', () => {
  // [spec, filter, tag, eligible]
  const table: [string, Filter | undefined, string, boolean][] = [
    ['semver:~0.4', undefined, '0.4.10', true],
    ['semver:~0.4', undefined, '0.5.0', false],
    ['semver:~0.4', undefined, 'dev-abc', false],
    ['glob:dev-*', undefined, 'dev-1a2b-1700000000', true],
    ['glob:dev-*', undefined, 'stg-1a2b', false],
    ['regexp:^0.6.*', undefined, '0.6.3', true],
    ['regexp:^0.6.*', undefined, '1.0.6', false],
    ['numerical', undefined, '1700000000', true],
    ['numerical', undefined, 'latest', false],
    ['alphabetical', undefined, 'anything', true],
    ['alphabetical', { pattern: '^main-' }, 'dev-1', false],
    ['numerical', { pattern: '^main-(?P<ts>\\d+)$', extract: '$ts' }, 'main-17', true],
  ];
  for (const [spec, filter, tag, eligible] of table) {
    test(`${spec}${filter ? ` (filter ${filter.pattern})` : ''}: ${tag} ${eligible ? 'is' : 'is not'} eligible`, () => {
      assert.equal(isEligible(parseTagPolicy(spec, filter), tag), eligible);
    });
  }
});

describe('isNewer and comparePolicyTags', () => {
  // [spec, filter, candidate, current, newer]
  const table: [string, Filter | undefined, string, string, boolean | undefined][] = [
    ['semver:*', undefined, '0.4.10', '0.4.9', true],
    ['semver:*', undefined, '0.4.9', '0.4.10', false],
    ['semver:*', undefined, '1.0.0', 'v1.0.0', false],
    ['semver:~1.0', undefined, '1.0.5', '2.0.0', false],
    ['semver:~1.0', undefined, '1.1.0', '1.0.0', false],
    ['semver:*', undefined, '1.0.0', 'dev-abc', true],
    ['semver:*', undefined, 'dev-abc', '1.0.0', false],
    ['alphabetical', undefined, 'b', 'a', true],
    ['alphabetical:desc', undefined, 'b', 'a', false],
    ['numerical', undefined, '10', '9', true],
    ['numerical:desc', undefined, '10', '9', false],
    ['numerical', undefined, '10', '10.0', false],
    [
      'numerical',
      { pattern: '^dev-[0-9a-f]+-(?P<ts>\\d+)$', extract: '$ts' },
      'dev-aaa-1700000100',
      'dev-bbb-1700000000',
      true,
    ],
    ['numerical', { pattern: '^dev-[0-9a-f]+-(?P<ts>\\d+)$', extract: '$ts' }, 'dev-aaa-1700000100', 'v1.0.0', true],
    ['glob:dev-*', undefined, 'dev-2', 'dev-1', undefined],
    ['regexp:^dev-', undefined, 'dev-2', 'dev-1', undefined],
  ];
  for (const [spec, filter, candidate, current, newer] of table) {
    test(`${spec}: ${candidate} newer than ${current}? ${newer}`, () => {
      assert.equal(isNewer(parseTagPolicy(spec, filter), candidate, current), newer);
    });
  }

  test('comparePolicyTags is symmetric and undefined where there is no order', () => {
    const semver = parseTagPolicy('semver:*');
    assert.equal(comparePolicyTags(semver, '1.2.0', '1.10.0'), -1);
    assert.equal(comparePolicyTags(semver, '1.10.0', '1.2.0'), 1);
    assert.equal(comparePolicyTags(semver, '1.10.0', 'latest'), undefined);
    assert.equal(comparePolicyTags(parseTagPolicy('glob:*'), 'a', 'b'), undefined);
  });
});

describe('parseGoFloat (strconv.ParseFloat)', () => {
  const table: [string, number | undefined][] = [
    ['1700000000', 1700000000],
    ['-27.8520927455902', -27.8520927455902],
    ['+3', 3],
    ['1.', 1],
    ['.5', 0.5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['0755', 755],
    ['1a', undefined],
    ['', undefined],
    ['1e400', undefined],
    ['NaN', undefined],
    ['1_000', undefined],
    ['0x10', undefined],
    [' 1', undefined],
  ];
  for (const [text, value] of table) {
    test(`${JSON.stringify(text)} -> ${value}`, () => {
      assert.equal(parseGoFloat(text), value);
    });
  }
});
