import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { planBump, type BumpTarget } from '../../src/core/manifest/index.js';

const good = { path: 'ok/deploy.yaml', text: 'kind: Pod\nspec:\n  containers:\n  - name: a\n    image: acme/app:1\n' };

function userError(run: () => unknown, message: RegExp): void {
  assert.throws(run, (error: unknown) => error instanceof UserError && message.test(error.message));
}

describe('files that cannot be trusted', () => {
  test('a referencing file that does not parse fails the whole plan, naming file and line', () => {
    const broken = {
      path: 'bad/deploy.yaml',
      text: 'kind: Pod\nspec:\n  containers:\n  - image: acme/app:1\n   bad: [\n',
    };
    userError(
      () => planBump([good, broken], { image: 'acme/app', tag: '2' }),
      /^bad\/deploy\.yaml:\d+: not valid YAML/,
    );
  });

  test('a file that does not mention the image may be broken', () => {
    const broken = { path: 'other.yaml', text: 'a: [\n' };
    const plan = planBump([good, broken], { image: 'acme/app', tag: '2' });
    assert.equal(plan.files.length, 1);
  });

  test('a billion-laughs document is an error, not a hang', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `kind: Pod\n${levels.join('\n')}\nspec:\n  containers:\n  - image: acme/app:1\n`;
    const started = Date.now();
    userError(() => planBump([{ path: 'lol.yaml', text }], { image: 'acme/app', tag: '2' }), /^lol\.yaml: .*alias/i);
    assert.ok(Date.now() - started < 2000);
  });
});

describe('the target is checked before anything is read', () => {
  const cases: [string, BumpTarget, RegExp][] = [
    [
      'image with a tag',
      { image: 'acme/app:1', tag: '2' },
      /^image: got "acme\/app:1", expected a repository without tag/,
    ],
    ['invalid image', { image: 'Acme/App', tag: '2' }, /^image: got "Acme\/App", expected an image repository/],
    ['empty image', { image: '', tag: '2' }, /^image: got ""/],
    ['invalid tag', { image: 'acme/app', tag: '-bad' }, /^tag: got "-bad", expected an image tag/],
    ['tag too long', { image: 'acme/app', tag: 'a'.repeat(129) }, /^tag: got/],
    ['tag with a slash', { image: 'acme/app', tag: 'feature/x' }, /^tag: got "feature\/x"/],
    [
      'short digest',
      { image: 'acme/app', tag: '2', digest: 'sha256:abc' },
      /^digest: got "sha256:abc", expected sha256:/,
    ],
    ['uppercase digest', { image: 'acme/app', tag: '2', digest: `sha256:${'A'.repeat(64)}` }, /^digest: got/],
  ];
  for (const [name, target, message] of cases) {
    test(name, () => userError(() => planBump([good], target), message));
  }
});
