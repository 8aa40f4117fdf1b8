// SPDX-License-Identifier: Apache-2.0
// One picture from a host render tree: lay it out on a phone screen (layout.js), paint it (paint.js) and encode
// a PNG of the part of the screen the tree's root covers (a tile preview gives a tile-sized picture, a call
// screen the whole screen; what overflows the screen is cut, as on the phone).
'use strict';
const { layoutTree } = require('./layout');
const { Painter } = require('./paint');

/**
 * @param tree the host render tree (a harness's `tree`)
 * @param res the Resources of the picture's locale and mode
 * @param screen { width, height (vp), density (px per vp), lottieLoads? }
 * @returns {{ png: Buffer, root, width: number, height: number }} width/height in device pixels
 */
function renderTree(tree, res, screen) {
  const root = layoutTree(tree, res, screen, screen.density);
  const right = root ? Math.min(screen.width, root.x + root.w + root.margin.right) : 1;
  const bottom = root ? Math.min(screen.height, root.y + root.h + root.margin.bottom) : 1;
  const width = Math.max(1, Math.round(right * screen.density));
  const height = Math.max(1, Math.round(bottom * screen.density));
  const painter = new Painter(res, { density: screen.density, width, height, lottieLoads: screen.lottieLoads });
  const canvas = painter.paint(root);
  return { png: canvas.toBuffer('image/png'), root, width, height };
}

module.exports = { renderTree };
