// SPDX-License-Identifier: Apache-2.0
// The screenshot check behind tools/kit-tests/Screenshots.render.test.ts: renders one preview (or one of the docs'
// call pages, docpages.js) in every variant and compares each picture with its committed one in docs/gallery
// (compare.js). A difference writes the expected, actual and difference pictures under .tmp/screenshots/ and says
// how to accept an intended change.
'use strict';
const fs = require('fs');
const path = require('path');
const { renderPreview, pictureName, PHONE } = require('./previews');
const { flatten, layoutTree } = require('./layout');
const { settleAreas } = require('./areas');
const { idOf } = require('../host/render/harness');
const { decode } = require('./compare');
const { comparePng, writeFailure, ACCEPT } = require('./compare');
const { allPictures, GALLERY_DIR } = require('./gallery');
const { REPO_ROOT, Resources } = require('./resources');

/** Every preview, and the docs' call pages, in the gallery's order. */
function previewsToCheck() {
  return allPictures();
}

/**
 * Renders `preview` and compares each variant with docs/gallery. Returns one message per picture that is missing
 * or differs (none when all match). `options.mutate` changes the tree before painting (tests of this check).
 */
async function checkPreview(preview, options = {}) {
  const problems = [];
  for (const picture of await renderPreview(preview, options)) {
    const name = pictureName(preview, picture.variant);
    const file = path.join(GALLERY_DIR, name);
    const rel = path.relative(REPO_ROOT, file);
    if (!fs.existsSync(file)) {
      problems.push(`${rel} does not exist: run \`npm run gallery\` to add the pictures of a new preview and commit them.`);
      continue;
    }
    const expected = fs.readFileSync(file);
    const result = await comparePng(expected, picture.png);
    if (!result.same) {
      const written = writeFailure(name, expected, picture.png, result);
      problems.push(`${rel} no longer matches the rendering: ${result.reason}. Expected | actual | difference: ${written}. ${ACCEPT}`);
    }
  }
  return problems;
}

/**
 * Renders one variant of a preview and returns the picture with every box laid out (absolute vp frames, ids,
 * the lines of texts), for tests of what a user would see: nothing outside the screen, no text cut.
 */
async function inspectPreview(preview, variant) {
  const [picture] = await renderPreview(preview, { variants: [variant] });
  const boxes = flatten(picture.root).map(inspectedBox);
  const pixels = decode(picture.png);
  const pixel = (x, y) => {
    const at = (Math.floor(y * PHONE.density) * pixels.width + Math.floor(x * PHONE.density)) * 4;
    return Array.from(pixels.data.slice(at, at + 4));
  };
  return { png: picture.png, boxes, pixel, screen: PHONE };
}

/** A laid-out frame as a test sees it. */
function inspectedBox(f) {
  return { id: idOf(f.box.node), type: f.box.type, x: f.x, y: f.y, w: f.w, h: f.h,
    lines: f.box.text ? f.box.text.lines.map((l) => l.text) : undefined,
    truncated: f.box.text ? f.box.text.truncated : undefined };
}

/**
 * Lays a mounted component (the host harness's render()) out on `screen` ({ width, height } vp), in English and
 * light mode, and calls its onAreaChange handlers with the laid-out areas until nothing moves, as ArkUI does after
 * a change; returns every box. `reported` (one Map per mounted component) keeps the areas reported by earlier
 * calls, so a later call reports only what changed since.
 */
function layOutMounted(harness, screen, reported) {
  const res = new Resources('en_US', 'light');
  settleAreas(harness, res, { width: screen.width, height: screen.height, density: 1 }, reported);
  return flatten(layoutTree(harness.tree, res, screen, 1)).map(inspectedBox);
}

module.exports = { previewsToCheck, checkPreview, inspectPreview, layOutMounted };
