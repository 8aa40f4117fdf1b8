// SPDX-License-Identifier: Apache-2.0
// DevEco's SysCap and permission checks (TS28007 warnings), which ets-loader plugs into ohos-typescript through
// three language-service host callbacks: every use of an SDK declaration whose `@syscap` is not on every device
// type of the module's module.json5 (unless the use is under `if (canIUse('<that SysCap>'))`), and whose
// `@permission` expression the module's requestPermissions do not satisfy. The device types' SysCap lists come
// from tools/check/data/syscaps.json (interface_sdk-js api/device-define). Ours, written from the documented
// behaviour; one deliberate difference: a namespace's own `@syscap` is not checked, only its members' (see
// tools/upstream/accepted.json for why).
'use strict';
const fs = require('fs');
const path = require('path');
const { syscapsByDeviceType } = require('./syscap-data');
const { SDK_DIST } = require('./ets-options');
const { parseJson5 } = require('./json5');
const { moduleRootOf } = require('./module-resources');

const SYSCAP_NOT_EVERYWHERE = "The system capacity of this api '{0}' is not supported on all devices";
const SYSCAP_USE_CANIUSE = 'The API is not supported on all devices. Use the canIUse condition to determine whether the API is supported.';
const PERMISSION_MISSING = 'To use this API, you need to apply for the permissions: ';

/** module.json5 of the module a file belongs to (the folder above its src/), parsed, or undefined. */
const moduleCache = new Map();
function moduleOf(file) {
  const root = moduleRootOf(file);
  if (root === undefined) return undefined;
  if (moduleCache.has(root)) return moduleCache.get(root);
  const manifest = path.join(root, 'src', 'main', 'module.json5');
  let info;
  if (fs.existsSync(manifest)) {
    const parsed = parseJson5(fs.readFileSync(manifest, 'utf8'), manifest).value || {};
    const module = parsed.module || {};
    const devices = (module.deviceTypes || []).map((d) => (d === 'phone' ? 'default' : d));
    const known = syscapsByDeviceType();
    const lists = devices.filter((d) => known.has(d)).map((d) => known.get(d));
    const union = new Set(lists.flatMap((l) => Array.from(l)));
    const intersection = new Set(Array.from(union).filter((s) => lists.every((l) => l.has(s))));
    info = {
      root,
      checkSyscaps: lists.length > 0,
      union,
      intersection,
      permissions: new Set((module.requestPermissions || []).map((p) => String(p.name))),
    };
  }
  moduleCache.set(root, info);
  return info;
}

/**
 * Whether the requested permissions satisfy a `@permission` expression: names joined by `and`/`or`, with
 * parentheses (e.g. `ohos.permission.A and (ohos.permission.B or ohos.permission.C)`).
 */
function permissionSatisfied(expression, granted) {
  const tokens = expression.replace(/[()]/g, ' $& ').split(/\s+/).filter((t) => t.length > 0);
  let i = 0;
  const primary = () => {
    const t = tokens[i++];
    if (t === '(') {
      const v = orExpr();
      i++; // ')'
      return v;
    }
    return granted.has(t);
  };
  const andExpr = () => {
    let v = primary();
    while (tokens[i] === 'and') { i++; v = primary() && v; }
    return v;
  };
  const orExpr = () => {
    let v = andExpr();
    while (tokens[i] === 'or') { i++; v = andExpr() || v; }
    return v;
  };
  return orExpr();
}

/** The text of a JSDoc tag's comment. */
function tagText(ts, tag) {
  return (typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) || '').trim();
}

/** Whether a JSDoc tag belongs to a namespace (module) declaration. */
function onNamespace(ts, tag) {
  const doc = tag.parent;
  return doc !== undefined && doc.parent !== undefined && ts.isModuleDeclaration(doc.parent);
}

/**
 * The host members ets-loader gives ohos-typescript for these checks, for a language-service host.
 * `isSdkFile(fileName)` tells SDK declarations from the rest.
 */
