// SPDX-License-Identifier: Apache-2.0
// Host render tests of CallView on the simulated engine: picture-in-picture while at most one remote stream
// is in the call, a grid as soon as there are two, and back; a tap swaps the tiles without remounting the
// video surfaces, and is undone when the remote stream it was made with leaves; the grid never shows more than
// the SDK's 12 playable streams; the app's bars, which CallView measures itself, keep the small tile and the grid
// clear of them as they grow and shrink. Host limits: ./README.md (no layout: sizes and positions are read from
// the recorded attributes, except in the bar tests and the quality bars' test, which lay the tree out with the gallery's renderer
// (tools/render) and give onAreaChange the laid-out areas, as ArkUI does).
import { describe, expect, it } from '@ohos/hypium';
import { render, Rendered } from '../host/render/harness';
import { CallView, CALL_VIEW_MAX_GRID_STREAMS } from '../../components/src/main/ets/components/CallView';
import { CallViewGrid, callViewGridFor } from '../../components/src/main/ets/components/internal/CallViewGrid';
import {
  CALL_VIEW_GRID_ID, CALL_VIEW_LOCAL_TILE_ID, CALL_VIEW_PIP_ID, CALL_VIEW_REMOTE_TILE_ID, CALL_VIEW_SMALL_TILE_ID,
  REMOTE_STREAM_ID_PREFIX, VIDEO_TILE_QUALITY
} from '../../components/src/main/ets/components/ComponentIds';
import { StreamQualityLevel } from '../../components/src/main/ets/engine/EngineTypes';
import { CallViewWithBars, FIXTURE_BOTTOM_BAR_ID, FIXTURE_TOP_BAR_ID } from './fixtures/CallViewWithBars';
import { RemoteStreamView } from '../../components/src/main/ets/components/RemoteStreamView';
import { SimulatedParticipant } from '../../components/src/main/ets/engine/SimulatedParticipant';
import { InspectedBox, layOutMounted } from '../render/screenshots';
import { VideoTileWorld } from './VideoTileWorld';

/** A phone of `width` × `height` vp that lays a mounted tree out and reports the areas, as ArkUI does. */
class Phone {
  width: number;
  height: number;
  private readonly reported: Map<string, object> = new Map();

  constructor(width: number = 360, height: number = 780) {
    this.width = width;
    this.height = height;
  }

  /** Lays the tree out and calls onAreaChange where an area changed, until nothing moves. */
  layOut(h: Rendered<object>): void {
    layOutMounted(h, { width: this.width, height: this.height }, this.reported);
  }

  /** Every laid-out box (offsets not included). */
  boxes(h: Rendered<object>): InspectedBox[] {
    return layOutMounted(h, { width: this.width, height: this.height }, this.reported);
  }

  /** The laid-out frame of the node with `id` (offsets, which ArkUI applies when painting, not included). */
  frame(h: Rendered<object>, id: string): InspectedBox {
    const found = layOutMounted(h, { width: this.width, height: this.height }, this.reported)
      .filter((b: InspectedBox) => b.id === id)[0];
    if (found === undefined) {
      throw new Error(`no box with id ${id}`);
    }
    return found;
  }
}

/** "top–bottom" of a frame, rounded. */
function span(f: InspectedBox): string {
  return `${Math.round(f.y)}–${Math.round(f.y + f.h)}`;
}

/** "top–bottom" of where the node with `id` is seen: its frame moved by its offset (a dragged small tile). */
function shownSpan(h: Rendered<object>, phone: Phone, id: string): string {
  const f = phone.frame(h, id);
  const offset = h.attr(h.find(id), 'offset') as { y: number } | undefined;
  const dy = offset !== undefined ? offset.y : 0;
  return `${Math.round(f.y + dy)}–${Math.round(f.y + dy + f.h)}`;
}

class CallViewWorld extends VideoTileWorld {
  guest(n: number): SimulatedParticipant {
    const p = this.sim.addParticipant(`guest${n}`, `Guest ${n}`);
    p.join();
    p.publish();
    return p;
  }

  mount(props?: object): Rendered<CallView> {
    return render(CallView, Object.assign({ provider: this.provider, userName: 'Alice' }, props || {}));
  }

  /** CallView with a top and a bottom bar of these heights (vp), as an app's call screen. */
  mountWithBars(top: number, bottom: number): Rendered<CallViewWithBars> {
    return render(CallViewWithBars, { provider: this.provider, topHeight: top, bottomHeight: bottom });
  }

