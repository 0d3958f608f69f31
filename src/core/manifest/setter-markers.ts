import type { Scalar } from 'yaml';
import { markedScalars, type SetterMarker } from '../setters/marker.js';
import type { YamlDocument } from '../yaml/parse.js';
import type { FileEdits } from './file-edits.js';
import { formatPath, scalarText, type PathSegment } from './nodes.js';
import { bumpReferenceText, referenceOfTarget, unparseableReference, type ResolvedTarget } from './target.js';
import { lineAt } from '../yaml/edit.js';

/** A scalar carrying a Flux setter marker (`# {"$imagepolicy": "ns:name[:tag|:name|:digest]"}`). */
export interface MarkedValue {
  edits: FileEdits;
  /** The document's index in the file's stream. */
  document: number;
  node: Scalar;
  path: readonly PathSegment[];
  marker: SetterMarker;
}

/** Every marked scalar value of a document, as Flux reads markers (see markedScalars). */
export function collectMarkedValues(
  edits: FileEdits,
  document: YamlDocument,
  documentIndex: number,
  found: MarkedValue[],
): void {
  for (const { node, path, marker } of markedScalars(edits.source, document.contents)) {
    found.push({ edits, document: documentIndex, node, path, marker });
  }
}

const policyOf = (marker: SetterMarker) => `${marker.namespace}:${marker.name}`;

/**
 * Marked values the bump must follow: a policy whose full (`ns:name`) or name (`ns:name:name`)
 * marker holds the target image is the target's policy, so its `:tag` and `:digest` markers move
 * with it, wherever they sit. Places a locator already decided about (edited, current, refused
 * by a tag policy, another container) are left to that decision.
 */
export function bumpMarkedValues(
  marked: readonly MarkedValue[],
  target: ResolvedTarget,
  warn: (message: string) => void,
): void {
  const policies = new Set<string>();
  for (const { edits, node, path, marker } of marked) {
    if ((marker.field === 'full' || marker.field === 'name') && typeof node.value === 'string') {
      if (referenceOfTarget(node.value, target)) policies.add(policyOf(marker));
      else if (marker.field === 'full' && !edits.isClaimed(node)) {
        const problem = unparseableReference(node.value, target);
        if (problem !== undefined) {
          edits.claim(node);
          warn(
            `${edits.file}:${lineAt(edits.source, node.range?.[0] ?? 0)}: ${formatPath(path)} (setter ${policyOf(marker)}) names ${target.image} but is not an image reference (${problem}), left alone`,
          );
        }
      }
    }
  }
  const tags = currentTags(marked, policies, target);
  for (const { edits, document, node, path, marker } of marked) {
    if (!policies.has(policyOf(marker)) || edits.isClaimed(node)) continue;
    edits.references++;
    const where = formatPath(path);
    const old = scalarText(edits.source, node);
    const details = { path: where, old, kind: 'setter' as const, note: `setter ${policyOf(marker)}:${marker.field}` };
    const named = target.containers !== undefined && marker.field !== 'name';
    const refusal = named ? `a setter marker applies to every container, and containers were named` : undefined;
    edits.place({ document, path: where, refusal, container: undefined });
    if (named) {
      warn(`${edits.file}: ${where}: setter ${policyOf(marker)} left alone because a container was named`);
      continue;
    }
    switch (marker.field) {
      case 'full': {
        const reference = typeof node.value === 'string' ? referenceOfTarget(node.value, target) : undefined;
        const bump = reference && bumpReferenceText(old, reference, target);
        if (bump) edits.replace(node, bump.value, { ...details, new: bump.value });
        break;
      }
      case 'tag':
        if (node.value !== target.tag) edits.replace(node, target.tag, { ...details, new: target.tag });
        break;
      case 'digest': {
        if (target.digest !== undefined) {
          if (node.value !== target.digest) edits.replace(node, target.digest, { ...details, new: target.digest });
          break;
        }
        if (old === '') break;
        // As for a reference pinned to a digest: a digest belongs to its tag, so one whose tag moves
        // without a new digest is stale and is cleared (it would otherwise keep deploying the old image).
        const policyTags = tags.get(policyOf(marker)) ?? [];
        if (policyTags.length === 0) {
          warn(
            `${edits.file}: ${where}: setter ${policyOf(marker)}:digest kept; no marker of the policy holds a tag, and no digest was given`,
          );
        } else if (policyTags.some((tag) => tag !== target.tag)) {
          edits.replace(node, '', { ...details, new: '', note: `${details.note}, stale digest ${old} removed` });
        }
        break;
      }
      case 'name':
        break;
    }
  }
}

/** The tags the target's policies hold now, from their full (`ns:name`) and tag (`ns:name:tag`) markers. */
function currentTags(
  marked: readonly MarkedValue[],
  policies: ReadonlySet<string>,
  target: ResolvedTarget,
): Map<string, (string | undefined)[]> {
  const tags = new Map<string, (string | undefined)[]>();
  const add = (policy: string, tag: string | undefined) => tags.set(policy, [...(tags.get(policy) ?? []), tag]);
  for (const { edits, node, marker } of marked) {
    const policy = policyOf(marker);
    if (!policies.has(policy)) continue;
    if (marker.field === 'tag') add(policy, scalarText(edits.source, node));
    if (marker.field === 'full') {
      const reference = typeof node.value === 'string' ? referenceOfTarget(node.value, target) : undefined;
      if (reference) add(policy, reference.tag);
    }
  }
  return tags;
}
