// SPDX-License-Identifier: Apache-2.0
// ArkUI rules found by running OpenHarmony's own front end (`npm run check:upstream`) and ArkUI's state-management
// runtime on the kit, where the npm-only checker said nothing (toolchain reference §12):
//   ui-preview-limit  more than 10 @Preview in a file: the previewer's build fails (ets-loader 10905404);
//   ui-gesture-inline `.gesture(this.make())`: ets-loader keeps only a gesture written inline and compiles any
//                     other argument to an empty gesture, silently;
//   ui-prop-object    an object-typed @Prop (Resource, ResourceStr, a class without @Observed): the runtime logs
//                     "lacks @Observed class decorator" and re-renders the child on every parent render.
'use strict';
const { hasDecorator, decoratorsOf, nonNullishParts, isPrimitive } = require('./ui-rules');
const { ruleProblems } = require('./rule-problems');

const PREVIEW_LIMIT = 10;
/** The gesture attributes and the gesture components ets-loader recognises in them (component_map.ts). */
const GESTURE_ATTRIBUTES = new Set(['gesture', 'priorityGesture', 'parallelGesture']);
const GESTURE_TYPES = new Set(['TapGesture', 'LongPressGesture', 'PanGesture', 'PinchGesture', 'RotationGesture',
  'GestureGroup', 'SwipeGesture']);
/** Object types the state-management runtime observes by itself when held in a @Prop. */
const BUILTIN_OBSERVED = new Set(['Array', 'ReadonlyArray', 'Date', 'Map', 'Set']);

function uiDevEcoRules(sf, checker, ts) {
  const { problems, report } = ruleProblems(sf);
  let previews = 0;

  /** The identifier at the root of `X(...).a(...).b(...)`, when X is called directly. */
  function chainRootName(e) {
    while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
    const root = ts.isCallExpression(e) || e.kind === ts.SyntaxKind.EtsComponentExpression ? e.expression : undefined;
    return root && ts.isIdentifier(root) ? root.text : undefined;
  }

  /** A gesture argument ets-loader compiles: a gesture component chain; a GestureGroup's members likewise. */
  function checkGestureArgument(arg, attribute) {
    const name = chainRootName(arg);
    if (name === undefined || !GESTURE_TYPES.has(name)) {
      report(arg, 'ui-gesture-inline', `.${attribute}(${arg.getText(sf).slice(0, 40)}) is compiled to an empty gesture by ets-loader, which keeps only a gesture written inline; write ${attribute}(PanGesture(...).onActionUpdate(...)) in place and move the handler bodies into methods.`);
      return;
    }
    if (name === 'GestureGroup') {
      let e = arg;
      while (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
      for (const member of (e.arguments || []).slice(1)) checkGestureArgument(member, attribute);
    }
  }

  /** An object type a @Prop may hold without the runtime's complaint: an @Observed class or a built-in it wraps. */
  function isObservableObject(type) {
    const sym = type.getSymbol() || type.aliasSymbol;
    if (sym && BUILTIN_OBSERVED.has(sym.name)) return true;
    if (checker.isArrayType && checker.isArrayType(type)) return true;
    if (type.getCallSignatures().length > 0) return true; // function-typed @Prop: accepted by DevEco
    const decl = sym && sym.declarations && sym.declarations.find((d) => ts.isClassDeclaration(d));
    return decl !== undefined && hasDecorator(ts, decl, 'Observed');
  }

  function checkPropType(member) {
    if (!member.type) return;
    const field = member.name.getText(sf);
    const parts = nonNullishParts(ts, checker.getTypeFromTypeNode(member.type));
    const bad = parts.find((t) => !isPrimitive(ts, t) && !isObservableObject(t));
    if (bad) {
      report(member.type, 'ui-prop-object', `@Prop '${field}' has the object type '${member.type.getText(sf)}' (${checker.typeToString(bad)} is not an @Observed class): the runtime logs "lacks @Observed class decorator" and re-renders the child on every parent render. Pass primitives as @Prop (e.g. an on/off boolean) and fixed objects such as $r() icons as plain fields set once at creation.`);
    }
  }

  function walk(node) {
    if (node.kind === ts.SyntaxKind.StructDeclaration) {
      for (const d of decoratorsOf(ts, node)) {
        if (d.name !== 'Preview') continue;
        previews += 1;
        if (previews === PREVIEW_LIMIT + 1) {
          report(d.node, 'ui-preview-limit', `this file has more than ${PREVIEW_LIMIT} @Preview structs; the previewer rejects the file (ets-loader 10905404). Split the previews over several files.`);
        }
      }
      for (const m of node.members || []) {
        if (ts.isPropertyDeclaration(m) && hasDecorator(ts, m, 'Prop')) checkPropType(m);
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
      GESTURE_ATTRIBUTES.has(node.expression.name.text) && node.arguments.length > 0 &&
      chainRootName(node.expression.expression) !== undefined) {
      checkGestureArgument(node.arguments[0], node.expression.name.text);
    }
    ts.forEachChild(node, walk);
  }
  if (sf.fileName.endsWith('.ets')) walk(sf);
  return problems;
}

module.exports = { uiDevEcoRules };
