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
    // Hex escapes: two digits, or any code point in braces.
    ['^\\x{41}$', 'A', true],
    ['^\\x{41}$', 'x'.repeat(41), false],
    ['^v\\x{2e}1$', 'v.1', true],
    ['^\\x{1F600}$', '\u{1F600}', true],
    ['^[\\x{30}-\\x{39}]+$', '0123', true],
    ['^[\\x{30}-\\x{39}]+$', '01a', false],
    ['^\\x41\\x2D$', 'A-', true],
    // Octal escapes and \a.
    ['^\\101\\0$', 'A\0', true],
    ['^\\a$', '\x07', true],
    // Unicode classes: general categories and scripts, one letter or braced, negated with \P or ^.
    ['^\\p{Greek}+$', 'αβγ', true],
    ['^\\p{Greek}+$', 'abc', false],
    ['^\\pL+$', 'abc', true],
    ['^\\pL+$', 'ab1', false],
    ['^\\PL+$', '123', true],
    ['^\\PL+$', '1a3', false],
    ['^\\p{^Greek}+$', 'abc', true],
    ['^\\P{^Greek}+$', 'αβ', true],
    ['^\\p{Lu}\\p{Nd}$', 'A1', true],
    ['^[\\pL\\p{Nd}.-]+$', 'v1.2-rc', true],
    ['^[\\PN]+$', 'abc', true],
    ['^[^\\p{Greek}]+$', 'αb', false],
    ['^\\p{Any}$', 'é', true],
    // Punctuation escapes Go allows and JavaScript's u mode would refuse; braces and ] as literals.
    ['^dev\\-\\#\\_1$', 'dev-#_1', true],
    ['^[\\-\\#a]+$', '-#a', true],
    ['^a{,2}$', 'a{,2}', true],
    ['^a{2}$', 'aa', true],
    ['^x}]$', 'x}]', true],
    ['^\\Q1.0-rc+\\E$', '1.0-rc+', true],
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
    ['\\p{Nope}', /unknown Unicode class Nope/],
    ['[\\p{Nope}]', /unknown Unicode class Nope/],
    ['\\p', /\\p takes a class name/],
    ['\\p{}', /\\p takes a class name/],
    ['\\x{110000}', /beyond the last Unicode code point/],
    ['\\x4', /\\x takes two hex digits/],
    ['\\x{zz}', /\\x takes two hex digits/],
    ['\\e', /invalid escape sequence \\e/],
    ['\\Z', /invalid escape sequence \\Z/],
    ['[\\b]', /not allowed in a character class/],
    ['a{1001}', /invalid repeat count/],
    ['a**', /^[^/]*\(Nothing to repeat\)$/],
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
