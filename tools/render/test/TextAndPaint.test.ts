// SPDX-License-Identifier: Apache-2.0
// The renderer's text, resources and paint: lines broken within a width (maxLines, ellipsis), strings of the
// picture's locale and colours of its mode from the component's own module, every character of every string
// resource present in the committed fonts, and pixels: zIndex order, clipping, opacity, the dark page.
import { describe, expect, it } from '@ohos/hypium';
import { idOf, render } from '../../host/render/harness';
import { PaintCases, Texts } from './fixtures/src/main/ets/LayoutCases';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { layoutTree, flatten } = require('../layout');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Resources } = require('../resources');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { renderTree } = require('../render');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { runs } = require('../text');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { stringFiles } = require('../fonts/characters');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { decode } = require('../compare');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const fs = require('fs');

interface Line { text: string; width: number }
interface TextBox { node: object; text: { lines: Line[] }; w: number }

const SCREEN = { width: 360, height: 780, density: 1 };

function textBoxes(locale: string): TextBox[] {
  const h = render(Texts);
  const all = flatten(layoutTree(h.tree, new Resources(locale, 'light'), SCREEN, 1));
  return all.map((f: { box: TextBox }) => f.box).filter((b: TextBox) => b.text !== undefined);
}

function byId(boxes: TextBox[], id: string): TextBox {
  return boxes.filter((b: TextBox) => idOf(b.node as never) === id)[0];
}

/** RGBA of one pixel of a PNG. */
function pixel(png: Buffer, x: number, y: number): number[] {
  const picture: { width: number; data: Uint8ClampedArray } = decode(png);
  const at: number = (y * picture.width + x) * 4;
  return Array.from(picture.data.subarray(at, at + 4));
}

function paintCases(mode: string): Buffer {
  const h = render(PaintCases);
  return renderTree(h.tree, new Resources('en_US', mode), SCREEN).png;
}

export default function renderTextAndPaintTest() {
  describe('RendererTextAndPaint', () => {
    it('breaks "Allow microphone in Settings" at 10 fp in 72 vp into lines and keeps two, losing "Settings"', 0, () => {
      const hint = byId(textBoxes('en_US'), 'hint');
      expect(hint.text.lines.map((l: Line) => l.text).join(' / ')).assertEqual('Allow / microphone in');
      expect(hint.text.lines.every((l: Line) => l.width <= 72)).assertTrue();
    });

    it('ends a one-line Text that is too long with an ellipsis within its width', 0, () => {
      const name = byId(textBoxes('en_US'), 'name');
      expect(name.text.lines.length).assertEqual(1);
      expect(name.text.lines[0].text.endsWith('…')).assertTrue();
      expect(name.text.lines[0].width <= 80).assertTrue();
    });

    it('takes a string from the locale of the picture, falling back to base', 0, () => {
      expect(byId(textBoxes('en_US'), 'greeting').text.lines[0].text).assertEqual('Hello');
      expect(byId(textBoxes('zh_CN'), 'greeting').text.lines[0].text).assertEqual('连接');
      const kit = new Resources('zh_CN', 'light');
      expect(kit.text({ params: ['app.string.zck_camera_off'], type: 10003 }, '')).assertEqual('摄像头已关闭');
    });

    it('takes a colour of the dark mode from the dark folder and of the light mode from base', 0, () => {
      const file = `${__dirname}/fixtures/src/main/ets/LayoutCases.ets`;
      const ref = { params: ['app.color.fixture_fill'], type: 10001 };
      expect(new Resources('en_US', 'light').color(ref, file)).assertEqual('rgba(17,34,51,1)');
      expect(new Resources('en_US', 'dark').color(ref, file)).assertEqual('rgba(68,85,102,0.502)');
    });

    it('has a glyph for every character of every string resource of the kit and the demo', 0, () => {
      const missing: string[] = [];
      for (const file of stringFiles()) {
        for (const item of JSON.parse(fs.readFileSync(file, 'utf8')).string) {
          try {
            runs(item.value);
          } catch (e) {
            missing.push(`${item.name}: ${(e as Error).message}`);
          }
        }
      }
      expect(missing.join('\n')).assertEqual('');
    });

    it('paints a higher zIndex on top, clips to the frame and blends half opacity over the page', 0, () => {
      const png = paintCases('light');
      expect(pixel(png, 10, 10).join(',')).assertEqual('0,255,0,255');
      expect(pixel(png, 45, 10).join(',')).assertEqual('17,34,51,255');
      expect(pixel(png, 55, 30).join(',')).assertEqual('255,255,255,255');
      const blended = pixel(png, 70, 10);
      expect(Math.abs(blended[0] - 127) <= 2 && Math.abs(blended[1] - 127) <= 2 && blended[2] === 255).assertTrue();
    });

    it('paints the dark page black and the dark colour of a resource', 0, () => {
      const png = paintCases('dark');
      expect(pixel(png, 55, 30).join(',')).assertEqual('0,0,0,255');
      const fill = pixel(png, 45, 10);
      expect(Math.abs(fill[0] - 34) <= 1 && Math.abs(fill[1] - 43) <= 1 && Math.abs(fill[2] - 51) <= 1).assertTrue();
    });
  });
}
