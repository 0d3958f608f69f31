export {
  parseSetterMarker,
  markerId,
  SETTER_KEY,
  SETTER_SCREEN,
  type SetterField,
  type SetterMarker,
} from './marker.js';
export {
  isSetterCandidatePath,
  latestImageFromReference,
  latestImageReference,
  planSetters,
  type LatestImage,
  type SetterChange,
  type SetterPlan,
  type SetterPolicies,
} from './plan.js';
