/** Apps Script's Ui (developers.google.com/apps-script/reference/base/ui). */
import { EmuObject } from '../calls';
import * as Enums from '../enums';
import { fail } from '../errors';
import { HtmlOutputImpl } from '../html/html-output';
import { Runtime } from '../runtime';
import { MenuImpl } from './menu';
import { PromptResponseImpl } from './prompt-response';

export const ADDON_NAME = 'ClientTabs';

type ButtonName = keyof typeof Enums.Button;

const BUTTON_SETS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class UiImpl extends EmuObject {
  static emuClass = 'Ui';
  Button = Enums.Button;
  ButtonSet = Enums.ButtonSet;
  constructor(private rt: Runtime) {
    super();
  }
  createAddonMenu() {
    return new MenuImpl(this.rt, ADDON_NAME, true);
  }
  createMenu(caption: string) {
    return new MenuImpl(this.rt, String(caption), false);
  }
  #ask(kind: 'alert' | 'prompt', args: unknown[]) {
    let title = '';
    let prompt: string;
    let buttons = 'OK';
    if (args.length >= 3) [title, prompt, buttons] = args.map(String) as [string, string, string];
    else if (args.length === 2) [prompt, buttons] = args.map(String) as [string, string];
    else prompt = String(args[0]);
    if (!BUTTON_SETS[buttons]) fail(`Invalid argument: buttons`);
    this.rt.ui.alerts.push({ title, prompt, buttons, kind });
    const answer = this.rt.ui.answers.shift();
    if (!answer) fail(`Ui.${kind} called with no answer queued: "${prompt}"`);
    const button = answer.button ?? BUTTON_SETS[buttons][0];
    if (button !== 'CLOSE' && !BUTTON_SETS[buttons].includes(button))
      fail(`Ui.${kind} answered with ${button} but it shows ${buttons}: "${prompt}"`);
    return { button, text: answer.text ?? '' };
  }
  alert(...args: unknown[]) {
    return this.#ask('alert', args).button;
  }
  prompt(...args: unknown[]) {
    const a = this.#ask('prompt', args);
    return new PromptResponseImpl(a.text, a.button);
  }
  showSidebar(userInterface: HtmlOutputImpl) {
    if (!(userInterface instanceof HtmlOutputImpl)) fail('Invalid argument: userInterface');
    this.rt.ui.sidebars.push({
      title: userInterface.getTitle(),
      html: userInterface.served(),
      width: 300,
    });
  }
  showModalDialog(userInterface: HtmlOutputImpl, title: string) {
    this.#dialog(userInterface, title, true);
  }
  showModelessDialog(userInterface: HtmlOutputImpl, title: string) {
    this.#dialog(userInterface, title, false);
  }
  #dialog(o: HtmlOutputImpl, title: string, modal: boolean) {
    if (!(o instanceof HtmlOutputImpl)) fail('Invalid argument: userInterface');
    this.rt.ui.dialogs.push({
      title: String(title),
      html: o.served(),
      modal,
      width: o.getWidth(),
      height: o.getHeight(),
    });
  }
}
