import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { isUserError } from '../../src/core/errors.js';
import { DEFAULT_ENVIRONMENT_MAP, parseEnvironmentMap } from '../../src/core/tag-id.js';
import { selectCommand } from '../../src/actions/shared/command.js';
import { ActionInputs } from '../../src/actions/shared/inputs.js';
import { readTagInputs } from '../../src/actions/tag/inputs.js';

const HEAD_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const MERGE_SHA = 'ffffeeee0000111122223333444455556666aaaa';
const NOW_MS = 1_800_000_000_500;

function userErrorMatching(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(isUserError(error), `expected a UserError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('ActionInputs', () => {
  const inputs = new ActionInputs({
    'INPUT_SHA-LENGTH': ' 12 ',
    INPUT_EMPTY: '   ',
    INPUT_MY_INPUT: 'spaced name',
    INPUT_YES: 'True',
    INPUT_NO: 'FALSE',
    INPUT_MAYBE: 'yes',
    INPUT_LINES: 'a=1\nb=2\n',
    INPUT_BIG: '99',
  });

  const values: [string, () => unknown, unknown][] = [
    ['hyphenated name, trimmed', () => inputs.optional('sha-length'), '12'],
    ['blank is not given', () => inputs.optional('empty'), undefined],
    ['absent is not given', () => inputs.optional('absent'), undefined],
    ['space in a name becomes _', () => inputs.optional('my input'), 'spaced name'],
    ['string falls back', () => inputs.string('empty', 'fallback'), 'fallback'],
    ['boolean True', () => inputs.boolean('yes', false), true],
    ['boolean FALSE', () => inputs.boolean('no', true), false],
    ['boolean falls back', () => inputs.boolean('absent', true), true],
    ['integer', () => inputs.integer('sha-length', 8, { min: 7, max: 40 }), 12],
    ['integer falls back', () => inputs.integer('absent', 8, { min: 7, max: 40 }), 8],
    ['multiline keeps its lines', () => inputs.multiline('lines'), 'a=1\nb=2\n'],
    ['multiline blank is not given', () => inputs.multiline('empty'), undefined],
  ];
  for (const [name, read, expected] of values) test(name, () => assert.deepEqual(read(), expected));

  const failures: [string, () => unknown, RegExp][] = [
    ['boolean that is not one', () => inputs.boolean('maybe', false), /^maybe: got "yes", expected true or false$/],
    [
      'integer out of range',
      () => inputs.integer('big', 8, { min: 7, max: 40 }),
      /^big: got "99", expected a whole number from 7 to 40$/,
    ],
    ['required and absent', () => inputs.required('absent'), /^absent: got nothing, expected a value/],
  ];
  for (const [name, read, pattern] of failures) test(name, () => assert.throws(read, userErrorMatching(pattern)));
});

describe('selectCommand (the root action)', () => {
  const commands = { tag: 'run tag', dispatch: 'run dispatch', bump: 'run bump' };

  test('a known command, trimmed', () => assert.equal(selectCommand(' dispatch ', commands), 'run dispatch'));

  const failures: [string, string | undefined, RegExp][] = [
    [
      'absent',
      undefined,
      /^command: no command given, expected one of tag, dispatch, bump \(for example command: tag\)$/,
    ],
    ['empty', '', /^command: no command given, expected one of tag, dispatch, bump/],
    ['blank', '  ', /^command: no command given, expected one of tag, dispatch, bump/],
    ['unknown', 'deploy', /^command: got "deploy", expected one of tag, dispatch, bump$/],
    ['wrong case', 'Tag', /^command: got "Tag", expected one of tag, dispatch, bump$/],
    ['an Object.prototype name', 'toString', /^command: got "toString", expected one of tag, dispatch, bump$/],
  ];
  for (const [name, given, pattern] of failures) {
    test(`${name} fails, listing the commands`, () =>
      assert.throws(() => selectCommand(given, commands), userErrorMatching(pattern)));
  }
  test('no message says "got nothing"', () => {
    for (const given of [undefined, '']) {
      assert.throws(
        () => selectCommand(given, commands),
        (error: Error) => !/got nothing/.test(error.message),
      );
    }
  });
});

describe('readTagInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tag-inputs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let eventCount = 0;
  function eventFile(payload: unknown): string {
    const path = join(dir, `event-${eventCount++}.json`);
    writeFileSync(path, JSON.stringify(payload));
    return path;
  }
  const now = () => NOW_MS;

  test('a branch push takes the ref, the sha and the head commit time from the runner', () => {
    const { request, image, timestampSource } = readTagInputs(
      {
        GITHUB_REF: 'refs/heads/dev',
        GITHUB_SHA: HEAD_SHA,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventFile({ head_commit: { timestamp: '2023-11-14T23:13:20+01:00' } }),
      },
      now,
    );
    assert.deepEqual(request, {
      ref: 'refs/heads/dev',
      sha: HEAD_SHA,
      timestamp: 1700000000,
      format: '{branch}-{sha}-{ts}',
      shaLength: 8,
      eventName: 'push',
      pullRequestNumber: undefined,
      environmentMap: parseEnvironmentMap(DEFAULT_ENVIRONMENT_MAP),
      requireMapping: false,
    });
    assert.equal(image, undefined);
    assert.equal(timestampSource, 'head commit');
  });

  const cases: [string, Record<string, string>, Record<string, unknown>][] = [
    [
      'pull_request: head sha and number from the payload',
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_SHA: MERGE_SHA,
        GITHUB_EVENT_PATH: eventFile({ number: 42, pull_request: { number: 42, head: { sha: HEAD_SHA } } }),
      },
      { sha: HEAD_SHA, pullRequestNumber: 42, eventName: 'pull_request', timestamp: 1800000000 },
    ],
    [
      'pull_request_target: the top-level number when pull_request has none',
      {
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: MERGE_SHA,
        GITHUB_EVENT_PATH: eventFile({ number: 5, pull_request: { head: { sha: HEAD_SHA } } }),
      },
      { sha: HEAD_SHA, pullRequestNumber: 5, ref: 'refs/heads/main' },
    ],
    [
      'an explicit ref speaks for itself, even on a pull request event',
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/42/merge',
        GITHUB_SHA: MERGE_SHA,
        GITHUB_EVENT_PATH: eventFile({ number: 42, pull_request: { number: 42, head: { sha: HEAD_SHA } } }),
        INPUT_REF: 'refs/heads/dev',
      },
      { ref: 'refs/heads/dev', sha: MERGE_SHA, eventName: undefined, pullRequestNumber: undefined },
    ],
    [
      'inputs override the runner',
      {
        GITHUB_REF: 'refs/heads/dev',
        GITHUB_SHA: MERGE_SHA,
        INPUT_SHA: HEAD_SHA,
        INPUT_TIMESTAMP: '1234567890',
        INPUT_FORMAT: '{sha}-{ts}',
        'INPUT_SHA-LENGTH': '10',
        'INPUT_REQUIRE-MAPPING': 'true',
        'INPUT_ENVIRONMENT-MAP': 'dev=development\n',
      },
      {
        sha: HEAD_SHA,
        timestamp: 1234567890,
        format: '{sha}-{ts}',
        shaLength: 10,
        requireMapping: true,
        environmentMap: [{ pattern: 'dev', environment: 'development' }],
      },
    ],
    ['no event file: the clock', { GITHUB_REF: 'refs/heads/dev', GITHUB_SHA: HEAD_SHA }, { timestamp: 1800000000 }],
  ];
  for (const [name, env, expected] of cases) {
    test(name, () => {
      const { request } = readTagInputs(env, now);
      const actual = Object.fromEntries(
        Object.keys(expected).map((key) => [key, request[key as keyof typeof request]]),
      );
      assert.deepEqual(actual, expected);
    });
  }

  const images: [string, boolean][] = [
    ['nginx', true],
    ['acme/app', true],
    ['ghcr.io/acme/app', true],
    ['localhost:5000/team/app', true],
    ['registry.example.com/a__b/c-d.e', true],
    ['Acme/App', false],
    ['acme/app:1.0', false],
    ['acme/app@sha256:' + 'a'.repeat(64), false],
    ['acme app', false],
    ['/app', false],
    ['acme//app', false],
  ];
  for (const [image, valid] of images) {
    test(`image ${JSON.stringify(image)} is ${valid ? 'accepted' : 'refused'}`, () => {
      const env = { GITHUB_REF: 'refs/heads/dev', GITHUB_SHA: HEAD_SHA, INPUT_IMAGE: image };
      if (valid) assert.equal(readTagInputs(env, now).image, image);
      else assert.throws(() => readTagInputs(env, now), userErrorMatching(/^image: got /));
    });
  }

  const failures: [string, Record<string, string>, RegExp][] = [
    ['no ref anywhere', { GITHUB_SHA: HEAD_SHA }, /^ref: got "", expected a git ref/],
    ['no sha anywhere', { GITHUB_REF: 'refs/heads/dev' }, /^sha: got "", expected a commit sha/],
    ['bad sha input', { GITHUB_REF: 'refs/heads/dev', INPUT_SHA: 'g00d' }, /^sha: got "g00d"/],
    [
      'bad format',
      { GITHUB_REF: 'refs/heads/dev', GITHUB_SHA: HEAD_SHA, INPUT_FORMAT: '{ts}:{sha}' },
      /^format: got "\{ts\}:\{sha\}"/,
    ],
    [
      'bad timestamp',
      { GITHUB_REF: 'refs/heads/dev', GITHUB_SHA: HEAD_SHA, INPUT_TIMESTAMP: '-5' },
      /^timestamp: got "-5"/,
    ],
  ];
  for (const [name, env, pattern] of failures) {
    test(name, () => assert.throws(() => readTagInputs(env, now), userErrorMatching(pattern)));
  }
});
