// SPDX-License-Identifier: Apache-2.0
// Where the upstream front end is: OHOS_ETS_SDK names the `ets` folder of an OpenHarmony SDK whose
// build-tools/ets-loader has been built (docs/toolchain.md, "Upstream check"). Says exactly what is missing.
'use strict';
const fs = require('fs');
const path = require('path');

/** What must exist under the SDK's ets folder, and why. */
const REQUIRED = [
  ['api/@ohos.hilog.d.ts', 'the API declarations (interface_sdk-js, packaged by its build-tools scripts)'],
  ['api/permissions.d.ts', 'the permission list (build-tools/permissions_converter over permission_definitions.json)'],
  ['api/device-define/default.json', 'the SysCap lists per device type'],
  ['component/common.d.ts', 'the ArkUI component declarations (api/@internal/component/ets)'],
  ['kits/@kit.ArkUI.d.ts', 'the kit declarations'],
  ['build-tools/ets-loader/main.js', 'ets-loader (developtools_ace_ets2bundle compiler/, OpenHarmony-6.0-Release)'],
  ['build-tools/ets-loader/lib/fast_build/ets_ui/rollup-plugin-ets-checker.js', "ets-loader's compiled lib/ (babel ./src --out-dir lib)"],
  ['build-tools/ets-loader/declarations/global.d.ts', "ets-loader's declarations/ (build_declarations_file.js)"],
  ['build-tools/ets-loader/tsconfig.json', "ets-loader's tsconfig.json (the `ets` compiler option)"],
  ['build-tools/ets-loader/node_modules/typescript/package.json', 'ohos-typescript 4.9.5-r10 installed as "typescript" in ets-loader'],
  ['build-tools/ets-loader/node_modules/arkguard/package.json', 'arkguard (arkcompiler_ets_frontend arkguard/, built with tsc) in ets-loader/node_modules'],
];

function explanation(reason, missing) {
  return [
    `check:upstream skipped: ${reason}`,
    'It runs OpenHarmony\'s own ArkTS front end (ets-loader) over the kit and the demo. It needs, outside this repo:',
    '  OHOS_ETS_SDK=<dir>/sdk/default/openharmony/ets   an API 20 SDK `ets` folder with build-tools/ets-loader built in it',
    ...missing.map(([p, why]) => `    missing ${p}: ${why}`),
    'Build it from the public sources with tools/upstream/setup.sh (docs/toolchain.md, "Upstream check"):',
    '  developtools_ace_ets2bundle, interface_sdk-js, arkcompiler_ets_frontend (branch OpenHarmony-6.0-Release),',
    '  permission_definitions.json from security_access_token, and the npm packages they name.',
    'Exit code 0: nothing was checked.',
  ].join('\n');
}

/** { ok, etsSdk, notes } or { ok: false, explanation }. */
function upstreamLayout(env) {
  const etsSdk = env.OHOS_ETS_SDK;
  if (!etsSdk) return { ok: false, explanation: explanation('OHOS_ETS_SDK is not set.', []) };
  const root = path.resolve(etsSdk);
  const missing = REQUIRED.filter(([p]) => !fs.existsSync(path.join(root, p)));
  if (missing.length > 0) return { ok: false, explanation: explanation(`${root} is incomplete.`, missing) };
  const notes = [];
  if (!/\/sdk\/default\/(openharmony|hms)\/ets$/.test(root.split(path.sep).join('/'))) {
    notes.push(`${root} is not under …/sdk/default/openharmony/ets: ohos-typescript treats \`@throws\` ` +
      'differently there (TS28040), so results may differ from DevEco\'s');
  }
  return { ok: true, etsSdk: root, notes };
}

module.exports = { upstreamLayout, REQUIRED };
