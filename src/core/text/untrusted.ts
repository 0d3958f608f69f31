// The one boundary for text that did not come from us (inputs, event payloads, file names, manifest
// values, GitHub's answers): before such text reaches a log line, an error message, a job summary, a
// pull request or a comment it passes one of these functions, so that it cannot become a workflow
// command, a mention, a link or markup we did not intend. For legal input (names, tags, refs, paths)
// every function returns its argument unchanged, or the same bytes the renderer wrote before.
//
// The runner's rules (actions/runner, ActionCommand.TryParseV2 and TryParse): it reads a step's output
// line by line, where "\n", "\r\n" and a lone "\r" each end a line; a line whose text, after leading
// white space is trimmed, starts with "::" is a command, and "##[" anywhere in a line starts one.

// C0 and C1 controls (tab aside), DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const LOG_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
// What .NET's String.TrimStart removes (char.IsWhiteSpace), before the runner looks for "::".
const LEADING_WHITE_SPACE = /^[\s\u0085\u180e]*/;
const NAMED_CONTROLS: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\u0000': '\\0' };

function escapeControl(char: string): string {
  return NAMED_CONTROLS[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * One line of log or error text that the runner reads as text: line breaks and other controls shown
 * escaped (`\n`, `\r`, `\u001b`), `##[` written `##\[`, and a line that would start with `::` prefixed
 * with `\`. Apply it to the whole line (or to a fragment that may start one).
 */
export function forLog(text: string): string {
  const flat = text.replace(LOG_CONTROL, escapeControl).replaceAll('##[', '##\\[');
  const indent = LEADING_WHITE_SPACE.exec(flat)?.[0] ?? '';
  return flat.startsWith('::', indent.length) ? `${indent}\\${flat.slice(indent.length)}` : flat;
}

/** Text of several lines of ours (a table, a list) whose values may carry more: each line made safe. */
export function linesForLog(text: string): string {
  return text.split('\n').map(forLog).join('\n');
}

/**
 * JSON for a log line or a command's output. JSON.stringify already escapes every control character
 * but U+2028, U+2029 and the C1 controls, which are escaped here too; `#` is written `\u0023` where it
 * starts `##[`. The JSON value stays the same, and no line starts with `::` (each starts with `{`, `[`,
 * `"`, a literal or the indentation before one of those).
 */
export function jsonForLog(value: unknown, indent?: number): string {
  return (JSON.stringify(value, null, indent) ?? 'undefined')
    .replace(/[\u0080-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('##[', '#\\u0023[');
}

/** Would the runner read this line (one line, already split) as a workflow command? */
export function isWorkflowCommandLine(line: string): boolean {
  const trimmed = line.slice((LEADING_WHITE_SPACE.exec(line)?.[0] ?? '').length);
  return trimmed.startsWith('::') || line.includes('##[');
}

/** Splits a step's output into the lines the runner reads: at "\r\n", "\n" and a lone "\r". */
export function runnerLines(output: string): string[] {
  return output.split(/\r\n|\n|\r/);
}

// ---------------------------------------------------------------------------------------------------
// Markdown (GitHub Flavored, as pull requests, comments and job summaries render it).
//
// GitHub turns text (never code) into links after the Markdown is parsed: `@user` and `@org/team`
// mentions (which notify), `#123`, `GH-123` and `owner/repo#123` references, commit SHAs, URLs
// (`http://`, `https://`, `www.`) and e-mail addresses. Inside a code span or code block none of this
// happens, and HTML and Markdown are shown as they are: so a value goes into a code span, and prose
// that carries values is escaped and has those patterns broken by an invisible WORD JOINER (U+2060).

const WORD_JOINER = '\u2060';
const MARKDOWN_BREAKS = /[\r\n\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const MARKDOWN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * An inline code span that shows `text` as it is and that no content can leave: the fence is longer
 * than any run of backticks inside, line breaks become spaces. `inTable` also escapes `|`, which GFM
 * reads as a cell border even inside a code span (the backslash does not show).
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let flat = text.replace(MARKDOWN_BREAKS, ' ').replace(MARKDOWN_CONTROL, '\uFFFD');
  if (options.inTable) flat = flat.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space on each side when both are there, so content touching a backtick is padded.
  const padded = flat.includes('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '');
  if (flat === '') return '` `';
  return padded ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

/** A fenced code block that no content can close. */
export function codeBlock(text: string, language = 'text'): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(MARKDOWN_CONTROL, '\uFFFD');
  const longestRun = Math.max(0, ...(clean.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${clean}\n${fence}`;
}

// Characters with a meaning inside a line of Markdown: emphasis, code, links, images, HTML, entities,
// tables, strikethrough, hard breaks, escapes. Block markers (`#`, `-`, `>`, `1.`) only mean something
// at a line start, where prose from us never puts a value.
const INLINE_MARKUP = /[\\`*_[\]()<>!|~&]/g;
// GitHub's autolinks and mentions, broken after their trigger character.
const AUTOLINK_TRIGGERS: ReadonlyArray<[RegExp, string]> = [
  [/@(?=[A-Za-z0-9_-])/g, `@${WORD_JOINER}`], // @user, @org/team, user@example.com
  [/#(?=\d)/g, `#${WORD_JOINER}`], // #12, owner/repo#12
  [/\b(GH)-(?=\d)/gi, `$1${WORD_JOINER}-`], // GH-12
  [/:\/\//g, `:${WORD_JOINER}//`], // https://...
  [/\b(www)\./gi, `$1${WORD_JOINER}.`], // www.example.com
];

/**
 * Prose that carries untrusted values, for a line of Markdown: one line, no markup (each markup
 * character backslash-escaped), no HTML, and no mention, reference or URL that GitHub would link.
 * Text without those characters comes back unchanged. Hex words are left alone: image tags carry
 * commit SHAs by design, and GitHub links a SHA only to a commit of the same repository.
 */
export function inertText(text: string): string {
  let inert = text
    .replace(MARKDOWN_BREAKS, ' ')
    .replace(MARKDOWN_CONTROL, '\uFFFD')
    .replace(INLINE_MARKUP, (char) => `\\${char}`);
  for (const [pattern, replacement] of AUTOLINK_TRIGGERS) inert = inert.replace(pattern, replacement);
  return inert;
}

/**
 * Plain text where Markdown is not rendered but references are (a pull request's title, a commit
 * message): only the mentions, references and URLs GitHub would link are broken, nothing escaped.
 */
export function withoutAutolinks(text: string): string {
  let plain = text.replace(MARKDOWN_BREAKS, ' ').replace(MARKDOWN_CONTROL, '\uFFFD');
  for (const [pattern, replacement] of AUTOLINK_TRIGGERS) plain = plain.replace(pattern, replacement);
  return plain;
}

/** A commit sha (link text, where GitHub links nothing) as it is; anything else made inert. */
export function inertSha(text: string): string {
  return /^[0-9a-f]*$/.test(text) ? text : inertText(text);
}

/** Text for HTML (the job summary's tables): `&`, `<`, `>` and `"` as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
