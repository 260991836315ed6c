import { checkpoint, restore } from '../../dev/emulator/checkpoint';

class Sheet {
  rows: unknown[][] = [[1, 2]];
  constructor(public name: string) {}
}

describe('checkpoint / restore', () => {
  it('puts every reachable object back as it was, keeping each object the same object', () => {
    const first = new Sheet('One');
    const day = new Date(Date.UTC(2024, 0, 1));
    const doc = {
      sheets: [first],
      byName: new Map([['one', first]]),
      hidden: new Set(['One']),
      day,
      counts: new Uint8Array([1, 2]),
      active: first as Sheet | null,
    };
    const saved = checkpoint(doc);

    first.name = 'Renamed';
    first.rows[0][0] = 'changed';
    first.rows.push(['new row']);
    const second = new Sheet('Two');
    doc.sheets.push(second);
    doc.byName.set('two', second);
    doc.hidden.clear();
    day.setTime(0);
    doc.counts[0] = 9;
    doc.active = null;
    (first as unknown as Record<string, unknown>).extra = true;

    restore(saved);
    expect(doc.sheets).toEqual([first]);
    expect(doc.sheets[0]).toBe(first);
    expect(first).toEqual(new Sheet('One'));
    expect(first).toBeInstanceOf(Sheet);
    expect('extra' in first).toBe(false);
    expect([...doc.byName.keys()]).toEqual(['one']);
    expect([...doc.hidden]).toEqual(['One']);
    expect(doc.day).toBe(day);
    expect(day.getTime()).toBe(Date.UTC(2024, 0, 1));
    expect([...doc.counts]).toEqual([1, 2]);
    expect(doc.active).toBe(first);
  });
});
