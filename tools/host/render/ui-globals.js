// SPDX-License-Identifier: Apache-2.0
// The ArkUI UI globals a component touches while it builds or handles events, for Node: every SDK enum as
// readable strings (`Color.White` → 'Color.White'), recording stand-ins for the SDK's controller classes,
// `XComponentController` with fake surface ids, a Canvas 2D context that records draw calls, and the global
// functions (`getContext`, `animateTo`, `px2vp`, …). Nothing here draws or measures anything.
'use strict';
const fs = require('fs');
const path = require('path');
const { sdkComponentFiles } = require('../../check/ets-options');

/** Member reads that must stay undefined so that promises, printing and JSON treat stubs as plain objects. */
const NOT_MEMBERS = new Set(['then', 'toJSON', 'constructor', 'inspect', 'asymmetricMatch', 'nodeType', '$$typeof']);

/** An enum whose every member is the string 'Enum.Member', so any member of any SDK enum works. */
function readableEnum(name) {
  return new Proxy({}, {
    get: (target, key) => (typeof key === 'symbol' || NOT_MEMBERS.has(key) ? undefined : `${name}.${String(key)}`),
  });
}

/**
 * Wraps an object so calls to methods it does not have are recorded in `calls` (as [name, args]) and return
 * undefined; property writes stay ordinary writes and are recorded too (as ['name=', [value]]).
 */
function recording(target) {
  Object.defineProperty(target, 'calls', { value: [], enumerable: false, writable: true });
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol' || key in t || NOT_MEMBERS.has(key)) return Reflect.get(t, key, receiver);
      return (...args) => { t.calls.push([key, args]); return undefined; };
    },
    set(t, key, value) {
      if (typeof key === 'string') t.calls.push([`${key}=`, [value]]);
      t[key] = value;
      return true;
    },
  });
}

/** A stand-in for an SDK class nobody modelled: it keeps its constructor arguments and records every call. */
function recordingClass(name) {
  const cls = { [name]: class { constructor(...args) { this.args = args; return recording(this); } } }[name];
  return cls;
}

let surfaceCount = 0;
/** XComponentController with a fake surface id per controller: 'surface-1', 'surface-2', … */
class XComponentController {
  constructor() {
    surfaceCount += 1;
    this.surfaceId = `surface-${surfaceCount}`;
    this.surfaceRect = { offsetX: 0, offsetY: 0, surfaceWidth: 0, surfaceHeight: 0 };
    return recording(this);
  }
  getXComponentSurfaceId() { return this.surfaceId; }
  setXComponentSurfaceRect(rect) { this.surfaceRect = rect; }
  getXComponentSurfaceRect() { return this.surfaceRect; }
  getXComponentContext() { return {}; }
}
/** Restarts surface numbering (each `render()` does, so the first controller of a tree is 'surface-1'). */
function resetSurfaceIds() { surfaceCount = 0; }

/** Canvas 2D context: records draw calls and style writes in `calls`; measures text as 10 units per char. */
class CanvasRenderingContext2D {
  constructor(settings) {
    this.settings = settings;
    this.width = 0;
    this.height = 0;
    return recording(this);
  }
  measureText(text) {
    this.calls.push(['measureText', [text]]);
    return { width: String(text).length * 10, height: 10 };
  }
  createLinearGradient(...args) { this.calls.push(['createLinearGradient', args]); return recording({}); }
  createRadialGradient(...args) { this.calls.push(['createRadialGradient', args]); return recording({}); }
  getImageData(sx, sy, sw, sh) {
    this.calls.push(['getImageData', [sx, sy, sw, sh]]);
    return { width: sw, height: sh, data: new Uint8ClampedArray(Math.max(0, sw * sh * 4)) };
  }
}

/** CustomDialogController: records open/close; the dialog component and its options stay inspectable. */
class CustomDialogController {
  constructor(options) {
    this.options = options;
    this.opened = false;
    return recording(this);
  }
  open() { this.opened = true; }
  close() { this.opened = false; }
}

/** Instance-based key/value store like LocalStorage (not linked to any component on the host). */
class LocalStorage {
  constructor(initial) { this.store = new Map(Object.entries(initial || {})); }
  get(key) { return this.store.get(key); }
  set(key, value) { if (!this.store.has(key)) return false; this.store.set(key, value); return true; }
  setOrCreate(key, value) { this.store.set(key, value); return true; }
  has(key) { return this.store.has(key); }
  delete(key) { return this.store.delete(key); }
  keys() { return this.store.keys(); }
  size() { return this.store.size; }
  clear() { this.store.clear(); return true; }
}

