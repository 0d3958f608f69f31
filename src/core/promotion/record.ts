// The machine-readable record of what a promotion branch carries, written by this tool into its
// commits and pull request bodies, so later steps (and later bumps) can read what a branch carries
// without trusting anything else.
import type { DispatchSource } from '../payload/index.js';
import type { Decision } from './decide.js';
import type { Promotion } from './resolve.js';

export const RECORD_VERSION = 1;
export const RECORD_MARKER = 'gitops-promote:record';
const COMMIT_TRAILER = 'Gitops-Promote-Record:';

/** What a promotion branch carries, written by this tool into its commits and pull requests. */
export interface PromotionRecord {
  v: typeof RECORD_VERSION;
  app: string;
  environment: string;
  image: string;
  tag: string;
  digest?: string;
  /** Tags the environment ran before (what the changed places held). */
  previousTags: string[];
  changes: { file: string; line: number; path: string; old: string; new: string }[];
  /** The base commit the change was planned on. */
  base: string;
  buildTimestamp?: number;
  dispatchId?: string;
  source?: DispatchSource;
  /** The environment the image was promoted from (a `promote` run), when it was. */
  fromEnvironment?: string;
}

export function buildRecord(
  promotion: Promotion,
  decision: Extract<Decision, { kind: 'change' }>,
  base: string,
): PromotionRecord {
  const { request } = promotion;
  const { provenance } = request;
  return {
    v: RECORD_VERSION,
    app: promotion.app.name,
    environment: promotion.environment.name,
    image: promotion.app.image,
    tag: promotion.tag,
    ...(promotion.digest !== undefined && { digest: promotion.digest }),
    previousTags: decision.previousTags,
    changes: decision.changes.map(({ file, line, path, old, new: value }) => ({ file, line, path, old, new: value })),
    base,
    ...(request.buildTimestamp !== undefined && { buildTimestamp: request.buildTimestamp }),
    ...(provenance.dispatchId !== undefined && { dispatchId: provenance.dispatchId }),
    ...(provenance.source !== undefined && { source: provenance.source }),
    ...(provenance.kind === 'promotion' && { fromEnvironment: provenance.fromEnvironment }),
  };
}

// `<`, `>` and `&` escaped so that no value can close the HTML comment or the markdown around it.
export function recordJson(record: PromotionRecord): string {
  return JSON.stringify(record).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
export function renderCommitMessage(title: string, record: PromotionRecord): string {
  return `${title}\n\n${record.changes.map((change) => oneLine(`${change.file}: ${change.path} ${change.old} -> ${change.new}`)).join('\n')}\n\n${COMMIT_TRAILER} ${recordJson(record)}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

export function parseCommitRecord(message: string): PromotionRecord | undefined {
  const line = message
    .split('\n')
    .filter((candidate) => candidate.startsWith(COMMIT_TRAILER))
    .at(-1);
  return line === undefined ? undefined : parseRecordJson(line.slice(COMMIT_TRAILER.length));
}

/** The record in a PR body, with the commit it described (so a reader can tell a stale body). */
export function parseBodyRecord(
  body: string | null | undefined,
): { record: PromotionRecord; commit: string } | undefined {
  // The last block is ours: the body ends with it, and a value quoted earlier cannot pose as it.
  const match = [...(body ?? '').matchAll(new RegExp(`<!-- ${RECORD_MARKER} (\\S+) (\\{.*\\}) -->`, 'g'))].at(-1);
  if (!match) return undefined;
  const record = parseRecordJson(match[2] ?? '');
  return record ? { record, commit: match[1] ?? '' } : undefined;
}

function parseRecordJson(text: string): PromotionRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<PromotionRecord> | null;
    if (!value || value.v !== RECORD_VERSION || typeof value.tag !== 'string' || typeof value.app !== 'string')
      return undefined;
    if (typeof value.environment !== 'string' || !Array.isArray(value.changes)) return undefined;
    return value as PromotionRecord;
  } catch {
    return undefined;
  }
}
