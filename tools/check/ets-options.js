// SPDX-License-Identifier: Apache-2.0
// Builds the `ets` compiler option that DevEco reads from ets-loader's tsconfig.json. That file is not on
// npm, so the list of built-in components is derived from the SDK declarations (@arkts/declarations): every
// `declare const X: XInterface` in component/*.d.ts is a component. Without this option ohos-typescript
// cannot parse `Row() { ... }` and the ArkTS linter silently reports nothing for UI files.
'use strict';
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const NPM_SDK_DIST = path.join(REPO_ROOT, 'node_modules', '@arkts', 'declarations', 'dist');
/**
 * The SDK as the checker reads it: the npm declarations seen through the path layout DevEco installs the SDK in
 * (…/sdk/default/openharmony/ets), as links in the git-ignored .tmp folder. ohos-typescript decides `@throws`
 * handling by path: it never reports TS28040 for declarations under node_modules, and treats 401-only throws as
 * ignorable only under that layout (toolchain reference §12).
 */
const SDK_DIST = path.join(REPO_ROOT, '.tmp', 'sdk', 'default', 'openharmony', 'ets');
const COMPONENT_DIR = path.join(SDK_DIST, 'component');

/** Links every entry of the npm SDK into SDK_DIST (idempotent, safe when several checkers start at once). */
function ensureSdkLayout() {
  fs.mkdirSync(SDK_DIST, { recursive: true });
  for (const entry of fs.readdirSync(NPM_SDK_DIST)) {
    const link = path.join(SDK_DIST, entry);
    const target = path.join(NPM_SDK_DIST, entry);
    let current;
    try {
      current = fs.readlinkSync(link);
    } catch (e) {
      current = undefined;
    }
    if (current === target) continue;
    try {
      if (current !== undefined) fs.unlinkSync(link);
      fs.symlinkSync(target, link);
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
  }
}
ensureSdkLayout();

/** Every SDK component declaration file, listed one by one (component-all.d.ts cannot be resolved by TS 4.9). */
function sdkComponentFiles() {
  return fs.readdirSync(COMPONENT_DIR)
    .filter((f) => f.endsWith('.d.ts') && f !== 'index-full.d.ts')
    .map((f) => path.join(COMPONENT_DIR, f));
}

/** Declared like components in the SDK, but not components in ets-loader's tsconfig.json. */
const NOT_COMPONENTS = ['Common', 'TapGesture', 'LongPressGesture', 'PanGesture', 'PinchGesture', 'SwipeGesture',
  'RotationGesture', 'GestureGroup'];

let cached;
/** The EtsOptions object, computed once per process. */
function etsOptions() {
  if (cached) return cached;
  const components = new Set();
  const withAttributes = [];
  const declared = new Set();
  const sources = sdkComponentFiles().map((f) => fs.readFileSync(f, 'utf8'));
  for (const text of sources) {
    for (const m of text.matchAll(/declare const (\w+)Instance:\s*(\w+);/g)) declared.add(m[1] + '|' + m[2]);
  }
  for (const text of sources) {
    for (const m of text.matchAll(/declare const (\w+):\s*(\w+)Interface;/g)) {
      components.add(m[1]);
      for (const d of declared) {
        const parts = d.split('|');
        if (parts[0] === m[1]) withAttributes.push({ name: m[1], type: parts[1], instance: m[1] + 'Instance' });
      }
    }
  }
  // ForEach/LazyForEach are not components for the parser: listing them breaks trailing closures inside
  // their item builders (`ForEach(xs, (x) => { ListItem() { ... } })` fails with TS1005).
  components.delete('ForEach');
  components.delete('LazyForEach');
  // Nor are gestures and Common in ets-loader's own tsconfig: as components, an inline `PanGesture(...)` in
  // `.gesture()` would be typed through a PanGestureAttribute that does not exist (TS2552).
  for (const notComponent of NOT_COMPONENTS) components.delete(notComponent);
  const propertyDecorator = (name, needInitialization) => ({ name, needInitialization });
  cached = {
    render: { method: ['build', 'pageTransition'], decorator: ['Builder', 'LocalBuilder'] },
    components: Array.from(components).sort(),
    libs: [],
    extend: { decorator: ['Extend', 'AnimatableExtend'], components: withAttributes },
    styles: {
      decorator: 'Styles',
      component: { name: 'Common', type: 'T', instance: 'CommonInstance' },
      property: 'stateStyles',
    },
    concurrent: { decorator: 'Concurrent' },
    customComponent: 'CustomComponent',
    syntaxComponents: {
      paramsUICallback: ['ForEach', 'LazyForEach'],
      attrUICallback: [{ name: 'Repeat', attributes: ['each', 'template'] }],
    },
    propertyDecorators: [
      propertyDecorator('State', true), propertyDecorator('Prop', false), propertyDecorator('Link', false),
      propertyDecorator('ObjectLink', false), propertyDecorator('Provide', true), propertyDecorator('Consume', false),
      propertyDecorator('StorageLink', true), propertyDecorator('StorageProp', true),
      propertyDecorator('LocalStorageLink', true), propertyDecorator('LocalStorageProp', true),
      propertyDecorator('BuilderParam', false), propertyDecorator('Watch', false), propertyDecorator('Track', false),
    ],
    emitDecorators: [
      { name: 'Entry', emitParameters: true }, { name: 'Component', emitParameters: false },
      { name: 'Reusable', emitParameters: false }, { name: 'CustomDialog', emitParameters: false },
      { name: 'Preview', emitParameters: true }, { name: 'Observed', emitParameters: false },
      { name: 'Sendable', emitParameters: false },
    ],
  };
  return cached;
}

module.exports = { etsOptions, sdkComponentFiles, SDK_DIST, REPO_ROOT };
