// SPDX-License-Identifier: Apache-2.0
// The test-facing side of host rendering: `render(Comp, props)` mounts an @Component struct (transformed by
// transform.js, run by runtime.js) and returns helpers to find nodes by `.id()` or type, read attributes and
// text (with `$r` strings resolved from the module's base resources), fire handlers, rebuild, unmount and
// print a readable snapshot. Types: harness.d.ts. Limits: README.md.
'use strict';
const runtime = require('./runtime');
const { resetSurfaceIds } = require('./ui-globals');
const { KIT_RESOURCES, elementValues, formatString, isResource, moduleRootOf, resourcesDirOf } =
  require('../../check/module-resources');

const { idOf } = runtime;

const TEXT_TYPES = new Set(['Text', 'Span', 'Button', 'TextInput', 'TextArea', 'Search', 'SymbolSpan']);

/** All nodes of a tree, depth first, parents before children. */
function walk(node, out = []) {
  out.push(node);
  for (const child of node.children) walk(child, out);
  return out;
}

/** The base value of string resource `name` ('app.string.x') for a file's module (then the kit's), or undefined. */
function baseString(name, file) {
  const key = /^app\.string\.(.+)$/.exec(String(name));
  if (key === null) return undefined;
  const root = moduleRootOf(file || '');
  for (const dir of [root === undefined ? undefined : resourcesDirOf(root), KIT_RESOURCES]) {
    const value = dir === undefined ? undefined : elementValues(dir, 'base', 'string').get(key[1]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `$r('app.string.x', a, b)` → the base value with %s/%d/%1$s… replaced by a, b; other values as strings. */
function resolveText(value, file) {
  if (!isResource(value)) return value === undefined || value === null ? undefined : String(value);
  const [name, ...args] = value.params;
  const template = baseString(name, file);
  return template === undefined ? name : formatString(template, args);
}

/** Compact, readable rendering of an argument for snapshots. */
function show(v, depth = 0) {
  if (isResource(v)) return `$r(${v.params.map((p) => JSON.stringify(p)).join(', ')})`;
  if (typeof v === 'function') return 'fn';
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (v.type === '#builder' && Array.isArray(v.children)) return `builder[${v.children.map((c) => c.type).join(', ')}]`;
  if (depth > 2) return '…';
  if (Array.isArray(v)) return `[${v.map((x) => show(x, depth + 1)).join(',')}]`;
  const proto = Object.getPrototypeOf(v);
  if (proto && proto !== Object.prototype) return `${proto.constructor ? proto.constructor.name : 'Object'}{}`;
  return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${show(v[k], depth + 1)}`).join(',')}}`;
}

function snapshotLines(node, indent, out) {
  const pad = '  '.repeat(indent);
  if (node.view) {
    const attrs = node.attrs.map((a) => `.${a.name}(${a.args.map((x) => show(x)).join(', ')})`).join('');
    out.push(`${pad}<${node.type}>${attrs}`);
  } else {
    const args = node.args.map((x) => show(x)).join(', ');
    out.push(`${pad}${node.type}(${args})${node.attrs.map((a) => `.${a.name}(${a.args.map((x) => show(x)).join(', ')})`).join('')}`);
  }
  for (const child of node.children) snapshotLines(child, indent + 1, out);
  return out;
}

/** What a measured action did to the elements on screen (see measure()). */
class Measured {
  constructor(records) {
    /** Every element event: { event: 'update' | 'create' | 'delete', component, type, element, id, changed }. */
    this.records = records;
  }

  /** Element updates (an existing element's update function ran). */
  get updates() { return this.records.filter((r) => r.event === 'update'); }

  /** How many elements were updated. */
  get updated() { return this.updates.length; }

  /** How many different elements were updated (an element updated in several frames counts once). */
  get distinct() { return new Set(this.updates.map((r) => r.element)).size; }

  /** How many of the updates left the element showing something else (an If its branch, a built-in its call). */
  get changed() { return this.updates.filter((r) => r.changed).length; }

  /** Elements created and deleted (an if branch or ForEach item coming or going, a new child component). */
  get created() { return this.records.filter((r) => r.event === 'create').length; }

  get deleted() { return this.records.filter((r) => r.event === 'delete').length; }

  /** Updates per component: name → { updated, changed }, in the order components were first updated. */
  byComponent() {
    const out = new Map();
    for (const r of this.updates) {
      const row = out.get(r.component) || { updated: 0, changed: 0 };
      row.updated += 1;
      if (r.changed) row.changed += 1;
      out.set(r.component, row);
    }
    return out;
  }

  /** One line per update, for failure messages: 'RemoteStreamOverlay If #12 (same)'. */
  describe() {
    return this.updates.map((r) => `${r.component} ${r.type}${r.id !== undefined ? ` '${r.id}'` : ` #${r.element}`}` +
      ` (${r.changed ? 'changed' : 'same'})`).join('\n');
  }
}

/**
 * Runs `action` (a model write, a callback, a press) and then a frame, and reports which elements of every
 * mounted component updated. Updates pending before the action run first and are not counted. When `action`
 * returns a promise, so does measure().
 */
function measure(action) {
  runtime.flush();
  runtime.startRecording();
  const finish = () => {
    runtime.flush();
    return new Measured(runtime.stopRecording());
  };
  let result;
  try {
    result = action();
  } catch (err) {
    runtime.stopRecording();
    throw err;
  }
  if (result && typeof result.then === 'function') {
    return result.then(finish, (err) => { runtime.stopRecording(); throw err; });
  }
  return finish();
}

/** Mounts `Comp` with `props` (and `links`: { field: { get, set } } for its @Link fields). */
function render(Comp, props, links) {
  resetSurfaceIds();
  const mounted = runtime.mount(Comp, props, links);
  // Every look at the tree first runs the pending updates, as the next frame would on a device.
  const all = () => { runtime.flush(); return walk(mounted.tree); };
  const describe = () => {
    const ids = all().map(idOf).filter((x) => x !== undefined);
    return `ids: ${ids.length ? ids.join(', ') : '(none)'}\n${snapshotLines(mounted.tree, 0, []).join('\n')}`;
  };
  const query = (idOrType) => {
    const nodes = all();
    return nodes.find((n) => idOf(n) === idOrType) || nodes.find((n) => n.type === idOrType);
  };
  const find = (idOrType) => {
    const node = query(idOrType);
    if (!node) throw new Error(`No node with id or type '${idOrType}' in the rendered tree; ${describe()}`);
    return node;
  };
  const nodeOf = (idOrNode) => { sync(idOrNode); return typeof idOrNode === 'string' ? find(idOrNode) : idOrNode; };
  const attr = (idOrNode, name) => {
    const found = nodeOf(idOrNode).attrs.filter((a) => a.name === name).pop();
    return found ? found.args[0] : undefined;
  };
  const textArg = (node) => {
    if (node.children.some((c) => c.type === 'Span')) return undefined;
    const a = node.args[0];
    if (node.type === 'TextInput' || node.type === 'TextArea' || node.type === 'Search') return a && typeof a === 'object' ? a.text : undefined;
    return a !== null && typeof a === 'object' && !isResource(a) ? undefined : a;
  };
  const spans = (node) => node.children.filter((c) => c.type === 'Span');
  const text = (idOrNode) => {
    const node = nodeOf(idOrNode);
    if (spans(node).length > 0) return spans(node).map((s) => text(s)).join('');
    const a = textArg(node);
    return isResource(a) ? a.params[0] : a === undefined ? undefined : String(a);
  };
  const ownerFile = (node) => (node.owner ? runtime.metaOf(node.owner).file : '');
  const textOf = (idOrNode) => {
    const node = nodeOf(idOrNode);
    if (spans(node).length > 0) return spans(node).map((s) => textOf(s)).join('');
    return resolveText(textArg(node), ownerFile(node));
  };
  const rerender = () => { mounted.rebuild(); };
  const sync = (idOrNode) => { if (typeof idOrNode !== 'string') runtime.flush(); };
  const fire = (idOrNode, event, ...args) => {
    const node = nodeOf(idOrNode);
    const handler = node.attrs.filter((a) => a.name === event && typeof a.args[0] === 'function').pop();
    let result;
    if (handler) result = handler.args[0](...args);
    else {
      const controller = node.type === 'XComponent' && node.args[0] ? node.args[0].controller : undefined;
      if (!controller || typeof controller[event] !== 'function' || !(event in Object.getPrototypeOf(controller))) {
        const events = node.attrs.filter((a) => typeof a.args[0] === 'function').map((a) => a.name);
        throw new Error(`${node.type}${idOf(node) ? ` '${idOf(node)}'` : ''} has no ${event} handler (it has: ${events.join(', ') || 'none'})`);
      }
      result = controller[event](controller.getXComponentSurfaceId(), ...args);
    }
    if (result && typeof result.then === 'function') return result.then((v) => { rerender(); return v; });
    rerender();
    return result;
  };
  const write = (idOrNode, option, value) => {
    const node = nodeOf(idOrNode);
    if (!node.bindings || !node.bindings[option]) throw new Error(`${node.type} has no two-way ($$) binding for '${option}'`);
    node.bindings[option].set(value);
    rerender();
  };
  const texts = () => all().filter((n) => TEXT_TYPES.has(n.type)).map(textOf).filter((t) => t !== undefined);
  const lifecycle = (name) => () => { if (typeof mounted.root[name] === 'function') mounted.root[name](); rerender(); };
  return {
    root: mounted.root,
    get tree() { runtime.flush(); return mounted.tree; },
    find, query, findAll: (type) => all().filter((n) => n.type === type), all, attr, text, textOf, texts, fire,
    write, rerender, unmount: () => mounted.unmount(),
    snapshot: () => { runtime.flush(); return snapshotLines(mounted.tree, 0, []).join('\n'); },
    show: lifecycle('onPageShow'), hide: lifecycle('onPageHide'), idOf, measure,
    stale: () => { runtime.flush(); return runtime.staleElements(mounted.root); },
    warnings: () => runtime.takeWarnings(),
  };
}

module.exports = { render, resolveText, idOf, measure, Measured, takeWarnings: runtime.takeWarnings, flush: runtime.flush };
