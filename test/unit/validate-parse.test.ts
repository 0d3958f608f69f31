// validate's manifest reader (src/core/validate/parse.ts) reads plain block YAML with the fast reader
// and everything else with the `yaml` library. Whichever reads a file, the objects, their lines, the
// line of every path in them and the findings must be what the library alone gives: checked on every
// YAML file of this repository, the bench's generated manifests, seeded documents in and just outside
// the fast reader's subset, and the cases that must go to the library (repeated keys, merge keys,
// syntax errors, anchors, what the library's strict mode refuses).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseManifestFile } from '../../src/core/validate/parse.js';
import { parsePlainYamlStream } from '../../src/core/yaml/fast-parse.js';
import { generateTree } from '../../tools/bench/tree.js';
import { seededRandom } from '../integration/bump-fixtures.js';
import { generateYaml } from './fixtures/yaml-generator.js';

const root = new URL('../..', import.meta.url).pathname;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', '.git', 'dist'].includes(entry.name) ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Every path to a value in `value`: object keys and array indexes. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  return found;
}

function readable(file: string, text: string, reader: 'fast' | 'library') {
  const { objects, findings } = parseManifestFile(file, text, { reader });
  return {
    findings,
    objects: objects.map((object) => ({
      line: object.line,
      value: object.value,
      lines: paths(object.value).map((path) => [path.join('.'), object.lineOf([...path, 'not-there'])]),
    })),
  };
}

function agrees(file: string, text: string): void {
  assert.deepEqual(readable(file, text, 'fast'), readable(file, text, 'library'), file);
}

describe("validate's manifest reader", () => {
  test('reads every YAML file of the repository as the library does, most of them with the fast reader', () => {
    const files = yamlFiles(root);
    assert.ok(files.length > 50, `only ${files.length} YAML files found`);
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (parsePlainYamlStream(text)) fast++;
      agrees(file, text);
    }
    assert.ok(fast > files.length / 2, `the fast reader read only ${fast} of ${files.length} files`);
  });

  test("reads the bench's generated manifests as the library does", () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-parse-'));
    try {
      generateTree(dir, 300, 30, '1.2.3');
      const files = yamlFiles(dir);
      assert.equal(files.length, 300);
      for (const file of files) agrees(file, readFileSync(file, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reads 2,000 generated documents in and just outside the fast subset as the library does', () => {
    let fast = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const text = generateYaml(seededRandom(seed));
      if (parsePlainYamlStream(text)) fast++;
      agrees(`seed ${seed}`, text);
    }
    assert.ok(fast >= 500, `the fast reader read only ${fast} of 2,000 generated documents`);
  });

  const cases: Record<string, string> = {
    'a key repeated in a mapping': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
    'a key repeated deep inside': 'a:\n  - b:\n      c: 1\n      c: 2\n',
    'two merge keys': 'a:\n  <<: {x: 1}\n  <<: {y: 2}\n',
    'a syntax error in the second document': 'a: 1\n---\nb: [1, 2\n',
    'an anchor and an alias': 'a: &x {b: 1}\nc: *x\n',
    'empty and null documents': '---\n---\nnull\n---\na: 1\n',
    'comments and documents': '# head\napiVersion: v1 # trailing\n---\n# only a comment\n---\nkind: Service\n',
    'CRLF line ends': 'apiVersion: v1\r\nkind: ConfigMap\r\ndata:\r\n  a: "1"\r\n',
    // What the library's strict mode refuses, and the fast reader must not let through.
    'a plain value starting with @': 'a: @b\n',
    'a plain value starting with a backtick': 'a: `b`\n',
    'a comment without a space before it': 'a: b#c\nd: e #f\n',
    'a key and value on a continued line': 'a: b\n c: d\n',
    'a tab in indentation': 'a:\n\tb: c\n',
    'an unterminated quote': 'a: "b\n',
    'a key with no value after it': 'a\nb: c\n',
    'a sequence beside a mapping': 'a: b\n- c\n',
    'a flow mapping as a key': '{a: b}: c\n',
    'an indented second key': 'a: 1\n  b: 2\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(`${name}: the same objects, lines and findings`, () => agrees(name, text));
  }

  test('a repeated key is a finding on its line, whichever reader saw the file first', () => {
    const { findings } = parseManifestFile('m.yaml', cases['a key repeated in a mapping']!);
    assert.deepEqual(
      findings.map((finding) => [finding.rule, finding.line]),
      [['duplicate-key', 5]],
    );
  });
});
