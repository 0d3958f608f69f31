import { lstat, readdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
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
 */
export async function readTree(root: string, options: ReadTreeOptions = {}): Promise<TreeFile[]> {
  const include = options.include ?? isYamlPath;
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const warn = options.warn ?? (() => {});
  const realRoot = await realpath(root);
  const files: TreeFile[] = [];

  async function visit(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      const path = relative(root, absolute).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await visit(absolute);
        continue;
      }
      if (!include(path)) continue;
      let size: number;
      if (entry.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => undefined);
        if (!target) {
          warn(`${path}: dangling symlink, skipped`);
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          warn(`${path}: symlink to outside the tree, not followed`);
          continue;
        }
        const info = await stat(target);
        if (!info.isFile()) continue;
        size = info.size;
      } else if (entry.isFile()) {
        size = (await lstat(absolute)).size;
      } else continue;
      if (size > maxBytes) {
        warn(`${path}: ${size} bytes is over the ${maxBytes}-byte limit for manifests, skipped`);
        continue;
      }
      const text = await readFile(absolute, 'utf8');
      if (options.mustContain !== undefined && !text.includes(options.mustContain)) continue;
      files.push({ path, text });
    }
  }

  await visit(root);
  return files;
}

/**
 * Writes changed files back. The caller computes every new text first, so a failure while
 * planning leaves the tree untouched.
 */
export async function writeTreeFiles(root: string, files: readonly TreeFile[]): Promise<void> {
  for (const file of files) await writeFile(join(root, file.path), file.text, 'utf8');
}
