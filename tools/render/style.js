// SPDX-License-Identifier: Apache-2.0
// Reads the attributes a host render node recorded (`.width(180)`, `.padding({ left: 10 })`, `.border({…})`)
// into one plain style object the layout and the painter share: the last call of an attribute wins, as in
// ArkUI, and lengths keep their unit (vp, %, px) until the layout knows what a percentage refers to.
'use strict';
const { isResource } = require('../check/module-resources');

/** A length: { v, unit: 'vp' | 'pct' | 'px' }, or undefined for "not set". */
function length(value, res, file) {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? { v: value, unit: 'vp' } : undefined;
  if (isResource(value)) return length(res ? res.float(value, file) : undefined, res, file);
  const m = /^\s*(-?[\d.]+)\s*(%|vp|px|fp|lpx)?\s*$/.exec(String(value));
  if (!m) return undefined;
  const v = Number(m[1]);
  const unit = m[2] === '%' ? 'pct' : m[2] === 'px' ? 'px' : 'vp';
  return { v: unit === 'pct' ? v / 100 : v, unit };
}

/** A length in vp, with percentages of `ref` (undefined when the reference is unknown or infinite). */
function resolve(len, ref, density) {
  if (!len) return undefined;
  if (len.unit === 'pct') return Number.isFinite(ref) ? len.v * ref : undefined;
  if (len.unit === 'px') return len.v / density;
  return len.v;
}

/** Four edges from a number/string or a { top, right, bottom, left } (or start/end) object. */
function edges(value, res, file) {
  const zero = { top: undefined, right: undefined, bottom: undefined, left: undefined };
  if (value === undefined || value === null) return zero;
  if (typeof value === 'object' && !isResource(value)) {
    return { top: length(value.top, res, file), bottom: length(value.bottom, res, file),
      left: length(value.left !== undefined ? value.left : value.start, res, file),
      right: length(value.right !== undefined ? value.right : value.end, res, file) };
  }
  const all = length(value, res, file);
  return { top: all, right: all, bottom: all, left: all };
}

/** Four corners from a number or a { topLeft, topRight, bottomLeft, bottomRight } object. */
function corners(value, res, file) {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !isResource(value)) {
    return { tl: length(value.topLeft !== undefined ? value.topLeft : value.topStart, res, file),
      tr: length(value.topRight !== undefined ? value.topRight : value.topEnd, res, file),
      bl: length(value.bottomLeft !== undefined ? value.bottomLeft : value.bottomStart, res, file),
      br: length(value.bottomRight !== undefined ? value.bottomRight : value.bottomEnd, res, file) };
  }
  const r = length(value, res, file);
  return { tl: r, tr: r, bl: r, br: r };
}

/** The last arguments of each attribute, by name. */
function lastAttrs(node) {
  const map = new Map();
  for (const a of node.attrs || []) map.set(a.name, a.args);
  return map;
}

/**
 * The style of a node. Colours stay raw (resolved by the painter for a locale and mode); lengths keep units.
 * @param node a host render node { type, args, attrs, children }
 * @param file the source file of the component that built it (for module resources)
 */
function styleOf(node, res, file) {
  const a = lastAttrs(node);
  const first = (name) => (a.has(name) ? a.get(name)[0] : undefined);
  const s = {
    width: length(first('width'), res, file),
    height: length(first('height'), res, file),
    padding: edges(first('padding'), res, file),
    margin: edges(first('margin'), res, file),
    layoutWeight: Number(first('layoutWeight')) || 0,
    flexGrow: Number(first('flexGrow')) || 0,
    flexShrink: a.has('flexShrink') ? Number(first('flexShrink')) : undefined,
    aspectRatio: Number(first('aspectRatio')) > 0 ? Number(first('aspectRatio')) : undefined,
    position: first('position'),
    offset: first('offset'),
    markAnchor: first('markAnchor'),
    alignRules: first('alignRules'),
    zIndex: Number(first('zIndex')) || 0,
    clip: first('clip') === true,
    radius: corners(first('borderRadius'), res, file),
    opacity: a.has('opacity') ? Math.max(0, Math.min(1, Number(first('opacity')))) : 1,
    background: first('backgroundColor'),
    visibility: first('visibility') || 'Visibility.Visible',
    justifyContent: first('justifyContent'),
    alignItems: first('alignItems'),
    alignSelf: first('alignSelf'),
    align: first('align'),
    scale: first('scale'),
    fontSize: length(first('fontSize'), res, file),
    fontColor: first('fontColor'),
    fontWeight: first('fontWeight'),
    textAlign: first('textAlign'),
    maxLines: a.has('maxLines') ? Number(first('maxLines')) : undefined,
    textOverflow: first('textOverflow'),
    lineHeight: length(first('lineHeight'), res, file),
    fillColor: first('fillColor'),
    fill: first('fill'),
    objectFit: first('objectFit'),
    constraint: first('constraintSize'),
    columnsTemplate: first('columnsTemplate'),
    rowsTemplate: first('rowsTemplate'),
    columnsGap: length(first('columnsGap'), res, file),
    rowsGap: length(first('rowsGap'), res, file),
    border: { width: edges(undefined), color: undefined },
  };
  const border = first('border');
  if (border && typeof border === 'object') {
    s.border.width = edges(border.width, res, file);
    s.border.color = border.color;
    if (border.radius !== undefined) s.radius = corners(border.radius, res, file);
  }
  if (a.has('borderWidth')) s.border.width = edges(first('borderWidth'), res, file);
  if (a.has('borderColor')) s.border.color = first('borderColor');
  return s;
}

module.exports = { styleOf, length, resolve, edges, corners };
