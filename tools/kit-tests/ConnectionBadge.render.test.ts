// SPDX-License-Identifier: Apache-2.0
// Host render tests of ConnectionBadge on the simulated engine: quiet while the call is healthy, "Connecting…"
// with its animation while logging in, a reconnecting time that counts up on the provider's clock (and a timer
// that exists only while reconnecting), and the disconnected, removed and weak/poor network states. What the
// host runtime does not model (layout, pixels, Visibility.None still counting as "in the tree", rebuilds only
// on rerender()): ./README.md.
import { describe, expect, it } from '@ohos/hypium';
import { render, Rendered } from '../host/render/harness';
import { liveLottieAnimations, lottieLoads, resetLottieFake } from '../host/sdk-fakes/@ohos/lottie';
import { ConnectionBadge } from '../../components/src/main/ets/components/ConnectionBadge';
import {
  CONNECTION_BADGE_ANIMATION_ID, CONNECTION_BADGE_LABEL_ID, CONNECTION_BADGE_ROOT_ID
} from '../../components/src/main/ets/components/ComponentIds';
import { StreamQualityLevel } from '../../components/src/main/ets/engine/EngineTypes';
import { CallEndReason } from '../../components/src/main/ets/model/CallModel';
import { CallWorld } from './CallWorld';

/** How often the simulated engine reports network quality. */
const NETWORK_QUALITY_MS = 2000;

function isQuiet(h: Rendered<ConnectionBadge>): boolean {
  return h.attr(CONNECTION_BADGE_ROOT_ID, 'visibility') === 'Visibility.None' &&
    h.query(CONNECTION_BADGE_LABEL_ID) === undefined && h.texts().length === 0 && h.query('Circle') === undefined;
}

function labelOf(h: Rendered<ConnectionBadge>): string | undefined {
  return h.textOf(CONNECTION_BADGE_LABEL_ID);
}

/** A joined call whose network quality has been reported at least once, with the badge mounted. */
async function healthyCall(showWhenGood: boolean = false): Promise<[CallWorld, Rendered<ConnectionBadge>]> {
  const w = new CallWorld();
  await w.join();
  await w.wait(NETWORK_QUALITY_MS);
  return [w, render(ConnectionBadge, { provider: w.provider, showWhenGood })];
}

