// SPDX-License-Identifier: Apache-2.0
// The host demo (`npm run demo`) is the README's "run" command, so it must keep telling the truth: these
// tests run it and check that the timeline has the call's key steps in ZEGO's order, that the components'
// states are reported at the key moments, that no token is ever printed, that it leaves nothing behind, and
// that the real command exits 0 with nothing left behind.
import { describe, expect, it } from '@ohos/hypium';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DemoResult, runDemo } from '../src/Scenario';

const REPO = path.join(__dirname, '..', '..', '..');

/** The index of the first line at or after `from` that contains `text`, or -1. */
function indexOf(lines: string[], text: string, from: number): number {
  for (let i = Math.max(0, from); i < lines.length; i++) {
    if (lines[i].includes(text)) {
      return i;
    }
  }
  return -1;
}

/** The texts that could not be found one after the other, in this order. */
function missingInOrder(lines: string[], texts: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const text of texts) {
    const found = indexOf(lines, text, at);
    if (found < 0) {
      missing.push(text);
    } else {
      at = found + 1;
    }
  }
  return missing;
}

/** The rows of the screen block whose title starts with `title`. */
function screenRows(lines: string[], title: string): string[] {
  const start = lines.findIndex((l: string) => l.includes(`┌ screen: ${title}`));
  if (start < 0) {
    return [];
  }
  const rows: string[] = [];
  for (let i = start + 1; i < lines.length && !lines[i].includes('└'); i++) {
    rows.push(lines[i]);
  }
  return rows;
}

function row(lines: string[], title: string, component: string): string {
  const found = screenRows(lines, title).find((l: string) => l.includes(`│ ${component}`));
  return found !== undefined ? found : `(no ${component} row in the "${title}" screen)`;
}

