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

/** Member names of the exported declarations (props of structs, fields and methods of classes, enum members). */
function membersOf(names, sources) {
  const members = new Set();
  const parsed = new Map();
  for (const name of names) {
    const file = sources.get(name);
    if (!file || !fs.existsSync(file)) continue;
    if (!parsed.has(file)) parsed.set(file, parse(file));
    for (const st of parsed.get(file).statements) {
      if (!st.name || st.name.text !== name || !st.members) continue;
      for (const m of st.members) {
        const isPrivate = (ts.getModifiers ? ts.getModifiers(m) || [] : m.modifiers || [])
          .some((mod) => mod.kind === ts.SyntaxKind.PrivateKeyword);
        if (m.name && !isPrivate && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) members.add(m.name.text);
      }
    }
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
