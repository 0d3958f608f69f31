import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, parseDuration } from '../../src/core/duration.js';

test('durations as configs write them', () => {
  const cases: [unknown, number | undefined][] = [
    [0, 0],
    ['0', 0],
    ['45s', 45],
    ['30m', 1800],
    ['2h', 7200],
    ['1d', 86_400],
    ['1w', 604_800],
    ['1h30m', 5400],
    ['1d2h3m4s', 93_784],
    ['366d', 366 * 86_400],
    ['367d', undefined],
    ['30', undefined],
    [30, undefined],
    ['', undefined],
    ['30m1h', undefined],
    ['1h1h', undefined],
    ['-1h', undefined],
    ['1.5h', undefined],
    [' 1h', undefined],
    ['1H', undefined],
    [null, undefined],
  ];
  for (const [value, seconds] of cases) assert.equal(parseDuration(value), seconds, String(value));
});

test('time left is printed in the same units', () => {
  assert.deepEqual([0, -5, 0.2, 59, 60, 5400, 93_784].map(formatDuration), [
    '0s',
    '0s',
    '1s',
    '59s',
    '1m',
    '1h30m',
    '1d2h3m4s',
  ]);
});
