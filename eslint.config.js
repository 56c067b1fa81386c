import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Import boundaries of DESIGN.md: which folders may import which. */
const boundary = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

/**
 * shared/ is pure (DESIGN.md): it may import zod and its own files, nothing else. An allow-list
 * rather than a list of banned names, so a new library or Node module is refused too. A
 * relative path may climb only as far as shared/ itself, which depends on how deep the file
 * is: one block per depth, the later one winning for the files it matches.
 */
const SHARED_ALLOWED_MESSAGE = 'shared/ is pure: it imports only zod and files of shared/';
function sharedImportRules(maxDepth = 4) {
  return Array.from({ length: maxDepth + 1 }, (_unused, depth) => ({
    // Depth 0 covers every file of shared/ (deeper than maxDepth too); deeper blocks then allow
    // as many '../' as their files are deep.
    files: [depth === 0 ? 'shared/**/*.ts' : `shared/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // Neither zod nor a relative path: a library, a Node module, an alias.
            { regex: '^(?!zod$|\\.\\.?/)', message: SHARED_ALLOWED_MESSAGE },
            // Climbs above shared/: more '../' at the start than the file is deep.
            { regex: `^(?:\\.\\./){${depth + 1},}`, message: SHARED_ALLOWED_MESSAGE },
            // A '..' after a folder name ('./a/../../x') is read the long way round: refused.
            { regex: '[^./]/\\.\\.(?:/|$)', message: SHARED_ALLOWED_MESSAGE },
          ],
        },
      ],
    },
  }));
}

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
  ...sharedImportRules(),
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
      'renderer/src/features/reports/ReportSignature.tsx',
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
