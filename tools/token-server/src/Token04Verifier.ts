// SPDX-License-Identifier: Apache-2.0
// The simulated engine's full token check for host tests and the host demo: decrypts a token04 with the
// ServerSecret (Node crypto, through token04.ts) and answers as ZEGO's server would, with ZEGO's codes:
// 1002074 for a token that does not decrypt or was altered, 1002076 for one issued for another AppID, 1002075
// for a payload that is not JSON, 1002077 for another user, 1002078 once expired. Legacy AES-CBC tokens have
// no integrity check (a changed byte can still decrypt to a different AppID or payload), so they are refused
// with 1002074 unless `acceptCbc` is set. Never logs the token.

import { TokenVerdict, TokenVerifier } from '../../../components/src/main/ets/engine/SimTokenCheck';
import { ZegoErrorCodes } from '../../../components/src/main/ets/engine/ZegoErrorCodes';
import { decodeToken04, DecodedToken04 } from './token04';

/** How strict the verifier is beyond what ZEGO requires of every token. */
export interface Token04VerifierOptions {
  /** Accept legacy AES-CBC tokens (no integrity check). Default false: only AES-GCM tokens verify. */
  acceptCbc?: boolean;
}

/** Whether a token's payload is acceptable: '' (a basic token) or JSON (a privilege payload). */
function payloadIsJson(payload: string): boolean {
  if (payload === '') {
    return true;
  }
  try {
    JSON.parse(payload);
    return true;
  } catch {
    return false;
  }
}

/**
 * A TokenVerifier that knows the ServerSecret and the AppID tokens must be issued for.
 * @param secret the 32-character ServerSecret
 * @param appId the AppID the engine was created with
 * @param options `acceptCbc: true` to also accept legacy CBC tokens
 */
export function token04Verifier(secret: string, appId: number, options: Token04VerifierOptions = {}): TokenVerifier {
  const acceptCbc = options.acceptCbc === true;
  return {
    verify: (token: string, userID: string, nowSeconds: number): TokenVerdict => {
      let decoded: DecodedToken04;
      try {
        decoded = decodeToken04(token, secret);
      } catch (e) {
        return new TokenVerdict(ZegoErrorCodes.TOKEN_INTERNAL, -1);
      }
      if (decoded.mode === 'cbc' && !acceptCbc) {
        return new TokenVerdict(ZegoErrorCodes.TOKEN_INTERNAL, -1);
      }
      if (decoded.appId !== appId) {
        return new TokenVerdict(ZegoErrorCodes.TOKEN_APP_ID_MISMATCH, decoded.expire);
      }
      if (!payloadIsJson(decoded.payload)) {
        return new TokenVerdict(ZegoErrorCodes.TOKEN_FORMAT, decoded.expire);
      }
      if (decoded.userId !== userID) {
        return new TokenVerdict(ZegoErrorCodes.TOKEN_USER_ID_MISMATCH, decoded.expire);
      }
      return new TokenVerdict(decoded.expire <= nowSeconds ? ZegoErrorCodes.TOKEN_EXPIRED : 0, decoded.expire);
    }
  };
}
