// SPDX-License-Identifier: Apache-2.0
/*
 * Prints rows as a plain-text table with aligned columns (numbers right-aligned), so the bench output reads
 * well in a terminal and pastes into docs/benchmarks.md unchanged.
 */

/** A table: a header row, then rows of cells. Columns whose cells all look numeric (or '-') are right-aligned. */
export class Table {
  private readonly header: string[];
  private readonly rows: string[][] = [];

  constructor(header: string[]) {
    this.header = header;
  }

  /** Appends a row (missing cells print empty). */
  add(cells: Array<string | number>): void {
    this.rows.push(cells.map((c: string | number) => String(c)));
  }

  /** The table as lines, indented by two spaces. */
  render(): string {
    const cols = this.header.length;
    const widths: number[] = [];
    const numeric: boolean[] = [];
    for (let c = 0; c < cols; c++) {
      let w = this.header[c].length;
      let num = this.rows.length > 0;
      for (const r of this.rows) {
        const cell = r[c] !== undefined ? r[c] : '';
        w = Math.max(w, cell.length);
        if (cell !== '' && cell !== '-' && !/^[-+]?[0-9][0-9.,]*( ?[%a-zA-Zµ]+)?$/.test(cell)) {
          num = false;
        }
      }
      widths.push(w);
      numeric.push(num);
    }
    const line = (cells: string[], isHeader: boolean): string => cells
      .map((cell: string, c: number) => (numeric[c] && !isHeader ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ').trimEnd();
    const out: string[] = [line(this.header, true), widths.map((w: number) => '-'.repeat(w)).join('  ')];
    for (const r of this.rows) {
      const padded: string[] = [];
      for (let c = 0; c < cols; c++) {
        padded.push(r[c] !== undefined ? r[c] : '');
      }
      out.push(line(padded, false));
    }
    return out.map((l: string) => '  ' + l).join('\n');
  }
}
