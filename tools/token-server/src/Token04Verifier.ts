// SPDX-License-Identifier: Apache-2.0
// The simulated engine's full token check for host tests and the host demo: decrypts a token04 with the
// ServerSecret (Node crypto, through token04.ts) and answers as ZEGO would: 1002074 for a token that does not
// decrypt, 1002077 for one issued to another user, 1002078 for one that has expired. Never logs the token.

import { TokenVerdict, TokenVerifier } from '../../../components/src/main/ets/engine/SimTokenCheck';
import { decodeToken04 } from './token04';

const TOKEN_INVALID = 1002074;
const TOKEN_USER_MISMATCH = 1002077;
const TOKEN_EXPIRED = 1002078;

/** A TokenVerifier that knows the ServerSecret. */
export function token04Verifier(secret: string): TokenVerifier {
  return {
    verify: (token: string, userID: string, nowSeconds: number): TokenVerdict => {
      try {
        const decoded = decodeToken04(token, secret);
        if (decoded.userId !== userID) {
          return new TokenVerdict(TOKEN_USER_MISMATCH, decoded.expire);
        }
        return new TokenVerdict(decoded.expire <= nowSeconds ? TOKEN_EXPIRED : 0, decoded.expire);
      } catch (e) {
        return new TokenVerdict(TOKEN_INVALID, -1);
      }
    }
  };
}
