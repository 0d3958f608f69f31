import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { planBump } from '../../src/core/manifest/index.js';

// Generated workload files in many writing styles; the bump must change only the image values
// that reference the target, and those values must read back as the expected references.

const OLD = `sha256:${'a'.repeat(64)}`;
const NEW = `sha256:${'b'.repeat(64)}`;
const TARGET = 'nginx';
const SAME_IMAGE = ['nginx', 'docker.io/library/nginx', 'library/nginx', 'index.docker.io/library/nginx'];
const OTHER_IMAGES = ['nginx-exporter', 'acme/nginx', 'localhost:5000/nginx', 'ghcr.io/nginx/nginx'];
const TAGS = ['1.0', '1.25.3', 'v2', 'latest', 'dev-3f2a9c1e-1763600000', '1.26.0'];
const NEW_TAGS = ['1.26.0', '1.20', '1e10', '0755', 'v3', 'dev-abc-1', 'yes'];
const POD_SPEC_PATHS = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
} as const;

const containerArb = fc.record({
  name: fc.constantFrom('app', 'web', 'side-car'),
  repository: fc.constantFrom(...SAME_IMAGE, ...OTHER_IMAGES),
  tag: fc.option(fc.constantFrom(...TAGS), { nil: undefined }),
  digest: fc.option(fc.constant(OLD), { nil: undefined }),
  quote: fc.constantFrom('plain', 'single', 'double'),
  lineComment: fc.boolean(),
  commentAbove: fc.boolean(),
});
type Container = typeof containerArb extends fc.Arbitrary<infer T> ? T : never;

const documentArb = fc.record({
  kind: fc.constantFrom(...(Object.keys(POD_SPEC_PATHS) as (keyof typeof POD_SPEC_PATHS)[])),
  containers: fc.array(containerArb, { minLength: 1, maxLength: 4 }),
  initContainers: fc.array(containerArb, { maxLength: 2 }),
  flowContainers: fc.boolean(),
  explicitEnd: fc.boolean(),
});

const fileArb = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  indent: fc.constantFrom(2, 3, 4),
  indentSequences: fc.boolean(),
  leadingSeparator: fc.boolean(),
  documents: fc.array(documentArb, { minLength: 1, maxLength: 3 }),
  tag: fc.constantFrom(...NEW_TAGS),
  digest: fc.option(fc.constant(NEW), { nil: undefined }),
});
type GeneratedFile = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

const reference = (c: Pick<Container, 'repository' | 'tag' | 'digest'>) =>
  `${c.repository}${c.tag === undefined ? '' : `:${c.tag}`}${c.digest === undefined ? '' : `@${c.digest}`}`;

function quoted(value: string, quote: Container['quote']): string {
  if (quote === 'single') return `'${value}'`;
  if (quote === 'double') return JSON.stringify(value);
  return value;
}

/** The reference a container should hold after the bump: the name as written, the new tag, the right digest. */
function expectedReference(c: Container, file: GeneratedFile): string {
  if (!SAME_IMAGE.includes(c.repository)) return reference(c);
  const digest = file.digest ?? (c.tag === file.tag ? c.digest : undefined);
  return reference({ repository: c.repository, tag: file.tag, digest });
}

interface Rendered {
  text: string;
  /** Spans of the image values that reference the target, in the original text. */
  spans: [number, number][];
}

function render(file: GeneratedFile): Rendered {
  const eol = file.eol;
  let text = file.bom ? '\uFEFF' : '';
  const spans: [number, number][] = [];
  const pad = (level: number) => ' '.repeat(level * file.indent);
  const line = (content: string) => (text += content + eol);
  if (file.leadingSeparator) line('---');
  file.documents.forEach((document, index) => {
    if (index > 0) line('---');
    line(`apiVersion: v1 # doc ${index}`);
    line(`kind: ${document.kind}`);
    const path = POD_SPEC_PATHS[document.kind];
    path.forEach((key, level) => line(`${pad(level)}${key}:`));
    const level = path.length;
    for (const [list, containers] of [
      ['initContainers', document.initContainers],
      ['containers', document.containers],
    ] as const) {
      if (containers.length === 0) continue;
      if (document.flowContainers) {
        text += `${pad(level)}${list}: [`;
        containers.forEach((c, i) => {
          text += `${i > 0 ? ', ' : ''}{name: ${c.name}, image: `;
          const start = text.length;
          text += quoted(reference(c), c.quote === 'plain' ? 'double' : c.quote);
          if (SAME_IMAGE.includes(c.repository)) spans.push([start, text.length]);
          text += '}';
        });
        line(']');
        continue;
      }
      line(`${pad(level)}${list}:`);
      const dash = file.indentSequences ? pad(level + 1) : pad(level);
      for (const c of containers) {
        if (c.commentAbove) line(`${dash}# container ${c.name}`);
        line(`${dash}- name: ${c.name}`);
        text += `${dash}  image: `;
        const start = text.length;
        text += quoted(reference(c), c.quote);
        if (SAME_IMAGE.includes(c.repository)) spans.push([start, text.length]);
        line(c.lineComment ? '   # image' : '');
      }
    }
    if (document.explicitEnd) line('...');
  });
  return { text, spans };
}

