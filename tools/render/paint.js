// SPDX-License-Identifier: Apache-2.0
// Paints a laid-out box tree (layout.js) with Skia through @napi-rs/canvas: the page background of the mode
// (white or black, as ArkUI's default window), backgrounds with corner radii, borders drawn inside the frame,
// text line by line in the committed fonts (text.js), SVG media tinted with fillColor, shapes, the components'
// own Canvas code (its recorded draw calls replayed onto Skia, after onReady as on a device), the first frame of
// a lottie animation loaded into a Canvas (Skottie), clip with rounded corners, opacity as a layer, zIndex
// order, offset and scale. Everything is drawn in vp under a density scale.
'use strict';
const fs = require('fs');
const { createCanvas, Image, LottieAnimation } = require('@napi-rs/canvas');
const { resolve, length } = require('./style');
const text = require('./text');

/** ArkUI's default colours: page background and primary text per mode; a Button's default fill. */
const PAGE = { light: '#FFFFFF', dark: '#000000' };
const TEXT_COLOR = { light: 'rgba(0,0,0,0.898)', dark: 'rgba(255,255,255,0.898)' };
const BUTTON_COLOR = '#007DFF';

/** rgba(r,g,b,a) → ['#RRGGBB', a] for SVG attributes. */
function hexAndAlpha(css) {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(css);
  if (!m) return [css, 1];
  const hex = '#' + [m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('');
  return [hex, m[4] === undefined ? 1 : Number(m[4])];
}

/** Saves the context's state, then clips what follows to a rectangle (restore() ends both). */
function saveClipped(ctx, x, y, w, h) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
}

const svgCache = new Map();
/** An SVG file as an image of `w`×`h` device pixels, every fill tinted with `color` (fillColor) if given. */
function svgImage(file, color, w, h) {
  const key = `${file}|${color}|${w}|${h}`;
  if (svgCache.has(key)) return svgCache.get(key);
  let svg = fs.readFileSync(file, 'utf8');
  if (color) {
    const [hex, alpha] = hexAndAlpha(color);
    svg = svg.replace(/fill="(?!none)[^"]*"/g, `fill="${hex}" fill-opacity="${alpha}"`);
    if (!/<svg[^>]*\sfill=/.test(svg)) svg = svg.replace('<svg', `<svg fill="${hex}" fill-opacity="${alpha}"`);
  }
  const img = new Image(Math.max(1, Math.round(w)), Math.max(1, Math.round(h)));
  img.src = Buffer.from(svg);
  svgCache.set(key, img);
  return img;
}

const lottieCache = new Map();
/** Skottie's animation for a lottie load: its animationData (the parsed JSON), or its rawfile path. */
function lottie(load, res, file) {
  const key = load.animationData !== undefined ? JSON.stringify(load.animationData) : res.rawfile(load.path, file);
  if (!lottieCache.has(key)) {
    lottieCache.set(key, load.animationData !== undefined ? LottieAnimation.loadFromData(key) : LottieAnimation.loadFromFile(key));
  }
  return lottieCache.get(key);
}

/** Corner radii in vp, limited to half the shorter side. */
function radii(box, w, h, density) {
  const limit = Math.min(w, h) / 2;
  const t = box.type;
  const buttonType = t === 'Button' ? String((box.node.args.find((a) => a && a.type !== undefined && a.params === undefined) || {}).type || 'ButtonType.Capsule') : '';
  if (buttonType === 'ButtonType.Circle' || buttonType === 'ButtonType.Capsule') {
    return [limit, limit, limit, limit];
  }
  const r = box.style.radius;
  if (!r) return [0, 0, 0, 0];
  return [r.tl, r.tr, r.br, r.bl].map((l) => Math.min(limit, resolve(l, w, density) || 0));
}

function roundedRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  addRoundedRect(ctx, x, y, w, h, r);
}

/** Adds a rounded rectangle to the current path (radii: top-left, top-right, bottom-right, bottom-left). */
function addRoundedRect(ctx, x, y, w, h, [tl, tr, br, bl]) {
  ctx.moveTo(x + tl, y);
  ctx.lineTo(x + w - tr, y);
  if (tr) ctx.arcTo(x + w, y, x + w, y + tr, tr);
  ctx.lineTo(x + w, y + h - br);
  if (br) ctx.arcTo(x + w, y + h, x + w - br, y + h, br);
  ctx.lineTo(x + bl, y + h);
  if (bl) ctx.arcTo(x, y + h, x, y + h - bl, bl);
  ctx.lineTo(x, y + tl);
  if (tl) ctx.arcTo(x, y, x + tl, y, tl);
  ctx.closePath();
}