  async settle(h: Rendered<object>, ms: number = 200): Promise<void> {
    await this.wait(ms);
    h.rerender();
  }

  /** A 1:1 call with guest1, mounted, with the remote surface loaded (so guest1 plays). */
  async oneToOne(): Promise<Rendered<CallView>> {
    await this.join();
    this.guest(1);
    const h = this.mount();
    await this.settle(h);
    h.fire(remoteSurfaces(h)[0], 'onLoad');
    await this.settle(h);
    return h;
  }
}

/** The ids of the remote XComponents. */
function remoteSurfaces(h: Rendered<CallView>): string[] {
  return h.findAll('XComponent').map((n) => String((n.args[0] as { id: string }).id))
    .filter((id) => id.startsWith(REMOTE_STREAM_ID_PREFIX));
}

/** The streams of the RemoteStreamViews shown. */
function remoteViews(h: Rendered<CallView>): string[] {
  return h.findAll('RemoteStreamView').map((n) => (n.view as RemoteStreamView).streamID);
}

/** "columns×rows" for `tiles` tiles in `width` × `height` vp. */
function shape(tiles: number, width: number, height: number): string {
  const grid: CallViewGrid = callViewGridFor(tiles, width, height);
  return `${grid.columns}x${grid.rows}`;
}

/** Which tile is small, as the marker tells accessibility tools. */
function smallTile(h: Rendered<CallView>): string {
  const marker = h.attr(h.find(CALL_VIEW_SMALL_TILE_ID), 'accessibilityText') as { params: string[] };
  return marker.params[0] === 'app.string.zck_call_view_small_remote' ? 'remote' : 'local';
}

