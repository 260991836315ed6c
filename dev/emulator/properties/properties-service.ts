/** Apps Script's PropertiesService (developers.google.com/apps-script/reference/properties/properties-service). */
import { EmuObject } from '../calls';
import { Runtime } from '../runtime';
import { PropertiesImpl } from './properties';

export class PropertiesServiceImpl extends EmuObject {
  static emuClass = 'PropertiesService';
  constructor(private rt: Runtime) {
    super();
  }
  getDocumentProperties() {
    return new PropertiesImpl(this.rt, this.rt.properties.document, 'document');
  }
  getScriptProperties() {
    return new PropertiesImpl(this.rt, this.rt.properties.script, 'script');
  }
  getUserProperties() {
    return new PropertiesImpl(this.rt, this.rt.properties.user, 'user');
  }
}