class Painter {
  /**
   * @param res the Resources of the picture's locale and mode
   * @param options { density, width, height (device px), lottieLoads (the lottie fake's record) }
   */
  constructor(res, options) {
    this.res = res;
    this.density = options.density;
    this.width = options.width;
    this.height = options.height;
    this.lottieLoads = options.lottieLoads || [];
  }

  /** Paints the tree into a new canvas of width × height device pixels. */
  paint(root) {
    const canvas = createCanvas(this.width, this.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = PAGE[this.res.mode];
    ctx.fillRect(0, 0, this.width, this.height);
    ctx.scale(this.density, this.density);
    if (root) this.box(ctx, root, 0, 0);
    return canvas;
  }

  color(value, box) {
    return this.res.color(value, box.file);
  }

  box(ctx, box, ox, oy) {
    const s = box.style;
    if (s.visibility === 'Visibility.Hidden') return;
    const d = this.density;
    let x = ox + box.x;
    let y = oy + box.y;
    if (s.offset) {
      x += resolve(length(s.offset.x), box.w, d) || 0;
      y += resolve(length(s.offset.y), box.h, d) || 0;
    }
    const hasOwnPaint = Boolean(s.background) || box.type === 'Button';
    const layered = s.opacity < 1 && (box.children.length > 0 || hasOwnPaint);
    if (s.opacity <= 0) return;
    let target = ctx;
    let layer;
    if (layered) {
      layer = createCanvas(this.width, this.height);
      target = layer.getContext('2d');
      target.setTransform(ctx.getTransform());
    }
    target.save();
    if (!layered && s.opacity < 1) target.globalAlpha *= s.opacity;
    if (s.scale) {
      const cx = x + (resolve(length(s.scale.centerX !== undefined ? s.scale.centerX : '50%'), box.w, d) || 0);
      const cy = y + (resolve(length(s.scale.centerY !== undefined ? s.scale.centerY : '50%'), box.h, d) || 0);
      target.translate(cx, cy);
      target.scale(s.scale.x !== undefined ? s.scale.x : 1, s.scale.y !== undefined ? s.scale.y : 1);
      target.translate(-cx, -cy);
    }
    const r = radii(box, box.w, box.h, d);
    this.background(target, box, x, y, r);
    this.border(target, box, x, y, r);
    this.content(target, box, x, y);
    if (s.clip) {
      roundedRect(target, x, y, box.w, box.h, r);
      target.clip();
    }
    const ordered = box.children.map((c, i) => [c, i]).sort((a, b) => a[0].style.zIndex - b[0].style.zIndex || a[1] - b[1]);
    for (const [child] of ordered) this.box(target, child, x, y);
    target.restore();
    if (layered) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha *= s.opacity;
      ctx.drawImage(layer, 0, 0);
      ctx.restore();
    }
  }

  background(ctx, box, x, y, r) {
    let fill = box.style.background !== undefined ? this.color(box.style.background, box) : undefined;
    if (fill === undefined && box.type === 'Button') fill = BUTTON_COLOR;
    if (!fill) return;
    ctx.fillStyle = fill;
    roundedRect(ctx, x, y, box.w, box.h, r);
    ctx.fill();
  }

  border(ctx, box, x, y, r) {
    const b = box.style.border;
    const d = this.density;
    const [top, right, bottom, left] = [b.width.top, b.width.right, b.width.bottom, b.width.left]
      .map((l) => resolve(l, box.w, d) || 0);
    if (!(top || right || bottom || left) || b.color === undefined) return;
    const color = typeof b.color === 'object' && b.color.params === undefined ? b.color.top || b.color.left : b.color;
    ctx.fillStyle = this.color(color, box);
    roundedRect(ctx, x, y, box.w, box.h, r);
    const inner = [Math.max(top, left), Math.max(top, right), Math.max(bottom, right), Math.max(bottom, left)]
      .map((edge, k) => Math.max(0, r[k] - edge));
    addRoundedRect(ctx, x + left, y + top, box.w - left - right, box.h - top - bottom, inner);
    ctx.fill('evenodd');
  }

  content(ctx, box, x, y) {
    const i = box.insets;
    const cx = x + i.left;
    const cy = y + i.top;
    const cw = box.w - i.left - i.right;
    const ch = box.h - i.top - i.bottom;
    if (box.text) this.text(ctx, box, cx, cy, cw, ch, x, y);
    else if (box.type === 'Image' && box.src) this.image(ctx, box, cx, cy, cw, ch);
    else if (box.type === 'Circle' || box.type === 'Ellipse') {
      ctx.fillStyle = box.style.fill !== undefined ? this.color(box.style.fill, box) : '#000000';
      ctx.beginPath();
      ctx.ellipse(cx + cw / 2, cy + ch / 2, cw / 2, ch / 2, 0, 0, Math.PI * 2);
      ctx.fill();
    } else if (box.type === 'Rect') {
      ctx.fillStyle = box.style.fill !== undefined ? this.color(box.style.fill, box) : '#000000';
      ctx.fillRect(cx, cy, cw, ch);
    } else if (box.type === 'Canvas') this.canvas(ctx, box, cx, cy, cw, ch);
  }

