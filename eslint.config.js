import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// House rule: kebab-case file names (middle extensions such as .test or .spec are allowed).
const kebabCase = {
  meta: { type: 'suggestion', schema: [], messages: { bad: 'File name "{{name}}" must be kebab-case.' } },
  create(context) {
    const name = context.filename.split(/[\\/]/).pop() ?? '';
    const stem = name.split('.')[0] ?? '';
    return {
      Program(node) {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem)) context.report({ node, messageId: 'bad', data: { name } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { house: { rules: { 'kebab-case': kebabCase } }, 'react-hooks': reactHooks },
    rules: {
      'house/kebab-case': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The core is pure TypeScript: no React, no TanStack, nothing from the UI zones.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'], message: 'src/core must stay pure TypeScript.' },
            { group: ['**/features/**', '**/app/**', '**/cli/**'], message: 'src/core must not import from features, app or cli.' },
          ],
        },
      ],
    },
  },
  {
    // Features build on the core, never on the app shell.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**'], message: 'features must not import from src/app.' }] },
      ],
    },
  },
);
