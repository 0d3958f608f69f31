// Markdown that no value can break out of, for PR bodies, comments and the job summary.

/** A code span: pipes would split a table, newlines the row or paragraph, backticks the span itself. */
export function codeSpan(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
  const fence = flat.includes('`') ? '``' : '`';
  return `${fence}${flat.includes('`') ? ` ${flat} ` : flat}${fence}`;
}

/** Text shown as it is: `<`, `>` and `&` would otherwise start HTML or an entity. */
export function escapeHtmlText(text: string): string {
  return text.replace(/[<>&]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[char] ?? char);
}
