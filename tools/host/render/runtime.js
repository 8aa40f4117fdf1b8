// SPDX-License-Identifier: Apache-2.0
// The runtime behind the host render transform (transform.js): the `__ark` global that transformed structs
// call. It models ArkUI's V1 partial update (ViewPU in arkui_ace_engine's state_mgmt, fed by ets-loader's
// output): every built-in component, `if` and ForEach in a build is an element with its own update function
// (its arguments and attributes; children are elements of their own), every custom component is an element
// whose update passes the parent's current options to the child (@Prop reset, @ObjectLink set; plain fields
// are not updated). An element re-renders when a state variable (state.js) it read while rendering notifies;
// a flush (the harness runs one after a handler, on rerender() and before every look at the tree) updates the
// dirty elements of each view in ascending element order, as ViewPU.updateDirtyElements does. The recorded
// tree ({ type, args, attrs, children }) is kept and updated in place. A recorder counts element updates (and
// whether what the element shows changed) for the bench; a dry run finds elements a fresh render would show
// differently (stale). Limits: README.md.
'use strict';
const { recording, hostContext } = require('./ui-globals');
const state = require('./state');

const META = Symbol('ark.meta');
const ELEMENT = Symbol('ark.element');
/** How each field decorator keeps its value. */
const STORAGE = { State: 'own', Provide: 'own', Local: 'own', LocalStorageLink: 'own', LocalStorageProp: 'own',
  Prop: 'prop', Param: 'prop', ObjectLink: 'objectLink', Link: 'link', Consume: 'consume',
  StorageLink: 'storageLink', StorageProp: 'storageProp' };

let nextViewId = 1;
let nextElementId = 1;
/** Views with dirty elements, waiting for the next flush. */
const dirtyViews = new Set();
/** @Link sources that are not state variables (polled on each flush). */
const externalSources = new Set();
/** Application errors ArkUI would log (object-valued @Prop without @Observed, state changed during render). */
const warnings = [];
/** The update recorder of the bench and the precision tests, when one is running. */
let recorder;
/** > 0 while a @Builder passed as an attribute records (its elements are never updated). */
let staticDepth = 0;
/** > 0 during a dry run: reads record nothing and @Track checks are off. */
let suppress = 0;

/** Base class of every transformed struct. Host bookkeeping lives in one hidden field, `__host`. */
class View {
  constructor() {
    Object.defineProperty(this, '__host', { enumerable: false, value: {
      id: nextViewId++, initializing: true, alive: true, parent: undefined, node: undefined,
      vars: new Map(), defaults: new Map(), provided: new Map(), stack: [], dirty: new Set(), elements: new Set(),
      rendering: 0, initialRenderDone: false } });
  }

  /** A UIContext stand-in: records calls; animateTo runs its change at once. */
  getUIContext() {
    return recording({ getHostContext: () => hostContext, animateTo: (o, change) => change() });
  }
}

const metaOf = (v) => v.constructor[META] || { fields: new Map(), styles: [], file: '' };
const isViewClass = (c) => typeof c === 'function' && c.prototype instanceof View;
const nameOf = (v) => (v && v.constructor ? v.constructor.name : '?');

function warn(message) {
  if (warnings.length < 1000) warnings.push(message);
}

// ---- scheduling -------------------------------------------------------------------------------------------

state.scheduler.rendering = (view) => {
  if (suppress > 0 || !view || !view.__host) return undefined;
  const stack = view.__host.stack;
  const top = stack[stack.length - 1];
  return top && !top.static ? top : undefined;
};

state.scheduler.warn = warn;

/** ViewPU.viewPropertyHasChanged: marks the dependent elements dirty, then runs the variable's @Watch. */
state.scheduler.changed = (view, name, elements) => {
  const h = view.__host;
  if (!h.alive) return;
  if (h.rendering > 0) {
    warn(`${nameOf(view)}: state variable '${name}' has changed during render! It's illegal to change @Component ` +
      'state while build (initial render or re-render) is on-going. Application error!');
  }
  if (h.initialRenderDone) {
    for (const el of Array.from(elements)) {
      if (!el.alive) elements.delete(el);
      else h.dirty.add(el);
    }
    if (h.dirty.size > 0) dirtyViews.add(view);
  }
  const spec = metaOf(view).fields.get(name);
  if (spec) for (const method of spec.watch) view[method](name);
};

