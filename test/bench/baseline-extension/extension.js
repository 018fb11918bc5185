// The physical floor for scenario 4 of the benchmark: one tree view and as many commands and language model
// tools as the real extension registers at activation, nothing else (no output channel, no settings read,
// no state). Plain CommonJS, no bundle: its require + activate is the least any extension of this shape can
// cost. `viewAndCommands` is the floor as the issue first put it (no tools), reported beside it.
'use strict';
const vscode = require('vscode');

// = contributes.commands and contributes.languageModelTools of ours (the benchmark checks both) and here
const COMMANDS = 20;
const TOOLS = 2;

function viewAndCommands(context) {
  const provider = { getChildren: () => [], getTreeItem: (e) => e };
  context.subscriptions.push(vscode.window.createTreeView('pcqBaseline.tenants', { treeDataProvider: provider }));
  for (let i = 1; i <= COMMANDS; i++) context.subscriptions.push(vscode.commands.registerCommand(`pcqBaseline.command${i}`, () => undefined));
}

function activate(context) {
  viewAndCommands(context);
  // like ours, only where VS Code has the API
  if (typeof vscode.lm?.registerTool === 'function') {
    for (let i = 1; i <= TOOLS; i++) context.subscriptions.push(vscode.lm.registerTool(`pcqBaseline_tool${i}`, { invoke: () => undefined }));
  }
}

module.exports = { activate, viewAndCommands, COMMANDS, TOOLS };
