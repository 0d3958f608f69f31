import {
  type Dirent,
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  writeSync,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, sep } from 'node:path';
import { grepFolders, grepPatterns, grepScreen, type FolderScreen } from './grep-screen.js';

/** Files larger than this are skipped with a warning rather than parsed (manifests are small). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface TreeFile {
  /** Path relative to the tree root, with forward slashes. */
  path: string;
  text: string;
  /**
   * The bytes are not valid UTF-8: `text` is a lossy decoding (U+FFFD for each bad sequence), good
   * for reading what the file says and never for writing back. Planners skip such files with a warning.
   */
  invalidUtf8?: true;
}

export interface ReadTreeOptions {
  /** Which files to read, by their relative path; default: `.yaml` and `.yml`. */
  include?: (path: string) => boolean;
  /**
   * Keeps only files whose bytes contain this text, or any one of these texts: a cheap screen run
   * before a file is decoded, so the many files a command cannot care about cost a read and no more.
   */
  mustContain?: string | readonly ScreenText[];
  /**
   * Who screens the regular files first: grep processes, which name the files that may pass so that
   * Node opens only those (the default for trees of `GREP_SCREEN_MIN_FILES` files or more, where grep
   * runs), or Node alone. The results are the same; grep is only faster.
   */
  screenWith?: 'grep' | 'node';
  /**
   * Greps `startTreeScreen` started over this tree with this `include` and `mustContain`: they
   * screen the files of the folders they search (the rest as without them). Ignored when it was
   * started for another tree, filter or screen.
   */
  started?: StartedScreen;
  maxFileBytes?: number;
  warn?: (message: string) => void;
}

/**
 * Below this many files to screen, Node reads them all as soon as the greps would have (measured on
 * two cores: starting two greps costs 10 to 15 ms, Node reads a small file in 8 to 17 µs).
 */
export const GREP_SCREEN_MIN_FILES = 2000;

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

export const isYamlPath = (path: string) => /\.ya?ml$/i.test(path);

/**
 * A text a file must contain to be read further: anywhere, or as a name, between characters of
 * `before` and `after` (ASCII; the start and end of the file count as both).
 */
export type ScreenText = string | { name: string; before: string; after: string };

/**
 * The screen on a file's bytes, also on a file read in windows: `startsFile` and `endsFile` say
 * whether the window's first and last bytes are the file's, and a window that keeps the last
 * `overlap` bytes of the one before sees whole every match that straddles the two.
 */
interface Screen {
  passes: (bytes: Buffer, startsFile?: boolean, endsFile?: boolean) => boolean;
  overlap: number;
}

function screenOf(texts: readonly ScreenText[]): Screen {
  const tests = texts.map(byteTest);
  return {
    passes: (bytes, startsFile = true, endsFile = true) => tests.some((test) => test(bytes, startsFile, endsFile)),
    // The longest text and the byte before it.
    overlap: Math.max(0, ...texts.map((text) => Buffer.byteLength(typeof text === 'string' ? text : text.name) + 1)),
  };
}

/**
 * The test of one screen text on raw bytes, before any decoding. A byte of a multi-byte UTF-8
 * character counts as a boundary, so the screen never drops a file a test on the decoded text
 * (which may count Unicode spaces as boundaries) would keep. A name at the edge of a window that is
 * not the file's edge is left to the window that holds its neighbour byte.
 */
function byteTest(text: ScreenText): (bytes: Buffer, startsFile: boolean, endsFile: boolean) => boolean {
  if (typeof text === 'string') {
    const needle = Buffer.from(text);
    return (bytes) => bytes.includes(needle);
  }
  const needle = Buffer.from(text.name);
  const boundary = (set: string) => {
    const allowed = new Uint8Array(256).fill(0);
    for (const char of set) allowed[char.charCodeAt(0) & 0xff] = 1;
    allowed.fill(1, 0x80);
    return allowed;
  };
  const before = boundary(text.before);
  const after = boundary(text.after);
  return (bytes, startsFile, endsFile) => {
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const beforeOk = at === 0 ? startsFile : before[bytes[at - 1] as number] === 1;
      const afterOk = end === bytes.length ? endsFile : after[bytes[end] as number] === 1;
      if (beforeOk && afterOk) return true;
    }
    return false;
  };
}

