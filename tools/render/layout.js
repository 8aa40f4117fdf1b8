// SPDX-License-Identifier: Apache-2.0
// Lays out a host render tree (tools/host/render) with ArkUI's layout rules, as its NG layout algorithms
// (arkui_ace_engine components_ng) state them, for the components the kit uses:
//  - every node is measured under a constraint { min, max, percent reference }: a child's constraint is its
//    parent's content box (the parent's own width/height when set, else what the parent itself may take,
//    minus padding and border), less the child's margin. Set sizes are kept even when larger (they
//    overflow); a node without a size wraps its content within [min, max];
//  - Column/Row (linear): children one after another with `space`, layoutWeight shares what is left of a
//    known main size, Blank/flexGrow fill it when no weight does, justifyContent along (Start default,
//    centred overflow stays centred), alignItems across (Center default) with alignSelf;
//  - Flex: the same with direction, alignItems Start by default, and flexShrink 1 on overflow (no wrap); in a
//    Row or Column only children with a flexShrink of their own shrink (ArkUI's default there is 0);
//  - Stack: children on top of each other, aligned by alignContent (Center default);
//  - RelativeContainer: 100% of its parent unless sized; each child placed by its alignRules against the
//    container ('__container__') or a sibling's id (siblings first, in dependency order): the first rule of each
//    direction (left, middle, right; top, center, bottom) places the child's margin box at the anchor's
//    Start/Center/End (Top/Center/Bottom), so a margin is the distance to the anchor; two rules of a direction
//    give an unsized child its size; a child without a rule in a direction sits at 0 there, its margin unused;
//  - a custom component with attributes is a box that centres its content (ets-loader wraps it in
//    `__Common__`); one without attributes is transparent (its build root takes its place);
//  - Grid: `fr` columns of columnsTemplate with columnsGap/rowsGap, rows as tall as their tallest item, or
//    `fr` rows of rowsTemplate sharing the height (a fixed grid: items beyond its cells are not shown);
//  - aspectRatio, position (from the parent's top-left), offset and scale (paint only), Visibility.None
//    (no space) and Hidden (space, not painted).
// Boxes are in vp; x/y are relative to the parent's frame.
'use strict';
const runtime = require('../host/render/runtime');
const { styleOf, resolve, length } = require('./style');
const text = require('./text');

const LINEAR = new Set(['Column', 'Row', 'Flex', 'List', 'Scroll', 'ListItem']);
const TEXTS = new Set(['Text', 'Span', 'TextInput', 'TextArea', 'Search']);
const SHAPES = new Set(['Circle', 'Ellipse', 'Rect', 'Shape']);
const DEFAULT_FONT_SIZE = 16;

/** The source file of the component that recorded a node (where its `$r` resolve). */
function fileOf(node) {
  return node.owner ? runtime.metaOf(node.owner).file : '';
}

/** Turns a host node into boxes (a transparent custom component gives its children's boxes). */
function boxesOf(node, res) {
  if (node.view && node.attrs.length === 0) return node.children.flatMap((c) => boxesOf(c, res));
  if (node.type === '#builder') return [];
  const file = fileOf(node);
  const style = styleOf(node, res, file);
  if (style.visibility === 'Visibility.None') return [];
  const box = { node, type: node.view ? '__Common__' : node.type, style, file, children: [], x: 0, y: 0, w: 0, h: 0 };
  if (node.type !== 'Text' && node.type !== 'Button') box.children = node.children.flatMap((c) => boxesOf(c, res));
  else box.children = node.children.filter((c) => c.type !== 'Span').flatMap((c) => boxesOf(c, res));
  return [box];
}

const finite = (v) => (Number.isFinite(v) ? v : undefined);
const clamp = (v, min, max) => Math.max(min || 0, Math.min(v, Number.isFinite(max) ? max : Infinity));
const sumEdges = (e) => [e.left + e.right, e.top + e.bottom];

/** Resolved padding + border (vp) of a box under a width reference. */
function insets(box, pctW, density) {
  const p = box.style.padding;
  const b = box.style.border.width;
  const r = (l) => resolve(l, pctW, density) || 0;
  return { left: r(p.left) + r(b.left), right: r(p.right) + r(b.right), top: r(p.top) + r(b.top),
    bottom: r(p.bottom) + r(b.bottom) };
}

