// The engine's plan over the candidate files, and what the environment runs now.
import { UserError } from '../errors.js';
import { parseImageReference, sameRepository } from '../image-ref.js';
import { planBump } from '../manifest/index.js';
import type { BumpPlan, ManifestChange, ManifestFile } from '../manifest/types.js';
import type { Promotion } from './resolve.js';

/** The tags the changed places hold now (what the environment runs), in first-seen order. */
export function currentTags(changes: readonly ManifestChange[], image: string): string[] {
  const tags = new Set<string>();
  for (const change of changes) {
    const tag = tagOfValue(change, image);
    if (tag !== undefined) tags.add(tag);
  }
  return [...tags];
}

function tagOfValue(change: ManifestChange, image: string): string | undefined {
  if (change.old === '') return undefined;
  if (/(^|\.)(tag|newTag)$/.test(change.path) || /\$imagepolicy.*:tag/.test(change.note ?? '')) {
    const at = change.old.indexOf('@');
    return at === -1 ? change.old : change.old.slice(0, at);
  }
  try {
    const reference = parseImageReference(change.old);
    return sameRepository(reference, image) ? reference.tag : undefined;
  } catch {
    return undefined;
  }
}
export interface PromotionPlan {
  plan: BumpPlan;
  /** Tags the environment's references to the image hold now (what it runs). */
  running: string[];
}

/**
 * Plans the edit over the candidate files with the engine, for the configured containers (or every
 * place), and reads what the environment runs now from the replaced values. No reference at all is
 * an error: the config points at manifests that do not use the image; it names the files `skipped`
 * while reading, with why.
 */
export function planPromotion(
  promotion: Promotion,
  files: readonly ManifestFile[],
  skipped: readonly string[] = [],
): PromotionPlan {
  const containers = promotion.app.containers;
  const image = promotion.app.image;
  // One plan for all the configured containers at once: a value they share through a YAML anchor
  // is then one the bump changes for each of them (a plan per container would refuse to change it,
  // since it would change the other containers too).
  const plan = planBump(files, {
    image,
    tag: promotion.tag,
    ...(promotion.digest && { digest: promotion.digest }),
    ...(containers.length > 0 && { containers }),
  });
  const running = new Set<string>();
  // Places already at the tag are not in the changes: they run the dispatched tag.
  if (plan.references > plan.changes.length) running.add(promotion.tag);
  for (const tag of currentTags(plan.changes, image)) running.add(tag);
  if (plan.references === 0) {
    const where = files.length === 0 ? 'no YAML file was found' : `read ${files.map((file) => file.path).join(', ')}`;
    const scope = containers.length === 0 ? '' : ` (containers ${containers.join(', ')})`;
    // A file skipped while reading (too large, not UTF-8, binary) may be the one that held the image.
    const skips = skipped.length === 0 ? '' : `; skipped: ${skipped.join('; ')}`;
    throw new UserError(
      `no manifest of ${promotion.environment.name} references ${image}${scope} (${where}${skips}); check apps.${promotion.app.name}.paths and environments path`,
    );
  }
  return { plan, running: [...running] };
}
