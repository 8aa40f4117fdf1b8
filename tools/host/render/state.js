// SPDX-License-Identifier: Apache-2.0
// ArkUI V1 state management for the host render runtime (runtime.js), written after the rules of ArkUI's own
// state_mgmt sources (arkui_ace_engine frameworks/bridge/declarative_frontend/state_mgmt/src/lib: common/
// observed_object.ts, partial_update/pu_observed_property*.ts, pu_synced_property*.ts, pu_tracked_object.ts):
//  * @Observed wraps each instance in a Proxy. A write that changes a field (!==) notifies the state variables
//    holding the object: in "compatibility mode" (the class has no @Track field) as a change of the whole
//    variable; with @Track, as a change of that field only, and writes to untracked fields notify nothing.
//  * A state variable records which elements read it while they render (the rendering element of its own
//    view); with @Track it records per field, and reading an untracked field while rendering throws, as
//    ArkUI does ("Illegal usage of not @Track'ed property").
//  * @State/@Provide own their value (objects are wrapped and observed one level deep); @Prop keeps a deep copy
//    of its source (any object-valued source that is not the same @Observed object counts as changed, and an
//    object whose class lacks @Observed is reported); @Link/@Consume/@StorageLink share their source; an
//    @ObjectLink holds the object itself and compares by reference.
// Dependencies accumulate: ArkUI never drops an element's dependency when it re-renders, only when the element
// is deleted. Host-only code, for Node; none of it ships in the HAR.
'use strict';

const RAW = Symbol('ark.raw');
const HANDLER = Symbol('ark.handler');
const PROXIED = Symbol('ark.proxied');
const TRACKED_PREFIX = '___TRACKED_';
const IS_TRACKED = '___IS_TRACKED_OPTIMISED';
/** ArkUI's fake properties: notified on a tracked object's assignment so @Prop/@ObjectLink sources re-sync. */
const FAKE_PROP = '___OPTI_TRACKED_ASSIGNMENT_FAKE_PROP_PROPERTY';
const FAKE_OBJLINK = '___OPTI_TRACKED_ASSIGNMENT_FAKE_OBJLINK_PROPERTY';

/**
 * What state variables need from the runtime: the element a view is rendering (or undefined), marking
 * elements dirty after a change (which also runs @Watch), warnings, and an optional observer of every write to
 * an observed object (the bench's write counter).
 */
const scheduler = {
  rendering: () => undefined,
  changed: () => undefined,
  warn: () => undefined,
  onWrite: undefined,
};

const isObject = (v) => v !== null && typeof v === 'object';
const handlerOf = (v) => (isObject(v) ? v[HANDLER] : undefined);
/** Whether `v` is an observed object (an @Observed instance, or an object a state variable wrapped). */
const isObserved = (v) => handlerOf(v) !== undefined;
/** The object behind an observed object's proxy (`v` itself otherwise). */
const rawOf = (v) => (isObserved(v) ? v[RAW] : v);
/** Compatibility mode: the object's class has no @Track field, so any field write is a change of the whole. */
const isCompat = (v) => !isObject(v) || !Reflect.has(rawOf(v), IS_TRACKED);
const isTrackedKey = (target, key) => key === FAKE_PROP || key === FAKE_OBJLINK || Reflect.has(target, TRACKED_PREFIX + key);

/** Proxy handler of an observed object: reports reads to the last state variable that read the object. */
class ObjectHandler {
  constructor() {
    this.owners = new Set();
    this.reader = undefined;
  }

  get(target, key, receiver) {
    if (key === RAW) return target;
    if (key === HANDLER) return this;
    const value = Reflect.get(target, key, receiver);
    if (this.reader !== undefined && typeof key === 'string' && typeof value !== 'function') {
      this.reader.onObjectRead(receiver, key, isTrackedKey(target, key));
    }
    return value;
  }

  set(target, key, value, receiver) {
    if (typeof key === 'symbol') return Reflect.set(target, key, value);
    if (scheduler.onWrite) scheduler.onWrite(receiver, key, value);
    if (Reflect.get(target, key) === value) return true;
    Reflect.set(target, key, value);
    this.changed(target, key);
    return true;
  }

  /** A field (or, for arrays, maps, sets and dates, the whole object: key undefined) has changed. */
  changed(target, key) {
    if (key === undefined || isCompat(target)) {
      for (const owner of Array.from(this.owners)) owner.onCompatChange(key);
    } else if (isTrackedKey(target, key)) {
      for (const owner of Array.from(this.owners)) owner.onTrackedChange(key);
    }
  }
}

