// The fast reader of plain block YAML (src/core/yaml/fast-parse.ts) against the `yaml` library it
// stands in for: on every text it accepts, the documents must be the library's, node for node
// (classes, values, scalar styles, source, format, flow, ranges). Texts come from the repository's
// own YAML (workflows, examples, fixtures) and from a seeded generator of manifests in and just
// outside the subset; the test also checks the subset is not empty (a reader that gives up on
// everything would pass the comparison) and that what it must give up on, it does.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { parsePlainYamlStream } from '../../src/core/yaml/fast-parse.js';
import { parseYamlStream } from '../../src/core/yaml/parse.js';
import { seededRandom } from '../integration/bump-fixtures.js';
import { generateYaml } from './fixtures/yaml-generator.js';

const root = new URL('../..', import.meta.url).pathname;

/** What a reader of the documents can see of a node, comments aside. */
function shape(node: unknown): unknown {
  if (isMap(node)) {
    return {
      map: node.items.map((pair) => [shape(pair.key), shape(pair.value)]),
      flow: node.flow ?? false,
      range: node.range,
      anchor: node.anchor,
      tag: node.tag,
    };
  }
  if (isSeq(node)) {
    return {
      seq: node.items.map(shape),
      flow: node.flow ?? false,
      range: node.range,
      anchor: node.anchor,
      tag: node.tag,
    };
  }
  if (isScalar(node)) {
    return {
      value: node.value,
      valueType: typeof node.value,
      source: node.source,
      type: node.type,
      format: node.format,
      range: node.range,
      anchor: node.anchor,
      tag: node.tag,
      constructor: node.constructor.name,
    };
  }
  return { other: String(node) };
}

function documentsShape(documents: readonly Document.Parsed[]) {
  return documents.map((document) => ({
    contents: shape(document.contents),
    range: document.range,
    docStart: document.directives.docStart ?? null,
    errors: document.errors.length,
    warnings: document.warnings.length,
    value: JSON.stringify(document.toJS()),
  }));
}

const LIBRARY_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false } as const;

