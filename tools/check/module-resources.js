// SPDX-License-Identifier: Apache-2.0
// Where a module's resources are and what they hold, as DevEco lays them out: a module is the folder holding
// src/, its resources are src/<set>/resources/<qualifier>/{element/*.json, media/, profile/} and rawfile/, and a
// HAP also sees its HARs' (the kit's) and AppScope's resources. The checker's resource rules, the upstream
// runner's resource table, the picture renderer and the host render harness all read resources through here.
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT } = require('./ets-options');
const { filesUnder } = require('./files');

/** The kit HAR's resources, which every module of the app sees. */
const KIT_RESOURCES = path.join(REPO_ROOT, 'components', 'src', 'main', 'resources');
/** Resource types stored as files in a qualifier folder (the rest are entries of element/*.json). */
const FILE_TYPES = new Set(['media', 'profile']);
/** Folders beside the qualifiers that hold raw files, not qualified resources. */
const RAW_FOLDERS = new Set(['rawfile', 'resfile']);

/** Whether a run-time value is a Resource, what `$r('app.<type>.<name>', …)` evaluates to. */
const isResource = (v) => Boolean(v) && typeof v === 'object' && Array.isArray(v.params) && typeof v.type === 'number';

/** The module folder (the one holding src/main) of a file, or undefined. */
function moduleRootOf(file) {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf('src');
  return i > 0 ? parts.slice(0, i).join(path.sep) : undefined;
}

/** `<module>/src/<sourceSet>/resources`. */
function resourcesDirOf(moduleRoot, sourceSet = 'main') {
  return path.join(moduleRoot, 'src', sourceSet, 'resources');
}

const indexCache = new Map();
/** Every resource of one resources folder (all qualifiers) as 'type.name', plus 'rawfile:<path>' per raw file. */
function indexResources(resourcesDir) {
  if (indexCache.has(resourcesDir)) return indexCache.get(resourcesDir);
  const names = new Set();
  if (fs.existsSync(resourcesDir)) {
    for (const qualifier of fs.readdirSync(resourcesDir)) {
      const qdir = path.join(resourcesDir, qualifier);
      if (!fs.statSync(qdir).isDirectory()) continue;
      if (qualifier === 'rawfile') {
        for (const f of filesUnder(qdir)) names.add('rawfile:' + path.relative(qdir, f).split(path.sep).join('/'));
        continue;
      }
      if (RAW_FOLDERS.has(qualifier)) continue;
      const element = path.join(qdir, 'element');
      if (fs.existsSync(element)) {
        for (const f of fs.readdirSync(element).filter((x) => x.endsWith('.json'))) {
          let json;
          try { json = JSON.parse(fs.readFileSync(path.join(element, f), 'utf8')); } catch (e) { continue; }
          for (const type of Object.keys(json)) for (const item of json[type] || []) names.add(`${type}.${item.name}`);
        }
      }
      for (const type of FILE_TYPES) {
        const dir = path.join(qdir, type);
        if (!fs.existsSync(dir)) continue;
        for (const f of fs.readdirSync(dir)) names.add(`${type}.${f.replace(/\.[^.]+$/, '')}`);
      }
    }
  }
  indexCache.set(resourcesDir, names);
  return names;
}

/** The resource folders visible from a module, its own first: its HAR dependencies' (the kit) and AppScope's. */
function visibleResourceDirs(moduleRoot, sourceSet) {
  const dirs = [resourcesDirOf(moduleRoot)];
  if (sourceSet && sourceSet !== 'main') dirs.push(resourcesDirOf(moduleRoot, sourceSet));
  if (path.basename(moduleRoot) === 'demo') {
    dirs.push(KIT_RESOURCES);
    dirs.push(path.join(REPO_ROOT, 'AppScope', 'resources'));
  }
  return dirs;
}

const elementCache = new Map();
/** name → value of one element type ('string', 'color', 'float', …) in one qualifier folder (base, zh_CN, dark, …). */
function elementValues(resourcesDir, qualifier, type) {
  const key = `${resourcesDir}|${qualifier}|${type}`;
  if (elementCache.has(key)) return elementCache.get(key);
  const values = new Map();
  const dir = path.join(resourcesDir, qualifier, 'element');
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const json = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      for (const item of json[type] || []) values.set(item.name, item.value);
    }
  }
  elementCache.set(key, values);
  return values;
}

/** A string resource's value with its %s, %d, %f and %1$s… placeholders filled from `args`. */
function formatString(template, args) {
  let next = 0;
  return template.replace(/%(?:(\d+)\$)?[sdf]/g, (m, position) => String(args[position ? Number(position) - 1 : next++]));
}

module.exports = {
  moduleRootOf, resourcesDirOf, indexResources, visibleResourceDirs, elementValues, formatString, isResource,
  KIT_RESOURCES, FILE_TYPES,
};
