// The licenses.txt of a bundle: the license of every npm package whose code is in it, read from the
// build's webpack stats. ncc's own --license output looks only at the top module of each concatenated
// module, and ours start with our own source: dist/apply's listed 3 packages of the 40 it carries.
// Here every module counts, concatenated ones included, so each package the bundle copies has its
// notice beside it, as its license asks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_DIR = /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//;
const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:[.-].*)?$/i;

/** The folders (relative to the project, e.g. node_modules/@actions/core) of the packages the stats' modules come from. */
export function packageDirs(stats) {
  const dirs = new Set();
  const visit = (modules) => {
    for (const module of modules ?? []) {
      // `name` is relative to the project ("./node_modules/yaml/dist/index.js", or "... + 12 modules"
      // for a concatenated module, whose parts are listed in `modules`).
      const match = PACKAGE_DIR.exec(module.name ?? '');
      if (match) dirs.add(match[1]);
      visit(module.modules);
    }
  };
  visit(stats.modules);
  for (const chunk of stats.chunks ?? []) visit(chunk.modules);
  return [...dirs];
}

function licenseName(manifest) {
  const license = manifest.license ?? manifest.licenses;
  if (typeof license === 'string') return license;
  if (Array.isArray(license)) return license.map((item) => item.type ?? String(item)).join(' OR ');
  if (license && typeof license === 'object') return license.type ?? 'see the package';
  return 'UNKNOWN';
}

function authorName(manifest) {
  const author = manifest.author;
  return typeof author === 'string' ? author : (author?.name ?? '');
}

/**
 * licenses.txt for the packages in `dirs` (relative to `root`): name, license and the license file's
 * text of each, sorted by name. A package without a license file is listed with what its package.json
 * declares; one that declares nothing either stops the build, so no bundle carries code of unknown terms.
 */
export function licensesText(root, dirs) {
  const entries = dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const license = licenseName(manifest);
    const file = readdirSync(join(root, dir)).find((name) => LICENSE_FILE.test(name));
    if (!file && license === 'UNKNOWN') throw new Error(`${dir}: its code is in a bundle, and it declares no license`);
    const author = authorName(manifest);
    const text = file
      ? readFileSync(join(root, dir, file), 'utf8').trim()
      : `(The package has no license file; its package.json declares ${license}${author ? `, by ${author}` : ''}.)`;
    return { name: manifest.name ?? dir, license, text };
  });
  const seen = new Set();
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.text < b.text ? -1 : 1))
    .filter((entry) => {
      const key = `${entry.name}\n${entry.license}\n${entry.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((entry) => `${entry.name}\n${entry.license}\n${entry.text}\n`)
    .join('\n');
}
