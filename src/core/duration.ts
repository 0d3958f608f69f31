// Durations as people write them in a config (`30m`, `2h`, `1d`, `1h30m`, `0`): whole units only, so
// a value means the same to every reader; the largest is bounded so arithmetic on times stays exact.
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
// Units largest first, each at most once: `30m1h` and `1h1h` are typos, not durations.
const DURATION_PATTERN = /^(?:(\d{1,6})w)?(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$/;
/** A year: a soak longer than that is a typo. */
export const MAX_DURATION_SECONDS = 366 * 86_400;
export const DURATION_EXPECTED = 'a duration such as 0, 30m, 2h, 1d or 1h30m (units w, d, h, m, s; at most 366d)';

/** Seconds in `value`, or undefined when it is not a duration. */
export function parseDuration(value: unknown): number | undefined {
  if (value === 0 || value === '0') return 0;
  if (typeof value !== 'string' || value === '') return undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const sizes = [UNIT_SECONDS.w!, UNIT_SECONDS.d!, UNIT_SECONDS.h!, UNIT_SECONDS.m!, UNIT_SECONDS.s!];
  const seconds = sizes.reduce((sum, size, index) => sum + Number(match[index + 1] ?? 0) * size, 0);
  return seconds <= MAX_DURATION_SECONDS ? seconds : undefined;
}

/** `5400` -> `1h30m`; `0` -> `0s`. For "time left" in reasons and summaries. */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.ceil(totalSeconds));
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const unit of ['d', 'h', 'm', 's']) {
    const size = UNIT_SECONDS[unit]!;
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
