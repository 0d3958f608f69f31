import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { visit, type Scalar } from 'yaml';
import {
  applyTextEdits,
  isSafePlainScalar,
  lineAt,
  readsBackAsItselfByLibrary,
  scalarEdit,
  type TextEdit,
} from '../../src/core/yaml/edit.js';
import { parsePlainYamlStream } from '../../src/core/yaml/fast-parse.js';
import { parseYamlStream, documentValue } from '../../src/core/yaml/parse.js';

/** Replaces the scalar whose value is `from` with `to` and returns the new text. */
function replaceScalar(source: string, from: string, to: string): string {
  const edits: TextEdit[] = [];
  for (const document of parseYamlStream('test.yaml', source)) {
    visit(document, {
      Scalar(_key, node: Scalar) {
        if (node.value === from) edits.push(scalarEdit(source, node, to, 'test.yaml'));
      },
    });
  }
  assert.ok(edits.length > 0, `no scalar ${from} in the source`);
  return applyTextEdits(source, edits);
}

describe('isSafePlainScalar', () => {
  const cases: [string, boolean][] = [
    ['1.2.3', true],
    ['dev-abc123-1700000000', true],
    ['nginx:1.25', true],
    ['1.20', false],
    ['1e5', false],
    ['1e10', false],
    ['0x1f', false],
    ['0755', false],
    ['16', false],
    ['yes', false],
    ['on', false],
    ['off', false],
    ['null', false],
    ['~', false],
    ['true', false],
    ['a # b', false],
    ['a: b', false],
    ['', false],
    ['-1', false],
    ['*x', false],
  ];
  for (const [value, safe] of cases) {
    test(`${JSON.stringify(value)} is ${safe ? 'safe' : 'quoted'}`, () =>
      assert.equal(isSafePlainScalar(value, false), safe));
  }
  test('the fast reader answers as the library does, in block and flow context, for every kind of value', () => {
    const values = [
      ...cases.map(([value]) => value),
      ...['2024-01-01', '2001-12-14t21:59:43.10-05:00', '1:20', '190:20:30.15', '0b1010', '+12', '.5', '.inf', '.NaN'],
      ...['Yes', 'NO', 'y', 'n', 'Off', 'ON', 'True', 'FALSE', 'Null', 'NULL', '=', '<<', '1_000', '0o17', '012', '08'],
      ...['v1.2.3', '1.0.0-rc.1+build.5', 'sha256:' + 'a'.repeat(64), 'nginx@sha256:' + 'b'.repeat(64), 'x:y', 'a:b:c'],
      ...[
        '-dash',
        '--flag=1',
        '?q',
        ':x',
        'a,b',
        '[a]',
        '{a}',
        'a]',
        'a}',
        "it's",
        '"q"',
        'a #b',
        'a#b',
        'é-1.0',
        '@x',
        '`x',
      ],
    ];
    let fast = 0;
    for (const value of values) {
      for (const inFlow of [false, true]) {
        assert.equal(
          isSafePlainScalar(value, inFlow),
          readsBackAsItselfByLibrary(value, inFlow),
          `${value} (flow: ${inFlow})`,
        );
        if (parsePlainYamlStream(inFlow ? `[${value}]` : `k: ${value}`) !== undefined) fast++;
      }
    }
    assert.ok(fast >= 40, `the fast reader answered only ${fast} of ${values.length * 2} probes`);
  });
  test('flow context refuses commas and brackets', () => {
    assert.equal(isSafePlainScalar('a,b', true), false);
    assert.equal(isSafePlainScalar('a,b', false), true);
  });
  test('answers are remembered per context and stay right past the memo bound', () => {
    assert.equal(isSafePlainScalar('c,d', false), true);
    assert.equal(isSafePlainScalar('c,d', true), false);
    for (let round = 0; round < 2; round++) {
      for (let filler = 0; filler < 1500; filler++) isSafePlainScalar(`v${round}-${filler}`, filler % 2 === 0);
      for (const [value, safe] of cases)
        assert.equal(isSafePlainScalar(value, false), safe, `${value} (round ${round})`);
      assert.equal(isSafePlainScalar('c,d', true), false);
      assert.equal(isSafePlainScalar('c,d', false), true);
    }
  });
});

