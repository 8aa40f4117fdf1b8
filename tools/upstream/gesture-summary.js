// SPDX-License-Identifier: Apache-2.0
// What ets-loader's transform keeps of each gesture attribute, read from its ViewPU output: the
// `Gesture.create(GesturePriority.X) … Gesture.pop()` blocks, with the gesture kinds, their handlers and a
// group's members. The host render transform is tested against this summary for the fixtures in
// tools/host/render/test/fixtures/gesture (upstream-gestures.json), so it keeps exactly what a device runs.
'use strict';

const ATTRIBUTE_OF_PRIORITY = { Low: 'gesture', High: 'priorityGesture', Parallel: 'parallelGesture' };

/** [{ attribute, kind, handlers: [...], members?: [...] } | { attribute, empty: true }] in output order. */
function gestureSummary(js) {
  const out = [];
  const lines = js.split('\n').map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const open = /^Gesture\.create\(GesturePriority\.(\w+)\);$/.exec(lines[i]);
    if (!open) continue;
    const attribute = ATTRIBUTE_OF_PRIORITY[open[1]] || open[1];
    const stack = [];
    let root;
    for (i += 1; i < lines.length && lines[i] !== 'Gesture.pop();'; i++) {
      const call = /^(\w+Gesture|GestureGroup)\.(\w+)\(/.exec(lines[i]);
      if (!call) continue;
      const [, kind, method] = call;
      if (method === 'create') {
        const g = kind === 'GestureGroup' ? { kind, members: [] } : { kind, handlers: [] };
        if (stack.length > 0) stack[stack.length - 1].members.push(g); else root = g;
        stack.push(g);
      } else if (method === 'pop') {
        stack.pop();
      } else if (stack.length > 0 && stack[stack.length - 1].handlers) {
        stack[stack.length - 1].handlers.push(method);
      }
    }
    out.push(root ? Object.assign({ attribute }, normalise(root)) : { attribute, empty: true });
  }
  return out;
}

/** Sorted handler names, members in order. */
function normalise(g) {
  if (g.members) return { kind: g.kind, members: g.members.map(normalise) };
  return { kind: g.kind, handlers: g.handlers.slice().sort() };
}

module.exports = { gestureSummary };
