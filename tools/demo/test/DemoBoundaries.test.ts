// SPDX-License-Identifier: Apache-2.0
// Rules of the demo that no compiler checks: it uses the kit only through its public entry point
// ('@zegocallkit/components', i.e. components/Index.ets); the committed example credentials run the simulated
// engine and the real file is git-ignored; every page is registered; module.json5 declares the permissions
// with reasons and the background modes the continuous task uses; and no log line interpolates a credential.
// Host-only (it reads the repository's files with Node), so it lives with the host demo's tests.
import { describe, expect, it } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';
import { CredentialsMode, CredentialsProblem, parseCredentials } from '../../../demo/src/main/ets/common/Credentials';
import { CALL_PAGE_URL, ENDED_PAGE_URL, JOIN_PAGE_URL } from '../../../demo/src/main/ets/common/Routes';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { readJson5 } = require('../../check/json5');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { filesUnder } = require('../../check/files');

const REPO = path.join(__dirname, '..', '..', '..');
const DEMO = path.join(REPO, 'demo');
const ETS = path.join(DEMO, 'src', 'main', 'ets');
const RESOURCES = path.join(DEMO, 'src', 'main', 'resources');

/** Every .ets file under `dir`. */
function etsFilesUnder(dir: string): string[] {
  return filesUnder(dir, (name: string) => name.endsWith('.ets')) as string[];
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\s+'([^']+)'/g;
  let m: RegExpExecArray | null = pattern.exec(text);
  while (m !== null) {
    found.push(m[1] !== undefined ? m[1] : m[2]);
    m = pattern.exec(text);
  }
  return found;
}

/** The parts of the demo's module.json5 these checks read. */
interface ModuleJson {
  module: {
    abilities: { name: string; backgroundModes?: string[] }[];
    requestPermissions: { name: string; reason?: string }[];
  };
}

function readModuleJson(): ModuleJson {
  return readJson5(path.join(DEMO, 'src', 'main', 'module.json5')) as ModuleJson;
}

export default function demoBoundariesTest(): void {
  describe('DemoBoundaries', () => {
    it('uses the kit only through its public entry point, never its internal files', 0, () => {
      const offenders: string[] = [];
      for (const file of etsFilesUnder(ETS)) {
        for (const spec of importsOf(file)) {
          const relativeOutside = spec.startsWith('.') && !path.resolve(path.dirname(file), spec).startsWith(ETS);
          const kitInternal = spec.startsWith('@zegocallkit/components/') || spec.includes('components/src');
          const sdk = spec.startsWith('@zego/zego-express-engine') || spec.startsWith('@ohos/ZegoExpressEngine') ||
            spec.startsWith('ZegoExpressEngine');
          if (relativeOutside || kitInternal || sdk) {
            offenders.push(`${path.relative(REPO, file)} imports '${spec}'`);
          }
        }
      }
      expect(offenders.join('; ')).assertEqual('');
      const pages = importsOf(path.join(ETS, 'pages', 'CallPage.ets'));
      expect(pages.includes('@zegocallkit/components')).assertTrue();
    });

    it('runs the committed example credentials on the simulated engine and keeps the real file out of git', 0, () => {
      const example = fs.readFileSync(path.join(RESOURCES, 'rawfile', 'credentials.example.json'), 'utf8');
      const parsed = parseCredentials(example);
      expect(parsed.mode).assertEqual(CredentialsMode.Simulated);
      expect(parsed.problem).assertEqual(CredentialsProblem.None);
      const ignored = fs.readFileSync(path.join(REPO, '.gitignore'), 'utf8').split('\n').map((l: string) => l.trim());
      expect(ignored.includes('demo/src/main/resources/rawfile/credentials.json')).assertTrue();
    });

    it('registers exactly the @Entry pages in main_pages.json, including every page the demo routes to', 0, () => {
      const listed = (JSON.parse(fs.readFileSync(path.join(RESOURCES, 'base', 'profile', 'main_pages.json'), 'utf8')) as
        { src: string[] }).src.slice().sort();
      const entries = etsFilesUnder(path.join(ETS, 'pages'))
        .filter((f: string) => /@Entry/.test(fs.readFileSync(f, 'utf8')))
        .map((f: string) => 'pages/' + path.basename(f, '.ets')).sort();
      expect(listed.join(',')).assertEqual(entries.join(','));
      for (const url of [JOIN_PAGE_URL, CALL_PAGE_URL, ENDED_PAGE_URL]) {
        expect(listed.includes(url)).assertTrue();
      }
    });

    it('declares every permission a call needs, each with a reason, and the audio background modes', 0, () => {
      const module = readModuleJson().module;
      for (const name of ['INTERNET', 'CAMERA', 'MICROPHONE', 'GET_NETWORK_INFO', 'ACCESS_BLUETOOTH',
        'KEEP_BACKGROUND_RUNNING']) {
        const declared = module.requestPermissions.find((p: { name: string }) => p.name === `ohos.permission.${name}`);
        expect(declared !== undefined && typeof declared.reason === 'string' && declared.reason.startsWith('$string:'))
          .assertTrue();
        const reason = (declared as { reason: string }).reason.substring('$string:'.length);
        for (const locale of ['base', 'en_US', 'zh_CN']) {
          const strings = (JSON.parse(fs.readFileSync(path.join(RESOURCES, locale, 'element', 'string.json'), 'utf8')) as
            { string: { name: string; value: string }[] }).string;
          const text = strings.find((entry: { name: string }) => entry.name === reason);
          expect(`${locale}/${reason}: ${text !== undefined && text.value.length > 0 ? 'present' : 'missing'}`)
            .assertEqual(`${locale}/${reason}: present`);
        }
      }
      const modes = module.abilities[0].backgroundModes || [];
      expect(modes.includes('audioPlayback') && modes.includes('audioRecording')).assertTrue();
      const keeper = fs.readFileSync(path.join(ETS, 'common', 'BackgroundKeeper.ets'), 'utf8');
      expect(keeper).assertContain("['audioPlayback', 'audioRecording']");
    });

    it('never interpolates a credential or a token into a log line', 0, () => {
      const leaks: string[] = [];
      const logCall = /(DemoLog\.\w+|hilog\.\w+|console\.\w+)\(/;
      const secret = /\$\{[^}]*(appSign|tokenServerUrl|token\b|credentials\.|text\b)[^}]*\}/;
      for (const file of etsFilesUnder(ETS)) {
        fs.readFileSync(file, 'utf8').split('\n').forEach((line: string, i: number) => {
          if (logCall.test(line) && secret.test(line)) {
            leaks.push(`${path.relative(REPO, file)}:${i + 1}`);
          }
        });
      }
      expect(leaks.join(', ')).assertEqual('');
    });
  });
}
