// SPDX-License-Identifier: Apache-2.0
// Approximations of the ArkUI rules that DevEco's ets-loader (validate_ui_syntax, not on npm) enforces and
// the ArkTS linter lacks. Each rule is written from the documented DevEco behaviour; they are ours, not the
// official checks, and docs/toolchain.md lists what they do not cover.
'use strict';
const path = require('path');

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

function decoratorsOf(ts, node) {
  const list = (ts.canHaveDecorators && ts.canHaveDecorators(node) ? ts.getDecorators(node) : node.decorators) || [];
  return list.map((d) => {
    const e = d.expression;
    const name = ts.isCallExpression(e) ? e.expression.getText() : e.getText();
    return { name, node: d };
  });
}

function hasDecorator(ts, node, name) {
  return decoratorsOf(ts, node).some((d) => d.name === name);
}

/** Peels `X(...).a().b()` to the component call X(...); returns { name, node, kind } or undefined. */
function componentOf(ts, expr) {
  let e = expr;
  while (e && ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) e = e.expression.expression;
  if (!e) return undefined;
  if (e.kind === ts.SyntaxKind.EtsComponentExpression) return { name: e.expression.getText(), node: e, kind: 'builtin' };
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return { name: e.expression.text, node: e, kind: 'call' };
  return undefined;
}

function uiRules(sf, checker, ts) {
  const problems = [];
  const report = (node, rule, message, severity) => {
    const lc = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    problems.push({ line: lc.line + 1, col: lc.character + 1, rule, message, severity: severity || 'error' });
  };
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
    }
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
      if (c.node.body) {
        for (const s of c.node.body.statements) {
          checkSpanParent(s, c.name);
          visitBuildStatement(s, members);
        }
      }
      if (CONTROL_FLOW.has(c.name)) {
        for (const arg of c.node.arguments || []) {
          if ((ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) && arg.body && ts.isBlock(arg.body)) visitBuildBlock(arg.body, members);
          else if (ts.isArrowFunction(arg) && arg.body) visitBuildStatement(ts.factory.createExpressionStatement(arg.body), members);
        }
      }
    } else {
      checkChildInitialisation(c.node);
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

  /** `Child({...})`: resolve Child's struct and check what the parent passes (DevEco 10905316/10905317). */
  function checkChildInitialisation(call) {
    const sym = checker.getSymbolAtLocation(call.expression);
    const target = sym && (sym.flags & ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(sym) : sym;
    const decl = target && target.declarations && target.declarations.find((d) => d.kind === ts.SyntaxKind.StructDeclaration);
    if (!decl) return;
    const arg = call.arguments && call.arguments[0];
    const passed = new Map();
    if (arg && ts.isObjectLiteralExpression(arg)) {
      for (const p of arg.properties) if (p.name) passed.set(p.name.getText(), p);
    }
    for (const m of decl.members) {
      if (!ts.isPropertyDeclaration(m)) continue;
      const field = m.name.getText();
      for (const d of decoratorsOf(ts, m)) {
        const given = passed.get(field);
        if ((d.name === 'Link' || d.name === 'ObjectLink') && !given) {
          report(call, 'ui-child-required', `'${decl.name.text}' needs '${field}' (@${d.name}) from its parent; pass it in ${decl.name.text}({ ${field}: ... }).`);
        }
        if (NOT_FROM_PARENT.has(d.name) && given) {
          report(given, 'ui-child-storage', `'${field}' of '${decl.name.text}' is @${d.name}; it cannot be set by the parent.`);
        }
        if ((d.name === 'ObjectLink' || d.name === 'Link') && given && ts.isPropertyAssignment(given)) {
          const v = given.initializer;
          if (ts.isObjectLiteralExpression(v) || ts.isNewExpression(v) || ts.isArrayLiteralExpression(v)) {
            report(v, 'ui-objectlink-plain', `'${field}' of '${decl.name.text}' is @${d.name}: pass state of the parent (an @Observed instance it owns), not a literal or a new object.`, 'warning');
          }
        }
      }
    }
  }

  function walk(node) {
    if (node.kind === ts.SyntaxKind.StructDeclaration) visitStruct(node);
    ts.forEachChild(node, walk);
  }
  walk(sf);
  return problems;
}

module.exports = { uiRules };
