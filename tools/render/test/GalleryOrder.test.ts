// SPDX-License-Identifier: Apache-2.0
// The order of the gallery and of the picture tables in docs/components.md: the call screen first, then the
// public components; within a component, the states of its main previews file (`<Component>Previews.ets`)
// first, then those of its other previews files, each in declaration order, whatever the file names sort to.
import { describe, expect, it } from '@ohos/hypium';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { sortPreviews } = require('../gallery');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { discoverPreviews } = require('../previews');

interface Preview { file: string; component: string; state: string; order: number }

function preview(file: string, component: string, state: string, order: number): Preview {
  return { file: `/kit/previews/${file}`, component, state, order };
}

function names(previews: Preview[]): string[] {
  return previews.map((p: Preview) => `${p.component}/${p.state}`);
}

export default function galleryOrderTest() {
  describe('GalleryOrder', () => {
    it('shows a component\'s main previews file first, then its other files, each in declaration order', 0, () => {
      // discoverPreviews() reads files in name order: the End file comes before the main one.
      const found: Preview[] = [
        preview('CallScreenPreviews.ets', 'CallScreen', 'OneToOne', 0),
        preview('RemoteStreamViewEndPreviews.ets', 'RemoteStreamView', 'StreamEnded', 1),
        preview('RemoteStreamViewEndPreviews.ets', 'RemoteStreamView', 'PlayError', 2),
        preview('RemoteStreamViewPreviews.ets', 'RemoteStreamView', 'Connecting', 3),
        preview('RemoteStreamViewPreviews.ets', 'RemoteStreamView', 'Playing', 4),
        preview('LocalPreviewPreviews.ets', 'LocalPreview', 'Live', 5),
      ];
      expect(names(sortPreviews(found))).assertDeepEquals([
        'CallScreen/OneToOne', 'LocalPreview/Live', 'RemoteStreamView/Connecting', 'RemoteStreamView/Playing',
        'RemoteStreamView/StreamEnded', 'RemoteStreamView/PlayError']);
    });

    it('lists the kit\'s RemoteStreamView states from connecting to ended, as a call goes', 0, () => {
      const states: string[] = sortPreviews(discoverPreviews())
        .filter((p: Preview) => p.component === 'RemoteStreamView').map((p: Preview) => p.state);
      expect(states[0]).assertEqual('Connecting');
      expect(states.indexOf('Playing') < states.indexOf('StreamEnded')).assertTrue();
      expect(states.indexOf('Speaking') < states.indexOf('CallEnded')).assertTrue();
    });
  });
}
