// SPDX-License-Identifier: Apache-2.0
// Rules the docs must keep, as plain functions that tools/docs/test/ runs on the real docs and on fixtures
// (so each rule is shown to fail): every export of the kit is documented; a Chinese page says the same as its
// English page (headings, code blocks, tables, links); relative links and their #anchors resolve; the texts a
// doc quotes as shown on screen are the kit's own strings; the CHANGELOG, oh-package.json5 and KIT_VERSION
// agree. Markdown is read with the same fence parser as the doc-sample check (doc-samples.js).
'use strict';
const fs = require('fs');
const path = require('path');
const { codeBlocks, kitExports } = require('./doc-samples');

/** The markdown text without fenced code blocks (their lines become empty, so line numbers stay). */
function prose(text) {
  const lines = text.split('\n');
  for (const b of codeBlocks(text)) {
    for (let i = b.line - 1; i <= b.line + b.lines.length && i < lines.length; i++) lines[i] = '';
  }
  return lines.join('\n');
}

/** Inline code spans of a piece of markdown, in order. */
function codeSpans(text) {
  const out = [];
  for (const m of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) out.push(m[2].trim());
  return out;
}

/** Headings: { level, text, line }. */
function headings(text) {
  const out = [];
  prose(text).split('\n').forEach((l, i) => {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
    if (m) out.push({ level: m[1].length, text: m[2], line: i + 1 });
  });
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation removed (letters of any script kept), spaces to '-'. */
function slug(heading) {
  return heading.replace(/`/g, '').trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Every anchor a page defines (duplicates get -1, -2, ... as on GitHub). */
function anchors(text) {
  const seen = new Map();
  const out = new Set();
  for (const h of headings(text)) {
    const base = slug(h.text);
    const n = seen.get(base) || 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Links of the prose: { target, line } (markdown links and images, and HTML `<img src>`; not code). */
function links(text) {
  const out = [];
  prose(text).split('\n').forEach((l, i) => {
    const noCode = l.replace(/`[^`]*`/g, '');
    for (const m of noCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) out.push({ target: m[1], line: i + 1 });
    for (const m of noCode.matchAll(/<img\s[^>]*src="([^"]+)"/g)) out.push({ target: m[1], line: i + 1 });
  });
  return out;
}

/**
 * Relative links of `mdFile` that do not resolve: a missing file, or a #anchor the target page does not have.
 * Returns messages `file:line target: why`.
 */
