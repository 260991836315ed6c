/** Apps Script's HtmlOutputMetaTag (developers.google.com/apps-script/reference/html/html-output-meta-tag). */
import { EmuObject } from '../calls';

export const ALLOWED_META = [
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

export class HtmlOutputMetaTagImpl extends EmuObject {
  static emuClass = 'HtmlOutputMetaTag';
  constructor(
    private name: string,
    private content: string,
  ) {
    super();
  }
  getName() {
    return this.name;
  }
  getContent() {
    return this.content;
  }
}
