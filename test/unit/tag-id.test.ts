import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { tagIdCommand } from '../../src/cli/commands/tag-id.js';
import { runCli } from '../../src/cli/main.js';
import { isUserError } from '../../src/core/errors.js';
import { refFormatViolation } from '../../src/core/git-ref.js';
import {
  computeTagId,
  DEFAULT_ENVIRONMENT_MAP,
  MAX_TAG_LENGTH,
  parseEnvironmentMap,
  parseShaLength,
  parseTimestamp,
  sanitizeTag,
  type TagIdRequest,
} from '../../src/core/tag-id.js';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const TS = 1700000000;
const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const defaultMap = parseEnvironmentMap(DEFAULT_ENVIRONMENT_MAP);

function request(overrides: Partial<TagIdRequest>): TagIdRequest {
  return { ref: 'refs/heads/dev', sha: SHA, timestamp: TS, environmentMap: defaultMap, ...overrides };
}

function userErrorMatching(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(isUserError(error), `expected a UserError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('computeTagId: tags', () => {
  const cases: [string, Partial<TagIdRequest>, string][] = [
    ['branch, default format', {}, 'dev-a1b2c3d4-1700000000'],
    ['branch with slash and case kept', { ref: 'refs/heads/feature/Foo_bar' }, 'feature-Foo_bar-a1b2c3d4-1700000000'],
    ['runs of replaced characters collapse', { ref: 'refs/heads/feat/&a#&b.-.c' }, 'feat-a-b.-.c-a1b2c3d4-1700000000'],
    ['non-ASCII characters replaced', { ref: 'refs/heads/fix/ümlaut' }, 'fix-mlaut-a1b2c3d4-1700000000'],
    ['leading dash and dot of a branch removed', { ref: 'refs/heads/-.hidden' }, 'hidden-a1b2c3d4-1700000000'],
    ['branch of only separators vanishes', { ref: 'refs/heads/-/-' }, 'a1b2c3d4-1700000000'],
    ['sha-length 12', { shaLength: 12 }, 'dev-a1b2c3d4e5f6-1700000000'],
    ['sha-length 40', { shaLength: 40 }, `dev-${SHA}-1700000000`],
    ['upper-case sha lowered', { sha: SHA.toUpperCase() }, 'dev-a1b2c3d4-1700000000'],
    ['format {branch}-{sha}', { format: '{branch}-{sha}' }, 'dev-a1b2c3d4'],
    ['format with literal text', { format: 'build.{ts}.{sha}' }, 'build.1700000000.a1b2c3d4'],
    ['format {sha} alone', { format: '{sha}' }, 'a1b2c3d4'],
    ['format with underscore', { format: '{branch}_{ts}' }, 'dev_1700000000'],
    ['release tag with v', { ref: 'refs/tags/v0.4.10' }, '0.4.10'],
    ['release tag without v', { ref: 'refs/tags/0.4.10' }, '0.4.10'],
    ['prerelease kept', { ref: 'refs/tags/v1.2.3-rc.1' }, '1.2.3-rc.1'],
    ['build metadata + becomes _', { ref: 'refs/tags/1.2.3+build.5' }, '1.2.3_build.5'],
    ['prerelease and build', { ref: 'refs/tags/v1.2.3-rc.1+exp.sha.5114f85' }, '1.2.3-rc.1_exp.sha.5114f85'],
    ['release tags ignore format', { ref: 'refs/tags/v2.0.0', format: '{sha}' }, '2.0.0'],
    ['non-semver tag sanitised', { ref: 'refs/tags/release/2024#Q1' }, 'release-2024-Q1'],
    ['two-part version is a plain tag', { ref: 'refs/tags/v1.2' }, 'v1.2'],
    ['capital V is a plain tag', { ref: 'refs/tags/V1.2.3' }, 'V1.2.3'],
    ['pull request merge ref', { ref: 'refs/pull/42/merge' }, 'pr-42-a1b2c3d4'],
    ['pull request head ref', { ref: 'refs/pull/7/head', shaLength: 7 }, 'pr-7-a1b2c3d'],
    ['pull request number given', { ref: 'refs/heads/main', pullRequestNumber: 9 }, 'pr-9-a1b2c3d4'],
    [
      'pull_request_target: base ref, number from the payload',
      { ref: 'refs/heads/main', eventName: 'pull_request_target', pullRequestNumber: 3 },
      'pr-3-a1b2c3d4',
    ],
    ['pull requests ignore format', { ref: 'refs/pull/5/merge', format: '{ts}' }, 'pr-5-a1b2c3d4'],
  ];
  for (const [name, overrides, expected] of cases) {
    test(name, () => {
      const { tag } = computeTagId(request(overrides));
      assert.equal(tag, expected);
      assert.match(tag, OCI_TAG);
    });
  }
});

describe('computeTagId: the other fields', () => {
  const cases: [string, Partial<TagIdRequest>, { kind: string; version: string; isRelease: boolean; name: string }][] =
    [
      ['branch', { ref: 'refs/heads/stg' }, { kind: 'branch', version: '', isRelease: false, name: 'stg' }],
      [
        'release',
        { ref: 'refs/tags/v0.4.10' },
        { kind: 'release', version: '0.4.10', isRelease: true, name: 'v0.4.10' },
      ],
      [
        'release with build metadata keeps + in the version',
        { ref: 'refs/tags/1.2.3+build.5' },
        { kind: 'release', version: '1.2.3+build.5', isRelease: true, name: '1.2.3+build.5' },
      ],
      ['plain tag', { ref: 'refs/tags/nightly' }, { kind: 'tag', version: '', isRelease: false, name: 'nightly' }],
      [
        'pull request',
        { ref: 'refs/pull/42/merge' },
        { kind: 'pull-request', version: '', isRelease: false, name: '42' },
      ],
    ];
  for (const [name, overrides, expected] of cases) {
    test(name, () => {
      const result = computeTagId(request(overrides));
      assert.deepEqual(
        { kind: result.kind, version: result.version, isRelease: result.isRelease, name: result.name },
        expected,
      );
      assert.equal(result.sha, SHA);
      assert.equal(result.timestamp, TS);
    });
  }
});

describe('computeTagId: long branches are cut, never the sha or the timestamp', () => {
  const cases: [string, string, string | undefined, string][] = [
    ['300-character branch', 'x'.repeat(300), undefined, '-a1b2c3d4-1700000000'],
    ['long branch with sha-length 40', `feature/${'y'.repeat(200)}`, undefined, `-${SHA}-1700000000`],
    ['branch twice in the template', 'z'.repeat(200), '{branch}.{branch}.{sha}', '.a1b2c3d4'],
    ['cut falling on a separator', `${'a'.repeat(107)}/bbbbbbbbbb`, undefined, 'a-a1b2c3d4-1700000000'],
  ];
  for (const [name, branch, format, ending] of cases) {
    test(name, () => {
      const shaLength = ending.includes(SHA) ? 40 : 8;
      const { tag } = computeTagId(request({ ref: `refs/heads/${branch}`, format, shaLength }));
      assert.ok(tag.length <= MAX_TAG_LENGTH, `${tag.length} characters`);
      assert.ok(tag.endsWith(ending), tag);
      assert.equal(tag[0], branch[0]);
      assert.match(tag, OCI_TAG);
    });
  }
});

describe('computeTagId: properties', () => {
  test('any branch name gives a valid, deterministic tag that keeps the sha and timestamp', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }), (branch) => {
        const input = request({ ref: `refs/heads/${branch}` });
        // A name git refuses is refused here too, naming git's rule (test/unit/git-ref.test.ts).
        if (refFormatViolation(input.ref) !== undefined) {
          assert.throws(() => computeTagId(input), userErrorMatching(/^ref: .*which git refuses/));
          return;
        }
        const { tag } = computeTagId(input);
        assert.match(tag, OCI_TAG);
        assert.ok(tag.endsWith('a1b2c3d4-1700000000'), tag);
        assert.equal(computeTagId(input).tag, tag);
      }),
    );
  });

  test('any git tag name gives a valid tag, or a user error when nothing is left', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (name) => {
        const input = request({ ref: `refs/tags/${name}` });
        if (refFormatViolation(input.ref) !== undefined) {
          assert.throws(() => computeTagId(input), userErrorMatching(/^ref: .*which git refuses/));
          return;
        }
        // A name made only of characters a tag cannot hold leaves nothing: that is a user error, not a bad tag.
        if (sanitizeTag(name) === '') {
          assert.throws(() => computeTagId(input), userErrorMatching(/^ref: .*not a valid OCI tag/));
        } else {
          assert.match(computeTagId(input).tag, OCI_TAG);
        }
      }),
      { examples: [['v1.2.3-rc.1+build.5'], ['+++'.repeat(50) + 'a']] },
    );
  });
});

describe('sanitizeTag', () => {
  const cases: [string, string][] = [
    ['feature/Foo_bar', 'feature-Foo_bar'],
    ['a  b', 'a-b'],
    ['a---b', 'a-b'],
    ['a...b', 'a.b'],
    ['..-x', 'x'],
    ['x-.', 'x'],
    ['_keep_', '_keep_'],
    ['@#$', ''],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => assert.equal(sanitizeTag(input), expected));
  }
});

describe('computeTagId: user errors name the field, the value and the expectation', () => {
  const cases: [string, Partial<TagIdRequest>, RegExp][] = [
    ['sha not hex', { sha: 'not-a-sha' }, /^sha: got "not-a-sha", expected .*hex/],
    ['sha too short', { sha: 'abc12' }, /^sha: got "abc12"/],
    ['sha shorter than sha-length', { sha: 'abcdef1', shaLength: 8 }, /^sha: got "abcdef1", expected at least 8/],
    ['sha-length 6', { shaLength: 6 }, /^sha-length: got 6, expected a whole number from 7 to 40/],
    ['sha-length 41', { shaLength: 41 }, /^sha-length: got 41/],
    ['negative timestamp', { timestamp: -1 }, /^timestamp: got -1, expected unix seconds/],
    ['fractional timestamp', { timestamp: 1.5 }, /^timestamp: got 1\.5/],
    ['milliseconds timestamp', { timestamp: 1700000000000 }, /^timestamp: got 1700000000000/],
    [
      'unknown token',
      { format: '{branch}-{commit}' },
      /^format: got "\{branch\}-\{commit\}", .*unknown token \{commit\}/,
    ],
    ['no sha or ts', { format: '{branch}' }, /^format: got "\{branch\}", .*same tag/],
    ['leading dash', { format: '-{sha}' }, /^format: .*cannot start with/],
    [
      'character outside the tag set',
      { format: '{branch}/{sha}' },
      /^format: got "\{branch\}\/\{sha\}", .*"\/" has other/,
    ],
    ['stray brace', { format: '{sha}{' }, /^format: .*"\{" has other/],
    ['template too long', { format: `${'a'.repeat(121)}{sha}` }, /^format: .*fits in 128/],
    ['short ref', { ref: 'main' }, /^ref: got "main", expected a full git ref/],
    ['empty branch', { ref: 'refs/heads/' }, /^ref: got "refs\/heads\/"/],
    ['remote ref', { ref: 'refs/remotes/origin/main' }, /^ref: got "refs\/remotes\/origin\/main"/],
    [
      'pull request event without a number',
      { ref: 'refs/heads/main', eventName: 'pull_request' },
      /^pull request number: got nothing, expected a positive whole number/,
    ],
    ['pull request number 0', { pullRequestNumber: 0 }, /^pull request number: got 0/],
  ];
  for (const [name, overrides, pattern] of cases) {
    test(name, () => assert.throws(() => computeTagId(request(overrides)), userErrorMatching(pattern)));
  }
});

describe('environment map', () => {
  const custom = parseEnvironmentMap(
    [
      '# preview builds',
      'release/*=stg',
      '',
      'refs/tags/rc-*=stg',
      '@prerelease=stg',
      '@release=prod',
      '@pull-request=preview',
      'main=prod',
    ].join('\r\n'),
  );
  const cases: [string, Partial<TagIdRequest>, string][] = [
    ['default: dev', { ref: 'refs/heads/dev' }, 'dev'],
    ['default: stg', { ref: 'refs/heads/stg' }, 'stg'],
    ['default: master', { ref: 'refs/heads/master' }, 'prod'],
    ['default: main', { ref: 'refs/heads/main' }, 'prod'],
    ['default: release tag', { ref: 'refs/tags/v0.4.10' }, 'prod'],
    ['default: unknown branch', { ref: 'refs/heads/feature/x' }, ''],
    ['default: branch named like a mapped one', { ref: 'refs/heads/dev2' }, ''],
    ['default: plain tag', { ref: 'refs/tags/nightly' }, ''],
    ['default: pull request', { ref: 'refs/pull/1/merge' }, ''],
    ['custom: wildcard branch', { ref: 'refs/heads/release/1.4', environmentMap: custom }, 'stg'],
    ['custom: ref pattern for tags', { ref: 'refs/tags/rc-7', environmentMap: custom }, 'stg'],
    ['custom: prerelease first', { ref: 'refs/tags/v1.0.0-rc.1', environmentMap: custom }, 'stg'],
    ['custom: release', { ref: 'refs/tags/v1.0.0', environmentMap: custom }, 'prod'],
    ['custom: pull request', { ref: 'refs/pull/3/merge', environmentMap: custom }, 'preview'],
    ['custom: dev no longer mapped', { ref: 'refs/heads/dev', environmentMap: custom }, ''],
    [
      'custom: dot is literal',
      { ref: 'refs/heads/release/1x4', environmentMap: parseEnvironmentMap('release/1.4=stg') },
      '',
    ],
  ];
  for (const [name, overrides, environment] of cases) {
    test(name, () => assert.equal(computeTagId(request(overrides)).environment, environment));
  }

  test('require-mapping fails on an unmapped branch, naming the ref and the map', () => {
    assert.throws(
      () => computeTagId(request({ ref: 'refs/heads/feature/x', requireMapping: true })),
      userErrorMatching(
        /^ref: "refs\/heads\/feature\/x" is not in the environment map \(dev=dev, stg=stg, master=prod, main=prod, @release=prod\)/,
      ),
    );
  });

  const passing: [string, string][] = [
    ['mapped branch', 'refs/heads/dev'],
    ['release tag', 'refs/tags/v1.0.0'],
    ['pull request (never deployed)', 'refs/pull/4/merge'],
  ];
  for (const [name, ref] of passing) {
    test(`require-mapping passes a ${name}`, () => {
      assert.doesNotThrow(() => computeTagId(request({ ref, requireMapping: true })));
    });
  }

  const invalidMaps: [string, RegExp][] = [
    ['dev', /^environment-map: got "dev", expected lines of the form/],
    ['=prod', /^environment-map: got "=prod"/],
    ['dev=Prod', /^environment-map: got "dev=Prod", expected an environment name/],
    ['dev=', /^environment-map: got "dev=", expected an environment name/],
    ['@tags=prod', /^environment-map: got "@tags=prod", expected .*@release/],
  ];
  for (const [text, pattern] of invalidMaps) {
    test(`invalid map line ${JSON.stringify(text)}`, () =>
      assert.throws(() => parseEnvironmentMap(`main=prod\n${text}`), userErrorMatching(pattern)));
  }
});

describe('text parsers for inputs and options', () => {
  const valid: [string, () => number, number][] = [
    ['sha-length "12"', () => parseShaLength('12'), 12],
    ['timestamp "1700000000"', () => parseTimestamp('1700000000'), 1700000000],
    ['timestamp "0"', () => parseTimestamp('0'), 0],
  ];
  for (const [name, parse, expected] of valid) test(name, () => assert.equal(parse(), expected));

  const invalidValues: [string, () => number, RegExp][] = [
    ['sha-length "abc"', () => parseShaLength('abc'), /^sha-length: got "abc", expected a whole number from 7 to 40/],
    ['sha-length "8.5"', () => parseShaLength('8.5'), /^sha-length: got "8\.5"/],
    ['timestamp with milliseconds', () => parseTimestamp('1700000000000'), /^timestamp: got "1700000000000"/],
    ['timestamp as a date', () => parseTimestamp('2024-01-01'), /^timestamp: got "2024-01-01", expected unix seconds/],
  ];
  for (const [name, parse, pattern] of invalidValues) {
    test(name, () => assert.throws(parse, userErrorMatching(pattern)));
  }
});

describe('tag-id command', () => {
  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['tag-id', ...args], [tagIdCommand], {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      cwd: '.',
    });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  }
  const base = ['--sha', SHA, '--timestamp', String(TS)];

  const printed: [string, string[], string][] = [
    ['branch', ['--ref', 'refs/heads/feature/Foo_bar', ...base], 'feature-Foo_bar-a1b2c3d4-1700000000'],
    [
      'format and sha length',
      ['--ref', 'refs/heads/dev', ...base, '--format', '{sha}.{ts}', '--sha-length', '7'],
      'a1b2c3d.1700000000',
    ],
    ['release', ['--ref', 'refs/tags/v0.4.10', ...base], '0.4.10'],
    ['pull request number', ['--ref', 'refs/heads/main', ...base, '--pr-number', '12'], 'pr-12-a1b2c3d4'],
  ];
  for (const [name, args, tag] of printed) {
    test(`prints the tag: ${name}`, async () =>
      assert.deepEqual(await cli(args), { code: 0, stdout: tag, stderr: '' }));
  }

  test('--json prints the whole result', async () => {
    const result = await cli(['--ref', 'refs/tags/v1.2.3+b.1', ...base, '--json']);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), {
      tag: '1.2.3_b.1',
      version: '1.2.3+b.1',
      environment: 'prod',
      sha: SHA,
      timestamp: TS,
      isRelease: true,
      kind: 'release',
    });
  });

  test('--environment-map takes comma-separated pairs', async () => {
    const result = await cli(['--ref', 'refs/heads/qa', ...base, '--environment-map', 'qa=test,main=prod', '--json']);
    assert.equal(JSON.parse(result.stdout).environment, 'test');
  });

  const failures: [string, string[], number, RegExp][] = [
    ['missing --ref is a usage error', ['--sha', SHA], 2, /--ref is required/],
    ['unknown option is a usage error', ['--ref', 'refs/heads/dev', ...base, '--branch', 'x'], 2, /--branch/],
    [
      'bad sha fails with one line',
      ['--ref', 'refs/heads/dev', '--sha', 'xyz'],
      1,
      /^gitops-promote tag-id: sha: got "xyz"[^\n]*$/,
    ],
    ['bad timestamp', ['--ref', 'refs/heads/dev', '--sha', SHA, '--timestamp', 'now'], 1, /timestamp: got "now"/],
    ['bad pr number', ['--ref', 'refs/heads/dev', ...base, '--pr-number', '0'], 1, /pr-number: got "0"/],
    [
      'require mapping',
      ['--ref', 'refs/heads/x', ...base, '--require-mapping'],
      1,
      /ref: "refs\/heads\/x" is not in the environment map/,
    ],
  ];
  for (const [name, args, code, pattern] of failures) {
    test(name, async () => {
      const result = await cli(args);
      assert.equal(result.code, code);
      assert.match(result.stderr, pattern);
      assert.equal(result.stdout, '');
    });
  }

  test('--help documents the JSON fields and the rules', async () => {
    const result = await cli(['--help']);
    assert.equal(result.code, 0);
    for (const text of ['--json', '"isRelease"', '{branch}', '"+" becomes "_"', 'pr-<n>-<sha>']) {
      assert.ok(result.stdout.includes(text), text);
    }
  });
});
