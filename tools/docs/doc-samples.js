// SPDX-License-Identifier: Apache-2.0
// Doc samples: every code block of README*.md and docs/*.md marked `arkts` is compiled by `npm run check`, so
// a sample that would not build in DevEco fails the check where it is written (`README.md:42:7 TS2345 ...`).
// Each markdown file becomes a small app project under .tmp/doc-samples/<doc>/: its blocks are written as the
// `entry` module's files (complete files as they are; fragments inside a named context, tools/docs/contexts/),
// then checked with the rest of the project by tools/check/checker.js, and problems are mapped back to the
// markdown lines. Pages (blocks with @Entry) are also rendered by tools/kit-tests/DocPages.render.test.ts.
// The convention is described in tools/docs/README.md.
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT } = require('../check/ets-options');
const { parseJson5 } = require('../check/json5');

/** Where the generated projects go (git-ignored host tooling output). */
const DEFAULT_OUT_DIR = path.join(REPO_ROOT, '.tmp', 'doc-samples');
const CONTEXT_DIR = path.join(__dirname, 'contexts');
const CONTEXTS = ['build', 'struct', 'ability', 'function'];
const CONTEXT_MARK = '//@sample';
/** The module every doc's samples are written into (the module a new DevEco project has). */
const MODULE = 'entry';
/** Languages that mean ArkTS but would escape the check: they must be written `arkts`. */
const ARKTS_IN_DISGUISE = new Set(['ts', 'typescript', 'ets', 'tsx']);
/** Rules about this repository's own layout that do not apply to an app's page shown in a doc. */
const REPO_LAYOUT_RULES = new Set(['ui-entry-location']);

/** The markdown files whose samples are checked: README*.md at the root and docs/*.md. */
function docFiles(root) {
  const base = root || REPO_ROOT;
  const files = fs.readdirSync(base).filter((f) => /^README.*\.md$/.test(f)).map((f) => path.join(base, f));
  const docs = path.join(base, 'docs');
  if (fs.existsSync(docs)) {
    for (const f of fs.readdirSync(docs).sort()) if (f.endsWith('.md')) files.push(path.join(docs, f));
  }
  return files;
}

/**
 * The fenced code blocks of a markdown text: { lang, attrs, info, line (1-based line of the opening fence),
 * indent, lines (the content, indentation removed) }.
 */
function codeBlocks(text) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const fence = open[2];
    const info = open[3].trim();
    const words = info.split(/\s+/).filter((w) => w.length > 0);
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      if (close.test(lines[j])) break;
      body.push(lines[j].slice(Math.min(indent, lines[j].length - lines[j].trimStart().length)));
    }
    out.push({ lang: (words[0] || '').toLowerCase(), attrs: words.slice(1), info, line: i + 1, indent, lines: body });
    i = j;
  }
  return out;
}

/** `key:value` attributes of a block's info string, e.g. `in:build`, `file:entry/src/main/module.json5`. */
function attrOf(block, key) {
  const a = block.attrs.find((w) => w.startsWith(key + ':'));
  return a === undefined ? undefined : a.slice(key.length + 1);
}

let exportsCache;
/** Every name components/Index.ets exports (what an app can import from '@zegocallkit/components'). */
function kitExports(indexFile) {
  const file = indexFile || path.join(REPO_ROOT, 'components', 'Index.ets');
  if (!indexFile && exportsCache) return exportsCache;
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const names = [];
  for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop().trim();
      if (name) names.push(name);
    }
  }
  for (const m of text.matchAll(/export\s+(?:const|let|function|class|enum|interface|type|struct)\s+(\w+)/g)) names.push(m[1]);
  const unique = Array.from(new Set(names)).sort();
  if (!indexFile) exportsCache = unique;
  return unique;
}

