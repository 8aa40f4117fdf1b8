// SPDX-License-Identifier: Apache-2.0
// Rebuilds the renderer's committed font subsets (tools/render/fonts/*.ttf) from the npm registry: Noto Sans
// (Latin) and Noto Sans SC (Chinese) as Fontsource publishes them, cut with subset-font (harfbuzz's hb-subset
// in WebAssembly) down to the characters the kit and the demo can show. The tools are installed into a
// temporary folder, so neither is a dependency of the project. Run it when a string resource gains a
// character the fonts lack (the renderer's tests say so): `node tools/render/fonts/build.js`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { kitCharacters, LATIN_RANGES } = require('./characters');

/** Exact versions, so a rebuild gives the same glyphs. */
const TOOLS = ['subset-font@2.9.0', '@fontsource/noto-sans@5.3.0', '@fontsource/noto-sans-sc@5.3.0'];
const WEIGHTS = [400, 500];
const OUT = __dirname;

function latinCharacters() {
  const chars = [];
  for (const [from, to] of LATIN_RANGES) for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c));
  return chars.join('');
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zck-fonts-'));
  process.stdout.write(`installing ${TOOLS.join(', ')} into ${dir}\n`);
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', ...TOOLS], { stdio: 'inherit' });
  const subsetFont = require(path.join(dir, 'node_modules', 'subset-font'));
  const modules = path.join(dir, 'node_modules', '@fontsource');
  const latin = latinCharacters();
  // Chinese text keeps its own punctuation (… “ ” —) in the Chinese face, so those are in both.
  const chinese = [...kitCharacters()].filter((ch) => ch.codePointAt(0) > 0xff).join('');
  const jobs = [];
  for (const weight of WEIGHTS) {
    jobs.push({ src: path.join(modules, 'noto-sans', 'files', `noto-sans-latin-${weight}-normal.woff2`),
      out: `NotoSans-Kit-${weight}.ttf`, text: latin });
    jobs.push({ src: path.join(modules, 'noto-sans-sc', 'files', `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`),
      out: `NotoSansSC-Kit-${weight}.ttf`, text: chinese });
  }
  for (const job of jobs) {
    const font = await subsetFont(fs.readFileSync(job.src), job.text, { targetFormat: 'truetype' });
    fs.writeFileSync(path.join(OUT, job.out), font);
    process.stdout.write(`${job.out}: ${[...job.text].length} characters, ${font.length} bytes\n`);
  }
  fs.copyFileSync(path.join(modules, 'noto-sans-sc', 'LICENSE'), path.join(OUT, 'OFL-NotoSansSC.txt'));
  fs.copyFileSync(path.join(modules, 'noto-sans', 'LICENSE'), path.join(OUT, 'OFL-NotoSans.txt'));
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => { process.stderr.write(`${e.stack || e}\n`); process.exitCode = 1; });
