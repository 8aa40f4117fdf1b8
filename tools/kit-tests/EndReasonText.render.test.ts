// SPDX-License-Identifier: Apache-2.0
// endReasonText, the sentence an app's "call ended" screen shows, read as a user reads it (the kit's base
// strings): one per end reason, the login failure with its code, and a kick-out split by ZEGO's code. The
// ConnectionBadge says the same words for a removal (it uses the same function). Host limits: ./README.md.
import { describe, expect, it } from '@ohos/hypium';
import { render, resolveText } from '../host/render/harness';
import { CONNECTION_BADGE_LABEL_ID } from '../../components/src/main/ets/components/ComponentIds';
import { ConnectionBadge } from '../../components/src/main/ets/components/ConnectionBadge';
import { endReasonText } from '../../components/src/main/ets/components/EndReasonText';
import { CallEndReason } from '../../components/src/main/ets/model/CallModel';
import { CallWorld } from './CallWorld';

function said(reason: CallEndReason, code: number): string | undefined {
  return resolveText(endReasonText(reason, code));
}

export default function endReasonTextRenderTest() {
  describe('EndReasonText', () => {
    it('says the user left after a hang-up', 0, () => {
      expect(said(CallEndReason.HungUp, 0)).assertEqual('You left the call');
    });

    it('says joining failed, with ZEGO\'s code when there is one', 0, () => {
      expect(said(CallEndReason.LoginFailed, 1002033)).assertEqual('Could not join the call (error 1002033)');
      expect(said(CallEndReason.LoginFailed, 0)).assertEqual('Could not join the call');
    });

    it('says the connection could not be restored after a failed reconnect', 0, () => {
      expect(said(CallEndReason.ReconnectFailed, 1002053)).assertEqual('The connection was lost and could not be restored');
    });

    it('tells joining from another device apart from being removed', 0, () => {
      expect(said(CallEndReason.KickedOut, 1002050)).assertEqual('You joined this call from another device');
      expect(said(CallEndReason.KickedOut, 1002055)).assertEqual('You were removed from the call');
      expect(said(CallEndReason.KickedOut, 1002099)).assertEqual('You were removed from the call');
    });

    it('says the session expired when the token did', 0, () => {
      expect(said(CallEndReason.TokenExpired, 1002056)).assertEqual('You left the call because your session expired');
    });

    it('says only that the call ended for a call that has not ended', 0, () => {
      expect(said(CallEndReason.None, 0)).assertEqual('The call ended');
    });

    it('is what the ConnectionBadge says when the user is kicked out', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      const h = render(ConnectionBadge, { provider: w.provider });
      w.sim.kickOut();
      await w.wait(200);
      h.rerender();
      const model = w.session.model;
      expect(h.textOf(CONNECTION_BADGE_LABEL_ID)).assertEqual(said(model.endReason, model.endErrorCode));
      expect(h.textOf(CONNECTION_BADGE_LABEL_ID)).assertEqual('You joined this call from another device');
      h.unmount();
      done();
    });
  });
}
