// Builds every bundle from one list: the actions found in actions/*/action.yml, the root action
// and the command line. dist/ is removed first so that a deleted action leaves no stale bundle.
// The root action.yml is generated here too, from the same list (scripts/root-action.mjs), so a
// new action appears in it without hand work; CI fails when the committed one is stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootActionYaml } from './root-action.mjs';

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

rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const { name, entry } of bundles) {
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
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`built ${out}/index.js`);
}
