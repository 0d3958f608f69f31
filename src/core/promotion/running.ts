// What an environment runs of an app, read from its manifests by the same engine that bumps them:
// a plan toward a tag no place holds replaces every place, and the replaced values are what runs.
import type { AppConfig } from '../config/index.js';
import { parseImageReference, sameRepository } from '../image-ref.js';
import { planBump } from '../manifest/index.js';
import type { ManifestChange, ManifestFile } from '../manifest/types.js';
import { currentTags } from './plan.js';

/** An image of the app as an environment's manifests pin it. */
export interface RunningImage {
  tag: string;
  /** Known when every place that pins a digest pins this one. */
  digest?: string;
}

export interface RunningRead {
  /** Distinct tags, in first-seen order. */
  images: RunningImage[];
  /** Places that reference the app's image (0: the environment does not run the app). */
  references: number;
  warnings: string[];
}

// Tags no build carries (a tag ID has a sha and a time; a version has digits): no place is already at them.
const PROBE_TAG = 'gitops-promote-probe';
const PROBE_DIGEST = `sha256:${'0'.repeat(64)}`;

export function readRunningImages(app: AppConfig, files: readonly ManifestFile[]): RunningRead {
  const plan = planBump(files, {
    image: app.image,
    tag: PROBE_TAG,
    digest: PROBE_DIGEST,
    readOnly: true,
    ...(app.containers.length > 0 && { containers: app.containers }),
  });
  const tags = currentTags(plan.changes, app.image);
  const digests = new Set(plan.changes.flatMap((change) => digestOf(change, app.image) ?? []));
  const digest = tags.length === 1 && digests.size === 1 ? [...digests][0] : undefined;
  return {
    images: tags.map((tag) => ({ tag, ...(digest !== undefined && { digest }) })),
    references: plan.references,
    warnings: plan.warnings.filter((warning) => !warning.includes(PROBE_TAG)),
  };
}

function digestOf(change: ManifestChange, image: string): string | undefined {
  if (change.old === '' || change.old === PROBE_DIGEST) return undefined;
  if (/(^|\.)digest$/.test(change.path) || /\$imagepolicy.*:digest/.test(change.note ?? '')) return change.old;
  const at = change.old.indexOf('@');
  if (/(^|\.)(tag|newTag)$/.test(change.path)) return at === -1 ? undefined : change.old.slice(at + 1);
  try {
    const reference = parseImageReference(change.old);
    return sameRepository(reference, image) ? reference.digest : undefined;
  } catch {
    return undefined;
  }
}

/** `repo:tag` or `repo:tag@digest`, as summaries and deployments write it. */
export function imageText(image: string, running: RunningImage): string {
  return `${image}:${running.tag}${running.digest === undefined ? '' : `@${running.digest}`}`;
}
