/** Apps Script's HtmlTemplate (developers.google.com/apps-script/reference/html/html-template). */
import * as vm from 'node:vm';
import { EmuObject } from '../calls';
import { HtmlOutputImpl } from './html-output';

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) and `<? code ?>` scriptlets, as JS source. */
function compileTemplate(src: string): string {
  let code = "var __emu_out = '';\n";
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    code += `__emu_out += ${JSON.stringify(src.slice(last, m.index))};\n`;
    if (m[1] === '=') code += `__emu_out += __emu_esc(${m[2]});\n`;
    else if (m[1] === '!=') code += `__emu_out += String(${m[2]});\n`;
    else code += m[2] + '\n';
    last = re.lastIndex;
  }
  code += `__emu_out += ${JSON.stringify(src.slice(last))};\nreturn __emu_out;`;
  return `(function (__emu_data, __emu_esc) { with (__emu_data) { ${code} } })`;
}

export class HtmlTemplateImpl extends EmuObject {
  static emuClass = 'HtmlTemplate';
  #src: string;
  #ctx: vm.Context | null;
  constructor(src: string, ctx: vm.Context | null) {
    super();
    this.#src = src;
    this.#ctx = ctx;
  }
  evaluate() {
    const data: Record<string, unknown> = {};
    for (const k of Object.keys(this)) data[k] = (this as unknown as Record<string, unknown>)[k];
    const src = compileTemplate(this.#src);
    const fn = (this.#ctx ? vm.runInContext(src, this.#ctx) : vm.runInNewContext(src)) as (
      d: Record<string, unknown>,
      esc: (v: unknown) => string,
    ) => string;
    const esc = (v: unknown) => escapeHtml(v === undefined || v === null ? '' : String(v));
    return new HtmlOutputImpl(fn(data, esc));
  }
}
