// SPDX-License-Identifier: Apache-2.0
// The files hvigor would hand to ets-loader for one module, written to a scratch folder outside the repo:
// the merged module.json (app.json5 + the module's module.json5, API levels from build-profile.json5), its
// main_pages profile, loader.json, ResourceTable.txt, and a package folder that resolves the module's
// dependencies the way oh_modules would (the kit HAR for the demo, our stand-in declarations for vendor SDKs).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { resourceTable } = require('./resource-table');
const { readJson5 } = require('../check/json5');
const { filesUnder } = require('../check/files');
const { apiLevelOf } = require('../check/api-level-rules');
const { resourcesDirOf, visibleResourceDirs } = require('../check/module-resources');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const VENDOR_TYPES = path.join(REPO_ROOT, 'tools', 'vendor-types');

/** The kit's modules: name, folder, and the modules whose resources and code it packs. */
const MODULES = {
  components: { dir: 'components', kind: 'har', packs: [] },
  demo: { dir: 'demo', kind: 'hap', packs: ['components'] },
};

/** Vendor packages we declare ourselves: { name → declaration file }, from tools/vendor-types/<name>/[iI]ndex.d.ets. */
function vendorPackages() {
  const out = {};
  const visit = (dir, name) => {
    for (const entry of ['Index.d.ets', 'index.d.ets', 'Index.d.ts', 'index.d.ts']) {
      if (name && fs.existsSync(path.join(dir, entry))) { out[name] = path.join(dir, entry); return; }
    }
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) visit(path.join(dir, e.name), name ? `${name}/${e.name}` : e.name);
    }
  };
  if (fs.existsSync(VENDOR_TYPES)) visit(VENDOR_TYPES, '');
  return out;
}

/** Every .ets/.ts source of a module's src/main/ets, sorted. */
function moduleSources(moduleDir) {
  return filesUnder(path.join(moduleDir, 'src', 'main', 'ets'), (name) => /(?<!\.d)\.(ets|ts)$/.test(name));
}

/**
 * Writes the inputs for `moduleName` in `mode` ('build' | 'preview') under a fresh scratch folder and returns
 * everything the runner needs.
 */
function prepareWorkspace(moduleName, mode, scratchRoot) {
  // A known module by name, or any folder holding src/main/ets (a fixture module), compiled as a HAR.
  const spec = MODULES[moduleName] || { dir: path.resolve(moduleName), kind: 'har', packs: [] };
  moduleName = MODULES[moduleName] ? moduleName : path.basename(spec.dir);
  const moduleDir = path.resolve(REPO_ROOT, spec.dir);
  const ws = fs.mkdtempSync(path.join(scratchRoot || os.tmpdir(), `zck-upstream-${moduleName}-${mode}-`));
  const profile = readJson5(path.join(REPO_ROOT, 'build-profile.json5'));
  const product = profile.app.products[0];
  const appJson = readJson5(path.join(REPO_ROOT, 'AppScope', 'app.json5'));
  const moduleJson5Path = path.join(moduleDir, 'src', 'main', 'module.json5');
  const moduleJson5 = fs.existsSync(moduleJson5Path) ? readJson5(moduleJson5Path)
    : { module: { name: moduleName, type: 'har', deviceTypes: ['default'] } };
  const compatible = apiLevelOf(product.compatibleSdkVersion);
  const target = apiLevelOf(product.targetSdkVersion || product.compatibleSdkVersion);

  // module.json as hvigor merges it: the app block gains the API levels (minAPIVersion drives ViewPU output).
  const merged = {
    app: Object.assign({}, appJson.app, { minAPIVersion: compatible, targetAPIVersion: target, apiReleaseType: 'Release' }),
    module: moduleJson5.module,
  };
  const resDir = path.join(ws, 'res');
  const profileDir = path.join(resDir, 'resources', 'base', 'profile');
  fs.mkdirSync(profileDir, { recursive: true });
  const moduleJsonPath = path.join(resDir, 'module.json');
  fs.writeFileSync(moduleJsonPath, JSON.stringify(merged, null, 2));
  const ownProfiles = path.join(resourcesDirOf(moduleDir), 'base', 'profile');
  if (fs.existsSync(ownProfiles)) {
    for (const f of fs.readdirSync(ownProfiles)) fs.copyFileSync(path.join(ownProfiles, f), path.join(profileDir, f));
  }

  // Packages: what oh_modules would hold. Not named oh_modules, so the loader resolves them through `paths`
  // and our own declarations are linted at full severity (DevEco downgrades linter errors inside oh_modules).
  const packagesDir = path.join(ws, 'packages');
  const link = (name, target, kind) => {
    const at = path.join(packagesDir, name);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(target, at, kind);
  };
  const packageNames = {};
  for (const dep of spec.packs) {
    const depDir = path.join(REPO_ROOT, MODULES[dep].dir);
    const name = readJson5(path.join(depDir, 'oh-package.json5')).name;
    link(name, depDir, 'dir');
    packageNames[dep] = name;
  }
  for (const [name, file] of Object.entries(vendorPackages())) {
    const dir = path.join(packagesDir, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync(file, path.join(dir, path.basename(file)), 'file');
    const manifest = { name, version: '0.0.0', main: path.basename(file), types: path.basename(file) };
    fs.writeFileSync(path.join(dir, 'oh-package.json5'), JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  }

  // Resources: the module's own, then what it packs, then AppScope's for a HAP.
  const resourceTablePath = path.join(ws, 'ResourceTable.txt');
  fs.writeFileSync(resourceTablePath, resourceTable(visibleResourceDirs(moduleDir)));

  const modulePathMap = { [moduleName]: moduleDir };
  for (const dep of spec.packs) modulePathMap[dep] = path.join(REPO_ROOT, MODULES[dep].dir);
  const loaderJson = {
    modulePathMap,
    compileMode: 'esmodule',
    projectRootPath: REPO_ROOT,
    nodeModulesPath: path.join(ws, 'build', 'node_modules'),
    moduleName,
    harNameOhmMap: {},
    packageManagerType: 'ohpm',
    compileEntry: [],
    dynamicImportLibInfo: {},
    routerMap: [],
    hspResourcesMap: {},
    updateVersionInfo: {},
    anBuildOutPut: path.join(ws, 'build', 'an'),
    anBuildMode: 'type',
  };
  const loaderJsonPath = path.join(ws, 'loader.json');
  fs.writeFileSync(loaderJsonPath, JSON.stringify(loaderJson, null, 2));

  const requestPermissions = (moduleJson5.module.requestPermissions || []).map((p) => ({ name: p.name }));
  return {
    ws,
    moduleName,
    mode,
    kind: spec.kind,
    moduleDir,
    projectPath: path.join(moduleDir, 'src', 'main', 'ets'),
    buildPath: path.join(ws, 'build', 'ets'),
    cachePath: path.join(ws, 'cache'),
    moduleJsonPath,
    profilePath: profileDir,
    loaderJsonPath,
    resourceTablePath,
    rawfileDir: path.join(resourcesDirOf(moduleDir), 'rawfile'),
    packagesDir,
    packageNames,
    sources: moduleSources(moduleDir),
    bundleName: appJson.app.bundleName,
    compatibleSdkVersion: compatible,
    targetSdkVersion: target,
    deviceTypes: moduleJson5.module.deviceTypes || ['default'],
    requestPermissions,
    packedModules: spec.packs.map((d) => ({ name: d, dir: path.join(REPO_ROOT, MODULES[d].dir), pkgName: packageNames[d] })),
  };
}

module.exports = { prepareWorkspace };
