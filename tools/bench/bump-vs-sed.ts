// `bump` over a tree of manifests against the crude text replacement (grep -rl + sed -i), timed side
// by side, alternating, in one run. Both run as the commands a user would run, processes included.
// The two trees are generated identically and both move one tag further each round (1.0.0 -> 1.0.1
// -> ...), so no round pays for copying a tree and both always have the same work to do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTree, TARGET_IMAGE } from './tree.js';

const CLI = new URL('../../dist/cli/index.js', import.meta.url).pathname;
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss-kib='+process.resourceUsage().maxRSS+'\\n'))`;

function timed(command: string, args: string[], env?: NodeJS.ProcessEnv): { ms: number; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', env: env ?? process.env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface BumpVsSed {
  files: number;
  referencing: number;
  rounds: number;
  node: string;
  bumpMs: number;
  sedMs: number;
  bumpRange: readonly [number, number];
  sedRange: readonly [number, number];
  /** Median bump time over median grep + sed time. */
  ratio: number;
  /** The lowest and highest ratio of one round's pair (each pair ran back to back). */
  ratioRange: readonly [number, number];
  bumpRssKiB: number;
  sedRssKiB: number | undefined;
}

/** `node`: the node that runs the CLI (the bench passes Node 24 when it is installed). */
export function benchBumpVsSed(node: string, files = 10_000, referencing = 200, rounds = 9): BumpVsSed {
  const work = mkdtempSync(join(tmpdir(), 'bench-bump-'));
  const bumpTree = join(work, 'bump');
  const sedTree = join(work, 'sed');
  const paths = generateTree(bumpTree, files, referencing, '1.0.0');
  generateTree(sedTree, files, referencing, '1.0.0');
  const bumpTimes: number[] = [];
  const sedTimes: number[] = [];
  let bumpRssKiB = 0;
  let sedRssKiB = 0;
  const hasGnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const from = `1.0.${round}`;
      const to = `1.0.${round + 1}`;
      const runBump = () => {
        const { ms, stderr } = timed(node, [
          '--import',
          REPORT_RSS,
          CLI,
          'bump',
          '--dir',
          bumpTree,
          '--image',
          TARGET_IMAGE,
          '--tag',
          to,
          '--json',
        ]);
        bumpTimes.push(ms);
        bumpRssKiB = Math.max(bumpRssKiB, Number(/maxrss-kib=(\d+)/.exec(stderr)?.[1] ?? 0));
      };
      const sedScript = `grep -rl '${TARGET_IMAGE}:${from}' '${sedTree}' | xargs sed -i 's#${TARGET_IMAGE}:${from}#${TARGET_IMAGE}:${to}#g'`;
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
      for (const path of paths) {
        if (!readFileSync(join(bumpTree, path), 'utf8').includes(`${TARGET_IMAGE}:${to}\n`))
          throw new Error(`bump missed ${path}`);
        if (!readFileSync(join(sedTree, path), 'utf8').includes(`${TARGET_IMAGE}:${to}\n`))
          throw new Error(`sed missed ${path}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ratios = bumpTimes.map((bumpMs, index) => bumpMs / (sedTimes[index] ?? NaN));
  const range = (values: number[]) => [Math.min(...values), Math.max(...values)] as const;
  return {
    files,
    referencing,
    rounds,
    node,
    bumpMs: median(bumpTimes),
    sedMs: median(sedTimes),
    bumpRange: range(bumpTimes),
    sedRange: range(sedTimes),
    ratio: median(bumpTimes) / median(sedTimes),
    ratioRange: range(ratios),
    bumpRssKiB,
    sedRssKiB: hasGnuTime ? sedRssKiB : undefined,
  };
}
