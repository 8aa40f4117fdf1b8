// SPDX-License-Identifier: Apache-2.0
// EntryAbility installs what DemoSetup builds: the engine the credentials ask for, the profile with the
// application context and log folder, and the join options (a token provider in token mode). Without
// credentials the demo must still make a call, on the simulated engine.
import { describe, expect, it } from '@ohos/hypium';
import {
  CallPhase, CallUser, HttpTokenProvider, ManualClock, SimulatedCallEngine, ZegoCallEngine
} from '@zegocallkit/components';
import { CredentialsMode, CredentialsProblem, DemoCredentials, parseCredentials } from '../../demo/src/main/ets/common/Credentials';
import { DemoSetup } from '../../demo/src/main/ets/common/DemoSetup';

const APP_SIGN: string = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';

/** Stands in for the ApplicationContext the ability passes. */
class FakeContext {
  name: string = 'application context';
}

export default function demoSetupTest(): void {
  describe('DemoSetup', () => {
    it('drives the simulated engine when there are no credentials', 0, () => {
      const setup = DemoSetup.create(DemoCredentials.simulated(CredentialsProblem.None), new FakeContext(), '/logs');
      expect(setup.mode).assertEqual(CredentialsMode.Simulated);
      expect(setup.provider.engine instanceof SimulatedCallEngine).assertTrue();
      expect(setup.joinOptions().tokenProvider).assertUndefined();
    });

    it('drives ZEGO with the AppSign, the application context and the log folder when they are given', 0, () => {
      const context = new FakeContext();
      const setup = DemoSetup.create(parseCredentials(`{"appID": 77, "appSign": "${APP_SIGN}"}`), context, '/logs');
      expect(setup.mode).assertEqual(CredentialsMode.AppSign);
      expect(setup.provider.engine instanceof ZegoCallEngine).assertTrue();
      expect(setup.provider.profile.appID).assertEqual(77);
      expect(setup.provider.profile.appSign).assertEqual(APP_SIGN);
      expect(setup.provider.profile.applicationContext === context).assertTrue();
      expect(setup.provider.profile.logPath).assertEqual('/logs');
    });

    it('logs in with tokens from the token server when one is configured', 0, () => {
      const setup = DemoSetup.create(parseCredentials('{"appID": 77, "tokenServerUrl": "http://10.0.0.2:8787"}'),
        new FakeContext(), '');
      expect(setup.mode).assertEqual(CredentialsMode.TokenServer);
      expect(setup.provider.profile.appSign).assertEqual('');
      const tokens = setup.joinOptions().tokenProvider;
      expect(tokens instanceof HttpTokenProvider).assertTrue();
      expect((tokens as HttpTokenProvider).tokenUrl).assertEqual('http://10.0.0.2:8787/token');
    });

    it('falls back to the simulated engine when the token server URL is unusable, and says so', 0, () => {
      const setup = DemoSetup.create(parseCredentials('{"appID": 77, "tokenServerUrl": "ftp://10.0.0.2"}'),
        new FakeContext(), '');
      expect(setup.mode).assertEqual(CredentialsMode.Simulated);
      expect(setup.problem).assertEqual(CredentialsProblem.TokenServerUrlInvalid);
      expect(setup.provider.engine instanceof SimulatedCallEngine).assertTrue();
    });

    it('never describes itself with the AppSign', 0, () => {
      const setup = DemoSetup.create(parseCredentials(`{"appID": 77, "appSign": "${APP_SIGN}"}`), new FakeContext(), '');
      expect(setup.toString().includes(APP_SIGN)).assertFalse();
      expect(setup.toString()).assertEqual('ZEGO engine, AppSign');
    });

    it('makes a call without credentials: the simulated guest is in the room and publishes', 0, async (done: Function) => {
      const clock = new ManualClock();
      const setup = DemoSetup.create(DemoCredentials.simulated(CredentialsProblem.None), undefined, '', clock);
      const session = setup.provider.session();
      const joining = session.join('room1', new CallUser('alice', 'Alice'), setup.joinOptions());
      await clock.advanceAsync(500);
      await joining;
      expect(session.model.phase).assertEqual(CallPhase.InCall);
      expect(session.model.streamIDs.length).assertEqual(1);
      expect(session.model.allStreams()[0].userName).assertEqual('Guest 1');
      const leaving = session.leave();
      await clock.advanceAsync(500);
      await leaving;
      expect(session.isIdle()).assertTrue();
      done();
    });
  });
}
