// SPDX-License-Identifier: Apache-2.0
// The host demo's output: one line per thing that happened, stamped with the simulated time, and an arrow
// saying who spoke to whom, in the manner of ZEGO's call sequence diagram:
//
//   [00:00.050] engine → app    onRoomStateChanged(room1, Logined, 0)
//
// Actors: the app (the kit acting for the demo) and the engine (the simulated ZEGO SDK): `app → engine` for an
// API call, `engine → app` for a callback, `engine ⇢ app` for an API call's promise settling; the kit and the
// demo (`kit → demo`: the kit's typed CallEvents); the components (`CallControls → kit` ...); the token
// server; and the world the script plays (`user ▸`, `remote bob ▸`, `network ▸`). Steps get a heading, and
// "screen" blocks say what each component shows.

/** Something that tells the time: the demo's ManualClock. */
export interface TimeSource {
  now(): number;
}

/** One row of a screen block: a component and what it shows. */
export interface ScreenRow {
  component: string;
  shows: string;
}

/** Width of the actor column. */
const ACTOR_WIDTH = 22;

/** Formats simulated milliseconds as [mm:ss.mmm]. */
function stamp(ms: number): string {
  return `[${clockTime(ms)}]`;
}

/** Formats simulated milliseconds as mm:ss.mmm. */
export function clockTime(ms: number): string {
  const whole = Math.max(0, Math.floor(ms));
  const minutes = Math.floor(whole / 60000);
  const seconds = Math.floor((whole % 60000) / 1000);
  const millis = whole % 1000;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.${String(millis).padStart(3, '0')}`;
}

/** Collects (and writes as it goes) the demo's timeline. */
export class Timeline {
  /** Every line written, in order. */
  readonly lines: string[] = [];
  private readonly clock: TimeSource;
  private readonly write: (line: string) => void;

  constructor(clock: TimeSource, write: (line: string) => void) {
    this.clock = clock;
    this.write = write;
  }

  /** A line without a time stamp (headings, screen blocks, the summary). */
  plain(text: string): void {
    this.lines.push(text);
    this.write(text);
  }

  /** A stamped line: `[mm:ss.mmm] actor  text`. */
  entry(actor: string, text: string): void {
    this.plain(`${stamp(this.clock.now())} ${actor.padEnd(ACTOR_WIDTH)} ${text}`);
  }

  /** The kit calls the engine (a ZEGO API call). */
  api(text: string): void {
    this.entry('app → engine', text);
  }

  /** The engine calls the kit back (a ZEGO callback). */
  callback(text: string): void {
    this.entry('engine → app', text);
  }

  /** An engine call's promise settled. */
  result(text: string): void {
    this.entry('engine ⇢ app', text);
  }

  /** The demo calls the kit (CallSession, a component's action). */
  demoCall(text: string): void {
    this.entry('demo → kit', text);
  }

  /** The kit tells the demo (a CallEvent). */
  event(text: string): void {
    this.entry('kit → demo', text);
  }

  /** Something the script does to the world: 'user', 'remote bob', 'network'. */
  world(actor: string, text: string): void {
    this.entry(`${actor} ▸`, text);
  }

  /** A numbered step of the script. */
  step(n: number, title: string): void {
    this.plain('');
    this.plain(`── ${n}. ${title} ${'─'.repeat(Math.max(3, 86 - title.length))}`);
  }

  /** What the screen shows now, one row per component. */
  screen(title: string, rows: ScreenRow[]): void {
    const width = Math.max(...rows.map((r: ScreenRow) => r.component.length));
    this.plain(`${' '.repeat(12)} ┌ screen: ${title}`);
    for (const row of rows) {
      this.plain(`${' '.repeat(12)} │ ${row.component.padEnd(width)}  ${row.shows}`);
    }
    this.plain(`${' '.repeat(12)} └`);
  }
}
