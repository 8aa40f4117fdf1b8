// SPDX-License-Identifier: Apache-2.0
// Host render tests of CallView on the simulated engine: picture-in-picture while at most one remote stream
// is in the call, a grid as soon as there are two, and back; a tap swaps the tiles without remounting the
// video surfaces, and is undone when the remote stream it was made with leaves; the grid never shows more than
// the SDK's 12 playable streams. Host limits: ./README.md (no layout: sizes and positions are read from the
// recorded attributes, not measured).
import { describe, expect, it } from '@ohos/hypium';
import { render, Rendered } from '../host/render/harness';
import { CallView, CALL_VIEW_MAX_GRID_STREAMS, callViewColumnsFor } from '../../components/src/main/ets/components/CallView';
import {
  CALL_VIEW_GRID_ID, CALL_VIEW_LOCAL_TILE_ID, CALL_VIEW_PIP_ID, CALL_VIEW_REMOTE_TILE_ID, CALL_VIEW_SMALL_TILE_ID,
  REMOTE_STREAM_ID_PREFIX
} from '../../components/src/main/ets/components/ComponentIds';
import { RemoteStreamView } from '../../components/src/main/ets/components/RemoteStreamView';
import { SimulatedParticipant } from '../../components/src/main/ets/engine/SimulatedParticipant';
import { VideoTileWorld } from './VideoTileWorld';

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

  async settle(h: Rendered<CallView>, ms: number = 200): Promise<void> {
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
      drag(CALL_VIEW_LOCAL_TILE_ID, 30, 40);
      expect(JSON.stringify(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'offset'))).assertEqual('{"x":30,"y":40}');
      drag(CALL_VIEW_REMOTE_TILE_ID, 99, 99);
      expect(JSON.stringify(h.attr(h.find(CALL_VIEW_REMOTE_TILE_ID), 'offset'))).assertEqual('{"x":0,"y":0}');
      expect(JSON.stringify(h.attr(h.find(CALL_VIEW_LOCAL_TILE_ID), 'offset'))).assertEqual('{"x":30,"y":40}');
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
      expect(callViewColumnsFor(13)).assertEqual(3);
      h.unmount();
      done();
    });
  });
}
