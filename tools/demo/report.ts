// How the story shows itself: one line per step (number, what ran, what it did, how long) and, under
// a step that opened or changed a pull request, that pull request and its diff.
import type { World } from './world.js';
import { ENV_REPO, OWNER } from './world.js';

export interface StepRecord {
  index: number;
  /** Stable name for tests, e.g. `stg:validate`. */
  id: string;
  /** What ran, as printed: `bump`, `validate`, `merge` ... */
  name: string;
  status: 'ok' | 'skipped' | 'failed';
  detail: string;
  ms: number;
  /** Requests the step made to the local GitHub (its actions' and the demo's own). */
  apiCalls: number;
  /** What is shown under the line: a pull request and its diff, the status matrix. */
  shown?: string;
}

const tty = process.stdout.isTTY;
const paint = (code: string, text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const MARK = { ok: paint('32', '✓'), skipped: paint('33', '–'), failed: paint('31', '✗') };

export function stepLine(step: StepRecord): string {
  const seconds = `${(step.ms / 1000).toFixed(2)} s`;
  return `${String(step.index).padStart(3)} ${MARK[step.status]} ${step.name.padEnd(19)} ${step.detail}  ${paint('2', `(${seconds})`)}`;
}

export function indent(text: string, by = 7): string {
  return text
    .split('\n')
    .map((line) => `${' '.repeat(by)}${line}`)
    .join('\n');
}

/** A pull request as a reviewer sees it first: title, branches, who is asked, and the diff. */
export async function describePull(world: World, number: number): Promise<string> {
  const pull = world.pull(number);
  const lines = [`#${number} ${pull.title}  [${pull.headRef} -> ${pull.baseRef}]`];
  const extras = [
    pull.labels.length > 0 && `labels ${pull.labels.join(', ')}`,
    pull.requestedReviewers.length + pull.requestedTeams.length > 0 &&
      `reviewers ${[...pull.requestedReviewers, ...pull.requestedTeams.map((team) => `team ${team}`)].join(', ')}`,
    pull.autoMerge && `auto-merge (${pull.autoMerge.mergeMethod.toLowerCase()})`,
  ].filter(Boolean);
  if (extras.length > 0) lines.push(extras.join('; '));
  const range = `${pull.baseRef}...${pull.headSha}`;
  lines.push(await world.github.git(OWNER, ENV_REPO, ['diff', '--unified=0', '--no-color', range]));
  return indent(lines.join('\n'));
}
