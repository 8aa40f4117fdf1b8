// SPDX-License-Identifier: Apache-2.0
// The ZEGO adapter must compile against the SDK's real Index.d.ets, which no public source shows. Where ZEGO's
// ArkTS docs leave a type open, the host declarations (tools/vendor-types/@zego/zego-express-engine/Index.d.ets)
// take one reading (`void` returns, `Object` sound levels, plain numbers for the device exception), and
// `npm run check` compiles the adapter against it. This suite compiles the adapter, with the ArkTS linter,
// against the other reading too: the Promise-returning methods of the React Native and Flutter SDKs, their
// result classes, a Record-typed sound-level handler and the device enums. Code that assumes either reading
// (awaits a Promise's `.then`, reads `result.errorCode` without a guard, imports a result class) fails here
// or in the normal check.
import { describe, expect, it } from '@ohos/hypium';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'ohos-typescript';

interface CheckerModule {
  compilerOptions(): ts.CompilerOptions;
  createService(files: string[], options: ts.CompilerOptions): ts.LanguageService;
}
interface EtsOptionsModule {
  REPO_ROOT: string;
}

const checker: CheckerModule = require('../../check/checker') as CheckerModule;
const etsOptions: EtsOptionsModule = require('../../check/ets-options') as EtsOptionsModule;

const REPO: string = etsOptions.REPO_ROOT;
const DECLARATIONS: string = path.join(REPO, 'tools', 'vendor-types', '@zego', 'zego-express-engine', 'Index.d.ets');
const ENGINE_DIR: string = path.join(REPO, 'components', 'src', 'main', 'ets', 'engine');

/** One textual change from the host reading to the other one; `from` must occur exactly once. */
class Rewrite {
  from: string;
  to: string;

  constructor(from: string, to: string) {
    this.from = from;
    this.to = to;
  }
}

/** The other platforms' reading of every point the ArkTS docs leave open. */
const PROMISE_READING: Rewrite[] = [
  new Rewrite('loginRoom(roomID: string, user: ZegoUser, config?: ZegoRoomConfig): void;',
    'loginRoom(roomID: string, user: ZegoUser, config?: ZegoRoomConfig): Promise<ZegoRoomLoginResult>;'),
  new Rewrite('logoutRoom(roomID?: string): void;', 'logoutRoom(roomID?: string): Promise<ZegoRoomLogoutResult>;'),
  new Rewrite('renewToken(roomID: string, token: string): void;', 'renewToken(roomID: string, token: string): Promise<void>;'),
  new Rewrite('static destroyEngine(): void;', 'static destroyEngine(): Promise<void>;'),
  new Rewrite('onRemoteSoundLevelUpdate: (soundLevel: Object) => void;',
    'onRemoteSoundLevelUpdate: (soundLevels: Record<string, number>) => void;'),
  new Rewrite('onLocalDeviceExceptionOccurred: (exceptionType: number, deviceType: number, deviceID: string) => void;',
    'onLocalDeviceExceptionOccurred: (exceptionType: ZegoDeviceExceptionType, deviceType: ZegoDeviceType, ' +
      'deviceID: string) => void;'),
];

/** Declarations the other reading adds (as the other platforms name them). */
const PROMISE_READING_EXTRAS: string = `
export declare class ZegoRoomLoginResult { errorCode: number; extendedData: string; }
export declare class ZegoRoomLogoutResult { errorCode: number; extendedData: string; }
export enum ZegoDeviceExceptionType { Unknown = 0, Generic = 1, PermissionNotGranted = 3 }
export enum ZegoDeviceType { Unknown = 0, Camera = 1, Microphone = 2 }
`;

/** The declarations text of the other reading; throws if a rewrite no longer matches the host declarations. */
function promiseReading(): string {
  let text: string = fs.readFileSync(DECLARATIONS, 'utf8');
  for (const rewrite of PROMISE_READING) {
    const at: number = text.indexOf(rewrite.from);
    if (at < 0 || text.indexOf(rewrite.from, at + 1) >= 0) {
      throw new Error(`the host declarations no longer contain exactly one '${rewrite.from}'`);
    }
    text = text.replace(rewrite.from, rewrite.to);
  }
  return text + PROMISE_READING_EXTRAS;
}

/** The adapter's files: every Zego*.ets of the engine folder. */
function adapterFiles(): string[] {
  return fs.readdirSync(ENGINE_DIR).filter((f: string) => /^Zego.*\.ets$/.test(f))
    .map((f: string) => path.join(ENGINE_DIR, f));
}

/** Type and ArkTS-lint problems of `files` when '@zego/zego-express-engine' means `declarations`. */
function problemsAgainst(declarations: string, files: string[]): string[] {
  const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'zego-reading-'));
  const declared: string = path.join(dir, 'Index.d.ets');
  fs.writeFileSync(declared, declarations);
  try {
    const options: ts.CompilerOptions = checker.compilerOptions();
    const paths: ts.MapLike<string[]> = Object.assign({}, options.paths);
    paths['@zego/zego-express-engine'] = [declared];
    options.paths = paths;
    const service: ts.LanguageService = checker.createService(files, options);
    const builder = service.getBuilderProgram(true);
    const wanted: Set<string> = new Set<string>(files);
    const diagnostics: ts.Diagnostic[] = [];
    for (const f of files) {
      diagnostics.push(...service.getSyntacticDiagnostics(f), ...service.getSemanticDiagnostics(f));
    }
    for (const d of ts.ArkTSLinter_1_1.runArkTSLinter(builder, undefined, undefined, '1.1')) {
      if (d.file !== undefined && wanted.has(path.resolve(d.file.fileName))) diagnostics.push(d);
    }
    return diagnostics.filter((d: ts.Diagnostic) => d.category === ts.DiagnosticCategory.Error)
      .map((d: ts.Diagnostic) => {
        const where: string = d.file === undefined || d.start === undefined ? '' :
          `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1} `;
        return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
      });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default function zegoDeclarationReadingsTest(): void {
  describe('ZegoDeclarationReadings', () => {
    it('compiles the adapter when the SDK returns Promises of result classes and types the handlers like other platforms',
      0, () => {
        const files: string[] = adapterFiles();
        expect(files.length).assertLarger(0);
        expect(problemsAgainst(promiseReading(), files).join('\n')).assertEqual('');
      });

    it('fails code that reads a login result as the Promise reading declares it, so the check can fail', 0, () => {
      const dir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'zego-probe-'));
      const probe: string = path.join(dir, 'ZegoProbe.ets');
      fs.writeFileSync(probe, [
        "import ZegoExpressEngine, { ZegoUser } from '@zego/zego-express-engine';",
        'export async function probe(engine: ZegoExpressEngine): Promise<number> {',
        "  const result = await engine.loginRoom('room', new ZegoUser());",
        '  return result.errorCode;',
        '}',
        ''].join('\n'));
      try {
        // Against the host reading (void), reading `.errorCode` of the awaited result is an error.
        expect(problemsAgainst(fs.readFileSync(DECLARATIONS, 'utf8'), [probe]).join('\n')).assertContain('errorCode');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