const ARRAY_MUTATORS = new Set(['splice', 'copyWithin', 'fill', 'reverse', 'sort', 'push', 'pop', 'shift', 'unshift']);
const ARRAY_RETURNS_SELF = new Set(['copyWithin', 'fill', 'reverse', 'sort']);
/** Arrays: in-place methods run on the array and notify once. */
class ArrayHandler extends ObjectHandler {
  get(target, key, receiver) {
    const value = super.get(target, key, receiver);
    if (typeof value !== 'function' || !ARRAY_MUTATORS.has(key)) return value;
    const self = this;
    return function mutate(...args) {
      const result = value.apply(target, args);
      self.changed(target, undefined);
      return ARRAY_RETURNS_SELF.has(key) ? receiver : result;
    };
  }
}

const COLLECTION_MUTATORS = new Set(['set', 'add', 'delete', 'clear']);
/** Maps, sets and dates: methods run on the object itself (their internal slots need it); mutators notify. */
class CollectionHandler extends ObjectHandler {
  get(target, key, receiver) {
    if (key === 'size') return Reflect.get(target, key, target);
    const value = super.get(target, key, receiver);
    if (typeof value !== 'function') return value;
    const self = this;
    const mutates = target instanceof Date ? typeof key === 'string' && key.startsWith('set') : COLLECTION_MUTATORS.has(key);
    return function call(...args) {
      const result = value.apply(target, args);
      if (mutates) self.changed(target, undefined);
      return (key === 'set' || key === 'add') && !(target instanceof Date) ? receiver : result;
    };
  }
}

/** Wraps an object in an observed Proxy (ArkUI's ObservedObject.createNew); observed objects stay as they are. */
function makeObserved(obj) {
  if (!isObject(obj) || isObserved(obj)) return obj;
  const handler = Array.isArray(obj) ? new ArrayHandler()
    : obj instanceof Map || obj instanceof Set || obj instanceof Date ? new CollectionHandler() : new ObjectHandler();
  return new Proxy(obj, handler);
}

/** `@Observed class X {}`: every instance is created behind an observed Proxy (once, also for subclasses). */
function Observed(Base) {
  if (typeof Base !== 'function') return undefined;
  const Wrapped = class extends Base {
    constructor(...args) {
      super(...args);
      if (Reflect.has(this, PROXIED)) return this;
      Object.defineProperty(this, PROXIED, { value: true });
      return makeObserved(this);
    }
  };
  Object.defineProperty(Wrapped, 'name', { value: Base.name });
  return Wrapped;
}

/** `@Track field`: marks the field on the prototype; the class then leaves compatibility mode. */
function Track(proto, key) {
  if (!isObject(proto) && typeof proto !== 'function') return undefined;
  Object.defineProperty(proto, TRACKED_PREFIX + String(key), { value: true, configurable: true });
  Object.defineProperty(proto, IS_TRACKED, { value: true, configurable: true });
  return undefined;
}

/** A deep copy as @Prop takes of its source (API 10+): observed objects come back observed. */
function deepCopy(value, seen = new Map()) {
  if (!isObject(value)) return value;
  const raw = rawOf(value);
  if (seen.has(raw)) return seen.get(raw);
  let copy;
  if (Array.isArray(raw)) {
    copy = [];
    seen.set(raw, copy);
    raw.forEach((item, i) => { copy[i] = deepCopy(item, seen); });
  } else if (raw instanceof Map) {
    copy = new Map();
    seen.set(raw, copy);
    raw.forEach((v, k) => copy.set(k, deepCopy(v, seen)));
  } else if (raw instanceof Set) {
    copy = new Set();
    seen.set(raw, copy);
    raw.forEach((v) => copy.add(deepCopy(v, seen)));
  } else if (raw instanceof Date) {
    copy = new Date(raw.getTime());
    seen.set(raw, copy);
  } else {
    copy = Object.create(Object.getPrototypeOf(raw));
    seen.set(raw, copy);
    for (const key of Object.keys(raw)) copy[key] = deepCopy(raw[key], seen);
  }
  if (isObserved(value)) {
    Object.defineProperty(copy, PROXIED, { value: true });
    const observed = makeObserved(copy);
    seen.set(raw, observed);
    return observed;
  }
  return copy;
}