function brokenLinks(mdFile) {
  const text = fs.readFileSync(mdFile, 'utf8');
  const problems = [];
  for (const { target, line } of links(text)) {
    if (/^[a-z]+:/i.test(target)) continue;
    const [file, anchor] = target.split('#');
    const resolved = file === '' ? mdFile : path.resolve(path.dirname(mdFile), decodeURIComponent(file));
    const where = `${path.basename(mdFile)}:${line} ${target}`;
    if (!fs.existsSync(resolved)) {
      problems.push(`${where}: ${path.relative(path.dirname(mdFile), resolved)} does not exist`);
      continue;
    }
    if (anchor !== undefined && anchor !== '' && resolved.endsWith('.md')) {
      const ids = anchors(fs.readFileSync(resolved, 'utf8'));
      if (!ids.has(decodeURIComponent(anchor))) problems.push(`${where}: no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}

/** Markdown tables: [{ line, rows: string[] (data rows, the header included) }]. */
function tables(text) {
  const out = [];
  let current;
  prose(text).split('\n').forEach((l, i) => {
    if (/^\s*\|.*\|\s*$/.test(l)) {
      if (!current) { current = { line: i + 1, rows: [] }; out.push(current); }
      if (!/^\s*\|[\s:|-]+\|\s*$/.test(l)) current.rows.push(l);
    } else {
      current = undefined;
    }
  });
  return out;
}

/** Code without comments, trailing spaces and blank lines: what a translation must keep identical. */
function codeWithoutComments(lines, lang) {
  let text = lines.join('\n');
  if (lang === 'sh' || lang === 'bash' || lang === 'shell') {
    text = text.replace(/(^|\s)#.*$/gm, '$1');
  } else {
    text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  }
  return text.split('\n').map((l) => l.replace(/\s+$/, '')).filter((l) => l !== '').join('\n');
}

/**
 * A link target as both languages should have it: the English page's file without the anchor, and a picture's
 * English variant (the gallery names them `<State>.<theme>.<en_US|zh_CN>.png`).
 */
function normalizedLink(target) {
  return target.split('#')[0].replace(/\.zh-CN\.md$/, '.md').replace(/\.zh_CN\.(png|jpg|svg)$/, '.en_US.$1');
}

function multiset(items) {
  return JSON.stringify(items.slice().sort());
}

/**
 * What differs between an English page and its Chinese translation, as messages (empty when they say the same
 * thing): the headings (count, levels and the code and numbers in each), the code blocks (language, attributes
 * and code without comments), the tables (rows and their code spans) and the relative links.
 */
function translationDifferences(en, zh) {
  const out = [];
  const he = headings(en);
  const hz = headings(zh);
  if (he.length !== hz.length) out.push(`headings: ${he.length} in English, ${hz.length} in Chinese`);
  for (let i = 0; i < Math.min(he.length, hz.length); i++) {
    const a = he[i];
    const b = hz[i];
    if (a.level !== b.level) out.push(`heading ${i + 1} ("${a.text}" / "${b.text}"): level ${a.level} in English, ${b.level} in Chinese`);
    const keyOf = (t) => multiset(codeSpans(t).concat(t.replace(/`[^`]*`/g, '').match(/\d+/g) || []));
    if (keyOf(a.text) !== keyOf(b.text)) out.push(`heading ${i + 1} ("${a.text}" / "${b.text}"): the code and numbers differ`);
  }
  const be = codeBlocks(en);
  const bz = codeBlocks(zh);
  if (be.length !== bz.length) out.push(`code blocks: ${be.length} in English, ${bz.length} in Chinese`);
  for (let i = 0; i < Math.min(be.length, bz.length); i++) {
    const a = be[i];
    const b = bz[i];
    if (a.info !== b.info) out.push(`code block ${i + 1} (line ${a.line} / ${b.line}): \`${a.info}\` in English, \`${b.info}\` in Chinese`);
    else if (codeWithoutComments(a.lines, a.lang) !== codeWithoutComments(b.lines, b.lang)) {
      out.push(`code block ${i + 1} (line ${a.line} / ${b.line}): the code differs (comments aside)`);
    }
  }
  const te = tables(en);
  const tz = tables(zh);
  if (te.length !== tz.length) out.push(`tables: ${te.length} in English, ${tz.length} in Chinese`);
  for (let i = 0; i < Math.min(te.length, tz.length); i++) {
    if (te[i].rows.length !== tz[i].rows.length) {
      out.push(`table ${i + 1} (line ${te[i].line} / ${tz[i].line}): ${te[i].rows.length} rows in English, ${tz[i].rows.length} in Chinese`);
      continue;
    }
    for (let r = 0; r < te[i].rows.length; r++) {
      if (multiset(codeSpans(te[i].rows[r])) !== multiset(codeSpans(tz[i].rows[r]))) {
        out.push(`table ${i + 1} row ${r + 1} (line ${te[i].line + r}): the code spans differ`);
      }
    }
  }
  const relative = (t) => links(t).map((l) => l.target).filter((x) => !/^[a-z]+:/i.test(x) && !x.startsWith('#'))
    .map(normalizedLink);
  const le = relative(en);
  const lz = relative(zh);
  if (multiset(le) !== multiset(lz)) {
    const missing = le.filter((x) => !lz.includes(x));
    const extra = lz.filter((x) => !le.includes(x));
    out.push(`links differ: only in English ${JSON.stringify(missing)}, only in Chinese ${JSON.stringify(extra)}`);
  }
  return out;
}

