// SPDX-License-Identifier: Apache-2.0
// What every rule file of the checker returns for one source file, and the one way they add to it: a problem
// at the first character of a node, as { line, col (both 1-based), rule, message, severity }.
'use strict';

/** A fresh problem list for `sf` and `report(node, rule, message, severity = 'error')` that adds to it. */
function ruleProblems(sf) {
  const problems = [];
  const report = (node, rule, message, severity) => {
    const lc = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    problems.push({ line: lc.line + 1, col: lc.character + 1, rule, message, severity: severity || 'error' });
  };
  return { problems, report };
}

module.exports = { ruleProblems };
