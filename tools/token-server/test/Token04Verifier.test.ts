// SPDX-License-Identifier: Apache-2.0
/*
 * Tests for the simulated engine's full token check (Token04Verifier), which stands in for ZEGO's server in
 * host tests and the host demo: it must refuse what ZEGO refuses, with ZEGO's codes: a token for another AppID
 * (1002076), a payload that is not JSON (1002075), another user (1002077), an expired token (1002078), and
 * anything that does not decrypt or was altered (1002074). Legacy AES-CBC tokens carry no integrity check, so
 * they are accepted only when the verifier is asked to.
 */
import { describe, expect, it } from '@ohos/hypium';
import { generateToken04, generateToken04Cbc, decodeToken04 } from '../src/token04';
import { token04Verifier } from '../src/Token04Verifier';

const SECRET = 'fa94dd0f974cf2e293728a526b028271';
const APP_ID = 1234567;
const NOW = 1700000000;

/** Every token that differs from `token` in exactly one byte of its binary form (each byte XOR 0x01). */
function singleByteChanges(token: string): string[] {
  const bin = Buffer.from(token.slice(2), 'base64');
  const out: string[] = [];
  for (let i = 0; i < bin.length; i++) {
    const copy = Buffer.from(bin);
    copy[i] = copy[i] ^ 0x01;
    out.push('04' + copy.toString('base64'));
  }
  return out;
}

export default function token04VerifierTest() {
  describe('Token04Verifier', () => {
    it('accepts a current token for this AppID and user and reads its expiry', 0, () => {
      const token = generateToken04(APP_ID, 'alice', SECRET, 3600, '', { nowSeconds: NOW });
      const verdict = token04Verifier(SECRET, APP_ID).verify(token, 'alice', NOW + 10);
      expect(verdict.errorCode).assertEqual(0);
      expect(verdict.expireAtSeconds).assertEqual(NOW + 3600);
    });

    it('refuses a token issued for another AppID with 1002076, although the same secret signed it', 0, () => {
      const token = generateToken04(7654321, 'alice', SECRET, 3600, '', { nowSeconds: NOW });
      expect(token04Verifier(SECRET, APP_ID).verify(token, 'alice', NOW).errorCode).assertEqual(1002076);
    });

    it('refuses a token whose payload is not JSON with 1002075 and accepts a JSON privilege payload', 0, () => {
      const bad = generateToken04(APP_ID, 'alice', SECRET, 3600, 'room1 please', { nowSeconds: NOW });
      expect(token04Verifier(SECRET, APP_ID).verify(bad, 'alice', NOW).errorCode).assertEqual(1002075);
      const good = generateToken04(APP_ID, 'alice', SECRET, 3600, '{"room_id":"room1","privilege":{"1":1,"2":1}}',
        { nowSeconds: NOW });
      expect(token04Verifier(SECRET, APP_ID).verify(good, 'alice', NOW).errorCode).assertEqual(0);
    });

    it('refuses another user with 1002077 and an expired token with 1002078', 0, () => {
      const token = generateToken04(APP_ID, 'alice', SECRET, 60, '', { nowSeconds: NOW });
      const verifier = token04Verifier(SECRET, APP_ID);
      expect(verifier.verify(token, 'bob', NOW).errorCode).assertEqual(1002077);
      expect(verifier.verify(token, 'alice', NOW + 60).errorCode).assertEqual(1002078);
    });

    it('refuses a legacy CBC token with 1002074 unless CBC is accepted explicitly', 0, () => {
      const token = generateToken04Cbc(APP_ID, 'alice', SECRET, 3600, '', { nowSeconds: NOW });
      expect(token04Verifier(SECRET, APP_ID).verify(token, 'alice', NOW).errorCode).assertEqual(1002074);
      expect(token04Verifier(SECRET, APP_ID, { acceptCbc: true }).verify(token, 'alice', NOW).errorCode)
        .assertEqual(0);
    });

    it('refuses every single-byte change to a GCM token', 0, () => {
      const token = generateToken04(APP_ID, 'alice', SECRET, 3600, '', { nowSeconds: NOW });
      const verifier = token04Verifier(SECRET, APP_ID);
      const accepted = singleByteChanges(token).filter((t) => verifier.verify(t, 'alice', NOW).errorCode === 0);
      expect(accepted.length).assertEqual(0);
    });

    it('accepts no single-byte change to an accepted CBC token that alters its AppID, user, expiry or payload', 0,
      () => {
        const token = generateToken04Cbc(APP_ID, 'alice', SECRET, 3600, '', { nowSeconds: NOW });
        const verifier = token04Verifier(SECRET, APP_ID, { acceptCbc: true });
        const original = decodeToken04(token, SECRET);
        const altered = singleByteChanges(token).filter((t) => {
          if (verifier.verify(t, 'alice', NOW).errorCode !== 0) {
            return false;
          }
          const d = decodeToken04(t, SECRET);
          return d.appId !== original.appId || d.userId !== original.userId || d.expire !== original.expire ||
            d.payload !== original.payload;
        });
        expect(altered.length).assertEqual(0);
      });
  });
}
