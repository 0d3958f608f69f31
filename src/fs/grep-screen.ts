// A prefilter for the tree reader's byte screen, run by grep processes over the regular files of a
// tree: grep (C, one process per core) opens and searches ten thousand small files in about half the
// time Node takes to open and read them, so Node then reads only the few files grep names. grep's
// patterns only need to keep every file the exact screen keeps: the reader re-applies the exact
// screen to each file it reads. Spawned with an argument array, never through a shell.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { ScreenText } from './tree.js';

/**
 * Bytes of file-name arguments given to one grep: well under the smallest ARG_MAX of the systems we
 * run on (1 MiB on macOS, 2 MiB on Linux, of which the environment takes its share).
 */
const ARGUMENT_BYTES_PER_GREP = 256 * 1024;

/**
 * Greps run at once: one per core, as grep is CPU- and system-call-bound. At most four: Node starts
 * them one after the other, a few milliseconds each (measured on two cores only).
 */
const GREPS_AT_ONCE = Math.max(1, Math.min(availableParallelism(), 4));

/**
 * Greps searching folders at once while Node goes on with its own work (loading code, walking the
 * tree): one core is left to Node (measured on two cores: one grep beside Node, 131 ms for a
 * 10,000-file bump, against 136 ms with two), at most four.
 */
const GREPS_BESIDE_NODE = Math.max(1, Math.min(availableParallelism() - 1, 4));

/** A bracket expression for the ERE metacharacters, so no backslash stands before an ordinary character. */
const ESCAPED: Record<string, string> = {
  '.': '[.]',
  '[': '[[]',
  ']': '[]]',
  '(': '[(]',
  ')': '[)]',
  '*': '[*]',
  '+': '[+]',
  '?': '[?]',
  '{': '[{]',
  '}': '[}]',
  '|': '[|]',
  $: '[$]',
  '^': '\\^',
  '\\': '\\\\',
};

const escapeLiteral = (text: string) => [...text].map((char) => ESCAPED[char] ?? char).join('');

/**
 * The bytes a name's boundary class leaves out: ASCII letters and digits and the punctuation of
 * names that the boundary set does not allow. Undefined when the set allows a letter or a digit, or
 * holds a character beyond ASCII, which the byte screen reads by its low byte (then grep looks for
 * the bare name on that side).
 */
function boundaryClass(allowed: string): string | undefined {
  if (/[A-Za-z0-9]/.test(allowed) || [...allowed].some((char) => char.charCodeAt(0) > 0x7f)) return undefined;
  const punctuation = ['_', '.', '/', '-'].filter((char) => !allowed.includes(char)).join('');
  return `[^A-Za-z0-9${punctuation}]`;
}

/**
 * grep -E patterns that together match every file the exact byte screen keeps (in the C locale,
 * where each byte is a character and bytes from 0x80 stand outside the classes, as the screen's
 * boundaries count them). Undefined when grep cannot say it: an empty text matches an empty file,
 * which grep never lists; a newline would split a pattern; NUL cannot be an argument.
 */
export function grepPatterns(texts: readonly ScreenText[]): string[] | undefined {
  const patterns: string[] = [];
  for (const text of texts) {
    const literal = typeof text === 'string' ? text : text.name;
    if (literal === '' || /[\n\0]/.test(literal) || Buffer.from(literal).toString() !== literal) return undefined;
    if (typeof text === 'string') {
      patterns.push(escapeLiteral(text));
      continue;
    }
    const before = boundaryClass(text.before);
    const after = boundaryClass(text.after);
    patterns.push(
      `${before === undefined ? '' : `(^|${before})`}${escapeLiteral(text.name)}${after === undefined ? '' : `($|${after})`}`,
    );
  }
  return patterns.length === 0 ? undefined : patterns;
}

/** Bytes as characters, whatever the user's locale; GREP_OPTIONS (which older greps read) cannot add options. */
function grepEnvironment(): NodeJS.ProcessEnv {
  const { GREP_OPTIONS: _ignored, ...inherited } = process.env;
  return { ...inherited, LC_ALL: 'C' };
}

/** A name given to grep: one starting with "-" is never an option after "--", but "-" alone is standard input. */
const asArgument = (path: string) => (path.charCodeAt(0) === 0x2d ? `./${path}` : path);

/**
 * grep's own walk, past the folders the tree reader passes over. grep -r does not follow a symbolic
 * link it meets, as the reader's walk does not (the reader checks and reads links itself).
 */
const RECURSIVE = ['-r', '--exclude-dir=.git', '--exclude-dir=node_modules'];

/**
 * One grep over some files, or (`recursive`) over some folders: the names it lists, in its order
 * (for files, the order of the arguments), or undefined when it could not search them all.
 */
