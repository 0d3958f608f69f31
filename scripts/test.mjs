// Runs the test suite with node's own test runner (TypeScript through tsx).
//   npm test              every test except the slow ones (*.slow.test.ts)
//   npm test -- --slow    the slow ones too
//   npm test -- <file>... only the named files
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const slow = args.includes('--slow');
const named = args.filter((arg) => !arg.startsWith('--'));

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : findTests(path);
    if (!entry.name.endsWith('.test.ts')) return [];
    if (entry.name.endsWith('.slow.test.ts') && !slow) return [];
    return [relative(root, path)];
  });
}

const files = named.length > 0 ? named : findTests(join(root, 'test')).sort();
// After tsx, the resolve hook that maps what the bundles map inside node_modules (see aliases.mjs).
const aliases = new URL('aliases.mjs', import.meta.url).href;
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--import', aliases, '--test', '--test-reporter=spec', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GITOPS_PROMOTE_SLOW_TESTS: slow ? '1' : '' },
  },
);
process.exit(result.status ?? 1);
