// SPDX-License-Identifier: Apache-2.0
// Host render tests of every public component without an EngineProvider (none installed, none passed): the
// most common setup mistake must not crash the app from aboutToAppear. Each component logs the problem as an
// error and shows the kit's notice with the fix in its place, asks nothing of any session, and survives being
// updated and unmounted. Host limits: ./README.md.
import { afterEach, beforeEach, describe, expect, it } from '@ohos/hypium';
import { render, Rendered } from '../host/render/harness';
import { clearHilogLines, HilogLine, hilogLines } from '../host/sdk-fakes/@kit.PerformanceAnalysisKit';
import { CallControls } from '../../components/src/main/ets/components/CallControls';
import { CallView } from '../../components/src/main/ets/components/CallView';
import { CONNECTION_BADGE_ROOT_ID, PROVIDER_MISSING_ID } from '../../components/src/main/ets/components/ComponentIds';
import { ConnectionBadge } from '../../components/src/main/ets/components/ConnectionBadge';
import { LocalPreview } from '../../components/src/main/ets/components/LocalPreview';
import { RemoteStreamView } from '../../components/src/main/ets/components/RemoteStreamView';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';

/** What the notice says (the base string). */
const NOTICE: string = 'ZEGO Call Kit: no EngineProvider installed — call EngineProvider.install() in EntryAbility';

/** One component to mount without a provider. */
interface Subject {
  name: string;
  mount: () => Rendered<object>;
}

const SUBJECTS: Subject[] = [
  { name: 'LocalPreview', mount: () => render(LocalPreview, { userName: 'Ada' }) },
  { name: 'RemoteStreamView', mount: () => render(RemoteStreamView, { streamID: 'bob_main' }) },
  { name: 'CallControls', mount: () => render(CallControls) },
  { name: 'ConnectionBadge', mount: () => render(ConnectionBadge) },
  { name: 'CallView', mount: () => render(CallView, { userName: 'Ada' }) }
];

function errorsOf(component: string): HilogLine[] {
  return hilogLines.filter((l: HilogLine) => l.level === 'error' && l.text.startsWith(`[${component}]`));
}

export default function missingProviderRenderTest() {
  describe('MissingProvider', () => {
    beforeEach(() => {
      EngineProvider.uninstall();
      clearHilogLines();
    });

    afterEach(() => {
      clearHilogLines();
    });

    for (const subject of SUBJECTS) {
      it(`${subject.name} shows the setup notice instead of throwing when no provider is installed`, 0, () => {
        expect(EngineProvider.installed()).assertUndefined();
        const h = subject.mount();
        expect(h.textOf(PROVIDER_MISSING_ID)).assertEqual(NOTICE);
        expect(h.query('XComponent')).assertUndefined();
        expect(h.query('Button')).assertUndefined();
        expect(h.texts()).assertDeepEquals([NOTICE]);
        const logged = errorsOf(subject.name);
        expect(logged.length).assertEqual(1);
        expect(logged[0].text.includes('EngineProvider.install')).assertTrue();
        h.rerender();
        h.unmount();
      });
    }

    it('RemoteStreamView keeps the notice and asks nothing when its stream ID changes without a provider', 0, () => {
      const h = render(RemoteStreamView, { streamID: 'bob_main' });
      h.root.streamID = 'carol_main';
      h.rerender();
      expect(h.textOf(PROVIDER_MISSING_ID)).assertEqual(NOTICE);
      h.unmount();
    });

    it('shows the ConnectionBadge notice even though a badge without a call would be hidden', 0, () => {
      const h = render(ConnectionBadge);
      expect(h.attr(CONNECTION_BADGE_ROOT_ID, 'visibility')).assertEqual('Visibility.Visible');
      h.unmount();
    });
  });
}
