// SPDX-License-Identifier: Apache-2.0
/*
 * Counts writes to the fields of @Observed model instances on the host. Each own data property of a tracked
 * object is replaced by a counting getter/setter pair on that instance (Object.defineProperty), so every
 * assignment the kit makes, whether the value changes or not, is seen. An @Observed instance is a Proxy that
 * drops a same-value write before the field (as ArkUI's does): its writes are counted by the host render
 * runtime's write observer instead.
 * A window around one callback then tells how many writes it made, how many fields really changed
 * (value before !== value after, by Object.is; arrays and objects by reference, as ArkUI sees them) and which
 * writes were more than needed: a field written without changing, or a changed field written more than once.
 * Host-only: kit code never does this.
 */

/**
 * The host render runtime's hooks (tools/host/render/runtime.js, `globalThis.__ark.hooks`): an @Observed instance
 * is a Proxy that drops a write of the value already there before it reaches the field (as ArkUI's does), so
 * such writes are seen through the runtime's write observer instead of the field's setter.
 */
interface ObservedWriteHooks {
  addWriteObserver(observer: (obj: object, key: string) => void): void;
  rawOf(obj: object): object;
}

function observedHooks(): ObservedWriteHooks | undefined {
  const ark = (globalThis as unknown as { __ark?: { hooks?: ObservedWriteHooks } }).__ark;
  return ark !== undefined ? ark.hooks : undefined;
}

/** One tracked field: where it lives and how often it was written. */
class TrackedField {
  readonly name: string;
  readonly generic: string;
  readonly read: () => unknown;
  writes = 0;

  constructor(name: string, generic: string, read: () => unknown) {
    this.name = name;
    this.generic = generic;
    this.read = read;
  }
}

/** What one window (one callback) did to the tracked fields. */
export class WriteResult {
  /** Field assignments made, including those that stored the value already there. */
  writes = 0;
  /** Fields whose value after the window differs from before. */
  changed = 0;
  /**
   * One generic field name ('room.reason', 'stream.soundLevel') per write beyond the one a change needs: a
   * field written but left at its value, or a changed field written more than once. Its length is
   * writes - changed.
   */
  excess: string[] = [];
}

/** An open window: the values and write counts at its start. */
export class WriteWindow {
  readonly values: unknown[];
  readonly writes: number[];
  readonly fieldCount: number;

  constructor(values: unknown[], writes: number[]) {
    this.values = values;
    this.writes = writes;
    this.fieldCount = values.length;
  }
}

/** Instruments objects and measures writes per window. */
export class WriteCounter {
  private readonly fields: TrackedField[] = [];
  private readonly tracked: WeakSet<object> = new WeakSet<object>();
  private total = 0;
  /** Fields of tracked @Observed instances, by the object behind the proxy; counted by the write observer. */
  private readonly observedFields: WeakMap<object, Map<string, TrackedField>> = new WeakMap<object, Map<string, TrackedField>>();
  private observing = false;

  /** All writes seen since tracking began. */
  get totalWrites(): number {
    return this.total;
  }

  /** How many fields are instrumented. */
  get fieldCount(): number {
    return this.fields.length;
  }

  /** Whether `obj` is instrumented already. */
  isTracked(obj: object): boolean {
    return this.tracked.has(obj);
  }

  /**
   * Instruments every own data property of `obj` (not functions). `label` names the object in reports
   * ('room', 'stream[guest1_main]'); `generic` groups instances of one class ('stream'). Tracking again is a
   * no-op. Do not track inside an open window.
   */
  track(obj: object, label: string, generic: string = label): void {
    if (this.tracked.has(obj)) {
      return;
    }
    this.tracked.add(obj);
    const hooks = observedHooks();
    const target: object = hooks !== undefined ? hooks.rawOf(obj) : obj;
    const observed = target !== obj;
    const byKey = new Map<string, TrackedField>();
    for (const key of Object.getOwnPropertyNames(target)) {
      const desc = Object.getOwnPropertyDescriptor(target, key);
      if (desc === undefined || !('value' in desc) || typeof desc.value === 'function') {
        continue;
      }
      let value: unknown = desc.value;
      const field = new TrackedField(`${label}.${key}`, `${generic}.${key}`, () => value);
      this.fields.push(field);
      byKey.set(key, field);
      Object.defineProperty(target, key, {
        configurable: true,
        enumerable: desc.enumerable,
        get: (): unknown => value,
        set: (v: unknown): void => {
          value = v;
          if (!observed) {
            this.count(field);
          }
        },
      });
    }
    if (observed && hooks !== undefined) {
      this.observedFields.set(target, byKey);
      if (!this.observing) {
        this.observing = true;
        hooks.addWriteObserver((o: object, key: string) => {
          const fields = this.observedFields.get(hooks.rawOf(o));
          const field = fields !== undefined ? fields.get(key) : undefined;
          if (field !== undefined) {
            this.count(field);
          }
        });
      }
    }
  }

  private count(field: TrackedField): void {
    field.writes++;
    this.total++;
  }

  /** Opens a window: remembers every field's value and write count. */
  begin(): WriteWindow {
    const values: unknown[] = [];
    const writes: number[] = [];
    for (const f of this.fields) {
      values.push(f.read());
      writes.push(f.writes);
    }
    return new WriteWindow(values, writes);
  }

  /** Closes a window: writes, changed fields and excess writes since begin(). */
  end(window: WriteWindow): WriteResult {
    const result = new WriteResult();
    for (let i = 0; i < window.fieldCount; i++) {
      const f = this.fields[i];
      const writes = f.writes - window.writes[i];
      const changed = !Object.is(f.read(), window.values[i]);
      result.writes += writes;
      if (changed) {
        result.changed++;
      }
      for (let extra = changed ? 1 : 0; extra < writes; extra++) {
        result.excess.push(f.generic);
      }
    }
    return result;
  }
}
