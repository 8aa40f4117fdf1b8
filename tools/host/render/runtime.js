// SPDX-License-Identifier: Apache-2.0
// The recording runtime behind the host render transform (transform.js): the `__ark` global that transformed
// structs call. A build records a tree of plain nodes ({ type, args, attrs, children }); custom components are
// class instances (base `View`) whose decorated fields are accessors with ArkUI's initialisation and sharing
// rules (@State, @Prop, @Link, @ObjectLink, @Provide/@Consume, @StorageLink/@StorageProp, @Watch,
// @BuilderParam). Reactivity is a whole-tree rebuild that reuses child instances by call site, ForEach key and
// type, calling aboutToAppear for new children and aboutToDisappear for children no longer built.
'use strict';
const { recording, hostContext } = require('./ui-globals');

const META = Symbol('ark.meta');
/** How each field decorator stores its value. */
const STORAGE = { State: 'own', Provide: 'own', Local: 'own', LocalStorageLink: 'own', LocalStorageProp: 'own',
  Prop: 'passed', ObjectLink: 'passed', Param: 'passed', Link: 'link', Consume: 'consume',
  StorageLink: 'storageLink', StorageProp: 'storageProp' };

/** Base class of every transformed struct. Host bookkeeping lives in one hidden field, `__host`. */
class View {
  constructor() {
    Object.defineProperty(this, '__host', { enumerable: false, value: {
      initializing: true, alive: true, parent: undefined, node: undefined, store: new Map(), refs: new Map(),
      passed: new Map(), storageSeen: new Map(), children: new Map(), previous: new Map(), sites: new Map() } });
  }
  /** A UIContext stand-in: records calls; animateTo runs its change at once. */
  getUIContext() {
    return recording({ getHostContext: () => hostContext, animateTo: (o, change) => change() });
  }
}

const metaOf = (view) => view.constructor[META] || { fields: new Map(), styles: [], file: '' };
const isViewClass = (c) => typeof c === 'function' && c.prototype instanceof View;

/** Called after each transformed struct: records decorators and defines the state accessors. */
function view(cls, { file, fields, styles }) {
  const table = new Map();
  for (const [name, decorator, arg] of fields) {
    const spec = table.get(name) || { name, storage: undefined, key: name, watch: [], decorators: [] };
    spec.decorators.push(decorator);
    if (decorator === 'Watch') spec.watch.push(arg);
    else if (STORAGE[decorator]) {
      spec.storage = STORAGE[decorator];
      if (arg !== undefined) spec.key = typeof arg === 'string' ? arg : arg.allowOverride || name;
    }
    table.set(name, spec);
  }
  Object.defineProperty(cls, META, { value: { file, fields: table, styles } });
  for (const spec of table.values()) {
    if (!spec.storage) continue;
    Object.defineProperty(cls.prototype, spec.name, { configurable: true,
      get() { return read(this, spec); },
      set(value) { write(this, spec, value); } });
  }
}

/** The nearest ancestor's @Provide field for a @Consume (its alias or name matches the @Consume's). */
function provider(v, key) {
  for (let p = v.__host.parent; p; p = p.__host.parent) {
    for (const spec of metaOf(p).fields.values()) {
      if (spec.decorators.includes('Provide') && (spec.key === key || spec.name === key)) return [p, spec.name];
    }
  }
  return undefined;
}

function read(v, spec) {
  const h = v.__host;
  const storage = globalThis.AppStorage;
  switch (spec.storage) {
    case 'link': return h.refs.has(spec.name) ? h.refs.get(spec.name).get() : h.store.get(spec.name);
    case 'consume': { const p = provider(v, spec.key); return p ? p[0][p[1]] : h.store.get(spec.name); }
    case 'storageLink': return storage.get(spec.key);
    case 'storageProp': {
      // One-way: AppStorage changes win over local writes, local writes never reach AppStorage.
      const current = storage.get(spec.key);
      if (storage.has(spec.key) && h.storageSeen.get(spec.name) !== current) {
        h.storageSeen.set(spec.name, current);
        h.store.set(spec.name, current);
      }
      return h.store.get(spec.name);
    }
    default: return h.store.get(spec.name);
  }
}

function write(v, spec, value) {
  const h = v.__host;
  const storage = globalThis.AppStorage;
  if (h.initializing) {
    // Field initialisers: a storage default only applies when AppStorage has no such key yet.
    if ((spec.storage === 'storageLink' || spec.storage === 'storageProp') && !storage.has(spec.key)) storage.setOrCreate(spec.key, value);
    if (spec.storage !== 'storageLink') h.store.set(spec.name, value);
    return;
  }
  const old = read(v, spec);
  if (spec.storage === 'link' && h.refs.has(spec.name)) h.refs.get(spec.name).set(value);
  else if (spec.storage === 'storageLink') storage.setOrCreate(spec.key, value);
  else if (spec.storage === 'consume' && provider(v, spec.key)) { const p = provider(v, spec.key); p[0][p[1]] = value; }
  else h.store.set(spec.name, value);
  if (old !== value) notify(v, spec);
}

