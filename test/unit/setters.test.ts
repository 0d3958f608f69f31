import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import {
  isSetterCandidatePath,
  latestImageFromReference,
  markedScalars,
  markerId,
  parseSetterMarker,
  planSetters,
  type LatestImage,
  type SetterMarker,
} from '../../src/core/setters/index.js';
import { isUserError } from '../../src/core/errors.js';

describe('parseSetterMarker', () => {
  const cases: [string, SetterMarker | undefined][] = [
    [' {"$imagepolicy": "flux-system:app"}', { namespace: 'flux-system', name: 'app', field: 'full' }],
    ['{"$imagepolicy": "flux-system:app:tag"}', { namespace: 'flux-system', name: 'app', field: 'tag' }],
    ['{"$imagepolicy": "flux-system:app:name"}', { namespace: 'flux-system', name: 'app', field: 'name' }],
    ['{"$imagepolicy": "flux-system:app:digest"}', { namespace: 'flux-system', name: 'app', field: 'digest' }],
    ['# {"$imagepolicy": "ns:app"}', { namespace: 'ns', name: 'app', field: 'full' }],
    ['{"$imagepolicy":"ns:app"}  ', { namespace: 'ns', name: 'app', field: 'full' }],
    ['{"$imagepolicy": "ns:app", "note": "kept by Flux"}', { namespace: 'ns', name: 'app', field: 'full' }],
    ['{"$imagepolicy": "ns:app", "replicas": 3}', undefined],
    ['{"$imagepolicy": "ns:app:other"}', undefined],
    ['{"$imagepolicy": "ns:app:tag:extra"}', undefined],
    ['{"$imagepolicy": "app"}', undefined],
    ['{"$imagepolicy": ":app"}', undefined],
    ['{"$imagepolicy": "ns:"}', undefined],
    ['{"$imagepolicy": 1}', undefined],
    ['{"$imagepolicy": ns:app}', undefined],
    ['{"$ref": "ns:app"}', undefined],
    ['["ns:app"]', undefined],
    ['"$imagepolicy": "ns:app"', undefined],
    [' uses the same image', undefined],
    [' {"$imagepolicy":\n "ns:app"}', undefined],
    ['', undefined],
  ];
  for (const [comment, expected] of cases) {
    test(JSON.stringify(comment), () => assert.deepEqual(parseSetterMarker(comment), expected));
  }
});

describe('isSetterCandidatePath', () => {
  const cases: [string, boolean][] = [
    ['deploy.yaml', true],
    ['apps/kustomization.yml', true],
    ['Kustomization', true],
    ['apps/Kustomization', true],
    ['apps/MyKustomization', false],
    ['kustomization', false],
    ['values.json', false],
    ['deploy.yaml.bak', false],
  ];
  for (const [path, expected] of cases) test(path, () => assert.equal(isSetterCandidatePath(path), expected));
});

describe('latestImageFromReference', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const cases: [string, LatestImage][] = [
    ['index.repo.fake/updated:v1.0.1', { name: 'index.repo.fake/updated', tag: 'v1.0.1' }],
    ['helloworld:1.0.1', { name: 'helloworld', tag: '1.0.1' }],
    ['localhost:5000/team/app:1', { name: 'localhost:5000/team/app', tag: '1' }],
    [`ghcr.io/acme/app:1.2.3@${digest}`, { name: 'ghcr.io/acme/app', tag: '1.2.3', digest }],
  ];
  for (const [ref, expected] of cases) test(ref, () => assert.deepEqual(latestImageFromReference(ref), expected));
  for (const ref of ['ghcr.io/acme/app', `app@${digest}`, 'acme/App:1', 'app:bad tag', '']) {
    test(`${JSON.stringify(ref)} is refused`, () => assert.throws(() => latestImageFromReference(ref), isUserError));
  }
});

const policies = new Map<string, LatestImage>([
  ['ns:app', { name: 'ghcr.io/acme/app', tag: '1.2.3' }],
  ['ns:numeric', { name: 'acme/numeric', tag: '1.20' }],
  ['ns:pinned', { name: 'acme/pinned', tag: '2.0.0', digest: `sha256:${'b'.repeat(64)}` }],
]);

