// Bundles the extension. `--production` minifies and drops source maps (the VSIX ships no maps);
// development builds keep them for debugging.
// dist/extension.js (what activation loads: the view and placeholder commands) and lazily required bundles:
// start.js (the extension itself: tree, store, features) right after activation or on first use,
// liveConnection.js (MSAL, undici, the client) on the first command that needs Partner Center, and the
// flows of feature commands on their first use, so activation stays cheap.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

/**
 * Modules required on first use, each its own bundle in dist/, so activation loads none of them: the
 * connection (MSAL, undici) and the feature flows behind a command. `require('./<name>')` in the source
 * stays a runtime require of `./<name>.js` (except inside the module's own bundle).
 */
const lazyModules = {
  start: 'src/start.ts',
  liveConnection: 'src/vscode/connection/liveConnection.ts',
  requestQualification: 'src/vscode/requests/requestQualification.ts',
  exportReport: 'src/vscode/reports/exportReport.ts',
  tools: 'src/vscode/agentTools/tools.ts',
};
const lazyConnection = {
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^\\./(${Object.keys(lazyModules).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      const name = args.path.slice(2);
      return args.importer.replace(/\\/g, '/').endsWith(lazyModules[name].slice(3)) ? undefined : { path: `./${name}.js`, external: true };
    });
  },
};

/**
 * One `vscode` namespace for the whole bundle: esbuild turns each module's `import * as vscode` of the external
 * CommonJS `vscode` into its own __toESM copy, a getter for every one of the API's hundreds of names, a dozen
 * times over at load. Routing every import through one ES module that re-exports `vscode` copies them once.
 */
const oneVscode = {
  name: 'one-vscode',
  setup(build) {
    // `import vscode = require('vscode')` (the activation shell's modules) stays a plain require: no copy at all
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' || args.kind === 'require-call' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

await esbuild.build({
  entryPoints: { extension: 'src/extension.ts', ...lazyModules },
  bundle: true,
  outdir: 'dist',
  external: ['vscode'],
  plugins: [lazyConnection, oneVscode],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
});