/** The argument object of a container call (`Column({ space: 8 })`, `Stack({ alignContent })`). */
function options(box) {
  const a = box.node.args[0];
  return a && typeof a === 'object' && !Array.isArray(a) && a.params === undefined ? a : {};
}

/** The text a Text/Button/Span shows, in the renderer's locale. */
function textOf(box, res) {
  const node = box.node;
  const spans = node.children.filter((c) => c.type === 'Span');
  if (spans.length > 0) return spans.map((s) => res.text(s.args[0], fileOf(s))).join('');
  let value = node.args[0];
  if (['TextInput', 'TextArea', 'Search'].includes(node.type)) value = value && value.text !== undefined ? value.text : value && value.placeholder;
  return res.text(value, box.file);
}

class Layout {
  /** @param res a Resources (texts are measured in its locale) @param density device pixels per vp */
  constructor(res, density) {
    this.res = res;
    this.density = density;
  }

  /** Measures a box under constraint `c` = { minW, minH, maxW, maxH, pctW, pctH, exactW?, exactH? }. */
  measure(box, c) {
    const s = box.style;
    const d = this.density;
    const m = s.margin;
    const r = (l) => resolve(l, c.pctW, d) || 0;
    box.margin = { left: r(m.left), right: r(m.right), top: r(m.top), bottom: r(m.bottom) };
    const [mh, mv] = sumEdges(box.margin);
    const cc = { minW: Math.max(0, (c.minW || 0) - mh), minH: Math.max(0, (c.minH || 0) - mv),
      maxW: c.maxW - mh, maxH: c.maxH - mv, pctW: c.pctW - mh, pctH: c.pctH - mv };
    let w = c.exactW !== undefined ? c.exactW - mh : resolve(s.width, cc.pctW, d);
    let h = c.exactH !== undefined ? c.exactH - mv : resolve(s.height, cc.pctH, d);
    if (s.aspectRatio) {
      if (w !== undefined && h === undefined) h = w / s.aspectRatio;
      else if (h !== undefined && w === undefined) w = h * s.aspectRatio;
    }
    if (s.constraint) {
      const cs = s.constraint;
      const lim = (v, lo, hi, ref) => {
        const a = resolve(length(lo), ref, d);
        const b = resolve(length(hi), ref, d);
        return v === undefined ? v : Math.max(a === undefined ? -Infinity : a, Math.min(b === undefined ? Infinity : b, v));
      };
      w = lim(w, cs.minWidth, cs.maxWidth, cc.pctW);
      h = lim(h, cs.minHeight, cs.maxHeight, cc.pctH);
    }
    const pad = insets(box, c.pctW, d);
    box.insets = pad;
    const [ph, pv] = sumEdges(pad);
    // The children's constraint: this box's own size when set, else what it may take itself, less padding.
    const inner = {
      minW: 0, minH: 0,
      maxW: (w !== undefined ? w : cc.maxW) - ph, maxH: (h !== undefined ? h : cc.maxH) - pv,
      pctW: (w !== undefined ? w : cc.pctW) - ph, pctH: (h !== undefined ? h : cc.pctH) - pv,
    };
    const content = this.content(box, inner, w === undefined ? undefined : w - ph, h === undefined ? undefined : h - pv);
    box.w = w !== undefined ? w : clamp(content.w + ph, cc.minW, cc.maxW);
    box.h = h !== undefined ? h : clamp(content.h + pv, cc.minH, cc.maxH);
    if (s.aspectRatio && w === undefined && h === undefined) box.h = box.w / s.aspectRatio;
    box.w = Math.max(0, box.w);
    box.h = Math.max(0, box.h);
    if (content.place) content.place(box.w - ph, box.h - pv);
    return box;
  }

  /** Measures the content of a box; returns its size and a function that places the children. */
  content(box, inner, ownW, ownH) {
    const t = box.type;
    if (TEXTS.has(t) || (t === 'Button' && box.children.length === 0)) return this.textContent(box, inner, ownW);
    if (t === 'Image') return this.imageContent(box);
    if (SHAPES.has(t)) {
      const o = options(box);
      return { w: resolve(length(o.width), inner.pctW, this.density) || 0, h: resolve(length(o.height), inner.pctH, this.density) || 0 };
    }
    if (LINEAR.has(t)) return this.linear(box, inner, ownW, ownH);
    if (t === 'Grid') return this.grid(box, inner, ownW, ownH);
    if (t === 'RelativeContainer') return this.relative(box, inner);
    return this.stack(box, inner);
  }

