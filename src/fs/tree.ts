import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Files larger than this are skipped with a warning rather than parsed (manifests are small). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface TreeFile {
  /** Path relative to the tree root, with forward slashes. */
  path: string;
  text: string;
}

export interface ReadTreeOptions {
  /** Which files to read, by their relative path; default: `.yaml` and `.yml`. */
  include?: (path: string) => boolean;
  /** Reads only files whose text contains this (a cheap screen before parsing). */
  mustContain?: string;
  maxFileBytes?: number;
  warn?: (message: string) => void;
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

export const isYamlPath = (path: string) => /\.ya?ml$/i.test(path);

/**
 * Reads the text files of a tree. Symlinks are followed only when they resolve inside the tree
 * (a link out of the repository could leak or overwrite files elsewhere); dangling links are skipped.
 * Synchronous file calls on purpose: a CLI run over ten thousand small files is several times faster
 * without a promise per file, and nothing else runs meanwhile.
 */
export async function readTree(root: string, options: ReadTreeOptions = {}): Promise<TreeFile[]> {
  const include = options.include ?? isYamlPath;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const warn = options.warn ?? (() => {});
  const screen = options.mustContain === undefined ? undefined : Buffer.from(options.mustContain, 'utf8');
  const realRoot = realpathSync(root);
  const files: TreeFile[] = [];

  const sizeOfLink = (absolute: string, path: string): number | undefined => {
    let target: string;
    try {
      target = realpathSync(absolute);
    } catch {
      warn(`${path}: dangling symlink, skipped`);
      return undefined;
    }
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      warn(`${path}: symlink to outside the tree, not followed`);
      return undefined;
    }
    const info = statSync(target);
    return info.isFile() ? info.size : undefined;
  };

  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      const path = relative(root, absolute).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(absolute);
        continue;
      }
      if (!include(path)) continue;
      const size = entry.isSymbolicLink()
        ? sizeOfLink(absolute, path)
        : entry.isFile()
          ? lstatSync(absolute).size
          : undefined;
      if (size === undefined) continue;
      if (size > maxBytes) {
        warn(`${path}: ${size} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
        continue;
      }
      const bytes = readFileSync(absolute);
      if (screen && !bytes.includes(screen)) continue;
      files.push({ path, text: bytes.toString('utf8') });
    }
  };

  visit(root);
  return files;
}

/**
 * Writes changed files back. The caller computes every new text first, so a failure while
 * planning leaves the tree untouched.
 */
export async function writeTreeFiles(root: string, files: readonly TreeFile[]): Promise<void> {
  for (const file of files) await writeFile(join(root, file.path), file.text, 'utf8');
}