function jsDocCheckHost(ts) {
  const sdkPrefix = SDK_DIST + path.sep;
  const canIUseFiles = new Map();
  const mentionsCanIUse = (file) => {
    if (!canIUseFiles.has(file)) canIUseFiles.set(file, /canIUse\(.*\)/.test(fs.readFileSync(file, 'utf8')));
    return canIUseFiles.get(file);
  };
  const configs = new Map();

  function configFor(file, module) {
    const items = [];
    if (module.checkSyscaps) {
      items.push({
        tagName: ['syscap'],
        message: SYSCAP_NOT_EVERYWHERE,
        needConditionCheck: mentionsCanIUse(file),
        type: ts.DiagnosticCategory.Warning,
        specifyCheckConditionFuncName: 'canIUse',
        tagNameShouldExisted: false,
        checkValidCallback: (tag) => !onNamespace(ts, tag) && !module.intersection.has(tagText(ts, tag)),
        checkConditionValidCallback: (call, funcName, tagValue) => {
          if (!ts.isIdentifier(call.expression) || call.expression.text !== funcName || call.arguments.length !== 1) return false;
          const arg = call.arguments[0];
          if (ts.isStringLiteral(arg)) return arg.text === tagValue;
          if (!ts.isIdentifier(arg)) return false;
          // A module constant: `const X: string = '<SysCap>'` declared in the same file.
          const decl = arg.getSourceFile().statements.filter(ts.isVariableStatement)
            .flatMap((s) => Array.from(s.declarationList.declarations))
            .find((d) => ts.isIdentifier(d.name) && d.name.text === arg.text);
          return decl !== undefined && decl.initializer !== undefined && ts.isStringLiteral(decl.initializer) &&
            decl.initializer.text === tagValue;
        },
      });
    }
    const permissionItem = {
      tagName: ['permission'],
      message: PERMISSION_MISSING,
      needConditionCheck: false,
      type: ts.DiagnosticCategory.Warning,
      specifyCheckConditionFuncName: '',
      tagNameShouldExisted: false,
      checkValidCallback: (tag) => {
        const expression = tagText(ts, tag);
        permissionItem.message = PERMISSION_MISSING + expression;
        return expression !== '' && !permissionSatisfied(expression, module.permissions);
      },
    };
    items.push(permissionItem);
    return items;
  }

  return {
    getFileCheckedModuleInfo: (containFilePath) => ({ fileNeedCheck: true, checkPayload: undefined, currentFileName: containFilePath }),
    getJsDocNodeCheckedConfig: (fileCheckedInfo, sourceFileName) => {
      const file = fileCheckedInfo.currentFileName;
      const module = moduleOf(file);
      if (module === undefined || !path.resolve(sourceFileName).startsWith(sdkPrefix)) return { nodeNeedCheck: false, checkConfig: [] };
      if (!configs.has(file)) configs.set(file, configFor(file, module));
      return { nodeNeedCheck: true, checkConfig: configs.get(file) };
    },
    getJsDocNodeConditionCheckedResult: (fileCheckedInfo, jsDocTagInfos, jsDocs) => {
      const module = moduleOf(fileCheckedInfo.currentFileName);
      const syscap = (jsDocTagInfos.find((t) => t.name === 'syscap') || {}).text;
      const declaration = jsDocs && jsDocs[0] && jsDocs[0].parent;
      if (!module || !module.checkSyscaps || syscap === undefined || (declaration && ts.isModuleDeclaration(declaration)) ||
        module.intersection.has(syscap)) {
        return { valid: true };
      }
      const message = module.union.has(syscap) ? SYSCAP_USE_CANIUSE : SYSCAP_NOT_EVERYWHERE;
      return { valid: false, type: ts.DiagnosticCategory.Warning, message };
    },
  };
}

module.exports = { jsDocCheckHost, permissionSatisfied };