describe('scalarEdit keeps everything but the value', () => {
  const cases: { name: string; source: string; from: string; to: string; expected: string }[] = [
    {
      name: 'plain',
      source: 'image: app:1.0 # keep\n',
      from: 'app:1.0',
      to: 'app:1.1',
      expected: 'image: app:1.1 # keep\n',
    },
    { name: 'double quoted', source: 'tag: "1.0"\n', from: '1.0', to: '1.1', expected: 'tag: "1.1"\n' },
    { name: 'single quoted', source: "tag: '1.0'\n", from: '1.0', to: "it's", expected: "tag: 'it''s'\n" },
    { name: 'numeric-looking gets quotes', source: 'tag: v1\n', from: 'v1', to: '1.20', expected: 'tag: "1.20"\n' },
    {
      name: 'CRLF and BOM',
      source: '\uFEFFa: 1\r\ntag: v1\r\nb: 2\r\n',
      from: 'v1',
      to: 'v2',
      expected: '\uFEFFa: 1\r\ntag: v2\r\nb: 2\r\n',
    },
    {
      name: 'flow mapping',
      source: 'c: {image: app:1, x: y}\n',
      from: 'app:1',
      to: 'app:2',
      expected: 'c: {image: app:2, x: y}\n',
    },
    { name: 'flow needs quotes', source: 'c: [v1]\n', from: 'v1', to: 'a,b', expected: 'c: ["a,b"]\n' },
    {
      name: 'anchor kept',
      source: 'a: &img app:1\nb: *img\n',
      from: 'app:1',
      to: 'app:2',
      expected: 'a: &img app:2\nb: *img\n',
    },
    {
      name: 'block literal',
      source: 'a: |\n  app:1\nb: c\n',
      from: 'app:1\n',
      to: 'app:2',
      expected: 'a: |\n  app:2\nb: c\n',
    },
  ];
  for (const { name, source, from, to, expected } of cases) {
    test(name, () => {
      const result = replaceScalar(source, from, to);
      assert.equal(result, expected);
    });
  }
});

describe('applyTextEdits', () => {
  test('identical edits of one span count once', () => {
    assert.equal(
      applyTextEdits('abc', [
        { start: 1, end: 2, text: 'X' },
        { start: 1, end: 2, text: 'X' },
      ]),
      'aXc',
    );
  });
  test('overlapping different edits are a conflict', () => {
    assert.throws(
      () =>
        applyTextEdits('abc', [
          { start: 1, end: 2, text: 'X' },
          { start: 1, end: 2, text: 'Y' },
        ]),
      /conflicting/,
    );
  });
});

describe('parsing safety', () => {
  test('a syntax error names file and line', () => {
    assert.throws(() => parseYamlStream('deploy.yaml', 'a: 1\nb: [\n'), /deploy\.yaml:\d+: not valid YAML/);
  });
  test('billion laughs is an error, not a hang', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const [document] = parseYamlStream('bomb.yaml', lines.join('\n'));
    assert.ok(document);
    assert.throws(() => documentValue('bomb.yaml', document), /bomb\.yaml: .*alias/i);
  });
  test('lineAt counts lines from 1', () => {
    const source = 'a\r\nb\r\nc';
    assert.equal(lineAt(source, 0), 1);
    assert.equal(lineAt(source, source.indexOf('c')), 3);
  });
  test('every document of a stream is returned, empty ones included', () => {
    const documents = parseYamlStream('multi.yaml', 'a: 1\n---\nb: 2\n...\n---\n');
    assert.deepEqual(
      documents.map((document) => documentValue('multi.yaml', document)),
      [{ a: 1 }, { b: 2 }, null],
    );
  });
});
