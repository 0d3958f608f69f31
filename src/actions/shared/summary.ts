import * as runner from './runner.js';
import { escapeHtml } from '../../core/text/untrusted.js';
import { log } from './log.js';

/**
 * Appends a heading and a two-column table to the job summary. Outside a runner (no
 * GITHUB_STEP_SUMMARY) there is nowhere to write, which is not a reason to fail the step.
 */
export async function writeSummaryTable(
  heading: string,
  rows: ReadonlyArray<readonly [string, string]>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    log.info('no GITHUB_STEP_SUMMARY: job summary not written');
    return;
  }
  await runner
    .summary()
    .addHeading(heading, 3)
    .addTable([
      [
        { data: 'Field', header: true },
        { data: 'Value', header: true },
      ],
      ...rows.map(([field, value]) => [field, value === '' ? '(none)' : `<code>${escapeHtml(value)}</code>`]),
    ])
    .write();
}