const NO_ELEMENTS = new Set();
let nextVarId = 1;

/**
 * A V1 state variable (ArkUI's ObservedPropertyAbstractPU): the elements that read it, per field for @Track
 * objects; its sync peers (the @Link/@Prop variables that follow it); and the @Observed object it holds.
 */
class StateVar {
  constructor(view, name, decorator) {
    this.id = nextVarId++;
    this.view = view;
    this.name = name;
    this.decorator = decorator;
    this.value = undefined;
    this.deps = new Set();
    this.trackedDeps = new Map();
    this.peers = new Set();
    this.notifying = false;
  }

  describe() {
    return `@${this.decorator} ${this.view ? this.view.constructor.name : '(source)'}.${this.name}`;
  }

  /** The value without recording a read (ArkUI's getUnmonitored). */
  peek() {
    return this.value;
  }

  /** A read from code: records the rendering element, and installs the @Track read check on the object. */
  get() {
    const element = scheduler.rendering(this.view);
    if (element !== undefined) this.deps.add(element);
    const value = this.peek();
    if (isObserved(value) && !isCompat(value)) handlerOf(value).reader = this;
    return value;
  }

  /** A field of the held @Track object was read (from anywhere: only reads while this view renders count). */
  onObjectRead(obj, key, tracked) {
    const element = scheduler.rendering(this.view);
    if (element === undefined) return;
    if (!tracked) {
      throw new Error(`Illegal usage of not @Track'ed property '${key}' on UI! (${this.describe()}: ` +
        'a class with @Track fields may only show @Track fields in build())');
    }
    if (rawOf(this.peek()) !== rawOf(obj)) return;
    let elements = this.trackedDeps.get(key);
    if (elements === undefined) this.trackedDeps.set(key, elements = new Set());
    elements.add(element);
  }

  /** Assignment (or a compatibility-mode field change): every element that read the variable re-renders. */
  notifyChanged() {
    if (this.view) scheduler.changed(this.view, this.name, this.deps);
    for (const peer of Array.from(this.peers)) peer.syncPeerHasChanged(this);
  }

  /** A @Track field changed: only the elements that read that field re-render. */
  notifyTracked(key) {
    if (this.view) scheduler.changed(this.view, this.name, this.trackedDeps.get(key) || NO_ELEMENTS);
    for (const peer of Array.from(this.peers)) peer.syncPeerTrackedPropertyHasChanged(this, key);
  }

  /**
   * A new value was assigned (ArkUI's TrackedObject.notifyObjectValueAssignment): between two objects of one
   * @Track class only the changed tracked fields notify; anything else notifies the whole variable.
   */
  notifyAssignment(oldValue, newValue) {
    if (!isObject(oldValue) || !isObject(newValue) || oldValue.constructor !== newValue.constructor || isCompat(oldValue)) {
      this.notifyChanged();
      return;
    }
    const before = rawOf(oldValue);
    const after = rawOf(newValue);
    let any = false;
    for (const key of Object.keys(after)) {
      if (Reflect.has(before, TRACKED_PREFIX + key) && before[key] !== after[key]) {
        this.notifyTracked(key);
        any = true;
      }
    }
    if (any) this.notifyTracked(FAKE_PROP);
    this.notifyTracked(FAKE_OBJLINK);
  }

  onCompatChange() {
    this.notifyChanged();
  }

  onTrackedChange(key) {
    this.notifyTracked(key);
  }

  syncPeerHasChanged() {
    if (!this.notifying) this.notifyChanged();
  }

  syncPeerTrackedPropertyHasChanged(source, key) {
    if (!this.notifying) this.notifyTracked(key);
  }

  /** Holds `value` (wrapping a plain object as ArkUI does) and subscribes to it; false when it is the same. */
  hold(value) {
    if (value === this.value) return false;
    this.release();
    this.value = isObject(value) ? makeObserved(value) : value;
    if (isObserved(this.value)) handlerOf(this.value).owners.add(this);
    return true;
  }

  release() {
    const handler = handlerOf(this.value);
    if (handler === undefined) return;
    handler.owners.delete(this);
    if (handler.reader === this) handler.reader = undefined;
  }

  /** An element was deleted. */
  purge(element) {
    this.deps.delete(element);
    for (const elements of this.trackedDeps.values()) elements.delete(element);
  }

