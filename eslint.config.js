// Lint rules: typescript-eslint's recommended set everywhere, plus the purity rules of the
// sans-IO core (src/proto/**): no Node modules, no timers, no clock, no ambient randomness, no async.
import tseslint from 'typescript-eslint';

const impure = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
  'clearImmediate', 'queueMicrotask', 'Date', 'performance', 'crypto', 'process', 'Buffer', 'fetch'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'bin/**', 'docs/api/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/proto/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impure.map((name) => ({ name, message: 'src/proto is sans-IO: inject it instead.' }))],
      // scripts/check-proto-purity.mjs also checks that every import stays inside src/proto.
      'no-restricted-imports': ['error', {
        paths: ['fs', 'net', 'dgram', 'crypto', 'os', 'path', 'timers', 'events', 'stream', 'util'],
        patterns: [{ group: ['node:*'], message: 'src/proto imports nothing from Node.' }],
      }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the injected RandomSource.' }],
      'no-restricted-syntax': ['error',
        { selector: 'FunctionDeclaration[async=true], FunctionExpression[async=true], ArrowFunctionExpression[async=true]', message: 'src/proto is synchronous.' },
        { selector: 'AwaitExpression', message: 'src/proto is synchronous.' },
        { selector: "NewExpression[callee.name='Promise']", message: 'src/proto is synchronous.' }],
    },
  },
);
