// SPDX-License-Identifier: Apache-2.0
// The host stand-in for DevEco's ArkTS front end: one ohos-typescript LanguageService program over the
// project files plus the OpenHarmony API 13 declarations, giving (1) type errors, (2) the ArkTS linter
// (ArkTSLinter_1_1, the entry point ets-loader uses) and (3) the ArkUI and resource rules DevEco's ets-loader
// enforces but the linter lacks (ui-rules.js, resource-rules.js). The tsc CLI crashes on component code,
// so everything goes through the API. Facts and pitfalls: docs/toolchain.md.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const ts = require('ohos-typescript');
const { etsOptions, sdkComponentFiles, SDK_DIST, REPO_ROOT } = require('./ets-options');
const { uiRules } = require('./ui-rules');
const { uiDevEcoRules } = require('./ui-deveco-rules');
const { jsDocCheckHost } = require('./syscap-permission');
const { layoutRules } = require('./layout-rules');
const { modelRules } = require('./model-rules');
const { resourceRules, moduleResourceProblems } = require('./resource-rules');
const { moduleRootOf } = require('./module-resources');

const VENDOR_TYPES = path.join(REPO_ROOT, 'tools', 'vendor-types');

function compilerOptions() {
  return {
    target: ts.ScriptTarget.ES2021,
    module: ts.ModuleKind.ES2020,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ['lib.es2021.d.ts'],
    types: [],
    strict: false, // as in DevEco: the ArkTS linter's own program adds the strict-mode diagnostics
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
    moduleDetection: ts.ModuleDetectionKind.Force, // every .ets file is a module in DevEco, even without imports
    incremental: true, // required: without it getBuilderProgram(true) has no linter program
    tsBuildInfoFile: path.join(os.tmpdir(), 'zego-call-kit-check.tsbuildinfo'), // never written (noEmit)
    allowSyntheticDefaultImports: true,
    esModuleInterop: true,
    useUnknownInCatchVariables: false, // DevEco accepts `catch (e) { e.message }`
    needDoArkTsLinter: true,
    isCompatibleVersion: false,
    packageManagerType: 'npm', // 'ohpm' would look in oh_modules and miss npm-installed hypium
    compatibleSdkVersion: 12,
    ets: etsOptions(),
    baseUrl: SDK_DIST,
    paths: {
      '@zego/zego-express-engine': [path.join(VENDOR_TYPES, '@zego', 'zego-express-engine', 'Index.d.ets')],
      '@ohos/lottie': [path.join(VENDOR_TYPES, '@ohos', 'lottie', 'index.d.ets')],
      '@zegocallkit/components': [path.join(REPO_ROOT, 'components', 'Index.ets')],
      '*': ['./api/*', './kits/*', './arkts/*'],
    },
  };
}

