// Lint rules. The layer rules mirror docs/ARCHITECTURE.md: src/core is pure, the sidebar only talks to
// the server through google.script.run, and nothing outside the build uses CommonJS require.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const appsScriptServices = [
  'SpreadsheetApp',
  'HtmlService',
  'PropertiesService',
  'CacheService',
  'LockService',
  'Session',
  'Utilities',
  'ScriptApp',
  'Charts',
  'Logger',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }],
      'no-console': 'off',
      // Prettier wraps code at 110; what it cannot wrap (strings, comments) is split by hand within 120.
      // A formula's @param line is Sheets' formula help, copied into Code.js as written: it may run longer.
      'max-len': ['error', { code: 120, ignoreUrls: true, ignorePattern: '^\\s*\\* @param ' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...appsScriptServices.map((name) => ({
          name,
          message: 'src/core is pure: no Apps Script services.',
        })),
      ],
    },
  },
  {
    files: ['src/sidebar/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...appsScriptServices.map((name) => ({ name, message: 'The sidebar runs in the browser.' })),
        { name: 'alert', message: 'Show errors in the sidebar, never alert().' },
      ],
    },
  },
  {
    // The server functions' own types are the wire's contract: a cast here would hide a mismatch.
    files: ['src/ui/rpc.ts', 'src/ui/rpc-*.ts', 'src/ui/wire.ts', 'src/sidebar/rpc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression, TSTypeAssertion',
          message:
            'No cast across the RPC boundary: type the server function instead (docs/ARCHITECTURE.md).',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'dev/**/*.ts', 'test/**/*.ts', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/sidebar/**/*.ts', 'dev/playground/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
