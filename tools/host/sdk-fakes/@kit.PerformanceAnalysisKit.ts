// SPDX-License-Identifier: Apache-2.0
// Host fake of '@kit.PerformanceAnalysisKit' for Node: only `hilog`, which the kit's Logger
// (components/src/main/ets/common/Logger.ets) wraps. Every line is formatted like hilog does (`%{public}s`,
// `%{private}d`, `%s`, ... replaced by the arguments in order; private arguments are captured in clear so a
// test can prove a secret never reached hilog at all) and captured in `hilogLines`, so tests can assert what
// the kit logs and that no secret is in it. Nothing is printed.

/** One captured hilog call. */
export class HilogLine {
  /** 'debug' | 'info' | 'warn' | 'error' | 'fatal' */
  level: string;
  domain: number;
  tag: string;
  /** The format string with every argument substituted. */
  text: string;

  constructor(level: string, domain: number, tag: string, text: string) {
    this.level = level;
    this.domain = domain;
    this.tag = tag;
    this.text = text;
  }
}

/** Every line logged since the last clearHilogLines(), in order. */
export const hilogLines: HilogLine[] = [];

/** Forgets the captured lines. */
export function clearHilogLines(): void {
  hilogLines.length = 0;
}

/** hilog's own lowest level that is logged on the host (everything, as on a debug build). */
const LOGGABLE_LEVEL = 3;

function format(fmt: string, args: Array<Object | undefined>): string {
  let i = 0;
  return fmt.replace(/%(\{(public|private)\})?[sdifoO%]/g, (token) => {
    if (token === '%%') return '%';
    const v = args[i++];
    return String(v);
  });
}

function capture(level: string, domain: number, tag: string, fmt: string, args: Array<Object | undefined>): void {
  hilogLines.push(new HilogLine(level, domain, tag, format(fmt, args)));
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace hilog {
  export enum LogLevel { DEBUG = 3, INFO = 4, WARN = 5, ERROR = 6, FATAL = 7 }

  export function debug(domain: number, tag: string, fmt: string, ...args: Array<Object | undefined>): void {
    capture('debug', domain, tag, fmt, args);
  }
  export function info(domain: number, tag: string, fmt: string, ...args: Array<Object | undefined>): void {
    capture('info', domain, tag, fmt, args);
  }
  export function warn(domain: number, tag: string, fmt: string, ...args: Array<Object | undefined>): void {
    capture('warn', domain, tag, fmt, args);
  }
  export function error(domain: number, tag: string, fmt: string, ...args: Array<Object | undefined>): void {
    capture('error', domain, tag, fmt, args);
  }
  export function fatal(domain: number, tag: string, fmt: string, ...args: Array<Object | undefined>): void {
    capture('fatal', domain, tag, fmt, args);
  }
  export function isLoggable(domain: number, tag: string, level: LogLevel): boolean {
    return level >= LOGGABLE_LEVEL;
  }
}
