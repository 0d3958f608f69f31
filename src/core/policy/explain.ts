// Why a policy refuses a tag, in the words a reader of a job summary needs: the rule and what the
// tag lacks ("dev-abc1234-1700000000 is not a semver version"), not only that it failed.
import { filteredValue, isEligible, parseGoFloat } from './select.js';
import { parseVersionTag } from './semver-range.js';
import { describeTagPolicy, type TagPolicy } from './tag-policy.js';

/** What the tag lacks under the policy, or undefined when the policy admits it. */
export function explainRefusal(policy: TagPolicy, tag: string): string | undefined {
  if (isEligible(policy, tag)) return undefined;
  const value = filteredValue(policy, tag);
  if (value === undefined) return `${tag} does not match the filter pattern ${JSON.stringify(policy.filter?.pattern)}`;
  const subject = value === tag ? tag : `${tag} (extracted ${JSON.stringify(value)})`;
  switch (policy.kind) {
    case 'glob':
      return `${subject} does not match the glob ${policy.pattern}`;
    case 'regexp':
      return `${subject} does not match the regular expression ${policy.pattern}`;
    case 'semver': {
      const version = parseVersionTag(value);
      return version === undefined
        ? `${subject} is not a semver version`
        : `${subject} is a version outside the range ${policy.range}`;
    }
    case 'numerical':
      return parseGoFloat(value) === undefined ? `${subject} is not a number` : `${subject} is refused`;
    case 'alphabetical':
      return `${subject} is refused`;
  }
}

/** `prod admits semver:~0.4; dev-abc1234-1700000000 is not a semver version`, or undefined when admitted. */
export function policyRule(environment: string, policy: TagPolicy, tag: string): string | undefined {
  const why = explainRefusal(policy, tag);
  return why === undefined ? undefined : `${environment} admits ${describeTagPolicy(policy)}; ${why}`;
}
