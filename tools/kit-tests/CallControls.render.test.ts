// SPDX-License-Identifier: Apache-2.0
// Host render tests of CallControls on the simulated engine: a press reaches the engine through the default
// handler (or only the app's handler when it replaces it), toggles show the requested state at once and mark
// it pending until confirmed, repeated presses are debounced per button on the provider's clock, a denied
// permission disables the button with a hint, and the audio output is the system AVCastPicker. What the host
// runtime does not model (layout, pixels, fine-grained reactivity, `.enabled(false)` blocking clicks):
// ./README.md.
import { describe, expect, it } from '@ohos/hypium';
import { HostNode, render, Rendered, resolveText } from '../host/render/harness';
import { CallControls } from '../../components/src/main/ets/components/CallControls';
import {
  CALL_CONTROLS_AUDIO_OUTPUT_ID, CALL_CONTROLS_CAMERA_HINT_ID, CALL_CONTROLS_CAMERA_ID, CALL_CONTROLS_CAMERA_PENDING_ID,
  CALL_CONTROLS_HANG_UP_ID, CALL_CONTROLS_MIC_HINT_ID, CALL_CONTROLS_MIC_ICON_ID, CALL_CONTROLS_MIC_ID,
  CALL_CONTROLS_MIC_PENDING_ID, CALL_CONTROLS_SWITCH_CAMERA_ID
} from '../../components/src/main/ets/components/ComponentIds';
import { CallPhase } from '../../components/src/main/ets/model/CallModel';
import {
  CallAction, CallActionKind, CallControlKind, defaultCallActionHandler
} from '../../components/src/main/ets/session/CallActions';
import { CallSession } from '../../components/src/main/ets/session/CallSession';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';
import { CallWorld } from './CallWorld';

/** The AVCastPicker options as CallControls passed them. */
interface PickerOptions {
  sessionType: string;
  customPicker: unknown;
}

function label(h: Rendered<CallControls>, id: string): string | undefined {
  return resolveText(h.attr(id, 'accessibilityText'));
}

function description(h: Rendered<CallControls>, id: string): string | undefined {
  return resolveText(h.attr(id, 'accessibilityDescription'));
}

/** The resource name of an Image, e.g. 'app.media.zck_ic_mic'. */
function imageOf(h: Rendered<CallControls>, id: string): string {
  return (h.find(id).args[0] as { params: string[] }).params[0];
}

/** Every node under `node` (not `node` itself), depth first. */
function descendants(node: HostNode): HostNode[] {
  const out: HostNode[] = [];
  for (const child of node.children) {
    out.push(child, ...descendants(child));
  }
  return out;
}

function buttonIds(h: Rendered<CallControls>): string[] {
  return h.findAll('Button').map((n: HostNode) => h.idOf(n) as string);
}

/** Records the actions a custom handler received. */
class ActionLog {
  readonly actions: string[] = [];
  readonly handler = (action: CallAction, session: CallSession): void => {
    this.actions.push(action.toString());
  };
}

