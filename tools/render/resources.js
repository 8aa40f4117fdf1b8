// SPDX-License-Identifier: Apache-2.0
// Resolves `$r` references the way a device does for one locale and one colour mode: strings from the
// component's own module (its `src/main/resources/<qualifier>/element/string.json`, `zh_CN` or `en_US` before
// `base`), then from the kit's module (which every module of the app sees); colours from `dark` before `base`
// in dark mode; media and rawfile paths from `base/media` and `rawfile`. The host harness resolves only base
// strings; the renderer needs the device's choice, so it has its own resolver.
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT } = require('../check/ets-options');
const { KIT_RESOURCES, elementValues, formatString, isResource, moduleRootOf, resourcesDirOf } =
  require('../check/module-resources');

/** The locales and modes the renderer knows (qualifier folder names). */
const LOCALES = ['en_US', 'zh_CN'];
const MODES = ['light', 'dark'];

/** `<module>/src/main/resources` of the module a source file belongs to, or undefined. */
function resourcesOf(file) {
  const root = moduleRootOf(String(file || ''));
  const dir = root === undefined ? undefined : resourcesDirOf(root);
  return dir !== undefined && fs.existsSync(dir) ? dir : undefined;
}

/** `#AARRGGBB`, `#RRGGBB`, `#ARGB` or `#RGB` (ArkUI's orders) → CSS `rgba(...)`. */
function cssColor(hex) {
  let h = hex.slice(1);
  if (h.length === 3 || h.length === 4) h = h.split('').map((c) => c + c).join('');
  const a = h.length === 8 ? parseInt(h.slice(0, 2), 16) / 255 : 1;
  const rgb = h.length === 8 ? h.slice(2) : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${Number(a.toFixed(4))})`;
}

/** ArkUI's `Color` enum values (as the host runtime spells them: 'Color.White'). */
const NAMED_COLORS = { White: '#FFFFFFFF', Black: '#FF000000', Blue: '#FF0000FF', Brown: '#FFA52A2A',
  Gray: '#FF808080', Grey: '#FF808080', Green: '#FF008000', Orange: '#FFFFA500', Pink: '#FFFFC0CB',
  Red: '#FFFF0000', Yellow: '#FFFFFF00', Transparent: '#00000000' };

/** A resolver for one locale ('en_US' | 'zh_CN') and one colour mode ('light' | 'dark'). */
class Resources {
  constructor(locale = 'en_US', mode = 'light') {
    if (!LOCALES.includes(locale)) throw new Error(`unknown locale '${locale}' (known: ${LOCALES.join(', ')})`);
    if (!MODES.includes(mode)) throw new Error(`unknown mode '${mode}' (known: ${MODES.join(', ')})`);
    this.locale = locale;
    this.mode = mode;
  }

  /** Resource folders to search for `file`'s module: its own, then the kit's. */
  folders(file) {
    const own = resourcesOf(file);
    return own && own !== KIT_RESOURCES ? [own, KIT_RESOURCES] : [KIT_RESOURCES];
  }

  lookup(kind, name, file, qualifiers) {
    for (const resources of this.folders(file)) {
      for (const q of qualifiers) {
        const v = elementValues(resources, q, kind).get(name);
        if (v !== undefined) return v;
      }
    }
    return undefined;
  }

  /** A text value: a `$r('app.string.x', …)` in this locale, or any other value as a string. */
  text(value, file) {
    if (value === undefined || value === null) return '';
    if (!isResource(value)) return String(value);
    const [full, ...args] = value.params;
    const name = String(full).split('.').pop();
    const template = this.lookup('string', name, file, [this.locale, 'base']);
    if (template === undefined) throw new Error(`no string resource '${full}' for ${this.locale} (from ${file || '?'})`);
    return formatString(template, args);
  }

  /** A colour value (`$r('app.color.x')`, '#AARRGGBB', 'Color.White', 0xRRGGBB) as CSS, or undefined. */
  color(value, file) {
    if (value === undefined || value === null) return undefined;
    if (isResource(value)) {
      const name = String(value.params[0]).split('.').pop();
      const hex = this.lookup('color', name, file, this.mode === 'dark' ? ['dark', 'base'] : ['base']);
      if (hex === undefined) throw new Error(`no colour resource '${value.params[0]}' (from ${file || '?'})`);
      return this.color(hex, file);
    }
    if (typeof value === 'number') {
      const hex = value.toString(16).padStart(value > 0xffffff ? 8 : 6, '0');
      return cssColor(`#${hex.length === 6 ? 'FF' + hex : hex}`);
    }
    const s = String(value);
    if (s.startsWith('Color.')) {
      const hex = NAMED_COLORS[s.slice(6)];
      if (!hex) throw new Error(`unknown colour ${s}`);
      return cssColor(hex);
    }
    if (/^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(s)) return cssColor(s);
    return s; // rgb()/rgba() strings pass through
  }

  /** The file of a `$r('app.media.x')` (SVG or PNG in base/media). */
  media(value, file) {
    const name = String(value.params[0]).split('.').pop();
    for (const resources of this.folders(file)) {
      for (const ext of ['.svg', '.png', '.jpg', '.webp']) {
        const candidate = path.join(resources, 'base', 'media', name + ext);
        if (fs.existsSync(candidate)) return candidate;
      }
    }
    throw new Error(`no media resource '${value.params[0]}' (from ${file || '?'})`);
  }

  /** A rawfile path (as lottie and `$rawfile` take it) of `file`'s module, then the kit's. */
  rawfile(name, file) {
    for (const resources of this.folders(file)) {
      const candidate = path.join(resources, 'rawfile', name);
      if (fs.existsSync(candidate)) return candidate;
    }
    throw new Error(`no rawfile '${name}' (from ${file || '?'})`);
  }

  /** A float resource (`$r('app.float.x')`, e.g. '16vp') or undefined. */
  float(value, file) {
    const name = String(value.params[0]).split('.').pop();
    return this.lookup('float', name, file, [this.locale, 'base']);
  }
}

module.exports = { Resources, REPO_ROOT };