/** One element: a built-in, an if, a ForEach or a custom component, with its update function. */
class Element {
  constructor(view, cursor) {
    this.id = nextElementId++;
    this.view = view;
    this.cursor = cursor;
    this.kind = undefined;
    this.node = undefined;
    this.update = undefined;
    this.alive = true;
    this.static = staticDepth > 0;
  }

  get type() {
    if (this.kind === 'if') return 'If';
    if (this.kind === 'forEach') return 'ForEach';
    return this.node ? this.node.type : '?';
  }
}

/** Runs every pending element update (ArkUI's next frame): views by creation order, elements ascending. */
function flush() {
  for (const source of externalSources) source.poll();
  let rounds = 0;
  while (dirtyViews.size > 0) {
    if (++rounds > 1000) throw new Error('Host render: updates keep causing updates (more than 1000 rounds)');
    const pending = Array.from(dirtyViews).sort((a, b) => a.__host.id - b.__host.id);
    dirtyViews.clear();
    for (const v of pending) updateDirtyElements(v);
  }
}

function updateDirtyElements(v) {
  const h = v.__host;
  while (h.alive && h.dirty.size > 0) {
    const elements = Array.from(h.dirty).sort((a, b) => a.id - b.id);
    h.dirty.clear();
    for (const el of elements) if (el.alive && h.alive) updateElement(el);
  }
}

function updateElement(el) {
  const before = recorder ? shownValue(el) : undefined;
  run(el, 'update');
  if (recorder) record('update', el, before !== shownValue(el));
}

function record(event, el, changed) {
  const node = el.node;
  recorder.push({ event, component: nameOf(el.view), type: el.type, element: el.id,
    id: node && !node.control ? idOf(node) : undefined, changed });
}

// ---- state variables of a view ----------------------------------------------------------------------------

/** Called after each transformed struct: records decorators and defines the state accessors. */
function view(cls, { file, fields, styles }) {
  const table = new Map();
  for (const [name, decorator, arg] of fields) {
    const spec = table.get(name) || { name, storage: undefined, decorator: undefined, key: name, watch: [], decorators: [] };
    spec.decorators.push(decorator);
    if (decorator === 'Watch') spec.watch.push(arg);
    else if (STORAGE[decorator]) {
      spec.storage = STORAGE[decorator];
      spec.decorator = decorator;
      if (arg !== undefined) spec.key = typeof arg === 'string' ? arg : arg.allowOverride || name;
    }
    table.set(name, spec);
  }
  Object.defineProperty(cls, META, { value: { file, fields: table, styles } });
  for (const spec of table.values()) {
    if (!spec.storage) continue;
    Object.defineProperty(cls.prototype, spec.name, { configurable: true,
      get() {
        const variable = this.__host.vars.get(spec.name);
        return variable ? variable.get() : this.__host.defaults.get(spec.name);
      },
      set(value) {
        const h = this.__host;
        const variable = h.vars.get(spec.name);
        if (h.initializing || !variable) h.defaults.set(spec.name, value);
        else variable.set(value);
      } });
  }
}

/** AppStorage keys bound by @StorageLink/@StorageProp: one state variable per key, kept in step with AppStorage. */
const storageVars = new Map();
const appStorage = globalThis.AppStorage;
const storageWrite = { set: appStorage.set, setOrCreate: appStorage.setOrCreate };

class StorageVar extends state.OwnVar {
  constructor(key, value) {
    super(undefined, key, 'AppStorage', value);
  }

  set(value) {
    super.set(value);
    storageWrite.setOrCreate.call(appStorage, this.name, value);
  }
}

for (const method of ['set', 'setOrCreate']) {
  appStorage[method] = function writeAndNotify(key, value) {
    const result = storageWrite[method].call(appStorage, key, value);
    const variable = storageVars.get(key);
    if (variable && result !== false) state.OwnVar.prototype.set.call(variable, value);
    return result;
  };
}

// A deleted key (tests clear AppStorage between cases) starts afresh; views still bound keep the old variable.
for (const method of ['delete', 'clear']) {
  const original = appStorage[method];
  appStorage[method] = function deleteAndForget(key) {
    if (method === 'clear') storageVars.clear();
    else storageVars.delete(key);
    return original.call(appStorage, key);
  };
}

