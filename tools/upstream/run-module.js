// SPDX-License-Identifier: Apache-2.0
// One upstream ets-loader run (a child process: the loader keeps global state): sets the environment and
// project configuration hvigor would set for one module in build or preview mode, then runs the loader's own
// rollup plugins the way hvigor does — etsChecker.buildStart (type check, ArkTS linter, since/deprecated/syscap/
// permission checks) and etsTransform.transform on every source (UI-syntax validation and the ViewPU
// transform). Prints one JSON object: { problems: [...], transformed: { file: js } }.
// Usage: node run-module.js <module> <build|preview> <ets-sdk-dir> <scratch-dir> [--emit-dir <dir>]
'use strict';
const fs = require('fs');
const path = require('path');
const { prepareWorkspace } = require('./workspace');

const [moduleName, mode, etsSdk, scratch] = process.argv.slice(2);
const emitIdx = process.argv.indexOf('--emit-dir');
const emitDir = emitIdx > 0 ? process.argv[emitIdx + 1] : undefined;
const loaderDir = path.join(etsSdk, 'build-tools', 'ets-loader');
const preview = mode === 'preview';
const w = prepareWorkspace(moduleName, mode, scratch);

// What hvigor exports before loading the loader (the loader reads several at require time).
Object.assign(process.env, {
  compileTool: 'rollup',
  compileMode: 'moduleJson',
  compiler: 'on',
  abilityType: 'page',
  runtimeOS: 'OpenHarmony',
  sdkInfo: `false:20:ets-loader:Release`,
  watchMode: preview ? 'true' : 'false',
  triggerTsWatch: preview ? 'true' : 'false',
  isPreview: preview ? 'true' : 'false',
  aceModuleRoot: w.projectPath,
  aceModuleBuild: w.buildPath,
  aceModuleJsonPath: w.moduleJsonPath,
  aceProfilePath: w.profilePath,
  aceBuildJson: w.loaderJsonPath,
  cachePath: w.cachePath,
  appResource: w.resourceTablePath,
  rawFileResource: w.rawfileDir,
});
delete process.env.aceStaticPreview;

const problems = [];
const record = (source, severity, text, extra) => {
  problems.push(Object.assign({ source, severity, text: String(text) }, extra || {}));
};
const logger = (source) => ({
  error: (m) => record(source, 'error', m),
  warn: (m) => record(source, 'warning', m),
  info: () => {},
  debug: () => {},
  getLevel: () => 'warn',
});
const hvigorLogger = (source) => ({
  printError: (info) => record(source, 'error', info.cause || info.description || JSON.stringify(info), {
    code: info.code, file: info.position ? String(info.position) : undefined, info,
  }),
  printWarn: (m) => record(source, 'warning', m),
  printInfo: () => {},
  printErrorAndExit: (info) => record(source, 'error', info.cause || JSON.stringify(info), { code: info.code, info }),
});

const main = require(path.join(loaderDir, 'main.js'));
const { initConfig } = require(path.join(loaderDir, 'lib', 'fast_build', 'common', 'init_config.js'));
const { etsChecker } = require(path.join(loaderDir, 'lib', 'fast_build', 'ets_ui', 'rollup-plugin-ets-checker.js'));
const { etsTransform } = require(path.join(loaderDir, 'lib', 'fast_build', 'ets_ui', 'rollup-plugin-ets-typescript.js'));

const { projectConfig } = main;
projectConfig.isPreview = preview;
const compileInfo = initConfig();

// Every source of the module is an entry: DevEco compiles the reachable ones in a build and each previewed
// file in the previewer; checking them all is the union of both.
// Rollup entries (what `?entry` validation applies to): the module's own in a build (a HAR's main file, a HAP's
// pages and abilities); in the previewer, the file being previewed, i.e. every file with @Preview or @Entry.
const realEntries = new Set(preview
  ? w.sources.filter((f) => /@(Preview|Entry)\b/.test(fs.readFileSync(f, 'utf8')))
  : Object.values(compileInfo.entryObj).map((f) => path.resolve(f)));
const entryFiles = new Set(realEntries);
for (const f of w.sources) entryFiles.add(f);
const entryObj = {};
for (const f of entryFiles) entryObj[path.relative(w.projectPath, f).replace(/\.(ets|ts)$/, '')] = f;

