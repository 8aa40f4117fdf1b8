// SPDX-License-Identifier: Apache-2.0
// The renderer's layout rules against boxes computed by hand (fixtures/src/main/ets/LayoutCases.ets): a Column
// sharing its height by layoutWeight, a Stack aligning to its bottom end, percentages inside padding, a centred
// overflowing Row, a Row whose one flexShrink child gives way, Blank, margin, aspectRatio, custom components, visibility, position, a Grid of 3:4 items
// a fixed Grid whose rows share its height, and a RelativeContainer's alignRules.
import { describe, expect, it } from '@ohos/hypium';
import { render } from '../../host/render/harness';
import { idOf } from '../../host/render/harness';
import {
  BlankMarginAspect, BottomEndStack, CustomBoxes, FixedRowsGrid, OverflowingRow, PercentInPadding, RelativeRules,
  ShrinkingRow, ThreeColumnGrid, VisibilityAndPosition, WeightColumn
} from './fixtures/src/main/ets/LayoutCases';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { layoutTree, flatten } = require('../layout');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Resources } = require('../resources');

interface Frame { x: number; y: number; w: number; h: number; box: { node: object; type: string } }

const SCREEN = { width: 360, height: 780 };

function frames(component: object): Frame[] {
  const h = render(component as never);
  return flatten(layoutTree(h.tree, new Resources('en_US', 'light'), SCREEN, 1));
}

function frameOf(all: Frame[], id: string, nth: number = 0): Frame {
  const found = all.filter((f: Frame) => idOf(f.box.node as never) === id)[nth];
  if (found === undefined) throw new Error(`no box with id ${id}`);
  return found;
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.01;
}

/** "x,y w×h" of a frame, rounded to 2 decimals, for readable failures. */
function show(f: Frame): string {
  const r = (v: number): string => String(Math.round(v * 100) / 100);
  return `${r(f.x)},${r(f.y)} ${r(f.w)}×${r(f.h)}`;
}

function expectFrame(all: Frame[], id: string, x: number, y: number, w: number, h: number, nth: number = 0): void {
  const f = frameOf(all, id, nth);
  const want = show({ x, y, w, h, box: f.box });
  expect(near(f.x, x) && near(f.y, y) && near(f.w, w) && near(f.h, h) ? want : show(f)).assertEqual(want);
}

export default function renderLayoutTest() {
  describe('RendererLayout', () => {
    it('shares what is left of a Column after its fixed child by layoutWeight 1 : 2', 0, () => {
      const all = frames(WeightColumn);
      expectFrame(all, 'column', 0, 0, 200, 400);
      expectFrame(all, 'fixed', 75, 10, 50, 100);
      expectFrame(all, 'one', 10, 110, 180, 280 / 3);
      expectFrame(all, 'two', 10, 110 + 280 / 3, 180, 560 / 3);
    });

    it('puts Stack children at its bottom end inside the padding, with percentages of the content box', 0, () => {
      const all = frames(BottomEndStack);
      expectFrame(all, 'small', 140, 70, 50, 20);
      expectFrame(all, 'half', 100, 60, 90, 30);
    });

    it('resolves percentages against the box inside the parent padding', 0, () => {
      const all = frames(PercentInPadding);
      expectFrame(all, 'inner', 80, 10, 120, 40);
    });

    it('centres an overflowing Row so that both ends are cut equally', 0, () => {
      const all = frames(OverflowingRow);
      expectFrame(all, 'row', 0, 0, 100, 40);
      expectFrame(all, 'first', -35, 10, 50, 20);
      expectFrame(all, 'second', 25, 0, 50, 40);
      expectFrame(all, 'third', 85, 10, 50, 20);
    });

    it('shrinks only the Row child with a flexShrink of its own when the children are too wide', 0, () => {
      const all = frames(ShrinkingRow);
      // 30 + 70 + 20 + 2 gaps of 10 = 140 in 100: the 40 over comes off the shrinking child alone.
      expectFrame(all, 'fixed-start', 0, 0, 30, 20);
      expectFrame(all, 'shrinks', 40, 0, 30, 20);
      expectFrame(all, 'fixed-end', 80, 0, 20, 20);
    });

    it('lets Blank take the free width, margin shrink a 100% child and aspectRatio set the height', 0, () => {
      const all = frames(BlankMarginAspect);
      expectFrame(all, 'start', 0, 0, 30, 10);
      expectFrame(all, 'end', 180, 0, 20, 10);
      expectFrame(all, 'margined', 12, 22, 176, 10);
      expectFrame(all, 'aspect', 0, 44, 90, 120);
    });

    it('centres the content of a sized custom component and lays out an unsized one as its content', 0, () => {
      const all = frames(CustomBoxes);
      expectFrame(all, 'sized', 0, 0, 100, 100);
      expectFrame(all, 'square', 30, 30, 40, 40, 0);
      expectFrame(all, 'square', 0, 100, 40, 40, 1);
    });

    it('gives Visibility.None no space, keeps the space of Hidden and places position() from the top-left', 0, () => {
      const all = frames(VisibilityAndPosition);
      expect(all.some((f: Frame) => idOf(f.box.node as never) === 'gone')).assertFalse();
      expectFrame(all, 'hidden', 0, 0, 10, 30);
      expectFrame(all, 'after', 0, 30, 10, 30);
      expectFrame(all, 'placed', 50, 5, 10, 10);
    });

    it('splits a Grid into equal fr columns with gaps and rows as tall as their 3:4 items', 0, () => {
      const all = frames(ThreeColumnGrid);
      const col = (352 - 8) / 3;
      expectFrame(all, 'g0', 0, 0, col, col / 0.75);
      expectFrame(all, 'g1', col + 4, 0, col, col / 0.75);
      expectFrame(all, 'g2', 2 * (col + 4), 0, col, col / 0.75);
      expectFrame(all, 'g3', 0, col / 0.75 + 4, col, col / 0.75);
    });

    it('shares the height of a Grid with rowsTemplate among its rows, each item filling its cell', 0, () => {
      const all = frames(FixedRowsGrid);
      const col = (352 - 4) / 2;
      const row = (400 - 8) / 3;
      expectFrame(all, 'f0', 0, 0, col, row);
      expectFrame(all, 'f1', col + 4, 0, col, row);
      expectFrame(all, 'f2', 0, row + 4, col, row);
      expectFrame(all, 'f4', 0, 2 * (row + 4), col, row);
    });

    it('places RelativeContainer children by their alignRules, margins as distances to the anchors', 0, () => {
      const all = frames(RelativeRules);
      expectFrame(all, 'tr', 144, 18, 40, 30);
      expectFrame(all, 'bc', 70, 258, 60, 20);
      expectFrame(all, 'below', 144, 52, 20, 10);
      expectFrame(all, 'stretched', 10, 150, 180, 10);
      expectFrame(all, 'free', 10, 10, 10, 10);
    });
  });
}
