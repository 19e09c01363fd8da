// Lint: typescript-eslint's recommended rules on src/, test/ and the configs. Formatting is
// prettier's job (npm run format), import direction is dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'results/**', 'coverage/**', 'docs/api/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', performance: 'readonly', URL: 'readonly' },
    },
    rules: {
      // tsc (noUnusedLocals/Parameters) already reports these, with the same meaning.
      '@typescript-eslint/no-unused-vars': 'off',
      // With noUncheckedIndexedAccess, `xs[i]!` is the honest way to say "in range by construction".
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // CommonJS configs (.dependency-cruiser.cjs): dependency-cruiser reads them with require().
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
);
