// SPDX-License-Identifier: Apache-2.0
// API level check (toolchain reference §11, divergence 6). The SDK declarations on npm are API 13, but the
// project targets the compatibleSdkVersion of build-profile.json5 (API 12): an API whose declaration says
// `@since 13` type-checks on the host yet fails on a device running the target level. DevEco reports such
// uses; this rule reports every use in project code (name, property access, call, type reference,
// component, attribute, object-literal key of an SDK type) of an SDK declaration newer than the target.
'use strict';
const fs = require('fs');
const path = require('path');

const { SDK_DIST } = require('./ets-options');
const { parseJson5 } = require('./json5');
const { ruleProblems } = require('./rule-problems');

const SDK_MARKER = SDK_DIST + path.sep;

/** An API level as build-profile.json5 writes it: "5.0.0(12)" (HarmonyOS) or 12 (OpenHarmony) → 12. */
function apiLevelOf(value) {
  const m = /\((\d+)\)\s*$/.exec(String(value)) || /^\s*(\d+)\s*$/.exec(String(value));
  return m ? Number(m[1]) : NaN;
}

/** Every value stored under `key` anywhere in a parsed JSON value. */
function valuesOfKey(value, key) {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === key ? [v] : []).concat(valuesOfKey(v, key)));
}

const targetCache = new Map();
/**
 * The target API level for a file: the lowest `compatibleSdkVersion` ("5.0.0(12)" or 12) in the nearest
 * build-profile.json5 above it that has one. Returns { level, text } or undefined.
 */
function targetOf(file) {
  let dir = path.dirname(file);
  const visited = [];
  let found;
  for (;;) {
    if (targetCache.has(dir)) { found = targetCache.get(dir); break; }
    visited.push(dir);
    const profile = path.join(dir, 'build-profile.json5');
    if (fs.existsSync(profile)) {
      let best;
      for (const raw of valuesOfKey(parseJson5(fs.readFileSync(profile, 'utf8'), profile).value, 'compatibleSdkVersion')) {
        const level = apiLevelOf(raw);
        if (Number.isFinite(level) && (!best || level < best.level)) best = { level, text: String(raw) };
      }
      if (best) { found = best; break; }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const d of visited) targetCache.set(d, found);
  return found;
}

function isSdkDeclaration(decl) {
  const sf = decl.getSourceFile();
  return sf !== undefined && sf.fileName.split('/').join(path.sep).includes(SDK_MARKER);
}

/**
 * The lowest `@since` over every JSDoc comment of a node. SDK members carry one comment per release that
 * widened them (`@since 9`, then `@crossplatform @since 10`, ... `@atomicservice @since 13`); the API exists
 * since the first. ts.getJSDocTags reads only the last comment, so the comments are read directly.
 */
function ownSince(ts, node) {
  const host = ts.isVariableDeclaration(node) && node.parent && node.parent.parent && ts.isVariableStatement(node.parent.parent)
    ? node.parent.parent : node;
  let min;
  for (const doc of host.jsDoc || []) {
    for (const tag of doc.tags || []) {
      if (tag.tagName.text !== 'since') continue;
      const comment = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
      const level = Number.parseInt(comment || '', 10);
      if (Number.isFinite(level) && (min === undefined || level < min)) min = level;
    }
  }
  return min;
}

/** `@since` of a declaration, or of the nearest enclosing declaration that has one; 0 when none says. */
function sinceOf(ts, decl, cache) {
  if (cache.has(decl)) return cache.get(decl);
  let level = ownSince(ts, decl);
  if (level === undefined) level = decl.parent && !ts.isSourceFile(decl.parent) ? sinceOf(ts, decl.parent, cache) : 0;
  cache.set(decl, level);
  return level;
}

/** A readable name: `Owner.member` for class, interface, enum and namespace members, else the name. */
function displayName(ts, sym, decl) {
  const owner = decl.parent;
  const named = owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner) || ts.isEnumDeclaration(owner)
    || ts.isModuleBlock(owner));
  if (!named) return sym.name;
  const ownerNode = ts.isModuleBlock(owner) ? owner.parent : owner;
  return ownerNode.name ? `${ownerNode.name.text}.${sym.name}` : sym.name;
}

