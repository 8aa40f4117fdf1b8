// SPDX-License-Identifier: Apache-2.0
// Compares a rendering with its committed picture the way the screenshot tests and `npm run gallery` do:
// pixelmatch with a perceptual colour threshold, anti-aliased pixels not counted, and at most a tiny share of
// pixels allowed to differ (the renderer is deterministic, so on one machine nothing differs at all; the
// allowance only absorbs a stray anti-aliasing pixel). On a difference it writes the expected, actual and
// difference pictures side by side under .tmp/screenshots/ so a person can see what changed.
'use strict';
const fs = require('fs');
const path = require('path');
const { createCanvas, Image } = require('@napi-rs/canvas');
const { REPO_ROOT } = require('./resources');

/** pixelmatch's per-pixel colour distance (0..1) below which two pixels count as the same. */
const THRESHOLD = 0.1;
/** The share of a picture's pixels that may differ beyond THRESHOLD. */
const MAX_DIFF_RATIO = 0.0001;
const FAILURES_DIR = path.join(REPO_ROOT, '.tmp', 'screenshots');
/** How to accept an intended change, as every failure says it. */
const ACCEPT = 'If the change is intended, run `npm run gallery -- --update` and commit docs/gallery.';

/** RGBA pixels of a PNG. */
function decode(png) {
  const img = new Image();
  img.src = png;
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data, img };
}

let pixelmatch;
async function loadPixelmatch() {
  if (!pixelmatch) pixelmatch = (await import('pixelmatch')).default;
  return pixelmatch;
}

/**
 * Compares two PNGs.
 * @returns {Promise<{ same: boolean, identical: boolean, differing: number, allowed: number, reason?: string,
 *   diff?: Uint8Array, expected?, actual? }>}
 */
async function comparePng(expectedPng, actualPng) {
  if (Buffer.compare(expectedPng, actualPng) === 0) return { same: true, identical: true, differing: 0, allowed: 0 };
  const expected = decode(expectedPng);
  const actual = decode(actualPng);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return { same: false, identical: false, differing: NaN, allowed: 0, expected, actual,
      reason: `its size changed from ${expected.width}×${expected.height} to ${actual.width}×${actual.height} px` };
  }
  const match = await loadPixelmatch();
  const diff = new Uint8Array(expected.width * expected.height * 4);
  const differing = match(expected.data, actual.data, diff, expected.width, expected.height, { threshold: THRESHOLD });
  const allowed = Math.floor(expected.width * expected.height * MAX_DIFF_RATIO);
  const share = ((differing / (expected.width * expected.height)) * 100).toFixed(3);
  return { same: differing <= allowed, identical: false, differing, allowed, diff, expected, actual,
    reason: `${differing} pixels differ (${share} %, at most ${allowed} may)` };
}

/** Writes `<name>.actual.png`, `<name>.diff.png` and `<name>.compare.png` (expected | actual | diff). */
function writeFailure(name, expectedPng, actualPng, result) {
  const base = path.join(FAILURES_DIR, name.replace(/\.png$/, ''));
  fs.mkdirSync(path.dirname(base), { recursive: true });
  fs.writeFileSync(`${base}.actual.png`, actualPng);
  const expected = result.expected || decode(expectedPng);
  const actual = result.actual || decode(actualPng);
  const gap = 16;
  const w = expected.width + actual.width + (result.diff ? expected.width : 0) + gap * 2;
  const h = Math.max(expected.height, actual.height);
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FF00FF';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(expected.img, 0, 0);
  ctx.drawImage(actual.img, expected.width + gap, 0);
  if (result.diff) {
    const diff = createCanvas(expected.width, expected.height);
    const dctx = diff.getContext('2d');
    const data = dctx.createImageData(expected.width, expected.height);
    data.data.set(result.diff);
    dctx.putImageData(data, 0, 0);
    fs.writeFileSync(`${base}.diff.png`, diff.toBuffer('image/png'));
    ctx.drawImage(diff, expected.width + actual.width + gap * 2, 0);
  }
  fs.writeFileSync(`${base}.compare.png`, canvas.toBuffer('image/png'));
  return `${path.relative(REPO_ROOT, base)}.compare.png`;
}

module.exports = { decode, comparePng, writeFailure, ACCEPT };
