// What validate tells people: one row per resource for the job summary, one section per resource
// for the pull request comment. Every manifest value and kubectl message passes the untrusted-text
// helpers; Secret values never reach here (only names and kubectl's reasons do).
import type { CheckedObject, Finding, StaticReport } from '../validate/findings.js';
import { formatFinding, objectLabel } from '../validate/findings.js';
import { mdBlock, mdCode } from './untrusted.js';

export interface ClusterOutcome {
  kind: string;
  namespace: string;
  name: string;
  stage: 'dry-run' | 'apply' | 'rollout';
  result: 'passed' | 'failed' | 'not-checked';
  reason?: string;
  seconds: number;
  diagnostics?: string;
}

export interface ResourceRow {
  kind: string;
  resource: string;
  stage: string;
  result: 'passed' | 'failed' | 'not-checked';
  seconds?: number;
  details: string[];
}

const key = (o: { kind: string; namespace: string; name: string }) => `${o.kind}|${o.namespace}|${o.name}`;

/** One row per object (static stage, then the cluster stage's word when it ran), plus file-level findings. */
export function resourceRows(report: StaticReport, outcomes: readonly ClusterOutcome[]): ResourceRow[] {
  const byObject = new Map<string, Finding[]>();
  const loose: Finding[] = [];
  for (const finding of report.findings) {
    if (finding.object) {
      const k = key(finding.object);
      byObject.set(k, [...(byObject.get(k) ?? []), finding]);
    } else loose.push(finding);
  }
  const cluster = new Map(outcomes.map((o) => [key(o), o]));
  const rows: ResourceRow[] = loose.map((finding) => ({
    kind: '(file)',
    resource: finding.file,
    stage: 'static',
    result: finding.severity === 'error' ? 'failed' : 'not-checked',
    details: [formatFinding(finding)],
  }));
  const seen = new Set<string>();
  for (const object of report.objects) {
    const k = key(object);
    if (seen.has(k)) continue;
    seen.add(k);
    rows.push(rowFor(object, byObject.get(k) ?? [], cluster.get(k)));
  }
  return rows;
}

function rowFor(object: CheckedObject, findings: Finding[], outcome: ClusterOutcome | undefined): ResourceRow {
  const resource = `${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
  const details = findings.map(formatFinding);
  if (object.result === 'failed' || !outcome) {
    return { kind: object.kind, resource, stage: 'static', result: object.result, details };
  }
  if (outcome.reason) details.push(`${outcome.stage}: ${outcome.reason}`);
  if (outcome.diagnostics) details.push(`diagnostics: ${outcome.diagnostics}`);
  const result = outcome.result === 'passed' && object.result === 'not-checked' ? 'not-checked' : outcome.result;
  return { kind: object.kind, resource, stage: outcome.stage, result, seconds: outcome.seconds, details };
}

const ICON = { passed: '✅ passed', failed: '❌ failed', 'not-checked': '⚪ not checked' } as const;

/** The comment: a header with the counts, then one section per resource, failures first. */
export function commentSections(rows: readonly ResourceRow[]): string[] {
  const order = { failed: 0, 'not-checked': 1, passed: 2 } as const;
  const sorted = [...rows].sort((a, b) => order[a.result] - order[b.result]);
  const passed = sorted.filter((row) => row.result === 'passed');
  const sections = sorted
    .filter((row) => row.result !== 'passed')
    .map((row) => {
      const head = `#### ${ICON[row.result]}: ${mdCode(row.kind)} ${mdCode(row.resource)} (${row.stage})`;
      return row.details.length > 0 ? `${head}\n${mdBlock(row.details.join('\n'))}` : head;
    });
  if (passed.length > 0) {
    sections.push(
      `<details><summary>${passed.length} passed</summary>\n\n${passed
        .map((row) => `- ${mdCode(row.kind)} ${mdCode(row.resource)} (${row.stage})`)
        .join('\n')}\n\n</details>`,
    );
  }
  return sections;
}

export function commentHeader(
  result: 'passed' | 'failed',
  rows: readonly ResourceRow[],
  environment?: string,
  runUrl?: string,
): string {
  const count = (r: ResourceRow['result']) => rows.filter((row) => row.result === r).length;
  const where = environment ? ` for environment ${mdCode(environment)}` : '';
  const run = runUrl ? ` ([run](${runUrl}))` : '';
  return `### gitops-promote validate${where}: ${result === 'passed' ? '✅ passed' : '❌ failed'}${run}\n\n${count('passed')} passed, ${count('failed')} failed, ${count('not-checked')} not checked.`;
}

export function resourceName(row: { kind: string; resource: string }): string {
  return `${row.kind} ${row.resource}`;
}

export { objectLabel };
