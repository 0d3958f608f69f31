// The closing table of `npm run bench`: every benchmark on one line, what it measured, its target
// and whether it met it, so a run is read at a glance and compared with the last one.
export interface BenchResult {
  name: string;
  ok: boolean;
  /** What was measured, in words and units (e.g. "1.42x (bump 310 ms, grep+sed 218 ms)"). */
  measured?: string;
  /** The target, or what the line is compared with; none for a figure that is only reported. */
  target?: string;
  /** Not measured, and why (no cluster, no baseline built): neither met nor missed. */
  skipped?: string;
}

export function resultTable(results: readonly BenchResult[]): string {
  const rows = [
    ['benchmark', 'measured', 'target', 'verdict'],
    ...results.map((r) => [
      r.name,
      r.skipped ? `skipped: ${r.skipped}` : (r.measured ?? ''),
      r.target ?? '',
      r.skipped ? 'not measured' : r.target === undefined ? 'no target' : r.ok ? 'within target' : 'OVER TARGET',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
