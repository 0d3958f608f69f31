// Builds every bundle from one list: the actions found in actions/*/action.yml, the root action
// and the command line. dist/ is removed first so that a deleted action leaves no stale bundle.
// The root action.yml is generated here too, from the same list (scripts/root-action.mjs), so a
// new action appears in it without hand work; CI fails when the committed one is stale.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCodeCache } from './bundle-script.mjs';
import { licensesText, packageDirs } from './licenses.mjs';
import { rootActionYaml } from './root-action.mjs';
import { writeReadmeReference } from './action-reference.mjs';

const root = new URL('..', import.meta.url).pathname;
const actionNames = readdirSync(join(root, 'actions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'actions', entry.name, 'action.yml')))
  .map((entry) => entry.name)
  .sort();

const bundles = [
  ...actionNames.map((name) => ({ name, entry: `src/actions/${name}/index.ts` })),
  { name: 'main', entry: 'src/actions/main.ts' },
  { name: 'cli', entry: 'src/cli/index.ts' },
];

writeFileSync(join(root, 'action.yml'), await rootActionYaml(root, actionNames));
console.log('wrote action.yml');
await writeReadmeReference(root);
console.log("wrote the README's action reference");

// `node scripts/build.mjs bump validate` rebuilds only those bundles (while working on them); with
// no names, dist/ is built again from nothing, as CI checks it.
const only = process.argv.slice(2);
for (const name of only) {
  if (!bundles.some((bundle) => bundle.name === name)) {
    console.error(`build: no bundle "${name}" (bundles: ${bundles.map((bundle) => bundle.name).join(', ')})`);
    process.exit(2);
  }
}
if (only.length === 0) rmSync(join(root, 'dist'), { recursive: true, force: true });
else for (const name of only) rmSync(join(root, 'dist', name), { recursive: true, force: true });
const statsDir = mkdtempSync(join(tmpdir(), 'gitops-promote-build-'));
for (const { name, entry } of bundles.filter((bundle) => only.length === 0 || only.includes(bundle.name))) {
  if (!existsSync(join(root, entry))) {
    console.error(`build: ${entry} is missing for bundle "${name}"`);
    process.exit(1);
  }
  const out = join('dist', name);
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      entry,
      '-o',
      out,
      '--minify',
      '--no-source-map-register',
      '--quiet',
      // No persistent webpack cache: ncc keeps one per entry path under ~/.cache/ncc, shared by
      // every checkout on the machine, and a cache another tree left there can resolve a module
      // differently (a CI run built dist/apply with other chunks than a clean machine does).
      '--no-cache',
      // The modules of the bundle, for its licenses.txt (see licenses.mjs; ncc's --license misses
      // the packages inside concatenated modules).
      '--stats-out',
      join(statsDir, `${name}.json`),
      '--target',
      'es2022',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  const stats = JSON.parse(readFileSync(join(statsDir, `${name}.json`), 'utf8'));
  writeFileSync(join(root, out, 'licenses.txt'), licensesText(root, packageDirs(stats)));
  withCodeCache(join(root, out));
  console.log(`built ${out}/index.js`);
}
rmSync(statsDir, { recursive: true, force: true });
