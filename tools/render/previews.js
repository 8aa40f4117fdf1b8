// SPDX-License-Identifier: Apache-2.0
// Finds every @Preview of the kit and the demo by scanning their sources (no fixed list: preview files are
// split and renamed as they grow), mounts one with the host render harness, lets a few seconds of its
// simulated call pass on a deterministic clock, and renders the result for each locale and mode.
//
// Previews run on SystemClock (DevEco's previewer has real time). Here SystemClock's methods are pointed at one
// ManualClock per preview while it renders, so a preview's call (join latency, the first quality report, a
// stream that ends after 2 s, the test pattern's frame) reaches the same state every run, and no real timer
// is left behind. The tree is rebuilt every REBUILD_MS of simulated time, as a device re-renders on model
// changes (a view that remembers what it saw during a build, like RemoteStreamView's last stream, needs that).
// Before each variant is painted, onAreaChange handlers get the laid-out areas (areas.js), as on a device.
'use strict';
const fs = require('fs');
const path = require('path');
require('../host/register');
const { render } = require('../host/render/harness');
const { Resources, REPO_ROOT } = require('./resources');
const { renderTree } = require('./render');
const { settleAreas } = require('./areas');
const { filesUnder } = require('../check/files');

const SOURCE_ROOTS = ['components/src/main/ets', 'demo/src/main/ets'];
/** Unix time at which every preview's clock starts (2023-11-14 22:13:20 UTC). */
const START_MS = 1700000000000;
/** How much simulated time passes before the picture is taken. */
const SETTLE_MS = 5000;
/** How often the tree is rebuilt while time passes. */
const REBUILD_MS = 100;
/** The variants of every preview: each colour mode in each locale. */
const VARIANTS = [
  { mode: 'light', locale: 'en_US' }, { mode: 'dark', locale: 'en_US' },
  { mode: 'light', locale: 'zh_CN' }, { mode: 'dark', locale: 'zh_CN' },
];
/** A phone: 360 × 780 vp at 2 device pixels per vp (720 × 1560 px). */
const PHONE = { width: 360, height: 780, density: 2 };

/** The doc comment (`/** … *\/`) right before `index` in `source`, as one line of text, or ''. */
function docBefore(source, index) {
  const before = source.slice(0, index).trimEnd();
  if (!before.endsWith('*/')) return '';
  const start = before.lastIndexOf('/**');
  if (start < 0) return '';
  return before.slice(start + 3, -2).split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim()).filter(Boolean).join(' ');
}

/**
 * Every @Preview struct under the kit's and the demo's sources, in file order:
 * { file, struct, component, state, description, order }.
 */
function discoverPreviews(roots = SOURCE_ROOTS.map((r) => path.join(REPO_ROOT, r))) {
  const previews = [];
  for (const file of roots.flatMap((r) => filesUnder(r, (name) => name.endsWith('.ets')))) {
    const source = fs.readFileSync(file, 'utf8');
    const pattern = /@Preview(?:\s*\([^)]*\))?\s*(?:@Entry(?:\([^)]*\))?\s*)?@Component(?:V2)?\s*(?:export\s+)?struct\s+(\w+)/g;
    for (const m of source.matchAll(pattern)) {
      const struct = m[1];
      const fromFile = /^(\w+?)Previews/.exec(path.basename(file));
      let component;
      let state;
      if (fromFile && struct.startsWith(`${fromFile[1]}Preview`)) {
        component = fromFile[1];
        state = struct.slice(component.length + 'Preview'.length);
      } else {
        const m2 = /^(\w+)Preview(\w*)$/.exec(struct);
        component = m2 ? m2[1] : struct;
        state = m2 ? m2[2] : '';
      }
      previews.push({ file, struct, component, state: state || 'Default', description: docBefore(source, m.index),
        order: previews.length });
    }
  }
  return previews;
}

const loadedFiles = new Map();
/** The struct classes a source file defines (loaded once, through the host render transform). */
function structsOf(file) {
  if (loadedFiles.has(file)) return loadedFiles.get(file);
  const found = new Map();
  const ark = globalThis.__ark;
  const original = ark.view;
  ark.view = (cls, meta) => {
    found.set(cls.name, cls);
    return original(cls, meta);
  };
  try {
    delete require.cache[file];
    require(file);
  } finally {
    ark.view = original;
  }
  loadedFiles.set(file, found);
  return found;
}

/** Runs `fn(clock)` with SystemClock driven by a fresh ManualClock; restores SystemClock afterwards. */
async function onPreviewClock(fn) {
  const { ManualClock, SystemClock } = require(path.join(REPO_ROOT, 'components', 'src', 'main', 'ets', 'engine', 'SimClock.ets'));
  const clock = new ManualClock(START_MS);
  const proto = SystemClock.prototype;
  const names = ['now', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'];
  const saved = names.map((n) => Object.getOwnPropertyDescriptor(proto, n));
  for (const n of names) {
    Object.defineProperty(proto, n, { configurable: true, writable: true, value: (...args) => clock[n](...args) });
  }
  try {
    return await fn(clock);
  } finally {
    names.forEach((n, i) => Object.defineProperty(proto, n, saved[i]));
  }
}

/**
 * Mounts a preview, lets SETTLE_MS of its call pass, and renders it in each variant.
 * @param preview one of discoverPreviews(), or a picture that mounts itself (docpages.js): `mount(clock)` returns
 *   { harness, close() } with its world on the preview's clock; close() runs after the harness is unmounted
 * @param options { variants?, screen? (PHONE), settleMs?, mutate?(tree) (tests: change the tree before painting) }
 * @returns {Promise<{ variant, png: Buffer, root, width, height }[]>}
 */
async function renderPreview(preview, options = {}) {
  const variants = options.variants || VARIANTS;
  const screen = options.screen || PHONE;
  const settle = options.settleMs === undefined ? SETTLE_MS : options.settleMs;
  const lottie = require('@ohos/lottie');
  return onPreviewClock(async (clock) => {
    const mounted = preview.mount ? preview.mount(clock) : { harness: render(structOf(preview)), close: () => undefined };
    const h = mounted.harness;
    try {
      for (let t = 0; t < settle; t += REBUILD_MS) {
        await clock.advanceAsync(Math.min(REBUILD_MS, settle - t));
        h.rerender();
      }
      const reported = new Map();
      return variants.map((variant) => {
        const res = new Resources(variant.locale, variant.mode);
        settleAreas(h, res, screen, reported);
        if (options.mutate) options.mutate(h.tree);
        const picture = renderTree(h.tree, res, { ...screen, lottieLoads: lottie.lottieLoads });
        return { variant, ...picture };
      });
    } finally {
      try {
        h.unmount();
      } finally {
        mounted.close();
      }
    }
  });
}

/** The struct class of a preview found in the sources. */
function structOf(preview) {
  const cls = structsOf(preview.file).get(preview.struct);
  if (!cls) throw new Error(`${preview.struct} is not a struct of ${path.relative(REPO_ROOT, preview.file)}`);
  return cls;
}

/** The picture's file name under docs/gallery: `<Component>/<State>.<mode>.<locale>.png`. */
function pictureName(preview, variant) {
  return `${preview.component}/${preview.state}.${variant.mode}.${variant.locale}.png`;
}

module.exports = { discoverPreviews, renderPreview, pictureName, VARIANTS, PHONE, SETTLE_MS, START_MS };
