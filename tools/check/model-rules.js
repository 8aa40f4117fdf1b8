// SPDX-License-Identifier: Apache-2.0
// Rules about the kit's @Observed models, which neither the compiler nor the linter knows:
//   model-untracked-read  in an @Observed class that has any @Track field, every field the UI reads while
//                         rendering (in build(), @Builder methods and functions, the struct methods they call,
//                         the class's own methods they call, ForEach item and key builders) must be @Track:
//                         ArkUI throws "Illegal usage of not @Track'ed property" for the others, on a device;
//   model-write-outside-session  models (classes declared in a module's src/main/ets/model/) are assigned only
//                         from src/main/ets/session/ and from their own methods: ArkTS has no `internal`, so
//                         this rule is what keeps views, engines and apps from writing the session's state.
//                         Tests (src/test, src/ohosTest, tools/kit-tests, tools/**/test) may set a model up.
'use strict';
const path = require('path');
const { hasDecorator } = require('./ui-rules');
const { ruleProblems } = require('./rule-problems');

const MODEL_DIR = `${path.sep}src${path.sep}main${path.sep}ets${path.sep}model${path.sep}`;
const SESSION_DIR = `${path.sep}src${path.sep}main${path.sep}ets${path.sep}session${path.sep}`;
const RENDER_CALLBACK_OWNERS = new Set(['ForEach', 'LazyForEach', 'Repeat']);
const MUTATING_ARRAY_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const ASSIGNMENTS = new Set(['EqualsToken', 'PlusEqualsToken', 'MinusEqualsToken', 'AsteriskEqualsToken', 'SlashEqualsToken',
  'PercentEqualsToken', 'AmpersandAmpersandEqualsToken', 'BarBarEqualsToken', 'QuestionQuestionEqualsToken']);

