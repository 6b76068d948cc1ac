// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Bare Node built-in names (exact matches; 'node:*' covers the prefixed form). */
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'stream', 'http', 'https', 'net', 'url', 'util', 'events', 'worker_threads', 'buffer', 'zlib'];

/** Layering (docs/architecture.md §1): shared is pure; main and renderer never import each other. */
const layer = (/** @type {string[]} */ patterns, /** @type {string} */ why, /** @type {string[]} */ paths = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message: why })), patterns: [{ group: patterns, message: why }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**', 'models/export/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The first tsconfig that includes a file types it: shared code without DOM or Node types.
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.main.json', './tsconfig.renderer.json', './tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: layer(
      ['electron', 'electron/*', 'node:*', '**/src-main/**', '**/src-renderer/**', 'react', 'react-dom', 'three', '@react-three/*', 'ws', 'onnxruntime-node', 'fluent-ffmpeg'],
      'src-shared is pure: it imports only itself and pure libraries (zod).',
      NODE_BUILTINS,
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    rules: layer(['**/src-renderer/**', 'react', 'react-dom', '@react-three/*'], 'src-main never imports the renderer.'),
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(['**/src-main/**', 'electron', 'electron/*', 'node:*', 'onnxruntime-node', 'fluent-ffmpeg', 'ws'], 'src-renderer talks to the services only through the IPC contract.', NODE_BUILTINS),
    },
  },
  {
    // Only the session module loads onnxruntime-node; only the media module spawns ffmpeg (docs/architecture.md §1).
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/onnx-runtime/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-renderer/**', 'react', 'react-dom', '@react-three/*'], message: 'src-main never imports the renderer.' },
          { group: ['onnxruntime-node'], message: 'Only src-main/onnx-runtime imports onnxruntime-node.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/media/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='fluent-ffmpeg']", message: 'Only src-main/media runs ffmpeg.' },
        { selector: "ImportDeclaration[source.value=/^(node:)?child_process$/]", message: 'Only src-main/media spawns processes.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