export default function callViewRenderTest() {
  describe('CallViewRender', () => {
    it('shows picture-in-picture with the local preview alone before anyone else publishes', 0, async (done: Function) => {
      const w = new CallViewWorld();
      await w.join();
      const h = w.mount();
      expect(h.query(CALL_VIEW_PIP_ID) !== undefined).assertTrue();
      expect(h.query(CALL_VIEW_GRID_ID)).assertUndefined();
      expect(remoteViews(h).length).assertEqual(0);
      h.unmount();
      done();
    });

    it('switches from picture-in-picture to a grid and back as streams come and go', 0, async (done: Function) => {
      const w = new CallViewWorld();
      await w.join();
      const h = w.mount();
      w.guest(1);
      await w.settle(h);
      expect(h.query(CALL_VIEW_PIP_ID) !== undefined).assertTrue();
      expect(remoteViews(h)).assertDeepEquals(['guest1_main']);
      expect(remoteSurfaces(h).length).assertEqual(1);
      const second = w.guest(2);
      await w.settle(h);
      expect(h.query(CALL_VIEW_GRID_ID) !== undefined).assertTrue();
      expect(h.query(CALL_VIEW_PIP_ID)).assertUndefined();
      expect(remoteViews(h).length).assertEqual(2);
      second.leave();
      await w.settle(h);
      expect(h.query(CALL_VIEW_PIP_ID) !== undefined).assertTrue();
      expect(remoteViews(h)).assertDeepEquals(['guest1_main']);
      h.unmount();
      done();
    });

    it('plays the remote stream in picture-in-picture once its surface has loaded', 0, async (done: Function) => {
      const w = new CallViewWorld();
      const h = await w.oneToOne();
      expect(w.sim.playingStreams()).assertDeepEquals(['guest1_main']);
      h.unmount();
      expect(w.sim.playingStreams().length).assertEqual(0);
      done();
    });

    it('swaps the tiles on a tap on the small one, without restarting the video', 0, async (done: Function) => {
      const w = new CallViewWorld();
      const h = await w.oneToOne();
      const startsBefore = w.sim.calls.filter((c) => c.startsWith('startPlayingStream')).length;
      expect(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'width')).assertEqual(108);
      h.fire(CALL_VIEW_LOCAL_TILE_ID, 'onClick');
      expect(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'width')).assertEqual('100%');
      expect(h.attr(h.find(CALL_VIEW_REMOTE_TILE_ID), 'width')).assertEqual(108);
      const marker = h.attr(h.find(CALL_VIEW_SMALL_TILE_ID), 'accessibilityText') as { params: string[] };
      expect(marker.params[0]).assertEqual('app.string.zck_call_view_small_remote');
      await w.settle(h);
      expect(w.sim.calls.filter((c) => c.startsWith('startPlayingStream')).length).assertEqual(startsBefore);
      expect(w.sim.calls.filter((c) => c.startsWith('stopPlayingStream')).length).assertEqual(0);
      h.fire(CALL_VIEW_REMOTE_TILE_ID, 'onClick');
      expect(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'width')).assertEqual(108);
      h.unmount();
      done();
    });

    it('puts the preview back in the small tile when the remote stream it was swapped with leaves', 0,
      async (done: Function) => {
        const w = new CallViewWorld();
        await w.join();
        const guest1 = w.guest(1);
        const h = w.mount();
        await w.settle(h);
        h.fire(CALL_VIEW_LOCAL_TILE_ID, 'onClick');
        expect(smallTile(h)).assertEqual('remote');
        guest1.leave();
        await w.settle(h);
        expect(w.session.model.streamIDs.length).assertEqual(0);
        expect(smallTile(h)).assertEqual('local');
        expect(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'width')).assertEqual(108);
        expect(h.attr(h.find(CALL_VIEW_REMOTE_TILE_ID), 'width')).assertEqual('100%');
        w.guest(2);
        await w.settle(h);
        expect(remoteViews(h)).assertDeepEquals(['guest2_main']);
        expect(smallTile(h)).assertEqual('local');
        h.unmount();
        done();
      });

    it('keeps the preview large when asked to, without an empty small box while nobody else publishes', 0,
      async (done: Function) => {
        const w = new CallViewWorld();
        await w.join();
        const guest1 = w.guest(1);
        const h = w.mount({ localLarge: true });
        await w.settle(h);
        expect(smallTile(h)).assertEqual('remote');
        expect(h.attr(h.find(CALL_VIEW_REMOTE_TILE_ID), 'visibility')).assertEqual('Visibility.Visible');
        h.fire(CALL_VIEW_REMOTE_TILE_ID, 'onClick');
        expect(smallTile(h)).assertEqual('local');
        guest1.leave();
        await w.settle(h);
        expect(smallTile(h)).assertEqual('remote');
        expect(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'width')).assertEqual('100%');
        expect(h.attr(h.find(CALL_VIEW_REMOTE_TILE_ID), 'visibility')).assertEqual('Visibility.Hidden');
        h.fire(CALL_VIEW_REMOTE_TILE_ID, 'onClick');
        expect(smallTile(h)).assertEqual('remote');
        h.unmount();
        done();
      });

    it('lets the user drag the small tile, and only the small one', 0, async (done: Function) => {
      const w = new CallViewWorld();
      await w.join();
      w.guest(1);
      const h = w.mount();
      await w.settle(h);
      const drag = (id: string, x: number, y: number): void => {
        const g = h.attr(h.find(id), 'gesture') as { handlers: Record<string, (e?: object) => void> };
        g.handlers.onActionStart();
        g.handlers.onActionUpdate({ offsetX: x, offsetY: y });
        h.rerender();
      };
      // The small tile starts in the top-right corner: it can move left and down.
      drag(CALL_VIEW_LOCAL_TILE_ID, -30, 40);
      expect(JSON.stringify(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'offset'))).assertEqual('{"x":-30,"y":40}');
      drag(CALL_VIEW_REMOTE_TILE_ID, -99, 99);
      expect(JSON.stringify(h.attr(h.find(CALL_VIEW_REMOTE_TILE_ID), 'offset'))).assertEqual('{"x":0,"y":0}');
      expect(JSON.stringify(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'offset'))).assertEqual('{"x":-30,"y":40}');
      h.unmount();
      done();
    });

    it('keeps the dragged small tile inside the view, below the top bar and above the bottom one', 0,
      async (done: Function) => {
        const w = new CallViewWorld();
        await w.join();
        w.guest(1);
        const h = w.mountWithBars(40, 120);
        await w.settle(h);
        const phone = new Phone();
        phone.layOut(h);
        expect(shownSpan(h, phone, CALL_VIEW_LOCAL_TILE_ID)).assertEqual('52–196');
        const g = h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'gesture') as { handlers: Record<string, (e?: object) => void> };
        g.handlers.onActionStart();
        g.handlers.onActionUpdate({ offsetX: -1000, offsetY: 2000 });
        h.rerender();
        // Leftmost: 360 - 2 × 12 - 108 = 228 to the left; lowest: 780 - 40 - 120 - 2 × 12 - 144 = 452 down.
        expect(JSON.stringify(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'offset'))).assertEqual('{"x":-228,"y":452}');
        expect(shownSpan(h, phone, CALL_VIEW_LOCAL_TILE_ID)).assertEqual('504–648');
        expect(span(phone.frame(h, FIXTURE_BOTTOM_BAR_ID))).assertEqual('660–780');
        g.handlers.onActionStart();
        g.handlers.onActionUpdate({ offsetX: 2000, offsetY: -2000 });
        h.rerender();
        expect(JSON.stringify(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'offset'))).assertEqual('{"x":0,"y":0}');
        h.unmount();
        done();
      });

    it('measures its bars itself: a bar that grows later moves the small tile out of its way', 0,
      async (done: Function) => {
        const w = new CallViewWorld();
        await w.join();
        w.guest(1);
        const h = w.mountWithBars(0, 0);
        await w.settle(h);
        const phone = new Phone();
        phone.layOut(h);
        const g = h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'gesture') as { handlers: Record<string, (e?: object) => void> };
        g.handlers.onActionStart();
        g.handlers.onActionUpdate({ offsetX: 0, offsetY: 2000 });
        h.rerender();
        expect(shownSpan(h, phone, CALL_VIEW_LOCAL_TILE_ID)).assertEqual('624–768');
        // The app's buttons grow (a hint under them) and a banner appears at the top; the app tells CallView nothing.
        h.root.bottomHeight = 200;
        h.root.topHeight = 60;
        phone.layOut(h);
        expect(span(phone.frame(h, FIXTURE_BOTTOM_BAR_ID))).assertEqual('580–780');
        expect(shownSpan(h, phone, CALL_VIEW_LOCAL_TILE_ID)).assertEqual('424–568');
        g.handlers.onActionStart();
        g.handlers.onActionUpdate({ offsetX: 0, offsetY: -2000 });
        h.rerender();
        expect(shownSpan(h, phone, CALL_VIEW_LOCAL_TILE_ID)).assertEqual('72–216');
        // The bars shrink again: the small tile may go back to the edges.
        h.root.bottomHeight = 0;
        h.root.topHeight = 0;
        phone.layOut(h);
        expect(shownSpan(h, phone, CALL_VIEW_LOCAL_TILE_ID)).assertEqual('12–156');
        h.unmount();
        done();
      });

    it("keeps the large tile's quality bars clear of the small tile and of the app's bars, whatever their heights", 0,
      async (done: Function) => {
        const w = new CallViewWorld();
        await w.join();
        w.guest(1).setNetworkQuality(StreamQualityLevel.Bad, StreamQualityLevel.Bad);
        const h = w.mountWithBars(0, 0);
        await w.settle(h);
        // The first quality report comes 3 s after playing starts.
        await w.settle(h, 3500);
        const phone = new Phone();
        const problems: string[] = [];
        const heights: number[][] = [[0, 0], [16, 96], [56, 120], [120, 200]];
        for (const bars of heights) {
          h.root.topHeight = bars[0];
          h.root.bottomHeight = bars[1];
          phone.layOut(h);
          const boxes = phone.boxes(h);
          const quality = boxes.filter((b: InspectedBox) => b.id !== undefined && b.id.startsWith(REMOTE_STREAM_ID_PREFIX) &&
            b.id.endsWith(VIDEO_TILE_QUALITY))[0];
          const small = phone.frame(h, CALL_VIEW_LOCAL_TILE_ID);
          if (quality === undefined) {
            problems.push(`bars ${bars.join('/')}: no quality bars`);
            continue;
          }
          const apart = quality.x >= small.x + small.w || small.x >= quality.x + quality.w || quality.y >= small.y + small.h ||
            small.y >= quality.y + quality.h;
          if (!apart || quality.y < bars[0] || quality.y + quality.h > 780 - bars[1]) {
            problems.push(`bars ${bars.join('/')}: quality ${span(quality)} at x ${Math.round(quality.x)}, ` +
              `small tile ${span(small)} at x ${Math.round(small.x)}`);
          }
        }
        expect(problems.join('; ')).assertEqual('');
        h.unmount();
        done();
      });

    it('chooses two columns on a portrait phone up to eight tiles, three up to thirteen, and wide rows in landscape',
      0, () => {
        const portrait: string[] = [];
        const landscape: string[] = [];
        for (let tiles = 3; tiles <= 13; tiles++) {
          portrait.push(shape(tiles, 352, 668));
          landscape.push(shape(tiles, 772, 250));
        }
        expect(portrait.join(' ')).assertEqual('2x2 2x2 2x3 2x3 2x4 2x4 3x3 3x4 3x4 3x4 3x5');
        expect(landscape.join(' ')).assertEqual('3x1 4x1 5x1 6x1 7x1 8x1 5x2 5x2 6x2 6x2 7x2');
      });

    it('gives every tile a cell: columns times rows is never less than the tiles, at any size', 0, () => {
      const short: string[] = [];
      for (let tiles = 1; tiles <= 13; tiles++) {
        for (const size of [[352, 668], [772, 250], [100, 100], [0, 0], [2000, 40]]) {
          const grid: CallViewGrid = callViewGridFor(tiles, size[0], size[1]);
          if (grid.columns * grid.rows < tiles || grid.rows > tiles || grid.columns > tiles) {
            short.push(`${tiles} tiles in ${size[0]}x${size[1]}: ${grid.columns}x${grid.rows}`);
          }
        }
      }
      expect(short.join(', ')).assertEqual('');
    });

    it('lays the grid out between the bars in rows that share the height, by the shape of that space', 0,
      async (done: Function) => {
        const w = new CallViewWorld();
        await w.join();
        for (let i = 1; i <= 12; i++) {
          w.guest(i);
        }
        const h = w.mountWithBars(16, 88);
        await w.settle(h);
        const phone = new Phone();
        phone.layOut(h);
        expect(h.attr(h.find(CALL_VIEW_GRID_ID), 'columnsTemplate')).assertEqual('1fr 1fr 1fr');
        expect(h.attr(h.find(CALL_VIEW_GRID_ID), 'rowsTemplate')).assertEqual('1fr 1fr 1fr 1fr 1fr');
        // 8 vp from each bar: the grid spans 16 + 8 to 780 - 88 - 8.
        expect(span(phone.frame(h, CALL_VIEW_GRID_ID))).assertEqual('24–684');
        const landscape = new Phone(780, 360);
        landscape.layOut(h);
        expect(h.attr(h.find(CALL_VIEW_GRID_ID), 'columnsTemplate')).assertEqual('1fr 1fr 1fr 1fr 1fr 1fr 1fr');
        expect(h.attr(h.find(CALL_VIEW_GRID_ID), 'rowsTemplate')).assertEqual('1fr 1fr');
        h.unmount();
        done();
      });

    it('measures its bars itself: a top bar that grows later pushes the grid down and reshapes it', 0,
      async (done: Function) => {
        const w = new CallViewWorld();
        await w.join();
        for (let i = 1; i <= 4; i++) {
          w.guest(i);
        }
        const h = w.mountWithBars(16, 88);
        await w.settle(h);
        const phone = new Phone();
        phone.layOut(h);
        expect(span(phone.frame(h, CALL_VIEW_GRID_ID))).assertEqual('24–684');
        expect(h.attr(h.find(CALL_VIEW_GRID_ID), 'columnsTemplate')).assertEqual('1fr 1fr');
        // Banners fill the top bar: the space left is wider than tall for five tiles, so three columns.
        h.root.topHeight = 400;
        phone.layOut(h);
        expect(span(phone.frame(h, CALL_VIEW_GRID_ID))).assertEqual('408–684');
        expect(h.attr(h.find(CALL_VIEW_GRID_ID), 'columnsTemplate')).assertEqual('1fr 1fr 1fr');
        h.unmount();
        done();
      });

    it('shows at most 12 remote streams in the grid, the SDK play limit', 0, async (done: Function) => {
      const w = new CallViewWorld();
      await w.join();
      for (let i = 1; i <= 14; i++) {
        w.guest(i);
      }
      const h = w.mount();
      await w.settle(h);
      expect(remoteViews(h).length).assertEqual(CALL_VIEW_MAX_GRID_STREAMS);
      expect(h.findAll('GridItem').length).assertEqual(CALL_VIEW_MAX_GRID_STREAMS + 1);
      h.unmount();
      done();
    });
  });
}
