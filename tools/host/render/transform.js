// SPDX-License-Identifier: Apache-2.0
// The host render transform: an ohos-typescript `before` transformer that turns ArkUI `struct`s and UI
// builder syntax into plain classes and recorder calls for the runtime in runtime.js, so host tests can mount
// components (ohos-typescript's emitter cannot emit a struct at all). Rewrites, in short:
//   struct S { @State x: T = v; build() {…} }  → class S extends __ark.View {…}; __ark.view(S, {fields…})
//   Row(a) { … }.width(1)                      → __ark.c('Row', [a], () => { … }).width(1)
//   Child({ v: this.y, w: $z }) { … }          → __ark.ui(Child, 'site', [{…}], () => { … }, { v: ref, w: ref })
//   $$this.x                                   → this.x (plus a reference when it initialises a component option)
//   @Builder / @Extend / @Styles functions     → plain functions (extensions registered with __ark.extend)
//   .gesture(PanGesture(o).onActionUpdate(h))  → the same calls, on the gesture globals (ui-globals.js)
// Where ets-loader compiles a construct differently from what the source says, the transform refuses it rather
// than run it the way no device would: `.gesture(this.make())` becomes an empty gesture upstream (only a
// gesture written inline is kept), so it is an error here.
'use strict';
const path = require('path');
const ts = require('ohos-typescript');
const { etsOptions } = require('../../check/ets-options');

const f = ts.factory;
const ark = (member) => f.createPropertyAccessExpression(f.createIdentifier('__ark'), member);
const call = (member, args) => f.createCallExpression(ark(member), undefined, args);
const str = (s) => f.createStringLiteral(s);
const arrow = (params, body) => f.createArrowFunction(undefined, undefined, params, undefined, undefined, body);

let names;
/** Built-in component names and the `XInstance` placeholders the parser puts in @Styles/@Extend bodies. */
function knownNames() {
  if (names) return names;
  const opts = etsOptions();
  // ForEach & co. are built-ins whether or not the checker's options list them as components.
  names = { builtins: new Set([...opts.components, 'ForEach', 'LazyForEach', 'Repeat']), instances: new Set(['CommonInstance']) };
  for (const c of opts.extend.components) names.instances.add(c.instance);
  return names;
}

/** Decorator name and argument expressions: `@StorageLink('k')` → ['StorageLink', ['k']]. */
function decoratorParts(d) {
  const e = d.expression;
  if (ts.isIdentifier(e)) return [e.text, []];
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return [e.expression.text, Array.from(e.arguments)];
  return [e.getText(), []];
}
/** Decorators of a member or function (the ETS parser keeps a function's decorators in illegalDecorators). */
const decoratorsOf = (node) => (node.modifiers || []).filter(ts.isDecorator).concat(node.illegalDecorators || [])
  .map(decoratorParts);
const plainModifiers = (node) => (node.modifiers || []).filter((m) => !ts.isDecorator(m));

/** `this.a.b` (a chain of property names rooted at `this`), the shape that can be passed by reference. */
function isThisChain(e) {
  while (ts.isPropertyAccessExpression(e)) e = e.expression;
  return e.kind === ts.SyntaxKind.ThisKeyword;
}
/** `__ark.ref(() => e, (v) => { e = v; })`, plus `this, 'x'` when e is `this.x` (a @Link then syncs with x itself). */
function refTo(e) {
  const v = f.createIdentifier('v');
  const field = ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword
    ? [f.createThis(), str(e.name.text)] : [];
  return call('ref', [arrow([], e), arrow([f.createParameterDeclaration(undefined, undefined, v)],
    f.createBlock([f.createExpressionStatement(f.createAssignment(e, v))])), ...field]);
}

/**
 * Visitors for one struct (`fields`: its field names) or one global function; `builders` names the @Builder
 * methods of the struct and the @Builder functions of the file.
 */
