// Links we put in pull requests and job summaries are built by us from validated parts, never
// pasted from a payload: a URL from outside is parsed, checked against the shape its source implies,
// and rebuilt; one that does not fit is shown as text (in a code span), never linked.

/** A run of a workflow: `<server>/<owner>/<repo>/actions/runs/<id>[/attempts/<n>]`. */
const RUN_PATH =
  /^\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})\/actions\/runs\/(\d{1,20})(?:\/attempts\/[1-9]\d{0,5})?\/?$/;

export interface RunReference {
  /** `https://github.com`: scheme, host and port, nothing else. */
  origin: string;
  repository: string;
  runId: string;
}

/** Parses a run URL; undefined when it is not exactly a workflow run's address. */
export function parseRunUrl(text: string): RunReference | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return undefined;
  // The URL parser resolves `..` and percent-escapes; the text must already be in that normal form.
  if (url.href !== text) return undefined;
  const match = RUN_PATH.exec(url.pathname);
  if (!match) return undefined;
  return { origin: url.origin, repository: `${match[1]}/${match[2]}`, runId: match[3] ?? '' };
}

/** The origin of a server URL such as GITHUB_SERVER_URL, or undefined when it is no plain http(s) origin. */
export function serverOrigin(serverUrl: string): string | undefined {
  try {
    const url = new URL(serverUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username !== '' || url.password !== '') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * The link to the build run of `source`, rebuilt from its parts, when `runUrl` is a run of
 * `source.repository` on the same server as the source repository (`serverUrl`); otherwise undefined.
 */
export function sourceRunLink(source: { repository: string; runUrl: string }, serverUrl: string): string | undefined {
  const run = parseRunUrl(source.runUrl);
  const origin = serverOrigin(serverUrl);
  if (run === undefined || origin === undefined || run.origin !== origin) return undefined;
  if (run.repository.toLowerCase() !== source.repository.toLowerCase()) return undefined;
  return `${origin}/${source.repository}/actions/runs/${run.runId}`;
}

/** A run URL built by the sending side from the runner's variables, refused when a part is off. */
export function buildRunUrl(serverUrl: string, repository: string, runId: string): string | undefined {
  const origin = serverOrigin(serverUrl);
  if (origin === undefined || !/^\d{1,20}$/.test(runId)) return undefined;
  const url = `${origin}/${repository}/actions/runs/${runId}`;
  return parseRunUrl(url) === undefined ? undefined : url;
}

// RFC 3986 path characters, less the ones Markdown or HTML give a meaning: `(`, `)`, `&`, `'`, `!`, `*`.
const PATH_SEGMENT_SAFE = /[A-Za-z0-9\-._~$+,;=:@]/;

/** One segment of a URL path, percent-encoded beyond the characters that are plain in any context. */
export function urlPathSegment(text: string): string {
  return Array.from(text, (char) =>
    PATH_SEGMENT_SAFE.test(char) ? char : encodeCharacter(char).replace(/[!'()*]/g, percentEncode),
  ).join('');
}

// A lone UTF-16 surrogate has no UTF-8 form: it is written as U+FFFD.
function encodeCharacter(char: string): string {
  try {
    return encodeURIComponent(char);
  } catch {
    return '%EF%BF%BD';
  }
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** `<server>/<owner>/<repo>` with both names percent-encoded as path segments. */
export function repositoryUrl(serverUrl: string, repository: string): string {
  const server = serverUrl.replace(/\/+$/, '');
  return `${server}/${repository.split('/').map(urlPathSegment).join('/')}`;
}

/**
 * A URL as a Markdown link destination: white space, `<`, `>`, `(`, `)`, `"`, `'`, backslash and
 * backtick percent-encoded so that it cannot end the link or the text around it; not http(s): undefined.
 */
export function linkDestination(url: string): string | undefined {
  if (!/^https?:\/\/[^/\s]/i.test(url)) return undefined;
  return url.replace(/[\s<>()"'\\`]/g, (char) => encodeURIComponent(char).replace(/[()']/g, percentEncode));
}