describe('markedScalars: marked values with their paths, as Flux reads markers', () => {
  const cases: [string, string[], [(string | number)[], string][]][] = [
    [
      'the line comment wins over the head comment',
      ['# {"$imagepolicy": "ns:head"}', 'image: app:1 # {"$imagepolicy": "ns:line"}'],
      [[['image'], 'ns:line']],
    ],
    [
      'a head comment above a sequence item; keys as written',
      [
        'spec:',
        '  containers:',
        '    # {"$imagepolicy": "ns:app"}',
        '    - app:1',
        '  "a.b": v1 # {"$imagepolicy": "ns:app:tag"}',
      ],
      [
        [['spec', 'containers', 0], 'ns:app'],
        [['spec', 'a.b'], 'ns:app:tag'],
      ],
    ],
    [
      'a block scalar marked on its header',
      ['patch: | # {"$imagepolicy": "ns:app"}', '  app:1'],
      [[['patch'], 'ns:app']],
    ],
    ['two comment lines are not one marker', ['# note', '# {"$imagepolicy": "ns:app"}', 'image: app:1'], []],
    ['a marker on a map, not a scalar, marks nothing', ['image: # {"$imagepolicy": "ns:app"}', '  tag: 1'], []],
  ];
  for (const [name, lines, expected] of cases) {
    test(name, () => {
      const source = `${lines.join('\n')}\n`;
      const found = [...markedScalars(source, parseDocument(source).contents)];
      assert.deepEqual(
        found.map(({ path, marker }) => [path, markerId(marker)]),
        expected,
      );
    });
  }
});

