// SPDX-License-Identifier: Apache-2.0
// The lottie animations the kit ships (components/src/main/resources/rawfile/*.json) are hand-written, and the
// host fake of lottie never parses them, so a typo would surface only on a device as an empty canvas. This
// suite checks each one against the parts of the Lottie (bodymovin 5.x) format lottieArkTS needs to play it.
import { describe, expect, it } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';

const RAWFILE = path.join(__dirname, '..', '..', '..', 'components', 'src', 'main', 'resources', 'rawfile');

interface Keyframe { t: number; s: number[] }
interface Property { a: number; k: number[] | Keyframe[] }
interface ShapeItem { ty: string; it?: ShapeItem[] }
interface Layer { ty: number; ind: number; ip: number; op: number; ks: Record<string, Property>; shapes: ShapeItem[] }
interface Animation { v: string; fr: number; ip: number; op: number; w: number; h: number; layers: Layer[] }

/** Problems of one animation, as sentences; empty when it is playable. */
function problems(name: string, json: Animation): string[] {
  const out: string[] = [];
  if (!/^5\.\d+\.\d+$/.test(json.v)) out.push(`${name}: "v" must be a bodymovin 5.x version`);
  if (!(json.fr > 0 && json.op > json.ip && json.w > 0 && json.h > 0)) out.push(`${name}: fr, ip < op, w and h must be set`);
  if (!Array.isArray(json.layers) || json.layers.length === 0) out.push(`${name}: no layers`);
  for (const layer of json.layers || []) {
    const where = `${name} layer ${layer.ind}`;
    if (layer.ty !== 4) out.push(`${where}: only shape layers (ty 4) are hand-written here`);
    for (const key of ['o', 'r', 'p', 'a', 's']) {
      const prop = layer.ks[key];
      if (!prop) { out.push(`${where}: transform "${key}" missing`); continue; }
      if (prop.a === 1) {
        const frames = prop.k as Keyframe[];
        frames.forEach((f, i) => {
          if (i > 0 && f.t <= frames[i - 1].t) out.push(`${where}: "${key}" keyframes out of order`);
          if (!Array.isArray(f.s)) out.push(`${where}: "${key}" keyframe without "s"`);
        });
        if (frames[frames.length - 1].t > json.op) out.push(`${where}: "${key}" keyframe after op`);
      }
    }
    const groups = layer.shapes.filter((s) => s.ty === 'gr');
    for (const group of groups) {
      const items = (group.it || []).map((i) => i.ty);
      if (items[items.length - 1] !== 'tr') out.push(`${where}: a group must end with its transform ("tr")`);
      if (!items.some((t) => t === 'el' || t === 'rc' || t === 'sh')) out.push(`${where}: a group without a path`);
      if (!items.some((t) => t === 'fl' || t === 'st')) out.push(`${where}: a group without a fill or stroke`);
    }
  }
  return out;
}

export default function kitLottieFilesTest() {
  describe('KitLottieFiles', () => {
    it('ships the connecting animation the video tiles and the connection badge load', 0, () => {
      expect(fs.existsSync(path.join(RAWFILE, 'zck_connecting.json'))).assertTrue();
    });

    it('ships only lottie files that are complete, playable animations', 0, () => {
      const files = fs.readdirSync(RAWFILE).filter((f) => f.endsWith('.json'));
      const found: string[] = [];
      for (const f of files) {
        found.push(...problems(f, JSON.parse(fs.readFileSync(path.join(RAWFILE, f), 'utf8')) as Animation));
      }
      expect(found.join('\n')).assertEqual('');
    });
  });
}