/**
 * Reads the text files of a tree. Symlinks are followed only when they resolve inside the tree
 * (a link out of the repository could leak or overwrite files elsewhere); dangling links are skipped.
 * Synchronous file calls on purpose: a CLI run over ten thousand small files is several times faster
 * without a promise per file, and nothing else runs meanwhile. For the same reason a regular file
 * costs one open, a read to end of file and a close, into a reused buffer, and only files that pass the screen
 * are decoded. With a screen, grep processes first name the regular files that may pass it, in
 * large trees, and Node opens only those (see `screenWith`). A file that is not valid UTF-8 is
 * returned marked (`invalidUtf8`), not dropped, so that a planner can say whether it would have edited it.
 * A file over the size bound is skipped with a warning; with a screen, only when the whole file
 * passes it, so that what reading skipped is only what may hold what the caller looks for.
 */
export async function readTree(root: string, options: ReadTreeOptions = {}): Promise<TreeFile[]> {
  const include = options.include ?? isYamlPath;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const warn = options.warn ?? (() => {});
  const { mustContain } = options;
  const texts = mustContain === undefined ? undefined : typeof mustContain === 'string' ? [mustContain] : mustContain;
  const screen = texts && screenOf(texts);
  const realRoot = realpathSync(root);
  const files: TreeFile[] = [];
  let buffer = Buffer.allocUnsafe(64 * 1024);

  const isLinkToFileInside = (absolute: string, path: string): boolean => {
    let target: string;
    try {
      target = realpathSync(absolute);
    } catch {
      warn(`${path}: dangling symlink, skipped`);
      return false;
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      warn(`${path}: symlink to outside the tree, not followed`);
      return false;
    }
    // Checked before opening: opening a FIFO or a device could block or have effects.
    return statSync(target).isFile();
  };

  /** Whether a file over the bound passes the screen: the rest of it read in windows after `head`. */
  const passesToEnd = (fd: number, head: Buffer, { passes, overlap }: Screen): boolean => {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    let window = head;
    let windowStart = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (passes(window, windowStart === 0, read === 0)) return true;
      if (read === 0) return false;
      const kept = Math.min(window.length, overlap);
      windowStart += window.length - kept;
      window = Buffer.concat([window.subarray(window.length - kept), chunk.subarray(0, read)]);
    }
  };

  /**
   * The file's bytes (a view of the reused buffer, valid until the next read), or undefined when
   * skipped. No fstat: the directory entry already said it is a regular file, and reading until
   * end of file (or one byte past the limit) both sizes it and saves a system call on each of
   * thousands of files; a small file costs open, one read and close. Only a file over the limit is
   * stat'ed, for the warning.
   */
  const readBytes = (absolute: string, path: string): Buffer | undefined => {
    const fd = openSync(absolute, constants.O_RDONLY);
    try {
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          if (length > maxBytes) {
            if (!screen || passesToEnd(fd, buffer.subarray(0, length), screen)) {
              warn(`${path}: ${fstatSync(fd).size} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
            }
            return undefined;
          }
          const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
          buffer.copy(grown, 0, 0, length);
          buffer = grown;
        }
        const wanted = buffer.length - length;
        const read = readSync(fd, buffer, length, wanted, null);
        length += read;
        // A regular file answers a read in full up to its end, so a short read is the end: no
        // second read of zero bytes to learn it (a system call saved on each of thousands of files).
        if (read < wanted) break;
      }
      if (length > maxBytes) {
        if (!screen || screen.passes(buffer.subarray(0, length))) {
          warn(`${path}: ${length} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
        }
        return undefined;
      }
      return buffer.subarray(0, length);
    } finally {
      closeSync(fd);
    }
  };

  // The walk first, then the reads in the walk's order: the regular files between the two may go
  // through grep. Links are always checked and read by Node. Parallel arrays and plain loops: with
  // ten thousand files, each pass over them counts while the code is still cold.
  const paths: string[] = [];
  const absolutes: string[] = [];
  const links: number[] = [];
  const started =
    options.started &&
    options.started.root === root &&
    options.started.include === include &&
    options.started.mustContain === mustContain
      ? options.started
      : undefined;
  if (options.started && !started) options.started.screen.stop();
  // With started greps: the group of the searched folder each path lies in (-1: none), set as the
  // walk enters those folders.
  const groups: number[] = [];
  const visit = (dir: string, prefix: string, group: number): void => {
    const known = started?.listed.get(dir);
    const entries = known ?? sortedEntries(dir);
    for (const entry of entries) {
      // Not path.join, which validates and normalises on every call: paths built from root need neither.
      const absolute = dir + sep + entry.name;
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
        visit(absolute, `${path}/`, group !== -1 || !started ? group : (started.screen.groupOf.get(path) ?? -1));
        continue;
      }
      if (!include(path)) continue;
      if (entry.isSymbolicLink()) links.push(paths.length);
      else if (!entry.isFile()) continue;
      paths.push(path);
      absolutes.push(absolute);
      if (started) groups.push(group);
    }
  };
  try {
    visit(root, '', -1);
  } catch (error) {
    started?.screen.stop();
    throw error;
  }

  const mayPass =
    texts &&
    (started
      ? await withStartedScreen(started, root, paths, groups, links, texts, options.screenWith)
      : await grepPrefilter(root, paths, links, texts, options.screenWith));
  for (let index = 0, nextLink = 0; index < paths.length; index++) {
    const path = paths[index] as string;
    const absolute = absolutes[index] as string;
    if (links[nextLink] === index) {
      nextLink++;
      if (!isLinkToFileInside(absolute, path)) continue;
    } else if (mayPass !== undefined && mayPass[index] === 0) continue;
    const bytes = readBytes(absolute, path);
    if (bytes === undefined || (screen && !screen.passes(bytes))) continue;
    if (bytes.includes(0)) {
      warn(`${path}: binary (it holds NUL bytes), skipped`);
      continue;
    }
    const text = bytes.toString('utf8');
    files.push(isUtf8(bytes) ? { path, text } : { path, text, invalidUtf8: true });
  }
  return files;
}