describe('planSetters rewrites marked values and nothing else', () => {
  const cases: { name: string; source: string; expected: string; changes?: [string, number, string, string][] }[] = [
    {
      name: 'full setter on a line comment',
      source: 'image: app:1.0.0 # {"$imagepolicy": "ns:app"}\n',
      expected: 'image: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "ns:app"}\n',
      changes: [['image', 1, 'app:1.0.0', 'ghcr.io/acme/app:1.2.3']],
    },
    {
      name: 'tag, name and digest setters in kustomize images',
      source: [
        'images:',
        '  - name: app',
        '    newName: app # {"$imagepolicy": "ns:pinned:name"}',
        '    newTag: v1 # {"$imagepolicy": "ns:pinned:tag"}',
        '    digest: sha256:0 # {"$imagepolicy": "ns:pinned:digest"}',
        '',
      ].join('\n'),
      expected: [
        'images:',
        '  - name: app',
        '    newName: acme/pinned # {"$imagepolicy": "ns:pinned:name"}',
        '    newTag: 2.0.0 # {"$imagepolicy": "ns:pinned:tag"}',
        `    digest: sha256:${'b'.repeat(64)} # {"$imagepolicy": "ns:pinned:digest"}`,
        '',
      ].join('\n'),
      changes: [
        ['images[0].newName', 3, 'app', 'acme/pinned'],
        ['images[0].newTag', 4, 'v1', '2.0.0'],
        ['images[0].digest', 5, 'sha256:0', `sha256:${'b'.repeat(64)}`],
      ],
    },
    {
      name: 'a full setter writes the digest when the policy has one',
      source: 'image: x # {"$imagepolicy": "ns:pinned"}\n',
      expected: `image: acme/pinned:2.0.0@sha256:${'b'.repeat(64)} # {"$imagepolicy": "ns:pinned"}\n`,
    },
    {
      name: 'head comment, the only comment line above the key',
      source: 'spec:\n  # {"$imagepolicy": "ns:app"}\n  image: app:1.0.0\n',
      expected: 'spec:\n  # {"$imagepolicy": "ns:app"}\n  image: ghcr.io/acme/app:1.2.3\n',
      changes: [['spec.image', 3, 'app:1.0.0', 'ghcr.io/acme/app:1.2.3']],
    },
    {
      name: 'head comment above a sequence item',
      source: 'images:\n  # {"$imagepolicy": "ns:app"}\n  - app:1.0.0\n',
      expected: 'images:\n  # {"$imagepolicy": "ns:app"}\n  - ghcr.io/acme/app:1.2.3\n',
    },
    {
      name: 'a head comment of two lines is not a marker',
      source: 'spec:\n  # the app\n  # {"$imagepolicy": "ns:app"}\n  image: app:1.0.0\n',
      expected: 'spec:\n  # the app\n  # {"$imagepolicy": "ns:app"}\n  image: app:1.0.0\n',
    },
    {
      name: 'a marker on the line above a blank line does not reach the key',
      source: 'spec:\n  # {"$imagepolicy": "ns:app"}\n\n  image: app:1.0.0\n',
      expected: 'spec:\n  # {"$imagepolicy": "ns:app"}\n\n  image: app:1.0.0\n',
    },
    {
      name: 'a plain value that would read as a number is quoted',
      source: 'tag: v1 # {"$imagepolicy": "ns:numeric:tag"}\n',
      expected: 'tag: "1.20" # {"$imagepolicy": "ns:numeric:tag"}\n',
    },
    {
      name: 'quote styles are kept',
      source: 'a: "1.0" # {"$imagepolicy": "ns:numeric:tag"}\nb: \'x\' # {"$imagepolicy": "ns:app:tag"}\n',
      expected: 'a: "1.20" # {"$imagepolicy": "ns:numeric:tag"}\nb: \'1.2.3\' # {"$imagepolicy": "ns:app:tag"}\n',
    },
    {
      name: 'a numeric old value is reported as written',
      source: 'tag: 16 # {"$imagepolicy": "ns:app:tag"}\n',
      expected: 'tag: 1.2.3 # {"$imagepolicy": "ns:app:tag"}\n',
      changes: [['tag', 1, '16', '1.2.3']],
    },
    {
      name: 'CRLF endings and a BOM survive',
      source: '\uFEFFa: 1\r\nimage: app:1 # {"$imagepolicy": "ns:app"}\r\nb: 2\r\n',
      expected: '\uFEFFa: 1\r\nimage: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "ns:app"}\r\nb: 2\r\n',
      changes: [['image', 2, 'app:1', 'ghcr.io/acme/app:1.2.3']],
    },
    {
      name: 'non-indented sequences and several markers in several documents',
      source: [
        'spec:',
        '  containers:',
        '  - name: a',
        '    image: app:1 # {"$imagepolicy": "ns:app"}',
        '  - name: b',
        '    image: other:1 # {"$imagepolicy": "ns:numeric"}',
        '---',
        'image: app:1 # {"$imagepolicy": "ns:app"}',
        '...',
        '',
      ].join('\n'),
      expected: [
        'spec:',
        '  containers:',
        '  - name: a',
        '    image: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "ns:app"}',
        '  - name: b',
        '    image: acme/numeric:1.20 # {"$imagepolicy": "ns:numeric"}',
        '---',
        'image: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "ns:app"}',
        '...',
        '',
      ].join('\n'),
      changes: [
        ['spec.containers[0].image', 4, 'app:1', 'ghcr.io/acme/app:1.2.3'],
        ['spec.containers[1].image', 6, 'other:1', 'acme/numeric:1.20'],
        ['image', 8, 'app:1', 'ghcr.io/acme/app:1.2.3'],
      ],
    },
    {
      name: 'a single-line block scalar keeps its header and comment',
      source: 'image: | # {"$imagepolicy": "ns:app"}\n  app:1\nnext: x\n',
      expected: 'image: | # {"$imagepolicy": "ns:app"}\n  ghcr.io/acme/app:1.2.3\nnext: x\n',
    },
    {
      name: 'an anchored value is edited, the alias is not',
      source: 'a: &img app:1 # {"$imagepolicy": "ns:app"}\nb: *img\n',
      expected: 'a: &img ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "ns:app"}\nb: *img\n',
    },
    {
      name: 'a comment that is not a marker, and a key, are left alone',
      source: 'image: app:1 # {"other": "ns:app"}\n? k # {"$imagepolicy": "ns:app"}\n: v\n',
      expected: 'image: app:1 # {"other": "ns:app"}\n? k # {"$imagepolicy": "ns:app"}\n: v\n',
    },
    {
      name: 'a marker for a policy not given is ignored',
      source: 'image: user:1 # {"$imagepolicy": "other-namespace:app"}\n',
      expected: 'image: user:1 # {"$imagepolicy": "other-namespace:app"}\n',
    },
  ];
  for (const { name, source, expected, changes } of cases) {
    test(name, () => {
      const plan = planSetters([{ path: 'f.yaml', text: source }], policies);
      assert.deepEqual(plan.warnings, []);
      const written = plan.files.find((file) => file.path === 'f.yaml');
      assert.equal(written?.text ?? source, expected);
      assert.equal(written !== undefined, expected !== source, 'a file is in files exactly when it changes');
      assert.equal(plan.changes.length > 0, expected !== source);
      if (changes) {
        assert.deepEqual(
          plan.changes.map((change) => [change.path, change.line, change.old, change.new]),
          changes,
        );
      }
    });
  }
});