const shareConfig = {
  entryObj,
  cardEntryObj: {},
  projectPath: w.projectPath,
  buildPath: w.buildPath,
  cachePath: w.cachePath,
  projectRootPath: path.dirname(w.moduleDir),
  modulePath: w.moduleDir,
  moduleRootPath: w.moduleDir,
  moduleName: w.moduleName,
  bundleName: w.bundleName,
  moduleType: w.kind === 'har' ? 'har' : 'entry',
  compileSdkVersion: 20,
  compatibleSdkVersion: w.compatibleSdkVersion,
  compatibleSdkVersionStage: 'beta1',
  runtimeOS: 'OpenHarmony',
  deviceTypes: w.deviceTypes,
  permission: { requestPermissions: w.requestPermissions, definePermissions: [] },
  etsLoaderPath: loaderDir,
  externalApiPaths: [],
  resolveModulePaths: [w.packagesDir],
  useNormalizedOHMUrl: true,
  pkgContextInfo: {},
  buildMode: 'Debug',
  isPreview: preview,
  watchMode: String(preview),
  compileMode: 'esmodule',
  packageManagerType: 'ohpm',
  packageDir: 'oh_modules',
  packageJson: 'oh-package.json5',
  modulePathMap: { [w.moduleName]: w.moduleDir },
  obfuscationOptions: undefined,
  ignoreWarning: false,
  allowEtsAnnotations: true,
  checkEntry: preview ? undefined : 'true',
};
for (const dep of w.packedModules) shareConfig.modulePathMap[dep.name] = dep.dir;

const cache = new Map();
const moduleInfos = new Map();
const ctx = {
  meta: { rollupVersion: '3.10.0', watchMode: preview },
  share: {
    projectConfig: shareConfig,
    arkProjectConfig: { moduleName: w.moduleName, bundleName: w.bundleName, projectRootPath: path.dirname(w.moduleDir) },
    getLogger: logger,
    getHvigorConsoleLogger: hvigorLogger,
    allFiles: new Set(entryFiles),
  },
  cache: { get: (k) => cache.get(k), set: (k, v) => cache.set(k, v), has: (k) => cache.has(k), delete: (k) => cache.delete(k) },
  getModuleInfo: (id) => {
    const file = path.resolve(id);
    if (!moduleInfos.has(file)) {
      const owner = [{ name: w.moduleName, dir: w.moduleDir, pkgName: w.moduleName }].concat(w.packedModules)
        .find((m) => file.startsWith(m.dir + path.sep)) || { name: w.moduleName, dir: w.moduleDir, pkgName: w.moduleName };
      moduleInfos.set(file, {
        id: file,
        isEntry: realEntries.has(file),
        meta: { moduleName: owner.name, pkgName: owner.pkgName, pkgPath: owner.dir, isLocalDependency: true, belongModulePath: owner.dir },
        importedIds: [],
        dynamicallyImportedIds: [],
      });
    }
    return moduleInfos.get(file);
  },
  getModuleIds: () => entryFiles.values(),
  addWatchFile: () => {},
  emitFile: () => {},
  error: (e) => record('rollup', 'error', e && e.message ? e.message : e),
  warn: (e) => record('rollup', 'warning', e && e.message ? e.message : e),
};

async function run() {
  const checker = etsChecker();
  checker.buildStart.call(ctx);
  const transform = etsTransform();
  transform.buildStart.call(ctx);
  const transformed = {};
  // Transform what the checker's program holds of the kit: this module's sources and, for a HAP, its HARs'.
  const program = main.globalProgram.program;
  const ownDirs = [w.moduleDir].concat(w.packedModules.map((m) => m.dir));
  const files = new Map(); // real path → the path the program knows it by (packed HARs come through packages/)
  for (const s of program.getSourceFiles()) {
    const known = path.resolve(s.fileName);
    if (!/(?<!\.d)\.(ets|ts)$/.test(known)) continue;
    const real = fs.realpathSync(known);
    if (!ownDirs.some((d) => real.startsWith(d + path.sep))) continue;
    if (!real.includes(`${path.sep}src${path.sep}main${path.sep}`) && !real.endsWith(`${path.sep}Index.ets`)) continue;
    files.set(real, known);
  }
  for (const real of [...files.keys()].sort()) {
    const known = files.get(real);
    transform.load.call(ctx, known);
    const out = await transform.transform.call(ctx, fs.readFileSync(real, 'utf8'), known);
    if (out && out.code !== undefined) transformed[real] = out.code;
  }
  if (emitDir) {
    for (const [file, js] of Object.entries(transformed)) {
      const at = path.join(emitDir, w.moduleName, mode, path.relative(path.dirname(w.moduleDir), file) + '.js');
      fs.mkdirSync(path.dirname(at), { recursive: true });
      fs.writeFileSync(at, js);
    }
  }
  return { problems, transformedFiles: Object.keys(transformed).length, workspace: w.ws };
}

run().then((result) => {
  process.stdout.write('\n@@RESULT@@' + JSON.stringify(result) + '\n');
  process.exit(0);
}).catch((e) => {
  process.stdout.write('\n@@RESULT@@' + JSON.stringify({ problems, crash: String(e && e.stack || e) }) + '\n');
  process.exit(2);
});
