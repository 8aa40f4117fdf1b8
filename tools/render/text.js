// SPDX-License-Identifier: Apache-2.0
// Text for the renderer: the committed font subsets (fonts/: Noto Sans for Latin, Noto Sans SC for Chinese, in
// weights 400 and 500) registered with Skia under names no system font has, each character given to the face
// whose character map holds it (so Skia never falls back to whatever fonts the machine has, and a character the
// subsets lack is an error that names the fix), line metrics from the fonts' own tables, and greedy line
// breaking (at spaces, between CJK characters, inside a word only when it alone is wider than the line) with
// maxLines and an ellipsis. Widths come from Skia's measureText. The device's typeface (HarmonyOS Sans) and its
// line breaker (ICU) are not modelled: see README.md.
'use strict';
const fs = require('fs');
const path = require('path');
const { createCanvas, GlobalFonts } = require('@napi-rs/canvas');

const FONT_DIR = path.join(__dirname, 'fonts');
const FACES = [
  { key: 'latin', family: 'ZckRenderLatin', file: 'NotoSans-Kit' },
  { key: 'sc', family: 'ZckRenderSC', file: 'NotoSansSC-Kit' },
];
const WEIGHTS = [400, 500];
const ELLIPSIS = '…';

// ---- font files -----------------------------------------------------------------------------------------

/** The tables of a TrueType/OpenType file: tag → { offset, length }. */
function tables(buf) {
  const count = buf.readUInt16BE(4);
  const out = {};
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    out[buf.toString('latin1', at, at + 4)] = { offset: buf.readUInt32BE(at + 8), length: buf.readUInt32BE(at + 12) };
  }
  return out;
}

/** The code points a font maps to a glyph (cmap formats 4 and 12). */
function codePoints(buf) {
  const t = tables(buf).cmap;
  const set = new Set();
  if (!t) return set;
  const n = buf.readUInt16BE(t.offset + 2);
  for (let i = 0; i < n; i++) {
    const sub = t.offset + buf.readUInt32BE(t.offset + 4 + i * 8 + 4);
    const format = buf.readUInt16BE(sub);
    if (format === 4) {
      const segs = buf.readUInt16BE(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + segs * 2 + 2;
      const deltas = starts + segs * 2;
      const ranges = deltas + segs * 2;
      for (let s = 0; s < segs; s++) {
        const end = buf.readUInt16BE(ends + s * 2);
        const start = buf.readUInt16BE(starts + s * 2);
        const delta = buf.readUInt16BE(deltas + s * 2);
        const rangeOffset = buf.readUInt16BE(ranges + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const g = buf.readUInt16BE(ranges + s * 2 + rangeOffset + (c - start) * 2);
            glyph = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (glyph !== 0) set.add(c);
        }
      }
    } else if (format === 12) {
      const groups = buf.readUInt32BE(sub + 12);
      for (let g = 0; g < groups; g++) {
        const at = sub + 16 + g * 12;
        const start = buf.readUInt32BE(at);
        const end = buf.readUInt32BE(at + 4);
        const first = buf.readUInt32BE(at + 8);
        for (let c = start; c <= end; c++) if (first + (c - start) !== 0) set.add(c);
      }
    }
  }
  return set;
}

/** Ascent, descent and line gap in em (hhea, as Skia reports them). */
function lineMetrics(buf) {
  const t = tables(buf);
  const unitsPerEm = buf.readUInt16BE(t.head.offset + 18);
  const ascent = buf.readInt16BE(t.hhea.offset + 4) / unitsPerEm;
  const descent = -buf.readInt16BE(t.hhea.offset + 6) / unitsPerEm;
  const gap = buf.readInt16BE(t.hhea.offset + 8) / unitsPerEm;
  return { ascent, descent, gap };
}

let loaded;
/** Registers the faces with Skia once; returns { latin, sc } with each face's code points and metrics. */
function faces() {
  if (loaded) return loaded;
  loaded = {};
  for (const face of FACES) {
    let points;
    let metrics;
    for (const weight of WEIGHTS) {
      const file = path.join(FONT_DIR, `${face.file}-${weight}.ttf`);
      const buf = fs.readFileSync(file);
      if (!GlobalFonts.register(buf, face.family, { weight, style: 'normal' })) throw new Error(`Skia could not load ${file}`);
      if (weight === 400) {
        points = codePoints(buf);
        metrics = lineMetrics(buf);
      }
    }
    loaded[face.key] = { ...face, points, metrics };
  }
  return loaded;
}

// ---- runs and measurement -------------------------------------------------------------------------------

const HAN = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
/** Punctuation both faces have, drawn with the Chinese face inside Chinese text. */
const SHARED_PUNCTUATION = /[\u2010-\u2027\u00b7]/;

/** Weight 400 or 500 (the committed faces) for an ArkUI fontWeight value. */
function faceWeight(weight) {
  if (weight === undefined || weight === null) return 400;
  const names = { Lighter: 300, Normal: 400, Regular: 400, Medium: 500, Bold: 700, Bolder: 800 };
  const s = String(weight);
  const n = s.startsWith('FontWeight.') ? names[s.slice(11)] : Number(s) || names[s.charAt(0).toUpperCase() + s.slice(1)];
  return n !== undefined && n >= 500 ? 500 : 400;
}

/** Splits `text` into runs of one face each. Throws when a character is in neither face. */
function runs(text) {
  const f = faces();
  const chinese = HAN.test(text);
  const out = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    let face;
    if (chinese && SHARED_PUNCTUATION.test(ch) && f.sc.points.has(c)) face = f.sc;
    else if (f.latin.points.has(c)) face = f.latin;
    else if (f.sc.points.has(c)) face = f.sc;
    else {
      throw new Error(`the renderer's fonts have no glyph for '${ch}' (U+${c.toString(16).toUpperCase()}) in "${text}": ` +
        'add the text to a string resource and run `node tools/render/fonts/build.js`');
    }
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += ch;
    else out.push({ face, text: ch });
  }
  return out;
}