export default function callControlsRenderTest() {
  describe('CallControlsRender', () => {
    it('mutes the engine when the microphone button is pressed and then offers to turn the microphone on', 0,
      async (done: Function) => {
        const w = new CallWorld();
        await w.join();
        const h = render(CallControls, { provider: w.provider });
        expect(label(h, CALL_CONTROLS_MIC_ID)).assertEqual('Turn microphone off');
        expect(description(h, CALL_CONTROLS_MIC_ID)).assertEqual('Microphone is on');

        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');

        expect(w.callCount('muteMicrophone(true)')).assertEqual(1);
        expect(w.sim.isMicrophoneMuted()).assertTrue();
        expect(label(h, CALL_CONTROLS_MIC_ID)).assertEqual('Turn microphone on');
        expect(description(h, CALL_CONTROLS_MIC_ID)).assertEqual('Microphone is off');
        expect(imageOf(h, CALL_CONTROLS_MIC_ICON_ID)).assertEqual('app.media.zck_ic_mic_off');
        expect(h.query(CALL_CONTROLS_MIC_PENDING_ID)).assertUndefined();

        await w.wait(500);
        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
        expect(w.sim.isMicrophoneMuted()).assertFalse();
        expect(label(h, CALL_CONTROLS_MIC_ID)).assertEqual('Turn microphone off');
        expect(imageOf(h, CALL_CONTROLS_MIC_ICON_ID)).assertEqual('app.media.zck_ic_mic');
        h.unmount();
        done();
      });

    it('turns the camera off, switches cameras and leaves the call through the default handler', 0,
      async (done: Function) => {
        const w = new CallWorld();
        await w.join();
        const h = render(CallControls, { provider: w.provider });
        h.fire(CALL_CONTROLS_CAMERA_ID, 'onClick');
        expect(w.callCount('enableCamera(false)')).assertEqual(1);
        expect(label(h, CALL_CONTROLS_CAMERA_ID)).assertEqual('Turn camera on');

        expect(description(h, CALL_CONTROLS_SWITCH_CAMERA_ID)).assertEqual('Front camera in use');
        h.fire(CALL_CONTROLS_SWITCH_CAMERA_ID, 'onClick');
        expect(w.sim.isFrontCamera()).assertFalse();
        expect(description(h, CALL_CONTROLS_SWITCH_CAMERA_ID)).assertEqual('Back camera in use');

        h.fire(CALL_CONTROLS_HANG_UP_ID, 'onClick');
        await w.wait(200);
        expect(w.callCount('logoutRoom(room1)')).assertEqual(1);
        expect(w.session.model.phase).assertEqual(CallPhase.Ended);
        h.unmount();
        done();
      });

    it('hands every press to a custom onAction instead of the default handler', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      const log = new ActionLog();
      const h = render(CallControls, { provider: w.provider, onAction: log.handler });
      h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
      h.fire(CALL_CONTROLS_CAMERA_ID, 'onClick');
      h.fire(CALL_CONTROLS_SWITCH_CAMERA_ID, 'onClick');
      h.fire(CALL_CONTROLS_HANG_UP_ID, 'onClick');
      await w.wait(200);

      expect(log.actions.join(',')).assertEqual('SetMicrophone(false),SetCamera(false),SwitchCamera,HangUp');
      expect(w.callCount('muteMicrophone(true)')).assertEqual(0);
      expect(w.callCount('enableCamera(false)')).assertEqual(0);
      expect(w.callCount('useFrontCamera(false)')).assertEqual(0);
      expect(w.callCount('logoutRoom(room1)')).assertEqual(0);
      expect(w.session.model.phase).assertEqual(CallPhase.InCall);
      expect(label(h, CALL_CONTROLS_MIC_ID)).assertEqual('Turn microphone off');
      h.unmount();
      done();
    });

    it('lets a custom onAction keep the default behaviour by calling defaultCallActionHandler', 0,
      async (done: Function) => {
        const w = new CallWorld();
        await w.join();
        const seen: CallActionKind[] = [];
        const h = render(CallControls, {
          provider: w.provider,
          onAction: (action: CallAction, session: CallSession): void => {
            seen.push(action.kind);
            defaultCallActionHandler(action, session);
          }
        });
        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
        expect(seen.length).assertEqual(1);
        expect(seen[0]).assertEqual(CallActionKind.SetMicrophone);
        expect(w.sim.isMicrophoneMuted()).assertTrue();
        h.unmount();
        done();
      });

    it('ignores a second press of the same button within the debounce window, but not of another button', 0,
      async (done: Function) => {
        const w = new CallWorld();
        await w.join();
        const h = render(CallControls, { provider: w.provider });
        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
        expect(w.callCount('muteMicrophone(true)')).assertEqual(1);
        expect(w.callCount('muteMicrophone(false)')).assertEqual(1); // the one from join()
        expect(w.sim.isMicrophoneMuted()).assertTrue();

        h.fire(CALL_CONTROLS_CAMERA_ID, 'onClick');
        expect(w.callCount('enableCamera(false)')).assertEqual(1);

        await w.wait(499);
        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
        expect(w.sim.isMicrophoneMuted()).assertTrue();
        await w.wait(1);
        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
        expect(w.sim.isMicrophoneMuted()).assertFalse();
        h.unmount();
        done();
      });

    it('uses the debounce window the app sets', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      const h = render(CallControls, { provider: w.provider, debounceMs: 0 });
      h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
      h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
      expect(w.callCount('muteMicrophone(true)')).assertEqual(1);
      expect(w.sim.isMicrophoneMuted()).assertFalse();
      h.unmount();
      done();
    });

    it('shows the requested camera state at once with a pending mark until the engine confirms it', 0,
      async (done: Function) => {
        const w = new CallWorld();
        await w.join();
        const h = render(CallControls, { provider: w.provider });
        h.fire(CALL_CONTROLS_CAMERA_ID, 'onClick');
        expect(h.query(CALL_CONTROLS_CAMERA_PENDING_ID)).assertUndefined(); // off is confirmed at once
        await w.wait(500);

        h.fire(CALL_CONTROLS_CAMERA_ID, 'onClick');
        expect(label(h, CALL_CONTROLS_CAMERA_ID)).assertEqual('Turn camera off');
        expect(h.query(CALL_CONTROLS_CAMERA_PENDING_ID) !== undefined).assertTrue();
        expect(h.attr(CALL_CONTROLS_CAMERA_ID, 'opacity')).assertEqual(0.6);
        expect(description(h, CALL_CONTROLS_CAMERA_ID)).assertEqual('Please wait…');

        await w.wait(200);
        h.rerender();
        expect(w.session.model.local.cameraOn).assertTrue();
        expect(h.query(CALL_CONTROLS_CAMERA_PENDING_ID)).assertUndefined();
        expect(h.attr(CALL_CONTROLS_CAMERA_ID, 'opacity')).assertEqual(1);
        expect(description(h, CALL_CONTROLS_CAMERA_ID)).assertEqual('Camera is on');
        h.unmount();
        done();
      });

    it('disables the camera buttons and says where to allow the camera when its permission is denied', 0,
      async (done: Function) => {
        const w = new CallWorld();
        w.sim.setPermissions(false, true);
        await w.join();
        expect(w.session.model.local.cameraPermitted).assertFalse();
        const h = render(CallControls, { provider: w.provider });

        expect(h.attr(CALL_CONTROLS_CAMERA_ID, 'enabled')).assertFalse();
        // Under the button the short hint (the icon says which device); the description says it in full.
        expect(h.textOf(CALL_CONTROLS_CAMERA_HINT_ID)).assertEqual('Allow in Settings');
        expect(description(h, CALL_CONTROLS_CAMERA_ID)).assertEqual('Allow camera in Settings');
        expect(h.attr(CALL_CONTROLS_SWITCH_CAMERA_ID, 'enabled')).assertFalse();
        expect(h.attr(CALL_CONTROLS_MIC_ID, 'enabled')).assertTrue();
        expect(h.query(CALL_CONTROLS_MIC_HINT_ID)).assertUndefined();
        expect(h.texts().filter((t: string) => t === 'Allow in Settings').length).assertEqual(1);

        w.sim.setPermissions(true, true);
        w.session.permissionGranted('camera');
        h.rerender();
        expect(h.attr(CALL_CONTROLS_CAMERA_ID, 'enabled')).assertTrue();
        expect(h.query(CALL_CONTROLS_CAMERA_HINT_ID)).assertUndefined();
        h.unmount();
        done();
      });

    it('disables the microphone button with its own hint when the microphone is denied', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      const h = render(CallControls, { provider: w.provider });
      w.sim.setPermissions(true, false);
      await w.wait(0);
      h.rerender();
      expect(h.attr(CALL_CONTROLS_MIC_ID, 'enabled')).assertFalse();
      expect(h.textOf(CALL_CONTROLS_MIC_HINT_ID)).assertEqual('Allow in Settings');
      expect(description(h, CALL_CONTROLS_MIC_ID)).assertEqual('Allow microphone in Settings');
      expect(h.attr(CALL_CONTROLS_CAMERA_ID, 'enabled')).assertTrue();
      h.unmount();
      done();
    });

    it('shows only the buttons the app lists, in its order', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      const h = render(CallControls, {
        provider: w.provider,
        buttons: [CallControlKind.HangUp, CallControlKind.Microphone, CallControlKind.HangUp]
      });
      expect(buttonIds(h).join(',')).assertEqual(`${CALL_CONTROLS_HANG_UP_ID},${CALL_CONTROLS_MIC_ID}`);
      expect(h.query('AVCastPicker')).assertUndefined();

      const all = render(CallControls, { provider: w.provider });
      expect(buttonIds(all).join(',')).assertEqual([CALL_CONTROLS_MIC_ID, CALL_CONTROLS_CAMERA_ID,
        CALL_CONTROLS_SWITCH_CAMERA_ID, CALL_CONTROLS_HANG_UP_ID].join(','));
      expect(all.idOf(all.find('AVCastPicker'))).assertEqual(CALL_CONTROLS_AUDIO_OUTPUT_ID);
      h.unmount();
      all.unmount();
      done();
    });

    it('offers the audio output through the system AVCastPicker for call devices, drawn with the kit icon', 0,
      async (done: Function) => {
        const w = new CallWorld();
        await w.join();
        const h = render(CallControls, { provider: w.provider });
        const picker = h.find(CALL_CONTROLS_AUDIO_OUTPUT_ID);
        expect(picker.type).assertEqual('AVCastPicker');
        const options = picker.args[0] as PickerOptions;
        expect(options.sessionType).assertEqual('voice_call');
        expect(typeof options.customPicker).assertEqual('function');
        expect(label(h, CALL_CONTROLS_AUDIO_OUTPUT_ID)).assertEqual('Change audio output');
        const drawn = descendants(picker).filter((n: HostNode) => n.type === 'Image')
          .map((n: HostNode) => (n.args[0] as { params: string[] }).params[0]);
        expect(drawn.join(',')).assertEqual('app.media.zck_ic_audio_output');
        h.unmount();
        done();
      });

    it('keeps working after a custom onAction throws', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      let calls = 0;
      const h = render(CallControls, {
        provider: w.provider,
        onAction: (action: CallAction, session: CallSession): void => {
          calls++;
          throw new Error('app handler failed');
        }
      });
      h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
      await w.wait(500);
      h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
      expect(calls).assertEqual(2);
      h.unmount();
      done();
    });

    it('uses the provider installed in AppStorage when none is passed', 0, async (done: Function) => {
      const w = new CallWorld();
      await w.join();
      EngineProvider.install(w.provider);
      try {
        const h = render(CallControls);
        h.fire(CALL_CONTROLS_MIC_ID, 'onClick');
        expect(w.sim.isMicrophoneMuted()).assertTrue();
        h.unmount();
      } finally {
        EngineProvider.uninstall();
      }
      done();
    });
  });
}
