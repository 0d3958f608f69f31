// Flux setter conformance (fluxcd/image-automation-controller testdata) through the command line.
// Each tree case copies its input (symlinks kept as symlinks) to a temporary folder, runs `setters`
// there, then compares every file with the expected tree byte for byte and checks that exactly the
// files whose content changes were written: copies get an old mtime first, so a rewrite shows.
//
// Cases that are not about trees map onto the command line as follows (each one can fail):
// - flux-screening-reader: with a policy for every marker in the tree, a dry run must change exactly
//   the files the case lists as read, and write nothing.
// - flux-applier-no-strategy / -unknown-strategy: the update strategy is the command itself, so no
//   strategy is `setters` with no --policy, and an unknown one is an unknown command: both exit 2.
// - legacy-leave / legacy-replace: marker-less modes from before 2020. Their expected trees re-indent
//   sequences (the table says they do not reflect current behaviour), so the bytes are compared with
//   the original except for the replaced values, and the documents with the expected tree's documents.
//   legacy-replace is a replace-everywhere bump, so it runs `bump --image --tag`.
import { chmod, cp, lstat, mkdtemp, readdir, readFile, readlink, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { runCliForConformance, type CaseResult, type CliResult } from './cli.js';

const TABLE = 'flux-setters';

interface PolicyCase {
  namespace: string;
  name: string;
  latestRef?: { name: string; tag: string; digest: string };
  latestImage?: string;
}

interface SettersCase {
  id: string;
  input?: string;
  expected?: string;
  preprocessing?: string;
  updatePath?: string;
  policies?: PolicyCase[];
  expectedOutputFiles?: string[];
  expectedResult?: Record<string, { old: string; new: string }[] | string>;
  expectError?: string;
  strategy?: string;
}

type Entry = { kind: 'file'; text: string; mtimeMs: number } | { kind: 'link'; target: string };
type Snapshot = Map<string, Entry>;

/** Far enough in the past that any write during the run moves a file's mtime. */
const OLD_TIME = new Date('2001-01-01T00:00:00Z');

class CaseFailure extends Error {}

function check(condition: boolean, detail: string): asserts condition {
  if (!condition) throw new CaseFailure(detail);
}

async function snapshot(root: string): Promise<Snapshot> {
  const entries: Snapshot = new Map();
  const visit = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const absolute = join(dir, entry.name);
      const path = relative(root, absolute).split(sep).join('/');
      if (entry.isDirectory()) await visit(absolute);
      else if (entry.isSymbolicLink()) entries.set(path, { kind: 'link', target: await readlink(absolute) });
      else
        entries.set(path, {
          kind: 'file',
          text: await readFile(absolute, 'utf8'),
          mtimeMs: (await lstat(absolute)).mtimeMs,
        });
    }
  };
  await visit(root);
  return entries;
}

/** `SETTER_SITE -> {"$imagepolicy": "test-ns:policy1"}`: the marker text the case puts in place of SETTER_SITE. */
function markerSubstitution(testCase: SettersCase): ((text: string) => string) | undefined {
  if (!testCase.preprocessing) return undefined;
  const marker = /SETTER_SITE\b.*?(\{[^}]*\})/.exec(testCase.preprocessing)?.[1];
  check(marker !== undefined, `cannot read the marker from preprocessing ${JSON.stringify(testCase.preprocessing)}`);
  return (text) => text.replaceAll('SETTER_SITE', marker);
}

/** Copies a table tree to a writable temporary folder, symlinks as symlinks, files aged to OLD_TIME. */
async function copyTree(
  source: string,
  substitute?: (text: string) => string,
): Promise<{ root: string; tree: string }> {
  const root = await mkdtemp(join(tmpdir(), 'flux-setters-'));
  const tree = join(root, 'tree');
  await cp(source, tree, { recursive: true, verbatimSymlinks: true });
  await makeWritable(tree);
  for (const [path, entry] of await snapshot(tree)) {
    if (entry.kind !== 'file') continue;
    const absolute = join(tree, path);
    await chmod(absolute, 0o644);
    await writeFile(absolute, substitute ? substitute(entry.text) : entry.text, { mode: 0o644 });
    await utimes(absolute, OLD_TIME, OLD_TIME);
  }
  return { root, tree };
}

/** The table's trees are read-only; the copies must be writable (and removable) by the run. */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await makeWritable(join(dir, entry.name));
  }
}

function policyArguments(policies: readonly PolicyCase[]): string[] {
  return policies.flatMap((policy) => {
    const ref = policy.latestRef;
    const image = ref ? `${ref.name}:${ref.tag}${ref.digest ? `@${ref.digest}` : ''}` : policy.latestImage;
    return ['--policy', `${policy.namespace}:${policy.name}=${image ?? ''}`];
  });
}

function describeRun(result: CliResult): string {
  return `exit ${result.code}${result.stderr.trim() ? `, stderr: ${result.stderr.trim().split('\n')[0]}` : ''}`;
}

/**
 * Every file after the run equals the expected tree's file (or, when the expected tree does not
 * hold it, the original), and a file was written exactly when its content had to change.
 */
