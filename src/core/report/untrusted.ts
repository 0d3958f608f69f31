// The validate report's Markdown, through the one boundary for untrusted text (core/text/untrusted.ts):
// manifest values, file names and kubectl's output never become a mention, a link or markup.
import { codeBlock, codeSpan } from '../text/untrusted.js';

/** A code span for a table cell (pipes escaped); nothing for an empty value. */
export function mdCode(text: string): string {
  return text === '' ? '' : codeSpan(text, { inTable: true });
}

/** kubectl's output as a fenced block that no line of it can close. */
export function mdBlock(text: string): string {
  return codeBlock(text.replace(/\n+$/, ''));
}
