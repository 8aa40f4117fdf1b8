// SPDX-License-Identifier: Apache-2.0
// The resource table restool would hand to ets-loader (ResourceTable.txt: one `<type> <name> <id>` a line),
// generated from a module's resources/ folders, so the upstream check's `$r('app.<type>.<name>')` lookups are
// real. A HAP's table also holds its HARs' and AppScope's resources, as the packed HAP does.
'use strict';
const fs = require('fs');
const path = require('path');

/** Resource types stored as files in a qualifier folder (the rest are element/*.json entries). */
const FILE_TYPES = ['media', 'profile'];
/** restool numbers app resources from 0x01000000. */
const FIRST_ID = 0x01000000;

/** Every `type/name` pair under one `resources/` folder (all qualifiers), sorted. */
function resourceNames(resourcesDir) {
  const names = new Set();
  if (!fs.existsSync(resourcesDir)) return [];
  for (const qualifier of fs.readdirSync(resourcesDir)) {
    const qdir = path.join(resourcesDir, qualifier);
    if (qualifier === 'rawfile' || qualifier === 'resfile' || !fs.statSync(qdir).isDirectory()) continue;
    const element = path.join(qdir, 'element');
    if (fs.existsSync(element)) {
      for (const file of fs.readdirSync(element).filter((f) => f.endsWith('.json'))) {
        const json = JSON.parse(fs.readFileSync(path.join(element, file), 'utf8'));
        for (const type of Object.keys(json)) for (const item of json[type] || []) names.add(`${type} ${item.name}`);
      }
    }
    for (const type of FILE_TYPES) {
      const dir = path.join(qdir, type);
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir)) names.add(`${type} ${file.replace(/\.[^.]+$/, '')}`);
    }
  }
  return [...names].sort();
}

/** The text of a ResourceTable.txt covering `resourceDirs` (first one wins on a duplicate name). */
function resourceTable(resourceDirs) {
  const seen = new Set();
  const lines = [];
  for (const dir of resourceDirs) {
    for (const entry of resourceNames(dir)) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      lines.push(`${entry} ${FIRST_ID + lines.length}`);
    }
  }
  return lines.join('\n') + '\n';
}

module.exports = { resourceNames, resourceTable };
