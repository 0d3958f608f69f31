import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../src/core/errors.js';
import { compileGoRegexp, expandGoTemplate } from '../../src/core/policy/go-regexp.js';

describe('Go regular expressions', () => {
  // [pattern, subject, matches]
  const table: [string, string, boolean][] = [
    ['^(?P<ts>[0-9]+)$', '1700000000', true],
    ['(?<ts>[0-9]+)', 'main-12', true],
    ['(?i)^MAIN-', 'main-1', true],
    ['^MAIN-', 'main-1', false],
    ['(?s)^a.b$', 'a\nb', true],
    ['^a.b$', 'a\nb', false],
    ['\\Amain\\z', 'main', true],
    ['\\Amain\\z', 'main\n', false],
    ['\\Q1.0+\\E$', 'v1.0+', true],
    ['\\Q1.0+\\E$', 'v1x0+', false],
    ['^[[:digit:]]+$', '0755', true],
    ['^[[:alpha:]_]+$', 'dev_x', true],
    ['^[^[:digit:]]+$', 'abc1', false],
    ['^[]a]+$', ']a]', true],
    ['ver', 'rel-ver1', true],
    ['^ver', 'rel-ver1', false],
    ['^v\\-1$', 'v-1', true],
  ];
  for (const [pattern, subject, matches] of table) {
    test(`${pattern} ${matches ? 'matches' : 'does not match'} ${JSON.stringify(subject)}`, () => {
      assert.equal(compileGoRegexp(pattern, 'filter pattern').regexp.test(subject), matches);
    });
  }

  const refused: [string, RegExp][] = [
    ['[=', /missing closing \]|Unterminated/],
    ['^test-(.*', /Unterminated group/],
    ['a(?=b)', /lookahead/],
    ['(?<!a)b', /lookbehind/],
    ['(a)\\1', /backreferences/],
    ['a(?i)b', /start of the pattern/],
    ['(?U)a+', /U flag/],
    ['[[:nope:]]', /unknown character class/],
  ];
  for (const [pattern, reason] of refused) {
    test(`refuses ${pattern}`, () => {
      assert.throws(
        () => compileGoRegexp(pattern, 'filter pattern'),
        (error: unknown) =>
          error instanceof UserError &&
          error.message.startsWith(`filter pattern: got ${JSON.stringify(pattern)}`) &&
          reason.test(error.message),
      );
    });
  }
});

describe('Go expand templates', () => {
  const pattern = '^(?P<branch>[a-z]+)-(?P<sha>[0-9a-f]+)-(?P<ts>[0-9]+)(-(x))?$';
  const subject = 'main-abc123-1700000000';
  // [template, expansion]
  const table: [string, string][] = [
    ['$ts', '1700000000'],
    ['${ts}', '1700000000'],
    ['$1', 'main'],
    ['${1}', 'main'],
    ['${2}x', 'abc123x'],
    ['$2x', ''], // "2x" is one name, and no group has it
    ['$branch.$ts', 'main.1700000000'],
    ['$branch-$ts', 'main-1700000000'],
    ['$5', ''], // the group exists but did not take part
    ['$9', ''], // no such group
    ['$missing', ''],
    ['$$ts', '$ts'],
    ['cost: $', 'cost: $'],
    ['${ts', '${ts'],
    ['$-', '$-'],
    ['plain', 'plain'],
  ];
  const regexp = compileGoRegexp(pattern, 'filter pattern').regexp;
  for (const [template, expansion] of table) {
    test(`${template} -> ${JSON.stringify(expansion)}`, () => {
      const match = regexp.exec(subject);
      assert.ok(match);
      assert.equal(expandGoTemplate(template, match), expansion);
    });
  }
});
