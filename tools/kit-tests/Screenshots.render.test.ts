// SPDX-License-Identifier: Apache-2.0
// Screenshot tests: every @Preview of the kit, rendered by tools/render in light and dark mode, in English and
// Chinese, must look like its committed pictures in docs/gallery (pixelmatch, perceptual tolerance). A failure
// names the picture, writes the expected, actual and difference pictures under .tmp/screenshots/, and says how
// to accept an intended change (`npm run gallery -- --update`). What the renderer does not model:
// tools/render/README.md.
import { describe, expect, it } from '@ohos/hypium';
import { checkPreview, PreviewEntry, previewsToCheck } from '../render/screenshots';

export default function screenshotsRenderTest() {
  describe('Screenshots', () => {
    previewsToCheck().forEach((preview: PreviewEntry) => {
      it(`${preview.component} ${preview.state} looks as in docs/gallery in light and dark, English and Chinese`, 0,
        async (done: Function) => {
          let problems: string[] = [];
          try {
            problems = await checkPreview(preview);
          } catch (e) {
            problems = [`rendering ${preview.struct} failed: ${(e as Error).stack}`];
          }
          expect(problems.join('\n')).assertEqual('');
          done();
        });
    });
  });
}
