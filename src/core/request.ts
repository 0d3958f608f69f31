// What every flow promotes: one image tag of one app into one environment, with the reason it is
// asked for. Transport formats (the dispatch payload, the action's inputs, a promotion from the
// previous environment) are converted to this at the edge, so decisions never read a wire format.
import type { DispatchSource } from './payload/index.js';

/**
 * `forward`: a newer build walks in (an older one is refused). `rollback`: an older build is asked
 * for on purpose (reserved for the rollback action; the older-tag rule does not apply to it).
 */
export type PromotionIntent = 'forward' | 'rollback';

/**
 * Where the request came from; `source` and `dispatchId` go into the PR's record and links. A
 * promotion from the previous environment carries what that environment's record says, and never
 * an id of its own: nothing is forged to look like a dispatch.
 */
export type Provenance =
  | { kind: 'dispatch'; dispatchId: string; source: DispatchSource; extra?: Record<string, unknown> }
  | { kind: 'manual'; dispatchId: string; source: DispatchSource }
  | { kind: 'promotion'; fromEnvironment: string; dispatchId?: string; source?: DispatchSource }
  | {
      kind: 'rollback';
      /** Why, as the person asking gave it (untrusted text: rendered through core/text). */
      reason: string;
      /** Where the target came from: the deployment, the commit of the manifests' history, or the `to` input. */
      basis: string;
      dispatchId?: undefined;
      source?: undefined;
    };

export interface PromotionRequest {
  app: string;
  /** Image repository without tag or digest, as the requester wrote it. */
  image: string;
  tag: string;
  digest?: string;
  /** Target environment; undefined: the config's first environment in promotion order. */
  environment?: string;
  intent: PromotionIntent;
  /**
   * Unix seconds of the build when the requester knows it: orders builds whose tags carry no order
   * of their own. Undefined for a request by hand without `build-timestamp`: never assumed "now".
   */
  buildTimestamp?: number;
  provenance: Provenance;
}

/** The field a request's value came from, as its requester named it (for error messages). */
export function requestField(request: PromotionRequest, field: 'app' | 'image' | 'tag' | 'environment'): string {
  return request.provenance.kind === 'dispatch' ? `client_payload.${field}` : field;
}