export default function connectionBadgeRenderTest() {
  describe('ConnectionBadgeRender', () => {
    it('renders nothing while the call is connected and the network is good', 0, async (done: Function) => {
      const [w, h] = await healthyCall();
      expect(w.session.model.room.networkQuality).assertEqual(StreamQualityLevel.Excellent);
      expect(isQuiet(h)).assertTrue();
      h.unmount();
      done();
    });

    it('renders nothing before a call starts', 0, async (done: Function) => {
      const w = new CallWorld();
      const h = render(ConnectionBadge, { provider: w.provider });
      expect(isQuiet(h)).assertTrue();
      h.unmount();
      done();
    });

    it('says Connected while the call is healthy when showWhenGood is set', 0, async (done: Function) => {
      const [w, h] = await healthyCall(true);
      expect(h.attr(CONNECTION_BADGE_ROOT_ID, 'visibility')).assertEqual('Visibility.Visible');
      expect(labelOf(h)).assertEqual('Connected');
      h.unmount();
      done();
    });

    it('shows Connecting with a looping animation while logging in, and stops the animation once connected', 0,
      async (done: Function) => {
        resetLottieFake();
        const w = new CallWorld();
        const joining = w.startJoin();
        const h = render(ConnectionBadge, { provider: w.provider });
        expect(labelOf(h)).assertEqual('Connecting…');
        h.fire(CONNECTION_BADGE_ANIMATION_ID, 'onReady');
        expect(lottieLoads.length).assertEqual(1);
        // Loaded from the HAR's rawfile as animationData (lottie cannot load a HAR's file by path).
        expect(lottieLoads[0].animationName).assertEqual('zck_connecting');
        expect(lottieLoads[0].loop).assertEqual(true);
        expect(liveLottieAnimations().length).assertEqual(1);

        await w.wait(200);
        await joining;
        await w.wait(NETWORK_QUALITY_MS);
        h.rerender();
        expect(isQuiet(h)).assertTrue();
        expect(h.query(CONNECTION_BADGE_ANIMATION_ID)).assertUndefined();
        expect(liveLottieAnimations().length).assertEqual(0);
        h.unmount();
        done();
      });

    it('shows reconnecting with an elapsed time that counts up after the network drops, and goes quiet again ' +
      'once it is restored', 0, async (done: Function) => {
      const [w, h] = await healthyCall();
      expect(w.kitClock.pendingTimers()).assertEqual(0);
      w.sim.dropNetwork();
      await w.wait(0);
      h.rerender();
      expect(labelOf(h)).assertEqual('Reconnecting… 0:00');
      expect(w.kitClock.pendingTimers()).assertEqual(1);

      await w.wait(5000);
      h.rerender();
      expect(labelOf(h)).assertEqual('Reconnecting… 0:05');
      await w.wait(7000);
      h.rerender();
      expect(labelOf(h)).assertEqual('Reconnecting… 0:12');
      await w.wait(60 * 1000);
      h.rerender();
      expect(labelOf(h)).assertEqual('Reconnecting… 1:12');

      w.sim.restoreNetwork();
      await w.wait(NETWORK_QUALITY_MS + 100);
      h.rerender();
      expect(isQuiet(h)).assertTrue();
      expect(w.kitClock.pendingTimers()).assertEqual(0);
      h.unmount();
      done();
    });

    it('stops its reconnecting timer when it disappears', 0, async (done: Function) => {
      const [w, h] = await healthyCall();
      w.sim.dropNetwork();
      await w.wait(0);
      h.rerender();
      expect(w.kitClock.pendingTimers()).assertEqual(1);
      h.unmount();
      expect(w.kitClock.pendingTimers()).assertEqual(0);
      done();
    });

    it('counts from when the network dropped, even when it appears later', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      w.sim.dropNetwork();
      await w.wait(0);
      await w.wait(3500);
      const h = render(ConnectionBadge, { provider: w.provider });
      expect(labelOf(h)).assertEqual('Reconnecting… 0:03');
      await w.wait(500);
      h.rerender();
      expect(labelOf(h)).assertEqual('Reconnecting… 0:04');
      h.unmount();
      done();
    });

    it('shows Disconnected when reconnecting gives up', 0, async (done: Function) => {
      const [w, h] = await healthyCall();
      w.sim.dropNetwork();
      await w.wait(0);
      w.sim.failReconnect();
      await w.wait(200);
      h.rerender();
      expect(w.session.model.endReason).assertEqual(CallEndReason.ReconnectFailed);
      expect(labelOf(h)).assertEqual('Disconnected');
      expect(w.kitClock.pendingTimers()).assertEqual(0);
      h.unmount();
      done();
    });

    it('says the user joined from another device after being kicked out for a duplicate login', 0,
      async (done: Function) => {
        const [w, h] = await healthyCall();
        w.sim.kickOut();
        await w.wait(200);
        h.rerender();
        expect(w.session.model.endReason).assertEqual(CallEndReason.KickedOut);
        expect(labelOf(h)).assertEqual('You joined this call from another device');
        h.unmount();
        done();
      });

    it('says the user was removed when the server kicks them out', 0, async (done: Function) => {
      const [w, h] = await healthyCall();
      w.sim.kickOut(1002055);
      await w.wait(200);
      h.rerender();
      expect(labelOf(h)).assertEqual('You were removed from the call');
      h.unmount();
      done();
    });

    it('says the session expired when the token ran out', 0, async (done: Function) => {
      const [w, h] = await healthyCall();
      w.sim.expireTokenIn(40);
      await w.wait(41 * 1000);
      h.rerender();
      expect(w.session.model.endReason).assertEqual(CallEndReason.TokenExpired);
      expect(labelOf(h)).assertEqual('You left the call because your session expired');
      h.unmount();
      done();
    });

    it('renders nothing after the user hangs up', 0, async (done: Function) => {
      const [w, h] = await healthyCall();
      const leaving = w.session.leave();
      await w.wait(200);
      await leaving;
      h.rerender();
      expect(w.session.model.endReason).assertEqual(CallEndReason.HungUp);
      expect(isQuiet(h)).assertTrue();
      h.unmount();
      done();
    });

    it('warns about a weak network and a poor one, and goes quiet when the network recovers', 0,
      async (done: Function) => {
        const [w, h] = await healthyCall();
        w.sim.setNetworkQuality(StreamQualityLevel.Medium, StreamQualityLevel.Excellent);
        await w.wait(NETWORK_QUALITY_MS);
        h.rerender();
        expect(labelOf(h)).assertEqual('Weak network');

        w.sim.setNetworkQuality(StreamQualityLevel.Good, StreamQualityLevel.Bad);
        await w.wait(NETWORK_QUALITY_MS);
        h.rerender();
        expect(labelOf(h)).assertEqual('Poor network');

        w.sim.setNetworkQuality(StreamQualityLevel.Excellent, StreamQualityLevel.Good);
        await w.wait(NETWORK_QUALITY_MS);
        h.rerender();
        expect(isQuiet(h)).assertTrue();
        h.unmount();
        done();
      });
  });
}
