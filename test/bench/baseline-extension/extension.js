// The physical floor for scenario 4 of the benchmark: one tree view and as many commands as the real
// extension contributes, nothing else (no output channel, no settings read, no state). Plain CommonJS,
// no bundle: its require + activate is the least any extension of this shape can cost.
'use strict';
const vscode = require('vscode');

const COMMANDS = 13; // = contributes.commands in package.json (the benchmark checks both against ours)

function activate(context) {
  const provider = { getChildren: () => [], getTreeItem: (e) => e };
  context.subscriptions.push(vscode.window.createTreeView('pcqBaseline.tenants', { treeDataProvider: provider }));
  for (let i = 1; i <= COMMANDS; i++) context.subscriptions.push(vscode.commands.registerCommand(`pcqBaseline.command${i}`, () => undefined));
}

module.exports = { activate, COMMANDS };
