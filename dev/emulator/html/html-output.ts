/** Apps Script's HtmlOutput (developers.google.com/apps-script/reference/html/html-output). */
import { EmuObject } from '../calls';
import { fail } from '../errors';
import { ALLOWED_META, HtmlOutputMetaTagImpl } from './html-output-meta-tag';
import { escapeHtml } from './html-template';

export class HtmlOutputImpl extends EmuObject {
  static emuClass = 'HtmlOutput';
  private title = '';
  private width = 600;
  private height = 400;
  private metaTags: { name: string; content: string }[] = [];
  constructor(private content: string) {
    super();
  }
  getContent() {
    return this.content;
  }
  append(addedContent: string) {
    this.content += String(addedContent);
    return this;
  }
  clear() {
    this.content = '';
    return this;
  }
  getTitle() {
    return this.title;
  }
  setTitle(title: string) {
    this.title = String(title);
    return this;
  }
  getWidth() {
    return this.width;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  getHeight() {
    return this.height;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  addMetaTag(name: string, content: string) {
    // Only these four are allowed (HtmlOutput.addMetaTag reference); what Apps Script says otherwise is a guess.
    if (!ALLOWED_META.includes(String(name))) fail(`Invalid argument: name`);
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags() {
    return this.metaTags.map((tag) => new HtmlOutputMetaTagImpl(tag.name, tag.content));
  }
  /**
   * The page as the user's browser gets it: "Meta tags included directly in an Apps Script HTML file are
   * ignored" (HtmlOutput.addMetaTag reference), so raw ones are dropped and addMetaTag's are put in.
   */
  served() {
    const added = this.metaTags
      .map((tag) => `<meta name="${escapeHtml(tag.name)}" content="${escapeHtml(tag.content)}">`)
      .join('');
    const page = this.content.replace(/<meta\b[^>]*>/gi, '');
    const head = /<head\b[^>]*>/i.exec(page);
    return head
      ? page.slice(0, head.index + head[0].length) + added + page.slice(head.index + head[0].length)
      : added + page;
  }
}
