// SPDX-License-Identifier: Apache-2.0
// Host fake of '@ohos.multimedia.avCastPickerParam': the enums AVCastPicker's options use, with the values of
// the API 13 declarations (@arkts/declarations, api/@ohos.multimedia.avCastPickerParam.d.ts). Plain
// TypeScript for Node, never part of the HAR.

/** AVCastPickerState: the picker starts showing (0) or finished presenting (1). */
export enum AVCastPickerState {
  STATE_APPEARING = 0,
  STATE_DISAPPEARING = 1
}

/** AVCastPickerStyle: shown as a panel (0) or a menu (1). */
export enum AVCastPickerStyle {
  STYLE_PANEL = 0,
  STYLE_MENU = 1
}

/** AVCastPickerColorMode: follow the system (0), dark (1), light (2). */
export enum AVCastPickerColorMode {
  AUTO = 0,
  DARK = 1,
  LIGHT = 2
}