/** Per-program caches: symbol → { level, name } (level 0 when usable at any target). */
const programCaches = new WeakMap();

function cachesFor(checker) {
  let c = programCaches.get(checker);
  if (!c) { c = { symbols: new Map(), decls: new Map() }; programCaches.set(checker, c); }
  return c;
}

/** The minimum @since of the symbol's SDK declarations (0 when it has none, or one of them has no tag). */
function levelOfSymbol(ts, checker, sym, caches) {
  if (caches.symbols.has(sym)) return caches.symbols.get(sym);
  let info = { level: 0, name: sym.name };
  let target = sym;
  if (target.flags & ts.SymbolFlags.Alias) {
    try { target = checker.getAliasedSymbol(target); } catch (e) { target = sym; }
  }
  const decls = (target.declarations || []).filter(isSdkDeclaration);
  if (decls.length > 0) {
    let min = Infinity;
    let at = decls[0];
    for (const d of decls) {
      const level = sinceOf(ts, d, caches.decls);
      if (level < min) { min = level; at = d; }
    }
    info = { level: min, name: displayName(ts, target, at) };
  }
  caches.symbols.set(sym, info);
  return info;
}

/** For a key of an object literal typed by the SDK (`{ keyboardAvoidMode: ... }`), the SDK property symbol. */
function contextualPropertySymbol(ts, checker, id) {
  const prop = id.parent;
  if (!prop || prop.name !== id || !(ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop))) return undefined;
  const literal = prop.parent;
  if (!literal || !ts.isObjectLiteralExpression(literal)) return undefined;
  const type = checker.getContextualType(literal);
  if (!type) return undefined;
  const types = type.isUnion() ? type.types : [type];
  for (const t of types) {
    const p = checker.getPropertyOfType(t, id.text);
    if (p) return p;
  }
  return undefined;
}

/**
 * Problems for one source file: `{ line, col, rule: 'api-level', message, severity }` for every use of an SDK
 * API whose declarations all say `@since N` with N above the project's target level.
 */
function apiLevelRules(sf, checker, ts) {
  const target = targetOf(sf.fileName);
  if (!target || isSdkDeclaration(sf)) return [];
  const caches = cachesFor(checker);
  const { problems, report } = ruleProblems(sf);
  const reported = new Set();

  function visitIdentifier(id) {
    const parent = id.parent;
    // A member of something already reported (`NewEnum.MEMBER`, `NewNamespace.Type`) adds nothing.
    if (parent && ((ts.isPropertyAccessExpression(parent) && parent.name === id && reported.has(parent.expression))
      || (ts.isQualifiedName(parent) && parent.right === id && reported.has(parent.left)))) return;
    let sym = contextualPropertySymbol(ts, checker, id);
    if (!sym) sym = checker.getSymbolAtLocation(id);
    if (!sym) return;
    const info = levelOfSymbol(ts, checker, sym, caches);
    if (info.level <= target.level) return;
    reported.add(id);
    if (parent && ts.isPropertyAccessExpression(parent) && parent.name === id) reported.add(parent);
    if (parent && ts.isQualifiedName(parent) && parent.right === id) reported.add(parent);
    report(id, 'api-level',
      `'${info.name}' is available since API ${info.level}; the project targets API ${target.level} (compatibleSdkVersion ${target.text}).`);
  }

  function walk(node) {
    // Imports name what the uses below report; reporting both would say everything twice.
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node)) return;
    if (ts.isIdentifier(node)) { visitIdentifier(node); return; }
    ts.forEachChild(node, walk);
  }
  walk(sf);
  return problems;
}

module.exports = { apiLevelRules, apiLevelOf };