  textContent(box, inner, ownW) {
    const s = box.style;
    const isButton = box.type === 'Button';
    const size = resolve(s.fontSize, undefined, this.density) || DEFAULT_FONT_SIZE;
    const weight = s.fontWeight !== undefined ? s.fontWeight : isButton ? 'FontWeight.Medium' : undefined;
    const value = textOf(box, this.res);
    const maxWidth = ownW !== undefined ? ownW : inner.maxW;
    const overflow = s.textOverflow && s.textOverflow.overflow;
    const broken = text.breakLines(value, { size, weight, maxWidth: Math.max(0, maxWidth),
      maxLines: s.maxLines > 0 ? s.maxLines : Infinity, ellipsis: overflow === 'TextOverflow.Ellipsis' });
    const metrics = text.lineBox(value, size);
    const lineHeight = resolve(s.lineHeight, undefined, this.density) || metrics.height;
    box.text = { value, size, weight, lines: broken.lines, truncated: broken.truncated, lineHeight,
      ascent: metrics.ascent + (lineHeight - metrics.height) / 2 };
    const w = Math.min(Math.max(0, ...broken.lines.map((l) => l.width)), Math.max(0, maxWidth));
    return { w: Math.ceil(w * 100) / 100, h: broken.lines.length * lineHeight };
  }

  imageContent(box) {
    const v = box.node.args[0];
    if (v && typeof v === 'object' && Array.isArray(v.params)) {
      const file = this.res.media(v, box.file);
      box.src = file;
      if (file.endsWith('.svg')) {
        const svg = require('fs').readFileSync(file, 'utf8');
        const num = (name) => Number((new RegExp(`<svg[^>]*\\s${name}="([\\d.]+)`)).exec(svg)?.[1] || 24);
        return { w: num('width'), h: num('height') };
      }
    }
    return { w: 0, h: 0 };
  }

  /** Stack, custom-component boxes, Button with content, GridItem and every leaf without content. */
  stack(box, inner) {
    let w = 0;
    let h = 0;
    const flow = box.children.filter((c) => !c.style.position);
    for (const child of box.children) {
      this.measure(child, inner);
      if (flow.includes(child)) {
        w = Math.max(w, child.w + child.margin.left + child.margin.right);
        h = Math.max(h, child.h + child.margin.top + child.margin.bottom);
      }
    }
    const align = box.type === 'Stack' ? options(box).alignContent || box.style.align || 'Alignment.Center'
      : box.style.align || 'Alignment.Center';
    return { w, h, place: (cw, ch) => {
      for (const child of box.children) {
        if (child.style.position) { this.positioned(box, child, cw, ch); continue; }
        const [fx, fy] = alignment(align);
        const ow = child.w + child.margin.left + child.margin.right;
        const oh = child.h + child.margin.top + child.margin.bottom;
        child.x = box.insets.left + (cw - ow) * fx + child.margin.left;
        child.y = box.insets.top + (ch - oh) * fy + child.margin.top;
      }
    } };
  }

  /** `.position({ x, y })`: from the parent's top-left, outside the flow. */
  positioned(parent, child, cw, ch) {
    const p = child.style.position;
    child.x = (resolve(length(p.x), cw, this.density) || 0) + child.margin.left;
    child.y = (resolve(length(p.y), ch, this.density) || 0) + child.margin.top;
  }