function createVisitors(sf, context, fields, builders) {
  const { builtins, instances } = knownNames();
  const site = (node) => {
    const lc = ts.getLineAndCharacterOfPosition(sf, ts.skipTrivia(sf.text, node.pos));
    return `${path.basename(sf.fileName)}:${lc.line + 1}:${lc.character + 1}`;
  };

  /** `$$this.x` → `this.x`; `$x` (x a field) → `this.x` when `fieldRefs` allows; else undefined. */
  function referenceTarget(e, fieldRefs) {
    let root = e;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    if (ts.isIdentifier(root) && root.text === '$$this' && root !== e) return rewriteDollarThis(e);
    if (fieldRefs && ts.isIdentifier(e) && e.text.startsWith('$') && fields.has(e.text.slice(1))) {
      return f.createPropertyAccessExpression(f.createThis(), e.text.slice(1));
    }
    if (fieldRefs && isThisChain(e) && e.kind !== ts.SyntaxKind.ThisKeyword) return e;
    return undefined;
  }
  function rewriteDollarThis(e) {
    if (ts.isIdentifier(e)) return e.text === '$$this' ? f.createThis() : e;
    return f.updatePropertyAccessExpression(e, rewriteDollarThis(e.expression), e.name);
  }

  /** Options object of a component call: values visited, references collected for `$x`/`this.x`/`$$this.x`. */
  function optionsWithRefs(args, custom) {
    const out = args.map((a) => visit(a));
    const first = args[0];
    if (!first || !ts.isObjectLiteralExpression(first)) return [out, undefined];
    const refs = [];
    const props = first.properties.map((p) => {
      if (!ts.isPropertyAssignment(p)) return visit(p);
      const target = referenceTarget(p.initializer, custom);
      if (!target) return visit(p);
      refs.push(f.createPropertyAssignment(p.name, refTo(target)));
      return f.updatePropertyAssignment(p, p.name, target);
    });
    out[0] = f.updateObjectLiteralExpression(first, props);
    return [out, refs.length > 0 ? f.createObjectLiteralExpression(refs) : undefined];
  }

  function uiCall(root) {
    const name = root.expression.text;
    const custom = !builtins.has(name);
    const [args, refs] = optionsWithRefs(Array.from(root.arguments), custom);
    if (ITEM_BUILDERS.has(name) && root.arguments.length > 1) args[1] = itemBuilder(root.arguments[1]);
    const children = ts.isEtsComponentExpression(root) && root.body
      ? arrow([], uiBlock(root.body)) : f.createIdentifier('undefined');
    const argArray = f.createArrayLiteralExpression(args);
    const tail = refs ? [children, refs] : [children];
    // Keeping the source range makes stack traces through the recorder call point at the component line.
    return ts.setTextRange(custom ? call('ui', [root.expression, str(site(root)), argArray, ...tail])
      : call('c', [str(name), argArray, ...tail]), root);
  }

  const isUiRoot = (e) => (ts.isEtsComponentExpression(e) && ts.isIdentifier(e.expression)) ||
    (ts.isCallExpression(e) && ts.isIdentifier(e.expression) &&
      (builtins.has(e.expression.text) || /^[A-Z]/.test(e.expression.text)));
  function chainRoot(e) {
    while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) &&
      (ts.isCallExpression(e.expression.expression) || ts.isEtsComponentExpression(e.expression.expression))) {
      e = e.expression.expression;
    }
    return e;
  }
  /** Rebuilds `root.a(x).b(y)` with the root replaced by its recorder call. */
  function rewriteChain(e, root) {
    if (e === root) return uiCall(root);
    const access = e.expression;
    const args = GESTURE_ATTRIBUTES.has(access.name.text)
      ? e.arguments.map((a, i) => (i === 0 ? visitGesture(a, access.name.text) : visit(a)))
      : e.arguments.map((a) => visitAttributeArg(a));
    return ts.setTextRange(f.createCallExpression(f.createPropertyAccessExpression(rewriteChain(access.expression, root),
      access.name), undefined, args), e);
  }

  /**
   * The argument of `.gesture()` & co.: an inline gesture chain stays a chain of plain calls (the parser makes
   * its root a component expression); anything else is what ets-loader compiles to an empty gesture.
   */
  function visitGesture(arg, attribute) {
    const root = gestureRoot(arg);
    if (!root) {
      throw new Error(`${site(arg)}: .${attribute}(${arg.getText(sf).slice(0, 60)}) is not a gesture written inline; ` +
        'ets-loader compiles it to an empty gesture (no handler ever runs on a device). Write the PanGesture(...)/' +
        'TapGesture(...) chain in place and call methods from its handlers.');
    }
    const plainCalls = (node) => {
      if (ts.isEtsComponentExpression(node) && ts.isIdentifier(node.expression) && GESTURE_TYPES.has(node.expression.text)) {
        const nested = ts.isIdentifier(node.expression) && node.expression.text === 'GestureGroup';
        return ts.setTextRange(f.createCallExpression(node.expression, undefined, node.arguments.map((a, i) =>
          (nested && i > 0 ? visitGesture(a, attribute) : visit(a)))), node);
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'GestureGroup') {
        return f.updateCallExpression(node, node.expression, node.typeArguments, node.arguments.map((a, i) =>
          (i > 0 ? visitGesture(a, attribute) : visit(a))));
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        return f.updateCallExpression(node, f.updatePropertyAccessExpression(node.expression,
          plainCalls(node.expression.expression), node.expression.name), node.typeArguments, node.arguments.map((a) => visit(a)));
      }
      return visit(node);
    };
    return plainCalls(arg);
  }

  /** `.tabBar(this.tab(0))`: a builder called as an attribute argument builds into a detached slot node. */
  function visitAttributeArg(node) {
    if (ts.isCallExpression(node) && (
      (ts.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
        builders.methods.has(node.expression.name.text)) ||
      (ts.isIdentifier(node.expression) && builders.functions.has(node.expression.text)))) {
      return call('slot', [arrow([], visit(node))]);
    }
    if (ts.isObjectLiteralExpression(node) || ts.isPropertyAssignment(node) || ts.isArrayLiteralExpression(node) ||
      ts.isConditionalExpression(node) || ts.isParenthesizedExpression(node)) {
      return ts.visitEachChild(node, visitAttributeArg, context);
    }
    return visit(node);
  }

  /**
   * UI statement lists (build, @Builder bodies, a component's children, if branches, ForEach item builders)
   * get ArkUI's element structure, so the runtime can update one element as ets-loader's ViewPU output does:
   *   Row(a) { … }.width(1)   → __ark.e(this, () => __ark.c('Row', [a], () => { … }).width(1))
   *   if (c) { … } else { … } → __ark.ifElse(this, (branch) => { if (c) { branch(0, () => { … }) } else { branch(1, …) } })
   * The closure of e() is the element's update function (arguments and attributes; children are separate
   * elements); the closure of ifElse() picks the branch, as the If element's update function does.
   */
  function uiStatement(s) {
    if (ts.isIfStatement(s)) return ifElse(s);
    if (ts.isBlock(s)) return uiBlock(s);
    if (ts.isExpressionStatement(s) && isBuilderCallByReference(s.expression)) {
      return ts.setTextRange(f.createExpressionStatement(builderCallByReference(s.expression)), s);
    }
    if (ts.isExpressionStatement(s) && isUiRoot(chainRoot(s.expression))) {
      const rewritten = rewriteChain(s.expression, chainRoot(s.expression));
      return ts.setTextRange(f.createExpressionStatement(call('e', [f.createThis(), arrow([], rewritten)])), s);
    }
    return visit(s);
  }
  function uiBlock(block) {
    const statements = ts.isBlock(block) ? block.statements : [block];
    return f.createBlock(statements.map((s) => uiStatement(s)), true);
  }
  function ifElse(s) {
    const branch = f.createIdentifier('branch');
    let next = 0;
    const chain = (node) => {
      const id = next++;
      const then = f.createBlock([f.createExpressionStatement(f.createCallExpression(branch, undefined,
        [f.createNumericLiteral(id), arrow([], uiBlock(node.thenStatement))]))], true);
      let otherwise;
      if (node.elseStatement && ts.isIfStatement(node.elseStatement)) otherwise = chain(node.elseStatement);
      else {
        const last = next++;
        otherwise = f.createBlock([f.createExpressionStatement(f.createCallExpression(branch, undefined,
          [f.createNumericLiteral(last), arrow([], node.elseStatement ? uiBlock(node.elseStatement) : f.createBlock([], true))]))], true);
      }
      return f.createIfStatement(visit(node.expression), then, otherwise);
    };
    const body = f.createBlock([chain(s)], true);
    return ts.setTextRange(f.createExpressionStatement(call('ifElse', [f.createThis(),
      arrow([f.createParameterDeclaration(undefined, undefined, branch)], body)])), s);
  }
  /**
   * `this.b({ x: e })` or `b({ x: e })` for a @Builder of this file, with one object literal: ets-loader passes
   * it by reference (`makeBuilderParameterProxy`, each property a getter `() => e`), so an element of the
   * builder that reads `x` re-reads `e` when it updates.
   */
  function isBuilderCallByReference(e) {
    if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !ts.isObjectLiteralExpression(e.arguments[0])) return false;
    const callee = e.expression;
    return (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword &&
      builders.methods.has(callee.name.text)) || (ts.isIdentifier(callee) && builders.functions.has(callee.text));
  }
  function builderCallByReference(e) {
    const props = e.arguments[0].properties.map((p) => {
      if (ts.isPropertyAssignment(p)) return f.createPropertyAssignment(p.name, arrow([], visit(p.initializer)));
      if (ts.isShorthandPropertyAssignment(p)) return f.createPropertyAssignment(p.name, arrow([], p.name));
      return visit(p);
    });
    return f.updateCallExpression(e, visit(e.expression), e.typeArguments,
      [call('builderArgs', [f.createObjectLiteralExpression(props)])]);
  }

  /** A ForEach item builder: its body is a UI statement list. */
  function itemBuilder(fn) {
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return visit(fn);
    const body = ts.isBlock(fn.body) ? uiBlock(fn.body)
      : uiBlock(f.createBlock([f.createExpressionStatement(fn.body)], true));
    return ts.isArrowFunction(fn)
      ? f.updateArrowFunction(fn, fn.modifiers, fn.typeParameters, fn.parameters, fn.type, fn.equalsGreaterThanToken, body)
      : f.updateFunctionExpression(fn, fn.modifiers, fn.asteriskToken, fn.name, fn.typeParameters, fn.parameters, fn.type, body);
  }

  /** Visitor for UI bodies (build, @Builder, @Styles, @Extend) and anything nested in them. */
  function visit(node) {
    if (ts.isExpressionStatement(node)) {
      const root = chainRoot(node.expression);
      if (isUiRoot(root)) return f.updateExpressionStatement(node, rewriteChain(node.expression, root));
    }
    if (ts.isEtsComponentExpression(node) && isUiRoot(node)) return uiCall(node);
    if (ts.isPropertyAccessExpression(node)) {
      const target = referenceTarget(node, false);
      if (target) return target;
    }
    if (ts.isIdentifier(node) && instances.has(node.text)) return call('target', []);
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && instances.has(node.name.text)) {
      return f.createPropertyAssignment('styles', visit(node.initializer));
    }
    return ts.visitEachChild(node, visit, context);
  }

  /** Field initialisers: `new CustomDialogController({ builder: Dialog({…}) })` keeps the dialog as data. */
  function visitInitializer(node) {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^[A-Z]/.test(node.expression.text) &&
      ts.isPropertyAssignment(node.parent) && ts.isIdentifier(node.parent.name) && node.parent.name.text === 'builder') {
      return call('dialog', [node.expression, f.createArrayLiteralExpression(node.arguments.map(visitInitializer))]);
    }
    return ts.visitEachChild(node, visitInitializer, context);
  }
  return { visit, visitInitializer, uiBlock };
}

