// SPDX-License-Identifier: Apache-2.0
// The rules the docs keep (tools/docs/doc-rules.js), on the real docs and on small made-up docs that break
// each rule: every export of components/Index.ets is documented in docs/components.md or the getting-started
// guide; each Chinese page (X.zh-CN.md) says the same as its English page (headings, code blocks, tables,
// links); relative links and anchors resolve; texts quoted as on screen are the kit's own strings; the
// CHANGELOG, components/oh-package.json5 and KIT_VERSION name the same version.
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const rules = require('../doc-rules');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const docSamples = require('../doc-samples');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { elementValues, KIT_RESOURCES } = require('../../check/module-resources');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { readJson5 } = require('../../check/json5');

const ROOT = path.join(__dirname, '..', '..', '..');
const DOCS = path.join(ROOT, 'docs');
/** Docs that must exist in both languages. */
const REQUIRED_PAIRS = ['README.md', 'docs/getting-started.md', 'docs/errors.md', 'docs/troubleshooting.md'];
/** Docs whose “quoted” texts are what the kit's components show. */
const SCREEN_TEXT_DOCS = ['docs/errors', 'docs/troubleshooting', 'README'];

function read(rel: string): string {
  return fs.readFileSync(path.join(ROOT, rel), 'utf8');
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'doc-rules-'));
}

function allDocs(): string[] {
  const docs: string[] = docSamples.docFiles();
  return docs.concat([path.join(ROOT, 'CHANGELOG.md')]);
}

const EN_PAGE = [
  '# Title', '', 'See [errors](errors.md#codes) and `CallView`.', '', '## 1. Step one `join()`', '',
  '```arkts in:build', '// a comment', 'CallView()', '```', '', '| Code | Meaning |', '|---|---|', '| `1002033` | token |', ''
].join('\n');
const ZH_PAGE = [
  '# 标题', '', '见[错误码](errors.zh-CN.md#错误码)和 `CallView`。', '', '## 1. 第一步 `join()`', '',
  '```arkts in:build', '// 一条注释', 'CallView()', '```', '', '| 错误码 | 含义 |', '|---|---|', '| `1002033` | Token |', ''
].join('\n');