/** PersistentStorage on the host: persisting a property only creates it in AppStorage when absent. */
class PersistentStorage {
  static persistProp(key, value) { if (!globalThis.AppStorage.has(key)) globalThis.AppStorage.setOrCreate(key, value); }
  static persistProps(props) { for (const p of props) PersistentStorage.persistProp(p.key, p.defaultValue); }
  static deleteProp(key) { globalThis.AppStorage.delete(key); }
  static keys() { return Array.from(globalThis.AppStorage.keys()); }
}

/**
 * The app's rawfile folders as DevEco packs them into the HAP: the entry module's (demo) first, then the HAR's
 * (components), which has the lowest priority (Huawei: HAR resources are merged into the HAP).
 */
const RAWFILE_DIRS = ['demo', 'components']
  .map((m) => path.join(__dirname, '..', '..', '..', m, 'src', 'main', 'resources', 'rawfile'));

/** resourceManager.getRawFileContentSync(path): the file's bytes, or BusinessError 9001005 (invalid relative path). */
function getRawFileContentSync(rawPath) {
  for (const dir of RAWFILE_DIRS) {
    const file = path.join(dir, rawPath);
    if (file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile()) return new Uint8Array(fs.readFileSync(file));
  }
  const err = new Error(`getRawFileContentSync: no rawfile '${rawPath}'`);
  err.code = 9001005;
  throw err;
}

const hostContext = recording({ filesDir: '/host/files', cacheDir: '/host/cache', tempDir: '/host/temp',
  area: 1, applicationInfo: { name: 'host' }, resourceManager: recording({ getRawFileContentSync }) });
const identity = (v) => v;

const FUNCTIONS = {
  getContext: () => hostContext,
  animateTo: (options, change) => { change(); },
  animateToImmediately: (options, change) => { change(); },
  px2vp: identity, vp2px: identity, fp2px: identity, px2fp: identity, lpx2px: identity, px2lpx: identity,
  wrapBuilder: (builder) => ({ builder }),
  postCardAction: () => undefined,
};

/**
 * Gestures (`.gesture(PanGesture({...}).onActionUpdate(fn))`): a chainable record of the options and the
 * handlers, so a test can read `attr(node, 'gesture').handlers.onActionUpdate` and call it with an event.
 */
function gestureFactory(kind) {
  return function gesture(options, ...members) {
    // A GestureGroup(mode, g1, g2…) keeps its member gestures, as ets-loader compiles them.
    const record = kind === 'GestureGroup' ? { gesture: kind, options, handlers: {}, members }
      : { gesture: kind, options, handlers: {} };
    return new Proxy(record, {
      get(target, prop, receiver) {
        if (prop in target || typeof prop !== 'string' || NOT_MEMBERS.has(prop)) return target[prop];
        return (handler) => { target.handlers[prop] = handler; return receiver; };
      },
    });
  };
}
for (const kind of ['PanGesture', 'TapGesture', 'LongPressGesture', 'PinchGesture', 'SwipeGesture', 'RotationGesture',
  'GestureGroup']) {
  FUNCTIONS[kind] = gestureFactory(kind);
}

const SKIPPED_CLASSES = /(Attribute|Method)$|^(CustomComponent|AppStorage|Environment)$/;
const CLASSES = { XComponentController, CanvasRenderingContext2D, CustomDialogController, LocalStorage, PersistentStorage };

let installed = false;
/** Defines the globals (never replacing one that exists, so Node's and arkui-globals.js's stay). */
function installUiGlobals() {
  if (installed) return;
  installed = true;
  const define = (name, value) => { if (globalThis[name] === undefined) globalThis[name] = value; };
  for (const [name, value] of Object.entries(CLASSES)) define(name, value);
  for (const [name, value] of Object.entries(FUNCTIONS)) define(name, value);
  define('RenderingContextSettings', class RenderingContextSettings {
    constructor(antialias) { this.antialias = antialias; }
  });
  for (const file of sdkComponentFiles()) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*declare (?:const )?enum (\w+)/gm)) define(m[1], readableEnum(m[1]));
    for (const m of text.matchAll(/^\s*declare class (\w+)/gm)) {
      if (!SKIPPED_CLASSES.test(m[1])) define(m[1], recordingClass(m[1]));
    }
  }
}

module.exports = { installUiGlobals, resetSurfaceIds, recording, hostContext };
