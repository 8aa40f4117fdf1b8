// SPDX-License-Identifier: Apache-2.0
// The ArkUI globals that non-UI ArkTS code may touch at run time, for Node: state-management decorators
// (identity functions here; the host render runtime, loaded next by register.js, replaces @Observed and @Track
// with ArkUI's observing ones and makes AppStorage notify: tools/host/render/state.js), AppStorage (a plain
// key/value store with the documented method names) and $r/$rawfile (resource references as inspectable
// objects). Real behaviour is only on the device; these exist so that logic can be loaded and tested.
'use strict';

function identityDecorator() {
  // Works both as `@Observed class X {}` and as `@Watch('x') field` / `@StorageLink('k') field`.
  if (arguments.length === 1 && typeof arguments[0] === 'function') return arguments[0];
  if (arguments.length >= 2) return undefined;
  return function decorate() { return undefined; };
}
const DECORATORS = ['Observed', 'Track', 'ObservedV2', 'Trace', 'Sendable', 'Concurrent', 'Entry', 'Component',
  'ComponentV2', 'Preview', 'Reusable', 'CustomDialog', 'State', 'Prop', 'Link', 'ObjectLink', 'Provide',
  'Consume', 'StorageLink', 'StorageProp', 'LocalStorageLink', 'LocalStorageProp', 'Watch', 'Builder',
  'BuilderParam', 'LocalBuilder', 'Styles', 'Extend', 'AnimatableExtend', 'Require', 'Local', 'Param', 'Event',
  'Once', 'Monitor', 'Computed'];
for (const name of DECORATORS) {
  if (globalThis[name] === undefined) globalThis[name] = identityDecorator;
}

/** Host AppStorage: same method names and semantics for plain values as ArkUI's AppStorage. */
class HostAppStorage {
  static setOrCreate(key, value) { HostAppStorage.store.set(key, value); }
  static set(key, value) {
    if (!HostAppStorage.store.has(key)) return false;
    HostAppStorage.store.set(key, value);
    return true;
  }
  static get(key) { return HostAppStorage.store.get(key); }
  static has(key) { return HostAppStorage.store.has(key); }
  static delete(key) { return HostAppStorage.store.delete(key); }
  static keys() { return HostAppStorage.store.keys(); }
  static clear() { HostAppStorage.store.clear(); return true; }
  static size() { return HostAppStorage.store.size; }
}
HostAppStorage.store = new Map();
globalThis.AppStorage = HostAppStorage;

const RESOURCE_TYPES = { color: 10001, float: 10002, string: 10003, plural: 10004, boolean: 10005,
  intarray: 10006, integer: 10007, pattern: 10008, strarray: 10009, media: 20000, rawfile: 30000,
  symbol: 40000 };
/** `$r('app.string.x', ...args)` as an object tests can read: `params[0]` is the resource name. */
globalThis.$r = function resourceReference(name, ...args) {
  const type = String(name).split('.')[1];
  return { bundleName: '', moduleName: '', id: -1, type: RESOURCE_TYPES[type] || -1, params: [name, ...args] };
};
globalThis.$rawfile = function rawfileReference(name) {
  return { bundleName: '', moduleName: '', id: -1, type: RESOURCE_TYPES.rawfile, params: [name] };
};