/** Pairs [english, chinese] of the docs: every X.zh-CN.md with its X.md. */
function translationPairs(root) {
  const pairs = [];
  for (const dir of [root, path.join(root, 'docs')]) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.zh-CN.md'))) {
      pairs.push([path.join(dir, f.replace(/\.zh-CN\.md$/, '.md')), path.join(dir, f)]);
    }
  }
  return pairs;
}

/**
 * Exports of `indexFile` mentioned in none of `mdFiles`, where mentioned means named in an inline code span
 * (`Name`, `Name(...)`, `Name.member`) or in an `arkts` code block.
 */
function undocumentedExports(indexFile, mdFiles) {
  const names = new Set();
  for (const f of mdFiles) {
    const text = fs.readFileSync(f, 'utf8');
    for (const span of codeSpans(prose(text))) for (const w of span.match(/[A-Za-z_][A-Za-z0-9_]*/g) || []) names.add(w);
    for (const b of codeBlocks(text)) {
      if (b.lang === 'arkts') for (const w of b.lines.join('\n').match(/[A-Za-z_][A-Za-z0-9_]*/g) || []) names.add(w);
    }
  }
  return kitExports(indexFile).filter((n) => !names.has(n));
}

/**
 * Texts a doc quotes as shown on screen (between “ and ”) that are none of `strings` (a map of the kit's
 * strings in the doc's language). In a string, %d and %s stand for any value; in the doc, … or <code> may
 * stand for a number. Returns messages `line “text”`.
 */
function unknownScreenTexts(text, strings) {
  const patterns = Array.from(strings.values()).map((v) => {
    const escaped = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%(\d+\$)?d/g, '(?:\\d+|…|<code>)').replace(/%(\d+\$)?s/g, '.+');
    return new RegExp(`^${escaped}$`);
  });
  const out = [];
  prose(text).split('\n').forEach((l, i) => {
    for (const m of l.matchAll(/“([^”]+)”/g)) {
      if (!patterns.some((p) => p.test(m[1]))) out.push(`${i + 1} “${m[1]}”`);
    }
  });
  return out;
}

/**
 * Paths of this repository a doc names in code spans (`components/...`, `demo/...`, `tools/...`, `docs/...`,
 * `AppScope/...`) that do not exist. Build output (`.../build/...`) and placeholders (`<...>`, `*`) are skipped.
 */
function missingRepoPaths(text, root) {
  const out = [];
  for (const span of codeSpans(prose(text))) {
    if (!/^(components|demo|tools|docs|AppScope)\/[\w./@+-]*$/.test(span) || /(^|\/)build(\/|$)/.test(span)) continue;
    if (!fs.existsSync(path.join(root, span))) out.push(span);
  }
  return Array.from(new Set(out));
}

/** Every numeric error code an ArkTS source declares (`= 1002033`, `= 2000001`: seven digits). */
function declaredCodes(sourceText) {
  const codes = new Set();
  for (const m of sourceText.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/=\s*(\d{7})\b/g)) {
    codes.add(Number(m[1]));
  }
  return Array.from(codes).sort();
}

/** The codes of `codes` a doc mentions nowhere, neither as a number nor inside a range `A–B` (en dash). */
function unmentionedCodes(docText, codes) {
  const named = new Set((docText.match(/\b\d{7}\b/g) || []).map(Number));
  const ranges = Array.from(docText.matchAll(/\b(\d{7})–(\d{7})\b/g)).map((m) => [Number(m[1]), Number(m[2])]);
  return codes.filter((c) => !named.has(c) && !ranges.some((r) => c >= r[0] && c <= r[1]));
}

/** The newest released version of a CHANGELOG: the first `## [x.y.z]` heading. */
function changelogVersion(text) {
  const m = /^##\s+\[(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]/m.exec(text);
  return m ? m[1] : undefined;
}

module.exports = {
  prose, headings, slug, anchors, links, brokenLinks, tables, translationDifferences, translationPairs,
  undocumentedExports, unknownScreenTexts, changelogVersion, declaredCodes, unmentionedCodes, missingRepoPaths,
};
