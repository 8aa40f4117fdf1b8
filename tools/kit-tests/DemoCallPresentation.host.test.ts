// SPDX-License-Identifier: Apache-2.0
// What the call page's timer says: durations as a phone shows them. (Why a call ended is the kit's
// endReasonText, tested with the kit in tools/kit-tests/EndReasonText.render.test.ts.)
import { describe, expect, it } from '@ohos/hypium';
import { formatCallDuration } from '../../demo/src/main/ets/common/CallDuration';

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
  });
}
