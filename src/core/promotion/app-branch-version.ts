// The next release version an application-branch promotion suggests: the highest `vX.Y.Z` tag of the
// application repository, raised by what the promoted commits say of themselves in the Conventional
// Commits way (a breaking-change marker: major; `feat`: minor; anything else: patch). It is only a
// suggestion: cutting the release tag stays a person's decision.
import gt from 'semver/functions/gt.js';
import inc from 'semver/functions/inc.js';

export type VersionBump = 'major' | 'minor' | 'patch';

export interface VersionSuggestion {
  /** The highest release tag (`v1.2.3`), or undefined when the repository has none. */
  current: string | undefined;
  /** The suggested tag, `v` prefixed like the release tags it follows. */
  next: string;
  bump: VersionBump;
  /** How many of the commits asked for that bump (0 when nothing asked and patch is the default). */
  because: number;
}

// Only plain releases count: a prerelease (`v1.0.0-rc.1`) or any other tag is not a release the next
// version is counted from.
const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
// `type(scope)!: subject` with the `!`: the header form of a breaking change.
const BREAKING_HEADER = /^[A-Za-z][\w-]*(\([^()\r\n]*\))?!:/;
// The footer form, which Conventional Commits spells in capitals only (also with a hyphen).
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE:/m;
const FEATURE_HEADER = /^feat(\([^()\r\n]*\))?:/i;

/** What one commit message asks of the version. */
export function bumpOf(message: string): VersionBump {
  const header = message.split(/\r?\n/, 1)[0] ?? '';
  if (BREAKING_HEADER.test(header) || BREAKING_FOOTER.test(message)) return 'major';
  if (FEATURE_HEADER.test(header)) return 'minor';
  return 'patch';
}

/** The highest release tag among `tags` (names, `v` prefixed), or undefined. */
export function highestRelease(tags: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const tag of tags) {
    if (!RELEASE_TAG.test(tag)) continue;
    if (best === undefined || gt(tag.slice(1), best.slice(1))) best = tag;
  }
  return best;
}

const RANK: Record<VersionBump, number> = { patch: 0, minor: 1, major: 2 };

/** The version to suggest after `tags` for these commit messages (the first release counts from 0.0.0). */
export function suggestVersion(tags: readonly string[], messages: readonly string[]): VersionSuggestion {
  const current = highestRelease(tags);
  const asked = messages.map(bumpOf);
  const bump = asked.reduce<VersionBump>((top, one) => (RANK[one] > RANK[top] ? one : top), 'patch');
  const next = inc(current === undefined ? '0.0.0' : current.slice(1), bump);
  if (next === null) throw new Error(`semver could not raise ${current ?? '0.0.0'} by ${bump}`);
  const because = bump === 'patch' ? asked.length : asked.filter((one) => one === bump).length;
  return { current, next: `v${next}`, bump, because };
}
