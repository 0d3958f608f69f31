// `tag` refuses a ref git refuses, naming git's rule; refs git accepts give the same tag as before.
// Every case is also put to the real `git check-ref-format`, so the table cannot drift from git.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { isUserError } from '../../src/core/errors.js';
import { refFormatViolation } from '../../src/core/git-ref.js';
import { computeTagId } from '../../src/core/tag-id.js';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

const refused: ReadonlyArray<[family: string, ref: string, rule: RegExp]> = [
  ['two dots', 'refs/heads/a..b', /contains "\.\."/],
  ['path traversal', 'refs/heads/release/../../main', /contains "\.\."/],
  ['space', 'refs/heads/my branch', /contains a space/],
  ['tilde', 'refs/heads/a~1', /contains "~"/],
  ['caret', 'refs/heads/a^2', /contains "\^"/],
  ['colon', 'refs/heads/a:b', /contains ":"/],
  ['question mark', 'refs/heads/a?', /contains "\?"/],
  ['asterisk', 'refs/heads/a*', /contains "\*"/],
  ['open bracket', 'refs/heads/a[1]', /contains "\["/],
  ['runner command marker', 'refs/heads/x##[warning]x', /contains "\["/],
  ['backslash', 'refs/heads/a\\b', /contains a backslash/],
  ['.lock ending', 'refs/heads/main.lock', /ends with "\.lock"/],
  ['.lock component', 'refs/heads/x.lock/y', /ends with "\.lock"/],
  ['reflog syntax', 'refs/heads/a@{1}', /contains "@\{"/],
  ['component starting with a dot', 'refs/heads/.hidden', /begins with "\."/],
  ['trailing dot', 'refs/heads/main.', /ends with "\."/],
  ['double slash', 'refs/heads//main', /contains "\/\/"/],
  ['trailing slash', 'refs/heads/main/', /begins or ends with "\/"/],
  ['newline then a workflow command', 'refs/heads/main\n::warning::x', /control character/],
  ['carriage return then a command', 'refs/heads/main\r::error::x', /control character/],
  ['CRLF then add-mask', 'refs/heads/main\r\n::add-mask::x', /control character/],
  ['newline then stop-commands', 'refs/heads/main\n::stop-commands::x', /control character/],
  ['tab', 'refs/heads/a\tb', /control character/],
  ['escape', 'refs/heads/a\u001b[31m', /control character/],
  ['DEL', 'refs/heads/a\u007f', /control character/],
  ['NUL', 'refs/heads/a\u0000b', /control character/],
];

// Legal refs, some with characters that look hostile but git allows: their tags do not change.
const accepted: ReadonlyArray<[ref: string, tag: string]> = [
  ['refs/heads/dev', 'dev-a1b2c3d4-1700000000'],
  ['refs/heads/feature/Foo_bar', 'feature-Foo_bar-a1b2c3d4-1700000000'],
  ['refs/heads/x##warning]y', 'x-warning-y-a1b2c3d4-1700000000'],
  ['refs/heads/@octocat', 'octocat-a1b2c3d4-1700000000'],
  ['refs/heads/a@b', 'a-b-a1b2c3d4-1700000000'],
  ['refs/tags/v0.4.10', '0.4.10'],
  ['refs/tags/v1.2.3-rc.1+build.5', '1.2.3-rc.1_build.5'],
  ['refs/pull/42/merge', 'pr-42-a1b2c3d4'],
];

function gitAccepts(ref: string): boolean | undefined {
  // git takes a ref as an argument; NUL cannot be in one, and git itself refuses control characters.
  if (ref.includes('\u0000')) return false;
  const result = spawnSync('git', ['check-ref-format', ref]);
  if (result.error) return undefined;
  return result.status === 0;
}

describe('git check-ref-format rules', () => {
  for (const [family, ref, rule] of refused) {
    test(`refused: ${family} (${JSON.stringify(ref)})`, (t) => {
      assert.match(refFormatViolation(ref) ?? '', rule);
      assert.throws(
        () => computeTagId({ ref, sha: SHA, timestamp: 1700000000 }),
        (error) =>
          isUserError(error) &&
          error.field === 'ref' &&
          /which git refuses/.test(error.message) &&
          rule.test(error.message) &&
          !/[\r\n]/.test(error.message),
      );
      const git = gitAccepts(ref);
      if (git === undefined) t.skip('git is not installed: not compared with git check-ref-format');
      else assert.equal(git, false, `git check-ref-format accepts ${JSON.stringify(ref)}`);
    });
  }

  for (const [ref, tag] of accepted) {
    test(`accepted as before: ${ref}`, (t) => {
      assert.equal(refFormatViolation(ref), undefined);
      assert.equal(computeTagId({ ref, sha: SHA, timestamp: 1700000000 }).tag, tag);
      const git = gitAccepts(ref);
      if (git === undefined) t.skip('git is not installed: not compared with git check-ref-format');
      else assert.equal(git, true, `git check-ref-format refuses ${JSON.stringify(ref)}`);
    });
  }
});
