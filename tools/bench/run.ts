// npm run bench: the project's speed and memory targets, each measured side by side with its
// baseline in the same run (ratios, not absolute times: these machines are shared and noisy).
//   npm run bench                     every part
//   npm run bench -- cold-start ...   only the named parts: bump-vs-sed, regexp, api-calls,
//                                     request-overhead, cold-start, validate-static, apply-vs-kubectl, demo
//   npm run bench -- --quick          leaves out the 100,000-file tree
import { existsSync } from 'node:fs';
import { benchBumpVsSed, type BumpVsSed } from './bump-vs-sed.js';
import { benchApiCalls, benchRequestOverhead, runnerNode } from './github.js';
import { benchColdStart } from './cold-start.js';
import { benchApply, benchValidateStatic } from './kube.js';
import { benchDemo } from './demo.js';
import { benchHostileRegexp, REGEXP_TARGET_MS } from './regexp.js';
import { resultTable, type BenchResult } from './table.js';

if (!existsSync(new URL('../../dist/cli/index.js', import.meta.url))) {
  console.error('bench: dist/ is missing; run "npm run build" first');
  process.exit(1);
}

type Result = BenchResult;
const BUMP_TARGET = 2;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');
const quick = process.argv.includes('--quick');

function report(bump: BumpVsSed): Omit<Result, 'name'> {
  const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
  const range = ([low, high]: readonly [number, number], digits = 0) =>
    `${low.toFixed(digits)}-${high.toFixed(digits)}`;
  const ok = bump.ratio <= BUMP_TARGET;
  console.log(
    `\nbump vs grep -rl + sed -i, ${bump.files.toLocaleString('en')} files (${bump.referencing.toLocaleString('en')} referencing the image), ${bump.rounds} alternating rounds, bump under ${bump.node}`,
  );
  console.log(
    `  bump:       ${bump.bumpMs.toFixed(0)} ms median (range ${range(bump.bumpRange)}), peak RSS ${mib(bump.bumpRssKiB)}`,
  );
  console.log(
    `  grep + sed: ${bump.sedMs.toFixed(0)} ms median (range ${range(bump.sedRange)})${bump.sedRssKiB ? `, peak RSS ${mib(bump.sedRssKiB)} (largest process)` : ''}`,
  );
  console.log(
    `  ratio:      ${bump.ratio.toFixed(2)}x, median over median (one round's pair: ${range(bump.ratioRange, 2)}); target <= ${BUMP_TARGET}x: ${verdict(ok)}`,
  );
  return {
    ok,
    measured: `${bump.ratio.toFixed(2)}x (bump ${bump.bumpMs.toFixed(0)} ms, grep+sed ${bump.sedMs.toFixed(0)} ms)`,
    target: `<= ${BUMP_TARGET}x`,
  };
}

function benchBump(): Result[] {
  const node = runnerNode();
  const results: Result[] = [];
  const small = benchBumpVsSed(node, 10_000, 200, 9);
  results.push({ name: 'bump vs grep+sed, 10,000 files', ...report(small) });
  if (quick) return results;
  const large = benchBumpVsSed(node, 100_000, 2_000, 5);
  results.push({ name: 'bump vs grep+sed, 100,000 files', ...report(large) });
  // Noise on a shared machine moves both ratios; a growth past a quarter is the tree's doing.
  const grows = large.ratio > small.ratio * 1.25;
  console.log(
    `  growth:     ${(large.ratio / small.ratio).toFixed(2)}x the 10,000-file ratio; target: the ratio does not grow with the tree: ${verdict(!grows)}`,
  );
  results.push({
    name: 'bump ratio does not grow with the tree',
    ok: !grows,
    measured: `${(large.ratio / small.ratio).toFixed(2)}x the 10,000-file ratio`,
    target: '<= 1.25x',
  });
  return results;
}

function benchRegexp(): Result[] {
  const hostile = benchHostileRegexp();
  const ok = hostile.ms < REGEXP_TARGET_MS && !hostile.matched;
  console.log(
    `\nGo regexp ^(a+)+$ against 100,000 characters (compile, test and exec): ${hostile.ms.toFixed(0)} ms median (range ${hostile.range[0].toFixed(0)}-${hostile.range[1].toFixed(0)}), answer ${hostile.matched ? 'WRONG' : 'right (no match)'}; target < ${REGEXP_TARGET_MS} ms: ${verdict(ok)}`,
  );
  return [
    {
      name: 'hostile Go regexp, 100,000 characters',
      ok,
      measured: `${hostile.ms.toFixed(0)} ms, ${hostile.matched ? 'wrong answer' : 'right answer'}`,
      target: `< ${REGEXP_TARGET_MS} ms`,
    },
  ];
}

const parts: Record<string, () => Result[] | Promise<Result[]>> = {
  'bump-vs-sed': benchBump,
  regexp: benchRegexp,
  'api-calls': benchApiCalls,
  'request-overhead': benchRequestOverhead,
  'cold-start': benchColdStart,
  'validate-static': benchValidateStatic,
  'apply-vs-kubectl': benchApply,
  demo: benchDemo,
};
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((name) => !(name in parts));
if (unknown.length > 0) {
  console.error(`bench: unknown part ${unknown.join(', ')}; expected one of ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
const results: Result[] = [];
for (const [name, run] of Object.entries(parts)) {
  if (named.length === 0 || named.includes(name)) results.push(...(await run()));
}

console.log(`\n${resultTable(results)}`);
const over = results.filter((result) => !result.ok);
console.log(
  over.length === 0
    ? '\nall targets met'
    : `\ntargets met: ${results.length - over.length} of ${results.length}; over target: ${over.map((result) => result.name).join(', ')}`,
);
