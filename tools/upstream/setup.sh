#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds, OUTSIDE this repository, what `npm run check:upstream` runs: an OpenHarmony API 20 SDK `ets` folder
# packaged from interface_sdk-js by its own build-tools scripts (in the order of OpenHarmony's
# build/ohos/sdk/parse_interface_sdk.py), with ets-loader (developtools_ace_ets2bundle compiler/) built inside it
# and arkguard (arkcompiler_ets_frontend arkguard/) as its dependency, in the path layout DevEco uses
# (<out>/sdk/default/openharmony/ets: ohos-typescript treats `@throws` differently under it, TS28040).
#
# Usage: tools/upstream/setup.sh <sources> <out>
#   <sources> holds checkouts (or `git archive` extracts) of branch OpenHarmony-6.0-Release of
#     developtools_ace_ets2bundle, interface_sdk-js, arkcompiler_ets_frontend, security_access_token and
#     global_system_resources, each in a folder of that name (github.com/openharmony/<name> or gitee mirrors).
#   <out> receives work folders and the SDK; then: export OHOS_ETS_SDK=<out>/sdk/default/openharmony/ets
# Needs node >= 20, npm (the public registry), python3. About 3 minutes and 700 MB.
set -euo pipefail

SRC=$(cd "$1" && pwd)
OUT=$(mkdir -p "$2" && cd "$2" && pwd)
ETS="$OUT/sdk/default/openharmony/ets"
LOADER="$ETS/build-tools/ets-loader"
WORK="$OUT/work"
rm -rf "$WORK" "$OUT/sdk"
mkdir -p "$WORK" "$ETS/build-tools"

# Replaces a package.json's dependency pins the public registry cannot serve (huaweicloud lockfiles, the `fs`
# and `path` placeholders) and makes `typescript` ohos-typescript 4.9.5-r10, as the upstream builds do.
pin() {
  node -e '
    const fs = require("fs");
    const p = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    for (const field of ["dependencies", "devDependencies"]) {
      if (!p[field]) continue;
      delete p[field].fs;
      delete p[field].path;
      if (p[field].typescript) p[field].typescript = "npm:ohos-typescript@4.9.5-r10";
    }
    if (process.argv[2] === "typescript") (p.dependencies = p.dependencies || {}).typescript = "npm:ohos-typescript@4.9.5-r10";
    if (p.scripts) delete p.scripts.postinstall;
    fs.writeFileSync(process.argv[1], JSON.stringify(p, null, 2));
  ' "$1" "${2:-}"
  rm -f "$(dirname "$1")/package-lock.json"
}

echo "== SDK declarations (interface_sdk-js build-tools)"
BT="$WORK/interface_sdk-js/build-tools"
cp -r "$SRC/interface_sdk-js" "$WORK/interface_sdk-js"
pin "$BT/package.json"
(cd "$BT" && npm install --no-audit --no-fund --ignore-scripts --silent)
SDK_OUT="$WORK/sdk-out"
node "$BT/handleApiFiles.js" --path "$WORK/interface_sdk-js" --output "$SDK_OUT" --type ets --isPublic true \
  --create-keep-file true > "$WORK/handleApiFiles.log"
# Public SDK: system APIs removed (its output replaces api/, kits/, arkts/).
node "$BT/delete_systemapi_plugin.js" --input "$SDK_OUT/api" --output "$SDK_OUT/build-tools" --type ets \
  > "$WORK/delete_systemapi.log" 2>&1 || true
for d in api kits arkts; do rm -rf "${SDK_OUT:?}/$d"; cp -r "$SDK_OUT/build-tools/$d" "$SDK_OUT/$d"; done
# The Permissions type, from the permission definitions.
cp "$SRC/security_access_token/services/accesstokenmanager/permission_definitions.json" "$WORK/"
(cd "$BT/permissions_converter" && node convert.js "$WORK/permission_definitions.json" "$SDK_OUT/api/permissions.d.ts")
# int/long/double → number, as the parse step runs it: ten shards, here two at a time.
for i in 0 2 4 6 8; do
  node "$BT/intToNumber.js" --path "$SDK_OUT" --output "$SDK_OUT/build-tools/type-change" --index "$i" > /dev/null &
  node "$BT/intToNumber.js" --path "$SDK_OUT" --output "$SDK_OUT/build-tools/type-change" --index "$((i + 1))" > /dev/null &
  wait
done
for d in api arkts; do rm -rf "${SDK_OUT:?}/$d"; cp -r "$SDK_OUT/build-tools/type-change/$d" "$SDK_OUT/$d"; done
cp -r "$SDK_OUT/api" "$SDK_OUT/arkts" "$SDK_OUT/kits" "$ETS/"
cp -r "$SDK_OUT/api/@internal/component/ets" "$ETS/component"

echo "== arkguard (arkcompiler_ets_frontend, built with tsc)"
cp -r "$SRC/arkcompiler_ets_frontend/arkguard" "$WORK/arkguard"
node -e '
  const fs = require("fs"); const f = process.argv[1]; const p = JSON.parse(fs.readFileSync(f, "utf8"));
  p.devDependencies.typescript = "npm:ohos-typescript@4.9.5-r10"; fs.writeFileSync(f, JSON.stringify(p, null, 2));
' "$WORK/arkguard/package.json"
rm -f "$WORK/arkguard/package-lock.json"
(cd "$WORK/arkguard" && npm install --no-audit --no-fund --legacy-peer-deps --silent && (npm run build > build.log 2>&1 || true))
test -f "$WORK/arkguard/lib/ArkObfuscator.js"

echo "== ets-loader (developtools_ace_ets2bundle compiler/)"
cp -r "$SRC/developtools_ace_ets2bundle/compiler" "$LOADER"
pin "$LOADER/package.json" typescript
(cd "$LOADER" && npm install --no-audit --no-fund --silent)
ln -sfn "$WORK/arkguard" "$LOADER/node_modules/arkguard"
(cd "$LOADER" && ./node_modules/.bin/babel ./src --out-dir lib --extensions .ts --ignore ./src/interop > /dev/null \
  && node copy_json_files.js ./src lib --ignore ./src/interop)
# declarations/: the component declarations next to the SDK's ets_internal_api and internal_full, as the SDK
# build lays them out for build_declarations_file.js.
DECL="$WORK/declarations-input"
mkdir -p "$DECL"
cp -r "$SDK_OUT/api/@internal/component/ets" "$DECL/ets_component"
cp -r "$SDK_OUT/api/@internal/ets" "$DECL/ets_internal_api"
cp -r "$SDK_OUT/api/common/full" "$DECL/internal_full"
(cd "$LOADER" && node build_declarations_file.js "$DECL/ets_component" ./declarations ./lib true \
  && node build_kitConfigs_file.js "$ETS/kits" ./kit_configs "$ETS/api" "$ETS/arkts" ./lib > /dev/null)
# sysResource.js: the system resources `$r('sys.…')` may name.
cp "$SRC/global_system_resources/systemres/main/resources/base/element/id_defined.json" "$WORK/"
python3 "$SRC/developtools_ace_ets2bundle/generateSysResource.py" --input-json "$WORK/id_defined.json" \
  --output-js "$LOADER/sysResource.js"

echo "done: export OHOS_ETS_SDK=$ETS"
