/** Apps Script's PromptResponse (developers.google.com/apps-script/reference/base/prompt-response). */
import { EmuObject } from '../calls';

export class PromptResponseImpl extends EmuObject {
  static emuClass = 'PromptResponse';
  constructor(
    private text: string,
    private button: string,
  ) {
    super();
  }
  getResponseText() {
    return this.text;
  }
  getSelectedButton() {
    return this.button;
  }
}