  linear(box, inner, ownW, ownH) {
    const t = box.type;
    const o = options(box);
    const flex = t === 'Flex';
    const vertical = flex ? /Column/.test(String(o.direction || '')) : t !== 'Row';
    const reverse = flex && /Reverse/.test(String(o.direction || ''));
    const space = resolve(length(o.space), undefined, this.density) || 0;
    const main = vertical ? 'h' : 'w';
    const cross = vertical ? 'w' : 'h';
    // flexShrink: 1 by default in a Flex, 0 in a Row or Column (ArkUI's flex-layout attributes).
    const shrinkOf = (c) => (c.style.flexShrink !== undefined ? c.style.flexShrink : flex ? 1 : 0);
    const mainMargin = (c) => (vertical ? c.margin.top + c.margin.bottom : c.margin.left + c.margin.right);
    const crossMargin = (c) => (vertical ? c.margin.left + c.margin.right : c.margin.top + c.margin.bottom);
    const ownMain = vertical ? ownH : ownW;
    const maxMain = vertical ? inner.maxH : inner.maxW;
    const kids = box.children.filter((c) => !c.style.position);
    const weighted = kids.filter((c) => c.style.layoutWeight > 0);
    const growing = kids.filter((c) => c.style.layoutWeight <= 0 && (c.type === 'Blank' || c.style.flexGrow > 0));
    const gaps = Math.max(0, kids.length - 1) * space;
    let used = gaps;
    for (const child of kids) {
      if (weighted.includes(child)) continue;
      this.measure(child, inner);
      used += child[main] + mainMargin(child);
    }
    // The main size: set, or the most it may take when weights share it, else the content.
    let mainSize = ownMain;
    if (mainSize === undefined && weighted.length > 0 && Number.isFinite(maxMain)) mainSize = maxMain;
    if (weighted.length > 0) {
      const total = weighted.reduce((n, c) => n + c.style.layoutWeight, 0);
      const left = Math.max(0, (mainSize !== undefined ? mainSize : used) - used);
      for (const child of weighted) {
        const share = (left * child.style.layoutWeight) / total;
        this.measure(child, { ...inner, [vertical ? 'exactH' : 'exactW']: share });
        used += share;
      }
    } else if (growing.length > 0 && mainSize !== undefined && mainSize > used) {
      const total = growing.reduce((n, c) => n + (c.style.flexGrow || 1), 0);
      const left = mainSize - used;
      for (const child of growing) {
        const extra = (left * (child.style.flexGrow || 1)) / total;
        this.measure(child, { ...inner, [vertical ? 'exactH' : 'exactW']: child[main] + mainMargin(child) + extra });
        used += extra;
      }
    } else if ((flex || kids.some((c) => shrinkOf(c) > 0)) && mainSize !== undefined && used > mainSize) {
      const shrinkers = kids.filter((c) => shrinkOf(c) > 0);
      const total = shrinkers.reduce((n, c) => n + shrinkOf(c) * c[main], 0);
      const over = used - mainSize;
      for (const child of shrinkers) {
        const cut = total > 0 ? (over * shrinkOf(child) * child[main]) / total : 0;
        this.measure(child, { ...inner, [vertical ? 'exactH' : 'exactW']: Math.max(0, child[main] + mainMargin(child) - cut) });
      }
      used = mainSize;
    }
    const crossSize = Math.max(0, ...kids.map((c) => c[cross] + crossMargin(c)));
    const defaultAlign = flex ? 'ItemAlign.Start' : vertical ? 'HorizontalAlign.Center' : 'VerticalAlign.Center';
    const alignItems = box.style.alignItems || (flex ? o.alignItems : undefined) || defaultAlign;
    const justify = box.style.justifyContent || (flex ? o.justifyContent : undefined) || 'FlexAlign.Start';
    return { w: vertical ? crossSize : used, h: vertical ? used : crossSize, place: (cw, ch) => {
      const contentMain = vertical ? ch : cw;
      const contentCross = vertical ? cw : ch;
      const free = contentMain - used;
      const n = kids.length;
      let start = 0;
      let between = space;
      const j = String(justify).split('.').pop();
      if (j === 'Center') start = free / 2;
      else if (j === 'End') start = free;
      else if (free > 0 && n > 0 && j === 'SpaceBetween') between = space + (n > 1 ? free / (n - 1) : 0);
      else if (free > 0 && n > 0 && j === 'SpaceAround') { between = space + free / n; start = free / n / 2; }
      else if (free > 0 && n > 0 && j === 'SpaceEvenly') { between = space + free / (n + 1); start = free / (n + 1); }
      let at = start;
      const order = reverse ? [...kids].reverse() : kids;
      for (const child of order) {
        const selfAlign = child.style.alignSelf && child.style.alignSelf !== 'ItemAlign.Auto' ? child.style.alignSelf : alignItems;
        const a = String(selfAlign).split('.').pop();
        if (a === 'Stretch') {
          this.measure(child, { ...inner, [vertical ? 'exactW' : 'exactH']: contentCross,
            [vertical ? 'exactH' : 'exactW']: child[main] + mainMargin(child) });
        }
        const f = ['Start', 'Top', 'Stretch', 'Baseline'].includes(a) ? 0 : ['End', 'Bottom'].includes(a) ? 1 : 0.5;
        const crossAt = (contentCross - child[cross] - crossMargin(child)) * f;
        const mainAt = at + (vertical ? child.margin.top : child.margin.left);
        const crossPos = crossAt + (vertical ? child.margin.left : child.margin.top);
        child.x = box.insets.left + (vertical ? crossPos : mainAt);
        child.y = box.insets.top + (vertical ? mainAt : crossPos);
        at += child[main] + mainMargin(child) + between;
      }
      for (const child of box.children.filter((c) => c.style.position)) {
        this.measure(child, inner);
        this.positioned(box, child, cw, ch);
      }
    } };
  }

