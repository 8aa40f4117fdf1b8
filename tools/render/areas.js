// SPDX-License-Identifier: Apache-2.0
// `onAreaChange` as ArkUI calls it: after a layout, every component whose size or position changed since the
// last report gets (old area, new area) in vp (the first report's old area is all zeros). A handler usually
// writes @State (CallView measuring the app's bars to keep its tiles clear of them), so the tree is
// rebuilt and laid out again until no area changes, as a device settles in a frame or two.
'use strict';
const { layoutTree } = require('./layout');

/** At most this many layout passes per picture (a handler whose writes keep moving it would loop). */
const MAX_PASSES = 5;

function area(x, y, gx, gy, w, h) {
  return { width: w, height: h, position: { x, y }, globalPosition: { x: gx, y: gy } };
}

const ZERO = area(0, 0, 0, 0, 0, 0);

/** Calls the handlers of boxes whose area changed; `reported` maps a box's path to its last area. */
function report(box, path, gx, gy, reported) {
  let fired = false;
  const x = gx + box.x;
  const y = gy + box.y;
  const handler = box.node.attrs.filter((a) => a.name === 'onAreaChange' && typeof a.args[0] === 'function').pop();
  if (handler) {
    const now = area(box.x, box.y, x, y, box.w, box.h);
    const before = reported.get(path) || ZERO;
    if (JSON.stringify(before) !== JSON.stringify(now)) {
      reported.set(path, now);
      handler.args[0](before, now);
      fired = true;
    }
  }
  box.children.forEach((child, i) => {
    fired = report(child, `${path}/${i}:${child.type}`, x, y, reported) || fired;
  });
  return fired;
}

/**
 * Lays the harness's tree out and reports changed areas until none change (or MAX_PASSES), rebuilding the tree
 * after each report. `reported` carries the last areas across calls (one map per mounted preview).
 */
function settleAreas(harness, res, screen, reported) {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const root = layoutTree(harness.tree, res, screen, screen.density);
    if (!root || !report(root, root.type, 0, 0, reported)) return;
    harness.rerender();
  }
}

module.exports = { settleAreas };
