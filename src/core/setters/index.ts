export {
  parseSetterMarker,
  markedScalars,
  markerId,
  setterMarkerOf,
  SETTER_KEY,
  SETTER_SCREEN,
  type MarkedScalar,
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
