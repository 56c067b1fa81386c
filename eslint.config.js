import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Import boundaries of DESIGN.md: which folders may import which. */
const boundary = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'out',
      'dist',
      '.tools',
      '.data',
      'scratch',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary(
      [
        '**/renderer/**',
        '**/server/**',
        '**/electron/**',
        'node:*',
        'fs',
        'path',
        'electron',
        'react',
        'pg',
      ],
      'shared/ is pure: no other layer, no Node, no DOM, no I/O',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary(
        ['**/electron/**', '**/server/**', 'node:*', 'electron'],
        'renderer/ runs in any Chromium: no electron/, server/ or Node imports',
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: boundary(
      ['**/renderer/**', '**/server/**'],
      'electron/ never imports renderer/ or server/',
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: boundary(
      ['**/renderer/**', '**/electron/**'],
      'server/ never imports renderer/ or electron/',
    ),
  },
);