/** Every document as plain data, with the container images rewritten as expected. */
function expectedDocuments(file: GeneratedFile, text: string): unknown[] {
  return parseAllDocuments(text).map((document, index) => {
    const value = document.toJS() as Record<string, unknown>;
    const generated = file.documents[index];
    if (!generated) return value;
    let podSpec: unknown = value;
    for (const key of POD_SPEC_PATHS[generated.kind]) podSpec = (podSpec as Record<string, unknown>)[key];
    for (const [list, containers] of [
      ['initContainers', generated.initContainers],
      ['containers', generated.containers],
    ] as const) {
      const items = (podSpec as Record<string, { image: string }[] | undefined>)[list];
      containers.forEach((c, i) => {
        const item = items?.[i];
        if (item) item.image = expectedReference(c, file);
      });
    }
    return value;
  });
}

const entryArb = fc.record({
  name: fc.constantFrom(...SAME_IMAGE, ...OTHER_IMAGES),
  tag: fc.constantFrom(...TAGS, '1.20'),
  quote: fc.constantFrom('plain', 'single', 'double'),
  lineComment: fc.boolean(),
});
const kustomizationArb = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  indentSequences: fc.boolean(),
  entries: fc.array(entryArb, { minLength: 1, maxLength: 5 }),
  tag: fc.constantFrom(...NEW_TAGS),
});

test('kustomize newTag values: only they change, and they read back as the new tag (quoted when needed)', () => {
  fc.assert(
    fc.property(kustomizationArb, (file) => {
      const dash = file.indentSequences ? '  ' : '';
      const lines = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'images:'];
      for (const entry of file.entries) {
        lines.push(`${dash}- name: ${entry.name}`);
        lines.push(
          `${dash}  newTag: ${entry.quote === 'plain' ? entry.tag : quoted(entry.tag, entry.quote)}${entry.lineComment ? ' # tag' : ''}`,
        );
      }
      const text = lines.join(file.eol) + file.eol;
      const plan = planBump([{ path: 'kustomization.yaml', text }], { image: TARGET, tag: file.tag });
      const after = plan.files[0]?.newText ?? text;
      const beforeLines = text.split(file.eol);
      const afterLines = after.split(file.eol);
      assert.equal(afterLines.length, beforeLines.length);
      const read = parseAllDocuments(after)[0]?.toJS() as { images: { name: string; newTag: unknown }[] };
      file.entries.forEach((entry, index) => {
        const tagLine = 3 + index * 2 + 1;
        const matches = SAME_IMAGE.includes(entry.name);
        const original = parseAllDocuments(text)[0]?.toJS() as { images: { newTag: unknown }[] };
        assert.equal(afterLines[tagLine - 1], beforeLines[tagLine - 1], 'name lines never change');
        assert.deepEqual(read.images[index]?.newTag, matches ? file.tag : original.images[index]?.newTag);
        if (!matches) assert.equal(afterLines[tagLine], beforeLines[tagLine]);
        // Only the value changes on a tag line: the key, the comment and the line ending stay.
        const [prefix, suffix] = [`${dash}  newTag: `, entry.lineComment ? ' # tag' : ''];
        assert.ok(afterLines[tagLine]?.startsWith(prefix) && afterLines[tagLine]?.endsWith(suffix));
      });
    }),
    { numRuns: 300 },
  );
});

test('a bump changes only the replaced values, and the documents read back the same except those', () => {
  fc.assert(
    fc.property(fileArb, (file) => {
      const { text, spans } = render(file);
      const plan = planBump([{ path: 'app.yaml', text }], {
        image: TARGET,
        tag: file.tag,
        ...(file.digest && { digest: file.digest }),
      });
      const after = plan.files[0]?.newText ?? text;

      // (a) outside the image values of the target, every byte is the same, in order.
      let cursor = 0;
      let previousEnd = 0;
      for (const [start, end] of spans) {
        const between = text.slice(previousEnd, start);
        const found = previousEnd === 0 ? (after.startsWith(between) ? 0 : -1) : after.indexOf(between, cursor);
        assert.notEqual(found, -1, `bytes before offset ${start} changed`);
        cursor = found + between.length;
        previousEnd = end;
      }
      const tail = text.slice(previousEnd);
      assert.ok(after.endsWith(tail) && after.length - tail.length >= cursor, 'bytes after the last image changed');
      if (spans.length === 0) assert.equal(after, text);

      // (b) the documents are the same data, except the image values, which hold the new reference.
      const documents = parseAllDocuments(after).map((document) => document.toJS() as unknown);
      assert.deepEqual(documents, expectedDocuments(file, text));

      // Bumping again changes nothing.
      const again = planBump([{ path: 'app.yaml', text: after }], {
        image: TARGET,
        tag: file.tag,
        ...(file.digest && { digest: file.digest }),
      });
      assert.deepEqual(again.changes, []);
    }),
    { numRuns: 300 },
  );
});
