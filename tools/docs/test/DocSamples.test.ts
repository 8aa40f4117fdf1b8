// SPDX-License-Identifier: Apache-2.0
// The doc-sample check (tools/docs/doc-samples.js, run by `npm run check`) is tested like the checker: a
// fixture doc whose samples all compile reports nothing, and a fixture doc with one broken sample of each kind
// reports each one at its own markdown line and column (a page, fragments in their contexts, ArkTS marked as
// TypeScript, an unknown context, a JSON file that does not parse, a string the doc's module.json5 names but
// its string.json lacks). It also proves that every `arkts` block of
// the real docs is written out to be compiled, so none can be skipped silently.
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const docSamples = require('../doc-samples');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const checker = require('../../check/checker');

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'samples');
const CLEAN = path.join(FIXTURES, 'clean.md');
const BROKEN = path.join(FIXTURES, 'broken.md');

interface Problem { file: string; line: number; col: number; rule: string; message: string; severity: string; }
interface Block { lang: string; attrs: string[]; line: number; indent: number; lines: string[]; }
interface GeneratedFile { relPath: string; }
interface Plan { doc: string; root: string; files: GeneratedFile[]; pages: { file: GeneratedFile }[]; samples: number; }

let cached: Problem[] | undefined;
let cachedPlans: Plan[] = [];
/** Prepares and checks both fixture docs once (one checker program), into a temporary folder. */
function fixtureProblems(): Problem[] {
  if (cached === undefined) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-samples-'));
    const prepared = docSamples.prepare([CLEAN, BROKEN], out);
    cachedPlans = prepared.plans;
    cached = docSamples.mapProblems(checker.check(prepared.files), prepared, checker.Problem) as Problem[];
  }
  return cached;
}

function of(doc: string): string[] {
  return fixtureProblems().filter((p: Problem) => p.file === doc).map((p: Problem) => `${p.line}:${p.col} ${p.rule}`).sort();
}

export default function docSamplesTest() {
  describe('DocSamples', () => {
    it('reports nothing for a doc whose page, fragments and JSON file all compile', 0, () => {
      expect(JSON.stringify(of(CLEAN))).assertEqual('[]');
    });

    it('reports each broken sample at its own markdown line and column', 0, () => {
      expect(JSON.stringify(of(BROKEN))).assertEqual(JSON.stringify([
        '12:53 TS2554', // join() without the user name, in a page
        '28:7 TS2551', // .heigth in a fragment indented inside a list item
        '34:35 TS2339', // a field the in:build context does not have
        '39:1 doc-sample-language', // ArkTS marked as ts
        '45:1 doc-sample-context', // in:nowhere
        '51:1 doc-sample-json', // main_pages.json that does not parse
        '63:1 doc-sample-resource', // a permission reason missing from the doc's string.json
        '1:1 resource-translation', // ... whose base strings have no zh_CN and no en_US file
        '1:1 resource-translation'
      ].sort()));
    });

    it('says what to do about ArkTS marked as TypeScript and about an unknown context', 0, () => {
      const problems = fixtureProblems().filter((p: Problem) => p.file === BROKEN);
      const language = problems.filter((p: Problem) => p.rule === 'doc-sample-language')[0];
      expect(language.message.includes('mark it `arkts`')).assertTrue();
      const context = problems.filter((p: Problem) => p.rule === 'doc-sample-context')[0];
      expect(context.message.includes('in:build')).assertTrue();
    });

    it('lists a doc\'s @Entry pages in the sample project\'s main_pages.json', 0, () => {
      fixtureProblems();
      const plan = cachedPlans.filter((p: Plan) => p.doc === CLEAN)[0];
      const pages = JSON.parse(fs.readFileSync(
        path.join(plan.root, 'entry', 'src', 'main', 'resources', 'base', 'profile', 'main_pages.json'), 'utf8'));
      expect(plan.pages.length).assertEqual(1);
      expect(JSON.stringify(pages.src)).assertEqual(JSON.stringify([
        plan.pages[0].file.relPath.replace('entry/src/main/ets/', '').replace(/\.ets$/, '')]));
    });

    it('writes out every arkts block of README*.md and docs/*.md to be compiled', 0, () => {
      const docs: string[] = docSamples.docFiles();
      expect(docs.some((d: string) => path.basename(d) === 'getting-started.md')).assertTrue();
      let total = 0;
      for (const doc of docs) {
        const fences = (docSamples.codeBlocks(fs.readFileSync(doc, 'utf8')) as Block[])
          .filter((b: Block) => b.lang === 'arkts').length;
        const plan: Plan = docSamples.planDoc(doc);
        expect(`${path.basename(doc)}: ${plan.samples}`).assertEqual(`${path.basename(doc)}: ${fences}`);
        total += fences;
      }
      expect(total >= 10).assertTrue();
    });

    it('reads fenced blocks with their attributes and strips a list item\'s indentation', 0, () => {
      const blocks: Block[] = docSamples.codeBlocks('text\n\n1. step\n\n   ```arkts in:build\n   Text(\'x\')\n   ```\n');
      expect(blocks.length).assertEqual(1);
      expect(blocks[0].lang).assertEqual('arkts');
      expect(JSON.stringify(blocks[0].attrs)).assertEqual('["in:build"]');
      expect(blocks[0].line).assertEqual(5);
      expect(blocks[0].indent).assertEqual(3);
      expect(JSON.stringify(blocks[0].lines)).assertEqual('["Text(\'x\')"]');
    });
  });
}
