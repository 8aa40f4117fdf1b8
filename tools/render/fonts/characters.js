// SPDX-License-Identifier: Apache-2.0
// Which characters the committed font subsets must hold: every character of every string resource of the kit
// and the demo (base, en_US, zh_CN), plus printable ASCII, Latin-1 and common punctuation for names and
// numbers that come from code (user names, error codes). build.js cuts the fonts to this; the renderer's
// tests check that the committed fonts still cover it after a string changes.
'use strict';
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The modules whose resources the renderer draws text from. */
const MODULES = ['components', 'demo'];
/** The Latin face's ranges: ASCII, Latin-1, general punctuation (… – — ‘ ’ “ ”), € and ™. */
const LATIN_RANGES = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x2030, 0x203a], [0x20ac, 0x20ac],
  [0x2122, 0x2122]];

/** Every string resource file of the modules (one per qualifier folder). */
function stringFiles() {
  const files = [];
  for (const module of MODULES) {
    const resources = path.join(REPO_ROOT, module, 'src', 'main', 'resources');
    if (!fs.existsSync(resources)) continue;
    for (const qualifier of fs.readdirSync(resources)) {
      const file = path.join(resources, qualifier, 'element', 'string.json');
      if (fs.existsSync(file)) files.push(file);
    }
  }
  return files;
}

/** Every character of every string resource (as a Set of one-code-point strings). */
function kitCharacters() {
  const chars = new Set();
  for (const file of stringFiles()) {
    for (const item of JSON.parse(fs.readFileSync(file, 'utf8')).string || []) {
      for (const ch of item.value) if (ch.codePointAt(0) >= 0x20) chars.add(ch);
    }
  }
  return chars;
}

module.exports = { kitCharacters, LATIN_RANGES, stringFiles, REPO_ROOT };
