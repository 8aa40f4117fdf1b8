// SPDX-License-Identifier: Apache-2.0
// The project's one reader of JSON5, the format of DevEco's config files (build-profile.json5, module.json5,
// oh-package.json5, mock-config.json5, app.json5): comments anywhere (also after a value on the same line),
// trailing commas, unquoted keys and single-quoted strings. TypeScript's JSON parser (the one
// ts.parseConfigFileTextToJson uses for tsconfig.json) reads all of that, so the tools, the checker rules and
// the host tests read config files through here instead of stripping comments with regular expressions.
'use strict';
const fs = require('fs');

/** ohos-typescript, loaded on first use (the upstream runner reads manifests before it loads its own loader). */
let tsModule;
function typescript() {
  if (tsModule === undefined) tsModule = require('ohos-typescript');
  return tsModule;
}

/**
 * Parses JSON5 text. Returns { value }, or { error, line, column } (1-based, where the parser stopped) for text
 * that does not parse: a missing comma or brace, an unterminated comment or string, nothing at all.
 */
function parseJson5(text, fileName = 'inline.json5') {
  const ts = typescript();
  const source = ts.parseJsonText(fileName, text);
  const syntax = source.parseDiagnostics[0];
  if (syntax !== undefined) {
    const at = source.getLineAndCharacterOfPosition(syntax.start);
    return { error: ts.flattenDiagnosticMessageText(syntax.messageText, ' '), line: at.line + 1, column: at.character + 1 };
  }
  if (source.statements.length === 0) return { error: 'there is no value', line: 1, column: 1 };
  // Conversion complains only about what JSON forbids and JSON5 allows (unquoted keys, single quotes).
  return { value: ts.convertToObject(source, []) };
}

/** The value of a JSON5 file; throws, naming the file and the position, when it does not parse. */
function readJson5(file) {
  const parsed = parseJson5(fs.readFileSync(file, 'utf8'), file);
  if (parsed.error !== undefined) throw new Error(`${file}:${parsed.line}:${parsed.column}: ${parsed.error}`);
  return parsed.value;
}

module.exports = { parseJson5, readJson5 };