function sortedEntries(dir: string): Dirent[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A level of the tree with this many folders or more is given to greps before the tree is walked
 * (`startTreeScreen`): a tree that wide is large enough for their start to pay.
 */
export const EARLY_GREP_MIN_FOLDERS = 64;
/** Levels looked at for that many folders. */
const EARLY_GREP_MAX_DEPTH = 6;

/** Greps searching a tree's folders, started before the tree is walked (`startTreeScreen`). */
export interface StartedScreen {
  root: string;
  include: (path: string) => boolean;
  mustContain: ReadTreeOptions['mustContain'];
  screen: FolderScreen;
  /** The folders listed to find the level searched, sorted as the walk reads them (by absolute path). */
  listed: ReadonlyMap<string, Dirent[]>;
}

/**
 * Starts greps over a large tree's folders before a command loads the code that reads what they find:
 * they screen the files while that code loads and while `readTree` walks the tree, which it is then
 * given (`started`). The tree is listed level by level from the root until a level holds
 * `EARLY_GREP_MIN_FOLDERS` folders (one folder is enough with `screenWith: 'grep'`), and that level's
 * folders are searched, a group per grep. Undefined, and nothing started, when the tree is not that
 * wide, grep is not to be used, or grep cannot say the screen. The greps search every file of the
 * folders (grep's own name filters differ from one grep to another), and only the files `include`
 * takes are read.
 */
export function startTreeScreen(
  root: string,
  options: Pick<ReadTreeOptions, 'include' | 'mustContain' | 'screenWith'>,
): StartedScreen | undefined {
  const include = options.include ?? isYamlPath;
  const { mustContain } = options;
  if (mustContain === undefined) return undefined;
  if (options.screenWith === 'node' || process.platform === 'win32') return undefined;
  const patterns = grepPatterns(typeof mustContain === 'string' ? [mustContain] : mustContain);
  if (patterns === undefined) return undefined;
  const enough = options.screenWith === 'grep' ? 1 : EARLY_GREP_MIN_FOLDERS;
  const listed = new Map<string, Dirent[]>();
  let level: { absolute: string; path: string }[] = [{ absolute: root, path: '' }];
  for (let depth = 1; depth <= EARLY_GREP_MAX_DEPTH && level.length > 0; depth++) {
    const next: { absolute: string; path: string }[] = [];
    for (const folder of level) {
      const entries = sortedEntries(folder.absolute);
      listed.set(folder.absolute, entries);
      for (const entry of entries) {
        if (!entry.isDirectory() || SKIPPED_DIRECTORIES.has(entry.name)) continue;
        next.push({
          absolute: folder.absolute + sep + entry.name,
          path: folder.path === '' ? entry.name : `${folder.path}/${entry.name}`,
        });
      }
    }
    if (next.length >= enough) {
      const screen = grepFolders(
        root,
        patterns,
        next.map((folder) => folder.path),
      );
      return { root, include, mustContain, screen, listed };
    }
    level = next;
  }
  return undefined;
}

/**
 * `grepPrefilter` for a walk that started greps screened: a regular file in a searched folder may
 * pass when its grep listed it, or could not search its group; the others (files above those
 * folders, and names starting with a dot, which not every grep searches in a folder) go through
 * `grepPrefilter`.
 */
async function withStartedScreen(
  started: StartedScreen,
  root: string,
  paths: readonly string[],
  groups: readonly number[],
  links: readonly number[],
  texts: readonly ScreenText[],
  screenWith: 'grep' | 'node' | undefined,
): Promise<Uint8Array> {
  const listed = await started.screen.listed;
  const mayPass = new Uint8Array(paths.length).fill(1);
  const rest: number[] = [];
  for (let index = 0, nextLink = 0; index < paths.length; index++) {
    if (links[nextLink] === index) {
      nextLink++;
      continue;
    }
    const path = paths[index] as string;
    const group = groups[index] as number;
    if (group === -1 || path.charCodeAt(path.lastIndexOf('/') + 1) === 0x2e) {
      rest.push(index);
      continue;
    }
    const found = listed[group];
    if (found !== undefined && !found.has(path)) mayPass[index] = 0;
  }
  if (rest.length > 0) {
    const verdicts = await grepPrefilter(
      root,
      rest.map((index) => paths[index] as string),
      [],
      texts,
      screenWith,
    );
    if (verdicts) rest.forEach((index, at) => (mayPass[index] = verdicts[at] as number));
  }
  return mayPass;
}

/**
 * For each file, 0 when grep says it cannot pass the screen (links are never asked about); undefined
 * when grep is not used (asked not to, too few files to pay for a start, Windows, a text grep cannot search).
 */
async function grepPrefilter(
  root: string,
  paths: readonly string[],
  links: readonly number[],
  texts: readonly ScreenText[],
  screenWith: 'grep' | 'node' | undefined,
): Promise<Uint8Array | undefined> {
  if (screenWith === 'node' || process.platform === 'win32') return undefined;
  const regular = paths.length - links.length;
  if ((screenWith === undefined && regular < GREP_SCREEN_MIN_FILES) || regular === 0) return undefined;
  const patterns = grepPatterns(texts);
  if (patterns === undefined) return undefined;
  if (links.length === 0) return grepScreen(root, paths, patterns);
  const linked = new Set(links);
  const regularIndexes = paths.flatMap((_path, index) => (linked.has(index) ? [] : [index]));
  const verdicts = await grepScreen(
    root,
    regularIndexes.map((index) => paths[index] as string),
    patterns,
  );
  const mayPass = new Uint8Array(paths.length).fill(1);
  regularIndexes.forEach((index, at) => (mayPass[index] = verdicts[at] as number));
  return mayPass;
}

/**
 * Writes changed files back. The caller computes every new text first, so a failure while
 * planning leaves the tree untouched. Synchronous for the reason reads are.
 *
 * Each file is rewritten in place through its existing inode (a link is written through, its mode
 * and hard links kept; a missing file is created): the new bytes go over the old ones, then the
 * file is cut to their length.
 * Not `writeFileSync`, which truncates to zero first: on ext4 a file truncated to zero and written
 * again is flushed to disk when it is closed (the `auto_da_alloc` safeguard), which made writing
 * 200 small files take 25-90 ms instead of 2.
 */
export async function writeTreeFiles(root: string, files: readonly TreeFile[]): Promise<void> {
  for (const file of files) overwriteFile(join(root, file.path), Buffer.from(file.text, 'utf8'));
}

function overwriteFile(path: string, bytes: Buffer): void {
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o666);
  try {
    for (let written = 0; written < bytes.length;) {
      written += writeSync(fd, bytes, written, bytes.length - written, written);
    }
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}
