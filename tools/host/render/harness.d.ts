// SPDX-License-Identifier: Apache-2.0
// Types of the host render harness (harness.js) for host-only .ts tests. See README.md for what it models.

/** One recorded call of an attribute method, e.g. `.width(100)` → { name: 'width', args: [100] }. */
export interface HostAttr {
  name: string;
  args: unknown[];
}

/** A recorded node: a built-in component (`Row`, `Text`, …) or a custom component (then `view` is set). */
export interface HostNode {
  /** Component name: 'Row', 'Text', 'XComponent', or the struct name for a custom component. */
  type: string;
  /** Arguments of the component call, e.g. [$r(...)] for Text or [options] for XComponent. */
  args: unknown[];
  /** Attribute calls in call order (a later call of the same name wins in `attr()`). */
  attrs: HostAttr[];
  children: HostNode[];
  /** `$$this.x` options of a built-in component, written by `write()`. */
  bindings?: Record<string, { get(): unknown; set(value: unknown): void }>;
  /** The custom component instance, for nodes of custom components. */
  readonly view?: object;
  /** The custom component whose build recorded this node. */
  readonly owner?: object;
}

/** What `render()` returns. Node references go stale after a rebuild: find them again. */
export interface Rendered<T> {
  /** The mounted root component instance (its fields are the component's state). */
  readonly root: T;
  /** The current tree; its root node is the root component. */
  readonly tree: HostNode;
  /** First node whose `.id()` (or XComponent `id` option) is `idOrType`, else first of that type; throws if none. */
  find(idOrType: string): HostNode;
  /** Like `find`, but undefined when there is no such node. */
  query(idOrType: string): HostNode | undefined;
  /** Every node of a type, in tree order. */
  findAll(type: string): HostNode[];
  /** Every node, depth first. */
  all(): HostNode[];
  /** First argument of the last call of attribute `name` (e.g. 'width', 'fontColor', 'enabled'). */
  attr(idOrNode: string | HostNode, name: string): unknown;
  /** Raw text of a Text/Span/Button/TextInput: the string, or the resource name for `$r('app.string.x')`. */
  text(idOrNode: string | HostNode): string | undefined;
  /** Text as a user reads it: `$r` resolved to the module's base string with %s/%d/%1$s… substituted. */
  textOf(idOrNode: string | HostNode): string | undefined;
  /** `textOf` of every text-bearing node, in tree order. */
  texts(): string[];
  /**
   * Calls the node's `event` handler (e.g. 'onClick', 'onLoad', 'onReady') with `args`, then rebuilds; when
   * the handler returns a promise, returns a promise that rebuilds after it settles. For an XComponent
   * without such a handler, calls the controller's method (e.g. 'onSurfaceCreated') with its surface id.
   */
  fire(idOrNode: string | HostNode, event: string, ...args: unknown[]): unknown;
  /** Writes a `$$this.x` two-way option of a built-in component (as user input would), then rebuilds. */
  write(idOrNode: string | HostNode, option: string, value: unknown): void;
  /** Rebuilds the whole tree (reusing child instances). */
  rerender(): void;
  /** Unmounts: aboutToDisappear for the root and every child. */
  unmount(): void;
  /** The tree as indented text: `Text("x").fontSize(12)`, `<Child>` for custom components. */
  snapshot(): string;
  /** Runs `action` and a frame, and reports the element updates of every mounted component (see measure()). */
  measure(action: () => Promise<void>): Promise<Measured>;
  measure(action: () => void): Measured;
  /** Elements under this root that a fresh render would show differently (stale on a device); one line each. */
  stale(): string[];
  /** Application errors ArkUI would log (any render), since the last call; clears them. */
  warnings(): string[];
  /** Calls the root's onPageShow / onPageHide (if it has one), then rebuilds. */
  show(): void;
  hide(): void;
  /** The id of a node, if any. */
  idOf(node: HostNode): string | undefined;
}

/** One element event of a measured action. */
export interface ElementRecord {
  /** 'update': an existing element's update function ran; 'create' / 'delete': an element came or went. */
  event: 'update' | 'create' | 'delete';
  /** The component whose build the element belongs to. */
  component: string;
  /** 'Text', 'Row', 'If', 'ForEach', or a custom component's name. */
  type: string;
  /** The element's number (creation order). */
  element: number;
  /** The node's `.id()`, if any. */
  id?: string;
  /** For updates: whether the element now shows something else (an If its branch, a built-in its arguments
   *  or attributes, a custom component the options it passes). */
  changed: boolean;
}

/** What a measured action did to the elements on screen. */
export class Measured {
  readonly records: ElementRecord[];
  /** The updates only. */
  readonly updates: ElementRecord[];
  /** How many elements were updated. */
  readonly updated: number;
  /** How many different elements were updated (one updated in several frames counts once). */
  readonly distinct: number;
  /** How many of the updates left the element showing something else. */
  readonly changed: number;
  /** Elements created and deleted (branches, items, components coming and going). */
  readonly created: number;
  readonly deleted: number;
  /** Updates per component: name → { updated, changed }. */
  byComponent(): Map<string, { updated: number; changed: number }>;
  /** One line per update: "RemoteStreamOverlay If #12 (same)". */
  describe(): string;
}

/**
 * Runs `action` (a model write, an engine callback, a press) and then a frame, and reports which elements of
 * every mounted component updated. Updates pending before the action run first and are not counted.
 */
export function measure(action: () => Promise<void>): Promise<Measured>;
export function measure(action: () => void): Measured;

/** Runs the pending element updates of every mounted component (a frame). */
export function flush(): void;

/** Application errors ArkUI would log, since the last call; clears them. */
export function takeWarnings(): string[];

/**
 * Mounts an @Component struct loaded through the host render transform. `props` initialise its fields as a
 * parent's options would; `links` give its @Link fields a reference ({ get, set }) to test-owned state.
 */
export function render<T extends object>(component: new (...args: never[]) => T, props?: object,
  links?: Record<string, { get(): unknown; set(value: unknown): void }>): Rendered<T>;

/** Resolves a text value (`$r` resource or plain value) against the base strings of `file`'s module. */
export function resolveText(value: unknown, file?: string): string | undefined;

/** The `.id()` of a node (or an XComponent's `id` option). */
export function idOf(node: HostNode): string | undefined;
