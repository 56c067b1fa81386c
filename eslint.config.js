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
    // Words on screen come from the message catalogues (id, en); the printed RAKORDA report is
    // an Indonesian document and keeps its own texts in features/reports.
    files: ['renderer/src/**/*.tsx'],
    ignores: [
      'renderer/src/features/reports/RakordaDocument.tsx',
      'renderer/src/features/reports/RegionalBriefingDocument.tsx',
      'renderer/src/features/reports/ExecutiveSummary.tsx',
      'renderer/src/features/reports/ReportTableView.tsx',
      'renderer/src/features/reports/TrendChart.tsx',
      'renderer/src/features/reports/HorizontalBarChart.tsx',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/\\p{L}{2,}/u]',
          message: 'UI text belongs in the message catalogues (i18n/messages-*.ts)',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt)$/] > Literal[value=/\\p{L}{2,}/u]',
          message: 'UI text belongs in the message catalogues (i18n/messages-*.ts)',
        },
      ],
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
