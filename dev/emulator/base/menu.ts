/** Apps Script's Menu (developers.google.com/apps-script/reference/base/menu). */
import { EmuObject } from '../calls';
import { fail } from '../errors';
import { MenuItem, Runtime } from '../runtime';

export class MenuImpl extends EmuObject {
  static emuClass = 'Menu';
  items: MenuItem[] = [];
  constructor(
    private rt: Runtime,
    readonly title: string,
    private addon: boolean,
  ) {
    super();
  }
  addItem(caption: string, functionName: string) {
    if (typeof caption !== 'string' || typeof functionName !== 'string') fail('Invalid argument: caption');
    this.items.push({ label: caption, functionName });
    return this;
  }
  addSeparator() {
    this.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuImpl) {
    this.items.push({ submenu: menu.title, items: menu.items.slice() });
    return this;
  }
  addToUi() {
    const menus = this.rt.ui.menus;
    const i = menus.findIndex((m) => m.addon === this.addon && m.title === this.title);
    const entry = { title: this.title, addon: this.addon, items: this.items.slice() };
    if (i === -1) menus.push(entry);
    else menus[i] = entry;
  }
}
