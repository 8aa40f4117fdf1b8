// SPDX-License-Identifier: Apache-2.0
// The lottie host fake must fail a component that misuses lottie the way the package's README rules out
// (no canvas, a parent-relative path, loading over a live animation, a name used twice), and must show which
// animations are still alive, or render tests of the connecting animations would pass on leaks.
import { beforeEach, describe, expect, it } from '@ohos/hypium';
import lottie, { liveLottieAnimations, lottieCalls, resetLottieFake } from '../sdk-fakes/@ohos/lottie';

function message(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

export default function lottieFakeTest() {
  describe('LottieFake', () => {
    beforeEach(() => {
      resetLottieFake();
    });

    it('keeps an animation alive from loadAnimation until destroy(name)', 0, () => {
      const canvas = {};
      lottie.loadAnimation({ container: canvas, path: 'a.json', name: 'a' });
      expect(liveLottieAnimations().join()).assertEqual('a');
      lottie.destroy('a');
      expect(liveLottieAnimations().length).assertEqual(0);
      expect(lottieCalls.map((c) => `${c.method}:${c.name}`).join()).assertEqual('loadAnimation:a,destroy:a');
    });

    it('refuses a load without a canvas context or without data', 0, () => {
      expect(message(() => lottie.loadAnimation({ path: 'a.json' }))).assertContain('needs `container`');
      expect(message(() => lottie.loadAnimation({ container: {} }))).assertContain('`path` or `animationData`');
    });

    it('refuses a path that climbs out of the module', 0, () => {
      expect(message(() => lottie.loadAnimation({ container: {}, path: '../x.json' }))).assertContain('relative');
    });

    it('refuses to load into a canvas that still holds an animation, and a name already in use', 0, () => {
      const canvas = {};
      lottie.loadAnimation({ container: canvas, path: 'a.json', name: 'a' });
      expect(message(() => lottie.loadAnimation({ container: canvas, path: 'b.json', name: 'b' })))
        .assertContain('destroy(name) first');
      expect(message(() => lottie.loadAnimation({ container: {}, path: 'b.json', name: 'a' })))
        .assertContain("named 'a' is already loaded");
    });
  });
}
