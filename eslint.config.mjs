import tseslint from 'typescript-eslint';

// The seam for untrusted text (README, "Contributing: untrusted text"): the VS Code surfaces that render
// links, icons or markdown are reached only through src/vscode/display, whose functions take Shown/Markdown.
const WINDOW_DOORS = 'withProgress|showInformationMessage|showWarningMessage|showErrorMessage|showQuickPick|createQuickPick|showInputBox|createInputBox|createStatusBarItem|setStatusBarMessage';
const MARKDOWN_DOORS = 'appendMarkdown|appendText|appendCodeblock';
const seam = 'Untrusted text reaches the UI through src/vscode/display (Shown/Markdown from src/core/display/safeText.ts).';
const doors = [
  { selector: `MemberExpression[object.name='window'][property.name=/^(${WINDOW_DOORS})$/]`, message: seam },
  { selector: `MemberExpression[object.property.name='window'][property.name=/^(${WINDOW_DOORS})$/]`, message: seam },
  { selector: "VariableDeclarator[init.property.name='window'] > ObjectPattern, VariableDeclarator[init.name='window'] > ObjectPattern, ImportSpecifier[imported.name='window']", message: seam },
  { selector: `MemberExpression[property.name=/^(${MARKDOWN_DOORS})$/]`, message: seam },
  { selector: "NewExpression[callee.name='MarkdownString'], NewExpression[callee.property.name='MarkdownString'], ImportSpecifier[imported.name='MarkdownString']", message: seam },
];
const brands = [
  { selector: "TSAsExpression > TSTypeReference[typeName.name=/^(Shown|Markdown)$/], TSTypeAssertion > TSTypeReference[typeName.name=/^(Shown|Markdown)$/], TSAsExpression > TSIntersectionType > TSTypeReference[typeName.name=/^(Shown|Markdown)$/]", message: 'Only the display functions make Shown or Markdown text: use plainText, markdownText, the text/md tags or l10n.t of src/vscode/display.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.ci/**', 'artifacts/**', 'test/harness/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/vscode/display/**', 'src/core/display/safeText.ts'],
    rules: { 'no-restricted-syntax': ['error', ...doors, ...brands] },
  },
  {
    // The core never imports vscode at run time (a type-only import is fine).
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core must not depend on vscode', allowTypeImports: true }] }],
    },
  },
);