export default function docRulesTest() {
  describe('DocRules', () => {
    it('finds every export of components/Index.ets documented in docs/components.md or the getting-started guide', 0, () => {
      const missing: string[] = rules.undocumentedExports(undefined,
        [path.join(DOCS, 'components.md'), path.join(DOCS, 'getting-started.md')]);
      expect(JSON.stringify(missing)).assertEqual('[]');
    });

    it('reports an export that no doc mentions', 0, () => {
      const dir = tempDir();
      const index = path.join(dir, 'Index.ets');
      fs.writeFileSync(index, "export { CallView, SecretThing } from './x';\nexport const KIT_VERSION: string = '1';\n");
      const doc = path.join(dir, 'doc.md');
      fs.writeFileSync(doc, 'Use `CallView()` and `KIT_VERSION`; SecretThing in prose does not count.\n');
      expect(JSON.stringify(rules.undocumentedExports(index, [doc]))).assertEqual('["SecretThing"]');
    });

    it('has the README, getting started, errors and troubleshooting in Chinese too', 0, () => {
      for (const en of REQUIRED_PAIRS) {
        expect(`${en}: ${fs.existsSync(path.join(ROOT, en.replace(/\.md$/, '.zh-CN.md')))}`).assertEqual(`${en}: true`);
      }
    });

    it('says the same in every Chinese page as in its English page: headings, code blocks, tables and links', 0, () => {
      const pairs: string[][] = rules.translationPairs(ROOT);
      expect(pairs.length >= REQUIRED_PAIRS.length).assertTrue();
      for (const pair of pairs) {
        expect(fs.existsSync(pair[0])).assertTrue();
        const differences: string[] = rules.translationDifferences(fs.readFileSync(pair[0], 'utf8'),
          fs.readFileSync(pair[1], 'utf8'));
        expect(`${path.basename(pair[1])}: ${JSON.stringify(differences)}`).assertEqual(`${path.basename(pair[1])}: []`);
      }
    });

    it('accepts a faithful translation whose comments, prose and anchors are translated', 0, () => {
      expect(JSON.stringify(rules.translationDifferences(EN_PAGE, ZH_PAGE))).assertEqual('[]');
    });

    it('reports a translation that lost a heading, changed code, dropped a table row or a link', 0, () => {
      const lostHeading = ZH_PAGE.replace('## 1. 第一步 `join()`', '第一步');
      expect(rules.translationDifferences(EN_PAGE, lostHeading)[0]).assertEqual('headings: 2 in English, 1 in Chinese');
      const changedCode = ZH_PAGE.replace('CallView()', 'CallView({ userName: \'x\' })');
      expect(rules.translationDifferences(EN_PAGE, changedCode)[0].includes('the code differs')).assertTrue();
      const otherCodeInHeading = ZH_PAGE.replace('`join()`', '`leave()`');
      expect(rules.translationDifferences(EN_PAGE, otherCodeInHeading)[0].includes('the code and numbers differ')).assertTrue();
      const droppedRow = ZH_PAGE.replace('| `1002033` | Token |\n', '');
      expect(rules.translationDifferences(EN_PAGE, droppedRow)[0].includes('2 rows in English, 1 in Chinese')).assertTrue();
      const droppedLink = ZH_PAGE.replace('[错误码](errors.zh-CN.md#错误码)', '错误码');
      expect(rules.translationDifferences(EN_PAGE, droppedLink)[0].includes('links differ')).assertTrue();
    });

    it('finds every relative link and #anchor of the docs', 0, () => {
      for (const doc of allDocs()) {
        const broken: string[] = rules.brokenLinks(doc);
        expect(`${path.basename(doc)}: ${JSON.stringify(broken)}`).assertEqual(`${path.basename(doc)}: []`);
      }
    });

    it('reports a link to a missing file and to a missing anchor, and knows GitHub\'s anchors for Chinese headings', 0, () => {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'target.md'), '# 快速上手\n\n## 4. 在 EntryAbility 中安装引擎提供者\n');
      const doc = path.join(dir, 'doc.md');
      fs.writeFileSync(doc, '[ok](target.md#4-在-entryability-中安装引擎提供者) [a](nothing.md) [b](target.md#missing)\n');
      const broken: string[] = rules.brokenLinks(doc);
      expect(broken.length).assertEqual(2);
      expect(broken[0].includes('nothing.md does not exist')).assertTrue();
      expect(broken[1].includes('#missing')).assertTrue();
    });

    it('quotes only texts the kit really shows, in English and in Chinese', 0, () => {
      const base: Map<string, string> = elementValues(KIT_RESOURCES, 'base', 'string');
      const zh: Map<string, string> = elementValues(KIT_RESOURCES, 'zh_CN', 'string');
      for (const doc of SCREEN_TEXT_DOCS) {
        const unknownEn: string[] = rules.unknownScreenTexts(read(`${doc}.md`), base);
        expect(`${doc}.md: ${JSON.stringify(unknownEn)}`).assertEqual(`${doc}.md: []`);
        const unknownZh: string[] = rules.unknownScreenTexts(read(`${doc}.zh-CN.md`), zh);
        expect(`${doc}.zh-CN.md: ${JSON.stringify(unknownZh)}`).assertEqual(`${doc}.zh-CN.md: []`);
      }
    });

    it('reports a quoted text the kit does not show, and matches a string\'s %d with a number or …', 0, () => {
      const strings = new Map<string, string>([['a', 'Could not join the call (error %d)'], ['b', 'Camera is off']]);
      const text = 'Shows “Could not join the call (error 1002033)”, “Could not join the call (error …)”, ' +
        '“Camera is off” and “Camera is of”.\n\n```\n“not prose”\n```\n';
      expect(JSON.stringify(rules.unknownScreenTexts(text, strings))).assertEqual(JSON.stringify(['1 “Camera is of”']));
    });

    it('names only files and folders of this repository that exist', 0, () => {
      for (const doc of allDocs()) {
        const missing: string[] = rules.missingRepoPaths(fs.readFileSync(doc, 'utf8'), ROOT);
        expect(`${path.basename(doc)}: ${JSON.stringify(missing)}`).assertEqual(`${path.basename(doc)}: []`);
      }
    });

    it('reports a repository path that does not exist, but not build output or an app\'s own paths', 0, () => {
      const text = 'See `components/Index.ets`, `components/Nothing.ets`, `components/build/x.har` and `entry/oh-package.json5`.';
      expect(JSON.stringify(rules.missingRepoPaths(text, ROOT))).assertEqual('["components/Nothing.ets"]');
    });

    it('explains in docs/errors.md every error code the kit declares: ZEGO\'s, the session\'s and the adapter\'s', 0, () => {
      const sources = ['components/src/main/ets/engine/ZegoErrorCodes.ets', 'components/src/main/ets/engine/EngineError.ets',
        'components/src/main/ets/session/CallKitError.ets'];
      const codes: number[] = [];
      for (const source of sources) {
        for (const code of rules.declaredCodes(read(source)) as number[]) {
          codes.push(code);
        }
      }
      expect(codes.includes(1002033) && codes.includes(2000001) && codes.includes(2009005)).assertTrue();
      for (const doc of ['docs/errors.md', 'docs/errors.zh-CN.md']) {
        expect(`${doc}: ${JSON.stringify(rules.unmentionedCodes(read(doc), codes))}`).assertEqual(`${doc}: []`);
      }
    });

    it('counts a code as explained when it is named or inside a range, and not otherwise', 0, () => {
      const doc = '| 1002033 | ... |\n| 2009001–2009005 | ... |\n';
      expect(JSON.stringify(rules.unmentionedCodes(doc, [1002033, 2009003, 2009006, 1002034]))).assertEqual('[2009006,1002034]');
      expect(JSON.stringify(rules.declaredCodes('static readonly A: number = 1002033; // = 1000001\nB = 2000001,\n')))
        .assertEqual('[1002033,2000001]');
    });

    it('names the same version in the CHANGELOG, components/oh-package.json5 and KIT_VERSION', 0, () => {
      const changelog: string = rules.changelogVersion(read('CHANGELOG.md'));
      const pkg: string = String(readJson5(path.join(ROOT, 'components', 'oh-package.json5')).version);
      const kit = /KIT_VERSION\s*:\s*string\s*=\s*'([^']+)'/.exec(read('components/Index.ets'));
      expect(changelog !== undefined).assertTrue();
      expect(JSON.stringify([pkg, kit ? kit[1] : '']))
        .assertEqual(JSON.stringify([changelog, changelog]));
    });

    it('reads the newest released version of a CHANGELOG, skipping Unreleased', 0, () => {
      expect(rules.changelogVersion('# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2027-01-01\n\n## [1.1.0]\n'))
        .assertEqual('1.2.0');
      expect(rules.changelogVersion('# Changelog\n')).assertUndefined();
    });
  });
}
