// The YAML layer every reader shares (manifests, setters, .github/promotion.yml): repeated keys,
// characters YAML forbids and syntax errors are errors naming file and line, in one clean line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePromotionConfig } from '../../src/core/config/index.js';
import { planBump } from '../../src/core/manifest/index.js';
import { parseYamlStream } from '../../src/core/yaml/parse.js';

describe('parseYamlStream refuses', () => {
  // [name, text, message]
  const table: [string, string, RegExp][] = [
    ['a repeated top-level key', 'a: 1\nb: 2\na: 3\n', /^f\.yaml:3: duplicate key "a" \(first at line 1\)/],
    [
      'a repeated key in a nested map',
      'spec:\n  containers:\n    - name: app\n      image: x:1\n      image: x:2\n',
      /^f\.yaml:5: duplicate key "image" \(first at line 4\)/,
    ],
    ['a repeated key in a flow map', 'a: {x: 1, x: 2}\n', /^f\.yaml:1: duplicate key "x"/],
    [
      'a repeated key in a later document',
      'a: 1\n---\nb: 1\nb: 2\n',
      /^f\.yaml:4: duplicate key "b" \(first at line 3\)/,
    ],
    ['a raw NUL', 'a: b\u0000c\n', /^f\.yaml:1: not valid YAML: control character U\+0000 is not allowed/],
    ['a raw BEL on line 2', 'a: 1\nb: x\u0007\n', /^f\.yaml:2: not valid YAML: control character U\+0007/],
    ['a raw DEL', 'a: \u007f\n', /control character U\+007F/],
    ['a C1 control', 'a: \u0090\n', /control character U\+0090/],
    ['an unpaired surrogate', 'a: \uD800x\n', /control character U\+D800/],
  ];
  for (const [name, text, message] of table) {
    test(name, () => {
      assert.throws(
        () => parseYamlStream('f.yaml', text),
        (error: Error) => message.test(error.message),
      );
    });
  }
});

describe('parseYamlStream accepts', () => {
  const table: [string, string][] = [
    ['the same key in sibling maps', 'a: {x: 1}\nb: {x: 1}\n'],
    ['repeated merge keys', 'base: &b {x: 1}\nc: &c {y: 1}\nd:\n  <<: *b\n  <<: *c\n'],
    ['1 and "1" (different keys)', '1: a\n"1": b\n'],
    ['tab, CR, NEL, BOM and an emoji', '\uFEFFa: "x\ty"\r\nb: "\u0085 \u{1F600}"\r\n'],
    ['an escaped NUL in double quotes (valid YAML)', 'a: "b\\0c"\n'],
  ];
  for (const [name, text] of table) {
    test(name, () => {
      assert.ok(parseYamlStream('f.yaml', text).length >= 1);
    });
  }
});

describe('syntax errors end cleanly', () => {
  const table: [string, string, RegExp][] = [
    ['an unclosed flow sequence', 'a: [\n', /^f\.yaml:2: not valid YAML: Flow sequence .* \(column 1\)$/],
    [
      'misaligned keys',
      'x:\n  y: 1\n z: 2\n',
      /^f\.yaml:3: not valid YAML: All mapping items must start at the same column \(column 1\)$/,
    ],
  ];
  for (const [name, text, message] of table) {
    test(name, () => {
      assert.throws(
        () => parseYamlStream('f.yaml', text),
        (error: Error) =>
          message.test(error.message) &&
          !/at line \d+, column \d+:/.test(error.message) &&
          !error.message.includes('\n'),
      );
    });
  }
});

describe('bump: a referencing manifest with a repeated key is an error; nothing is planned', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:1
          image: ghcr.io/acme/app:0
`;
  test('two image: keys name the file, line and key', () => {
    assert.throws(
      () =>
        planBump(
          [
            {
              path: 'ok.yaml',
              text: 'kind: Pod\nspec:\n  containers:\n    - name: a\n      image: ghcr.io/acme/app:1\n',
            },
            { path: 'deploy.yaml', text: deployment },
          ],
          { image: 'ghcr.io/acme/app', tag: '2' },
        ),
      /deploy\.yaml:11: duplicate key "image" \(first at line 10\)/,
    );
  });
  test('a file with a repeated key that does not reference the image is skipped with a warning', () => {
    const plan = planBump(
      [
        { path: 'ok.yaml', text: 'kind: Pod\nspec:\n  containers:\n    - name: a\n      image: ghcr.io/acme/app:1\n' },
        { path: 'other.yaml', text: 'kind: Pod # runs beside app\nmetadata: {name: b}\nmetadata: {name: c}\n' },
      ],
      { image: 'ghcr.io/acme/app', tag: '2' },
    );
    assert.deepEqual(
      plan.files.map((file) => file.path),
      ['ok.yaml'],
    );
    assert.match(plan.warnings.join('\n'), /other\.yaml:3: duplicate key "metadata".*skipped/);
  });
  test('a referencing manifest with a raw control character is never written', () => {
    assert.throws(
      () =>
        planBump(
          [
            {
              path: 'pod.yaml',
              text: 'kind: Pod\nmetadata:\n  name: a\u0000\nspec:\n  containers:\n    - name: a\n      image: ghcr.io/acme/app:1\n',
            },
          ],
          { image: 'ghcr.io/acme/app', tag: '2' },
        ),
      /pod\.yaml:3: not valid YAML: control character U\+0000/,
    );
  });
});

describe('.github/promotion.yml with a repeated key is an error naming file, line and key', () => {
  const table: [string, string, RegExp][] = [
    [
      'two environments: keys',
      'environments:\n  - {name: dev, path: releases/dev, tags: "glob:*"}\nenvironments:\n  - {name: dev, path: releases/prod, tags: "glob:*"}\napps: {}\n',
      /^\.github\/promotion\.yml:3: duplicate key "environments" \(first at line 1\)/,
    ],
    [
      'two path: keys in one environment',
      'environments:\n  - name: dev\n    path: releases/dev\n    path: releases/prod\n    tags: "glob:*"\napps: {}\n',
      /^\.github\/promotion\.yml:4: duplicate key "path" \(first at line 3\)/,
    ],
  ];
  for (const [name, text, message] of table) {
    test(name, () => {
      assert.throws(
        () => parsePromotionConfig(text),
        (error: Error) => message.test(error.message),
      );
    });
  }
});
