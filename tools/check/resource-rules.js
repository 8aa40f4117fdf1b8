// SPDX-License-Identifier: Apache-2.0
// Resource checks DevEco makes at build time and the npm-only checker lacks (toolchain reference §11,
// divergence 1): every `$r('app.<type>.<name>')` / `$rawfile('<path>')` literal must name a resource that
// exists in the module (a HAP also sees its HARs' and AppScope's resources). On top of DevEco, the project's
// own standards: UI text and colours come from resources, every base string has zh_CN and en_US entries,
// and every base colour has a dark variant.
'use strict';
const fs = require('fs');
const path = require('path');
const { FILE_TYPES, moduleRootOf, indexResources, visibleResourceDirs, resourcesDirOf } = require('./module-resources');
const { ruleProblems } = require('./rule-problems');

const ELEMENT_TYPES = new Set(['string', 'color', 'float', 'boolean', 'integer', 'intarray', 'strarray', 'plural', 'pattern', 'theme', 'symbol']);
const TEXT_COMPONENTS = new Set(['Text', 'Span', 'Button']);
const TEXT_ATTRIBUTES = new Set(['accessibilityText', 'accessibilityDescription', 'placeholder']);
const COLOR_ATTRIBUTE = /(^|[a-z])(color|Color)$|^fill$|^stroke$/;

function resourceExists(moduleRoot, key, sourceSet) {
  return visibleResourceDirs(moduleRoot, sourceSet).some((d) => indexResources(d).has(key));
}

function resourceRules(sf, ts) {
  const { problems, report } = ruleProblems(sf);
  const moduleRoot = moduleRootOf(sf.fileName);
  const setMatch = /[\\/]src[\\/]([A-Za-z]+)[\\/]/.exec(sf.fileName);
  const sourceSet = setMatch ? setMatch[1] : 'main';
  const isProductCode = /[\\/]src[\\/]main[\\/]ets[\\/]/.test(sf.fileName);

  function checkReference(call, fn) {
    const arg = call.arguments[0];
    if (!arg || !ts.isStringLiteralLike(arg)) {
      report(call, 'resource-literal', `${fn}() takes a string literal naming the resource; DevEco resolves it at build time.`);
      return;
    }
    if (!moduleRoot) return;
    if (fn === '$rawfile') {
      if (!resourceExists(moduleRoot, 'rawfile:' + arg.text, sourceSet)) report(arg, 'resource-unknown', `rawfile '${arg.text}' does not exist under src/main/resources/rawfile/.`);
      return;
    }
    const parts = arg.text.split('.');
    if (parts.length !== 3 || (parts[0] !== 'app' && parts[0] !== 'sys')) {
      report(arg, 'resource-format', `'${arg.text}' is not a resource reference; write $r('app.<type>.<name>').`);
      return;
    }
    if (!ELEMENT_TYPES.has(parts[1]) && !FILE_TYPES.has(parts[1])) {
      report(arg, 'resource-type', `unknown resource type '${parts[1]}' in '${arg.text}'.`);
      return;
    }
    if (parts[0] === 'sys') return; // the list of system resources is not available on the host
    if (!resourceExists(moduleRoot, `${parts[1]}.${parts[2]}`, sourceSet)) {
      const where = ELEMENT_TYPES.has(parts[1]) ? `resources/base/element/${parts[1]}.json` : `resources/base/${parts[1]}/`;
      report(arg, 'resource-unknown', `resource '${arg.text}' does not exist; add '${parts[2]}' to ${where} of ${path.basename(moduleRoot)}.`);
    }
  }

  function isHardCodedColor(arg) {
    if (ts.isStringLiteralLike(arg) && /^(#|rgb|hsl)/i.test(arg.text)) return true;
    if (ts.isPropertyAccessExpression(arg) && arg.expression.getText() === 'Color' && arg.name.text !== 'Transparent') return true;
    return ts.isNumericLiteral(arg);
  }

  function walk(node) {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === '$r' || node.expression.text === '$rawfile')) {
      checkReference(node, node.expression.text);
    }
    if (isProductCode) {
      if (node.kind === ts.SyntaxKind.EtsComponentExpression && TEXT_COMPONENTS.has(node.expression.getText())) {
        const a = node.arguments && node.arguments[0];
        if (a && ts.isStringLiteralLike(a) && a.text.trim() !== '') {
          report(a, 'ui-hardcoded-text', `UI text '${a.text}' is hard-coded; put it in resources (base, zh_CN, en_US) and use $r('app.string.<name>').`);
        }
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const attr = node.expression.name.text;
        const a = node.arguments[0];
        if (a && TEXT_ATTRIBUTES.has(attr) && ts.isStringLiteralLike(a) && a.text.trim() !== '') {
          report(a, 'ui-hardcoded-text', `.${attr}('${a.text}') is hard-coded; use $r('app.string.<name>').`);
        }
        if (a && COLOR_ATTRIBUTE.test(attr) && isHardCodedColor(a)) {
          report(a, 'ui-hardcoded-color', `.${attr}(${a.getText()}) is a hard-coded colour; add it to resources/base/element/color.json (with a dark variant) and use $r('app.color.<name>').`);
        }
      }
    }
    ts.forEachChild(node, walk);
  }
  walk(sf);
  return problems;
}

function readNames(file, type) {
  if (!fs.existsSync(file)) return undefined;
  try { return new Set((JSON.parse(fs.readFileSync(file, 'utf8'))[type] || []).map((i) => i.name)); } catch (e) { return new Set(); }
}

/** Module-level checks: translations and dark colours. Returns problems located in the JSON files. */
function moduleResourceProblems(moduleRoot) {
  const problems = [];
  const res = resourcesDirOf(moduleRoot);
  const baseStrings = readNames(path.join(res, 'base', 'element', 'string.json'), 'string');
  if (baseStrings) {
    for (const locale of ['zh_CN', 'en_US']) {
      const file = path.join(res, locale, 'element', 'string.json');
      const names = readNames(file, 'string') || new Set();
      for (const n of baseStrings) {
        if (!names.has(n)) problems.push({ file, line: 1, col: 1, rule: 'resource-translation', message: `string '${n}' of base has no ${locale} entry.`, severity: 'error' });
      }
    }
  }
  const baseColors = readNames(path.join(res, 'base', 'element', 'color.json'), 'color');
  if (baseColors) {
    const file = path.join(res, 'dark', 'element', 'color.json');
    const names = readNames(file, 'color') || new Set();
    for (const n of baseColors) {
      if (!names.has(n)) problems.push({ file, line: 1, col: 1, rule: 'resource-dark', message: `colour '${n}' has no dark variant.`, severity: 'error' });
    }
  }
  return problems;
}

module.exports = { resourceRules, moduleResourceProblems };