describe('planSetters across files', () => {
  test('only changed files are returned; unchanged values are not reported', () => {
    const plan = planSetters(
      [
        { path: 'same.yaml', text: 'image: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "ns:app"}\n' },
        { path: 'old.yaml', text: 'image: app:1 # {"$imagepolicy": "ns:app:tag"}\n' },
        { path: 'none.yaml', text: 'image: app:1\n' },
      ],
      policies,
    );
    assert.deepEqual(
      plan.files.map((file) => file.path),
      ['old.yaml'],
    );
    assert.deepEqual(
      plan.changes.map((change) => [change.file, change.policy, change.old, change.new]),
      [['old.yaml', 'ns:app:tag', 'app:1', '1.2.3']],
    );
  });

  // All or nothing, as a bump: [name, files, error] where a file that may hold a given policy's marker cannot be read.
  const refused: [string, Record<string, string>, RegExp][] = [
    [
      'a marked file that does not parse',
      { 'broken.yaml': 'a: [\nimage: app:1 # {"$imagepolicy": "ns:app"}\n' },
      /broken\.yaml:2: not valid YAML: .*it may hold markers of ns:app, so nothing was written/,
    ],
    [
      'a marked file that repeats a key',
      { 'dup.yaml': 'image: app:1 # {"$imagepolicy": "ns:app"}\nimage: app:1\n' },
      /dup\.yaml:2: duplicate key "image" \(first at line 1\).*nothing was written/,
    ],
    [
      "a :tag marker's file holding a NUL",
      { 'nul.yaml': 'tag: 1 # {"$imagepolicy": "ns:app:tag"}\nnote: a\u0000b\n' },
      /nul\.yaml:2: not valid YAML: control character U\+0000 is not allowed/,
    ],
    [
      'a marked multi-line block scalar',
      { 'b.yaml': 'image: | # {"$imagepolicy": "ns:app"}\n  app:1\n  more\n' },
      /b\.yaml:1: a multi-line block scalar cannot hold an image reference/,
    ],
  ];
  for (const [name, files, error] of refused) {
    test(`nothing is planned when ${name}`, () => {
      const all = [...Object.entries(files), ['ok.yaml', 'image: app:1 # {"$imagepolicy": "ns:app"}\n']].map(
        ([path, text]) => ({ path: path as string, text: text as string }),
      );
      assert.throws(() => planSetters(all, policies), error);
    });
  }

  test("a file that does not parse and holds no given policy's marker is skipped with a warning; others change", () => {
    const plan = planSetters(
      [
        { path: 'broken.yaml', text: 'a: [\nimage: app:1 # {"$imagepolicy": "other:app"}\n' },
        { path: 'unscreened.yaml', text: 'a: [\n' },
        { path: 'ok.yaml', text: 'image: app:1 # {"$imagepolicy": "ns:app"}\n' },
      ],
      policies,
    );
    assert.deepEqual(
      plan.files.map((file) => file.path),
      ['ok.yaml'],
    );
    assert.equal(plan.warnings.length, 1);
    assert.match(
      plan.warnings[0] ?? '',
      /^broken\.yaml:\d+: not valid YAML: .*skipped \(no marker of a given policy in it\)$/,
    );
  });

  const undecodable: [string, string, RegExp][] = [
    [
      'one the setters would change',
      '# caf\uFFFD\nimage: app:1 # {"$imagepolicy": "ns:app"}\n',
      /^latin1\.yaml: not valid UTF-8, so it cannot be edited byte for byte; the setters would change image \(line 2\), left alone/,
    ],
    [
      'one already current',
      '# caf\uFFFD\nimage: ghcr.io/acme/app:1.2.3 # {"$imagepolicy": "ns:app"}\n',
      /^latin1\.yaml: not valid UTF-8, so it cannot be edited byte for byte; skipped$/,
    ],
  ];
  for (const [name, text, warning] of undecodable) {
    test(`a file that is not valid UTF-8 is never written: ${name}`, () => {
      const plan = planSetters([{ path: 'latin1.yaml', text, invalidUtf8: true }], policies);
      assert.deepEqual(plan.files, []);
      assert.deepEqual(plan.changes, []);
      assert.equal(plan.warnings.length, 1);
      assert.match(plan.warnings[0] ?? '', warning);
    });
  }

  test('a digest setter for a policy without a digest is left alone with a warning', () => {
    const text = 'digest: sha256:0 # {"$imagepolicy": "ns:app:digest"}\n';
    const plan = planSetters([{ path: 'd.yaml', text }], policies);
    assert.deepEqual(plan.files, []);
    assert.deepEqual(plan.warnings, ['d.yaml:1: policy ns:app:digest has no digest; value left as it is']);
  });
});
