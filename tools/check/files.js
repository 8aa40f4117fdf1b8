// SPDX-License-Identifier: Apache-2.0
// The one recursive folder walk of the tools (sources to check or compile, previews, pictures, raw files,
// fixtures), so each caller says only which files it wants.
'use strict';
const fs = require('fs');
const path = require('path');

/**
 * Every file under `dir` whose name passes `keep`, as sorted paths (joined onto `dir`); [] when `dir` does not
 * exist. Folders whose name passes `skipFolder` are not entered.
 */
function filesUnder(dir, keep = () => true, skipFolder = () => false) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!skipFolder(entry.name)) walk(full);
      } else if (keep(entry.name)) {
        out.push(full);
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

module.exports = { filesUnder };
