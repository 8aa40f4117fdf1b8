// SPDX-License-Identifier: Apache-2.0
// The call page's kit components, mounted on the host with the render harness (tools/host/render): CallView
// (remote video and local preview), ConnectionBadge and CallControls, as the demo's CallPage places them, all
// finding the call through the installed EngineProvider. The script taps their buttons, the views bind to the
// session when they appear (the simulated engine needs no native surface; on a device they wait for the
// XComponent's onLoad, which the script fires too), and rows() reads back what a user would see: texts,
// placeholders and their reasons, badges and button states. The harness records a component tree; it has no
// layout or pixels (see tools/host/render/README.md).

import {
  CALL_CONTROLS_CAMERA_ID, CALL_CONTROLS_CAMERA_PENDING_ID, CALL_CONTROLS_HANG_UP_ID, CALL_CONTROLS_MIC_ID,
  CALL_CONTROLS_MIC_PENDING_ID, CALL_VIEW_GRID_ID, CALL_VIEW_SMALL_TILE_ID, CallControls, CallView, ConnectionBadge,
  CONNECTION_BADGE_LABEL_ID, CONNECTION_BADGE_ROOT_ID, LOCAL_PREVIEW_ID_PREFIX, REMOTE_STREAM_ID_PREFIX,
  VIDEO_TILE_MIC_OFF, VIDEO_TILE_NAME, VIDEO_TILE_PLACEHOLDER, VIDEO_TILE_QUALITY, VIDEO_TILE_REASON,
  VIDEO_TILE_SPEAKING, VIDEO_TILE_TEST_PATTERN, videoTilePartID
} from '@zegocallkit/components';
import { formatCallDuration } from '../../../demo/src/main/ets/common/CallDuration';
import { HostNode, render, Rendered, resolveText } from '../../host/render/harness';
import { ScreenRow, TimeSource, Timeline } from './Timeline';

/** A button of CallControls the script can tap. */
export type Control = 'microphone' | 'camera' | 'hang up';

const CONTROL_IDS: Record<Control, string> = {
  microphone: CALL_CONTROLS_MIC_ID,
  camera: CALL_CONTROLS_CAMERA_ID,
  'hang up': CALL_CONTROLS_HANG_UP_ID
};

/** The call page's components, mounted. */
export class RenderedScreen {
  private readonly view: Rendered<object>;
  private readonly badge: Rendered<object>;
  private readonly controls: Rendered<object>;
  private readonly clock: TimeSource;
  private readonly startedAt: () => number;
  private readonly timeline: Timeline;
  /** XComponents whose onLoad has fired (each loads once, when it first appears). */
  private readonly loaded = new Set<string>();

  /**
   * Mounts the components (they look the call up through the installed EngineProvider).
   * @param userName the local user's name (the preview's label)
   * @param clock the simulated clock
   * @param startedAt when the call connected (clock ms), or -1
   * @param timeline where the views' loading is written
   */
  constructor(userName: string, clock: TimeSource, startedAt: () => number, timeline: Timeline) {
    this.clock = clock;
    this.startedAt = startedAt;
    this.timeline = timeline;
    this.view = render(CallView as never, { userName });
    this.badge = render(ConnectionBadge as never, {});
    this.controls = render(CallControls as never, {});
    this.loadNewSurfaces();
  }

  /** Rebuilds the components and loads the surfaces of views that just appeared (they then bind). */
  refresh(): void {
    this.view.rerender();
    this.badge.rerender();
    this.controls.rerender();
    this.loadNewSurfaces();
  }

  /** Taps a CallControls button (it emits its CallAction to the default handler). */
  tap(control: Control): void {
    this.controls.rerender();
    this.timeline.entry('CallControls → kit', `tap ${CONTROL_IDS[control]} → CallAction → defaultCallActionHandler`);
    this.controls.fire(CONTROL_IDS[control], 'onClick');
  }

  /** Takes the page off the screen: every component's aboutToDisappear runs (views unbind). */
  close(): void {
    this.timeline.entry('call page', 'closes: CallView, ConnectionBadge and CallControls disappear');
    this.view.unmount();
    this.badge.unmount();
    this.controls.unmount();
  }

  /** What each component shows now. */
  rows(): ScreenRow[] {
    const rows: ScreenRow[] = [
      { component: 'ConnectionBadge', shows: this.badgeText() },
      { component: 'CallTimer', shows: this.startedAt() >= 0 ? formatCallDuration(this.clock.now() - this.startedAt()) : '(empty)' },
      { component: 'CallView', shows: this.layoutText() }
    ];
    const surfaces = this.view.findAll('XComponent').map((n: HostNode) => this.view.idOf(n) || '');
    for (const id of surfaces.filter((s: string) => s.startsWith(LOCAL_PREVIEW_ID_PREFIX))) {
      rows.push({ component: 'LocalPreview', shows: this.tileText(id) });
    }
    const remotes = this.remoteSurfaces();
    if (remotes.size === 0) {
      rows.push({ component: 'RemoteStreamView', shows: '(none: nobody else publishes)' });
    }
    remotes.forEach((streamID: string, id: string) => {
      rows.push({ component: `RemoteStreamView ${streamID}`, shows: this.tileText(id) });
    });
    rows.push({ component: 'CallControls', shows: this.controlsText() });
    return rows;
  }

