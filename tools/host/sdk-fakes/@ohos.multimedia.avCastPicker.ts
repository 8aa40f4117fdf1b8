// SPDX-License-Identifier: Apache-2.0
// Host fake of '@ohos.multimedia.avCastPicker', the system audio/cast device picker (a struct on the device,
// `export default AVCastPicker`). Here it is a custom component of the host render runtime (tools/host/render:
// a class extending `__ark.View`, registered with `__ark.view` as a transformed struct would be), so a component
// that embeds it mounts in host render tests and the picker shows up as an `AVCastPicker` node with its options
// and attributes. Its build() draws what the app gave as `customPicker` (the kit's own icon), as the device
// does; it opens no panel, lists no devices and never calls onStateChange. Plain TypeScript for Node, never
// part of the HAR.

import { AVCastPickerColorMode, AVCastPickerState, AVCastPickerStyle } from './@ohos.multimedia.avCastPickerParam';

/** The part of the host render runtime (`globalThis.__ark`, see tools/host/render/runtime.js) used here. */
interface HostRuntime {
  View: new () => object;
  view(cls: Function, meta: { file: string; fields: string[][]; styles: string[] }): void;
}

const ark: HostRuntime | undefined = (globalThis as unknown as { __ark?: HostRuntime }).__ark;
if (ark === undefined) {
  throw new Error('@ohos.multimedia.avCastPicker fake: the host render runtime is not installed; load the code ' +
    'through tools/host/register.js');
}

/** The fake picker. Its @Prop fields mirror the API 13 declaration; values are whatever the parent passed. */
class AVCastPicker extends ark.View {
  normalColor?: string | number;
  activeColor?: string | number;
  pickerStyle?: AVCastPickerStyle;
  colorMode?: AVCastPickerColorMode;
  sessionType?: string;
  customPicker?: () => void;
  onStateChange?: (state: AVCastPickerState) => void;

  build(): void {
    if (typeof this.customPicker === 'function') {
      this.customPicker();
    }
  }
}

ark.view(AVCastPicker, {
  file: __filename,
  fields: [['normalColor', 'Prop'], ['activeColor', 'Prop'], ['pickerStyle', 'Prop'], ['colorMode', 'Prop'],
    ['sessionType', 'Prop'], ['customPicker', 'Prop']],
  styles: [],
});

export default AVCastPicker;
