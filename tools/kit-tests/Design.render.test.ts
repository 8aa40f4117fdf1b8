// SPDX-License-Identifier: Apache-2.0
// What a designer checks in the gallery, as tests on the renderer's layout and pixels (tools/render): the call
// buttons fit a 360 vp phone, no text of any preview is cut (maxLines) or pushed off the screen in English or
// Chinese, the connection badge's pill stands out from a black page in dark mode; on the call screen CallView's
// own overlays (names, the small tile) stay clear of the app's badge and buttons, the grid fills the space
// between them with nothing cut, a video tile is filled to its edges, a denied button stays readable in dark
// mode, the missing-provider notice sits in the badge's own pill, and a group call frames its speaker, not everyone;
// with a poor remote connection the quality bars are not under the small tile, and with the permissions refused
// the small self-view says so in full and the buttons' hints read over the video.
import { describe, expect, it } from '@ohos/hypium';
import {
  CALL_CONTROLS_AUDIO_OUTPUT_ID, CALL_CONTROLS_CAMERA_HINT_ID, CALL_CONTROLS_CAMERA_ID, CALL_CONTROLS_HANG_UP_ID,
  CALL_CONTROLS_MIC_HINT_ID, CALL_CONTROLS_MIC_ID, CALL_CONTROLS_ROOT_ID, CALL_CONTROLS_SWITCH_CAMERA_ID,
  CALL_VIEW_LOCAL_TILE_ID, CALL_VIEW_TOP_BAR_ID, CONNECTION_BADGE_ROOT_ID, LOCAL_PREVIEW_ID_PREFIX,
  PROVIDER_MISSING_ID, REMOTE_STREAM_ID_PREFIX, VIDEO_TILE_NAME, VIDEO_TILE_QUALITY, VIDEO_TILE_REASON,
  VIDEO_TILE_SPEAKING, VIDEO_TILE_TEST_PATTERN
} from '../../components/src/main/ets/components/ComponentIds';
import {
  InspectedBox, InspectedPreview, inspectPreview, PreviewEntry, previewsToCheck, Variant
} from '../render/screenshots';

const LIGHT_ENGLISH: Variant = { mode: 'light', locale: 'en_US' };
const LIGHT_CHINESE: Variant = { mode: 'light', locale: 'zh_CN' };
const DARK_ENGLISH: Variant = { mode: 'dark', locale: 'en_US' };
const DARK_CHINESE: Variant = { mode: 'dark', locale: 'zh_CN' };
const ALL_VARIANTS: Variant[] = [LIGHT_ENGLISH, DARK_ENGLISH, LIGHT_CHINESE, DARK_CHINESE];
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

function byId(boxes: InspectedBox[], id: string): InspectedBox {
  const found = boxes.filter((b: InspectedBox) => b.id === id)[0];
  if (found === undefined) {
    throw new Error(`no box with id ${id}`);
  }
  return found;
}

function bottom(b: InspectedBox): number {
  return b.y + b.h;
}

