// SPDX-License-Identifier: Apache-2.0
/*
 * `npm run demo`: the demo app's call flow on the host, with the kit, the simulated engine and a scripted
 * remote participant, printed as a timeline of ZEGO API calls and callbacks with what each component of the
 * call page shows at the key moments. Exits 0 when the call went as scripted and left nothing behind.
 * `--verbose` also prints every periodic callback (quality, sound levels). See docs/demo.md.
 */
import { runDemo } from './src/Scenario';

export async function main(args: string[] = []): Promise<number> {
  const started = Date.now() - Math.round(process.uptime() * 1000);
  const result = await runDemo({
    write: (line: string) => process.stdout.write(line + '\n'),
    verbose: args.includes('--verbose')
  });
  process.stdout.write(`(loaded and replayed in ${Date.now() - started} ms of real time)\n`);
  return result.exitCode;
}
