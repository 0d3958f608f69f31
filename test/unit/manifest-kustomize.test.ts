import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planBump, type BumpTarget } from '../../src/core/manifest/index.js';

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;

interface Case {
  name: string;
  target: BumpTarget;
  input: string;
  expected: string;
  path?: string;
  note?: RegExp;
  warning?: RegExp;
}

const cases: Case[] = [
  {
    name: 'newTag replaced, other entries untouched',
    target: { image: 'ghcr.io/acme/web', tag: '0.5.0' },
    input:
      'images:\n- name: ghcr.io/acme/web-worker\n  newTag: 0.4.9\n- name: ghcr.io/acme/web\n  newTag: 0.4.9 # pinned\n',
    expected:
      'images:\n- name: ghcr.io/acme/web-worker\n  newTag: 0.4.9\n- name: ghcr.io/acme/web\n  newTag: 0.5.0 # pinned\n',
  },
  {
    name: 'matched by normalised name',
    target: { image: 'docker.io/library/nginx', tag: '1.27.1' },
    input: 'images:\n  - name: nginx\n    newTag: "1.25"\n',
    expected: 'images:\n  - name: nginx\n    newTag: "1.27.1"\n',
  },
  {
    name: 'matched by newName',
    target: { image: 'registry.example.com:5000/acme/app', tag: 'v2' },
    input: 'images:\n- name: app\n  newName: registry.example.com:5000/acme/app\n  newTag: v1\n',
    expected: 'images:\n- name: app\n  newName: registry.example.com:5000/acme/app\n  newTag: v2\n',
  },
  {
    name: 'missing newTag added after name, with its indentation',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'images:\n    - name: acme/app\n    - name: other\n',
    expected: 'images:\n    - name: acme/app\n      newTag: v2\n    - name: other\n',
    note: /^added$/,
  },
  {
    name: 'missing newTag added after newName, CRLF kept',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'images:\r\n- name: app\r\n  newName: acme/app # moved\r\n',
    expected: 'images:\r\n- name: app\r\n  newName: acme/app # moved\r\n  newTag: v2\r\n',
  },
  {
    name: 'missing newTag added at the end of a file without final newline',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'images:\n- name: acme/app',
    expected: 'images:\n- name: acme/app\n  newTag: v2',
  },
  {
    name: 'an empty newTag gets its value after the colon',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'images:\n- name: acme/app\n  newTag:\n- name: b\n',
    expected: 'images:\n- name: acme/app\n  newTag: v2\n- name: b\n',
  },
  {
    name: 'an empty newTag before a comment keeps the comment apart',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'images:\n- name: acme/app\n  newTag: # set by CI\n',
    expected: 'images:\n- name: acme/app\n  newTag: v2 # set by CI\n',
  },
  {
    name: 'numeric-looking tags are quoted: 1.20',
    target: { image: 'nginx', tag: '1.20' },
    input: 'images:\n- name: nginx\n  newTag: 1.19.2\n',
    expected: 'images:\n- name: nginx\n  newTag: "1.20"\n',
  },
  {
    name: 'numeric-looking tags are quoted: 1e10',
    target: { image: 'nginx', tag: '1e10' },
    input: 'images:\n- name: nginx\n  newTag: v1\n',
    expected: 'images:\n- name: nginx\n  newTag: "1e10"\n',
  },
  {
    name: 'numeric-looking tags are quoted: 0755 (added key too)',
    target: { image: 'nginx', tag: '0755' },
    input: 'images:\n- name: nginx\n',
    expected: 'images:\n- name: nginx\n  newTag: "0755"\n',
  },
  {
    name: 'a plain 1.20 that YAML reads as 1.2 is not the tag 1.20: it gets quoted',
    target: { image: 'nginx', tag: '1.20' },
    input: 'images:\n- name: nginx\n  newTag: 1.20\n',
    expected: 'images:\n- name: nginx\n  newTag: "1.20"\n',
  },
  {
    name: 'stale digest line removed, as kustomize edit set image does',
    target: { image: 'acme/app', tag: 'v2' },
    input: `images:\n- name: acme/app\n  newTag: v1\n  digest: ${OLD} # pinned\n- name: other\n`,
    expected: 'images:\n- name: acme/app\n  newTag: v2\n- name: other\n',
    note: /stale digest sha256:a+ removed/,
  },
  {
    name: 'stale digest removed on the last line without newline (CRLF)',
    target: { image: 'acme/app', tag: 'v2' },
    input: `images:\r\n- name: acme/app\r\n  newTag: v1\r\n  digest: ${OLD}`,
    expected: 'images:\r\n- name: acme/app\r\n  newTag: v2',
  },
  {
    name: 'new digest replaces the old one',
    target: { image: 'acme/app', tag: 'v2', digest: NEW },
    input: `images:\n- name: acme/app\n  newTag: v1\n  digest: '${OLD}'\n`,
    expected: `images:\n- name: acme/app\n  newTag: v2\n  digest: '${NEW}'\n`,
  },
  {
    name: 'digest added after newTag',
    target: { image: 'acme/app', tag: 'v2', digest: NEW },
    input: 'images:\n- name: acme/app\n  newTag: v1\n',
    expected: `images:\n- name: acme/app\n  newTag: v2\n  digest: ${NEW}\n`,
  },
  {
    name: 'newTag and digest added together',
    target: { image: 'acme/app', tag: 'v2', digest: NEW },
    input: 'images:\n- name: acme/app\n',
    expected: `images:\n- name: acme/app\n  newTag: v2\n  digest: ${NEW}\n`,
  },
  {
    name: 'digest carried inside newTag stays there',
    target: { image: 'acme/app', tag: 'v2', digest: NEW },
    input: `images:\n- name: acme/app\n  newTag: v1@${OLD}\n`,
    expected: `images:\n- name: acme/app\n  newTag: v2@${NEW}\n`,
  },
  {
    name: 'digest inside newTag dropped when stale',
    target: { image: 'acme/app', tag: 'v2' },
    input: `images:\n- name: acme/app\n  newTag: v1@${OLD}\n`,
    expected: 'images:\n- name: acme/app\n  newTag: v2\n',
    note: /stale digest/,
  },
  {
    name: 'flow map entry gets its key inside the braces',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'images: [{name: acme/app}, {name: b, newTag: x}]\n',
    expected: 'images: [{name: acme/app, newTag: v2}, {name: b, newTag: x}]\n',
  },
  {
    name: 'a named container leaves kustomize entries alone, with a warning',
    target: { image: 'acme/app', tag: 'v2', container: 'app' },
    input: 'images:\n- name: acme/app\n  newTag: v1\n',
    expected: 'images:\n- name: acme/app\n  newTag: v1\n',
    warning: /applies to every container/,
  },
  {
    name: 'already at the target: nothing changes',
    target: { image: 'acme/app', tag: 'v1', digest: OLD },
    input: `images:\n- name: acme/app\n  newTag: v1\n  digest: ${OLD}\n`,
    expected: `images:\n- name: acme/app\n  newTag: v1\n  digest: ${OLD}\n`,
  },
  {
    name: 'anchored tag edited at its anchor once',
    target: { image: 'acme/app', tag: 'v2' },
    input: 'images:\n- name: acme/app\n  newTag: &t v1\n- name: acme/app\n  newTag: *t\n',
    expected: 'images:\n- name: acme/app\n  newTag: &t v2\n- name: acme/app\n  newTag: *t\n',
  },
];

