// `bump` over a 10,000-file tree against the crude text replacement (grep -rl + sed -i), timed side
// by side, alternating, in one run. Both run as the commands a user would run, processes included.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTree, TARGET_IMAGE } from './tree.js';

const CLI = new URL('../../dist/cli/index.js', import.meta.url).pathname;
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss-kib='+process.resourceUsage().maxRSS+'\\n'))`;

function timed(command: string, args: string[]): { ms: number; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export function benchBumpVsSed(rounds = 9) {
  const work = mkdtempSync(join(tmpdir(), 'bench-bump-'));
  const pristine = join(work, 'pristine');
  const referencing = generateTree(pristine, 10_000, 200, '1.0.0');
  const bumpTimes: number[] = [];
  const sedTimes: number[] = [];
  let bumpRssKiB = 0;
  let sedRssKiB = 0;
  const hasGnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  for (let round = 0; round < rounds; round++) {
    const bumpTree = join(work, `bump-${round}`);
    const sedTree = join(work, `sed-${round}`);
    cpSync(pristine, bumpTree, { recursive: true });
    cpSync(pristine, sedTree, { recursive: true });
    const runBump = () => {
      const { ms, stderr } = timed(process.execPath, [
        '--import',
        REPORT_RSS,
        CLI,
        'bump',
        '--dir',
        bumpTree,
        '--image',
        TARGET_IMAGE,
        '--tag',
        '1.0.1',
        '--json',
      ]);
      bumpTimes.push(ms);
      bumpRssKiB = Math.max(bumpRssKiB, Number(/maxrss-kib=(\d+)/.exec(stderr)?.[1] ?? 0));
    };
    const sedScript = `grep -rl '${TARGET_IMAGE}:1.0.0' '${sedTree}' | xargs sed -i 's#${TARGET_IMAGE}:1.0.0#${TARGET_IMAGE}:1.0.1#g'`;
    const runSed = () => {
      const { ms, stderr } = hasGnuTime
        ? timed('/usr/bin/time', ['-f', 'maxrss-kib=%M', 'sh', '-c', sedScript])
        : timed('sh', ['-c', sedScript]);
      sedTimes.push(ms);
      sedRssKiB = Math.max(sedRssKiB, Number(/maxrss-kib=(\d+)/.exec(stderr)?.[1] ?? 0));
    };
    // Alternate who goes first so that a warm page cache favours neither.
    if (round % 2 === 0) {
      runBump();
      runSed();
    } else {
      runSed();
      runBump();
    }
    for (const path of referencing) {
      const bumped = readFileSync(join(bumpTree, path), 'utf8');
      if (!bumped.includes(`${TARGET_IMAGE}:1.0.1`)) throw new Error(`bump missed ${path}`);
    }
    rmSync(bumpTree, { recursive: true, force: true });
    rmSync(sedTree, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  // Each round's pair ran back to back, so its ratio is less exposed to load that comes and goes on a
  // shared machine than a ratio of two medians taken over the whole run.
  const ratios = bumpTimes.map((bumpMs, index) => bumpMs / (sedTimes[index] ?? NaN));
  return {
    rounds,
    bumpMs: median(bumpTimes),
    sedMs: median(sedTimes),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)] as const,
    bumpRssKiB,
    sedRssKiB: hasGnuTime ? sedRssKiB : undefined,
  };
}