/** Splits the leading import declarations off a fragment: { imports: [{text, lines}], rest (line index) }. */
function leadingImports(lines) {
  const imports = [];
  let i = 0;
  while (i < lines.length) {
    const t = lines[i].trim();
    if (t === '' || t.startsWith('//')) { i++; continue; }
    if (!/^import\b/.test(t)) break;
    const start = i;
    let text = lines[i];
    while (!/from\s+['"][^'"]+['"]\s*;?\s*$|^\s*import\s+['"][^'"]+['"]\s*;?\s*$/.test(text) && i + 1 < lines.length) {
      i++;
      text += '\n' + lines[i];
    }
    imports.push({ first: start, last: i });
    i++;
  }
  return { imports, rest: i };
}

/** Names an import declaration brings into scope. */
function importedNames(text) {
  const names = [];
  const braces = /\{([^}]*)\}/.exec(text);
  if (braces) {
    for (const part of braces[1].split(',')) {
      const n = part.trim().split(/\s+as\s+/).pop().trim();
      if (n) names.push(n);
    }
  }
  const def = /^\s*import\s+(\w+)/.exec(text);
  if (def && def[1] !== 'type') names.push(def[1]);
  const star = /\*\s+as\s+(\w+)/.exec(text);
  if (star) names.push(star[1]);
  return names;
}

/** A generated file: its lines, each with the markdown line it came from (or undefined for context lines). */
class GeneratedFile {
  constructor(relPath, block) {
    this.relPath = relPath;
    this.block = block;
    this.lines = [];
  }
  add(text, mdLine) {
    for (const t of text.split('\n')) this.lines.push({ text: t, mdLine });
  }
  addBlockLines(block, from, to) {
    for (let k = from; k <= to; k++) this.lines.push({ text: block.lines[k], mdLine: block.line + 1 + k });
  }
  text() {
    return this.lines.map((l) => l.text).join('\n') + '\n';
  }
}

function slugOf(mdFile) {
  const rel = path.relative(REPO_ROOT, mdFile);
  const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : path.basename(mdFile)).replace(/\.md$/, '').replace(/[^A-Za-z0-9]+/g, '-');
}

function pascal(slug) {
  return slug.split('-').filter((s) => s).map((s) => s[0].toUpperCase() + s.slice(1)).join('');
}

/**
 * Reads one markdown file and plans its sample project: { doc, slug, files: GeneratedFile[], pages: [{ file,
 * struct }], problems: [{ line, col, rule, message }] } (problems found while extracting).
 */
