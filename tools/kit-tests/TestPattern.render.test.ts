// SPDX-License-Identifier: Apache-2.0
// The simulated engine's test pattern fills its tile as a video does (cover) at any size or shape: no pixel of
// the canvas is left undrawn, a tall tile cuts the outer bars of the portrait frame and a wide one shows all
// seven, and a frame is the same few whole-unit rectangles every time (screenshot tests need identical bytes).
import { describe, expect, it } from '@ohos/hypium';
import { drawTestPattern } from '../../components/src/main/ets/components/internal/TestPattern';

interface Rect { colour: string; x: number; y: number; w: number; h: number }

/** A 2D context that keeps the rectangles filled and the colour of each. */
class RectRecorder {
  fillStyle: string = '';
  rects: Rect[] = [];

  fillRect(x: number, y: number, w: number, h: number): void {
    this.rects.push({ colour: this.fillStyle, x, y, w, h });
  }
}

function draw(width: number, height: number, frame: number = 0, seed: number = 0): Rect[] {
  const recorder = new RectRecorder();
  drawTestPattern(recorder as unknown as CanvasRenderingContext2D, width, height, frame, seed);
  return recorder.rects;
}

/** The centres of whole pixels of a width × height canvas that no rectangle covers. */
function uncovered(rects: Rect[], width: number, height: number): number {
  let missing = 0;
  for (let y = 0.5; y < height; y += 1) {
    for (let x = 0.5; x < width; x += 1) {
      if (!rects.some((r: Rect) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)) {
        missing++;
      }
    }
  }
  return missing;
}

const SIZES: number[][] = [[360, 780], [108, 144], [116.7, 130.3], [173.5, 295.25], [800, 200], [64, 64], [3, 500]];

export default function testPatternRenderTest() {
  describe('TestPattern', () => {
    it('covers every pixel of its canvas at any size and shape, in every frame', 0, () => {
      const gaps: string[] = [];
      for (const size of SIZES) {
        for (const frame of [0, 7, 50, 333]) {
          const missing = uncovered(draw(size[0], size[1], frame, 3), size[0], size[1]);
          if (missing > 0) {
            gaps.push(`${size[0]}×${size[1]} frame ${frame}: ${missing} pixels undrawn`);
          }
        }
      }
      expect(gaps.join(', ')).assertEqual('');
    });

    it('cuts the outer bars of a tall tile and shows all seven in a wide one, as a covering video does', 0, () => {
      const bars = (rects: Rect[]): Rect[] => rects.slice(0, 7);
      const tall = bars(draw(360, 780));
      const wide = bars(draw(800, 200));
      // A 9:16 frame covering 360 × 780 vp is 438.75 wide: 39.4 vp of it is cut on each side.
      expect(tall[0].w < tall[3].w && tall[6].w < tall[3].w).assertTrue();
      expect(tall[0].x + ',' + (tall[6].x + tall[6].w)).assertEqual('0,360');
      expect(new Set(wide.map((r: Rect) => r.colour)).size).assertEqual(7);
      expect(Math.abs(wide[0].w - wide[3].w) <= 1).assertTrue();
    });

    it('draws the same whole-unit rectangles every time, ten per frame', 0, () => {
      const first = draw(116.7, 130.3, 50, 2);
      const second = draw(116.7, 130.3, 50, 2);
      expect(JSON.stringify(second)).assertEqual(JSON.stringify(first));
      expect(first.length <= 10).assertTrue();
      const fractional = first.filter((r: Rect) => [r.x, r.y, r.w, r.h].some((v: number) => v !== Math.round(v)));
      expect(fractional.length).assertEqual(0);
    });
  });
}