  /** The owning view was deleted (ArkUI's aboutToBeDeleted). */
  dispose() {
    this.release();
    this.peers.clear();
    this.deps.clear();
    this.trackedDeps.clear();
  }
}

/** @State, @Provide (and host stand-ins for @Local, @LocalStorageLink/Prop): owns its value. */
class OwnVar extends StateVar {
  constructor(view, name, decorator, value) {
    super(view, name, decorator);
    this.hold(value);
  }

  set(value) {
    const old = this.value;
    if (this.hold(value)) this.notifyAssignment(old, this.value);
  }
}

/**
 * @Prop and @StorageProp: a deep copy of a source variable (for @Prop, a hidden variable the parent's
 * update resets; for @StorageProp, the AppStorage variable). Local writes stay local until the source changes.
 */
class PropVar extends StateVar {
  /** @param ownsSource true for @Prop (the hidden source goes with it), false for @StorageProp */
  constructor(view, name, decorator, source, ownsSource) {
    super(view, name, decorator);
    this.source = source;
    this.ownsSource = ownsSource;
    source.peers.add(this);
    this.holdCopy();
  }

  holdCopy() {
    this.hold(deepCopy(this.source.peek()));
  }

  /** The parent re-rendered this child: its source takes the new value (a change notifies this variable). */
  reset(value) {
    this.source.set(value);
  }

  set(value) {
    if (value === this.value) return;
    this.hold(value);
    this.notifyChanged();
  }

  syncPeerHasChanged(source) {
    if (source !== this.source) return;
    this.release();
    this.value = undefined;
    this.holdCopy();
    this.notifyChanged();
  }

  /** Starts from the field's initializer when the parent passed nothing (before any render: no notification). */
  init(value) {
    this.release();
    this.value = undefined;
    this.hold(value);
  }

  syncPeerTrackedPropertyHasChanged(source) {
    this.syncPeerHasChanged(source);
  }

  dispose() {
    this.source.peers.delete(this);
    if (this.ownsSource) this.source.dispose();
    super.dispose();
  }
}

/** @ObjectLink: holds the parent's @Observed object itself; a different object (by reference) is a change. */
class ObjectLinkVar extends StateVar {
  constructor(view, name, value) {
    super(view, name, 'ObjectLink');
    this.attach(value);
  }

  attach(value) {
    if (value === this.value) return false;
    if (isObject(value) && !isObserved(value)) {
      scheduler.warn(`${this.describe()}: the object passed (${value.constructor ? value.constructor.name : 'Object'}) ` +
        'is not an @Observed instance: changes of its fields are not observed');
    }
    this.release();
    this.value = value;
    if (isObserved(value)) {
      handlerOf(value).owners.add(this);
      // ArkUI's createSourceDependency: reading the fake field lets the parent re-pass a re-assigned object.
      void value[FAKE_OBJLINK];
    }
    return true;
  }

  set(value) {
    const old = this.value;
    if (this.attach(value)) this.notifyAssignment(old, value);
  }
}

/** @Link, @Consume and @StorageLink: read and write through to a source variable. */
class LinkVar extends StateVar {
  constructor(view, name, decorator, source) {
    super(view, name, decorator);
    this.source = source;
    source.peers.add(this);
  }

  peek() {
    return this.source.peek();
  }

  set(value) {
    const old = this.source.peek();
    if (old === value) return;
    this.notifying = true;
    try {
      this.source.set(value);
    } finally {
      this.notifying = false;
    }
    this.notifyAssignment(old, this.source.peek());
  }

  dispose() {
    this.source.peers.delete(this);
    super.dispose();
  }
}

/**
 * A @Link source that is not a state variable: a test's `links` entry or a `$$this.a.b` path. It is polled
 * on every flush (a changed value notifies its links), since nothing tells it about writes.
 */
class ExternalSource extends StateVar {
  constructor(ref, name) {
    super(undefined, name, 'Link source');
    this.ref = ref;
    this.last = ref.get();
  }

  peek() {
    return this.ref.get();
  }

  set(value) {
    this.ref.set(value);
    this.last = value;
  }

  poll() {
    const now = this.ref.get();
    if (now === this.last) return;
    this.last = now;
    this.notifyChanged();
  }
}

module.exports = {
  scheduler, Observed, Track, isObserved, rawOf, OwnVar, PropVar, ObjectLinkVar, LinkVar, ExternalSource,
};
