// SPDX-License-Identifier: Apache-2.0
// Guards the published version: KIT_VERSION in Index.ets must match "version" in components/oh-package.json5,
// which is what ohpm shows to apps that depend on the kit. Host-only: it loads the whole kit through Index.ets,
// which reaches the ZEGO SDK's native library and system components that DevEco's Local Test cannot load
// (tools/host/test/LocalTestScope.test.ts).
import { describe, expect, it } from '@ohos/hypium';
import { KIT_VERSION } from '../../components/Index';
import { readRepoFile } from '../host/testing/RepoFiles';

/** "version" of components/oh-package.json5. */
function publishedVersion(): string {
  const text: string = readRepoFile('components/oh-package.json5');
  const match: RegExpExecArray | null = /"version"\s*:\s*"([^"]+)"/.exec(text);
  return match === null ? '' : match[1];
}

export default function kitVersionTest(): void {
  describe('KitVersion', () => {
    it('reports the version published in oh-package.json5', 0, () => {
      expect(publishedVersion().length).assertLarger(0);
      expect(KIT_VERSION).assertEqual(publishedVersion());
    });
  });
}