function overlap(a: InspectedBox, b: InspectedBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function inside(inner: InspectedBox, outer: InspectedBox): boolean {
  const e = 0.01;
  return inner.x >= outer.x - e && inner.y >= outer.y - e && inner.x + inner.w <= outer.x + outer.w + e &&
    inner.y + inner.h <= outer.y + outer.h + e;
}

function where(b: InspectedBox): string {
  return `${b.x.toFixed(1)},${b.y.toFixed(1)} ${b.w.toFixed(1)}×${b.h.toFixed(1)}`;
}

/** The remote tiles' name labels shown over video. */
function nameLabels(boxes: InspectedBox[]): InspectedBox[] {
  return boxes.filter((b: InspectedBox) => b.id !== undefined && b.id.startsWith(REMOTE_STREAM_ID_PREFIX) &&
    b.id.endsWith(VIDEO_TILE_NAME));
}

/**
 * What is wrong with a grid in one rendering: a tile off a 360 vp screen, outside [top, limit], a name label
 * outside its tile, or the rows not reaching down to the space's end (the lower part left empty).
 */
function gridProblems(label: string, boxes: InspectedBox[], tiles: number, top: number, limit: number): string[] {
  const problems: string[] = [];
  const items = boxes.filter((b: InspectedBox) => b.type === 'GridItem');
  if (items.length !== tiles) {
    problems.push(`${label}: ${items.length} tiles shown, expected ${tiles}`);
  }
  for (const item of items) {
    if (item.x < 0 || item.x + item.w > 360 || item.y < top || bottom(item) > limit) {
      problems.push(`${label}: tile at ${where(item)} is outside x 0..360, y ${top.toFixed(1)}..${limit.toFixed(1)}`);
    }
  }
  for (const name of nameLabels(boxes)) {
    if (!items.some((item: InspectedBox) => inside(name, item))) {
      problems.push(`${label}: name label at ${where(name)} is not inside its tile`);
    }
  }
  const lowest = Math.max(...items.map(bottom));
  if (lowest < limit - 8) {
    problems.push(`${label}: the grid ends at ${lowest.toFixed(1)}, leaving ${(limit - lowest).toFixed(1)} vp empty`);
  }
  return problems;
}

/** The box of the one part of a tile whose id starts with `prefix` and ends with `part`. */
function tilePart(boxes: InspectedBox[], prefix: string, part: string): InspectedBox {
  const found = boxes.filter((b: InspectedBox) => b.id !== undefined && b.id.startsWith(prefix) && b.id.endsWith(part));
  if (found.length !== 1) {
    throw new Error(`${found.length} boxes with an id ${prefix}…${part}`);
  }
  return found[0];
}

/**
 * How well the text of `box` stands out from what is behind it: the best contrast of a pixel of the box with
 * the pixel of the same column in the box's top row (above the letters, so what is behind the text there: the
 * hint's own background, or the video). Anti-aliasing only lowers it, so the letters' cores give the text's
 * contrast.
 */
function textContrast(shown: InspectedPreview, box: InspectedBox): number {
  let best = 1;
  for (let x = box.x + 0.25; x < box.x + box.w; x += 0.5) {
    const behind = shown.pixel(x, box.y + 0.25);
    for (let y = box.y + 0.75; y < box.y + box.h; y += 0.5) {
      best = Math.max(best, contrast(shown.pixel(x, y), behind));
    }
  }
  return best;
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

    it("keeps the remote name label above the app's call buttons in the 1:1 call screen", 0, async (done: Function) => {
      const problems: string[] = [];
      for (const variant of ALL_VARIANTS) {
        const shown = await inspectPreview(preview('CallScreen', 'OneToOne'), variant);
        const controls = byId(shown.boxes, CALL_CONTROLS_ROOT_ID);
        const names = nameLabels(shown.boxes);
        if (names.length !== 1) {
          problems.push(`${variant.mode} ${variant.locale}: ${names.length} name labels`);
        }
        for (const name of names.filter((b: InspectedBox) => bottom(b) > controls.y)) {
          problems.push(`${variant.mode} ${variant.locale}: name at ${where(name)} reaches below the buttons' top ${controls.y}`);
        }
      }
      expect(problems.join('\n')).assertEqual('');
      done();
    });

    it('keeps the small tile clear of the reconnecting badge and of the buttons', 0, async (done: Function) => {
      const problems: string[] = [];
      for (const variant of ALL_VARIANTS) {
        const shown = await inspectPreview(preview('CallScreen', 'Reconnecting'), variant);
        const small = byId(shown.boxes, CALL_VIEW_LOCAL_TILE_ID);
        const badge = byId(shown.boxes, CONNECTION_BADGE_ROOT_ID);
        const controls = byId(shown.boxes, CALL_CONTROLS_ROOT_ID);
        if (overlap(small, badge) || overlap(small, controls)) {
          problems.push(`${variant.mode} ${variant.locale}: small tile ${where(small)}, badge ${where(badge)}, buttons ${where(controls)}`);
        }
      }
      expect(problems.join('\n')).assertEqual('');
      done();
    });

    it('fills the space between the badge bar and the buttons with the grid of the call screen, nothing cut', 0,
      async (done: Function) => {
        const problems: string[] = [];
        for (const variant of [LIGHT_ENGLISH, LIGHT_CHINESE]) {
          const shown = await inspectPreview(preview('CallScreen', 'Group'), variant);
          const controls = byId(shown.boxes, CALL_CONTROLS_ROOT_ID);
          problems.push(...gridProblems(`Group ${variant.locale}`, shown.boxes, 5, 0, controls.y));
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });

    it('fits a grid of five and of thirteen tiles on a 360 × 780 vp phone, rows sharing the height', 0,
      async (done: Function) => {
        const problems: string[] = [];
        const grids: string[][] = [['GridOfFour', '5'], ['GridOfTwelve', '13']];
        for (const grid of grids) {
          const shown = await inspectPreview(preview('CallView', grid[0]), LIGHT_ENGLISH);
          problems.push(...gridProblems(grid[0], shown.boxes, Number(grid[1]), 0, shown.screen.height));
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });

    it('frames one or two speakers in the group call previews, not every remote tile', 0, async (done: Function) => {
      const problems: string[] = [];
      const states: string[][] = [['CallScreen', 'Group'], ['CallView', 'GridOfFour'], ['CallView', 'GridOfTwelve']];
      for (const state of states) {
        const shown = await inspectPreview(preview(state[0], state[1]), LIGHT_ENGLISH);
        const remote = (suffix: string): number => shown.boxes.filter((b: InspectedBox) => b.id !== undefined &&
          b.id.startsWith(REMOTE_STREAM_ID_PREFIX) && b.id.endsWith(suffix)).length;
        const tiles = remote(VIDEO_TILE_TEST_PATTERN);
        const framed = remote(VIDEO_TILE_SPEAKING);
        if (tiles < 4 || framed < 1 || framed > 2) {
          problems.push(`${state[0]}/${state[1]}: ${framed} of ${tiles} remote tiles framed as speaking`);
        }
      }
      expect(problems.join('\n')).assertEqual('');
      done();
    });

    it('fills every video tile with the test pattern down to its bottom edge, in the large and the small tile', 0,
      async (done: Function) => {
        const problems: string[] = [];
        const states: string[][] = [['CallView', 'OneToOne'], ['CallView', 'GridOfTwelve']];
        for (const state of states) {
          const shown = await inspectPreview(preview(state[0], state[1]), LIGHT_ENGLISH);
          const patterns = shown.boxes.filter((b: InspectedBox) => b.id !== undefined &&
            b.id.endsWith(VIDEO_TILE_TEST_PATTERN));
          if (patterns.length === 0) {
            problems.push(`${state[1]}: no test pattern`);
          }
          for (const pattern of patterns) {
            // Just above the speaking frame (3 vp) and below the name label (6 vp from the edge).
            const y = Math.min(bottom(pattern), shown.screen.height) - 4.5;
            for (let x = pattern.x + 12; x < pattern.x + pattern.w - 12; x += 8) {
              const rgba = shown.pixel(x, y);
              if (Math.max(rgba[0], rgba[1], rgba[2]) < 150) {
                problems.push(`${state[1]}: ${pattern.id} at ${x.toFixed(0)},${y.toFixed(0)} is dark (${rgba.join(',')})`);
                break;
              }
            }
          }
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });

    it('keeps a denied button visible and its icon readable (3:1) over a black page in dark mode', 0,
      async (done: Function) => {
        const shown = await inspectPreview(preview('CallControls', 'BothDenied'), DARK_ENGLISH);
        const page = shown.pixel(1, 1);
        const found: string[] = [];
        for (const id of [CALL_CONTROLS_MIC_ID, CALL_CONTROLS_CAMERA_ID]) {
          const button = byId(shown.boxes, id);
          const circle = shown.pixel(button.x + 6, button.y + button.h / 2);
          let icon = 1;
          for (let dx = -12; dx <= 12; dx += 0.5) {
            for (let dy = -12; dy <= 12; dy += 0.5) {
              icon = Math.max(icon, contrast(shown.pixel(button.x + button.w / 2 + dx, button.y + button.h / 2 + dy), circle));
            }
          }
          found.push(`${id}: circle on page ${contrast(circle, page) >= 1.4 ? 'visible' : 'faint'}, icon ${icon >= 3 ? 'readable' : `faint (${icon.toFixed(2)}:1)`}`);
        }
        expect(found.join('; ')).assertEqual(`${CALL_CONTROLS_MIC_ID}: circle on page visible, icon readable; ` +
          `${CALL_CONTROLS_CAMERA_ID}: circle on page visible, icon readable`);
        done();
      });

    it("writes the missing-provider notice in the badge's own pill, with no box of its own inside it", 0,
      async (done: Function) => {
        const problems: string[] = [];
        for (const variant of ALL_VARIANTS) {
          const shown = await inspectPreview(preview('ConnectionBadge', 'NoProvider'), variant);
          const pill = byId(shown.boxes, CONNECTION_BADGE_ROOT_ID);
          const notice = byId(shown.boxes, PROVIDER_MISSING_ID);
          const pillColour = shown.pixel(pill.x + 4, pill.y + pill.h / 2).join(',');
          // Above the first line's letters, near the notice's left edge: its background would show there.
          const noticeColour = shown.pixel(notice.x + 2, notice.y + 1).join(',');
          if (noticeColour !== pillColour || !inside(notice, pill)) {
            problems.push(`${variant.mode} ${variant.locale}: notice ${noticeColour} at ${where(notice)} in pill ${pillColour} at ${where(pill)}`);
          }
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });

    it("keeps the remote user's quality bars clear of the small tile when their connection is poor", 0,
      async (done: Function) => {
        const problems: string[] = [];
        for (const variant of ALL_VARIANTS) {
          const shown = await inspectPreview(preview('CallScreen', 'PoorConnection'), variant);
          const small = byId(shown.boxes, CALL_VIEW_LOCAL_TILE_ID);
          const bars = tilePart(shown.boxes, REMOTE_STREAM_ID_PREFIX, VIDEO_TILE_QUALITY);
          const topBar = byId(shown.boxes, CALL_VIEW_TOP_BAR_ID);
          const controls = byId(shown.boxes, CALL_CONTROLS_ROOT_ID);
          if (overlap(bars, small) || overlap(bars, controls) || bars.y < bottom(topBar) || bars.x < 0 ||
            bars.x + bars.w > shown.screen.width) {
            problems.push(`${variant.mode} ${variant.locale}: bars ${where(bars)}, small tile ${where(small)}, ` +
              `buttons ${where(controls)}`);
          }
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });

    it('says in full, inside the small self-view, that the camera permission is refused, in English and Chinese', 0,
      async (done: Function) => {
        const problems: string[] = [];
        for (const variant of ALL_VARIANTS) {
          const shown = await inspectPreview(preview('CallScreen', 'PermissionsRefused'), variant);
          const small = byId(shown.boxes, CALL_VIEW_LOCAL_TILE_ID);
          const reason = tilePart(shown.boxes, LOCAL_PREVIEW_ID_PREFIX, VIDEO_TILE_REASON);
          const lines = (reason.lines as string[]).join(' / ');
          if (reason.truncated === true || lines.includes('…') || !inside(reason, small)) {
            problems.push(`${variant.mode} ${variant.locale}: "${lines}" at ${where(reason)} in the tile ${where(small)}`);
          }
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });

    it("writes a denied button's hint readably (4.5:1) over the video, whole, inside its 64 vp slot", 0,
      async (done: Function) => {
        const problems: string[] = [];
        for (const variant of ALL_VARIANTS) {
          const shown = await inspectPreview(preview('CallScreen', 'PermissionsRefused'), variant);
          const pairs: string[][] = [[CALL_CONTROLS_MIC_HINT_ID, CALL_CONTROLS_MIC_ID],
            [CALL_CONTROLS_CAMERA_HINT_ID, CALL_CONTROLS_CAMERA_ID]];
          for (const pair of pairs) {
            const hint = byId(shown.boxes, pair[0]);
            const button = byId(shown.boxes, pair[1]);
            const slot: InspectedBox = {
              id: undefined, type: 'slot', x: button.x + button.w / 2 - 32, y: 0, w: 64, h: shown.screen.height,
              lines: undefined, truncated: undefined
            };
            const ratio = textContrast(shown, hint);
            if (ratio < 4.5 || hint.truncated === true || !inside(hint, slot) || bottom(hint) > shown.screen.height) {
              problems.push(`${variant.mode} ${variant.locale}: ${pair[0]} "${(hint.lines as string[]).join(' / ')}" ` +
                `at ${where(hint)}, ${ratio.toFixed(2)}:1`);
            }
          }
        }
        expect(problems.join('\n')).assertEqual('');
        done();
      });
  });
}
