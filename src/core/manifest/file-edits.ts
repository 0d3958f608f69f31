import type { Node, Scalar } from 'yaml';
import { lineAt, scalarEdit, type TextEdit } from '../yaml/edit.js';
import type { YamlDocument } from '../yaml/parse.js';
import type { LocationKind, ManifestChange } from './types.js';

export interface ChangeDetails {
  path: string;
  old: string;
  new: string;
  kind: LocationKind;
  note?: string;
}

/** A place a locator decided about: a container's image, a chart image, a kustomize entry, a marked value. */
export interface Place {
  /** Its document's index in the file's stream (an index, so that a place keeps no document alive). */
  document: number;
  /** Where it sits, as changes report paths (aliases and merge keys followed). */
  path: string;
  /** Why the bump leaves it alone (another container, a tag policy), or undefined when it may edit it. */
  refusal: string | undefined;
  /** The container (or chart component) it belongs to; undefined for places of every container (kustomize, setters). */
  container: string | undefined;
  /** The place is the value at `path` only; otherwise what lies below it belongs to the place too. */
  exact?: boolean;
}

/**
 * The edits planned for one file. A value reached twice (directly and through an alias, or by two
 * locators) is edited and reported once.
 */
export class FileEdits {
  readonly edits: TextEdit[] = [];
  readonly changes: ManifestChange[] = [];
  /** Places found that reference the target, whether they change or not. */
  references = 0;
  /** Every place decided about, for the check that an edit of a shared (anchored) value changes no other place. */
  readonly places: Place[] = [];
  /** The nodes the edits change: a scalar replaced or filled, a map given or losing a key. */
  readonly changed = new Set<Node>();
  /** The file's documents, as parsed; none once planned, when the file has no alias (see `planned`). */
  readonly documents: YamlDocument[] = [];
  private readonly spans = new Set<string>();
  private readonly visited = new Set<object>();
  private readonly claimed = new Set<number>();

  /**
   * @param writable false for a file read only to report what would change (it is not valid UTF-8):
   * its changes are recorded, but no value is checked for whether it could be written.
   */
  constructor(
    readonly file: string,
    readonly source: string,
    readonly writable = true,
  ) {}

  /** Replaces a scalar's value, keeping its quote style (scalarEdit). */
  replace(node: Scalar, newValue: string, details: ChangeDetails): void {
    const [start, end] = node.range ?? [0, 0];
    const edit = this.writable
      ? scalarEdit(this.source, node, newValue, `${this.file}: ${details.path}`)
      : { start, end, text: newValue };
    this.claim(node);
    this.add(edit, details, node);
  }

  /**
   * `changed` is the node whose value the edit changes; `reportedAt` is the offset whose line the
   * change reports (for a removed line, the line itself).
   */
  add(edit: TextEdit, details: ChangeDetails, changed: Node, reportedAt = edit.start): void {
    const span = `${edit.start}:${edit.end}`;
    if (edit.start !== edit.end && this.spans.has(span)) return;
    this.changed.add(changed);
    this.spans.add(span);
    this.edits.push(edit);
    this.changes.push({ file: this.file, line: lineAt(this.source, reportedAt), ...details });
  }

  /** Marks a value as decided by a locator (edited, already current, or refused) so no later pass edits it. */
  claim(node: unknown): void {
    const start = (node as { range?: [number, number, number] } | null)?.range?.[0];
    if (start !== undefined) this.claimed.add(start);
  }

  place(place: Place): void {
    this.places.push(place);
  }

  isClaimed(node: Scalar): boolean {
    return node.range != null && this.claimed.has(node.range[0]);
  }

  /**
   * The locators are done with the file: what only they and the shared-value check read is let go.
   * That check reads the documents and the changed nodes of a file with an alias (`*`) only, and
   * a bump of a large tree would otherwise hold every document it read until it ends (measured:
   * a mark-compact and costlier scavenges on a 10,000-file tree).
   */
  planned(): void {
    this.visited.clear();
    if (this.source.includes('*')) return;
    this.documents.length = 0;
    this.changed.clear();
  }

  /** True the first time a node is seen: a map reached again through an alias is not edited twice. */
  firstVisit(node: object): boolean {
    if (this.visited.has(node)) return false;
    this.visited.add(node);
    return true;
  }
}
