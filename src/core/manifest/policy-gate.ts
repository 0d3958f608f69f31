import { describeTagPolicy, isEligible, policiesFromAnnotations } from '../policy/index.js';

/**
 * Why the container's Flux tag-policy annotation refuses the tag, or undefined when it allows it
 * (or the resource declares no policy for that container).
 */
export function policyRefusal(
  annotations: Readonly<Record<string, string>>,
  container: string,
  tag: string,
): string | undefined {
  if (Object.keys(annotations).length === 0) return undefined;
  const policy = policiesFromAnnotations(annotations).get(container);
  if (!policy || isEligible(policy, tag)) return undefined;
  return `policy ${describeTagPolicy(policy)}`;
}
