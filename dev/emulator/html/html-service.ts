/** Apps Script's HtmlService (developers.google.com/apps-script/reference/html/html-service). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { EmuObject } from '../calls';
import * as Enums from '../enums';
import { fail } from '../errors';
import { Runtime } from '../runtime';
import { HtmlOutputImpl } from './html-output';
import { HtmlTemplateImpl } from './html-template';

export class HtmlServiceImpl extends EmuObject {
  static emuClass = 'HtmlService';
  SandboxMode = Enums.SandboxMode;
  XFrameOptionsMode = Enums.XFrameOptionsMode;
  constructor(
    private rt: Runtime,
    private ctx: vm.Context | null,
  ) {
    super();
  }
  #read(filename: string): string {
    const name = String(filename);
    const candidates = [path.join(this.rt.distDir, name + '.html'), path.join(this.rt.distDir, name)];
    for (const f of candidates)
      if (name && fs.existsSync(f) && fs.statSync(f).isFile()) return fs.readFileSync(f, 'utf8');
    return fail(`No HTML file named ${name} was found.`);
  }
  createHtmlOutput(html?: string) {
    return new HtmlOutputImpl(html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string) {
    return new HtmlOutputImpl(this.#read(filename));
  }
  createTemplateFromFile(filename: string) {
    return new HtmlTemplateImpl(this.#read(filename), this.ctx);
  }
}