/** The gesture attributes and the gesture components ets-loader compiles inside them (component_map.ts). */
const GESTURE_ATTRIBUTES = new Set(['gesture', 'priorityGesture', 'parallelGesture']);
const GESTURE_TYPES = new Set(['TapGesture', 'LongPressGesture', 'PanGesture', 'PinchGesture', 'RotationGesture',
  'GestureGroup', 'SwipeGesture']);

/** The gesture component at the root of `PanGesture(o).onActionStart(h)...`, or undefined. */
function gestureRoot(e) {
  while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
  const callee = (ts.isCallExpression(e) || ts.isEtsComponentExpression(e)) ? e.expression : undefined;
  return callee && ts.isIdentifier(callee) && GESTURE_TYPES.has(callee.text) ? e : undefined;
}

const UI_METHOD_DECORATORS = new Set(['Builder', 'LocalBuilder', 'Styles']);
/** Built-ins whose second argument builds one item (its body is a UI statement list). */
const ITEM_BUILDERS = new Set(['ForEach', 'LazyForEach']);

function transformStruct(node, sf, context, builderFunctions) {
  const fields = new Set(node.members.filter((m) => ts.isPropertyDeclaration(m) && ts.isIdentifier(m.name)).map((m) => m.name.text));
  const methods = new Set(node.members.filter((m) => ts.isMethodDeclaration(m) &&
    decoratorsOf(m).some((d) => d[0] === 'Builder' || d[0] === 'LocalBuilder')).map((m) => m.name.getText(sf)));
  const { visit, visitInitializer, uiBlock } = createVisitors(sf, context, fields, { methods, functions: builderFunctions });
  const fieldMeta = [];
  const styles = [];
  const members = [];
  for (const m of node.members) {
    if (ts.isConstructorDeclaration(m)) continue;
    const decorators = decoratorsOf(m);
    if (ts.isPropertyDeclaration(m)) {
      for (const [name, args] of decorators) {
        fieldMeta.push(f.createArrayLiteralExpression([str(m.name.getText(sf)), str(name), ...args]));
      }
      members.push(f.updatePropertyDeclaration(m, plainModifiers(m), m.name, m.questionToken || m.exclamationToken,
        m.type, m.initializer && visitInitializer(m.initializer)));
    } else if (ts.isMethodDeclaration(m)) {
      const kinds = decorators.map((d) => d[0]).filter((d) => UI_METHOD_DECORATORS.has(d));
      const name = m.name.getText(sf);
      if (kinds.includes('Styles')) styles.push(str(name));
      const ui = kinds.length > 0 || name === 'build' || name === 'pageTransition';
      members.push(f.updateMethodDeclaration(m, plainModifiers(m), m.asteriskToken, m.name, m.questionToken,
        m.typeParameters, m.parameters, m.type, !ui || !m.body ? m.body : kinds.includes('Styles') ? visit(m.body) : uiBlock(m.body)));
    } else {
      members.push(m);
    }
  }
  const cls = f.createClassDeclaration(plainModifiers(node), node.name, node.typeParameters,
    [f.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [f.createExpressionWithTypeArguments(ark('View'), undefined)])],
    members);
  const meta = f.createObjectLiteralExpression([
    f.createPropertyAssignment('file', str(sf.fileName)),
    f.createPropertyAssignment('fields', f.createArrayLiteralExpression(fieldMeta)),
    f.createPropertyAssignment('styles', f.createArrayLiteralExpression(styles)),
  ]);
  return [cls, f.createExpressionStatement(call('view', [node.name, meta]))];
}

