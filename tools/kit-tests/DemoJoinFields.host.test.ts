// SPDX-License-Identifier: Apache-2.0
// The join page shows the kit's own verdict on each field as the user types, and suggests values that work.
import { describe, expect, it } from '@ohos/hypium';
import { DEFAULT_ROOM_ID, JoinFields } from '../../demo/src/main/ets/common/JoinFields';

export default function joinFieldsTest(): void {
  describe('JoinFields', () => {
    it('suggests room1 and a user ID and name the kit accepts, different for different devices', 0, () => {
      const a = JoinFields.suggested(0.1);
      const b = JoinFields.suggested(0.9);
      expect(a.roomID).assertEqual(DEFAULT_ROOM_ID);
      expect(a.isValid()).assertTrue();
      expect(b.isValid()).assertTrue();
      expect(a.userID === b.userID).assertFalse();
      expect(JoinFields.suggested(1).isValid()).assertTrue();
      expect(JoinFields.suggested(-3).isValid()).assertTrue();
    });

    it('shows the kit\'s message for an empty room ID and blocks joining', 0, () => {
      const f = new JoinFields('', 'alice', 'Alice');
      expect(f.roomCheck().ok).assertFalse();
      expect(f.roomCheck().message).assertContain('room ID is empty');
      expect(f.isValid()).assertFalse();
    });

    it('names the character that makes a user ID invalid', 0, () => {
      const f = new JoinFields('room1', 'alice smith', 'Alice');
      expect(f.userIDCheck().message).assertContain('a space (U+0020) at character 6');
      expect(f.isValid()).assertFalse();
    });

    it('accepts a display name in Chinese with spaces, as ZEGO does', 0, () => {
      const f = new JoinFields('room1', 'alice', '张 三');
      expect(f.userNameCheck().ok).assertTrue();
      expect(f.userNameCheck().message).assertEqual('');
      expect(f.isValid()).assertTrue();
    });
  });
}
