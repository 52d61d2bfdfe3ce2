// ESLint for the whole project (`npm run check:lint`): typescript-eslint's strict type-aware rules
// on every TypeScript module and on the frontmatter scripts of .astro files. Kept in tests/ so the
// top level stays as the client asked; `--config` makes the patterns relative to the project root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      '.astro/**',
      'bench/**',
      'node_modules/**',
      'tests/artifacts/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: new URL('..', import.meta.url).pathname,
        extraFileExtensions: ['.astro'],
      },
    },
    rules: {
      // Template literals with numbers are how the site formats counts and pages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => element.remove()` reads better than braces; a void in a value position still fails.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Spreading a string yields code points, which is the unit the split's fidelity check and the
      // search count in; grapheme clusters would be wrong for them.
      '@typescript-eslint/no-misused-spread': 'off',
      // `_name` marks a value left out on purpose (e.g. a key dropped by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A test that reaches past a missing value fails on the spot, which is what a test should do.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Plain JavaScript runs in Node (config files, the install-free start script).
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // `astro check` type-checks .astro files; the type-aware rules cannot see Astro's template types
    // and report every expression in markup as an unsafe `any`.
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      // Astro reads a component's `Props` type itself.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^(_|Props$)' }],
    },
  },
);
