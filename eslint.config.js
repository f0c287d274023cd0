import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer rule (DESIGN.md §11): arrows point inward. core imports no I/O and no outer layer; contracts only
// core; services no edge (api, cli, web).
const NODE_IO = ['node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process', 'os', 'crypto', 'worker_threads', 'process'];
const layer = (name, forbidden, extra = []) => ({
  files: [`src/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((outer) => ({
            group: [`**/${outer}/*`, `**/${outer}`],
            message: `src/${name} must not import src/${outer}: dependencies point inward (DESIGN.md §11).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'coverage/**', 'src/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['bin/**/*.js', '*.js'], languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through src/config.ts only.' },
      ],
    },
  },
  layer('core', ['contracts', 'db', 'services', 'api', 'cli', 'web'], [
    { group: NODE_IO, message: 'src/core is pure: no I/O, clock or randomness (DESIGN.md §11).' },
    { group: ['pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'commander', 'zod'], message: 'src/core is pure: no I/O libraries or edge validation.' },
  ]),
  layer('contracts', ['db', 'services', 'api', 'cli', 'web']),
  layer('db', ['services', 'api', 'cli', 'web']),
  layer('services', ['api', 'cli', 'web']),
  layer('api', ['cli', 'web']),
  layer('cli', ['api', 'web']),
  // The dashboard bundles only the pure core; contracts only for their types (zod stays out of the bundle).
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', fetch: 'readonly', ResizeObserver: 'readonly' } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['db', 'services', 'api', 'cli'].map((outer) => ({
              group: [`**/${outer}/*`, `**/${outer}`],
              message: `src/web may import only src/core (and types from src/contracts), not src/${outer} (DESIGN.md §11).`,
            })),
            { group: ['**/contracts/*'], allowTypeImports: true, message: 'src/web may import only types from src/contracts: zod stays out of the browser bundle.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto'], message: 'src/web runs in the browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core is pure.' },
        { name: 'fetch', message: 'src/core is pure.' },
        { name: 'setTimeout', message: 'src/core is pure.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core takes `now` as a parameter.' },
        { object: 'Math', property: 'random', message: 'src/core takes seeds as parameters.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core takes `now` as a parameter.' },
        { selector: "MemberExpression[object.name='process']", message: 'src/core is pure.' },
      ],
    },
  },
  {
    files: ['src/config.ts', 'bench/**', 'test/**', 'src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
