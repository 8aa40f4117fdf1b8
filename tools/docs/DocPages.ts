// SPDX-License-Identifier: Apache-2.0
// The Node side of rendering the docs' pages (tools/kit-tests/DocPages.render.test.ts): finds every page an
// `arkts` block of the docs shows, as doc-samples.js writes it for `npm run check` (.tmp/doc-samples/), loads
// it through the host render transform and hands back its @Entry struct (pages do not export it), and watches
// for unhandled promise rejections. Plain Node TypeScript, kept out of tools/kit-tests because the kit's
// host-only suites are type-checked without Node's typings; the exported types use no Node names.
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const docSamples = require('./doc-samples');

const REPO_ROOT: string = path.join(__dirname, '..', '..');

/** A page shown in the docs. */
export interface DocPage {
  /** 'README.md:24 CallPage': the doc, the line of the block, the struct. */
  title: string;
  /** The doc, relative to the repository, with '/' separators. */
  doc: string;
  /** The generated .ets file. */
  file: string;
  /** The @Entry struct's name. */
  struct: string;
  /** The page's source, as compiled. */
  source: string;
}

interface PlannedFile { relPath: string; block: { line: number }; }
interface Plan { doc: string; root: string; pages: { file: PlannedFile; struct: string | undefined }[]; }

/** Writes the docs' sample projects (as `npm run check` does) and lists their pages. */
export function docPages(): DocPage[] {
  const prepared: { plans: Plan[] } = docSamples.prepare();
  const pages: DocPage[] = [];
  for (const plan of prepared.plans) {
    for (const p of plan.pages) {
      const file = path.join(plan.root, ...p.file.relPath.split('/'));
      const doc = path.relative(REPO_ROOT, plan.doc).split(path.sep).join('/');
      pages.push({
        title: `${doc}:${p.file.block.line} ${p.struct}`, doc, file, struct: String(p.struct),
        source: fs.readFileSync(file, 'utf8'),
      });
    }
  }
  return pages;
}

/** Whether the page joins a call (it calls `join(`): a call page, rather than a home page. */
export function joinsACall(page: DocPage): boolean {
  return /\.join\(/.test(page.source);
}

/** A struct class as the host render transform makes it. */
export type StructClass = new () => object;

interface ArkRuntime { view: (cls: StructClass, meta: object) => void; }

const loaded = new Map<string, StructClass>();

/** Loads a page through the render transform and returns its @Entry struct. */
export function loadPage(page: DocPage): StructClass {
  const known = loaded.get(page.file);
  if (known !== undefined) {
    return known;
  }
  const ark = (globalThis as unknown as { __ark: ArkRuntime }).__ark;
  const original = ark.view;
  let found: StructClass | undefined;
  ark.view = (cls: StructClass, meta: object): void => {
    original(cls, meta);
    if (cls.name === page.struct) {
      found = cls;
    }
  };
  try {
    require(page.file);
  } finally {
    ark.view = original;
  }
  if (found === undefined) {
    throw new Error(`${page.title}: ${page.file} defined no struct ${page.struct}`);
  }
  loaded.set(page.file, found);
  return found;
}

/** Collects the promise rejections nobody handled while it listens. */
export class UnhandledRejections {
  readonly reasons: string[] = [];
  private readonly onRejection = (reason: unknown): void => {
    this.reasons.push(String(reason));
  };

  start(): void {
    process.on('unhandledRejection', this.onRejection);
  }

  stop(): void {
    process.removeListener('unhandledRejection', this.onRejection);
  }
}

/** Resolves after Node's next event-loop turn (when it reports unhandled rejections). */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve: () => void) => setImmediate(resolve));
}
