// SPDX-License-Identifier: Apache-2.0
// What DevEco's Local Test can run (Huawei, DevEco Studio guide "Code Test" and "Local Test"): suites in a
// module's src/test, registered in src/test/List.test.ets, run without a device, in ArkTS only, and "testing of
// C/C++ methods and system APIs is not supported". A system module can stand in only as an import mock ("Mock":
// both Local and Instrument tests support `import mock`, a mapping from a module such as '@ohos.i18n' to a mock
// file in src/mock/mock-config.json5; a `@kit.*` import resolves to the '@ohos.*' module behind it). So a Local
// Test suite must be pure logic: what it loads at run time may reach relative files, the test framework, and
// system modules that src/mock/mock-config.json5 replaces; never a native library (the ZEGO SDK), another package
// (lottie, the kit as a package) or an unmocked system API.
//
// This suite computes each Local Test suite's run-time import closure (the requires the transpiled JavaScript
// keeps: type-only imports are erased, as on the device) and checks it against that rule, for components/ and
// demo/. Suites that need more run on the host only, from tools/kit-tests/.
import { describe, expect, it } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';

interface HostRegister {
  transpile(fileName: string, text: string): string;
  REPO_ROOT: string;
}

const register: HostRegister = require('../register') as HostRegister;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { readJson5 } = require('../../check/json5');
const REPO: string = register.REPO_ROOT;
const KITS: string = path.join(REPO, 'node_modules', '@arkts', 'declarations', 'dist', 'kits');
/** Modules every Local Test may load: the test framework and its mocking companion. */
const TEST_FRAMEWORK: string[] = ['@ohos/hypium', '@ohos/hamock'];
/** The modules (HAP/HAR) whose src/test DevEco's Local Test runs. */
const MODULES: string[] = ['components', 'demo'];

/** The system modules a module's src/mock/mock-config.json5 replaces, and problems with the mapping itself. */
function mocksOf(moduleDir: string, problems: string[]): Set<string> {
  const config: string = path.join(moduleDir, 'src', 'mock', 'mock-config.json5');
  const mocked: Set<string> = new Set<string>();
  if (!fs.existsSync(config)) return mocked;
  const entries: Record<string, Record<string, string>> = readJson5(config) as Record<string, Record<string, string>>;
  for (const name of Object.keys(entries)) {
    const source: string = entries[name].source ?? '';
    if (!fs.existsSync(path.join(moduleDir, source))) {
      problems.push(`${path.relative(REPO, config)}: the mock of ${name} (${source}) does not exist`);
    }
    mocked.add(name);
  }
  return mocked;
}

/** The '@ohos.*' modules behind the names a file imports from a '@kit.*' module (the kit's declarations). */
function kitModules(kit: string, names: string[]): string[] {
  const declarations: string = path.join(KITS, `${kit}.d.ets`);
  if (!fs.existsSync(declarations)) return [kit];
  const text: string = fs.readFileSync(declarations, 'utf8');
  const out: string[] = [];
  for (const name of names) {
    const pattern: RegExp = new RegExp(`import\\s+(?:${name}\\b|\\{[^}]*\\b${name}\\b[^}]*\\})[^;]*from\\s+'([^']+)'`);
    const match: RegExpExecArray | null = pattern.exec(text);
    out.push(match !== null ? match[1] : `${kit} (${name})`);
  }
  return out;
}

/** The names `file` imports from `specifier` (named and default imports). */
function importedNames(source: string, specifier: string): string[] {
  const pattern: RegExp = new RegExp(`import\\s+([^;]*?)\\s+from\\s+'${specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`, 'g');
  const names: string[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source)) !== null) {
    const clause: string = match[1].replace(/^type\s+/, '');
    const braces: RegExpExecArray | null = /\{([^}]*)\}/.exec(clause);
    if (braces !== null) {
      braces[1].split(',').map((n: string) => n.trim().split(/\s+as\s+/)[0]).filter((n: string) => n !== '' && !n.startsWith('type '))
        .forEach((n: string) => names.push(n));
    }
    const head: string = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim();
    if (head !== '' && !head.startsWith('*')) names.push(head);
  }
  return names;
}

function resolveRelative(from: string, request: string): string | undefined {
  for (const ext of ['', '.ets', '.ts']) {
    const candidate: string = path.resolve(path.dirname(from), request + ext);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** What `suite` loads at run time that a Local Test cannot, given the mocked modules; one line per problem. */
function problemsOf(suite: string, mocked: Set<string>): string[] {
  const problems: string[] = [];
  const seen: Set<string> = new Set<string>();
  const pending: string[] = [suite];
  while (pending.length > 0) {
    const file: string = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source: string = fs.readFileSync(file, 'utf8');
    const emitted: string = register.transpile(file, source);
    const requires: RegExp = /require\("([^"]+)"\)/g;
    let match: RegExpExecArray | null;
    while ((match = requires.exec(emitted)) !== null) {
      const request: string = match[1];
      if (request.startsWith('.')) {
        const target: string | undefined = resolveRelative(file, request);
        if (target !== undefined) pending.push(target);
        continue;
      }
      if (TEST_FRAMEWORK.includes(request)) continue;
      const where: string = `${path.relative(REPO, suite)} loads '${request}' (from ${path.relative(REPO, file)})`;
      if (/^@kit\./.test(request)) {
        const unmocked: string[] = kitModules(request, importedNames(source, request)).filter((m: string) => !mocked.has(m));
        if (unmocked.length > 0) problems.push(`${where}: system API ${unmocked.join(', ')} is not mocked in src/mock`);
      } else if (/^@(ohos|system)\./.test(request)) {
        if (!mocked.has(request)) problems.push(`${where}: system API not mocked in src/mock`);
      } else {
        problems.push(`${where}: a package (native library, third-party or the kit) a Local Test cannot load`);
      }
    }
  }
  return problems;
}

/** Every .ets file of a module's src/test that List.test.ets reaches (the suites DevEco runs, and helpers). */
function localTestFiles(moduleDir: string): string[] {
  const list: string = path.join(moduleDir, 'src', 'test', 'List.test.ets');
  return fs.existsSync(list) ? [list] : [];
}

export default function localTestScopeTest(): void {
  describe('LocalTestScope', () => {
    it('keeps every Local Test suite to pure logic: no native library, package or unmocked system API', 0, () => {
      const problems: string[] = [];
      for (const module of MODULES) {
        const moduleDir: string = path.join(REPO, module);
        const mocked: Set<string> = mocksOf(moduleDir, problems);
        for (const suite of localTestFiles(moduleDir)) {
          problems.push(...problemsOf(suite, mocked));
        }
      }
      expect(problems.join('\n')).assertEqual('');
    });

    it('finds what a Local Test cannot load: the ZEGO SDK through the adapter, and an unmocked system kit', 0, () => {
      const adapter: string = path.join(REPO, 'components', 'src', 'main', 'ets', 'engine', 'ZegoCallEngine.ets');
      const found: string = problemsOf(adapter, new Set<string>(['@ohos.hilog'])).join('\n');
      expect(found).assertContain("loads '@zego/zego-express-engine'");
      const logger: string = path.join(REPO, 'components', 'src', 'main', 'ets', 'common', 'Logger.ets');
      expect(problemsOf(logger, new Set<string>()).join('\n')).assertContain('system API @ohos.hilog is not mocked');
      expect(problemsOf(logger, new Set<string>(['@ohos.hilog'])).join('\n')).assertEqual('');
    });
  });
}
