// SPDX-License-Identifier: Apache-2.0
// Turns what ets-loader logs (hvigor error records with a code, or `ArkTS:WARN File: path:line:col\n message`
// text) into { file, line, col, code, severity, message } and prints it like `npm run check` does. Warnings
// from the type checker carry no code in the loader's text; their TS code is recovered from the message.
'use strict';
const fs = require('fs');
const path = require('path');

let templates;
/** TypeScript's diagnostic messages as regexps → code, for naming the TS code of a coded-less warning. */
function diagnosticTemplates() {
  if (templates) return templates;
  templates = [];
  try {
    const ts = require('ohos-typescript');
    for (const d of Object.values(ts.Diagnostics)) {
      if (!d || typeof d.message !== 'string' || d.code < 1000) continue;
      const source = d.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d+\\\}/g, '.*');
      templates.push({ re: new RegExp(`^${source}$`), code: d.code });
    }
  } catch (e) {
    // Without ohos-typescript the codes stay unnamed.
  }
  return templates;
}

function stripColour(text) {
  return String(text).replace(/\u001b\[\d+m/g, '');
}

/** The real path of a reported file (our stand-in declarations are reached through scratch symlinks). */
function realFile(file) {
  try {
    return fs.realpathSync(file);
  } catch (e) {
    return file;
  }
}

/** One loader record → a problem, or undefined for the loader's chatter (the FAQ pointer). */
function parseLoaderProblem(record) {
  const text = stripColour(record.text).trim();
  if (/see FAQs/.test(text) && !/File:/.test(text)) return undefined;
  let file;
  let line = 0;
  let col = 0;
  let message = text;
  const where = /File: (.+?):(\d+):(\d+)/.exec(record.file || '') || /File: (.+?):(\d+):(\d+)/.exec(text);
  const fileOnly = /File: ([^\n]+)/.exec(record.file || '') || /File: ([^\n:]+)\n/.exec(text);
  if (where) {
    file = realFile(where[1]);
    line = Number(where[2]);
    col = Number(where[3]);
  } else if (fileOnly) {
    file = realFile(fileOnly[1].trim());
  }
  if (record.code === undefined) {
    message = text.replace(/^ArkTS:(WARN|ERROR|NOTE)\s*(File: [^\n]+)?\n?/, '').trim();
  }
  message = message.replace(/\s+/g, ' ').trim();
  let code = record.code;
  if (code === undefined) {
    const hit = diagnosticTemplates().find((t) => t.re.test(message));
    code = hit ? `TS${hit.code}` : 'ets-loader';
  }
  return { file, line, col, code: String(code), severity: record.severity, message };
}

function describeProblem(p, moduleName, mode) {
  const where = p.file ? `${path.relative(process.cwd(), p.file) || p.file}:${p.line}:${p.col}` : '<project>';
  return `${where} ${p.code}${p.severity === 'warning' ? ' (warning)' : ''} [${moduleName} ${mode}] ${p.message}`;
}

module.exports = { parseLoaderProblem, describeProblem };
