// SPDX-License-Identifier: Apache-2.0
// The resource table restool would hand to ets-loader (ResourceTable.txt: one `<type> <name> <id>` a line),
// generated from a module's resources/ folders, so the upstream check's `$r('app.<type>.<name>')` lookups are
// real. A HAP's table also holds its HARs' and AppScope's resources, as the packed HAP does.
'use strict';
const { indexResources } = require('../check/module-resources');

/** restool numbers app resources from 0x01000000. */
const FIRST_ID = 0x01000000;

/** Every `<type> <name>` pair under one `resources/` folder (all qualifiers; raw files have no id), sorted. */
function resourceNames(resourcesDir) {
  return [...indexResources(resourcesDir)]
    .filter((key) => !key.startsWith('rawfile:'))
    .map((key) => key.replace('.', ' '))
    .sort();
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

module.exports = { resourceTable };