describe('kustomize images:', () => {
  for (const { name, target, input, expected, path, note, warning } of cases) {
    test(name, () => {
      const file = path ?? 'overlays/dev/kustomization.yaml';
      const plan = planBump([{ path: file, text: input }], target);
      assert.equal(plan.files[0]?.newText ?? input, expected);
      if (note)
        assert.ok(
          plan.changes.some((change) => note.test(change.note ?? '')),
          JSON.stringify(plan.changes),
        );
      if (warning)
        assert.ok(
          plan.warnings.some((message) => warning.test(message)),
          plan.warnings.join('\n'),
        );
    });
  }

  for (const path of ['kustomization.yml', 'base/Kustomization']) {
    test(`${path} is a kustomization`, () => {
      const plan = planBump([{ path, text: 'images:\n- name: acme/app\n  newTag: v1\n' }], {
        image: 'acme/app',
        tag: 'v2',
      });
      assert.deepEqual(
        plan.changes.map((change) => change.path),
        ['images[0].newTag'],
      );
    });
  }

  test('images: in a file that is not a kustomization is not touched', () => {
    const plan = planBump([{ path: 'notes.yaml', text: 'images:\n- name: acme/app\n  newTag: v1\n' }], {
      image: 'acme/app',
      tag: 'v2',
    });
    assert.equal(plan.references, 0);
  });

  test('added and removed keys are reported on their lines', () => {
    const plan = planBump([{ path: 'kustomization.yaml', text: `images:\n- name: acme/app\n  digest: ${OLD}\n` }], {
      image: 'acme/app',
      tag: 'v2',
    });
    assert.deepEqual(
      plan.changes
        .map(({ line, path, old, new: value }) => ({ line, path, old, new: value }))
        .sort((a, b) => a.path.localeCompare(b.path)),
      [
        { line: 3, path: 'images[0].digest', old: OLD, new: '' },
        { line: 3, path: 'images[0].newTag', old: '', new: 'v2' },
      ],
    );
    assert.equal(plan.files[0]?.newText, 'images:\n- name: acme/app\n  newTag: v2\n');
  });
});