export default function demoTest(): void {
  let result: DemoResult | undefined = undefined;
  const run = async (): Promise<DemoResult> => {
    if (result === undefined) {
      result = await runDemo();
    }
    return result;
  };

  describe('HostDemo', () => {
    it('plays the call in ZEGO order: join, publish, remote joins and publishes, mute, camera off, drop, recovery, token renewal, remote leaves, hang up', 0, async (done: Function) => {
      const r = await run();
      const missing = missingInOrder(r.lines, [
        'app → engine           createEngine(',
        'demo → kit             session.join(room1',
        'app → engine           loginRoom(room1, {alice, "Alice"}',
        'engine → app           onRoomStateChanged(room1, Logined, 0)',
        'app → engine           startPublishingStream(room1_alice_main, {roomID: room1}, Main)',
        'engine → app           onPublisherStateUpdate(room1_alice_main, Publishing, 0)',
        'engine → app           onRoomUserUpdate(room1, Add, [bob "Bob"])',
        'engine → app           onRoomStreamUpdate(room1, Add, [bob_main (bob)])',
        'app → engine           startPlayingStream(bob_main, view zck-remote-',
        'engine → app           onPlayerStateUpdate(bob_main, Playing, 0)',
        'app → engine           muteMicrophone(true)',
        'engine → app           onRemoteMicStateUpdate(bob_main, Mute)',
        'app → engine           muteMicrophone(false)',
        'app → engine           enableCamera(false, Main)',
        'engine → app           onRemoteCameraStateUpdate(bob_main, Disable)',
        'engine → app           onRoomStateChanged(room1, Reconnecting, 1002051)',
        'engine → app           onRoomStateChanged(room1, Reconnected, 0)',
        'engine → app           onRoomTokenWillExpire(room1, 30)',
        'app → token server     POST /token',
        'app → engine           renewToken(room1, <token04 #2 for alice',
        'engine → app           onRoomStreamUpdate(room1, Delete, [bob_main (bob)])',
        'app → engine           stopPlayingStream(bob_main)',
        'CallControls → kit     tap zck-call-controls-hang-up',
        'app → engine           stopPublishingStream(Main)',
        'app → engine           logoutRoom(room1)',
        'app → engine           destroyEngine()',
        'kit → demo             CallEvent CallEnded(HungUp, 0)'
      ]);
      expect(missing.join(' | ')).assertEqual('');
      done();
    });

    it('stamps every step with simulated time that only moves forward', 0, async (done: Function) => {
      const r = await run();
      const stamps = r.lines.filter((l: string) => /^\[\d\d:\d\d\.\d\d\d\]/.test(l)).map((l: string) => l.substring(1, 10));
      expect(stamps.length).assertLarger(50);
      const backwards = stamps.filter((s: string, i: number) => i > 0 && s < stamps[i - 1]);
      expect(backwards.join(', ')).assertEqual('');
      expect(indexOf(r.lines, '[00:30.000] engine → app           onRoomTokenWillExpire', 0)).assertLarger(-1);
      done();
    });

    it('says what each rendered component shows when the call connects, on mute, camera off, a network drop and after the remote leaves', 0, async (done: Function) => {
      const r = await run();
      expect(row(r.lines, 'both are in the call', 'RemoteStreamView bob_main')).assertContain('video (');
      expect(row(r.lines, 'both are in the call', 'RemoteStreamView bob_main')).assertContain('name "Bob"');
      expect(row(r.lines, 'both are in the call', 'LocalPreview')).assertContain('video (');
      expect(row(r.lines, 'both are in the call', 'CallView')).assertContain('picture-in-picture');
      expect(row(r.lines, 'both microphones off', 'RemoteStreamView bob_main')).assertContain('mic-off badge');
      expect(row(r.lines, 'both microphones off', 'CallControls')).assertContain('"Microphone is off"');
      expect(row(r.lines, 'both microphones on', 'CallControls')).assertContain('"Microphone is on"');
      expect(row(r.lines, 'both cameras off', 'LocalPreview')).assertContain('placeholder "Camera is off"');
      expect(row(r.lines, 'both cameras off', 'RemoteStreamView bob_main')).assertContain('placeholder "Camera is off"');
      expect(row(r.lines, 'both cameras off', 'CallControls')).assertContain('"Camera is off"');
      expect(row(r.lines, '3 s without network', 'ConnectionBadge')).assertContain('"Reconnecting… 0:03"');
      expect(row(r.lines, '3 s without network', 'RemoteStreamView bob_main')).assertContain('placeholder "Connecting…"');
      expect(row(r.lines, 'the next network-quality report', 'ConnectionBadge')).assertContain('hidden');
      expect(row(r.lines, 'Alice alone again', 'RemoteStreamView')).assertContain('none');
      expect(row(r.lines, 'after the renewal', 'CallTimer')).assertContain('00:30');
      done();
    });

    it('ends on the ended page with the reason and leaves no listener, engine or stream behind', 0, async (done: Function) => {
      const r = await run();
      expect(r.problems.join(' | ')).assertEqual('');
      expect(r.exitCode).assertEqual(0);
      expect(r.lines[indexOf(r.lines, 'ended page', 0)]).assertContain('"You left the call"');
      expect(r.lines[r.lines.length - 1]).assertContain('Left behind: nothing');
      done();
    });

    it('never prints a token it issued, only a description of it', 0, async (done: Function) => {
      const r = await run();
      expect(r.issuedTokens.length).assertEqual(2);
      const text = r.lines.join('\n');
      const printed = r.issuedTokens.filter((token: string) => text.includes(token) || text.includes(token.substring(0, 24)));
      expect(printed.length).assertEqual(0);
      expect(text).assertContain('<token04 #1 for alice, expires at 01:00.000>');
      done();
    });

    it('is what `npm run demo` runs, and that command exits 0 with nothing left behind', 0, () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
      expect(pkg.scripts.demo).assertEqual('node tools/host/run-ts.js tools/demo/main.ts');
      const child = spawnSync(process.execPath, ['tools/host/run-ts.js', 'tools/demo/main.ts'],
        { cwd: REPO, encoding: 'utf8', timeout: 30000 });
      expect(child.stderr).assertEqual('');
      expect(child.status).assertEqual(0);
      expect(child.stdout).assertContain('Left behind: nothing');
    });
  });
}