function planDoc(mdFile) {
  const text = fs.readFileSync(mdFile, 'utf8');
  const slug = slugOf(mdFile);
  const plan = { doc: mdFile, slug, files: [], pages: [], problems: [], samples: 0 };
  const problem = (block, rule, message) => plan.problems.push({ line: block.line, col: block.indent + 1, rule, message });
  const used = new Set();
  const exported = kitExports();
  let n = 0;
  for (const block of codeBlocks(text)) {
    if (ARKTS_IN_DISGUISE.has(block.lang)) {
      problem(block, 'doc-sample-language', `a \`${block.lang}\` block in a doc is ArkTS that nothing checks: mark it \`arkts\` (a complete file) or \`arkts in:<context>\` (a fragment), see tools/docs/README.md.`);
      continue;
    }
    const file = attrOf(block, 'file');
    if (file !== undefined && block.lang !== 'arkts') {
      if (!/^(json|json5)$/.test(block.lang)) {
        problem(block, 'doc-sample-file', `only arkts, json and json5 blocks can be written to a file; this block is \`${block.lang}\`.`);
        continue;
      }
      const parsed = parseJson5(block.lines.join('\n'));
      if (parsed.error !== undefined) {
        problem(block, 'doc-sample-json',
          `this ${block.lang} block does not parse: ${parsed.error} (its line ${parsed.line}, column ${parsed.column})`);
        continue;
      }
    }
    if (block.lang !== 'arkts' && file === undefined) continue;
    n++;
    if (block.lang === 'arkts') plan.samples++;
    const context = attrOf(block, 'in');
    const unknown = block.attrs.filter((a) => !/^(in|file):/.test(a));
    if (unknown.length > 0) {
      problem(block, 'doc-sample-attribute', `unknown attribute '${unknown[0]}'; use in:<${CONTEXTS.join('|')}> or file:<path>.`);
      continue;
    }
    if (context !== undefined && !CONTEXTS.includes(context)) {
      problem(block, 'doc-sample-context', `unknown context 'in:${context}'; the contexts are ${CONTEXTS.map((c) => 'in:' + c).join(', ')} (tools/docs/contexts/).`);
      continue;
    }
    if (context !== undefined && file !== undefined) {
      problem(block, 'doc-sample-attribute', 'a fragment (in:) is not a file; give either in: or file:.');
      continue;
    }
    const isPage = block.lang === 'arkts' && context === undefined && /@Entry\b/.test(block.lines.join('\n'));
    let rel = file;
    if (rel === undefined) {
      const struct = isPage ? /struct\s+(\w+)/.exec(block.lines.join('\n')) : undefined;
      const name = `${pascal(slug)}Sample${n}${struct ? '_' + struct[1] : ''}`;
      rel = `${MODULE}/src/main/ets/${isPage ? 'pages' : 'samples'}/${name}.ets`;
    }
    rel = rel.split('\\').join('/');
    if (rel.startsWith('/') || rel.split('/').includes('..')) {
      problem(block, 'doc-sample-file', `file:${rel} must be a relative path inside the project.`);
      continue;
    }
    if (used.has(rel)) {
      problem(block, 'doc-sample-file', `file:${rel} is written by an earlier block of this doc.`);
      continue;
    }
    used.add(rel);
    const out = new GeneratedFile(rel, block);
    if (block.lang !== 'arkts' || context === undefined) {
      out.addBlockLines(block, 0, block.lines.length - 1);
    } else {
      const { imports, rest } = leadingImports(block.lines);
      const own = new Set();
      for (const imp of imports) {
        out.addBlockLines(block, imp.first, imp.last);
        for (const nm of importedNames(block.lines.slice(imp.first, imp.last + 1).join('\n'))) own.add(nm);
      }
      const kit = exported.filter((nm) => !own.has(nm));
      if (kit.length > 0) out.add(`import { ${kit.join(', ')} } from '@zegocallkit/components';`, undefined);
      const template = fs.readFileSync(path.join(CONTEXT_DIR, `${context}.ets.template`), 'utf8').replace(/\n$/, '');
      const [before, after] = template.split(CONTEXT_MARK);
      out.add(before.replace(/[ \t]*$/, '').replace(/\n$/, ''), undefined);
      out.addBlockLines(block, rest, block.lines.length - 1);
      out.add(after.replace(/^\n/, ''), undefined);
    }
    plan.files.push(out);
    if (isPage) {
      const struct = /@Entry\b[\s\S]*?struct\s+(\w+)/.exec(block.lines.join('\n'));
      plan.pages.push({ file: out, struct: struct ? struct[1] : undefined });
    }
  }
  checkStringReferences(plan, problem);
  return plan;
}

/**
 * A doc that writes both its module.json5 and its base string.json: every `$string:name` of the first (the
 * permission reasons, labels) must be defined in the second, as DevEco's build requires.
 */
function checkStringReferences(plan, problem) {
  const moduleJson = plan.files.find((f) => f.relPath === `${MODULE}/src/main/module.json5`);
  const strings = plan.files.find((f) => f.relPath === `${MODULE}/src/main/resources/base/element/string.json`);
  if (!moduleJson || !strings) return;
  let defined;
  try {
    defined = new Set(JSON.parse(strings.text()).string.map((s) => s.name));
  } catch (e) {
    return; // reported as doc-sample-json
  }
  moduleJson.lines.forEach((l) => {
    for (const m of l.text.matchAll(/\$string:(\w+)/g)) {
      if (!defined.has(m[1])) {
        problem({ line: l.mdLine, indent: moduleJson.block.indent }, 'doc-sample-resource',
          `'$string:${m[1]}' is not defined in this doc's ${MODULE}/src/main/resources/base/element/string.json.`);
      }
    }
  });
}