function storageVar(key, fallback) {
  let variable = storageVars.get(key);
  if (variable === undefined) {
    if (!appStorage.has(key)) storageWrite.setOrCreate.call(appStorage, key, fallback);
    variable = new StorageVar(key, appStorage.get(key));
    storageVars.set(key, variable);
  }
  return variable;
}

/** The nearest ancestor's @Provide variable for a @Consume key. */
function provided(v, key) {
  for (let p = v.__host.parent; p; p = p.__host.parent) {
    const found = p.__host.provided.get(key);
    if (found) return found;
  }
  return undefined;
}

/** The variable a @Link follows: the parent's own state variable, or an external { get, set } source. */
function linkSource(ref, name) {
  if (ref.owner && ref.owner.__host && ref.owner.__host.vars.has(ref.field)) return ref.owner.__host.vars.get(ref.field);
  const source = new state.ExternalSource(ref, name);
  externalSources.add(source);
  return source;
}

/** Creates a view's state variables from the parent's options, as ets-loader's constructor does. */
function createVars(v, props, refs) {
  const h = v.__host;
  for (const spec of metaOf(v).fields.values()) {
    if (!spec.storage) continue;
    const name = spec.name;
    const fallback = h.defaults.get(name);
    const passed = Object.prototype.hasOwnProperty.call(props, name) ? props[name] : undefined;
    let variable;
    switch (spec.storage) {
      case 'own':
        variable = new state.OwnVar(v, name, spec.decorator, passed !== undefined ? passed : fallback);
        if (spec.decorator === 'Provide') {
          h.provided.set(spec.key, variable);
          h.provided.set(name, variable);
        }
        break;
      case 'prop': {
        if (passed !== null && typeof passed === 'object' && !state.isObserved(passed)) {
          warn(`@Prop ${nameOf(v)}.${name}: the object passed lacks @Observed class decorator (a new copy counts as ` +
            'changed on every parent render). Application error!');
        }
        variable = new state.PropVar(v, name, spec.decorator, new state.OwnVar(undefined, name, 'Prop source', passed), true);
        if (passed === undefined) variable.init(fallback);
        break;
      }
      case 'objectLink':
        variable = new state.ObjectLinkVar(v, name, passed);
        break;
      case 'link': {
        const ref = refs && refs[name];
        variable = ref ? new state.LinkVar(v, name, 'Link', linkSource(ref, name))
          : new state.OwnVar(v, name, 'Link', passed !== undefined ? passed : fallback);
        break;
      }
      case 'consume': {
        const source = provided(v, spec.key);
        variable = source ? new state.LinkVar(v, name, 'Consume', source) : new state.OwnVar(v, name, 'Consume', fallback);
        break;
      }
      case 'storageLink':
        variable = new state.LinkVar(v, name, 'StorageLink', storageVar(spec.key, fallback));
        break;
      case 'storageProp':
        variable = new state.PropVar(v, name, 'StorageProp', storageVar(spec.key, fallback), false);
        break;
      default:
        throw new Error(`unknown storage ${spec.storage}`);
    }
    h.vars.set(name, variable);
  }
}

/** The one field a trailing `{ … }` block fills: the component's (first) @BuilderParam. */
function builderParamField(v) {
  for (const spec of metaOf(v).fields.values()) if (spec.decorators.includes('BuilderParam')) return spec.name;
  return undefined;
}

/** Creates a child instance and applies the parent's options with ArkUI's initialisation rules. */
function construct(Comp, props, refs, children, parent) {
  const v = new Comp();
  const h = v.__host;
  h.parent = parent;
  createVars(v, props, refs);
  const fields = metaOf(v).fields;
  for (const key of Object.keys(props)) {
    const spec = fields.get(key);
    // ets-loader's setInitiallyProvidedValue: `if (params.x !== undefined) this.x = params.x`.
    if ((!spec || !spec.storage) && props[key] !== undefined) v[key] = props[key];
  }
  const slotField = builderParamField(v);
  if (children && slotField) v[slotField] = children;
  h.initializing = false;
  return v;
}