  /**
   * RelativeContainer (arkui_ace_engine relative_container_layout_algorithm): 100% of what its parent gives
   * unless sized. Children are measured within its content box and placed by their alignRules, siblings they
   * anchor to first; a rule whose anchor is not there is ignored, and children whose anchors form a loop are not
   * shown.
   */
  relative(box, inner) {
    const w = Number.isFinite(inner.maxW) ? inner.maxW : 0;
    const h = Number.isFinite(inner.maxH) ? inner.maxH : 0;
    return { w, h, place: (cw, ch) => {
      const byId = new Map();
      for (const child of box.children) {
        const id = runtime.idOf(child.node);
        if (id !== undefined) byId.set(id, child);
      }
      const rulesOf = (child) => {
        const r = child.style.alignRules;
        return r && typeof r === 'object' ? r : {};
      };
      const anchorsOf = (child) => Object.values(rulesOf(child))
        .map((rule) => rule && rule.anchor).filter((a) => a !== undefined && a !== '__container__');
      const placed = new Set();
      const frames = new Map([['__container__', { x: 0, y: 0, w: cw, h: ch }]]);
      let pending = [...box.children];
      while (pending.length > 0) {
        const ready = pending.filter((c) => anchorsOf(c).every((a) => !byId.has(a) || placed.has(byId.get(a))));
        if (ready.length === 0) break;
        for (const child of ready) {
          this.placeRelative(child, rulesOf(child), inner, cw, ch, (a) => (byId.has(a) ? frames.get(a) : a === '__container__' ? frames.get(a) : undefined));
          placed.add(child);
          const id = runtime.idOf(child.node);
          if (id !== undefined) {
            frames.set(id, { x: child.x - child.margin.left, y: child.y - child.margin.top,
              w: child.w + child.margin.left + child.margin.right, h: child.h + child.margin.top + child.margin.bottom });
          }
        }
        pending = pending.filter((c) => !placed.has(c));
      }
      // A dependency loop: ArkUI lays none of them out.
      box.children = box.children.filter((c) => placed.has(c));
      for (const child of box.children) {
        child.x += box.insets.left;
        child.y += box.insets.top;
      }
    } };
  }

  /** Measures and places one child of a RelativeContainer (x/y in its content box). */
  placeRelative(child, rules, inner, cw, ch, frameOf) {
    const axes = [
      { names: ['left', 'middle', 'right'], pos: 'x', size: 'w', exact: 'exactW', before: 'left', after: 'right' },
      { names: ['top', 'center', 'bottom'], pos: 'y', size: 'h', exact: 'exactH', before: 'top', after: 'bottom' },
    ];
    // Where each rule puts its edge: the anchor's start, centre or end (the anchor's margin box for a sibling).
    const lines = axes.map((axis) => axis.names.map((name) => {
      const rule = rules[name];
      const frame = rule ? frameOf(rule.anchor) : undefined;
      if (!frame) return undefined;
      const a = String(rule.align).split('.').pop();
      const f = /Start|Top|Left/.test(a) ? 0 : /End|Bottom|Right/.test(a) ? 1 : 0.5;
      return frame[axis.pos] + frame[axis.size] * f;
    }));
    const constraint = { ...inner, maxW: cw, maxH: ch, pctW: cw, pctH: ch };
    axes.forEach((axis, i) => {
      const set = lines[i].map((v, k) => (v === undefined ? undefined : k)).filter((k) => k !== undefined);
      const own = axis.size === 'w' ? child.style.width : child.style.height;
      if (set.length < 2 || own !== undefined) return;
      // Two rules size an unsized child (its margin box): left–right, or twice left–middle / middle–right.
      const [k1, k2] = set;
      const span = lines[i][k2] - lines[i][k1];
      constraint[axis.exact] = Math.max(0, k2 - k1 === 2 ? span : 2 * span);
    });
    this.measure(child, constraint);
    axes.forEach((axis, i) => {
      const k = lines[i].findIndex((v) => v !== undefined);
      const outer = child[axis.size] + child.margin[axis.before] + child.margin[axis.after];
      if (k < 0) { child[axis.pos] = 0; return; }
      const at = lines[i][k] - outer * (k / 2);
      child[axis.pos] = at + child.margin[axis.before];
    });
  }

