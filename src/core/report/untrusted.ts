// Conservative escaping of text that did not come from us (manifest values, file names, kubectl
// output) for logs and Markdown, until the shared boundary module lands: nothing here can become a
// workflow command, a mention, a link or markup.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** One log line: line breaks shown as \n, control characters dropped, `::` and `##[` broken apart. */
export function logSafe(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/\r?\n|\r/g, '\\n')
    .replace(/::/g, ':\u200b:')
    .replace(/##\[/g, '#\u200b#[');
}

/**
 * A Markdown code span: no mention, link, emphasis or HTML renders inside it. The fence is longer
 * than any run of backticks in the text; line breaks become spaces and pipes are escaped for tables.
 */
export function mdCode(text: string): string {
  const flat = text
    .replace(CONTROL, '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|');
  if (flat === '') return '';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A block of untrusted text (kubectl's error output) as a fenced code block whose fence no line of
 * the text can close.
 */
export function mdBlock(text: string): string {
  const clean = text.replace(CONTROL, '').replace(/\r\n?/g, '\n');
  const longest = Math.max(0, ...(clean.match(/`{3,}|~{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${clean.replace(/\n+$/, '')}\n${fence}`;
}
