// ESLint flat config: typescript-eslint's recommended rules, plus the layer rule of STYLE.md:
// the domain imports nothing from Nest, TypeORM, Pulsar or the messaging infrastructure.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '#seedwork',
              message: "Import the domain building blocks from '#seedwork/domain': '#seedwork' loads Nest and TypeORM.",
            },
          ],
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pulsar-client', 'mysql2', 'mysql2/*', 'better-sqlite3', 'express'],
              message: 'The domain layer is free of frameworks and I/O (STYLE.md).',
            },
            {
              group: ['**/infrastructure/**', '**/messaging/**', '**/persistence/**', '**/http/**'],
              message: 'The domain layer does not depend on outer layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
