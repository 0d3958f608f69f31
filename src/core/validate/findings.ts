// What the static stage says about an environment's manifests: findings (errors that fail the run)
// and notes (objects it could not check, with the reason). Never a value of a Secret.

export type FindingSeverity = 'error' | 'not-checked';

export interface ObjectId {
  kind: string;
  namespace: string;
  name: string;
}

export interface Finding {
  severity: FindingSeverity;
  /** Short rule name: parse, duplicate-key, schema, unknown-field, name, selector, image, policy, duplicate, secret, flux, render. */
  rule: string;
  file: string;
  line?: number;
  object?: ObjectId;
  message: string;
}

/** One object the static stage read, and what became of it. */
export interface CheckedObject extends ObjectId {
  apiVersion: string;
  file: string;
  line: number;
  environment?: string;
  result: 'passed' | 'failed' | 'not-checked';
}

export interface StaticReport {
  objects: CheckedObject[];
  findings: Finding[];
  /** The objects' content, for the cluster stage; never printed (Secrets are among them). */
  manifests: { object: CheckedObject; value: Record<string, unknown> }[];
}

export function objectLabel(object: ObjectId): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
}

export function formatFinding(finding: Finding): string {
  const where = `${finding.file}${finding.line ? `:${finding.line}` : ''}`;
  const what = finding.object ? ` ${objectLabel(finding.object)}` : '';
  const label = finding.severity === 'error' ? finding.rule : `not checked (${finding.rule})`;
  return `${where}:${what} ${label}: ${finding.message}`;
}