function compareTrees(before: Snapshot, after: Snapshot, expected: Snapshot): void {
  for (const path of expected.keys()) check(after.has(path), `${path}: expected in the tree, missing`);
  for (const [path, entry] of after) {
    const original = before.get(path);
    check(original !== undefined, `${path}: created, expected no new files`);
    if (entry.kind === 'link' || original.kind === 'link') {
      check(isDeepStrictEqual(entry, original), `${path}: the symlink was replaced or changed`);
      continue;
    }
    const wanted = expected.get(path);
    const wantedText = wanted?.kind === 'file' ? wanted.text : original.text;
    check(
      entry.text === wantedText,
      `${path}: content differs from the expected file\n${firstDifference(wantedText, entry.text)}`,
    );
    const mustWrite = wantedText !== original.text;
    const written = entry.mtimeMs !== original.mtimeMs;
    check(mustWrite === written, `${path}: ${written ? 'written although unchanged' : 'not written'}`);
  }
}

function firstDifference(expected: string, actual: string): string {
  const wanted = expected.split('\n');
  const got = actual.split('\n');
  const index = wanted.findIndex((line, i) => line !== got[i]);
  const at = index === -1 ? wanted.length : index;
  return `    line ${at + 1}: expected ${JSON.stringify(wanted[at])}, got ${JSON.stringify(got[at])}`;
}

async function expectedSnapshot(dir: string, substitute?: (text: string) => string): Promise<Snapshot> {
  const expected = await snapshot(dir);
  for (const entry of expected.values()) if (substitute && entry.kind === 'file') entry.text = substitute(entry.text);
  return expected;
}

interface JsonChange {
  file: string;
  line: number;
  path: string;
  old: string;
  new: string;
}

function parseChanges(result: CliResult): JsonChange[] {
  check(result.code === 0, `the command failed: ${describeRun(result)}`);
  const changes = (JSON.parse(result.stdout) as { changes?: JsonChange[] }).changes;
  check(Array.isArray(changes), `--json printed no changes array: ${result.stdout.slice(0, 200)}`);
  return changes;
}

/** The table's `expectedResult`: per file, the ordered old -> new values. */
function compareResult(changes: readonly JsonChange[], expectedResult: NonNullable<SettersCase['expectedResult']>) {
  const files = Object.keys(expectedResult).filter((key) => Array.isArray(expectedResult[key]));
  const changedFiles = [...new Set(changes.map((change) => change.file))].sort();
  check(
    isDeepStrictEqual(changedFiles, [...files].sort()),
    `changed files ${changedFiles.join(', ')}, expected ${files.join(', ')}`,
  );
  for (const file of files) {
    const wanted = (expectedResult[file] as { old: string; new: string }[]).map(({ old, new: value }) => [old, value]);
    const got = changes.filter((change) => change.file === file).map((change) => [change.old, change.new]);
    check(
      isDeepStrictEqual(got, wanted),
      `${file}: changes ${JSON.stringify(got)}, expected ${JSON.stringify(wanted)}`,
    );
  }
}

