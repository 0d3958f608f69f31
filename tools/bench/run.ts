// npm run bench: the project's speed and memory targets, each measured side by side with its
// baseline in the same run (ratios, not absolute times: these machines are shared and noisy).
//   npm run bench                     every part
//   npm run bench -- cold-start ...   only the named parts: bump-vs-sed, api-calls, cold-start,
//                                     validate-static, apply-vs-kubectl
import { existsSync } from 'node:fs';
import { benchBumpVsSed } from './bump-vs-sed.js';
import { benchApiCalls, benchColdStart } from './github.js';
import { benchApply, benchValidateStatic } from './kube.js';

if (!existsSync(new URL('../../dist/cli/index.js', import.meta.url))) {
  console.error('bench: dist/ is missing; run "npm run build" first');
  process.exit(1);
}

const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

function benchBump(): { name: string; ok: boolean }[] {
  console.log('bump vs grep -rl + sed -i, 10,000 files (200 referencing the image), 9 alternating rounds');
  const bump = benchBumpVsSed();
  console.log(`  bump:       ${bump.bumpMs.toFixed(0)} ms median, peak RSS ${(bump.bumpRssKiB / 1024).toFixed(1)} MiB`);
  console.log(
    `  grep + sed: ${bump.sedMs.toFixed(0)} ms median${bump.sedRssKiB ? `, peak RSS ${(bump.sedRssKiB / 1024).toFixed(1)} MiB (largest process)` : ''}`,
  );
  console.log(
    `  ratio:      ${bump.ratio.toFixed(2)}x, median of the rounds' ratios (range ${bump.ratioRange[0].toFixed(2)}-${bump.ratioRange[1].toFixed(2)}; target <= 2x): ${verdict(bump.ratio <= 2)}`,
  );
  return [{ name: 'bump vs grep+sed', ok: bump.ratio <= 2 }];
}

const parts: Record<string, () => { name: string; ok: boolean }[] | Promise<{ name: string; ok: boolean }[]>> = {
  'bump-vs-sed': benchBump,
  'api-calls': benchApiCalls,
  'cold-start': benchColdStart,
  'validate-static': benchValidateStatic,
  'apply-vs-kubectl': benchApply,
};
const named = process.argv.slice(2);
const unknown = named.filter((name) => !(name in parts));
if (unknown.length > 0) {
  console.error(`bench: unknown part ${unknown.join(', ')}; expected one of ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
const results: { name: string; ok: boolean }[] = [];
for (const [name, run] of Object.entries(parts)) {
  if (named.length === 0 || named.includes(name)) results.push(...(await run()));
}

const over = results.filter((result) => !result.ok);
console.log(over.length === 0 ? '\nall targets met' : `\nover target: ${over.map((result) => result.name).join(', ')}`);