function grepChunk(
  cwd: string,
  patterns: readonly string[],
  names: readonly string[],
  recursive = false,
  started?: (child: ChildProcess) => void,
): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const child = spawn(
      'grep',
      [
        // -D skip: a file turned into a FIFO since the walk is passed over rather than waited on.
        ...['-l', '--null', '-E', '-s', '-D', 'skip'],
        ...(recursive ? RECURSIVE : []),
        ...patterns.flatMap((pattern) => ['-e', pattern]),
        '--',
        ...names,
      ],
      { cwd, env: grepEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] },
    );
    started?.(child);
    const output: Buffer[] = [];
    child.stdout.on('data', (data: Buffer) => output.push(data));
    child.on('error', () => resolve(undefined));
    // 0: some files match, 1: none; 2 (a file it could not read) or a signal: the chunk is read in process.
    child.on('close', (status) => {
      if (status !== 0 && status !== 1) return resolve(undefined);
      const listed = Buffer.concat(output).toString('utf8').split('\0');
      listed.pop();
      resolve(listed);
    });
  });
}

export interface FolderScreen {
  /** The group of each folder given (a path relative to the root, without a trailing slash). */
  groupOf: ReadonlyMap<string, number>;
  /** For each group, the files (relative to the root) grep lists; undefined for a group it could not search. */
  listed: Promise<(ReadonlySet<string> | undefined)[]>;
  /** Stops the greps (nobody will read their answer). */
  stop: () => void;
}

/**
 * Starts greps that search every file of some folders of a tree (paths relative to `root`): one
 * group of folders per grep, one grep per core but the one left to Node. grep then
 * opens each file inside a folder it holds open, where a list of names costs their copies and a full
 * path resolution each, and it can start before the caller has walked the tree.
 */
export function grepFolders(root: string, patterns: readonly string[], folders: readonly string[]): FolderScreen {
  const count = Math.min(GREPS_BESIDE_NODE, folders.length);
  const groups: string[][] = Array.from({ length: count }, () => []);
  const groupOf = new Map<string, number>();
  folders.forEach((folder, index) => {
    groups[index % count]!.push(asArgument(folder));
    groupOf.set(folder, index % count);
  });
  const children: ChildProcess[] = [];
  const listed = Promise.all(
    groups.map(async (group) => {
      const names = await grepChunk(root, patterns, group, true, (child) => children.push(child));
      // A name that is not UTF-8 reads as U+FFFD and would match no path of the walk: the whole
      // group is left to the reader. "./-x/a.yaml" is what grep lists for the folder given as "./-x".
      if (names === undefined || names.some((name) => name.includes('\ufffd'))) return undefined;
      return new Set(names.map((name) => (name.startsWith('./') ? name.slice(2) : name)));
    }),
  );
  return { groupOf, listed, stop: () => children.forEach((child) => child.kill()) };
}

/**
 * Which of `paths` (relative to `root`, regular files) may pass the screen: 1 for each file grep
 * lists, and for every file of a group grep could not search (missing grep, an unreadable file), so
 * that the caller reads those as it would without grep. Groups of files go to up to one grep per core.
 */
export async function grepScreen(
  root: string,
  paths: readonly string[],
  patterns: readonly string[],
): Promise<Uint8Array> {
  const names = paths.map(asArgument);
  const bytes = new Uint32Array(names.length);
  let total = 0;
  let longest = 0;
  for (let index = 0; index < names.length; index++) {
    // The string, its NUL and its pointer.
    const size = Buffer.byteLength(names[index] as string) + 1 + 8;
    bytes[index] = size;
    total += size;
    if (size > longest) longest = size;
  }
  // As many groups as greps at once (fewer starts), more when the arguments would not fit. A group
  // may take one name more than its share, so that the last group is never a few names on their own.
  const groups = Math.ceil(Math.max(GREPS_AT_ONCE, total / ARGUMENT_BYTES_PER_GREP) / GREPS_AT_ONCE) * GREPS_AT_ONCE;
  const budget = Math.min(ARGUMENT_BYTES_PER_GREP, Math.ceil(total / groups) + longest);
  const chunks: { start: number; end: number }[] = [];
  for (let start = 0, end = 0, size = 0; end <= names.length; end++) {
    const next = end < names.length ? (bytes[end] as number) : 0;
    if (end === names.length || (end > start && size + next > budget)) {
      if (end > start) chunks.push({ start, end });
      start = end;
      size = 0;
    }
    size += next;
  }

  const mayPass = new Uint8Array(paths.length);
  let nextChunk = 0;
  const worker = async () => {
    while (nextChunk < chunks.length) {
      const { start, end } = chunks[nextChunk++] as { start: number; end: number };
      const listed = await grepChunk(root, patterns, names.slice(start, end));
      // grep lists the files in the order it was given them: one pass places them all. A name it
      // lists out of that order, or that it was not given, leaves the whole group to be read in process.
      let index = start;
      let placed = listed !== undefined;
      for (const name of listed ?? []) {
        while (index < end && names[index] !== name) index++;
        if (index === end) {
          placed = false;
          break;
        }
        mayPass[index++] = 1;
      }
      if (!placed) mayPass.fill(1, start, end);
    }
  };
  await Promise.all(Array.from({ length: Math.min(GREPS_AT_ONCE, chunks.length) }, worker));
  return mayPass;
}
