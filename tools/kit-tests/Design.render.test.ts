// SPDX-License-Identifier: Apache-2.0
// What a designer checks in the gallery, as tests on the renderer's layout and pixels (tools/render): the call
// buttons fit a 360 vp phone, no text of any preview is cut (maxLines) or pushed off the screen in English or
// Chinese, and the connection badge's pill stands out from a black page in dark mode.
import { describe, expect, it } from '@ohos/hypium';
import {
  CALL_CONTROLS_AUDIO_OUTPUT_ID, CALL_CONTROLS_CAMERA_ID, CALL_CONTROLS_HANG_UP_ID, CALL_CONTROLS_MIC_ID,
  CALL_CONTROLS_SWITCH_CAMERA_ID, CONNECTION_BADGE_ROOT_ID
} from '../../components/src/main/ets/components/ComponentIds';
import { InspectedBox, inspectPreview, PreviewEntry, previewsToCheck, Variant } from '../render/screenshots';

const LIGHT_ENGLISH: Variant = { mode: 'light', locale: 'en_US' };
const LIGHT_CHINESE: Variant = { mode: 'light', locale: 'zh_CN' };
const DARK_ENGLISH: Variant = { mode: 'dark', locale: 'en_US' };
const BUTTON_IDS: string[] = [CALL_CONTROLS_MIC_ID, CALL_CONTROLS_CAMERA_ID, CALL_CONTROLS_SWITCH_CAMERA_ID,
  CALL_CONTROLS_AUDIO_OUTPUT_ID, CALL_CONTROLS_HANG_UP_ID];

function preview(component: string, state: string): PreviewEntry {
  const found: PreviewEntry[] = previewsToCheck().filter((p: PreviewEntry) => p.component === component && p.state === state);
  if (found.length === 0) {
    throw new Error(`no preview ${component}/${state}`);
  }
  return found[0];
}

/** WCAG relative luminance of an sRGB pixel. */
function luminance(rgba: number[]): number {
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(rgba[0]) + 0.7152 * channel(rgba[1]) + 0.0722 * channel(rgba[2]);
}

function contrast(a: number[], b: number[]): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export default function designRenderTest() {
  describe('Design', () => {
    it('keeps all five call buttons inside a 360 vp phone with 16 vp margins', 0, async (done: Function) => {
      const shown = await inspectPreview(preview('CallControls', 'BothDenied'), LIGHT_ENGLISH);
      const outside: string[] = [];
      for (const id of BUTTON_IDS) {
        const box: InspectedBox = shown.boxes.filter((b: InspectedBox) => b.id === id)[0];
        if (box === undefined || box.x < 16 || box.x + box.w > 344) {
          outside.push(`${id} at ${box === undefined ? 'nowhere' : `${box.x.toFixed(1)}..${(box.x + box.w).toFixed(1)} vp`}`);
        }
      }
      expect(outside.join(', ')).assertEqual('');
      done();
    });

    it('cuts no text of any preview and keeps every text on a 360 vp screen, in English and Chinese', 0,
      async (done: Function) => {
        const problems: string[] = [];
        for (const p of previewsToCheck()) {
          for (const variant of [LIGHT_ENGLISH, LIGHT_CHINESE]) {
            const shown = await inspectPreview(p, variant);
            for (const box of shown.boxes.filter((b: InspectedBox) => b.lines !== undefined)) {
              const where = `${p.component}/${p.state} (${variant.locale}) "${(box.lines as string[]).join(' / ')}"`;
              if (box.truncated === true) {
                problems.push(`${where} is cut after its last line`);
              }
              if (box.x < 0 || box.x + box.w > shown.screen.width) {
                problems.push(`${where} leaves the screen`);
              }
            }
          }
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });

    it('shows the connection badge as a pill that stands out from a black page in dark mode', 0,
      async (done: Function) => {
        const shown = await inspectPreview(preview('ConnectionBadge', 'Connecting'), DARK_ENGLISH);
        const pill: InspectedBox = shown.boxes.filter((b: InspectedBox) => b.id === CONNECTION_BADGE_ROOT_ID)[0];
        const inside = shown.pixel(pill.x + 4, pill.y + pill.h / 2);
        const page = shown.pixel(1, 1);
        expect(page.slice(0, 3).join(',')).assertEqual('0,0,0');
        expect(contrast(inside, page) >= 1.4).assertTrue();
        done();
      });
  });
}
