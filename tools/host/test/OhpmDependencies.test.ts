// SPDX-License-Identifier: Apache-2.0
// A fresh clone must sync with `ohpm install` and nothing else. ohpm stops at the first dependency it cannot
// install: a `file:` path to something git does not hold (the downloaded ZEGO HAR this kit once named), or, with
// `useNormalizedOHMUrl: true` in build-profile.json5, a local dependency whose key differs from the package's own
// `name` (ohpm error 00604006; Huawei's HAR guide: keep the key equal to the package name). This suite checks
// every oh-package.json5 of the project for both, and that the ZEGO SDK, which comes from the ohpm registry by
// version, is imported by one file of the kit only, under the key the HAR declares.
import { describe, expect, it } from '@ohos/hypium';
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { readJson5 } = require('../../check/json5');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { filesUnder } = require('../../check/files');

const REPO: string = path.join(__dirname, '..', '..', '..');
/** The ohpm package of ZEGO's ArkTS SDK (ZEGO's integration guide; the ohpm README). */
const SDK_PACKAGE: string = '@zego/zego-express-engine';
/** The one file of the kit that imports the SDK and hands the names it uses to the adapter files. */
const SDK_IMPORTER: string = path.join('components', 'src', 'main', 'ets', 'engine', 'ZegoSdk.ets');

interface OhPackage {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** An oh-package.json5, read as ohpm reads it. */
function readPackage(file: string): OhPackage {
  return readJson5(file) as OhPackage;
}

/** Every oh-package.json5 git holds (the ones a clone has). */
function ohPackages(): string[] {
  const listed: string = childProcess.execFileSync('git', ['ls-files', '--', '*oh-package.json5', 'oh-package.json5'],
    { cwd: REPO, encoding: 'utf8' });
  return Array.from(new Set(listed.split('\n').filter((f: string) => f !== ''))).map((f: string) => path.join(REPO, f));
}

/** Whether git holds `target` (a file, or a folder with at least one file), i.e. a fresh clone has it. */
function inClone(target: string): boolean {
  const listed: string = childProcess.execFileSync('git', ['ls-files', '--', path.relative(REPO, target)],
    { cwd: REPO, encoding: 'utf8' });
  return listed.trim() !== '';
}

/** What is wrong with one dependency entry; '' when ohpm can install it in a fresh clone. */
function problemOf(file: string, key: string, spec: string): string {
  const where: string = `${path.relative(REPO, file)}: "${key}": "${spec}"`;
  if (!spec.startsWith('file:')) {
    return /^[~^]?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(spec) ? '' : `${where} is neither a registry version nor a file: path`;
  }
  const target: string = path.resolve(path.dirname(file), spec.slice('file:'.length));
  if (!fs.existsSync(target) || !inClone(target)) {
    return `${where} points at something a fresh clone does not have (download it, or take the package from ohpm by version)`;
  }
  if (fs.statSync(target).isDirectory()) {
    const own: string | undefined = readPackage(path.join(target, 'oh-package.json5')).name;
    if (own !== key) {
      return `${where}: the key must equal the package's own name "${own}" (useNormalizedOHMUrl, ohpm 00604006)`;
    }
  }
  return '';
}

export default function ohpmDependenciesTest(): void {
  describe('OhpmDependencies', () => {
    it('names only packages a fresh clone can install: registry versions, or committed folders under their own name', 0, () => {
      const files: string[] = ohPackages();
      expect(files.length).assertLarger(2);
      const problems: string[] = [];
      for (const file of files) {
        const pkg: OhPackage = readPackage(file);
        const all: Record<string, string> = Object.assign({}, pkg.dependencies ?? {}, pkg.devDependencies ?? {});
        for (const key of Object.keys(all)) {
          const problem: string = problemOf(file, key, all[key]);
          if (problem !== '') problems.push(problem);
        }
      }
      expect(problems.join('\n')).assertEqual('');
    });

    it('refuses the kind of entry that stopped every sync: a git-ignored HAR under a key that is not its name', 0, () => {
      const components: string = path.join(REPO, 'components', 'oh-package.json5');
      expect(problemOf(components, '@ohos/ZegoExpressEngine', 'file:./libs/ZegoExpressEngine.har'))
        .assertContain('fresh clone does not have');
      expect(problemOf(path.join(REPO, 'demo', 'oh-package.json5'), 'components', 'file:../components'))
        .assertContain('must equal the package\'s own name "@zegocallkit/components"');
    });

    it('takes the ZEGO SDK from the ohpm registry by version in the kit, and not in the demo', 0, () => {
      const kit: OhPackage = readPackage(path.join(REPO, 'components', 'oh-package.json5'));
      const spec: string = (kit.dependencies ?? {})[SDK_PACKAGE] ?? '';
      expect(/^\d+\.\d+\.\d+$/.test(spec)).assertTrue();
      const demo: OhPackage = readPackage(path.join(REPO, 'demo', 'oh-package.json5'));
      expect((demo.dependencies ?? {})[SDK_PACKAGE]).assertUndefined();
    });

    it('imports the ZEGO SDK from one file of the kit only, under its ohpm name', 0, () => {
      const importers: string[] = [];
      const oldNames: string[] = [];
      for (const file of filesUnder(path.join(REPO, 'components', 'src'), (name: string) => /\.(ets|ts)$/.test(name)) as string[]) {
        const text: string = fs.readFileSync(file, 'utf8');
        if (text.includes(`from '${SDK_PACKAGE}'`)) importers.push(path.relative(REPO, file));
        if (/from '(@ohos\/ZegoExpressEngine|ZegoExpressEngine)(\/[^']*)?'/.test(text)) oldNames.push(path.relative(REPO, file));
      }
      expect(importers.join(',')).assertEqual(SDK_IMPORTER);
      expect(oldNames.join(',')).assertEqual('');
    });
  });
}
