import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileContents } from './index.js';

/**
 * The files of a folder as repository contents (`createRepository`), paths with forward slashes under
 * `prefix`; a `.git` folder is left out.
 */
export function readFolder(root: string, prefix = ''): FileContents {
  const files: FileContents = {};
  const walk = (dir: string, path: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}${entry.name}/`);
      else if (entry.isFile()) files[`${path}${entry.name}`] = readFileSync(join(dir, entry.name));
    }
  };
  walk(root, prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`);
  return files;
}