const MODULE_JSON5 = `{
  "module": {
    "name": "${MODULE}",
    "type": "entry",
    "mainElement": "EntryAbility",
    "deviceTypes": ["default"],
    "pages": "$profile:main_pages",
    "abilities": [{ "name": "EntryAbility", "srcEntry": "./ets/entryability/EntryAbility.ets", "exported": true }]
  }
}
`;

/**
 * Writes the sample projects of `mdFiles` (default: every doc) under `outDir` (default .tmp/doc-samples) and
 * returns { plans, files (absolute .ets paths to check), generated: Map(absolute path → GeneratedFile & plan) }.
 * A project gets the skeleton a new DevEco project has (module.json5, main_pages.json listing its pages) unless
 * the doc writes those files itself (file:).
 */
function prepare(mdFiles, outDir) {
  const out = outDir || DEFAULT_OUT_DIR;
  const plans = (mdFiles || docFiles()).map((f) => planDoc(path.resolve(f)));
  const files = [];
  const generated = new Map();
  for (const plan of plans) {
    const root = path.join(out, plan.slug);
    fs.rmSync(root, { recursive: true, force: true });
    plan.root = root;
    const written = new Set();
    for (const g of plan.files) {
      const abs = path.join(root, ...g.relPath.split('/'));
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, g.text());
      written.add(g.relPath);
      generated.set(abs, { file: g, plan });
      if (abs.endsWith('.ets')) files.push(abs);
    }
    const skeleton = [
      [`${MODULE}/src/main/module.json5`, MODULE_JSON5],
      [`${MODULE}/src/main/resources/base/profile/main_pages.json`, JSON.stringify({
        src: plan.pages.map((p) => p.file.relPath.replace(`${MODULE}/src/main/ets/`, '').replace(/\.ets$/, '')),
      }, null, 2) + '\n'],
    ];
    for (const [rel, content] of skeleton) {
      if (written.has(rel)) continue;
      const abs = path.join(root, ...rel.split('/'));
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
  }
  return { plans, files, generated };
}

/**
 * Maps the checker's problems in generated files back to the markdown (`README.md:42:7`), drops the rules about
 * this repository's layout, and adds the extraction problems. `Problem` is the checker's class.
 */
function mapProblems(problems, prepared, Problem) {
  const result = [];
  for (const p of problems) {
    const hit = prepared.generated.get(path.resolve(p.file));
    if (!hit && !isInsideAny(p.file, prepared.plans)) { result.push(p); continue; }
    if (!hit) {
      // A file of the generated project that no block wrote (the skeleton): report it on the doc's first line.
      const plan = prepared.plans.find((pl) => path.resolve(p.file).startsWith(pl.root + path.sep));
      result.push(new Problem(plan.doc, 1, 1, p.rule, `${p.message} (in the generated ${path.relative(plan.root, p.file)})`, p.severity));
      continue;
    }
    const { file, plan } = hit;
    const isPage = plan.pages.some((pg) => pg.file === file);
    if (isPage && REPO_LAYOUT_RULES.has(p.rule)) continue;
    const line = file.lines[p.line - 1];
    if (line && line.mdLine !== undefined) {
      result.push(new Problem(plan.doc, line.mdLine, p.col + file.block.indent, p.rule, p.message, p.severity));
    } else {
      result.push(new Problem(plan.doc, file.block.line, file.block.indent + 1, p.rule,
        `${p.message} (in the context of this ${file.block.info} sample, tools/docs/contexts/)`, p.severity));
    }
  }
  for (const plan of prepared.plans) {
    for (const e of plan.problems) result.push(new Problem(plan.doc, e.line, e.col, e.rule, e.message, 'error'));
  }
  return result;
}

function isInsideAny(file, plans) {
  const abs = path.resolve(file);
  return plans.some((pl) => abs.startsWith(pl.root + path.sep));
}

module.exports = { docFiles, codeBlocks, kitExports, planDoc, prepare, mapProblems, MODULE };
