// SPDX-License-Identifier: Apache-2.0
// Approximations of the ArkUI rules that DevEco's ets-loader (validate_ui_syntax, not on npm) enforces and
// the ArkTS linter lacks. Each rule is written from the documented DevEco behaviour; they are ours, not the
// official checks, and docs/toolchain.md lists what they do not cover. uiRules() also returns the API-level
// problems of the file (api-level-rules.js), so the checker runs both with one call.
'use strict';
const path = require('path');
const { etsOptions } = require('./ets-options');
const { apiLevelRules } = require('./api-level-rules');
const { ruleProblems } = require('./rule-problems');

/** Components that may be the root of an @Entry page (they take children). */
const CONTAINERS = new Set(['Column', 'Row', 'Stack', 'Flex', 'List', 'Grid', 'Scroll', 'Navigation', 'Tabs',
  'RelativeContainer', 'Swiper', 'Refresh', 'WaterFlow', 'GridRow', 'SideBarContainer', 'NavDestination',
  'FolderStack', 'ColumnSplit', 'RowSplit', 'Panel', 'Stepper', 'Navigator', 'Badge', 'Counter', 'WithTheme']);
const SPAN_PARENTS = new Set(['Text', 'RichEditor', 'ContainerSpan']);
const SPAN_KINDS = new Set(['Span', 'ImageSpan', 'SymbolSpan', 'ContainerSpan']);
const NEEDS_DEFAULT = new Set(['State', 'Provide', 'StorageLink', 'StorageProp', 'LocalStorageLink', 'LocalStorageProp']);
const NO_DEFAULT = new Set(['Link', 'ObjectLink', 'Consume']);
const STATE_DECORATORS = new Set([...NEEDS_DEFAULT, ...NO_DEFAULT, 'Prop', 'BuilderParam', 'Watch', 'Track']);
const NOT_FROM_PARENT = new Set(['StorageLink', 'StorageProp', 'LocalStorageLink', 'LocalStorageProp', 'Consume']);
const CONTROL_FLOW = new Set(['ForEach', 'LazyForEach', 'Repeat']);
/** The SDK's built-in components; any other `X() { ... }` is a custom component with a trailing closure. */
const BUILTIN = new Set(etsOptions().components);
/** Components whose children are restricted (DevEco 10905219). */
const SPECIFIC_CHILDREN = new Map([
  ['Text', new Set(['Span', 'ImageSpan', 'SymbolSpan', 'ContainerSpan'])],
  ['ContainerSpan', new Set(['Span', 'ImageSpan'])],
]);
/** Types that state decorators must not hold (DevEco 10905308): controllers and canvas objects. */
const FORBIDDEN_STATE_TYPES = new Set(['Scroller', 'SwiperScroller', 'VideoController', 'WebController',
  'CustomDialogController', 'SwiperController', 'TabsController', 'CalendarController', 'AbilityController',
  'XComponentController', 'CanvasRenderingContext2D', 'CanvasGradient', 'ImageBitmap', 'ImageData', 'Path2D',
  'RenderingContextSettings', 'OffscreenCanvasRenderingContext2D', 'PatternLockController', 'TextAreaController',
  'TextInputController', 'TextTimerController', 'SearchController', 'RichEditorController']);
const FORBIDDEN_STATE_DECORATORS = new Set(['State', 'Prop', 'Link', 'Provide', 'Consume', 'ObjectLink', 'BuilderParam',
  'StorageLink', 'StorageProp', 'LocalStorageLink', 'LocalStorageProp']);
/** Decorators that make a struct member state a child's @Link/@ObjectLink may be bound to. */
const STATE_SOURCES = new Set([...NEEDS_DEFAULT, ...NO_DEFAULT, 'Prop', 'BuilderParam']);

function decoratorsOf(ts, node) {
  // Decorated functions (@Builder, @Styles, @Extend) are ArkTS only: TypeScript keeps their decorators apart,
  // and ts.getAllDecorators finds them there too.
  const list = (ts.getAllDecorators ? ts.getAllDecorators(node)
    : ts.canHaveDecorators && ts.canHaveDecorators(node) ? ts.getDecorators(node) : node.decorators) || [];
  return list.map((d) => {
    const e = d.expression;
    const name = ts.isCallExpression(e) ? e.expression.getText() : e.getText();
    return { name, node: d };
  });
}

