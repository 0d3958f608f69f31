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
    // Go takes flags anywhere, and ungreedy (U) too; JavaScript has neither.
    ['^a(?i)b$', 'aB', true],
    ['^a(?i)b$', 'AB', false],
    ['^(?i:dev)-x$', 'DEV-x', true],
    ['^(?U)a+$', 'aaa', true],
    // $ without (?m) is the end of the text only, not before a final newline.
    ['^v1$', 'v1\n', false],
    ['(?m)^v1$', 'v1\n', true],
    // Hostile patterns are linear: an answer, not a hang.
    ['^([a-z0-9]+-?)+$', `${'a'.repeat(40)}_`, false],
    ['^(a+)+$', `${'a'.repeat(10_000)}b`, false],
    ['^(a|a)*$', 'a'.repeat(10_000), true],
  ];
  for (const [pattern, subject, matches] of table) {
    test(`${pattern} ${matches ? 'matches' : 'does not match'} ${JSON.stringify(subject)}`, () => {
      assert.equal(compileGoRegexp(pattern, 'filter pattern').test(subject), matches);
    });
  }

  // Go's own messages (regexp/syntax), with a hint where RE2 leaves out what other engines have.
  const refused: [string, RegExp][] = [
    ['[=', /missing closing \]: `\[=`/],
    ['^test-(.*', /missing closing \): `\^test-\(\.\*`/],
    ['a(?=b)', /invalid or unsupported Perl syntax: `\(\?=`; lookahead and lookbehind are not part/],
    ['(?<!a)b', /invalid named capture: .*lookahead and lookbehind are not part/],
    ['(a)\\1', /invalid escape sequence: `\\1`; backreferences are not part of Go regular expressions/],
    ['[[:nope:]]', /invalid character class range: `\[:nope:\]`/],
    ['\\p{Nope}', /invalid character class range: `\\p\{Nope\}`/],
    ['[\\p{Nope}]', /invalid character class range: `\\p\{Nope\}`/],
    ['\\p', /invalid character class range: `\\p`/],
    ['\\p{}', /invalid character class range/],
    ['\\x{110000}', /invalid escape sequence: `\\x\{110000`/],
    ['\\x4', /invalid escape sequence: `\\x4`/],
    ['\\x{zz}', /invalid escape sequence/],
    ['\\e', /invalid escape sequence: `\\e`/],
    ['\\Z', /invalid escape sequence: `\\Z`/],
    ['\\C', /invalid escape sequence: `\\C`/],
    ['[\\b]', /invalid escape sequence: `\\b`/],
    ['[z-a]', /invalid character class range: `z-a`/],
    ['a{1001}', /invalid repeat count: `\{1001\}`/],
    ['a**', /invalid nested repetition operator: `\*\*`/],
    ['(?P<n>a)(?P<n>b)', /duplicate capture group name: `n`/],
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

describe('Go matching semantics', () => {
  // [pattern, subject, group 1]: leftmost-first as Go's FindStringSubmatch, not leftmost-longest.
  const table: [string, string, string | undefined][] = [
    ['(a|ab)', 'ab', 'a'],
    ['(a+)', 'aaa', 'aaa'],
    ['(?U)(a+)', 'aaa', 'a'],
    ['(a+?)', 'aaa', 'a'],
    ['^main-(?P<ts>[0-9]+)$', 'main-17', '17'],
    ['(x)?y', 'y', undefined],
  ];
  for (const [pattern, subject, group] of table) {
    test(`${pattern} on ${JSON.stringify(subject)} captures ${JSON.stringify(group)}`, () => {
      assert.equal(compileGoRegexp(pattern, 'filter pattern').exec(subject)?.[1], group);
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
  const regexp = compileGoRegexp(pattern, 'filter pattern');
  for (const [template, expansion] of table) {
    test(`${template} -> ${JSON.stringify(expansion)}`, () => {
      const match = regexp.exec(subject);
      assert.ok(match);
      assert.equal(expandGoTemplate(template, match), expansion);
    });
  }
});
