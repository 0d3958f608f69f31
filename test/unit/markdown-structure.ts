// What a Markdown text does when GitHub renders it: parsed by a CommonMark parser (markdown-it with
// GFM tables and raw HTML on), then the rendered text (never code) checked for what GitHub links after
// parsing: mentions, #references, GH-references, URLs and e-mail addresses. (Commit SHAs, which it
// links only to commits of the same repository, are left alone: image tags carry them by design.)
import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface MarkdownStructure {
  /** href of every link, in order. */
  links: string[];
  /** src of every image. */
  images: string[];
  /** Raw HTML blocks and inline HTML, comments included. */
  html: string[];
  /** Block structure: `heading`, `blockquote`, `bullet_list`, `table`, `tr`, `fence`, `hr` ... */
  blocks: string[];
  /** Text GitHub would turn into a mention, a reference or a link. */
  autolinks: string[];
}

const parser = new MarkdownIt('commonmark', { html: true }).enable(['table', 'strikethrough']);

// GitHub's post-processing of text nodes; WORD JOINER (U+2060) and other format characters break them.
const GITHUB_AUTOLINKS: readonly RegExp[] = [
  /(?<![\w`])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_-]+)?/g, // @user, @org/team
  /(?:[\w.-]+\/[\w.-]+)?#\d+/g, // #12, owner/repo#12
  /\bGH-\d+/gi,
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, // any scheme://
  /\bwww\.\S+/gi,
  /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail
];

export function markdownStructure(markdown: string): MarkdownStructure {
  const structure: MarkdownStructure = { links: [], images: [], html: [], blocks: [], autolinks: [] };
  const visit = (tokens: readonly Token[], insideLink: boolean): void => {
    let inLink = insideLink;
    for (const token of tokens) {
      if (token.type === 'link_open') {
        structure.links.push(token.attrGet('href') ?? '');
        inLink = true;
      } else if (token.type === 'link_close') inLink = false;
      else if (token.type === 'image') structure.images.push(token.attrGet('src') ?? '');
      else if (token.type === 'html_block' || token.type === 'html_inline') structure.html.push(token.content);
      else if (token.type.endsWith('_open') && token.nesting === 1 && token.level <= 3 && token.block)
        structure.blocks.push(token.type.replace(/_open$/, ''));
      else if (token.type === 'fence' || token.type === 'code_block' || token.type === 'hr')
        structure.blocks.push(token.type);
      else if (token.type === 'text' && !inLink) {
        for (const pattern of GITHUB_AUTOLINKS) structure.autolinks.push(...(token.content.match(pattern) ?? []));
      }
      if (token.children) visit(token.children, inLink);
    }
  };
  visit(parser.parse(markdown, {}), false);
  return structure;
}
