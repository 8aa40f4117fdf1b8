// SPDX-License-Identifier: Apache-2.0
// Every page the docs show (an `arkts` block of README*.md or docs/*.md with an @Entry struct) is mounted here
// with the host render harness, exactly as `npm run check` compiled it (tools/docs/doc-samples.js writes the
// docs' sample projects to .tmp/doc-samples/), on the simulated engine installed as the app's provider. A page
// that joins a call must: join through the installed provider, show the remote stream, the self-view, the
// badge and the controls; handle a failed join (no unhandled rejection) and tell the user why; end the call
// with the hang-up button; and leave nothing behind when it goes away. A page that asks for permissions must
// ask for the camera and the microphone and report the refusal to the kit. The README's call screen is also
// checked for where it puts each part. Laid out by the gallery's renderer (tools/render) on a 360 vp phone, a call
// page keeps the remote tile's name and microphone badge above the call buttons and shows why a call ended clear
// of the video tiles, and the README's keeps the remote tile's quality bars clear of the self-view. Host limits:
// ./README.md and tools/render/README.md. The world (provider, Bob, router) is tools/docs/DocWorld.ts.
import { describe, expect, it } from '@ohos/hypium';
import { HostNode, Rendered } from '../host/render/harness';
import { permissionRequests, setPermissionAnswer } from '../host/sdk-fakes/@kit.AbilityKit';
import { DocPage, docPages, joinsACall } from '../docs/DocPages';
import { DOC_GUEST_STREAM, DocWorld } from '../docs/DocWorld';
import {
  CALL_CONTROLS_HANG_UP_ID, CALL_CONTROLS_ROOT_ID, CALL_VIEW_GRID_ID, CALL_VIEW_PIP_ID, LOCAL_PREVIEW_ID_PREFIX, REMOTE_STREAM_ID_PREFIX, VIDEO_TILE_MIC_OFF,
  VIDEO_TILE_NAME, VIDEO_TILE_QUALITY
} from '../../components/src/main/ets/components/ComponentIds';
import { StreamQualityLevel } from '../../components/src/main/ets/engine/EngineTypes';
import { CallEndReason, CallPhase } from '../../components/src/main/ets/model/CallModel';
import { InspectedBox, layOutMounted } from '../render/screenshots';

const GUEST_STREAM: string = DOC_GUEST_STREAM;

function streamsShown(h: Rendered<object>): string[] {
  return h.findAll('RemoteStreamView').map((n: HostNode) => String((n.view as { streamID: string }).streamID));
}

function alignOf(h: Rendered<object>, type: string, edge: string): string | undefined {
  const rules = h.attr(h.find(type), 'alignRules') as Record<string, { anchor: string, align: string }> | undefined;
  return rules !== undefined && rules[edge] !== undefined ? `${rules[edge].anchor} ${rules[edge].align}` : undefined;
}

/** The laid-out box of the part of the remote tile whose id ends with `part` (the name, a badge). */
function remotePart(boxes: InspectedBox[], part: string): InspectedBox | undefined {
  return boxes.filter((b: InspectedBox) => b.id !== undefined && b.id.startsWith(REMOTE_STREAM_ID_PREFIX) &&
    b.id.endsWith(part))[0];
}

function boxWithId(boxes: InspectedBox[], test: (id: string) => boolean): InspectedBox | undefined {
  return boxes.filter((b: InspectedBox) => b.id !== undefined && test(b.id))[0];
}

/** "x,y w×h" of a box (rounded), or 'missing'. */
function where(b: InspectedBox | undefined): string {
  return b === undefined ? 'missing' : `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.w)}×${Math.round(b.h)}`;
}

function overlap(a: InspectedBox, b: InspectedBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** A 360 × 780 vp phone. */
const PHONE = { width: 360, height: 780 };
/** Long enough for Bob's video to show (joined, playing, first frame). */
const VIDEO_SHOWN_MS: number = 2000;
/** Long enough for the first quality report of Bob's stream (every 3 s). */
const QUALITY_REPORTED_MS: number = 3500;

/** Lets `ms` pass, rebuilding the page every 100 ms as a device re-renders on model changes. */
async function settleFor(w: DocWorld, h: Rendered<object>, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    await w.settle(h, 100);
  }
}

const PAGES: DocPage[] = docPages();