async function treeCase(dir: string, testCase: SettersCase): Promise<void> {
  check(
    !!testCase.input && !!testCase.expected && !!testCase.policies,
    'a tree case needs input, expected and policies',
  );
  const substitute = markerSubstitution(testCase);
  const { root, tree } = await copyTree(join(dir, testCase.input), substitute);
  try {
    const before = await snapshot(tree);
    const target = testCase.updatePath ? join(tree, testCase.updatePath) : tree;
    const result = await runCliForConformance([
      'setters',
      '--dir',
      target,
      ...policyArguments(testCase.policies),
      // The controller applies every policy it has, and one that marks nothing there is no failure.
      '--allow-nothing',
      '--json',
    ]);
    const changes = parseChanges(result);
    const expected = await expectedSnapshot(join(dir, testCase.expected), substitute);
    if (testCase.expectedOutputFiles) {
      const outputs = [...expected.keys()].sort();
      check(
        isDeepStrictEqual(outputs, [...testCase.expectedOutputFiles].sort()),
        `expected tree holds ${outputs.join(', ')}`,
      );
    }
    compareTrees(before, await snapshot(tree), expected);
    if (testCase.expectedResult) compareResult(changes, testCase.expectedResult);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** With a policy for every marker in the tree, a dry run changes exactly the files the case says are read. */
async function screeningCase(dir: string, testCase: SettersCase, cases: readonly SettersCase[]): Promise<void> {
  const sameTree = cases.find((other) => other.input === testCase.input && other.policies);
  check(!!testCase.input && !!sameTree?.policies, 'no tree case with policies for this input');
  const listed = /files (.*?)\s*\(/.exec(testCase.expected ?? '')?.[1]?.split(/,\s*/) ?? [];
  check(listed.length > 0, `cannot read the files from ${JSON.stringify(testCase.expected)}`);
  const { root, tree } = await copyTree(join(dir, testCase.input));
  try {
    const before = await snapshot(tree);
    const known = new Set(sameTree.policies.map((policy) => `${policy.namespace}:${policy.name}`));
    const first = sameTree.policies[0] as PolicyCase;
    const others = [...(await markerPolicies(before))].filter((id) => !known.has(id));
    const extra = others.map((id) => {
      const [namespace = '', name = ''] = id.split(':');
      return { ...first, namespace, name };
    });
    const policies = policyArguments([...sameTree.policies, ...extra]);
    const result = await runCliForConformance([
      'setters',
      '--dir',
      tree,
      ...policies,
      '--allow-nothing',
      '--dry-run',
      '--json',
    ]);
    const changed = [...new Set(parseChanges(result).map((change) => change.file))].sort();
    check(
      isDeepStrictEqual(changed, [...listed].sort()),
      `changed ${changed.join(', ')}, expected ${listed.join(', ')}`,
    );
    compareTrees(before, await snapshot(tree), new Map());
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Policy ids named by markers anywhere in a tree, found with a plain text search (not with our parser). */
async function markerPolicies(tree: Snapshot): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const entry of tree.values()) {
    if (entry.kind !== 'file') continue;
    for (const match of entry.text.matchAll(/"\$imagepolicy":\s*"([^":]+):([^":]+)/g))
      ids.add(`${match[1]}:${match[2]}`);
  }
  return ids;
}

async function strategyCase(testCase: SettersCase): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'flux-setters-'));
  try {
    const args = testCase.strategy ? [testCase.strategy, '--dir', root] : ['setters', '--dir', root];
    const result = await runCliForConformance(args);
    check(result.code === 2, `${args.join(' ')}: ${describeRun(result)}, expected exit 2 (${testCase.expectError})`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function documentsOf(text: string): unknown[] {
  return parseAllDocuments(text).flatMap((document) => ('toJS' in document ? [document.toJS()] : []));
}

/**
 * A legacy case: the run changes only the values it reports (every other line keeps its bytes), and
 * the documents then equal the expected tree's documents.
 */
async function legacyRun(original: string, expected: string, command: (tree: string) => string[]): Promise<void> {
  const { root, tree } = await copyTree(original);
  try {
    const before = await snapshot(tree);
    const changes = parseChanges(await runCliForConformance([...command(tree), '--json']));
    const after = await snapshot(tree);
    const wanted = await snapshot(expected);
    for (const [path, entry] of after) {
      const was = before.get(path);
      const want = wanted.get(path);
      check(entry.kind === 'file' && was?.kind === 'file' && want?.kind === 'file', `${path}: not a file in all trees`);
      check(
        isDeepStrictEqual(documentsOf(entry.text), documentsOf(want.text)),
        `${path}: documents differ from expected`,
      );
      const fileChanges = changes.filter((change) => change.file === path);
      const wasLines = was.text.split('\n');
      entry.text.split('\n').forEach((line, index) => {
        const change = fileChanges.find((candidate) => candidate.line === index + 1);
        const wantedLine = change ? (wasLines[index] ?? '').replace(change.old, change.new) : wasLines[index];
        check(
          line === wantedLine,
          `${path}:${index + 1}: ${JSON.stringify(line)}, expected ${JSON.stringify(wantedLine)}`,
        );
      });
      check((entry.mtimeMs !== was.mtimeMs) === fileChanges.length > 0, `${path}: written iff changed`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function legacyLeaveCase(dir: string, testCase: SettersCase): Promise<void> {
  const base = join(dir, (testCase.input ?? '').replace(/\/original$/, ''));
  await legacyRun(join(base, 'original'), join(base, 'expected'), (tree) => [
    'setters',
    '--dir',
    tree,
    '--policy',
    'legacy:notused=notused:v1.0.1',
    '--allow-nothing',
  ]);
}

async function legacyReplaceCase(dir: string, testCase: SettersCase): Promise<void> {
  const base = join(dir, (testCase.input ?? '').replace(/\/original.*$/, ''));
  const bump = (tree: string) => ['bump', '--dir', tree, '--image', 'used', '--tag', 'v1.1.0'];
  await legacyRun(join(base, 'original'), join(base, 'expected'), bump);
  await legacyRun(join(base, 'commented'), join(base, 'commented-expected'), bump);
}

export async function run(path: string): Promise<CaseResult[]> {
  const table = JSON.parse(await readFile(join(path, 'cases.json'), 'utf8')) as { cases: SettersCase[] };
  const results: CaseResult[] = [];
  for (const testCase of table.cases) {
    try {
      if (testCase.expectError) await strategyCase(testCase);
      else if (testCase.id === 'flux-screening-reader') await screeningCase(path, testCase, table.cases);
      else if (testCase.id === 'legacy-leave') await legacyLeaveCase(path, testCase);
      else if (testCase.id === 'legacy-replace') await legacyReplaceCase(path, testCase);
      else await treeCase(path, testCase);
      results.push({ table: TABLE, id: testCase.id, ok: true });
    } catch (error) {
      results.push({ table: TABLE, id: testCase.id, ok: false, detail: (error as Error).message });
    }
  }
  return results;
}
