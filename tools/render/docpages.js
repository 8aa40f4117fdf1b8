// SPDX-License-Identifier: Apache-2.0
// The call pages the docs show (README's “A call screen in 30 seconds”, getting-started's call page), as pictures
// of the gallery next to the previews: docs/gallery/DocPages/<doc>.<Struct>.<mode>.<locale>.png. Each page is
// the generated file `npm run check` compiles (tools/docs/DocPages.ts finds and loads it, as the DocPages test
// does) mounted in the DocPages test's world (tools/docs/DocWorld.ts: the simulated engine installed as the
// provider, Bob in the room publishing), on the preview's clock, so the picture is a call with a remote guest
// after SETTLE_MS. The Chinese docs' code is the English docs' code (tools/docs/test/DocRules.test.ts), so only
// the English docs' pages are rendered; their zh_CN variants are what the Chinese docs show.
'use strict';
const path = require('path');
require('../host/register');

const COMPONENT = 'DocPages';

/** 'README.md' → 'README', 'docs/getting-started.md' → 'getting-started'. */
function docName(doc) {
  return path.basename(doc, '.md');
}

/**
 * Every call page of the English docs as a gallery entry: { component 'DocPages', state '<doc>.<Struct>',
 * description, file, struct, order, mount(clock) }.
 */
function docPagePreviews() {
  const { docPages, joinsACall } = require('../docs/DocPages');
  const pages = docPages().filter((p) => !/\.zh-CN\.md$/.test(p.doc) && joinsACall(p));
  return pages.map((page, order) => ({
    component: COMPONENT,
    state: `${docName(page.doc)}.${page.struct}`,
    description: `\`${page.struct}\` of [${page.doc}](${path.posix.relative('docs/gallery', page.doc)}).`,
    file: page.file,
    struct: page.struct,
    order,
    mount: (clock) => mountPage(page, clock),
  }));
}

/** Mounts a page in the DocPages test's world on `clock`; close() uninstalls the world's provider. */
function mountPage(page, clock) {
  const { DocWorld } = require('../docs/DocWorld');
  const { setPermissionAnswer } = require('@kit.AbilityKit');
  setPermissionAnswer(() => true);
  const world = new DocWorld(undefined, clock);
  try {
    return { harness: world.mount(page), close: () => world.close() };
  } catch (e) {
    world.close();
    throw e;
  }
}

module.exports = { docPagePreviews, COMPONENT };
