// npm run conformance -- <dir>: runs the peer projects' test tables in <dir> through the command
// line and prints every failure, then "N passed, N failed".
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CaseResult } from './cli.js';
import { disputeOf } from './disputed.js';

const TABLES: { path: string; load: () => Promise<{ run(path: string): Promise<CaseResult[]> }> }[] = [
  { path: 'image-ref-cases.json', load: () => import('./image-ref.js') },
  { path: 'flux-policy-cases.json', load: () => import('./flux-policy.js') },
  { path: 'flux-setters', load: () => import('./flux-setters.js') },
];

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run conformance -- <conformance dir>');
  process.exit(2);
}
const results: CaseResult[] = [];
let skipped = 0;
for (const table of TABLES) {
  const path = resolve(dir, table.path);
  if (!existsSync(path)) {
    console.log(`${table.path}: not present in ${dir}, not run`);
    continue;
  }
  const tableResults: CaseResult[] = [];
  let tableSkipped = 0;
  for (const result of await (await table.load()).run(path)) {
    const dispute = disputeOf(table.path, result.id);
    if (dispute && !result.ok) {
      tableSkipped++;
      console.log(`  SKIP ${result.id}: disputed: ${dispute.reason} (got: ${result.detail ?? ''})`);
      continue;
    }
    if (dispute)
      console.log(
        `  NOTE ${result.id}: listed as disputed but passes now; remove it from test/conformance/disputed.ts`,
      );
    tableResults.push(result);
  }
  const failed = tableResults.filter((result) => !result.ok);
  console.log(
    `${table.path}: ${tableResults.length - failed.length} passed, ${failed.length} failed, ${tableSkipped} skipped`,
  );
  for (const failure of failed) console.log(`  FAIL ${failure.id}: ${failure.detail ?? ''}`);
  results.push(...tableResults);
  skipped += tableSkipped;
}
const failed = results.filter((result) => !result.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
