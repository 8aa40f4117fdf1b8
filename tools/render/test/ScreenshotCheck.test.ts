// SPDX-License-Identifier: Apache-2.0
// Tests of the screenshot tests: the same preview renders to the same bytes twice, an unchanged preview passes,
// and a padding one vp larger on a real component (the connection badge's pill, the mic-off badge) fails the
// check against the committed pictures, writes expected | actual | difference, and says how to accept it.
import { describe, expect, it } from '@ohos/hypium';
import { idOf } from '../../host/render/harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fs = require('fs');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const path = require('path');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { previewsToCheck, checkPreview } = require('../screenshots');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { renderPreview, VARIANTS } = require('../previews');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { REPO_ROOT } = require('../resources');

interface Node { type: string; args: object[]; attrs: { name: string; args: object[] }[]; children: Node[] }
interface Preview { component: string; state: string }

function preview(component: string, state: string): Preview {
  const found = previewsToCheck().filter((p: Preview) => p.component === component && p.state === state)[0];
  if (found === undefined) throw new Error(`no preview ${component}/${state}`);
  return found;
}

/** Adds `.padding(value)` (the last call wins) to every node whose id matches. */
function padded(match: (id: string) => boolean, value: object): (tree: Node) => void {
  const visit = (node: Node): number => {
    const id = idOf(node as never);
    let hits = 0;
    if (id !== undefined && match(id)) {
      node.attrs.push({ name: 'padding', args: [value] });
      hits++;
    }
    return node.children.reduce((n: number, c: Node) => n + visit(c), hits);
  };
  return (tree: Node) => {
    if (visit(tree) === 0) throw new Error('the padding was not changed: no node matched');
  };
}

export default function renderScreenshotCheckTest() {
  describe('RendererScreenshotCheck', () => {
    it('renders a preview to the same PNG bytes twice', 0, async (done: Function) => {
      const p = preview('CallScreen', 'OneToOne');
      const first = await renderPreview(p, { variants: [VARIANTS[3]] });
      const second = await renderPreview(p, { variants: [VARIANTS[3]] });
      expect(Buffer.compare(first[0].png, second[0].png)).assertEqual(0);
      done();
    });

    it('passes a preview that matches its committed pictures', 0, async (done: Function) => {
      const problems: string[] = await checkPreview(preview('ConnectionBadge', 'WeakNetwork'));
      expect(problems.join('\n')).assertEqual('');
      done();
    });

    it('fails when the badge pill is 1 vp wider on the left, and shows the difference', 0, async (done: Function) => {
      const p = preview('ConnectionBadge', 'WeakNetwork');
      const problems: string[] = await checkPreview(p, {
        mutate: padded((id: string) => id === 'zck-connection-badge', { left: 11, right: 10, top: 4, bottom: 4 })
      });
      expect(problems.length).assertEqual(4);
      expect(problems[0]).assertContain('docs/gallery/ConnectionBadge/WeakNetwork.light.en_US.png no longer matches');
      expect(problems[0]).assertContain('npm run gallery -- --update');
      const compare = path.join(REPO_ROOT, '.tmp', 'screenshots', 'ConnectionBadge', 'WeakNetwork.light.en_US');
      expect(fs.existsSync(`${compare}.compare.png`) && fs.existsSync(`${compare}.actual.png`)).assertTrue();
      done();
    });

    it('fails when the mic-off badge of a remote tile has 1 vp more padding', 0, async (done: Function) => {
      const problems: string[] = await checkPreview(preview('RemoteStreamView', 'MicOff'), {
        mutate: padded((id: string) => id.endsWith('-mic-off'), 4)
      });
      expect(problems.length).assertEqual(4);
      done();
    });
  });
}