function hasDecorator(ts, node, name) {
  return decoratorsOf(ts, node).some((d) => d.name === name);
}

/**
 * Peels `X(...).a().b()` to the component call X(...); returns { name, node, kind } or undefined. kind is
 * 'builtin' for SDK components and 'call' for anything else (custom components, with or without a trailing
 * closure, and @Builder functions); node.body is the trailing closure, if any.
 */
function componentOf(ts, expr) {
  let e = expr;
  while (e && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
  if (!e) return undefined;
  if (e.kind === ts.SyntaxKind.EtsComponentExpression) {
    const name = e.expression.getText();
    return { name, node: e, kind: BUILTIN.has(name) ? 'builtin' : 'call' };
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return { name: e.expression.text, node: e, kind: 'call' };
  return undefined;
}

/** The types of a union (or the type itself), without null and undefined. */
function nonNullishParts(ts, type) {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
}

/** string, number, boolean, bigint, an enum or a literal of one: what DevEco calls a simple type. */
function isPrimitive(ts, type) {
  const F = ts.TypeFlags;
  return (type.flags & (F.StringLike | F.NumberLike | F.BooleanLike | F.BigIntLike | F.EnumLike)) !== 0;
}

/** Names of the type references a property type is made of (`A`, `A | undefined`, `(A)`), without arrays. */
function referencedTypeNames(ts, typeNode, out) {
  if (!typeNode) return out;
  if (ts.isTypeReferenceNode(typeNode)) {
    const n = typeNode.typeName;
    out.push(ts.isIdentifier(n) ? n.text : n.right.text);
  } else if (ts.isUnionTypeNode(typeNode)) {
    for (const t of typeNode.types) referencedTypeNames(ts, t, out);
  } else if (ts.isParenthesizedTypeNode(typeNode)) {
    referencedTypeNames(ts, typeNode.type, out);
  }
  return out;
}

function uiRules(sf, checker, ts) {
  const { problems, report } = ruleProblems(sf);
  const rel = sf.fileName.split(path.sep).join('/');
  const isDemoPage = /\/demo\/src\/main\/ets\/pages\//.test(rel) || /\/src\/ohosTest\/ets\//.test(rel);

  function visitStruct(struct) {
    const name = struct.name ? struct.name.text : '<anonymous>';
    const isEntry = hasDecorator(ts, struct, 'Entry');
    if (isEntry && !isDemoPage) {
      report(struct, 'ui-entry-location', `@Entry struct '${name}' is outside demo/src/main/ets/pages/: only the demo's pages (and device-test pages under src/ohosTest) are entries; the kit exports @Component structs.`);
    }
    const members = struct.members || [];
    const build = members.find((m) => ts.isMethodDeclaration(m) && m.name && m.name.getText() === 'build');
    if (!build) report(struct.name || struct, 'ui-struct-build', `struct '${name}' has no build() method; every @Component needs one.`);
    const methods = new Set(members.filter((m) => ts.isMethodDeclaration(m) && m.name).map((m) => m.name.getText()));
    for (const m of members) {
      if (!ts.isPropertyDeclaration(m)) continue;
      for (const d of decoratorsOf(ts, m)) {
        const field = m.name.getText();
        if (STATE_DECORATORS.has(d.name) && !m.type) {
          report(m, 'ui-decorated-type', `@${d.name} property '${field}' needs an explicit type.`);
        }
        if (NEEDS_DEFAULT.has(d.name) && !m.initializer) {
          report(m, 'ui-state-default', `@${d.name} property '${field}' needs a default value (DevEco requires one).`);
        }
        if (NO_DEFAULT.has(d.name) && m.initializer) {
          report(m.initializer, 'ui-link-initialized', `@${d.name} property '${field}' must not be initialised locally; the parent (or @Provide) supplies it.`);
        }
        if (d.name === 'Watch') checkWatch(d.node, field, methods);
        if (FORBIDDEN_STATE_DECORATORS.has(d.name)) {
          const bad = referencedTypeNames(ts, m.type, []).find((t) => FORBIDDEN_STATE_TYPES.has(t));
          if (bad) {
            report(m, 'ui-state-controller', `@${d.name} property '${field}' holds a ${bad}, which state management cannot observe; make it a plain (undecorated) member.`);
          }
        }
        if (d.name === 'ObjectLink' && m.type) checkObjectLinkType(m, field);
      }
    }
    if (build && build.body) {
      const stmts = build.body.statements;
      if (stmts.length > 1) {
        report(stmts[1], 'ui-one-root', `build() of '${name}' must have exactly one root node (found ${stmts.length} statements); wrap them in a container.`);
      }
      if (isEntry && stmts.length === 1) {
        const c = ts.isExpressionStatement(stmts[0]) ? componentOf(ts, stmts[0].expression) : undefined;
        if (!c || c.kind !== 'builtin' || !CONTAINERS.has(c.name)) {
          report(stmts[0], 'ui-entry-root', `the root node of @Entry '${name}' must be a container component such as Column, Row or Stack.`);
        }
      }
      visitBuildBlock(build.body, members);
    }
    for (const m of members) {
      if (ts.isMethodDeclaration(m) && m.body && hasDecorator(ts, m, 'Builder')) visitBuildBlock(m.body, members);
      if (ts.isMethodDeclaration(m) && hasDecorator(ts, m, 'Styles')) checkStylesParameters(m);
    }
  }

  /** `@Watch('name')` must name a method of the struct (DevEco 10905301). */
  function checkWatch(decorator, field, methods) {
    const call = decorator.expression;
    const arg = ts.isCallExpression(call) ? call.arguments[0] : undefined;
    if (!arg || !ts.isStringLiteralLike(arg) || methods.has(arg.text)) return;
    report(arg, 'ui-watch-method', `@Watch('${arg.text}') on '${field}' names no method of this struct; add a method ${arg.text}(propName: string): void or fix the name.`);
  }

  /**
   * `@ObjectLink` binds to an object's properties: a primitive type is an error (DevEco 10905307), and a class
   * without @Observed (itself or a base class) never updates the view, which DevEco does not catch (warning).
   */
  function checkObjectLinkType(m, field) {
    const parts = nonNullishParts(ts, checker.getTypeFromTypeNode(m.type));
    if (parts.length === 0) return;
    if (parts.every((t) => isPrimitive(ts, t))) {
      report(m.type, 'ui-objectlink-primitive', `@ObjectLink property '${field}' has the primitive type '${m.type.getText()}'; use @Prop for primitives, @ObjectLink only for @Observed class instances.`);
      return;
    }
    for (const t of parts) {
      const cls = classDeclarationOf(t);
      if (cls && !isObservedClass(cls, 0)) {
        report(m.type, 'ui-objectlink-unobserved', `@ObjectLink property '${field}' has the class type '${cls.name ? cls.name.text : m.type.getText()}', which is not @Observed: changes to its properties will not update the view.`, 'warning');
        return;
      }
    }
  }

  /** The project (not SDK) class declaration of a type, if it is a class. */
  function classDeclarationOf(type) {
    const sym = type.getSymbol();
    const decl = sym && sym.declarations && sym.declarations.find((d) => ts.isClassDeclaration(d));
    if (!decl || decl.getSourceFile().isDeclarationFile) return undefined;
    return decl;
  }

  function isObservedClass(cls, depth) {
    if (hasDecorator(ts, cls, 'Observed')) return true;
    if (depth > 10) return false;
    for (const clause of cls.heritageClauses || []) {
      if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
      for (const base of clause.types) {
        const baseType = checker.getTypeAtLocation(base.expression);
        const sym = baseType && (baseType.getSymbol() || undefined);
        const decl = sym && sym.declarations && sym.declarations.find((d) => ts.isClassDeclaration(d));
        if (!decl) return true; // a base we cannot see (SDK, vendor): do not guess
        if (decl.getSourceFile().isDeclarationFile || isObservedClass(decl, depth + 1)) return true;
      }
    }
    return false;
  }

  /** `@Styles` functions and methods take no parameters (DevEco 10905110). */
  function checkStylesParameters(fn) {
    if (fn.parameters.length === 0) return;
    report(fn.parameters[0], 'ui-styles-params', `@Styles ${fn.name ? `'${fn.name.getText()}'` : 'function'} must not have parameters; use an @Extend function for parameterised styles.`);
  }

  /** Statements of build()/@Builder bodies and of component children blocks. */
  function visitBuildBlock(block, members) {
    for (const stmt of block.statements) visitBuildStatement(stmt, members);
  }

  function visitBuildStatement(stmt, members) {
    if (ts.isIfStatement(stmt)) {
      visitBuildStatement(stmt.thenStatement, members);
      if (stmt.elseStatement) visitBuildStatement(stmt.elseStatement, members);
      return;
    }
    if (ts.isBlock(stmt)) return visitBuildBlock(stmt, members);
    if (!ts.isExpressionStatement(stmt)) return;
    const expr = stmt.expression;
    // console.* and non-@Builder method calls are not allowed as UI statements.
    if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
      const target = expr.expression.expression.getText();
      const method = expr.expression.name.getText();
      if (target === 'console') {
        report(stmt, 'ui-build-statement', `console.${method}() is not allowed inside build(); log from an event handler or aboutToAppear().`);
        return;
      }
      if (target === 'this') {
        const decl = members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === method);
        if (decl && !hasDecorator(ts, decl, 'Builder')) {
          report(stmt, 'ui-build-statement', `'this.${method}()' is called inside build() but is not a @Builder method.`);
        }
        return;
      }
    }
    const c = componentOf(ts, expr);
    if (!c) return;
    if (c.kind === 'builtin' || CONTROL_FLOW.has(c.name)) {
      if (c.name === 'Button') checkButtonLabelAndChild(c.node);
      if (c.node.body) {
        const allowed = SPECIFIC_CHILDREN.get(c.name);
        for (const s of c.node.body.statements) {
          checkSpanParent(s, c.name);
          if (allowed) checkSpecificChild(s, c.name, allowed);
          visitBuildStatement(s, members);
        }
      }
      if (CONTROL_FLOW.has(c.name)) {
        for (const body of itemBuilderBodies(c.node)) visitBuildStatement(body, members);
      }
    } else {
      checkChildInitialisation(c.node, members);
      if (c.node.body) visitBuildBlock(c.node.body, members);
    }
  }

  /** The item builders of ForEach/LazyForEach/Repeat, as statements (an expression body becomes one). */
  function itemBuilderBodies(node) {
    const out = [];
    for (const arg of node.arguments || []) {
      if ((ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) && arg.body && ts.isBlock(arg.body)) out.push(arg.body);
      else if (ts.isArrowFunction(arg) && arg.body) out.push(ts.factory.createExpressionStatement(arg.body));
    }
    return out;
  }

  /** `Button(label) { child }`: a Button with a label takes no children (DevEco 10905202). */
  function checkButtonLabelAndChild(node) {
    const arg = node.arguments && node.arguments[0];
    if (!node.body || node.body.statements.length === 0 || !arg || ts.isObjectLiteralExpression(arg)) return;
    const parts = nonNullishParts(ts, checker.getTypeAtLocation(arg));
    const isLabel = (t) => (t.flags & ts.TypeFlags.StringLike) !== 0 || (t.getSymbol() !== undefined && t.getSymbol().name === 'Resource');
    if (parts.length > 0 && parts.every(isLabel)) {
      report(node.body.statements[0], 'ui-button-label-child', 'a Button with a label cannot have children; use Button({ ... }) { Text(label) ... } or drop the child.');
    }
  }

  /** Inside Text (and ContainerSpan) only span components, also through if/ForEach (DevEco 10905219). */
  function checkSpecificChild(stmt, parentName, allowed) {
    if (ts.isIfStatement(stmt)) {
      checkSpecificChild(stmt.thenStatement, parentName, allowed);
      if (stmt.elseStatement) checkSpecificChild(stmt.elseStatement, parentName, allowed);
      return;
    }
    if (ts.isBlock(stmt)) {
      for (const s of stmt.statements) checkSpecificChild(s, parentName, allowed);
      return;
    }
    const c = ts.isExpressionStatement(stmt) ? componentOf(ts, stmt.expression) : undefined;
    if (!c) return;
    if (CONTROL_FLOW.has(c.name)) {
      for (const body of itemBuilderBodies(c.node)) checkSpecificChild(body, parentName, allowed);
      return;
    }
    const isComponent = c.kind === 'builtin' || structOf(c.node) !== undefined;
    if (isComponent && !allowed.has(c.name)) {
      report(stmt, 'ui-text-child', `${parentName} can only have ${Array.from(allowed).join(', ')} as children, not ${c.name}.`);
    }
  }

  /** Span-like children only inside Text/RichEditor/ContainerSpan (also through if/ForEach). */
  function checkSpanParent(stmt, parentName) {
    if (CONTROL_FLOW.has(parentName)) return;
    const c = ts.isExpressionStatement(stmt) ? componentOf(ts, stmt.expression) : undefined;
    if (c && c.kind === 'builtin' && SPAN_KINDS.has(c.name) && !SPAN_PARENTS.has(parentName)) {
      report(stmt, 'ui-span-parent', `${c.name} must be a child of Text, RichEditor or ContainerSpan, not of ${parentName}.`);
    }
    if (ts.isIfStatement(stmt)) {
      checkSpanParent(stmt.thenStatement, parentName);
      if (stmt.elseStatement) checkSpanParent(stmt.elseStatement, parentName);
    }
    if (ts.isBlock(stmt)) for (const s of stmt.statements) checkSpanParent(s, parentName);
  }

  /** The struct declaration a `Child(...)` call creates, or undefined (a @Builder function, say). */
  function structOf(call) {
    const sym = checker.getSymbolAtLocation(call.expression);
    const target = sym && (sym.flags & ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(sym) : sym;
    return target && target.declarations && target.declarations.find((d) => d.kind === ts.SyntaxKind.StructDeclaration);
  }

  /** The decorator names of the parent struct's property `name`, or undefined when it has no such property. */
  function parentPropertyDecorators(parentMembers, name) {
    const p = parentMembers.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === name);
    return p ? decoratorsOf(ts, p).map((d) => d.name) : undefined;
  }

  /**
   * `Child({...})` (with or without a trailing closure): resolve Child's struct and check what the parent
   * passes (DevEco 10905316, 10905317, 10905359, 10905315, 10905102 and the private-member warning).
   * parentMembers: the members of the struct whose build()/@Builder holds the call ([] in a global @Builder).
   */
  function checkChildInitialisation(call, parentMembers) {
    const decl = structOf(call);
    if (!decl) return;
    const child = decl.name.text;
    const arg = call.arguments && call.arguments[0];
    const passed = new Map();
    if (arg && ts.isObjectLiteralExpression(arg)) {
      for (const p of arg.properties) if (p.name) passed.set(p.name.getText(), p);
    }
    const builderParams = decl.members.filter((m) => ts.isPropertyDeclaration(m) && hasDecorator(ts, m, 'BuilderParam'));
    const closure = call.body;
    if (closure) {
      const only = builderParams.length === 1 ? builderParams[0] : undefined;
      const takesArguments = only && only.type && ts.isFunctionTypeNode(only.type) && only.type.parameters.length > 0;
      if (!only || takesArguments) {
        report(call, 'ui-child-closure', `'${child}' is given a trailing closure, so it must have exactly one @BuilderParam taking no parameters (it has ${builderParams.length}${takesArguments ? ', taking parameters' : ''}); pass the builders by name instead.`);
      }
    }
    for (const m of decl.members) {
      if (!ts.isPropertyDeclaration(m)) continue;
      const field = m.name.getText();
      const given = passed.get(field) || (closure && builderParams.length === 1 && builderParams[0] === m ? closure : undefined);
      const decorators = decoratorsOf(ts, m);
      if (given && given !== closure && m.modifiers && m.modifiers.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword)) {
        report(given, 'ui-child-private', `'${field}' of '${child}' is private; it cannot be initialised through the component constructor.`, 'warning');
      }
      for (const d of decorators) {
        if ((d.name === 'Link' || d.name === 'ObjectLink') && !given) {
          report(call, 'ui-child-required', `'${child}' needs '${field}' (@${d.name}) from its parent; pass it in ${child}({ ${field}: ... }).`);
        }
        if (d.name === 'Require' && !given && !decorators.some((x) => x.name === 'Link' || x.name === 'ObjectLink')) {
          report(call, 'ui-child-required', `'${child}' needs '${field}' (@Require) from its parent; pass it in ${child}({ ${field}: ... }).`);
        }
        if (NOT_FROM_PARENT.has(d.name) && given) {
          report(given, 'ui-child-storage', `'${field}' of '${child}' is @${d.name}; it cannot be set by the parent.`);
        }
        if ((d.name === 'ObjectLink' || d.name === 'Link') && given && ts.isPropertyAssignment(given)) {
          const v = given.initializer;
          if (ts.isObjectLiteralExpression(v) || ts.isNewExpression(v) || ts.isArrayLiteralExpression(v)) {
            report(v, 'ui-objectlink-plain', `'${field}' of '${child}' is @${d.name}: pass state of the parent (an @Observed instance it owns), not a literal or a new object.`, 'warning');
          } else if (!isPlainBindingSource(v, d.name)) {
            report(v, 'ui-objectlink-expression', `'${v.getText()}' is an expression, not a plain property or variable; ets-loader warns that it cannot be assigned to @${d.name} '${field}' of '${child}'. Pass a property or variable (e.g. a @Builder parameter or a ForEach item).`, 'warning');
          }
          checkBindingSource(v, field, child, d.name, parentMembers);
        }
      }
    }
  }

  /**
   * What ets-loader accepts without a warning as the source of a child's @ObjectLink (a property access, an
   * element access or a variable) or @Link (`this.x`, `$x` or a variable); anything else is an expression.
   */
  function isPlainBindingSource(v, kind) {
    if (ts.isIdentifier(v)) return true;
    if (kind === 'ObjectLink') return ts.isPropertyAccessExpression(v) || ts.isElementAccessExpression(v);
    return ts.isPropertyAccessExpression(v) && v.expression.kind === ts.SyntaxKind.ThisKeyword;
  }

  /**
   * A child's @Link/@ObjectLink must be bound to state: `this.x` where x is an undecorated member of the
   * parent, or a local variable given to @Link, is an error (DevEco 10905315).
   */
  function checkBindingSource(v, field, child, kind, parentMembers) {
    if (ts.isPropertyAccessExpression(v) && v.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const decorators = parentPropertyDecorators(parentMembers, v.name.getText());
      if (decorators && !decorators.some((n) => STATE_SOURCES.has(n))) {
        report(v, 'ui-child-regular', `'this.${v.name.getText()}' is a regular (undecorated) property; it cannot be bound to @${kind} '${field}' of '${child}'. Decorate it (@State, @Prop, @Link, ...).`);
      }
    } else if (kind === 'Link' && ts.isIdentifier(v) && !v.text.startsWith('$')) {
      report(v, 'ui-child-regular', `the local value '${v.text}' cannot be bound to @Link '${field}' of '${child}'; pass a decorated property of the parent (this.x).`);
    }
  }

  function walk(node) {
    if (node.kind === ts.SyntaxKind.StructDeclaration) visitStruct(node);
    if (ts.isFunctionDeclaration(node) && node.body) {
      if (hasDecorator(ts, node, 'Builder')) visitBuildBlock(node.body, []);
      if (hasDecorator(ts, node, 'Styles')) checkStylesParameters(node);
    }
    ts.forEachChild(node, walk);
  }
  walk(sf);
  return problems.concat(apiLevelRules(sf, checker, ts));
}

module.exports = { uiRules, decoratorsOf, hasDecorator, nonNullishParts, isPrimitive };
