// SPDX-License-Identifier: Apache-2.0
// The lottie host fake must fail a component that misuses lottie the way the package's README rules out
// (no canvas, a parent-relative path, a path outside the entry module, data that is not a parsed animation,
// loading over a live animation, a name used twice), and must show which animations are still alive, or render
// tests of the connecting animations would pass on leaks.
import { beforeEach, describe, expect, it } from '@ohos/hypium';
import lottie, { liveLottieAnimations, lottieCalls, lottieLoads, resetLottieFake } from '../sdk-fakes/@ohos/lottie';

/** A parsed Lottie JSON as a component reads it from rawfile (the fake checks only its shape). */
function data(nm: string): { nm: string; layers: object[] } {
  return { nm, layers: [] };
}

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
      lottie.loadAnimation({ container: canvas, animationData: data('a'), name: 'a' });
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

    it('loads by path only a file under the entry module\'s ets folder, never a HAR\'s rawfile', 0, () => {
      expect(message(() => lottie.loadAnimation({ container: {}, path: 'zck_connecting.json' })))
        .assertContain('pass animationData');
      expect(message(() => lottie.loadAnimation({ container: {}, path: 'pages/CallPage.ets', name: 'p' }))).assertEqual('');
    });

    it('refuses animationData that is not a parsed animation, and names a data load after its nm', 0, () => {
      expect(message(() => lottie.loadAnimation({ container: {}, animationData: {} }))).assertContain('parsed Lottie JSON');
      lottie.loadAnimation({ container: {}, animationData: data('pulse'), name: 'x' });
      expect(lottieLoads[0].animationName).assertEqual('pulse');
      expect(lottieLoads[0].path).assertEqual('');
    });

    it('refuses to load into a canvas that still holds an animation, and a name already in use', 0, () => {
      const canvas = {};
      lottie.loadAnimation({ container: canvas, animationData: data('a'), name: 'a' });
      expect(message(() => lottie.loadAnimation({ container: canvas, animationData: data('b'), name: 'b' })))
        .assertContain('destroy(name) first');
      expect(message(() => lottie.loadAnimation({ container: {}, animationData: data('b'), name: 'a' })))
        .assertContain("named 'a' is already loaded");
    });
  });
}
