// Go regular expressions in linear time: `^(a+)+$`, which takes a backtracking engine exponential
// time, against 100,000 characters that almost match, through the engine the policies use.
import { compileGoRegexp } from '../../src/core/policy/go-regexp.js';
import { median } from './bump-vs-sed.js';

export const REGEXP_TARGET_MS = 1000;

export function benchHostileRegexp(rounds = 5): { ms: number; range: readonly [number, number]; matched: boolean } {
  const subject = `${'a'.repeat(100_000)}!`;
  const times: number[] = [];
  let matched = true;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    const regexp = compileGoRegexp('^(a+)+$', 'bench');
    matched = regexp.test(subject) || regexp.exec(subject) !== null;
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), range: [Math.min(...times), Math.max(...times)], matched };
}
