// Bundles the extension. `--production` minifies and drops source maps (the VSIX ships no maps);
// development builds keep them for debugging.
// Two files: dist/extension.js (tree, commands: what activation loads) and dist/liveConnection.js (MSAL,
// undici, the client), required on the first command that needs Partner Center, so activation stays cheap.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

/** Leaves `import('./liveConnection')` in src/vscode/connection.ts as a runtime require of the second bundle. */
const lazyConnection = {
  name: 'lazy-connection',
  setup(build) {
    build.onResolve({ filter: /^\.\/liveConnection$/ }, (args) =>
      args.importer.endsWith('connection.ts') && !args.importer.endsWith('liveConnection.ts') ? { path: './liveConnection.js', external: true } : undefined);
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
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

await esbuild.build({
  entryPoints: { extension: 'src/extension.ts', liveConnection: 'src/vscode/liveConnection.ts' },
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