function transformFunction(node, sf, context, builderFunctions) {
  const kinds = decoratorsOf(node).map((d) => d[0]);
  const extension = kinds.find((k) => k === 'Extend' || k === 'AnimatableExtend' || k === 'Styles');
  if (!extension && !kinds.includes('Builder')) return node;
  const { visit, uiBlock } = createVisitors(sf, context, new Set(), { methods: new Set(), functions: builderFunctions });
  // Created, not updated: an update would carry the decorators over (the parser keeps them in illegalDecorators).
  const fn = ts.setTextRange(f.createFunctionDeclaration(plainModifiers(node), node.asteriskToken, node.name,
    node.typeParameters, node.parameters, node.type, node.body && (extension ? visit(node.body) : uiBlock(node.body))), node);
  if (!extension) return fn;
  return [fn, f.createExpressionStatement(call('extend', [str(node.name.text), node.name]))];
}

/** The transformer factory for one file, or undefined when the file has no UI syntax. */
function renderTransformer(fileName, text) {
  if (!fileName.endsWith('.ets') || !/\bstruct\s|@(Builder|Extend|AnimatableExtend|Styles)\b/.test(text)) return undefined;
  return (context) => (sf) => {
    const builderFunctions = new Set(sf.statements.filter((s) => ts.isFunctionDeclaration(s) && s.name &&
      decoratorsOf(s).some((d) => d[0] === 'Builder')).map((s) => s.name.text));
    const statements = [];
    for (const s of sf.statements) {
      const out = ts.isStructDeclaration(s) ? transformStruct(s, sf, context, builderFunctions)
        : ts.isFunctionDeclaration(s) ? transformFunction(s, sf, context, builderFunctions) : s;
      if (Array.isArray(out)) statements.push(...out); else statements.push(out);
    }
    return f.updateSourceFile(sf, statements);
  };
}

module.exports = { renderTransformer };