  grid(box, inner, ownW, ownH) {
    const s = box.style;
    const fractions = (t) => String(t).trim().split(/\s+/).map((x) => Number.parseFloat(x) || 1);
    const template = fractions(s.columnsTemplate || '1fr');
    const colGap = resolve(s.columnsGap, inner.pctW, this.density) || 0;
    const rowGap = resolve(s.rowsGap, inner.pctH, this.density) || 0;
    const width = ownW !== undefined ? ownW : Number.isFinite(inner.maxW) ? inner.maxW : 0;
    const share = (size, gap, t) => {
      const total = t.reduce((a, b) => a + b, 0);
      return t.map((fr) => ((size - gap * (t.length - 1)) * fr) / total);
    };
    const cols = share(width, colGap, template);
    // rowsTemplate with columnsTemplate: a fixed grid, rows sharing the height, no scrolling; items beyond its
    // cells are not shown.
    const height = ownH !== undefined ? ownH : Number.isFinite(inner.maxH) ? inner.maxH : undefined;
    const fixedRows = s.rowsTemplate && height !== undefined ? share(height, rowGap, fractions(s.rowsTemplate)) : undefined;
    const rows = [];
    box.children.forEach((child, i) => {
      const col = i % cols.length;
      const row = Math.floor(i / cols.length);
      if (fixedRows && row >= fixedRows.length) { child.hidden = true; return; }
      if (col === 0) rows.push([]);
      const cell = fixedRows ? { maxH: fixedRows[row], pctH: fixedRows[row], exactH: fixedRows[row] } : { maxH: Infinity, pctH: inner.pctH };
      this.measure(child, { minW: 0, minH: 0, maxW: cols[col], pctW: cols[col], exactW: cols[col], ...cell });
      rows[rows.length - 1].push(child);
    });
    const heights = fixedRows ? fixedRows.slice(0, rows.length)
      : rows.map((row) => Math.max(...row.map((c) => c.h + c.margin.top + c.margin.bottom)));
    const h = fixedRows ? height : heights.reduce((a, b) => a + b, 0) + rowGap * Math.max(0, rows.length - 1);
    box.children = box.children.filter((c) => !c.hidden);
    return { w: width, h, place: () => {
      let y = box.insets.top;
      rows.forEach((row, r) => {
        let x = box.insets.left;
        row.forEach((child, col) => {
          child.x = x + child.margin.left;
          child.y = y + child.margin.top;
          x += cols[col] + colGap;
        });
        y += heights[r] + rowGap;
      });
    } };
  }
}

/** Where an Alignment puts a child: fractions of the free space across and down. */
function alignment(value) {
  const name = String(value).split('.').pop();
  const fx = /Start|Left/.test(name) ? 0 : /End|Right/.test(name) ? 1 : 0.5;
  const fy = /^Top/.test(name) ? 0 : /^Bottom/.test(name) ? 1 : 0.5;
  return [fx, fy];
}

/**
 * Lays out a host render tree on a screen of `screen.width` × `screen.height` vp. Returns the root box (its
 * children are boxes with x/y relative to their parent), or undefined when the tree shows nothing.
 */
function layoutTree(tree, res, screen, density) {
  const roots = boxesOf(tree, res);
  if (roots.length === 0) return undefined;
  const layout = new Layout(res, density);
  const c = { minW: 0, minH: 0, maxW: screen.width, maxH: screen.height, pctW: screen.width, pctH: screen.height };
  const root = roots[0];
  layout.measure(root, c);
  root.x = root.margin.left;
  root.y = root.margin.top;
  return root;
}

/** Every box of a laid-out tree with its absolute frame { x, y, w, h } (vp), depth first. */
function flatten(root, out = [], ox = 0, oy = 0) {
  if (!root) return out;
  const x = ox + root.x;
  const y = oy + root.y;
  out.push({ box: root, x, y, w: root.w, h: root.h });
  for (const child of root.children) flatten(child, out, x, y);
  return out;
}

module.exports = { layoutTree, flatten, Layout, alignment, textOf };
