// SPDX-License-Identifier: Apache-2.0
/*
 * Tests for token04: generation and decoding in both layouts, tamper detection, input validation and the
 * privilege payload. The fixed vectors were computed from the documented layout and cross-checked with an
 * independent implementation (Python `cryptography`); ZEGO publishes none of its own.
 */
import { describe, it, expect } from '@ohos/hypium';
import {
  buildPrivilegePayload,
  decodeToken04,
  DecodedToken04,
  generateToken04,
  generateToken04Cbc,
  TokenError,
} from '../src/token04';

const SAMPLE_SECRET = 'fa94dd0f974cf2e293728a526b028271';
const OTHER_SECRET = '0123456789abcdef0123456789abcdef';
const FIXED_IV = new Uint8Array(12).fill(7);

/** appId 1, userId "demo", ctime 1700000000, 3600 s, nonce 12345, IV 12 x 0x07, payload '' (GCM). */
const GCM_VECTOR =
  '04AAAAAGVT/xAADAcHBwcHBwcHBwcHBwBvAiIXxQNYtLCa9dRZEr4Bg3kqLKWcpzYC/3YsdZ1d2ARu7NAY7ytRsEuwU6728qEcKs9V05OZ' +
  '7sCACjjxgtyK1CVzRPnmbxfDmiMJs697zPAeqz3D36c25+0/UFmUHa8/oY+x1MSOalZ5hNr/1VStAQ==';
/** The same inputs in the legacy CBC layout with IV "0123456789abcdef". */
const CBC_VECTOR =
  '04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAYPDOWcZeMCPxbh1dpHzCTREIwK2oIO5x78Qlcu9iUMPYtEdS2l7lPKgPQYvYjzn3bcEz' +
  '4auBp+QkjzOmpu2+UBd6C1PrVUihmnwfmFIhGjcJBMXj8K+D/zeOQWZy0UyF1w==';

/** Runs `fn` and returns the TokenError it throws, or undefined when it does not throw. */
function tokenErrorOf(fn: () => unknown): TokenError | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof TokenError) {
      return err;
    }
    throw err;
  }
  return undefined;
}

function codeOf(fn: () => unknown): string {
  const err = tokenErrorOf(fn);
  return err === undefined ? 'no error' : err.code;
}

function tokenBytes(token: string): Buffer {
  return Buffer.from(token.slice(2), 'base64');
}

function tokenFrom(bytes: Buffer): string {
  return '04' + bytes.toString('base64');
}

/** Returns the token with byte `index` of its binary form XOR-ed with 0x01. */
function flipByte(token: string, index: number): string {
  const bytes = tokenBytes(token);
  bytes[index] ^= 0x01;
  return tokenFrom(bytes);
}

function fixedGcmToken(payload = ''): string {
  return generateToken04(1, 'demo', SAMPLE_SECRET, 3600, payload, { nowSeconds: 1700000000, nonce: 12345, iv: FIXED_IV });
}