  /** The remote XComponents on screen (each RemoteStreamView's surface id) and the stream each shows. */
  private remoteSurfaces(): Map<string, string> {
    const surfaces = new Map<string, string>();
    const surfaceIn = (node: HostNode): string | undefined => {
      const id = node.type === 'XComponent' ? this.view.idOf(node) : undefined;
      if (id !== undefined && id.startsWith(REMOTE_STREAM_ID_PREFIX)) {
        return id;
      }
      for (const child of node.children) {
        const found = surfaceIn(child);
        if (found !== undefined) {
          return found;
        }
      }
      return undefined;
    };
    for (const tile of this.view.findAll('RemoteStreamView')) {
      const id = surfaceIn(tile);
      if (id !== undefined) {
        surfaces.set(id, (tile.view as { streamID: string }).streamID);
      }
    }
    return surfaces;
  }

  private loadNewSurfaces(): void {
    const remotes = this.remoteSurfaces();
    for (const node of this.view.findAll('XComponent')) {
      const id = this.view.idOf(node) || '';
      if (this.loaded.has(id)) {
        continue;
      }
      this.loaded.add(id);
      const what = id.startsWith(LOCAL_PREVIEW_ID_PREFIX) ? 'LocalPreview → kit' : 'RemoteStreamView → kit';
      const call = id.startsWith(LOCAL_PREVIEW_ID_PREFIX) ? `bindPreview(${id})` :
        `bindStreamView(${remotes.get(id)}, ${id})`;
      // On the simulated engine a view binds as soon as it appears (no native surface to wait for); onLoad, as
      // a device would fire it, then finds the view bound already.
      this.timeline.entry(what, `XComponent ${id} appeared → session.${call} (simulated engine: no wait for onLoad)`);
      this.view.fire(id, 'onLoad');
    }
  }

  private badgeText(): string {
    if (this.badge.attr(CONNECTION_BADGE_ROOT_ID, 'visibility') === 'Visibility.None') {
      return '(hidden: the call is healthy)';
    }
    return `"${this.badge.textOf(CONNECTION_BADGE_LABEL_ID)}"`;
  }

  private layoutText(): string {
    if (this.view.query(CALL_VIEW_GRID_ID) !== undefined) {
      return 'grid';
    }
    const small = resolveText(this.view.attr(CALL_VIEW_SMALL_TILE_ID, 'accessibilityText'));
    return `picture-in-picture ("${small}")`;
  }

  /** A video tile: video or a placeholder with its reason, then its name and badges. */
  private tileText(viewID: string): string {
    const part = (suffix: string): HostNode | undefined => this.view.query(videoTilePartID(viewID, suffix));
    const parts: string[] = [];
    if (part(VIDEO_TILE_PLACEHOLDER) !== undefined) {
      const reason = part(VIDEO_TILE_REASON);
      parts.push(reason !== undefined ? `placeholder "${this.view.textOf(reason)}"` : 'placeholder');
    } else {
      parts.push(part(VIDEO_TILE_TEST_PATTERN) !== undefined ? 'video (the simulated engine\'s test pattern)' : 'video');
    }
    const name = part(VIDEO_TILE_NAME);
    if (name !== undefined) {
      parts.push(`name "${this.view.textOf(name)}"`);
    }
    if (part(VIDEO_TILE_MIC_OFF) !== undefined) {
      parts.push('mic-off badge');
    }
    if (part(VIDEO_TILE_SPEAKING) !== undefined) {
      parts.push('speaking frame');
    }
    if (part(VIDEO_TILE_QUALITY) !== undefined) {
      parts.push('weak-connection bars');
    }
    return parts.join(', ');
  }

  private controlsText(): string {
    const state = (id: string, pendingID: string): string => {
      const said = resolveText(this.controls.attr(id, 'accessibilityDescription'));
      return `"${said}"${this.controls.query(pendingID) !== undefined ? ' (pending)' : ''}`;
    };
    return `${state(CALL_CONTROLS_MIC_ID, CALL_CONTROLS_MIC_PENDING_ID)} · ` +
      `${state(CALL_CONTROLS_CAMERA_ID, CALL_CONTROLS_CAMERA_PENDING_ID)} · switch camera · audio output · hang up`;
  }
}