/** ets-loader's updateStateVars: @Prop takes the parent's current value, @ObjectLink its current object. */
function updateStateVars(v, props) {
  const h = v.__host;
  for (const spec of metaOf(v).fields.values()) {
    const variable = h.vars.get(spec.name);
    if (!variable) continue;
    if (spec.storage === 'prop') variable.reset(props[spec.name]);
    else if (spec.storage === 'objectLink') variable.set(props[spec.name]);
  }
}

/** `__ark.ref(get, set, owner?, field?)`: what `$x`, `this.x` and `$$this.x` pass to a @Link or a two-way option. */
function ref(get, set, owner, field) {
  return { get, set, owner, field };
}

// ---- the tree ---------------------------------------------------------------------------------------------

function flatten(kids, out = []) {
  for (const k of kids) {
    if (k.control) flatten(k.kids, out);
    else out.push(k);
  }
  return out;
}

/** A tree node: `children` hides the if/ForEach nodes the runtime keeps between a node and its children. */
function newNode(type, args, owner, control) {
  const node = { type, args, attrs: [] };
  Object.defineProperty(node, 'kids', { value: [], writable: true });
  Object.defineProperty(node, 'children', { enumerable: true, get() { return flatten(this.kids); } });
  Object.defineProperty(node, 'owner', { value: owner });
  if (control) Object.defineProperty(node, 'control', { value: true });
  return node;
}

/** The `.id('…')` of a node (an XComponent's `id` option counts too). */
function idOf(node) {
  const attr = node.attrs.filter((a) => a.name === 'id').pop();
  if (attr) return attr.args[0];
  const options = node.args[0];
  return node.type === 'XComponent' && options && typeof options === 'object' ? options.id : undefined;
}

/** Where the build currently records: the view and the node new elements go into. */
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

/** The element whose update function is running, and how: 'create', 'update', 'dry' (compare only). */
let active;

/** Runs an element's update function in `mode`, with the element on its view's rendering stack. */
function run(el, mode, arg) {
  const h = el.view.__host;
  const saved = active;
  const savedCursor = cursor;
  active = { mode, element: el, result: undefined };
  cursor = el.cursor;
  h.stack.push(el);
  h.rendering++;
  try {
    if (el.kind === 'if') runIf(el, mode);
    else el.update(arg);
    return active.result;
  } finally {
    h.rendering--;
    h.stack.pop();
    active = saved;
    cursor = savedCursor;
  }
}

function register(el) {
  if (el.static) return;
  el.view.__host.elements.add(el);
  if (recorder) record('create', el, true);
}

/** `__ark.e(this, () => chain)`: one element; the closure is its update function. */
function e(self, closure) {
  const at = here('A component');
  const v = self instanceof View ? self : at.view;
  const el = new Element(v, { view: v, node: at.node });
  el.update = closure;
  run(el, 'create');
  if (el.kind === undefined) return; // a global @Builder called like a component: not an element
  register(el);
  if (el.children) within({ view: v, node: el.node }, el.children);
}

/** `__ark.ifElse(this, (branch) => …)`: an If element; the closure calls branch(id, build) for its branch. */
function ifElse(self, closure) {
  const at = here('if');
  const v = self instanceof View ? self : at.view;
  const el = new Element(v, { view: v, node: at.node });
  el.kind = 'if';
  el.update = closure;
  el.node = newNode('#if', [], v, true);
  Object.defineProperty(el.node, ELEMENT, { value: el });
  at.node.kids.push(el.node);
  run(el, 'create');
  register(el);
}

function runIf(el, mode) {
  let chosen;
  el.update((id, build) => { chosen = [id, build]; });
  if (mode === 'dry') {
    active.result = `if:${chosen[0]}`;
    return;
  }
  if (mode === 'update' && chosen[0] === el.branch) return;
  if (mode === 'update') removeKids(el.node);
  el.branch = chosen[0];
  within({ view: el.view, node: el.node }, chosen[1]);
}