/** Compares the fast reader with the library on one text; returns whether the fast reader took it. */
function agrees(text: string, label: string): boolean {
  const fast = parsePlainYamlStream(text);
  if (fast === undefined) return false;
  const library = parseAllDocuments(text, LIBRARY_OPTIONS) as Document.Parsed[] | { errors: unknown[] };
  assert.ok(Array.isArray(library), `${label}: the fast reader read a text the library finds empty`);
  assert.deepEqual(documentsShape(fast), documentsShape(library), `${label}:\n${text}`);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

const WORKLOAD = `# svc-1: generated for the benchmark
apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-1
  labels: {app: svc-1}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: svc-1
  template:
    metadata:
      labels:
        app: svc-1
    spec:
      containers:
        - name: svc-1
          image: ghcr.io/acme/target:1.0.0
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
`;

describe('fast YAML reader', () => {
  it('resolves words that start with a letter as the library does: the null and bool spellings, and strings', () => {
    const words = ['null', 'Null', 'NULL', 'nULL', 'nulls', 'n', 'N', 'true', 'True', 'TRUE', 'tRUE', 'trueish'];
    words.push(
      't',
      'false',
      'False',
      'FALSE',
      'fALSE',
      'f',
      'F',
      'falsey',
      'target',
      'nginx',
      'no',
      'yes',
      'on',
      'Off',
    );
    words.push('nan', 'NaN', 'tilde~', 'fix-1');
    for (const word of words) {
      assert.equal(agrees(`${word}: ${word}\nlist:\n  - ${word}\nflow: {k: ${word}}\n`, word), true, word);
    }
  });

  it('reads a typical workload, a kustomization and a multi-document file exactly as the library does', () => {
    assert.equal(agrees(WORKLOAD, 'workload'), true);
    const kustomization = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- deployment.yaml
- service.yaml
images:
- name: ghcr.io/acme/app
  newTag: "1.2.3" # pinned
`;
    assert.equal(agrees(kustomization, 'kustomization'), true);
    assert.equal(
      agrees(`${WORKLOAD}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n`, 'two documents'),
      true,
    );
    assert.equal(agrees(`---\na: 1\n---\nb: [x, 'y']\n`, 'markers'), true);
  });

  it('gives up on what it does not read, leaving it to the library', () => {
    const outside = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: >-\n  text\n',
      'a: one\n  two\n',
      'a: "two\n  lines"\n',
      'a: "esc\\n"\n',
      '"quoted": key\n',
      '? explicit\n: key\n',
      'a:\tb\n',
      'a: b\r\n',
      '\uFEFFa: b\n',
      '%YAML 1.2\n---\na: b\n',
      'a: b\n...\n',
      'a: b\n---\n',
      '--- a\n',
      'plain scalar document\n',
      '<<: {a: 1}\n',
      'a: [b,\n  c]\n',
      'a: b\n# trailing\n',
      '',
    ];
    for (const text of outside) assert.equal(parsePlainYamlStream(text), undefined, JSON.stringify(text));
  });

  it('agrees with the library on every YAML file of the repository it reads, and reads most of them', () => {
    let read = 0;
    const files = [
      ...yamlFiles(join(root, 'examples')),
      ...yamlFiles(join(root, 'test')),
      ...yamlFiles(join(root, '.github')),
    ];
    for (const file of [...files, join(root, 'action.yml'), ...yamlFiles(join(root, 'actions'))]) {
      if (agrees(readFileSync(file, 'utf8'), file)) read++;
    }
    assert.ok(files.length >= 20, `only ${files.length} YAML files found`);
    assert.ok(read >= files.length / 4, `the fast reader took only ${read} of ${files.length} files`);
  });

  it("agrees with the library on the Kubernetes project's own YAML, in the Go module cache", (t) => {
    // Kubernetes' manifests, test data and workflows (about 7,000 files), present once the local
    // cluster has been built from the Go module proxy (npm run local-cluster:build).
    const cache = process.env['GOMODCACHE'] || join(homedir(), 'go/pkg/mod');
    const roots = ['k8s.io', 'sigs.k8s.io'].map((dir) => join(cache, dir)).filter((dir) => existsSync(dir));
    if (roots.length === 0) {
      t.skip(`no Kubernetes sources in ${cache} (npm run local-cluster:build puts them there)`);
      return;
    }
    const files = roots.flatMap(yamlFiles);
    let read = 0;
    for (const file of files) if (agrees(readFileSync(file, 'utf8'), file)) read++;
    t.diagnostic(`fast reader: ${read} of ${files.length} files`);
    assert.ok(read >= files.length / 2, `the fast reader took only ${read} of ${files.length} files`);
  });

  it('agrees with the library on 3,000 generated documents, and takes a fair share of them', () => {
    let read = 0;
    const count = 3000;
    for (let seed = 1; seed <= count; seed++) {
      if (agrees(generateYaml(seededRandom(seed)), `seed ${seed}`)) read++;
    }
    console.log(`fast reader: ${read} of ${count} generated documents`);
    assert.ok(read >= count / 3, `the fast reader took only ${read} of ${count} generated documents`);
  });

  it('parseYamlStream takes the fast path and still refuses duplicate keys and forbidden characters', () => {
    assert.notEqual(parsePlainYamlStream('a: 1\na: 2\n'), undefined);
    assert.throws(
      () => parseYamlStream('dup.yaml', 'a: 1\nb: 2\na: 3\n'),
      /dup\.yaml:3: duplicate key "a" \(first at line 1\)/,
    );
    assert.throws(
      () => parseYamlStream('nul.yaml', 'a: b\u0000\n'),
      /nul\.yaml:1: not valid YAML: control character U\+0000/,
    );
    const [document] = parseYamlStream('w.yaml', WORKLOAD);
    assert.equal(
      JSON.stringify(document?.toJS().spec.template.spec.containers[0].image),
      '"ghcr.io/acme/target:1.0.0"',
    );
  });
});
