// SPDX-License-Identifier: Apache-2.0
// Generates components/consumer-rules.txt from components/Index.ets: the obfuscation rules the HAR ships to
// every app that depends on it must keep the public API's names (exported names, and the members of exported
// classes, structs, interfaces and enums, which apps set and read by name). Hand-kept lists drift, so the
// file is generated, and a test fails when it is out of date. Usage: node tools/check/consumer-rules.js [--write]
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('ohos-typescript');
const { etsOptions, REPO_ROOT } = require('./ets-options');

const INDEX = path.join(REPO_ROOT, 'components', 'Index.ets');
const RULES = path.join(REPO_ROOT, 'components', 'consumer-rules.txt');

function parse(file) {
  const text = fs.readFileSync(file, 'utf8');
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2021, true, file.endsWith('.ets') ? ts.ScriptKind.ETS : ts.ScriptKind.TS);
}

/** Exported names of Index.ets and the files they come from. */
function exportsOfIndex() {
  const sf = parse(INDEX);
  const names = [];
  const sources = new Map();
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      const from = path.resolve(path.dirname(INDEX), st.moduleSpecifier.text) + '.ets';
      for (const el of st.exportClause.elements) {
        names.push(el.name.text);
        sources.set(el.name.text, from);
      }
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) names.push(d.name.getText());
    }
  }
  return { names, sources };
}

/** The file a name is imported from in `sf` (a relative .ets import), or undefined. */
function importedFrom(sf, name) {
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause || !st.importClause.namedBindings ||
      !ts.isNamedImports(st.importClause.namedBindings) || !st.moduleSpecifier.text.startsWith('.')) continue;
    if (st.importClause.namedBindings.elements.some((el) => el.name.text === name)) {
      return path.resolve(path.dirname(sf.fileName), st.moduleSpecifier.text) + '.ets';
    }
  }
  return undefined;
}

/**
 * Member names of the exported declarations (props of structs, fields and methods of classes, enum members),
 * including what a class inherits from the classes it extends, and following `export { X } from` re-exports.
 */
function membersOf(names, sources) {
  const members = new Set();
  const parsed = new Map();
  const parsedFile = (file) => {
    if (!parsed.has(file)) parsed.set(file, parse(file));
    return parsed.get(file);
  };
  const collect = (name, file, depth) => {
    if (!file || !fs.existsSync(file) || depth > 8) return;
    const sf = parsedFile(file);
    for (const st of sf.statements) {
      if (ts.isExportDeclaration(st) && st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause) &&
        st.exportClause.elements.some((el) => el.name.text === name)) {
        collect(name, path.resolve(path.dirname(file), st.moduleSpecifier.text) + '.ets', depth + 1);
      }
      if (!st.name || st.name.text !== name || !st.members) continue;
      for (const m of st.members) {
        const isPrivate = (ts.getModifiers ? ts.getModifiers(m) || [] : m.modifiers || [])
          .some((mod) => mod.kind === ts.SyntaxKind.PrivateKeyword || mod.kind === ts.SyntaxKind.ProtectedKeyword);
        if (m.name && !isPrivate && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) members.add(m.name.text);
      }
      for (const clause of st.heritageClauses || []) {
        if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
        for (const type of clause.types) {
          const base = type.expression.getText(sf);
          collect(base, importedFrom(sf, base) || file, depth + 1);
        }
      }
    }
  };
  for (const name of names) {
    collect(name, sources.get(name), 0);
  }
  members.delete('constructor');
  return Array.from(members).sort();
}

function render() {
  const { names, sources } = exportsOfIndex();
  const lines = [
    '# Obfuscation rules that ship with the `components` HAR and are merged into the obfuscation of every',
    '# app (HAP/HSP) that depends on it (build-profile.json5 > arkOptions.obfuscation.consumerFiles).',
    '# GENERATED from Index.ets by `node tools/check/consumer-rules.js --write`; a test fails when it is stale.',
    '# Reference: https://developer.huawei.com/consumer/en/doc/harmonyos-guides-V5/source-obfuscation-V5',
    '',
    '# The exported names of the kit (Index.ets).',
    '-keep-global-name',
    ...Array.from(new Set(names)).sort(),
    '',
    '# Members of the exported classes, structs, interfaces and enums: apps set and read them by name.',
    '-keep-property-name',
    ...membersOf(names, sources),
    '',
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const text = render();
  if (process.argv.includes('--write')) {
    fs.writeFileSync(RULES, text);
    process.stdout.write(`wrote ${path.relative(REPO_ROOT, RULES)}\n`);
  } else {
    process.stdout.write(text);
  }
}

module.exports = { render, RULES };
