// The gates: what proves the source environment healthy with the very image that would move on.
// Evidence is read by the flow (GitHub Deployments, commit statuses); the verdict is decided here.
import type { GateKind } from '../config/index.js';
import { parseImageReference, sameRepository } from '../image-ref.js';
import { imageText, type RunningImage } from './running.js';

export interface StatusEvidence {
  state: string;
  /** ISO 8601 time of the status. */
  at: string;
}

/** The latest GitHub Deployment of the source environment, with its latest status. */
export interface DeploymentEvidence {
  id: number;
  /** The environment repository commit it deployed. */
  sha: string;
  /** Undefined: no status yet. */
  status: StatusEvidence | undefined;
  /** Its payload's images (`repo:tag[@digest]`); undefined when the payload has none (not made by apply). */
  images: string[] | undefined;
}

export type GateEvidence =
  | { gate: 'deployment'; latest: DeploymentEvidence | undefined }
  | { gate: 'commit-status'; context: string; commit: string; status: StatusEvidence | undefined }
  | { gate: 'none' };

export type GateVerdict =
  | {
      passed: true;
      /** What proved it, for the summary: `deployment 42 success`. */
      seen: string;
      /** Epoch milliseconds of the success the soak counts from; undefined for gate none. */
      healthySince: number | undefined;
      /** The digest the evidence pins when the manifests do not. */
      digest?: string;
    }
  | { passed: false; gate: GateKind; saw: string; needs: string };

/** Does the evidence prove `from` healthy with `app`'s image at `running`? */
export function judgeGate(
  from: string,
  app: string,
  image: string,
  running: RunningImage,
  evidence: GateEvidence,
): GateVerdict {
  const wanted = imageText(image, running);
  switch (evidence.gate) {
    case 'none':
      return { passed: true, seen: 'no gate', healthySince: undefined };
    case 'commit-status': {
      const needs = `commit status ${evidence.context} success on ${from}'s commit ${evidence.commit.slice(0, 12)}`;
      const { status } = evidence;
      if (status === undefined) {
        return {
          passed: false,
          gate: 'commit-status',
          saw: `no status ${evidence.context} on ${evidence.commit.slice(0, 12)}`,
          needs,
        };
      }
      if (status.state !== 'success') {
        return {
          passed: false,
          gate: 'commit-status',
          saw: `status ${evidence.context} is ${status.state} (${status.at})`,
          needs,
        };
      }
      return {
        passed: true,
        seen: `status ${evidence.context} success (${status.at})`,
        healthySince: timeOf(status.at),
      };
    }
    case 'deployment': {
      const needs = `the latest deployment of ${from} succeeded with ${wanted}`;
      const { latest } = evidence;
      if (latest === undefined) return { passed: false, gate: 'deployment', saw: `no deployment of ${from}`, needs };
      const which = `the latest deployment of ${from} (${latest.id}, commit ${latest.sha.slice(0, 12)})`;
      if (latest.status === undefined)
        return { passed: false, gate: 'deployment', saw: `${which} has no status yet`, needs };
      if (latest.status.state !== 'success') {
        return {
          passed: false,
          gate: 'deployment',
          saw: `${which} is ${latest.status.state} (${latest.status.at})`,
          needs,
        };
      }
      const ofApp = (latest.images ?? []).flatMap((text) => {
        const reference = parsed(text);
        return reference && sameRepository(reference, image) ? [reference] : [];
      });
      const match = ofApp.find(
        (reference) =>
          reference.tag === running.tag &&
          (running.digest === undefined || reference.digest === undefined || reference.digest === running.digest),
      );
      if (match === undefined) {
        const deployed =
          ofApp.length === 0 ? `no image of ${app}` : ofApp.map((reference) => reference.original).join(', ');
        return { passed: false, gate: 'deployment', saw: `${which} succeeded with ${deployed}`, needs };
      }
      return {
        passed: true,
        seen: `deployment ${latest.id} success (${latest.status.at})`,
        healthySince: timeOf(latest.status.at),
        ...(running.digest === undefined && match.digest !== undefined && { digest: match.digest }),
      };
    }
  }
}

function parsed(text: string) {
  try {
    return parseImageReference(text);
  } catch {
    return undefined;
  }
}

function timeOf(iso: string): number | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}
