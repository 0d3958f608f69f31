// Tag policies (Flux-compatible): parse them, read them from manifests, and ask which tag wins.
export {
  parseTagPolicy,
  formatTagPolicy,
  describeTagPolicy,
  policyHasOrder,
  POLICY_SPEC_FORMS,
  type TagPolicy,
  type TagFilter,
  type SortOrder,
} from './tag-policy.js';
export {
  isEligible,
  selectLatest,
  rankTags,
  isNewer,
  comparePolicyTags,
  filteredValue,
  parseGoFloat,
  type RankedTag,
} from './select.js';
export { policiesFromAnnotations, policyFromImagePolicy, type ImagePolicyDefinition } from './manifests.js';
export { parseSemverRange, parseVersionTag, rangeAdmits, type SemverRange } from './semver-range.js';
export { compileGoRegexp, expandGoTemplate, type GoMatch, type GoRegexp } from './go-regexp.js';
export { explainRefusal, policyRule } from './explain.js';
