// SPDX-License-Identifier: Apache-2.0
// Token authentication end to end on the host: the real token server (tools/token-server) over loopback,
// the kit's HttpTokenProvider through the @kit.NetworkKit fake (real sockets), the call session, and the
// simulated engine checking every token with the ServerSecret (user ID and expiry, as ZEGO does). The token
// server and the engine share one simulated clock, so a 60-second token expires in simulated time.
import { describe, expect, it } from '@ohos/hypium';
import { EngineProfile, EngineScenario } from '../../components/src/main/ets/engine/EngineTypes';
import { ManualClock } from '../../components/src/main/ets/engine/SimClock';
import { SimulatedCallEngine, SimulatedEngineOptions } from '../../components/src/main/ets/engine/SimulatedCallEngine';
import { CallEndReason, CallPhase } from '../../components/src/main/ets/model/CallModel';
import { CallEvent, CallEventKind } from '../../components/src/main/ets/session/CallEvent';
import { CallKitError } from '../../components/src/main/ets/session/CallKitError';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';
import { HttpTokenProvider, HttpTokenProviderOptions } from '../../components/src/main/ets/session/HttpTokenProvider';
import { CallUser, JoinOptions } from '../../components/src/main/ets/session/JoinOptions';
import { TokenProvider } from '../../components/src/main/ets/session/TokenProvider';
import { createTokenServer, TokenServer } from '../token-server/src/server';
import { token04Verifier } from '../token-server/src/Token04Verifier';

const APP_ID = 1234567;
const SECRET = 'fa94dd0f974cf2e293728a526b028271';
const START_UNIX = 1800000000;

/** A real token server, a session on the simulated engine, and their shared clock. */
class TokenWorld {
  readonly clock = new ManualClock();
  readonly sim: SimulatedCallEngine;
  readonly provider: EngineProvider;
  readonly events: CallEvent[] = [];
  readonly server: TokenServer;
  baseUrl = '';

  constructor() {
    const options = new SimulatedEngineOptions();
    options.startUnixSeconds = START_UNIX;
    options.tokenVerifier = token04Verifier(SECRET, APP_ID);
    this.sim = new SimulatedCallEngine(this.clock, options);
    // appSign '' = token mode: the engine accepts nothing but a valid token
    this.provider = new EngineProvider(this.sim,
      new EngineProfile(APP_ID, '', EngineScenario.StandardVideoCall, undefined, ''), this.clock);
    this.provider.session().addEventListener((e: CallEvent) => {
      this.events.push(e);
    });
    this.server = createTokenServer({ appId: APP_ID, secret: SECRET, now: () => START_UNIX * 1000 + this.clock.now(),
      logger: () => undefined });
  }

  async start(): Promise<void> {
    const address = await this.server.listen(0, '127.0.0.1');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  tokens(lifetimeSeconds: number): HttpTokenProvider {
    const o = new HttpTokenProviderOptions();
    o.serverUrl = this.baseUrl;
    o.effectiveTimeInSeconds = lifetimeSeconds;
    return new HttpTokenProvider(o);
  }

  /** Advances simulated time in 1-second steps, giving real sockets a moment between steps. */
  async advance(seconds: number): Promise<void> {
    for (let i = 0; i < seconds; i++) {
      await this.clock.advanceAsync(1000);
      await new Promise<void>((resolve) => setTimeout(resolve, 2));
    }
  }

  async join(user: string, tokens: TokenProvider): Promise<CallKitError | undefined> {
    const options = new JoinOptions();
    options.tokenProvider = tokens;
    let error: CallKitError | undefined = undefined;
    const joined = this.provider.session().join('room1', new CallUser(user, user), options)
      .catch((e: CallKitError) => {
        error = e;
      });
    for (let i = 0; i < 50 && this.provider.session().model.phase === CallPhase.Joining; i++) {
      await this.advance(0);
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
      await this.clock.advanceAsync(100);
    }
    await joined;
    return error;
  }

  async stop(): Promise<void> {
    const leaving = this.provider.session().leave();
    await this.clock.advanceAsync(1000);
    await leaving;
    await this.server.close();
  }
}

/** A token provider that asks the real server for another user's token (a misconfigured app). */
class WrongUserTokens implements TokenProvider {
  private readonly inner: HttpTokenProvider;

  constructor(inner: HttpTokenProvider) {
    this.inner = inner;
  }

  fetchToken(roomID: string, userID: string): Promise<string> {
    return this.inner.fetchToken(roomID, 'mallory');
  }
}

export default function tokenRenewalTest() {
  describe('TokenRenewalHostEndToEnd', () => {
    it('logs in with a token from the token server and renews it before it expires', 0, async (done: Function) => {
      const w = new TokenWorld();
      await w.start();
      try {
        const error = await w.join('alice', w.tokens(60));
        expect(error === undefined).assertTrue();
        expect(w.provider.session().model.phase).assertEqual(CallPhase.InCall);
        // 30 s before expiry the engine warns, the kit fetches a new token over HTTP and renews it
        await w.advance(45);
        expect(w.sim.calls.filter((c: string) => c.startsWith('renewToken(room1)')).length).assertEqual(1);
        expect(w.sim.tokenExpiresAt()).assertLarger(START_UNIX + 60);
        // past the first token's expiry, the call goes on
        await w.advance(30);
        expect(w.provider.session().model.phase).assertEqual(CallPhase.InCall);
      } finally {
        await w.stop();
      }
      done();
    });

    it('ends the call as token expired (1002056) when the token server is gone at renewal time', 0, async (done: Function) => {
      const w = new TokenWorld();
      await w.start();
      const error = await w.join('alice', w.tokens(60));
      expect(error === undefined).assertTrue();
      await w.server.close();
      await w.advance(75);
      const model = w.provider.session().model;
      expect(model.endReason).assertEqual(CallEndReason.TokenExpired);
      expect(model.endErrorCode).assertEqual(1002056);
      const tokenErrors = w.events.filter((e: CallEvent) => e.kind === CallEventKind.Error &&
        (e.error as CallKitError).code === 2000002);
      expect(tokenErrors.length).assertEqual(1);
      done();
    });

    it('refuses a token issued for another user with 1002077', 0, async (done: Function) => {
      const w = new TokenWorld();
      await w.start();
      try {
        const error = await w.join('alice', new WrongUserTokens(w.tokens(60)));
        expect((error as CallKitError).code).assertEqual(1002077);
        expect(w.provider.session().model.endReason).assertEqual(CallEndReason.LoginFailed);
      } finally {
        await w.server.close();
      }
      done();
    });
  });
}
