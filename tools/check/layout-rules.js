// SPDX-License-Identifier: Apache-2.0
// Rules about where things live in a DevEco module, which the compiler only finds late or not at all:
//   test-suite-name    a describe() name in src/test (DevEco's Local Test) outside [A-Za-z0-9_.]: Local Test
//                      refuses the suite (error 00521002);
//   page-unregistered  an @Entry struct whose page is not listed in the pages profile of its source set
//                      (src/main/module.json5 "pages": "$profile:main_pages" → resources/base/profile/
//                      main_pages.json): the router can never open it, and the previewer treats it as a page
//                      nobody configured.
'use strict';
const fs = require('fs');
const path = require('path');
const { hasDecorator } = require('./ui-rules');
const { parseJson5 } = require('./json5');
const { ruleProblems } = require('./rule-problems');

const SUITE_NAME = /^[A-Za-z0-9_.]+$/;

/** The source set a file is in: { root: <module>/src/<set>, ets: <root>/ets }, or undefined. */
function sourceSetOf(file) {
  const m = /^(.*[\\/]src[\\/][^\\/]+)[\\/]ets[\\/]/.exec(file);
  return m ? { root: m[1], ets: path.join(m[1], 'ets') } : undefined;
}

const pagesCache = new Map();
/** The pages listed in a source set's pages profile, or undefined when it has no pages profile. */
function registeredPages(set) {
  if (pagesCache.has(set.root)) return pagesCache.get(set.root);
  let pages;
  const manifest = path.join(set.root, 'module.json5');
  if (fs.existsSync(manifest)) {
    const module = (parseJson5(fs.readFileSync(manifest, 'utf8'), manifest).value || {}).module || {};
    const profile = typeof module.pages === 'string' ? /^\$profile:(.+)$/.exec(module.pages) : null;
    const file = profile ? path.join(set.root, 'resources', 'base', 'profile', `${profile[1]}.json`) : undefined;
    if (file && fs.existsSync(file)) {
      let src = [];
      try {
        src = JSON.parse(fs.readFileSync(file, 'utf8')).src || [];
      } catch (e) {
        src = []; // a profile that does not parse registers nothing (the resource rules report the file itself)
      }
      pages = { file, src: new Set(src.map(String)) };
    }
  }
  pagesCache.set(set.root, pages);
  return pages;
}

function layoutRules(sf, ts) {
  const { problems, report } = ruleProblems(sf);
  const file = sf.fileName.split('/').join(path.sep);
  const isLocalTest = /[\\/]src[\\/]test[\\/]/.test(file);

  function checkSuiteName(call) {
    const name = call.arguments[0];
    if (!name) return;
    if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
      if (!SUITE_NAME.test(name.text)) {
        report(name, 'test-suite-name', `describe('${name.text}') will not run: DevEco's Local Test takes suite names of letters, digits, '_' and '.' only (error 00521002); use e.g. '${name.text.replace(/[^A-Za-z0-9_.]+/g, '')}'.`);
      }
    } else {
      report(name, 'test-suite-name', 'describe() needs a string literal name (letters, digits, \'_\' and \'.\'), so the suite name DevEco\'s Local Test sees can be checked.');
    }
  }

  function checkPageRegistered(struct) {
    const set = sourceSetOf(file);
    if (!set) return;
    const page = path.relative(set.ets, file).replace(/\.ets$/, '').split(path.sep).join('/');
    const pages = registeredPages(set);
    const name = struct.name ? struct.name.text : '<anonymous>';
    if (!pages) {
      report(struct.name || struct, 'page-unregistered', `@Entry '${name}' is a page, but ${path.relative(process.cwd(), path.join(set.root, 'module.json5'))} names no pages profile ("pages": "$profile:main_pages"), so nothing can open it.`);
    } else if (!pages.src.has(page)) {
      report(struct.name || struct, 'page-unregistered', `@Entry '${name}' is not listed in ${path.relative(process.cwd(), pages.file)}: add "${page}" to "src", or the router cannot open it.`);
    }
  }

  function walk(node) {
    if (isLocalTest && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'describe') {
      checkSuiteName(node);
    }
    if (node.kind === ts.SyntaxKind.StructDeclaration && hasDecorator(ts, node, 'Entry')) checkPageRegistered(node);
    ts.forEachChild(node, walk);
  }
  walk(sf);
  return problems;
}

module.exports = { layoutRules };
