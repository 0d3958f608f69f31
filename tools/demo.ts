// npm start: the promotion story end to end on the embedded setup, no account, no network (the
// story itself is tools/demo/story.ts; this is its command line).
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoCluster, NO_CLUSTER, type DemoCluster } from './demo/cluster.js';
import { runStory } from './demo/story.js';

const HELP = `npm start [-- options]

Runs the promotion story on a local GitHub (real git behind GitHub's REST API) with the committed
action bundles run as the GitHub runner runs them: push to dev -> tag -> dispatch -> bump PR ->
validate -> merge -> apply -> promote to stg -> validate -> merge -> apply -> promote to prod
(refused: prod admits release builds only) -> release tag v0.4.10 -> tag -> dispatch -> bump PR
with reviewers -> validate -> merge -> apply -> rollback PR -> status.

Cluster steps (validate's cluster stage, apply) run on the local cluster when its binaries are built
(npm run local-cluster:build); otherwise they say "skipped: ${NO_CLUSTER}".

Options:
  --keep [dir]   leave the repositories on disk (in dir, or a new temporary folder) and print where
  --no-cluster   do not start the local cluster even when it is built
  --help         print this and exit

Exit status: 0 when every step did what the story says, 1 when a step failed.`;

// `--keep` may come without a folder: give parseArgs an empty one to mean "a temporary folder".
const args = process.argv
  .slice(2)
  .map((arg, i, all) => (arg === '--keep' && (all[i + 1] ?? '--').startsWith('-') ? '--keep=' : arg));
let values: { keep?: string; 'no-cluster'?: boolean; help?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    args,
    options: { keep: { type: 'string' }, 'no-cluster': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  }));
} catch (error) {
  console.error(`npm start: ${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (positionals.length > 0) {
  console.error(`npm start: unexpected argument ${positionals[0]}\n\n${HELP}`);
  process.exit(2);
}

const keep =
  values.keep === undefined
    ? undefined
    : values.keep === ''
      ? mkdtempSync(join(tmpdir(), 'gitops-promote-demo-'))
      : resolve(values.keep);
if (keep && existsSync(keep) && readdirSync(keep).length > 0) {
  console.error(`npm start: --keep ${keep}: the folder is not empty; give a new or empty one`);
  process.exit(2);
}
const cluster: DemoCluster = values['no-cluster'] ? { skip: NO_CLUSTER } : await demoCluster();
try {
  const result = await runStory({ cluster, ...(keep ? { keep } : {}) });
  const failed = result.steps.filter((step) => step.status === 'failed').length;
  const skipped = result.steps.filter((step) => step.status === 'skipped').length;
  const counts = [`${result.steps.length} steps`, `${failed} failed`];
  if (skipped > 0) counts.push(`${skipped} skipped: ${NO_CLUSTER}`);
  console.log(`\n${counts.join(', ')}; ${(result.ms / 1000).toFixed(1)} s, ${result.apiCalls} API calls`);
  if (keep) {
    console.log(`repositories kept in ${keep}:`);
    console.log(`  git --git-dir ${join(keep, 'repos', 'acme', 'environments.git')} log --oneline --graph --all`);
    console.log(`  git --git-dir ${join(keep, 'repos', 'acme', 'web.git')} log --oneline --all`);
    console.log(`  ${join(keep, 'checkout', 'environments')} (the workspace validate and apply ran in)`);
  }
  process.exitCode = result.ok ? 0 : 1;
} finally {
  if ('cluster' in cluster) await cluster.cluster.stop();
}