/** Runs the @Watch methods of a field. */
function notify(v, spec) {
  for (const method of spec.watch) v[method](spec.name);
}

/** `__ark.ref(get, set)`: what `$x`, `this.x` and `$$this.x` pass to a @Link or a two-way option. */
function ref(get, set) { return { get, set }; }

/** The one field a trailing `{ … }` block fills: the component's (first) @BuilderParam. */
function builderParamField(v) {
  for (const spec of metaOf(v).fields.values()) if (spec.decorators.includes('BuilderParam')) return spec.name;
  return undefined;
}

/** Points @Link fields at the references a parent (or a test) passed. */
function setLinks(v, refs) {
  const fields = metaOf(v).fields;
  for (const key of Object.keys(refs || {})) {
    const spec = fields.get(key);
    if (spec && spec.storage === 'link') v.__host.refs.set(key, refs[key]);
  }
}

/** Creates a child instance and applies the parent's options with ArkUI's initialisation rules. */
function construct(Comp, props, refs, children, parent) {
  const v = new Comp();
  const h = v.__host;
  h.parent = parent;
  const fields = metaOf(v).fields;
  setLinks(v, refs);
  for (const key of Object.keys(props)) {
    const spec = fields.get(key);
    if (spec && (h.refs.has(key) || ['storageLink', 'storageProp', 'consume'].includes(spec.storage))) continue;
    if (spec && spec.storage) {
      h.store.set(key, props[key]);
      if (spec.storage === 'passed') h.passed.set(key, props[key]);
    } else v[key] = props[key];
  }
  const slot = builderParamField(v);
  if (children && slot) v[slot] = children;
  h.initializing = false;
  return v;
}

/** Re-applies a parent's options to a reused child: @Prop/@ObjectLink only when the passed value changed. */
function update(v, props, refs, children) {
  const h = v.__host;
  const fields = metaOf(v).fields;
  setLinks(v, refs);
  for (const key of Object.keys(props)) {
    const spec = fields.get(key);
    if (!spec) continue;
    if (spec.storage === 'passed' && h.passed.get(key) !== props[key]) {
      const old = h.store.get(key);
      h.passed.set(key, props[key]);
      h.store.set(key, props[key]);
      if (old !== props[key]) notify(v, spec);
    } else if (spec.decorators.includes('BuilderParam')) v[key] = props[key];
  }
  const slot = builderParamField(v);
  if (children && slot) v[slot] = children;
}

// ---- recording ------------------------------------------------------------------------------------------

/** Where the build currently records: the view building, the parent node, and the ForEach key path. */
let cursor;
function within(next, fn) {
  const saved = cursor;
  cursor = next;
  try { return fn(); } finally { cursor = saved; }
}
function here(what) {
  if (!cursor) throw new Error(`${what} was called outside a build(): UI can only be recorded while a component builds`);
  return cursor;
}

function newNode(type, args, owner) {
  const node = { type, args, attrs: [], children: [] };
  Object.defineProperty(node, 'owner', { value: owner, enumerable: false });
  return node;
}

const extensions = new Map();
/** Registers a global @Extend/@Styles function, applied when an attribute of that name is called. */
function extend(name, fn) { extensions.set(name, fn); }

let styleTarget;
const sink = new Proxy(() => undefined, { get: (t, k) => (k === 'then' || typeof k === 'symbol' ? undefined : () => sink) });
/** The attribute chain an @Extend/@Styles body applies to (a no-op chain outside one, e.g. stateStyles). */
function target() { return styleTarget || sink; }

function attributes(node) {
  const chain = new Proxy({}, { get(t, name) {
    if (name === 'then' || typeof name === 'symbol') return undefined;
    return (...args) => {
      const owner = node.owner;
      const local = owner && metaOf(owner).styles.includes(name) ? () => owner[name]() : undefined;
      const ext = local || (extensions.has(name) ? () => extensions.get(name)(...args) : undefined);
      if (ext) {
        const saved = styleTarget;
        styleTarget = chain;
        try { ext(); } finally { styleTarget = saved; }
      } else {
        node.attrs.push({ name, args });
      }
      return chain;
    };
  } });
  return chain;
}