export default function token04Test() {
  describe('Token04', () => {
    it('reproduces the fixed GCM regression vector exactly', 0, () => {
      const token = fixedGcmToken();
      expect(token.startsWith('04AAAAAGVT/xAADAcHBwcHBw')).assertTrue();
      expect(token.length).assertEqual(186);
      expect(token).assertEqual(GCM_VECTOR);
    });

    it('reproduces the fixed legacy CBC vector exactly', 0, () => {
      const token = generateToken04Cbc(1, 'demo', SAMPLE_SECRET, 3600, '',
        { nowSeconds: 1700000000, nonce: 12345, iv: '0123456789abcdef' });
      expect(token).assertEqual(CBC_VECTOR);
    });

    it('round-trips every field through generate and decode in the GCM format', 0, () => {
      const token = generateToken04(4294967295, 'user_42~!', SAMPLE_SECRET, 7200, 'p', { nowSeconds: 1234567890, nonce: -5 });
      const decoded: DecodedToken04 = decodeToken04(token, SAMPLE_SECRET);
      expect(decoded.appId).assertEqual(4294967295);
      expect(decoded.userId).assertEqual('user_42~!');
      expect(decoded.nonce).assertEqual(-5);
      expect(decoded.ctime).assertEqual(1234567890);
      expect(decoded.expire).assertEqual(1234567890 + 7200);
      expect(decoded.payload).assertEqual('p');
      expect(decoded.mode).assertEqual('gcm');
    });

    it('round-trips every field through the legacy CBC format', 0, () => {
      const token = generateToken04Cbc(987654321, 'bob', SAMPLE_SECRET, 60, '', { nowSeconds: 1700000000, nonce: 2147483647 });
      const decoded = decodeToken04(token, SAMPLE_SECRET);
      expect(decoded.appId).assertEqual(987654321);
      expect(decoded.userId).assertEqual('bob');
      expect(decoded.nonce).assertEqual(2147483647);
      expect(decoded.ctime).assertEqual(1700000000);
      expect(decoded.expire).assertEqual(1700000060);
      expect(decoded.payload).assertEqual('');
      expect(decoded.mode).assertEqual('cbc');
    });

    it('decodes the fixed vectors back to their inputs', 0, () => {
      const gcm = decodeToken04(GCM_VECTOR, SAMPLE_SECRET);
      expect(gcm.userId).assertEqual('demo');
      expect(gcm.nonce).assertEqual(12345);
      expect(gcm.mode).assertEqual('gcm');
      const cbc = decodeToken04(CBC_VECTOR, SAMPLE_SECRET);
      expect(cbc.expire).assertEqual(1700003600);
      expect(cbc.mode).assertEqual('cbc');
    });

    it('sets expire to ctime plus the effective time and writes it in clear in front', 0, () => {
      const token = generateToken04(1, 'demo', SAMPLE_SECRET, 90, '', { nowSeconds: 1700000000 });
      const decoded = decodeToken04(token, SAMPLE_SECRET);
      expect(decoded.expire - decoded.ctime).assertEqual(90);
      expect(Number(tokenBytes(token).readBigInt64BE(0))).assertEqual(1700000090);
      expect(tokenBytes(token).readUInt16BE(8)).assertEqual(12);
    });

    it('uses the current time, a fresh random IV and a random int32 nonce when none is injected', 0, () => {
      const before = Math.floor(Date.now() / 1000);
      const first = generateToken04(1, 'demo', SAMPLE_SECRET, 3600);
      const second = generateToken04(1, 'demo', SAMPLE_SECRET, 3600);
      expect(first === second).assertFalse();
      expect(tokenBytes(first).subarray(10, 22).equals(tokenBytes(second).subarray(10, 22))).assertFalse();
      const decoded = decodeToken04(first, SAMPLE_SECRET);
      expect(Number.isInteger(decoded.nonce)).assertTrue();
      expect(decoded.nonce >= -2147483648 && decoded.nonce <= 2147483647).assertTrue();
      expect(decoded.ctime >= before && decoded.ctime <= before + 5).assertTrue();
      const cbc = decodeToken04(generateToken04Cbc(1, 'demo', SAMPLE_SECRET, 3600), SAMPLE_SECRET);
      expect(cbc.mode).assertEqual('cbc');
    });

    it('rejects a token whose ciphertext was altered with TOKEN_AUTH_FAILED', 0, () => {
      // the ciphertext starts after expire (8), IV length (2), IV (12) and ciphertext length (2)
      const tampered = flipByte(GCM_VECTOR, 24);
      const err = tokenErrorOf(() => decodeToken04(tampered, SAMPLE_SECRET));
      expect(err?.code).assertEqual('TOKEN_AUTH_FAILED');
      expect(err?.message).assertContain('altered');
    });

    it('rejects a token whose authentication tag or IV was altered with TOKEN_AUTH_FAILED', 0, () => {
      const length = tokenBytes(GCM_VECTOR).length;
      // the last byte is the mode byte; the one before it ends the tag
      expect(codeOf(() => decodeToken04(flipByte(GCM_VECTOR, length - 2), SAMPLE_SECRET))).assertEqual('TOKEN_AUTH_FAILED');
      expect(codeOf(() => decodeToken04(flipByte(GCM_VECTOR, 12), SAMPLE_SECRET))).assertEqual('TOKEN_AUTH_FAILED');
    });

    it('rejects a token whose clear-text expiry was altered even though GCM does not cover it', 0, () => {
      const err = tokenErrorOf(() => decodeToken04(flipByte(GCM_VECTOR, 7), SAMPLE_SECRET));
      expect(err?.code).assertEqual('MALFORMED_TOKEN');
      expect(err?.message).assertContain('expiry');
    });

    it('rejects a GCM token decoded with another secret with TOKEN_AUTH_FAILED', 0, () => {
      expect(codeOf(() => decodeToken04(GCM_VECTOR, OTHER_SECRET))).assertEqual('TOKEN_AUTH_FAILED');
    });

    it('rejects a CBC token decoded with another secret with TOKEN_DECRYPT_FAILED', 0, () => {
      expect(codeOf(() => decodeToken04(CBC_VECTOR, OTHER_SECRET))).assertEqual('TOKEN_DECRYPT_FAILED');
    });

    it('rejects a token without the 04 version prefix with INVALID_TOKEN_VERSION', 0, () => {
      expect(codeOf(() => decodeToken04('03' + GCM_VECTOR.slice(2), SAMPLE_SECRET))).assertEqual('INVALID_TOKEN_VERSION');
      expect(codeOf(() => decodeToken04('', SAMPLE_SECRET))).assertEqual('INVALID_TOKEN_VERSION');
    });

    it('rejects a token that is not base64 after the prefix with MALFORMED_TOKEN', 0, () => {
      expect(codeOf(() => decodeToken04('04', SAMPLE_SECRET))).assertEqual('MALFORMED_TOKEN');
      expect(codeOf(() => decodeToken04('04!!!!', SAMPLE_SECRET))).assertEqual('MALFORMED_TOKEN');
      expect(codeOf(() => decodeToken04(GCM_VECTOR.slice(0, -1), SAMPLE_SECRET))).assertEqual('MALFORMED_TOKEN');
    });

    it('rejects a truncated token at every part of the layout with MALFORMED_TOKEN', 0, () => {
      const bytes = tokenBytes(GCM_VECTOR);
      // inside expire, the IV length, the IV, the ciphertext length and the ciphertext
      const cuts = [4, 9, 15, 23, 60];
      for (const cut of cuts) {
        const err = tokenErrorOf(() => decodeToken04(tokenFrom(bytes.subarray(0, cut)), SAMPLE_SECRET));
        expect(err?.code).assertEqual('MALFORMED_TOKEN');
        expect(err?.message).assertContain('truncated');
      }
    });

    it('rejects unexpected trailing bytes and unknown mode bytes', 0, () => {
      const bytes = tokenBytes(GCM_VECTOR);
      expect(codeOf(() => decodeToken04(tokenFrom(Buffer.concat([bytes, Buffer.from([1])])), SAMPLE_SECRET)))
        .assertEqual('MALFORMED_TOKEN');
      const unknownMode = Buffer.from(bytes);
      unknownMode[unknownMode.length - 1] = 9;
      expect(codeOf(() => decodeToken04(tokenFrom(unknownMode), SAMPLE_SECRET))).assertEqual('UNSUPPORTED_MODE');
    });

    it('rejects an invalid appId with INVALID_APP_ID', 0, () => {
      const badAppIds: number[] = [0, -1, 1.5, 4294967296, Number.NaN];
      for (const appId of badAppIds) {
        expect(codeOf(() => generateToken04(appId, 'demo', SAMPLE_SECRET, 3600))).assertEqual('INVALID_APP_ID');
      }
      const asString = '1' as unknown as number;
      const err = tokenErrorOf(() => generateToken04(asString, 'demo', SAMPLE_SECRET, 3600));
      expect(err?.code).assertEqual('INVALID_APP_ID');
      expect(err?.message).assertContain('AppID from the ZEGO console');
    });

    it('rejects an empty, too long or non-string userId with INVALID_USER_ID and accepts 64 characters', 0, () => {
      expect(codeOf(() => generateToken04(1, '', SAMPLE_SECRET, 3600))).assertEqual('INVALID_USER_ID');
      expect(codeOf(() => generateToken04(1, 'u'.repeat(65), SAMPLE_SECRET, 3600))).assertEqual('INVALID_USER_ID');
      expect(codeOf(() => generateToken04(1, 42 as unknown as string, SAMPLE_SECRET, 3600))).assertEqual('INVALID_USER_ID');
      expect(codeOf(() => generateToken04(1, 'u'.repeat(64), SAMPLE_SECRET, 3600))).assertEqual('no error');
    });

    it('rejects a secret that is not 32 ASCII characters without echoing it', 0, () => {
      const badSecrets: string[] = [SAMPLE_SECRET.slice(1), SAMPLE_SECRET + 'x', '', SAMPLE_SECRET.slice(2) + '中文'];
      for (const secret of badSecrets) {
        const err = tokenErrorOf(() => generateToken04(1, 'demo', secret, 3600));
        expect(err?.code).assertEqual('INVALID_SECRET');
        expect(err?.message).assertContain('ServerSecret');
        if (secret.length > 0) {
          expect(err?.message.includes(secret.slice(0, 8))).assertFalse();
        }
      }
      expect(codeOf(() => generateToken04(1, 'demo', undefined as unknown as string, 3600))).assertEqual('INVALID_SECRET');
      expect(codeOf(() => decodeToken04(GCM_VECTOR, 'short'))).assertEqual('INVALID_SECRET');
    });

    it('rejects a zero, negative or fractional effective time with INVALID_EFFECTIVE_TIME', 0, () => {
      const badTimes: number[] = [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY];
      for (const seconds of badTimes) {
        expect(codeOf(() => generateToken04(1, 'demo', SAMPLE_SECRET, seconds))).assertEqual('INVALID_EFFECTIVE_TIME');
      }
    });

    it('rejects a non-string payload with INVALID_PAYLOAD', 0, () => {
      const payload = { room_id: 'r' } as unknown as string;
      expect(codeOf(() => generateToken04(1, 'demo', SAMPLE_SECRET, 3600, payload))).assertEqual('INVALID_PAYLOAD');
    });

    it('rejects injected test values that are out of range with INVALID_OPTION', 0, () => {
      expect(codeOf(() => generateToken04(1, 'demo', SAMPLE_SECRET, 3600, '', { nonce: 2147483648 }))).assertEqual('INVALID_OPTION');
      expect(codeOf(() => generateToken04(1, 'demo', SAMPLE_SECRET, 3600, '', { nonce: 0.5 }))).assertEqual('INVALID_OPTION');
      expect(codeOf(() => generateToken04(1, 'demo', SAMPLE_SECRET, 3600, '', { iv: new Uint8Array(11) }))).assertEqual('INVALID_OPTION');
      expect(codeOf(() => generateToken04(1, 'demo', SAMPLE_SECRET, 3600, '', { nowSeconds: -1 }))).assertEqual('INVALID_OPTION');
      expect(codeOf(() => generateToken04Cbc(1, 'demo', SAMPLE_SECRET, 3600, '', { iv: '0123456789ABCDEF' }))).assertEqual('INVALID_OPTION');
    });

    it('builds the documented privilege payload with login and publish flags', 0, () => {
      expect(buildPrivilegePayload('room1', true, true))
        .assertEqual('{"room_id":"room1","privilege":{"1":1,"2":1},"stream_id_list":null}');
      expect(buildPrivilegePayload('room1', true, false, ['s1', 's2']))
        .assertEqual('{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":["s1","s2"]}');
      expect(buildPrivilegePayload('room1', false, true, null))
        .assertEqual('{"room_id":"room1","privilege":{"1":0,"2":1},"stream_id_list":null}');
    });

    it('rejects a privilege payload without a room or with a bad stream list', 0, () => {
      expect(codeOf(() => buildPrivilegePayload('', true, true))).assertEqual('INVALID_ROOM_ID');
      expect(codeOf(() => buildPrivilegePayload('room1', true, true, ['']))).assertEqual('INVALID_STREAM_ID_LIST');
    });

    it('carries a privilege payload through a token as a string', 0, () => {
      const payload = buildPrivilegePayload('room1', true, true);
      const decoded = decodeToken04(fixedGcmToken(payload), SAMPLE_SECRET);
      expect(decoded.payload).assertEqual(payload);
      const parsed = JSON.parse(decoded.payload) as Record<string, Object | null>;
      expect(parsed['room_id']).assertEqual('room1');
      expect(parsed['stream_id_list']).assertNull();
      expect(JSON.stringify(parsed['privilege'])).assertEqual('{"1":1,"2":1}');
    });
  });
}
