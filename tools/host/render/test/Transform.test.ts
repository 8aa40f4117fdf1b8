// SPDX-License-Identifier: Apache-2.0
// The render transform turns any .ets file with UI syntax into code Node can run (the stock emitter crashes
// on a struct) and leaves other files alone; these tests load small sources through it.
import { describe, it, expect } from '@ohos/hypium';
import * as path from 'path';
import * as ts from 'ohos-typescript';
import { render } from '../harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { transpile } = require('../../register');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { renderTransformer } = require('../transform');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { etsOptions } = require('../../../check/ets-options');

/** A file name inside the fixture module, so `$r` strings resolve from its resources. */
const FILE = path.join(__dirname, '..', 'fixtures', 'src', 'main', 'ets', 'Snippet.ets');

function run(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', code)(module.exports, require, module);
  return module.exports;
}

/** Compiles with the ets options the checker uses, or with ForEach parsed as a syntax component. */
function load(source: string, forEachAsSyntax = false): Record<string, unknown> {
  if (!forEachAsSyntax) return run(transpile(FILE, source));
  const ets = { ...etsOptions(), components: etsOptions().components.filter((c: string) => !/ForEach$/.test(c)) };
  const out = ts.transpileModule(source, {
    fileName: FILE,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, ets } as ts.CompilerOptions,
    transformers: { before: [renderTransformer(FILE, source)] },
  });
  return run(out.outputText);
}

export default function renderTransformTest() {
  describe('HostRenderTransform', () => {
    it('turns a struct into a class on the runtime base view without the virtual constructor', 0, () => {
      const out = transpile(FILE, '@Component\nexport struct A {\n  @State n: number = 1;\n  build() {\n    Row() {\n      Text(`${this.n}`)\n    }\n  }\n}\n');
      expect(out).assertContain('class A extends __ark.View');
      expect(out).assertContain('__ark.c("Row", [], () => {');
      expect(out).assertContain('fields: [["n", "State"]]');
      expect(out.includes('constructor(value')).assertFalse();
    });
    it('leaves files without UI syntax to the plain pipeline', 0, () => {
      expect(renderTransformer('/x/Model.ets', 'export class Model { structure = 1; }')).assertUndefined();
      expect(renderTransformer('/x/View.ts', '@Component\nstruct A { build() {} }')).assertUndefined();
      expect(renderTransformer('/x/View.ets', '@Component\nstruct A { build() {} }') !== undefined).assertTrue();
    });
    it('loads @Entry and @Preview structs and a capitalised global @Builder', 0, () => {
      const m = load([
        '@Builder',
        'function Caption(label: string) {',
        '  Text(label).id(label)',
        '}',
        '@Entry',
        '@Preview',
        '@Component',
        'export struct Page {',
        '  shown: number = 0;',
        '  onPageShow(): void {',
        '    this.shown++;',
        '  }',
        '  build() {',
        '    Column() {',
        "      Caption('hello')",
        '    }',
        '  }',
        '}',
      ].join('\n'));
      const h = render(m.Page as never);
      expect(h.textOf('hello')).assertEqual('hello');
      h.show();
      expect((h.root as Record<string, number>).shown).assertEqual(1);
    });
    it('rebuilds after an async handler settles when the test awaits fire()', 0, async (done: Function) => {
      const m = load([
        '@Component',
        'export struct Later {',
        '  @State n: number = 0;',
        '  build() {',
        '    Button(`${this.n}`).id(\'b\').onClick(async () => {',
        '      await Promise.resolve();',
        '      this.n = 2;',
        '    })',
        '  }',
        '}',
      ].join('\n'));
      const h = render(m.Later as never);
      const pending = h.fire('b', 'onClick') as Promise<void>;
      expect(h.textOf('b')).assertEqual('0');
      await pending;
      expect(h.textOf('b')).assertEqual('2');
      done();
    });
    it('builds trailing closures inside a ForEach item builder', 0, () => {
      const m = load([
        '@Component',
        'export struct Items {',
        "  @State items: string[] = ['a', 'b'];",
        '  build() {',
        '    List() {',
        '      ForEach(this.items, (item: string) => {',
        '        ListItem() {',
        '          Text(item).id(item)',
        '        }',
        '      }, (item: string) => item)',
        '    }',
        '  }',
        '}',
      ].join('\n'), true);
      const h = render(m.Items as never);
      expect(h.findAll('ListItem').map((n) => h.textOf(n.children[0])).join()).assertEqual('a,b');
    });
    it('keeps a CustomDialogController builder as the dialog component and its options', 0, () => {
      const m = load([
        '@CustomDialog',
        'struct Confirm {',
        '  controller: CustomDialogController = new CustomDialogController({ builder: Confirm() });',
        "  title: string = '';",
        '  build() {',
        '    Text(this.title)',
        '  }',
        '}',
        '@Component',
        'export struct Host {',
        "  dialog: CustomDialogController = new CustomDialogController({ builder: Confirm({ title: 'sure?' }) });",
        '  build() {',
        "    Button('x').onClick(() => { this.dialog.open(); })",
        '  }',
        '}',
      ].join('\n'));
      const h = render(m.Host as never);
      h.fire('Button', 'onClick');
      const dialog = (h.root as Record<string, Record<string, unknown>>).dialog;
      expect(dialog.opened as boolean).assertTrue();
      const builder = (dialog.options as Record<string, Record<string, unknown>>).builder;
      expect((builder.options as Record<string, string>).title).assertEqual('sure?');
    });
    it('records a builder passed as an attribute, like a tab bar, in a detached slot', 0, () => {
      const m = load([
        '@Component',
        'export default struct Tabbed {',
        '  @Builder',
        '  tab(label: string) {',
        '    Text(label).id(label)',
        '  }',
        '  build() {',
        '    Tabs() {',
        "      TabContent() {",
        "        Text('body')",
        "      }.tabBar(this.tab('home'))",
        '    }',
        '  }',
        '}',
      ].join('\n'));
      const h = render(m.default as never);
      const bar = h.attr('TabContent', 'tabBar') as { type: string; children: { type: string }[] };
      expect(bar.type).assertEqual('#builder');
      expect(h.textOf(bar.children[0] as never)).assertEqual('home');
      expect(h.find('TabContent').children.length).assertEqual(1);
      expect(h.snapshot()).assertContain('TabContent().tabBar(builder[Text])');
    });
    it('renders every item of a LazyForEach data source', 0, () => {
      const m = load([
        'class Source implements IDataSource {',
        "  items: string[] = ['x', 'y', 'z'];",
        '  listeners: DataChangeListener[] = [];',
        '  totalCount(): number { return this.items.length; }',
        '  getData(index: number): string { return this.items[index]; }',
        '  registerDataChangeListener(l: DataChangeListener): void { this.listeners.push(l); }',
        '  unregisterDataChangeListener(l: DataChangeListener): void { return; }',
        '}',
        '@Component',
        'export struct Lazy {',
        '  source: Source = new Source();',
        '  build() {',
        '    List() {',
        '      LazyForEach(this.source, (item: string) => {',
        '        Text(item)',
        '      }, (item: string) => item)',
        '    }',
        '  }',
        '}',
      ].join('\n'));
      const h = render(m.Lazy as never);
      expect(h.texts().join()).assertEqual('x,y,z');
      expect(((h.root as Record<string, Record<string, unknown[]>>).source.listeners).length).assertEqual(1);
    });
  });
}