/** ForEach / LazyForEach: runs the item builder per item under that item's key. */
function forEach(items, itemGen, keyGen) {
  const at = here('ForEach');
  items.forEach((item, index) => {
    let key;
    if (keyGen) key = String(keyGen(item, index));
    else { try { key = `${index}__${JSON.stringify(item)}`; } catch (e) { key = String(index); } }
    within({ ...at, scope: `${at.scope}/${key}` }, () => itemGen(item, index));
  });
}
const listened = new WeakSet();
function lazyItems(source) {
  if (!listened.has(source) && typeof source.registerDataChangeListener === 'function') {
    listened.add(source);
    source.registerDataChangeListener(new Proxy({}, { get: () => () => undefined }));
  }
  const items = [];
  for (let i = 0; i < source.totalCount(); i++) items.push(source.getData(i));
  return items;
}

/** `__ark.c('Row', [args], children?, bindings?)`: records a built-in component. */
function c(type, args, children, bindings) {
  if (type === 'ForEach' || type === 'LazyForEach') {
    forEach(type === 'ForEach' ? args[0] || [] : lazyItems(args[0]), args[1], args[2]);
    return sink;
  }
  const at = here(`${type}()`);
  const node = newNode(type, args, at.view);
  if (bindings) node.bindings = bindings;
  at.node.children.push(node);
  if (children) within({ ...at, node }, children);
  return attributes(node);
}

/** `__ark.ui(Comp, site, [options], children?, refs?)`: mounts or reuses a custom component. */
function ui(Comp, site, args, children, refs) {
  if (!isViewClass(Comp)) return Comp(...args); // a capitalised global @Builder function
  const at = here(`${Comp.name}()`);
  const owner = at.view.__host;
  const base = `${at.scope}|${site}|${Comp.name}`;
  const n = owner.sites.get(base) || 0;
  owner.sites.set(base, n + 1);
  const key = `${base}#${n}`;
  const props = args[0] && typeof args[0] === 'object' ? args[0] : {};
  let child = owner.previous.get(key);
  const fresh = !(child && child.constructor === Comp && child.__host.alive);
  if (fresh) child = construct(Comp, props, refs, children, at.view);
  else update(child, props, refs, children);
  owner.children.set(key, child);
  const node = newNode(Comp.name, args, at.view);
  Object.defineProperty(node, 'view', { value: child, enumerable: false });
  at.node.children.push(node);
  child.__host.node = node;
  if (fresh && typeof child.aboutToAppear === 'function') child.aboutToAppear();
  buildView(child);
  return attributes(node);
}

/** Runs a view's build() into its node, then retires the children it no longer builds. */
function buildView(v) {
  const h = v.__host;
  h.previous = h.children;
  h.children = new Map();
  h.sites = new Map();
  within({ view: v, node: h.node, scope: '' }, () => v.build());
  for (const [key, child] of h.previous) if (h.children.get(key) !== child) disappear(child);
  h.previous = new Map();
}

/** aboutToDisappear for a view and then, recursively, for the children it had built. */
function disappear(v) {
  const h = v.__host;
  if (!h.alive) return;
  h.alive = false;
  if (typeof v.aboutToDisappear === 'function') v.aboutToDisappear();
  for (const child of h.children.values()) disappear(child);
}

/** `.tabBar(this.tab(0))`: records what the builder builds into a detached '#builder' node (the argument). */
function slot(build) {
  const at = here('A @Builder');
  const node = newNode('#builder', [], at.view);
  within({ ...at, node }, build);
  return node;
}

/** `new CustomDialogController({ builder: Dialog({…}) })`: keeps the dialog component and options as data. */
function dialog(Comp, args) { return { component: Comp, options: args[0] }; }

/** Mounts a root component; the returned handle rebuilds the whole tree or unmounts it. */
function mount(Comp, props, refs) {
  if (!isViewClass(Comp)) throw new Error('render() needs an @Component struct (loaded through the host render transform)');
  const root = construct(Comp, props || {}, refs, undefined, undefined);
  const build = () => {
    root.__host.node = newNode(Comp.name, [props || {}], undefined);
    Object.defineProperty(root.__host.node, 'view', { value: root, enumerable: false });
    buildView(root);
    return root.__host.node;
  };
  if (typeof root.aboutToAppear === 'function') root.aboutToAppear();
  let tree = build();
  return {
    root,
    get tree() { return tree; },
    rebuild() { if (!root.__host.alive) throw new Error('the component was unmounted'); tree = build(); return tree; },
    unmount() { disappear(root); },
  };
}

const ark = { View, view, ref, c, ui, target, extend, dialog, slot };
globalThis.__ark = ark;
module.exports = { ...ark, mount, isViewClass, metaOf };