export default function docPagesRenderTest() {
  describe('DocPagesRender', () => {
    it('finds the pages the docs show (README and getting-started, in English and Chinese)', 0, () => {
      const docs = new Set(PAGES.map((p: DocPage) => p.doc));
      for (const doc of ['README.md', 'README.zh-CN.md', 'docs/getting-started.md', 'docs/getting-started.zh-CN.md']) {
        expect(docs.has(doc)).assertTrue();
      }
    });

    for (const page of PAGES) {
      it(`${page.title} renders, and unmounts leaving the session idle`, 0, async (done: Function) => {
        const w = new DocWorld();
        try {
          const h = w.mount(page);
          await w.settle(h);
          h.unmount();
          await w.wait();
          expect(w.session.isIdle()).assertTrue();
          expect(w.session.eventListenerCount()).assertEqual(0);
          expect(w.unhandled.length).assertEqual(0);
        } finally {
          w.close();
        }
        done();
      });

      if (!joinsACall(page)) {
        continue;
      }

      it(`${page.title} joins through the installed provider and shows the remote video, self-view, badge and controls`, 0, async (done: Function) => {
        const w = new DocWorld();
        try {
          const h = w.mount(page);
          await w.settle(h);
          expect(w.session.model.phase).assertEqual(CallPhase.InCall);
          expect(streamsShown(h).includes(GUEST_STREAM)).assertTrue();
          expect(w.sim.playingStreams().includes(GUEST_STREAM)).assertTrue();
          expect(h.query('LocalPreview') !== undefined).assertTrue();
          expect(w.sim.isPreviewing()).assertTrue();
          expect(h.query('ConnectionBadge') !== undefined).assertTrue();
          expect(h.query('CallControls') !== undefined).assertTrue();
          h.unmount();
          await w.wait();
          expect(w.session.model.phase).assertEqual(CallPhase.Ended);
          expect(w.sim.isLoggedIn()).assertFalse();
          expect(w.sim.isCreated()).assertFalse();
        } finally {
          w.close();
        }
        done();
      });

      it(`${page.title} handles a failed join and tells the user why`, 0, async (done: Function) => {
        const w = new DocWorld('not-an-app-sign');
        try {
          const h = w.mount(page);
          await w.settle(h);
          expect(w.session.model.phase).assertEqual(CallPhase.Ended);
          expect(w.session.model.endErrorCode).assertEqual(1001001);
          expect(h.texts().includes('Could not join the call (error 1001001)')).assertTrue();
          expect(w.unhandled.length).assertEqual(0);
          h.unmount();
        } finally {
          w.close();
        }
        done();
      });

      it(`${page.title} ends the call with the hang-up button`, 0, async (done: Function) => {
        const w = new DocWorld();
        try {
          const h = w.mount(page);
          await w.settle(h);
          await h.fire(CALL_CONTROLS_HANG_UP_ID, 'onClick');
          await w.settle(h);
          expect(w.session.model.phase).assertEqual(CallPhase.Ended);
          expect(w.session.model.endReason).assertEqual(CallEndReason.HungUp);
          expect(w.session.isIdle()).assertTrue();
          h.unmount();
        } finally {
          w.close();
        }
        done();
      });

      if (/requestPermissionsFromUser/.test(page.source)) {
        it(`${page.title} asks for the camera and the microphone and tells the kit what was refused`, 0, async (done: Function) => {
          const w = new DocWorld();
          setPermissionAnswer((permission: string): boolean => permission !== 'ohos.permission.CAMERA');
          try {
            const h = w.mount(page);
            await w.settle(h);
            expect(JSON.stringify(permissionRequests)).assertEqual(
              JSON.stringify([['ohos.permission.CAMERA', 'ohos.permission.MICROPHONE']]));
            expect(w.session.model.local.cameraPermitted).assertFalse();
            expect(w.session.model.local.micPermitted).assertTrue();
            expect(w.sim.isCameraEnabled()).assertFalse();
            expect(w.session.model.phase).assertEqual(CallPhase.InCall);
            h.unmount();
          } finally {
            setPermissionAnswer((): boolean => true);
            w.close();
          }
          done();
        });
      }
    }

    for (const page of PAGES.filter(joinsACall)) {
      it(`${page.title} keeps the remote tile's name and microphone badge above the call buttons on a 360 vp phone`, 0, async (done: Function) => {
        const w = new DocWorld();
        try {
          const h = w.mount(page);
          w.guest.setMic(false);
          await settleFor(w, h, VIDEO_SHOWN_MS);
          const boxes = layOutMounted(h, PHONE, new Map<string, object>());
          const controls = boxWithId(boxes, (id: string) => id === CALL_CONTROLS_ROOT_ID);
          const name = remotePart(boxes, VIDEO_TILE_NAME);
          const mic = remotePart(boxes, VIDEO_TILE_MIC_OFF);
          const seen = `name ${where(name)}, mic ${where(mic)}, buttons ${where(controls)}`;
          const above = (b: InspectedBox | undefined): boolean =>
            b !== undefined && controls !== undefined && b.y + b.h <= controls.y;
          expect(above(name) && above(mic) ? 'above' : seen).assertEqual('above');
          h.unmount();
        } finally {
          w.close();
        }
        done();
      });
    }

    for (const page of PAGES.filter(joinsACall)) {
      it(`${page.title} shows why a call ended clear of the video tiles, whose dark background would hide the text`, 0, async (done: Function) => {
        const w = new DocWorld('not-an-app-sign');
        try {
          const h = w.mount(page);
          await w.settle(h);
          const boxes = layOutMounted(h, PHONE, new Map<string, object>());
          const text = boxes.filter((b: InspectedBox) =>
            b.lines !== undefined && b.lines.join(' ') === 'Could not join the call (error 1001001)')[0];
          const isTile = (id: string): boolean => id.startsWith(LOCAL_PREVIEW_ID_PREFIX) ||
            id.startsWith(REMOTE_STREAM_ID_PREFIX) || id === CALL_VIEW_PIP_ID || id === CALL_VIEW_GRID_ID;
          const under = boxes.filter((b: InspectedBox) => b.id !== undefined && isTile(b.id) && text !== undefined &&
            overlap(b, text)).map((b: InspectedBox) => `${b.id} ${where(b)}`);
          expect(text === undefined ? 'no text' : under.join(', ')).assertEqual('');
          h.unmount();
        } finally {
          w.close();
        }
        done();
      });
    }

    for (const page of PAGES.filter((p: DocPage) => /^README/.test(p.doc))) {
      it(`${page.title} keeps the remote tile's quality bars clear of the self-view on a 360 vp phone`, 0, async (done: Function) => {
        const w = new DocWorld();
        try {
          const h = w.mount(page);
          w.guest.setNetworkQuality(StreamQualityLevel.Bad, StreamQualityLevel.Bad);
          await settleFor(w, h, QUALITY_REPORTED_MS);
          const boxes = layOutMounted(h, PHONE, new Map<string, object>());
          const bars = remotePart(boxes, VIDEO_TILE_QUALITY);
          const self = boxWithId(boxes, (id: string) => id.startsWith(LOCAL_PREVIEW_ID_PREFIX));
          const seen = `bars ${where(bars)}, self-view ${where(self)}`;
          expect(bars !== undefined && self !== undefined && !overlap(bars, self) ? 'clear' : seen).assertEqual('clear');
          h.unmount();
        } finally {
          w.close();
        }
        done();
      });


      it(`${page.title} fills the page with the remote video, puts the self-view top right, the badge at the top and the controls at the bottom`, 0, async (done: Function) => {
        const w = new DocWorld();
        try {
          const h = w.mount(page);
          await w.settle(h);
          const remote = h.find('RemoteStreamView');
          expect(String(h.attr(remote, 'width'))).assertEqual('100%');
          expect(String(h.attr(remote, 'height'))).assertEqual('100%');
          expect(alignOf(h, 'LocalPreview', 'top')).assertEqual('__container__ VerticalAlign.Top');
          expect(alignOf(h, 'LocalPreview', 'right')).assertEqual('__container__ HorizontalAlign.End');
          expect(alignOf(h, 'ConnectionBadge', 'top')).assertEqual('__container__ VerticalAlign.Top');
          expect(alignOf(h, 'CallControls', 'bottom')).assertEqual('__container__ VerticalAlign.Bottom');
          expect(alignOf(h, 'CallControls', 'middle')).assertEqual('__container__ HorizontalAlign.Center');
          h.unmount();
        } finally {
          w.close();
        }
        done();
      });
    }
  });
}
