// SPDX-License-Identifier: Apache-2.0
// The call page reports camera and microphone permissions to the kit on every check. The kit remembers a
// refusal across calls, so a permission granted since (in Settings, between calls) must be reported when
// the next call starts, or the preview would still say "Camera access is off".
import { describe, expect, it } from '@ohos/hypium';
import { CallSession, ManualClock } from '@zegocallkit/components';
import { CredentialsProblem, DemoCredentials } from '../../demo/src/main/ets/common/Credentials';
import { DemoSetup } from '../../demo/src/main/ets/common/DemoSetup';
import { MediaPermissions, PermissionState } from '../../demo/src/main/ets/common/MediaPermissions';
import { reportPermissions } from '../../demo/src/main/ets/common/PermissionReport';

/** Permissions in the given states. */
function permissions(camera: PermissionState, microphone: PermissionState): MediaPermissions {
  const result = new MediaPermissions();
  result.camera = camera;
  result.microphone = microphone;
  return result;
}

/** A session of the demo on the simulated engine. */
function demoSession(): CallSession {
  const setup = DemoSetup.create(DemoCredentials.simulated(CredentialsProblem.None), undefined, '', new ManualClock());
  return setup.provider.session();
}

export default function permissionReportTest(): void {
  describe('PermissionReport', () => {
    it('clears "camera access is off" when the next call starts with the permission granted in Settings', 0,
      () => {
        const session = demoSession();
        const refused = permissions(PermissionState.DeniedInSettings, PermissionState.DeniedInSettings);
        reportPermissions(session, new MediaPermissions(), refused, false);
        expect(session.model.local.cameraPermitted).assertFalse();
        expect(session.model.local.micPermitted).assertFalse();

        // The next call: the page starts from nothing known and finds both granted.
        const granted = permissions(PermissionState.Granted, PermissionState.Granted);
        reportPermissions(session, new MediaPermissions(), granted, false);

        expect(session.model.local.cameraPermitted).assertTrue();
        expect(session.model.local.micPermitted).assertTrue();
      });

    it('reports each device on its own: a refused microphone does not hide a granted camera', 0, () => {
      const session = demoSession();
      reportPermissions(session, new MediaPermissions(),
        permissions(PermissionState.Denied, PermissionState.Denied), false);
      reportPermissions(session, new MediaPermissions(),
        permissions(PermissionState.Granted, PermissionState.DeniedInSettings), false);
      expect(session.model.local.cameraPermitted).assertTrue();
      expect(session.model.local.micPermitted).assertFalse();
    });

    it('turns on a device granted during the call, and leaves an unchanged one alone', 0, () => {
      const session = demoSession();
      const before = permissions(PermissionState.Denied, PermissionState.Granted);
      reportPermissions(session, new MediaPermissions(), before, false);
      session.setCameraOn(false);
      session.setMicrophoneOn(false);

      reportPermissions(session, before, permissions(PermissionState.Granted, PermissionState.Granted), true);

      expect(session.model.local.cameraPermitted).assertTrue();
      expect(session.model.local.cameraRequested).assertTrue();
      expect(session.model.local.micRequested).assertFalse();
    });
  });
}
