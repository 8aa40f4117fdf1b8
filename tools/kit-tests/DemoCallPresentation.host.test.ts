// SPDX-License-Identifier: Apache-2.0
// What the call page's timer and the ended page say: durations as a phone shows them, and one sentence per
// way a call can end (the kick-out split by who caused it).
import { describe, expect, it } from '@ohos/hypium';
import { CallEndReason } from '@zegocallkit/components';
import { formatCallDuration } from '../../demo/src/main/ets/common/CallDuration';
import { endReasonText } from '../../demo/src/main/ets/common/EndReasonText';

export default function callPresentationTest(): void {
  describe('CallPresentation', () => {
    it('shows a call of 65.9 seconds as 01:05', 0, () => {
      expect(formatCallDuration(65900)).assertEqual('01:05');
    });

    it('adds hours once a call lasts an hour', 0, () => {
      expect(formatCallDuration(3723000)).assertEqual('1:02:03');
      expect(formatCallDuration(3599999)).assertEqual('59:59');
    });

    it('shows 00:00 for no time, negative time and nonsense', 0, () => {
      expect(formatCallDuration(0)).assertEqual('00:00');
      expect(formatCallDuration(-5000)).assertEqual('00:00');
      expect(formatCallDuration(Number.NaN)).assertEqual('00:00');
    });

    it('says the user hung up, could not join, lost the connection or lost access, each in its own words', 0, () => {
      expect(endReasonText(CallEndReason.HungUp, 0)).assertDeepEquals($r('app.string.ended_hung_up'));
      expect(endReasonText(CallEndReason.LoginFailed, 1002033)).assertDeepEquals($r('app.string.ended_login_failed'));
      expect(endReasonText(CallEndReason.ReconnectFailed, 1002053))
        .assertDeepEquals($r('app.string.ended_reconnect_failed'));
      expect(endReasonText(CallEndReason.TokenExpired, 1002056)).assertDeepEquals($r('app.string.ended_token_expired'));
      expect(endReasonText(CallEndReason.None, 0)).assertDeepEquals($r('app.string.ended_unknown'));
    });

    it('tells a user who joined on another device apart from one the server removed', 0, () => {
      expect(endReasonText(CallEndReason.KickedOut, 1002050))
        .assertDeepEquals($r('app.string.ended_kicked_out_duplicate'));
      expect(endReasonText(CallEndReason.KickedOut, 1002055)).assertDeepEquals($r('app.string.ended_kicked_out'));
    });
  });
}
