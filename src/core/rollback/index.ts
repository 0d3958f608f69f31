// Rollback, pure: what an app in an environment ran before, from the environment's deployment
// history (what `apply` recorded), from the git history of its manifests, or as asked (`to`); and
// the promotion request that puts it back, whose `rollback` intent lifts the older-tag rule.
import type { AppConfig, EnvironmentConfig } from '../config/index.js';
import { invalid, UserError } from '../errors.js';
import { isValidTag, parseImageReference, sameRepository } from '../image-ref.js';
import type { RunningImage } from '../promotion/running.js';
import type { PromotionRequest } from '../request.js';

export type TargetKind = 'input' | 'deployment' | 'history';

export interface RollbackTarget extends RunningImage {
  kind: TargetKind;
  /** One line saying where the target came from, for the PR body, the summary and the log. */
  basis: string;
}

/** A deployment of the environment as GitHub lists it (newest first), with its latest status. */
export interface DeploymentEntry {
  id: number;
  sha: string;
  createdAt: string;
  /** Whether any of its statuses was success (a newer success marks it inactive afterwards). */
  succeeded: boolean;
  payload: unknown;
}

/** The state of the environment's manifests after one commit of their history (newest first). */
export interface HistoryState {
  commit: string;
  running: RunningImage[];
}

/** Longest reason kept: a PR body and a summary line, not an essay. */
export const MAX_REASON_LENGTH = 500;

function imageOfReference(reference: string, image: string): RunningImage | undefined {
  try {
    const parsed = parseImageReference(reference);
    if (!sameRepository(parsed, image) || parsed.tag === undefined) return undefined;
    return parsed.digest ? { tag: parsed.tag, digest: parsed.digest } : { tag: parsed.tag };
  } catch {
    return undefined;
  }
}

/** The app's images in a deployment payload (`{images: ["repo:tag@digest", ...]}`, an object or its JSON text). */
export function deployedImages(payload: unknown, image: string): RunningImage[] {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  const images = (value as { images?: unknown } | null)?.images;
  if (!Array.isArray(images)) return [];
  return images
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => imageOfReference(entry, image))
    .filter((entry): entry is RunningImage => entry !== undefined);
}

const tagsOf = (images: readonly RunningImage[]) => images.map((image) => image.tag);

/** The newest successful deployment whose images of the app differ from what runs now. */
export function targetFromDeployments(
  deployments: readonly DeploymentEntry[],
  image: string,
  running: readonly RunningImage[],
): RollbackTarget | undefined {
  const now = new Set(tagsOf(running));
  for (const deployment of deployments) {
    if (!deployment.succeeded) continue;
    const deployed = deployedImages(deployment.payload, image);
    const other = deployed.find((candidate) => !now.has(candidate.tag));
    if (other === undefined) continue;
    return {
      ...other,
      kind: 'deployment',
      basis: `deployment ${deployment.id} of ${deployment.createdAt} (commit ${deployment.sha.slice(0, 12)}) ran ${other.tag}`,
    };
  }
  return undefined;
}

/** The newest state of the manifests' history (newest first) whose tags of the app differ from what runs now. */
export function targetFromHistory(
  states: readonly HistoryState[],
  running: readonly RunningImage[],
): RollbackTarget | undefined {
  const now = new Set(tagsOf(running));
  for (const state of states) {
    if (state.running.length === 0) continue;
    const then = new Set(tagsOf(state.running));
    const same = then.size === now.size && [...then].every((tag) => now.has(tag));
    if (same) continue;
    const chosen = state.running.find((candidate) => !now.has(candidate.tag)) ?? state.running[0]!;
    return {
      ...chosen,
      kind: 'history',
      basis: `the manifests at commit ${state.commit.slice(0, 12)} ran ${chosen.tag}`,
    };
  }
  return undefined;
}

/** The tag asked for: a valid tag that the environment does not already run everywhere. */
export function targetFromInput(
  to: string,
  running: readonly RunningImage[],
  environment: string,
  field = 'to',
): RollbackTarget {
  if (!isValidTag(to) || to === 'latest') {
    throw invalid(field, to, 'an image tag (letters, digits, _ . -, at most 128 characters; not latest)');
  }
  const tags = tagsOf(running);
  if (tags.length > 0 && tags.every((tag) => tag === to)) {
    throw invalid(field, to, `a tag other than the one ${environment} runs now (${to}): nothing to roll back`);
  }
  return { tag: to, kind: 'input', basis: `asked for: ${to}` };
}

export function nothingToRollBackTo(
  app: string,
  environment: string,
  running: readonly RunningImage[],
  looked: readonly string[],
): UserError {
  return new UserError(
    `nothing to roll back to: ${app} in ${environment} runs ${tagsOf(running).join(', ')}, and ${looked.join(' and ')} ` +
      `show no other image of it; give the tag to roll back to (to, or --to)`,
  );
}

/** The reason as given, on one line and bounded (it is untrusted text: rendering passes core/text). */
export function rollbackReason(reason: string | undefined): string {
  const flat = (reason ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH - 1)}…` : flat;
}

/** The request that puts the app back on the target: bump's machinery with the `rollback` intent. */
export function rollbackRequest(
  app: AppConfig,
  environment: EnvironmentConfig,
  target: RollbackTarget,
  reason: string,
): PromotionRequest {
  return {
    app: app.name,
    image: app.image,
    tag: target.tag,
    ...(target.digest !== undefined && { digest: target.digest }),
    environment: environment.name,
    intent: 'rollback',
    provenance: { kind: 'rollback', reason: rollbackReason(reason), basis: target.basis },
  };
}
