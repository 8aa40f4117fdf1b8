// SPDX-License-Identifier: Apache-2.0
// The host demo's token server, in process: the same token04 generator as `npm run token-server`
// (tools/token-server/src/token04.ts), with a ServerSecret made up for this run and never shown, on the
// simulated clock. It is the demo's TokenProvider (what HttpTokenProvider is on a device) and, through
// verifier(), the simulated engine's token check: the engine decrypts each token with the secret and
// refuses one issued for another user or already expired, as ZEGO would.

import { randomBytes } from 'crypto';
import { TokenProvider, TokenVerifier } from '@zegocallkit/components';
import { generateToken04 } from '../../token-server/src/token04';
import { token04Verifier } from '../../token-server/src/Token04Verifier';
import { clockTime, TimeSource, Timeline } from './Timeline';

/** One issued token, as the timeline may describe it. */
interface Issued {
  n: number;
  userID: string;
  expiresAtMs: number;
}

/** Issues and checks token04s for the demo; never prints a token or the secret. */
export class DemoTokenServer implements TokenProvider {
  /** How many tokens were issued. */
  issuedCount = 0;
  private readonly appID: number;
  private readonly secret: string = randomBytes(16).toString('hex');
  private readonly clock: TimeSource;
  private readonly startUnixSeconds: number;
  private readonly lifetimeSeconds: number;
  private readonly timeline: Timeline;
  private readonly issued = new Map<string, Issued>();

  /**
   * @param appID the AppID the tokens are for
   * @param clock the simulated clock (ms since the start of the demo)
   * @param startUnixSeconds the Unix time at clock 0 (the simulated engine's)
   * @param lifetimeSeconds how long each token is valid
   * @param timeline where requests and answers are written
   */
  constructor(appID: number, clock: TimeSource, startUnixSeconds: number, lifetimeSeconds: number, timeline: Timeline) {
    this.appID = appID;
    this.clock = clock;
    this.startUnixSeconds = startUnixSeconds;
    this.lifetimeSeconds = lifetimeSeconds;
    this.timeline = timeline;
  }

  /** Every token issued so far (for the test that proves none was printed). */
  issuedTokens(): string[] {
    return Array.from(this.issued.keys());
  }

  /** POST /token, answered at once. */
  fetchToken(roomID: string, userID: string): Promise<string> {
    this.timeline.entry('app → token server', `POST /token {userID: ${userID}, roomID: ${roomID}, ` +
      `effectiveTimeInSeconds: ${this.lifetimeSeconds}}`);
    const nowSeconds = this.startUnixSeconds + Math.floor(this.clock.now() / 1000);
    const token = generateToken04(this.appID, userID, this.secret, this.lifetimeSeconds, '', { nowSeconds });
    this.issuedCount++;
    this.issued.set(token, { n: this.issuedCount, userID, expiresAtMs: this.clock.now() + this.lifetimeSeconds * 1000 });
    this.timeline.entry('token server → app', `200 {token: ${this.describe(token)}}`);
    return Promise.resolve(token);
  }

  /** A token as the timeline shows it: which one, whose, valid until when. */
  describe(token: string): string {
    const known = this.issued.get(token);
    if (known === undefined) {
      return '<token04 not from this server>';
    }
    return `<token04 #${known.n} for ${known.userID}, expires at ${clockTime(known.expiresAtMs)}>`;
  }

  /** The simulated engine's token check, with the secret: layout, AppID, payload, user ID and expiry. */
  verifier(): TokenVerifier {
    return token04Verifier(this.secret, this.appID);
  }
}
