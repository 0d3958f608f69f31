// The verdicts, pure: skip, leave unchanged, or change these bytes (against what the environment
// runs); and against what an open promotion branch already carries.
import type { ManifestChange } from '../manifest/types.js';
import { describeTagPolicy, isEligible } from '../policy/index.js';
import { compareBuilds, type Build } from './order.js';
import type { PromotionPlan } from './plan.js';
import type { PromotionRecord } from './record.js';
import type { Promotion } from './resolve.js';

export type Decision =
  | { kind: 'skipped'; reason: string; previousTags: string[] }
  | { kind: 'unchanged'; reason: string; previousTags: string[] }
  | { kind: 'change'; previousTags: string[]; changes: ManifestChange[]; files: { path: string; newText: string }[] };

/** The reason the environment's policy refuses the tag, or undefined when it admits it. */
export function policyRefusal(promotion: Promotion): string | undefined {
  const { environment, tag } = promotion;
  if (isEligible(environment.tags, tag)) return undefined;
  return `tag ${tag} does not pass the tag policy of ${environment.name} (${describeTagPolicy(environment.tags)})`;
}

/** The requested build, for ordering against what runs or what a branch carries. */
export function requestedBuild(promotion: Promotion): Build {
  return { tag: promotion.tag, buildTimestamp: promotion.request.buildTimestamp };
}

/** Decides against what the environment runs, given the plan over the candidate files. */
export function decideAgainstEnvironment(promotion: Promotion, { plan, running }: PromotionPlan): Decision {
  const refusal = policyRefusal(promotion);
  const previousTags = running.filter((tag) => tag !== promotion.tag);
  if (refusal !== undefined) return { kind: 'skipped', reason: refusal, previousTags };
  const target = `${promotion.app.image}:${promotion.tag}${promotion.digest ? `@${promotion.digest}` : ''}`;
  if (plan.changes.length === 0) {
    return { kind: 'unchanged', reason: `${promotion.environment.name} already runs ${target}`, previousTags };
  }
  // A rollback asks for an older build on purpose: the older-tag rule is for moving forward.
  if (promotion.request.intent === 'rollback') {
    return { kind: 'change', previousTags, changes: plan.changes, files: plan.files };
  }
  const orders = previousTags.map((tag) =>
    compareBuilds(promotion.environment.tags, requestedBuild(promotion), { tag }),
  );
  if (orders.includes('unordered')) {
    return {
      kind: 'skipped',
      reason:
        `${promotion.environment.name} runs ${previousTags.join(', ')}, and nothing says whether ${promotion.tag} is newer: ` +
        `${describeTagPolicy(promotion.environment.tags)} orders tags by build time, ${promotion.tag} does not end in one and the ` +
        `request has no build timestamp. Give build-timestamp (unix seconds of the build), or use a tag ID that ends in it.`,
      previousTags,
    };
  }
  const newer = previousTags.filter((_, index) => orders[index] === false);
  if (newer.length > 0) {
    return {
      kind: 'skipped',
      reason: `${promotion.environment.name} runs ${newer.join(', ')}, which is not older than ${promotion.tag} (${describeOrder(promotion)})`,
      previousTags,
    };
  }
  return { kind: 'change', previousTags, changes: plan.changes, files: plan.files };
}

/** Decides against what an open promotion branch already carries (its record). */
export function decideAgainstPending(
  promotion: Promotion,
  pending: PromotionRecord,
  branch: {
    /** The head was planned on a base that is not in this base's history: it says nothing about this base. */
    builtForAnotherBase?: boolean;
  } = {},
): 'same' | 'pending-is-newer' | 'replace' {
  if (branch.builtForAnotherBase) return 'replace';
  if (pending.tag === promotion.tag && (pending.digest ?? undefined) === promotion.digest) return 'same';
  const requested = promotion.request.buildTimestamp;
  if (pending.tag === promotion.tag) {
    // The same tag with another digest: a rebuild, ordered by build time alone.
    return requested === undefined || (pending.buildTimestamp ?? 0) >= requested ? 'pending-is-newer' : 'replace';
  }
  if (promotion.request.intent === 'rollback') return 'replace';
  const newer = compareBuilds(promotion.environment.tags, requestedBuild(promotion), pending);
  return newer === false || newer === 'unordered' ? 'pending-is-newer' : 'replace';
}

function describeOrder(promotion: Promotion): string {
  const policy = promotion.environment.tags;
  return policy.kind === 'glob' || policy.kind === 'regexp'
    ? `by build time under ${describeTagPolicy(policy)}`
    : `in the order of ${describeTagPolicy(policy)}`;
}