const measurer = createCanvas(8, 8).getContext('2d');
const widthCache = new Map();

/** The CSS font of a face at a size (vp) and weight. */
function cssFont(face, size, weight) {
  return `${faceWeight(weight)} ${size}px ${face.family}`;
}

/** Advance width in vp of `text` at `size` vp. */
function measure(text, size, weight) {
  const key = `${size}|${faceWeight(weight)}|${text}`;
  if (widthCache.has(key)) return widthCache.get(key);
  let width = 0;
  for (const run of runs(text)) {
    measurer.font = cssFont(run.face, size, weight);
    width += measurer.measureText(run.text).width;
  }
  widthCache.set(key, width);
  return width;
}

/** Ascent and descent (vp) of a line of `text` at `size`: the largest of the faces it uses (Latin if empty). */
function lineBox(text, size) {
  const used = text ? runs(text).map((r) => r.face) : [faces().latin];
  const ascent = Math.max(...used.map((f) => f.metrics.ascent)) * size;
  const descent = Math.max(...used.map((f) => f.metrics.descent)) * size;
  return { ascent, descent, height: ascent + descent };
}

// ---- line breaking --------------------------------------------------------------------------------------

const NO_BREAK_BEFORE = /[，。、；：！？）」』】》〉…—,.;:!?)\]}%’”]/;
const NO_BREAK_AFTER = /[（「『【《〈(\[{‘“]/;
const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Breakable pieces: words with their trailing spaces, single CJK characters, glued punctuation. */
function pieces(line) {
  const chars = [...line];
  const out = [];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const next = chars[i + 1];
    current += ch;
    if (next === undefined) break;
    const breakHere = (ch === ' ' && next !== ' ') || ((CJK_CHAR.test(ch) || CJK_CHAR.test(next)) && next !== ' ');
    if (breakHere && !NO_BREAK_BEFORE.test(next) && !NO_BREAK_AFTER.test(ch)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/** Cuts `text` to fit `width` with an ellipsis at the end. */
function ellipsize(text, width, size, weight) {
  const chars = [...text];
  while (chars.length > 0 && measure(chars.join('').trimEnd() + ELLIPSIS, size, weight) > width) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}

/**
 * Lines of `text` within `maxWidth` vp (Infinity: no wrapping). maxLines cuts the rest; with
 * ellipsis the last kept line ends in "…" when anything was cut or it is too wide.
 * @returns {{ lines: { text: string, width: number }[], truncated: boolean }}
 */
function breakLines(text, { size, weight, maxWidth = Infinity, maxLines = Infinity, ellipsis = false }) {
  const lines = [];
  for (const paragraph of String(text).split('\n')) {
    let line = '';
    for (const piece of pieces(paragraph)) {
      const candidate = line + piece;
      if (line === '' || measure(candidate.trimEnd(), size, weight) <= maxWidth + 0.01) {
        line = candidate;
      } else {
        lines.push(line.trimEnd());
        line = piece;
      }
      // A piece wider than the line on its own is broken between characters (WordBreak.BREAK_WORD).
      while (measure(line.trimEnd(), size, weight) > maxWidth + 0.01 && [...line.trimEnd()].length > 1) {
        const chars = [...line];
        let fit = 1;
        while (fit < chars.length && measure(chars.slice(0, fit + 1).join(''), size, weight) <= maxWidth + 0.01) fit++;
        lines.push(chars.slice(0, fit).join(''));
        line = chars.slice(fit).join('');
      }
    }
    lines.push(line.trimEnd());
  }
  let truncated = false;
  if (lines.length > maxLines) {
    lines.length = maxLines;
    truncated = true;
  }
  if (ellipsis && lines.length > 0) {
    const last = lines.length - 1;
    if (truncated || measure(lines[last], size, weight) > maxWidth + 0.01) lines[last] = ellipsize(lines[last], maxWidth, size, weight);
  }
  return { lines: lines.map((t) => ({ text: t, width: measure(t, size, weight) })), truncated };
}

module.exports = { runs, measure, lineBox, breakLines, cssFont };