/** ForEach / LazyForEach: keyed items, created once per key, removed when their key goes. */
function forEach(el, mode, type, args) {
  const items = type === 'ForEach' ? args[0] || [] : lazyItems(args[0]);
  const itemGen = args[1];
  const keyGen = args[2];
  const keys = [];
  items.forEach((item, index) => {
    let key;
    if (keyGen) key = String(keyGen(item, index));
    else { try { key = `${index}__${JSON.stringify(item)}`; } catch (err) { key = String(index); } }
    keys.push(key);
  });
  if (mode === 'dry') {
    active.result = `forEach:${keys.join('\u0001')}`;
    return;
  }
  const makeItem = (item, index, key) => {
    const node = newNode('#item', [], el.view, true);
    node.key = key;
    within({ view: el.view, node }, () => itemGen(item, index));
    return node;
  };
  if (mode !== 'update') {
    el.kind = 'forEach';
    el.node = newNode('#foreach', [], el.view, true);
    Object.defineProperty(el.node, ELEMENT, { value: el });
    el.cursor.node.kids.push(el.node);
    el.node.kids = items.map((item, index) => makeItem(item, index, keys[index]));
  } else {
    const old = new Map(el.node.kids.map((k) => [k.key, k]));
    const next = items.map((item, index) => {
      const kept = old.get(keys[index]);
      if (kept === undefined) return makeItem(item, index, keys[index]);
      old.delete(keys[index]);
      return kept;
    });
    for (const gone of old.values()) destroy(gone);
    el.node.kids = next;
  }
  el.keys = keys;
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

/** `__ark.c('Row', [args], children?, bindings?)`: the built-in of the running element (or a ForEach). */
function c(type, args, children, bindings) {
  if (!active) throw new Error(`${type}() was called outside a build(): UI can only be recorded while a component builds`);
  const { mode, element: el } = active;
  if (type === 'ForEach' || type === 'LazyForEach') {
    forEach(el, mode, type, args);
    return sink;
  }
  if (mode === 'dry') {
    const scratch = newNode(type, args, el.view);
    active.result = scratch;
    return attributes(scratch);
  }
  if (mode === 'update') {
    el.node.args = args;
    el.node.attrs = [];
    if (bindings) el.node.bindings = bindings;
    return attributes(el.node);
  }
  const node = newNode(type, args, el.view);
  if (bindings) node.bindings = bindings;
  Object.defineProperty(node, ELEMENT, { value: el });
  el.cursor.node.kids.push(node);
  el.kind = 'builtin';
  el.node = node;
  el.children = children;
  return attributes(node);
}

/** `__ark.ui(Comp, site, [options], children?, refs?)`: the custom component of the running element. */
function ui(Comp, site, args, children, refs) {
  if (!isViewClass(Comp)) return Comp(...args); // a capitalised global @Builder function
  if (!active) throw new Error(`${Comp.name}() was called outside a build(): UI can only be recorded while a component builds`);
  const { mode, element: el } = active;
  const props = args[0] && typeof args[0] === 'object' ? args[0] : {};
  if (mode === 'dry') {
    const scratch = newNode(Comp.name, args, el.view);
    active.result = scratch;
    return attributes(scratch);
  }
  if (mode === 'update') {
    updateStateVars(el.node.view, props);
    el.node.args = args;
    el.node.attrs = [];
    return attributes(el.node);
  }
  const child = construct(Comp, props, refs, children, el.view);
  const node = newNode(Comp.name, args, el.view);
  Object.defineProperty(node, 'view', { value: child });
  Object.defineProperty(node, ELEMENT, { value: el });
  el.cursor.node.kids.push(node);
  el.kind = 'component';
  el.node = node;
  child.__host.node = node;
  if (typeof child.aboutToAppear === 'function') child.aboutToAppear();
  buildView(child);
  return attributes(node);
}

/** A view's initial render: its build() creates its elements. */
function buildView(v) {
  const h = v.__host;
  h.rendering++;
  try {
    within({ view: v, node: h.node }, () => v.build());
  } finally {
    h.rendering--;
  }
  h.initialRenderDone = true;
}

/** Removes a node's subtree: its elements stop updating, custom components disappear (parent first). */
function destroy(node) {
  const el = node[ELEMENT];
  if (el && el.alive) {
    el.alive = false;
    el.view.__host.elements.delete(el);
    if (recorder && !el.static) record('delete', el, true);
  }
  if (node.view) disappear(node.view);
  else for (const kid of node.kids) destroy(kid);
}

function removeKids(node) {
  const kids = node.kids;
  node.kids = [];
  for (const kid of kids) destroy(kid);
}

/** aboutToDisappear for a view, then its subtree; its state variables let go of their sources and objects. */
function disappear(v) {
  const h = v.__host;
  if (!h.alive) return;
  h.alive = false;
  if (typeof v.aboutToDisappear === 'function') v.aboutToDisappear();
  if (h.node) for (const kid of h.node.kids) destroy(kid);
  for (const variable of h.vars.values()) {
    variable.dispose();
    externalSources.delete(variable.source);
  }
  h.dirty.clear();
  dirtyViews.delete(v);
}

/** `.tabBar(this.tab(0))`: records what the builder builds into a detached '#builder' node (the argument). */
function slot(build) {
  const at = here('A @Builder');
  const node = newNode('#builder', [], at.view);
  if (active && active.mode === 'dry') return node;
  const saved = active;
  staticDepth++;
  active = undefined;
  try {
    within({ view: at.view, node }, build);
  } finally {
    staticDepth--;
    active = saved;
  }
  return node;
}

/**
 * `__ark.builderArgs({ x: () => e })`: a @Builder's one object-literal argument, passed by reference as
 * ets-loader's makeBuilderParameterProxy does: reading `x` evaluates `e` now (in the reading element).
 */
function builderArgs(getters) {
  const args = {};
  for (const key of Object.keys(getters)) {
    Object.defineProperty(args, key, { enumerable: true, get: getters[key] });
  }
  return args;
}

/** `new CustomDialogController({ builder: Dialog({…}) })`: keeps the dialog component and options as data. */
function dialog(Comp, args) { return { component: Comp, options: args[0] }; }

/** Mounts a root component; the handle flushes pending updates or unmounts it. */
function mount(Comp, props, refs) {
  if (!isViewClass(Comp)) throw new Error('render() needs an @Component struct (loaded through the host render transform)');
  const root = construct(Comp, props || {}, refs, undefined, undefined);
  const node = newNode(Comp.name, [props || {}], undefined);
  Object.defineProperty(node, 'view', { value: root });
  root.__host.node = node;
  if (typeof root.aboutToAppear === 'function') root.aboutToAppear();
  buildView(root);
  return {
    root,
    get tree() { return node; },
    rebuild() {
      if (!root.__host.alive) throw new Error('the component was unmounted');
      flush();
      return node;
    },
    unmount() { disappear(root); },
  };
}

// ---- measuring --------------------------------------------------------------------------------------------

const identities = new WeakMap();
let nextIdentity = 1;
/** A value as text for "did what this element shows change": plain data by value, class instances by identity. */
function serialize(v, depth = 0) {
  if (v === undefined) return 'u';
  if (v === null) return 'n';
  if (typeof v === 'function') return 'f';
  if (typeof v !== 'object') return `${typeof v}:${String(v)}`;
  const raw = state.rawOf(v);
  if (depth > 6) return '…';
  if (Array.isArray(raw)) return `[${raw.map((x) => serialize(x, depth + 1)).join(',')}]`;
  if (raw.type === '#builder' && Array.isArray(raw.kids)) return 'builder';
  const proto = Object.getPrototypeOf(raw);
  if (proto === Object.prototype || proto === null) {
    return `{${Object.keys(raw).sort().map((k) => `${k}=${serialize(raw[k], depth + 1)}`).join(',')}}`;
  }
  if (!identities.has(raw)) identities.set(raw, nextIdentity++);
  return `#${identities.get(raw)}`;
}

function shownOfNode(node) {
  return `${node.type}(${serialize(node.args)})${node.attrs.map((a) => `.${a.name}(${serialize(a.args)})`).join('')}`;
}

/**
 * What an element shows: an If its branch, a ForEach its keys, a built-in its call, a custom component the
 * options that reach the child on an update (its @Prop and @ObjectLink values: ets-loader's
 * updateStateVarsOfChildByElmtId passes nothing else) and its attributes.
 */
function shownValue(el) {
  if (el.kind === 'if') return `if:${el.branch}`;
  if (el.kind === 'forEach') return `forEach:${el.keys.join('\u0001')}`;
  if (el.kind === 'component') return shownOfComponent(el.node);
  return shownOfNode(el.node);
}

function shownOfComponent(node) {
  const options = node.args[0] && typeof node.args[0] === 'object' ? node.args[0] : {};
  const fields = metaOf(node.view).fields;
  const passed = Object.keys(options).filter((k) => fields.has(k) && ['prop', 'objectLink'].includes(fields.get(k).storage))
    .sort().map((k) => `${k}=${serialize(options[k])}`).join(',');
  return `${node.type}(${passed})${node.attrs.map((a) => `.${a.name}(${serialize(a.args)})`).join('')}`;
}

/** Starts counting element updates, creations and deletions (one recorder at a time). */
function startRecording() {
  recorder = [];
  return recorder;
}

/** Stops counting and returns what was recorded: { event, component, type, element, id, changed }. */
function stopRecording() {
  const out = recorder || [];
  recorder = undefined;
  return out;
}

/**
 * Every element under `root` (a mounted view) that a fresh render would show differently than it does now: what
 * a device would show stale because nothing observed told it to update (a plain field, an unobserved object, a
 * field read outside the observed path). Reads record nothing while checking. Returns one line per element.
 */
function staleElements(root) {
  const out = [];
  suppress++;
  try {
    const visit = (node) => {
      const el = node[ELEMENT];
      if (el && el.alive && !el.static) out.push(...staleOf(el));
      if (node.view) {
        if (node.view.__host.alive && node.view.__host.node) node.view.__host.node.kids.forEach(visit);
      } else {
        node.kids.forEach(visit);
      }
    };
    if (root && root.__host && root.__host.node) visit(root.__host.node);
  } finally {
    suppress--;
  }
  return out;
}

function staleOf(el) {
  const name = nameOf(el.view);
  let now;
  try {
    now = run(el, 'dry');
  } catch (err) {
    return [`${name}: ${el.type}${labelOf(el)} would throw on re-render: ${err.message}`];
  }
  if (el.kind === 'component') return staleOptions(el, now);
  const shown = shownValue(el);
  const fresh = typeof now === 'string' ? now : shownOfNode(now);
  return shown === fresh ? [] : [`${name}: ${el.type}${labelOf(el)} shows ${shown}, a fresh render shows ${fresh}`];
}

function labelOf(el) {
  const id = el.node && !el.node.control ? idOf(el.node) : undefined;
  return id !== undefined ? ` '${id}'` : ` #${el.id}`;
}

/** A child whose options changed without reaching it: @Prop by value, @ObjectLink by reference, plain fields by value. */
function staleOptions(el, scratch) {
  const child = el.node.view;
  const props = scratch.args[0] && typeof scratch.args[0] === 'object' ? scratch.args[0] : {};
  const fields = metaOf(child).fields;
  const out = [];
  for (const key of Object.keys(props)) {
    const spec = fields.get(key);
    const variable = child.__host.vars.get(key);
    let held;
    if (spec && spec.storage === 'prop') held = serialize(variable.source.peek());
    else if (spec && spec.storage === 'objectLink') held = serialize(state.rawOf(variable.peek()) === state.rawOf(props[key]) ? 'same' : 'other');
    else if (spec && (spec.storage || spec.decorators.includes('BuilderParam'))) continue;
    else held = serialize(child[key]);
    const fresh = spec && spec.storage === 'objectLink' ? serialize('same') : serialize(props[key]);
    if (held !== fresh) {
      out.push(`${nameOf(el.view)}: ${nameOf(child)}.${key}${spec && spec.storage ? ` (@${spec.decorator})` : ' (plain field)'} ` +
        `holds ${held}, the parent now passes ${fresh}`);
    }
  }
  return out;
}

/** Application errors logged since the last call (and clears them). */
function takeWarnings() {
  return warnings.splice(0, warnings.length);
}

globalThis.Observed = state.Observed;
globalThis.Track = state.Track;

/** Host tools' hooks: every write to an observed object (the bench's write counter), and the object behind one. */
const writeObservers = [];
const hooks = {
  addWriteObserver(observer) {
    writeObservers.push(observer);
    state.scheduler.onWrite = (obj, key, value) => { for (const o of writeObservers) o(obj, key, value); };
  },
  rawOf: state.rawOf,
};

const ark = { View, view, ref, c, ui, e, ifElse, target, extend, dialog, slot, builderArgs, hooks };
globalThis.__ark = ark;
module.exports = { ...ark, mount, flush, metaOf, idOf, startRecording, stopRecording, staleElements, takeWarnings };
