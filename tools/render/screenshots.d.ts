// SPDX-License-Identifier: Apache-2.0
// Types of screenshots.js for the host-only screenshot suite (tools/kit-tests/Screenshots.render.test.ts).

/** One @Preview found in the sources. */
export interface PreviewEntry {
  /** The .ets file that defines it. */
  file: string;
  /** The struct's name, e.g. 'CallControlsPreviewMicOff'. */
  struct: string;
  /** The component it shows, e.g. 'CallControls'. */
  component: string;
  /** The state it shows, e.g. 'MicOff'. */
  state: string;
  /** Its doc comment. */
  description: string;
}

/** Every preview of the kit and the demo, in the gallery's order. */
export function previewsToCheck(): PreviewEntry[];

/** Renders a preview in every variant and returns a message per picture that is missing or differs. */
export function checkPreview(preview: PreviewEntry): Promise<string[]>;

/** A laid-out box of a rendered preview (vp, absolute). */
export interface InspectedBox {
  id: string | undefined;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The lines a Text shows. */
  lines: string[] | undefined;
  /** Whether maxLines cut a Text's lines. */
  truncated: boolean | undefined;
}

/** A variant of the gallery. */
export interface Variant {
  mode: string;
  locale: string;
}

/** One rendered variant of a preview with its boxes. */
export interface InspectedPreview {
  png: Buffer;
  boxes: InspectedBox[];
  /** RGBA of the device pixel at (x, y) vp. */
  pixel(x: number, y: number): number[];
  screen: { width: number; height: number; density: number };
}

/** Renders one variant of a preview and returns its picture and boxes. */
export function inspectPreview(preview: PreviewEntry, variant: Variant): Promise<InspectedPreview>;

/**
 * Lays a mounted component (render() of the host harness) out on `screen` (vp), calling its onAreaChange handlers
 * with the laid-out areas until nothing moves; returns every box. `reported`: one Map per mounted component.
 */
export function layOutMounted(harness: object, screen: { width: number; height: number },
  reported: Map<string, object>): InspectedBox[];
