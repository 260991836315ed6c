/**
 * Identity-preserving checkpoints of an object graph (the document model): `checkpoint(root)` records
 * the own contents of every object reachable from root; `restore` puts those contents back into the
 * SAME objects, so handles the bundle holds (a Sheet, a Range) still point at live model objects.
 * Objects created after the checkpoint simply become unreachable. Functions are kept as they are
 * (not traversed); Dates and typed arrays are restored by value.
 *
 * Used only while another execution is scheduled to interleave (emu.interleave), so it costs nothing
 * in ordinary runs and benchmarks.
 */

type Saved =
  | { kind: 'map'; entries: [unknown, unknown][] }
  | { kind: 'set'; values: unknown[] }
  | { kind: 'array'; items: unknown[]; extra: PropertyDescriptorMap }
  | { kind: 'date'; time: number }
  | { kind: 'typed'; copy: ArrayBufferView }
  | { kind: 'object'; props: PropertyDescriptorMap };

export type Checkpoint = Map<object, Saved>;

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object';
}

export function checkpoint(root: object): Checkpoint {
  const saved: Checkpoint = new Map();
  const stack: object[] = [root];
  const visit = (v: unknown) => {
    if (isObject(v) && !saved.has(v)) stack.push(v);
  };
  while (stack.length) {
    const o = stack.pop()!;
    if (saved.has(o)) continue;
    if (o instanceof Map) {
      const entries = [...o.entries()];
      saved.set(o, { kind: 'map', entries });
      for (const [k, v] of entries) {
        visit(k);
        visit(v);
      }
    } else if (o instanceof Set) {
      const values = [...o];
      saved.set(o, { kind: 'set', values });
      values.forEach(visit);
    } else if (Array.isArray(o)) {
      const items = o.slice();
      const extra = Object.getOwnPropertyDescriptors(o) as unknown as PropertyDescriptorMap;
      for (const k of Object.keys(extra)) if (k === 'length' || /^\d+$/.test(k)) delete extra[k];
      saved.set(o, { kind: 'array', items, extra });
      items.forEach(visit);
      for (const d of Object.values(extra)) visit(d.value);
    } else if (o instanceof Date) {
      saved.set(o, { kind: 'date', time: o.getTime() });
    } else if (ArrayBuffer.isView(o)) {
      saved.set(o, { kind: 'typed', copy: (o as unknown as { slice(): ArrayBufferView }).slice() });
    } else {
      const props = Object.getOwnPropertyDescriptors(o) as PropertyDescriptorMap;
      saved.set(o, { kind: 'object', props });
      for (const d of Object.values(props)) visit(d.value);
    }
  }
  return saved;
}

export function restore(saved: Checkpoint): void {
  for (const [o, s] of saved) {
    switch (s.kind) {
      case 'map': {
        const m = o as Map<unknown, unknown>;
        m.clear();
        for (const [k, v] of s.entries) m.set(k, v);
        break;
      }
      case 'set': {
        const set = o as Set<unknown>;
        set.clear();
        for (const v of s.values) set.add(v);
        break;
      }
      case 'array': {
        const a = o as unknown[];
        a.length = 0;
        for (let i = 0; i < s.items.length; i++) a[i] = s.items[i];
        Object.defineProperties(a, s.extra);
        break;
      }
      case 'date':
        (o as Date).setTime(s.time);
        break;
      case 'typed':
        (o as unknown as { set(x: ArrayBufferView): void }).set(s.copy);
        break;
      case 'object': {
        if (Object.isFrozen(o)) break;
        for (const k of Reflect.ownKeys(o))
          if (!(k in s.props)) delete (o as Record<PropertyKey, unknown>)[k];
        Object.defineProperties(o, s.props);
        break;
      }
    }
  }
}