function modelRules(sf, checker, ts) {
  const { problems, report } = ruleProblems(sf);
  const fileName = sf.fileName.split('/').join(path.sep);
  const assignmentKinds = new Set(Array.from(ASSIGNMENTS).map((k) => ts.SyntaxKind[k]));

  /** The project class declarations a (possibly union or nullable) type is made of. */
  function classesOf(type) {
    const parts = type.isUnion() ? type.types : [type];
    const out = [];
    for (const t of parts) {
      const sym = t.getSymbol();
      const decl = sym && sym.declarations && sym.declarations.find((d) => ts.isClassDeclaration(d));
      if (decl && !decl.getSourceFile().isDeclarationFile) out.push(decl);
    }
    return out;
  }

  /** The classes up the extends chain of `cls` (itself first) that the program declares. */
  function lineage(cls) {
    const out = [];
    for (let c = cls; c && out.length < 10;) {
      out.push(c);
      const ext = (c.heritageClauses || []).find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
      const base = ext && ext.types[0] && checker.getTypeAtLocation(ext.types[0].expression);
      c = base ? classesOf(base)[0] : undefined;
    }
    return out;
  }

  // ---- model-untracked-read -------------------------------------------------------------------------------

  /** For an @Observed class with @Track fields: its field declarations by name (with their class), else undefined. */
  const trackCache = new Map();
  function trackedClass(cls) {
    if (trackCache.has(cls)) return trackCache.get(cls);
    let info;
    const chain = lineage(cls);
    if (chain.some((c) => hasDecorator(ts, c, 'Observed'))) {
      const fields = new Map();
      const methods = new Map();
      for (const c of chain) {
        for (const m of c.members) {
          if (!m.name || !ts.isIdentifier(m.name)) continue;
          if (ts.isPropertyDeclaration(m) && !fields.has(m.name.text)) fields.set(m.name.text, m);
          if ((ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m)) && m.body && !methods.has(m.name.text)) methods.set(m.name.text, m);
        }
      }
      if (Array.from(fields.values()).some((f) => hasDecorator(ts, f, 'Track'))) info = { cls, fields, methods };
    }
    trackCache.set(cls, info);
    return info;
  }

  /** Untracked fields a class method reads through `this`, following its calls of other own methods. */
  function untrackedReadsOfMethod(info, method, seen) {
    const out = [];
    if (seen.has(method)) return out;
    seen.add(method);
    const visit = (n) => {
      if (ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(n.name)) {
        const field = info.fields.get(n.name.text);
        if (field && !hasDecorator(ts, field, 'Track') && !isWriteTarget(n)) out.push(n.name.text);
        const callee = info.methods.get(n.name.text);
        if (callee) out.push(...untrackedReadsOfMethod(info, callee, seen));
      }
      if (!ts.isFunctionLike(n) || n === method) ts.forEachChild(n, visit);
    };
    visit(method);
    return out;
  }

  function isWriteTarget(n) {
    const p = n.parent;
    return (ts.isBinaryExpression(p) && p.left === n && assignmentKinds.has(p.operatorToken.kind)) ||
      ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) &&
        (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken));
  }

  /** A render-time body: report reads of untracked fields of tracked classes. `structMethods` for this.m(). */
  function checkRenderBody(body, structMethods, seen) {
    const visit = (n) => {
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.name) && n.expression.kind !== ts.SyntaxKind.ThisKeyword) {
        for (const cls of classesOf(checker.getTypeAtLocation(n.expression))) {
          const info = trackedClass(cls);
          if (!info) continue;
          const field = info.fields.get(n.name.text);
          if (field && !hasDecorator(ts, field, 'Track') && !isWriteTarget(n)) {
            report(n, 'model-untracked-read', `'${n.getText(sf)}' is read while rendering, but ${cls.name.text} has @Track fields and '${n.name.text}' is not one: ArkUI throws "Illegal usage of not @Track'ed property" on a device. Mark it @Track.`);
          }
          const method = info.methods.get(n.name.text);
          if (method) {
            for (const name of new Set(untrackedReadsOfMethod(info, method, new Set()))) {
              report(n, 'model-untracked-read', `'${n.getText(sf)}' runs while rendering and reads '${name}', which is not @Track although ${cls.name.text} has @Track fields: ArkUI throws on a device. Mark '${name}' @Track.`);
            }
          }
        }
      }
      // this.helper() of the struct: its body renders too.
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) &&
        n.expression.expression.kind === ts.SyntaxKind.ThisKeyword && structMethods.has(n.expression.name.text)) {
        const m = structMethods.get(n.expression.name.text);
        if (!seen.has(m)) {
          seen.add(m);
          checkRenderBody(m.body, structMethods, seen);
        }
      }
      if (ts.isFunctionLike(n) && n.parent && !rendersNow(n)) return; // an event handler runs later
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
  }

  /** Whether a nested function runs during rendering: a ForEach/LazyForEach/Repeat item or key builder. */
  function rendersNow(fn) {
    const call = fn.parent;
    if (!call || !(ts.isCallExpression(call) || call.kind === ts.SyntaxKind.EtsComponentExpression)) return false;
    const callee = call.expression;
    return ts.isIdentifier(callee) && RENDER_CALLBACK_OWNERS.has(callee.text);
  }

  function checkStruct(struct) {
    const structMethods = new Map();
    for (const m of struct.members || []) {
      if (ts.isMethodDeclaration(m) && m.body && m.name && ts.isIdentifier(m.name)) structMethods.set(m.name.text, m);
    }
    for (const m of structMethods.values()) {
      if (m.name.text === 'build' || hasDecorator(ts, m, 'Builder') || hasDecorator(ts, m, 'LocalBuilder')) {
        checkRenderBody(m.body, structMethods, new Set([m]));
      }
    }
  }

  // ---- model-write-outside-session ------------------------------------------------------------------------

  const mayWriteModels = fileName.includes(SESSION_DIR) || /[\\/]src[\\/](test|ohosTest)[\\/]/.test(fileName) ||
    /[\\/]tools[\\/](kit-tests|.+[\\/]test)[\\/]/.test(fileName);

  /** The model class (declared under src/main/ets/model/) owning the property written through `target`. */
  function writtenModel(target) {
    let e = target;
    while (ts.isElementAccessExpression(e) || ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (!ts.isPropertyAccessExpression(e)) return undefined;
    const owner = classesOf(checker.getTypeAtLocation(e.expression))
      .find((c) => c.getSourceFile().fileName.split('/').join(path.sep).includes(MODEL_DIR));
    if (!owner) return undefined;
    // A model's own methods and constructor may set its fields.
    const enclosing = ts.findAncestor(target, (a) => ts.isClassDeclaration(a));
    if (enclosing && lineage(enclosing).includes(owner) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return undefined;
    return { owner, property: e };
  }

  function checkWrite(target, at) {
    if (mayWriteModels) return;
    const w = writtenModel(target);
    if (!w) return;
    report(at, 'model-write-outside-session', `'${w.property.getText(sf)}' writes the model ${w.owner.name.text} outside src/main/ets/session/: models are the session's state, written only by the session (and their own methods). Call a session method instead.`);
  }

  function walk(node) {
    if (node.kind === ts.SyntaxKind.StructDeclaration) checkStruct(node);
    if (ts.isFunctionDeclaration(node) && node.body && hasDecorator(ts, node, 'Builder')) checkRenderBody(node.body, new Map(), new Set());
    if (ts.isBinaryExpression(node) && assignmentKinds.has(node.operatorToken.kind)) checkWrite(node.left, node.left);
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) {
      checkWrite(node.operand, node);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) &&
      MUTATING_ARRAY_METHODS.has(node.expression.name.text)) {
      checkWrite(node.expression.expression, node);
    }
    ts.forEachChild(node, walk);
  }
  walk(sf);
  return problems;
}

module.exports = { modelRules };
