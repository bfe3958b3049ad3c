import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Platform-free code: the domain must run unchanged in Node, the browser, a worker and Electron. */
const sharedRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'buffer'],
          message: 'shared/ is platform-free: no Node imports.',
        },
        { group: ['electron', 'electron/*'], message: 'shared/ is platform-free: no Electron imports.' },
        {
          group: ['react', 'react-dom', 'react-dom/*', 'dexie', 'dexie-react-hooks', 'zustand'],
          message: 'shared/ is platform-free: no UI or storage imports.',
        },
        {
          group: ['**/renderer/**', '**/electron/**', '**/cli/**'],
          message: 'shared/ must not depend on the layers above it.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'window', message: 'shared/ has no DOM.' },
    { name: 'document', message: 'shared/ has no DOM.' },
    { name: 'localStorage', message: 'shared/ has no DOM.' },
    { name: 'process', message: 'shared/ has no Node.' },
    { name: 'Buffer', message: 'shared/ has no Node: use Uint8Array.' },
    { name: 'require', message: 'shared/ has no Node.' },
    { name: '__dirname', message: 'shared/ has no Node.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist-web',
      'release',
      'test-results',
      'playwright-report',
      'test/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: sharedRestrictions,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not run the React Compiler; its notice about TanStack Virtual is not a problem here.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'electron', 'electron/*'],
              message: 'The renderer has no Node or Electron: go through DesktopApi.',
            },
          ],
        },
      ],
    },
  },
);