  text(ctx, box, cx, cy, cw, ch, x, y) {
    const t = box.text;
    const s = box.style;
    const color = s.fontColor !== undefined ? this.color(s.fontColor, box)
      : box.type === 'Button' ? '#FFFFFF' : TEXT_COLOR[this.res.mode];
    const align = String(s.textAlign || (box.type === 'Button' ? 'TextAlign.Center' : 'TextAlign.Start')).split('.').pop();
    const total = t.lines.length * t.lineHeight;
    // Text draws within its frame (and a Button's label within the button).
    saveClipped(ctx, x, y, box.w, box.h);
    ctx.fillStyle = color;
    ctx.textBaseline = 'alphabetic';
    let top = cy + (ch - total) / 2;
    for (const line of t.lines) {
      let lx = cx;
      if (align === 'Center') lx = cx + (cw - line.width) / 2;
      else if (align === 'End' || align === 'Right') lx = cx + cw - line.width;
      const baseline = top + t.ascent;
      for (const run of text.runs(line.text)) {
        ctx.font = text.cssFont(run.face, t.size, t.weight);
        ctx.fillText(run.text, lx, baseline);
        lx += text.measure(run.text, t.size, t.weight);
      }
      top += t.lineHeight;
    }
    ctx.restore();
  }

  image(ctx, box, cx, cy, cw, ch) {
    if (!box.src.endsWith('.svg')) return;
    const svg = fs.readFileSync(box.src, 'utf8');
    const num = (name) => Number((new RegExp(`<svg[^>]*\\s${name}="([\\d.]+)`)).exec(svg)?.[1] || 24);
    const nw = num('width');
    const nh = num('height');
    const fit = String(box.style.objectFit || 'ImageFit.Cover').split('.').pop();
    let sx = cw / nw;
    let sy = ch / nh;
    if (fit === 'Contain' || fit === 'ScaleDown') sx = sy = Math.min(sx, sy, fit === 'ScaleDown' ? 1 : Infinity);
    else if (fit === 'Cover') sx = sy = Math.max(sx, sy);
    else if (fit === 'None') sx = sy = 1;
    const w = nw * sx;
    const h = nh * sy;
    const color = box.style.fillColor !== undefined ? this.color(box.style.fillColor, box) : undefined;
    const img = svgImage(box.src, color, w * this.density, h * this.density);
    saveClipped(ctx, cx, cy, cw, ch);
    ctx.drawImage(img, cx + (cw - w) / 2, cy + (ch - h) / 2, w, h);
    ctx.restore();
  }

  /** Runs the Canvas's onReady (its own drawing code), then replays what it drew, and any lottie loaded in it. */
  canvas(ctx, box, cx, cy, cw, ch) {
    const context = box.node.args[0];
    const ready = box.node.attrs.filter((a) => a.name === 'onReady' && typeof a.args[0] === 'function').pop();
    if (!context || typeof context !== 'object' || !ready) return;
    context.width = cw;
    context.height = ch;
    context.calls = [];
    ready.args[0]();
    const calls = context.calls;
    saveClipped(ctx, cx, cy, cw, ch);
    ctx.translate(cx, cy);
    for (const [name, args] of calls) {
      if (name.endsWith('=')) ctx[name.slice(0, -1)] = args[0];
      else if (!['measureText', 'getImageData', 'createLinearGradient', 'createRadialGradient'].includes(name)
        && typeof ctx[name] === 'function') ctx[name](...args);
    }
    ctx.restore();
    const load = this.lottieLoads.filter((l) => l.container === context).pop();
    if (load) {
      const anim = lottie(load, this.res, box.file);
      anim.seekFrame(0);
      const scale = Math.min(cw / anim.width, ch / anim.height);
      const w = anim.width * scale;
      const h = anim.height * scale;
      // Skottie takes its destination in device pixels, outside the context's transform.
      const m = ctx.getTransform();
      const lx = cx + (cw - w) / 2;
      const ly = cy + (ch - h) / 2;
      ctx.save();
      anim.render(ctx, { x: m.a * lx + m.c * ly + m.e, y: m.b * lx + m.d * ly + m.f, width: w * m.a, height: h * m.d });
      ctx.restore();
    }
  }
}

module.exports = { Painter };
