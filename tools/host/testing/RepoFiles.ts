// SPDX-License-Identifier: Apache-2.0
// Reads a file of the repository for host-only suites in tools/kit-tests/, which are type-checked without Node's
// typings (the ArkTS subset) and so cannot use fs themselves.
import * as fs from 'fs';
import * as path from 'path';

const REPO: string = path.join(__dirname, '..', '..', '..');

/** The text of `relative` (a path from the repository root, with '/' separators). */
export function readRepoFile(relative: string): string {
  return fs.readFileSync(path.join(REPO, ...relative.split('/')), 'utf8');
}
