// A payload or config nested beyond what it needs is refused naming the field, without recursion
// that can overflow: a 5,000-deep array fits in GitHub's 64 KiB payload limit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePromotionConfig } from '../../src/core/config/index.js';
import { describeValue, isUserError } from '../../src/core/errors.js';
import { nestedBeyond, topField, yamlFlowNesting } from '../../src/core/nesting.js';
import {
  buildDispatchPayload,
  MAX_PAYLOAD_SIZE,
  PAYLOAD_KEYS,
  parseDispatchPayload,
} from '../../src/core/payload/index.js';

const SHA = 'a'.repeat(40);
const LEGAL = {
  v: 1,
  app: 'web',
  image: 'ghcr.io/acme/web',
  tag: 'dev-1a2b3c4d-1763800000',
  source: {
    repository: 'acme/web',
    sha: SHA,
    ref: 'refs/heads/dev',
    runUrl: 'https://github.com/acme/web/actions/runs/1',
  },
  buildTimestamp: 1763800000,
  dispatchId: '7a3b2287-18a7-41b4-8b9d-5a908f2ffd98',
};

/** JSON text of `[[[...1...]]]` (or objects), built as text: building it as a value and printing it would overflow. */
function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function payloadWith(field: string, nested: string): unknown {
  const text = JSON.stringify({ ...LEGAL, [field]: '@@' }).replace('"@@"', nested);
  assert.ok(text.length < MAX_PAYLOAD_SIZE, 'inside GitHub limit');
  return JSON.parse(text);
}

describe('payload nesting', () => {
  const fields = PAYLOAD_KEYS;
  for (const kind of ['array', 'object'] as const) {
    for (const field of fields) {
      test(`a 5,000-deep ${kind} in client_payload.${field} is refused naming the field`, () => {
        assert.throws(
          () => parseDispatchPayload(payloadWith(field, deepJson(5000, kind))),
          (error) =>
            isUserError(error) &&
            error.field === `client_payload.${field}` &&
            /^client_payload\.\w+: nested more than 12 levels deep/.test(error.message) &&
            error.message.length < 300,
        );
      });
    }
  }
  test('a 5,000-deep payload itself is refused', () => {
    assert.throws(
      () => parseDispatchPayload(JSON.parse(deepJson(5000, 'array'))),
      /^UserError: client_payload: nested more/,
    );
  });
  test('the sending side refuses a deep extra-payload naming the input', () => {
    assert.throws(
      () =>
        buildDispatchPayload({
          ...LEGAL,
          image: LEGAL.image,
          extra: JSON.parse(`{"a":${deepJson(5000, 'array')}}`),
        }),
      (error) =>
        isUserError(error) && error.field === 'extra-payload' && /nested more than 11 levels/.test(error.message),
    );
  });
  test('legal payloads, extra at its own limit included, are accepted as before', () => {
    assert.deepEqual(parseDispatchPayload(structuredClone(LEGAL)), LEGAL);
    const extra = JSON.parse(`{"a":${deepJson(7, 'array')}}`);
    assert.deepEqual(parseDispatchPayload({ ...LEGAL, extra }).extra, extra);
  });
  test('describeValue of a value too deep to print does not overflow', () => {
    assert.match(describeValue(JSON.parse(deepJson(20000, 'array'))), /nested too deeply/);
  });
  test('nestedBeyond walks without recursion', () => {
    assert.equal(nestedBeyond(JSON.parse(deepJson(100000, 'array')), 3), '[0][0][0]');
    assert.equal(nestedBeyond({ a: [{ b: 1 }] }, 3), undefined);
    assert.equal(nestedBeyond({ a: [{ b: [] }] }, 3), '.a[0].b');
    assert.equal(topField('.extra[0][0]'), 'extra');
  });
});

describe('config nesting', () => {
  test('5,000 nested flow sequences are refused before the parser recurses, naming file and line', () => {
    const text = `environments:\n  - name: dev\n    labels: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    assert.throws(
      () => parsePromotionConfig(text, '.github/promotion.yml'),
      (error) =>
        isUserError(error) &&
        /^\.github\/promotion\.yml:3: got "5000 nested \[ or \{", expected at most 16/.test(error.message),
    );
  });
  test('deep block nesting is refused naming the key', () => {
    const lines = ['apps:', '  web:'];
    for (let depth = 0; depth < 40; depth++) lines.push(`${'  '.repeat(depth + 2)}k${depth}:`);
    lines.push(`${'  '.repeat(42)}x: 1`);
    assert.throws(
      () => parsePromotionConfig(lines.join('\n'), 'promotion.yml'),
      (error) =>
        isUserError(error) &&
        /^promotion\.yml: apps\.web\.k0\.k1/.test(error.message) &&
        /at most 16 levels/.test(error.message),
    );
  });
  test('brackets in strings and comments do not count', () => {
    assert.equal(yamlFlowNesting('a: "[[[["\nb: \'{{{{\' # [[[[\nc: [1, [2]]').depth, 2);
  });
});
