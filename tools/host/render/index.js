// SPDX-License-Identifier: Apache-2.0
// Plugs host rendering into the require hook (register.js): registers the struct transform for .ets files
// and installs the runtime (`__ark`) and the ArkUI UI globals that transformed components use.
'use strict';
const { renderTransformer } = require('./transform');
const { installUiGlobals } = require('./ui-globals');
require('./runtime');

/** Adds the render transform to register.js's `transformers` (once) and defines the UI globals. */
function install(transformers) {
  if (!transformers.includes(renderTransformer)) transformers.push(renderTransformer);
  installUiGlobals();
}

module.exports = { install };
