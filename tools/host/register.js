// SPDX-License-Identifier: Apache-2.0
// Lets Node load the project's ArkTS (.ets) and TypeScript (.ts) files and @ohos/hypium, so the same hypium
// suites that DevEco runs as local tests run here. Three jobs:
//  1. transpile .ets/.ts (and hypium's extension-less ESM .js) to CommonJS with ohos-typescript, keeping
//     inline source maps so stack traces point at .ets lines;
//  2. resolve SDK modules (`@kit.*`, `@ohos.*`) and vendor modules (`@zego/zego-express-engine`,
//     `@ohos/lottie`) to host fakes kept in tools/host/sdk-fakes/, failing with a message that names the
//     missing fake and where to add it;
//  3. install the ArkUI globals that logic code relies on (decorators, AppStorage, $r), see arkui-globals.js,
//     and host rendering of structs (transform + UI globals), see render/README.md.
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');
const ts = require('ohos-typescript');
const { etsOptions, REPO_ROOT } = require('../check/ets-options');

const FAKES_DIR = path.join(__dirname, 'sdk-fakes');
const HYPIUM_DIR = path.join(REPO_ROOT, 'node_modules', '@ohos', 'hypium');
const SOURCE_EXTENSIONS = ['.ets', '.ts'];
/** Module specifiers that are not on npm and resolve to a fake on the host. */
const VENDOR_MODULES = ['@zego/zego-express-engine', '@ohos/lottie', '@zegocallkit/components'];
/** Workspace packages resolve to their source, as ohpm's file: dependencies do in DevEco. */
const WORKSPACE_MODULES = { '@zegocallkit/components': path.join(REPO_ROOT, 'components', 'Index.ets') };

/** Hooks that extend the transpiler (the host render transform registers one for struct files). */
const transformers = [];

function compilerOptions(fileName) {
  return {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2021,
    experimentalDecorators: true,
    esModuleInterop: true,
    inlineSourceMap: true,
    inlineSources: true,
    ets: fileName.endsWith('.ets') ? etsOptions() : undefined,
  };
}

/** Transpiles one file to CommonJS; exported for the render transform and for tests of the hook itself. */
function transpile(fileName, text) {
  const before = [];
  for (const t of transformers) {
    const transform = t(fileName, text);
    if (transform) before.push(transform);
  }
  const out = ts.transpileModule(text, {
    fileName,
    compilerOptions: compilerOptions(fileName),
    reportDiagnostics: false,
    transformers: { before },
  });
  return out.outputText;
}

function isSdkModule(request) {
  return /^@(kit|ohos)\.[A-Za-z0-9_.]+$/.test(request) || /^@(system)\.[A-Za-z0-9_.]+$/.test(request);
}

function fakePathFor(request) {
  for (const ext of ['.ts', '.ets', '.js']) {
    const candidate = path.join(FAKES_DIR, request + ext);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithFakes(request, parent, isMain, options) {
  if (WORKSPACE_MODULES[request]) return WORKSPACE_MODULES[request];
  if (isSdkModule(request) || VENDOR_MODULES.includes(request)) {
    const fake = fakePathFor(request);
    if (fake) return fake;
    const from = parent && parent.filename ? path.relative(REPO_ROOT, parent.filename) : 'unknown file';
    const err = new Error(
      `No host fake for the module '${request}' (imported by ${from}). ` +
      `Add one at ${path.relative(REPO_ROOT, path.join(FAKES_DIR, request))}.ts exporting the members the code uses.`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  if (request === '@ohos/hypium' || request.startsWith('@ohos/hypium/')) {
    // Suites outside the repo (checker fixtures in temp folders) still get the repo's hypium.
    return originalResolve.call(this, request, parent, isMain, { paths: [REPO_ROOT] });
  }
  return originalResolve.call(this, request, parent, isMain, options);
};

function compileWith(module, fileName) {
  const text = fs.readFileSync(fileName, 'utf8');
  module._compile(transpile(fileName, text), fileName);
}

for (const ext of SOURCE_EXTENSIONS) {
  require.extensions[ext] = compileWith;
}
const originalJs = require.extensions['.js'];
require.extensions['.js'] = function loadJs(module, fileName) {
  if (fileName.startsWith(HYPIUM_DIR + path.sep)) return compileWith(module, fileName);
  return originalJs(module, fileName);
};

process.setSourceMapsEnabled(true);
require('./arkui-globals');

// Host rendering of @Component structs (tools/host/render): the struct/UI transform and its runtime globals.
require('./render').install(transformers);

module.exports = { transpile, transformers, REPO_ROOT };
