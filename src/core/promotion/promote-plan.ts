// The promotion of one app from an environment into the next, decided: promote (with the request
// bump carries out) or the one thing that blocks it, typed and worded for the job summary. Checked
// in this order: what the source runs, the target's tag policy, whether the target already runs it
// (or newer), the gate, the soak.
import type { AppConfig, EnvironmentConfig, GateKind } from '../config/index.js';
import { formatDuration } from '../duration.js';
import { policyRule } from '../policy/index.js';
import type { PromotionRequest } from '../request.js';
import { judgeGate, type GateEvidence, type GateVerdict } from './gates.js';
import { compareBuilds } from './order.js';
import type { PromotionRecord } from './record.js';
import { imageText, type RunningImage } from './running.js';

export interface PromoteInputs {
  app: AppConfig;
  source: EnvironmentConfig;
  target: EnvironmentConfig;
  /** What the source's manifests pin for the app (distinct tags). */
  sourceRuns: readonly RunningImage[];
  /** What the target's manifests pin for the app now. */
  targetRuns: readonly RunningImage[];
  evidence: GateEvidence;
  /** The record of the newest promotion merged into the source for the app, when one was found. */
  sourceRecord?: PromotionRecord;
  /** Epoch milliseconds. */
  now: number;
}

export type Blocker =
  | { kind: 'source'; reason: string }
  | { kind: 'policy'; rule: string; reason: string }
  | { kind: 'up-to-date'; running: string[]; reason: string }
  | { kind: 'gate'; gate: GateKind; saw: string; needs: string; reason: string }
  | { kind: 'soak'; secondsLeft: number; healthySince: string; reason: string };

interface Route {
  app: string;
  from: string;
  to: string;
  /** `repo:tag[@digest]` of the image in question, when the source runs one. */
  image?: string;
}

export type PromoteDecision =
  | (Route & { kind: 'promote'; image: string; request: PromotionRequest; reason: string })
  | (Route & { kind: 'blocked'; blocker: Blocker; reason: string });

export function decidePromotion(inputs: PromoteInputs): PromoteDecision {
  const { app, source, target, sourceRuns } = inputs;
  const route: Route = { app: app.name, from: source.name, to: target.name };
  const blocked = (blocker: Blocker, image?: string): PromoteDecision => ({
    ...route,
    ...(image !== undefined && { image }),
    kind: 'blocked',
    blocker,
    reason: blocker.reason,
  });
  if (sourceRuns.length !== 1) {
    const reason =
      sourceRuns.length === 0
        ? `${source.name} does not run ${app.name} (no manifest pins a tag of ${app.image})`
        : `${source.name} runs ${app.name} at ${sourceRuns.length} tags (${sourceRuns.map((run) => run.tag).join(', ')}); nothing says which one to promote`;
    return blocked({ kind: 'source', reason });
  }
  const running = sourceRuns[0]!;
  const shown = imageText(app.image, running);

  const rule = policyRule(target.name, target.tags, running.tag);
  if (rule !== undefined) return blocked({ kind: 'policy', rule, reason: `policy: ${rule}` }, shown);

  const record = inputs.sourceRecord?.tag === running.tag ? inputs.sourceRecord : undefined;
  const build = { tag: running.tag, buildTimestamp: record?.buildTimestamp };
  const notOlder = inputs.targetRuns.filter(
    (current) =>
      (current.tag === running.tag && sameDigest(current, running)) ||
      (current.tag !== running.tag && compareBuilds(target.tags, build, current) === false),
  );
  if (notOlder.length > 0 && notOlder.length === inputs.targetRuns.length) {
    const tags = notOlder.map((current) => current.tag);
    const reason = tags.includes(running.tag)
      ? `${target.name} already runs ${shown}`
      : `${target.name} runs ${tags.join(', ')}, which is not older than ${running.tag}`;
    return blocked({ kind: 'up-to-date', running: tags, reason }, shown);
  }

  const health = judgeHealth(inputs, running);
  if (health.kind === 'blocked') return blocked(health.blocker, shown);
  const { verdict } = health;
  const digest = running.digest ?? verdict.digest;
  const image = imageText(app.image, { tag: running.tag, ...(digest !== undefined && { digest }) });
  const request: PromotionRequest = {
    app: app.name,
    image: app.image,
    tag: running.tag,
    ...(digest !== undefined && { digest }),
    environment: target.name,
    intent: 'forward',
    ...(record?.buildTimestamp !== undefined && { buildTimestamp: record.buildTimestamp }),
    provenance: {
      kind: 'promotion',
      fromEnvironment: source.name,
      ...(record?.dispatchId !== undefined && { dispatchId: record.dispatchId }),
      ...(record?.source !== undefined && { source: record.source }),
    },
  };
  return { ...route, kind: 'promote', image, request, reason: `healthy in ${source.name}: ${verdict.seen}` };
}

/**
 * The gate, then the soak: is `source` healthy with `running`, and has it been long enough? Shared by
 * every model of promotion (an image carried on, or an application branch merged forward).
 */
export function judgeHealth(
  inputs: Pick<PromoteInputs, 'app' | 'source' | 'target' | 'evidence' | 'now'>,
  running: RunningImage,
):
  | { kind: 'healthy'; verdict: Extract<GateVerdict, { passed: true }> }
  | { kind: 'blocked'; blocker: Extract<Blocker, { kind: 'gate' | 'soak' }> } {
  const { app, source, target, now } = inputs;
  const verdict = judgeGate(source.name, app.name, app.image, running, inputs.evidence);
  if (!verdict.passed) {
    const { gate, saw, needs } = verdict;
    return {
      kind: 'blocked',
      blocker: { kind: 'gate', gate, saw, needs, reason: `gate ${gate}: ${saw}; needs ${needs}` },
    };
  }
  if (target.soakSeconds > 0) {
    const since = verdict.healthySince;
    const left = since === undefined ? target.soakSeconds : Math.ceil((since + target.soakSeconds * 1000 - now) / 1000);
    if (left > 0) {
      const healthySince = since === undefined ? 'unknown' : new Date(since).toISOString();
      const reason =
        `soak: ${target.name} waits ${formatDuration(target.soakSeconds)} after ${source.name}'s success ` +
        `(${verdict.seen}): ${formatDuration(left)} left`;
      return { kind: 'blocked', blocker: { kind: 'soak', secondsLeft: left, healthySince, reason } };
    }
  }
  return { kind: 'healthy', verdict };
}

function sameDigest(a: RunningImage, b: RunningImage): boolean {
  return a.digest === undefined || b.digest === undefined || a.digest === b.digest;
}