/** Creates the language service over `files` (absolute paths), with `options` (default: compilerOptions()). */
function createService(files, options = compilerOptions()) {
  const roots = files.concat(sdkComponentFiles(), [path.join(SDK_DIST, 'global.d.ts')]);
  const versions = new Map();
  const host = {
    getScriptFileNames: () => roots,
    getScriptVersion: (f) => String(versions.get(f) || 0),
    getScriptSnapshot: (f) => (fs.existsSync(f) ? ts.ScriptSnapshot.fromString(fs.readFileSync(f, 'utf8')) : undefined),
    getScriptKind: (f) => (f.endsWith('.ets') ? ts.ScriptKind.ETS : ts.ScriptKind.TS),
    getCurrentDirectory: () => REPO_ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  // DevEco's SysCap and permission checks (TS28007), through the host callbacks ets-loader uses for them.
  Object.assign(host, jsDocCheckHost(ts));
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

/** A problem as printed: `path:line:col rule message`. */
class Problem {
  constructor(file, line, col, rule, message, severity) {
    this.file = file;
    this.line = line;
    this.col = col;
    this.rule = rule;
    this.message = message;
    this.severity = severity; // 'error' | 'warning'
  }
  format() {
    const where = `${path.relative(process.cwd(), this.file) || this.file}:${this.line}:${this.col}`;
    return `${where} ${this.rule}${this.severity === 'warning' ? ' (warning)' : ''} ${this.message}`;
  }
}

function problemFromDiagnostic(d, ruleOverride) {
  const file = d.file ? d.file.fileName : '<options>';
  let line = 0;
  let col = 0;
  if (d.file && d.start !== undefined) {
    const lc = d.file.getLineAndCharacterOfPosition(d.start);
    line = lc.line + 1;
    col = lc.character + 1;
  }
  const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  const tag = /\((arkts-[a-z0-9-]+)\)\s*$/.exec(text);
  const rule = ruleOverride || (tag ? tag[1] : `TS${d.code}`);
  const severity = d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning';
  return new Problem(file, line, col, rule, text.replace(/\s*\((arkts-[a-z0-9-]+)\)\s*$/, ''), severity);
}

/**
 * DevEco accepts `$$this.x` (two-way binding) and `$x` (a @Link reference) where TypeScript sees an unknown
 * name; drop exactly those TS2304 diagnostics (toolchain reference §11, divergence 2).
 */
/**
 * Host-only suites (`tools/kit-tests/*.ts`) never ship: they start Node servers and import SDK fakes, and they
 * must import the .ets code they test, which DevEco forbids for shipped .ts files (TS28017). Exempt them.
 */
function isHostSuiteImportingEts(d) {
  return d.code === 28017 && d.file !== undefined && /[\\/]tools[\\/]kit-tests[\\/][^\\/]+\.ts$/.test(d.file.fileName);
}

function isTwoWayBindingName(d) {
  return d.code === 2304 && d.file !== undefined && d.start !== undefined && d.file.text[d.start] === '$';
}

/**
 * Checks `files` and returns problems. options: { types: bool, lint: bool, ui: bool, resources: bool }.
 */
function check(files, options) {
  const opts = Object.assign({ types: true, lint: true, ui: true, resources: true }, options || {});
  const abs = files.map((f) => path.resolve(f));
  const wanted = new Set(abs);
  const service = createService(abs);
  // The builder program (with the linter's strict program) must be created first: once the service holds an
  // up-to-date program, getBuilderProgram() returns nothing.
  const builder = service.getBuilderProgram(true);
  const program = service.getProgram();
  // Our own declaration files (tools/vendor-types/ stand-ins for vendor SDKs) reached through imports are
  // linted too, as ets-loader lints every file outside the SDK and oh_modules; DevEco never reads ours, but they
  // must be ArkTS-clean all the same. SDK files and npm packages are not ours.
  for (const sf of program.getSourceFiles()) {
    const name = path.resolve(sf.fileName);
    if (sf.isDeclarationFile && /\.d\.e?ts$/.test(name) && !name.startsWith(SDK_DIST + path.sep) &&
      !name.split(path.sep).includes('node_modules')) {
      wanted.add(name);
    }
  }
  const problems = [];
  const seen = new Set();
  const add = (p) => {
    const key = `${p.file}:${p.line}:${p.col}:${p.rule}:${p.message}`;
    if (!seen.has(key)) { seen.add(key); problems.push(p); }
  };

  if (opts.types) {
    for (const f of wanted) {
      const diags = service.getSyntacticDiagnostics(f).concat(service.getSemanticDiagnostics(f));
      for (const d of diags) if (!isTwoWayBindingName(d) && !isHostSuiteImportingEts(d)) add(problemFromDiagnostic(d));
    }
    for (const d of program.getOptionsDiagnostics()) add(problemFromDiagnostic(d));
  }
  if (opts.lint) {
    const diags = ts.ArkTSLinter_1_1.runArkTSLinter(builder, undefined, undefined, '1.1');
    for (const d of diags) {
      if (!d.file || !wanted.has(path.resolve(d.file.fileName))) continue;
      if (isTwoWayBindingName(d) || isHostSuiteImportingEts(d)) continue;
      add(problemFromDiagnostic(d));
    }
  }
  const checker = program.getTypeChecker();
  for (const f of abs) {
    const sf = program.getSourceFile(f);
    if (!sf) continue;
    if (opts.ui) {
      const found = uiRules(sf, checker, ts).concat(uiDevEcoRules(sf, checker, ts), layoutRules(sf, ts), modelRules(sf, checker, ts));
      for (const p of found) {
        add(new Problem(f, p.line, p.col, p.rule, p.message, p.severity));
      }
    }
    if (opts.resources) for (const p of resourceRules(sf, ts)) add(new Problem(f, p.line, p.col, p.rule, p.message, p.severity));
  }
  if (opts.resources) {
    const modules = new Set(abs.map(moduleRootOf).filter((m) => m !== undefined));
    for (const m of modules) for (const p of moduleResourceProblems(m)) add(new Problem(p.file, p.line, p.col, p.rule, p.message, p.severity));
  }
  problems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.col - b.col : a.file < b.file ? -1 : 1));
  return problems;
}

module.exports = { check, createService, compilerOptions, Problem };
