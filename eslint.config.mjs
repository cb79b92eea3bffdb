// Lint (CI runs `npm run lint`): TypeScript's recommended rules and Next.js's own over the whole repository, React's
// hooks rules over the React code. Generated code and build output are not ours to lint.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import nextPlugin from '@next/eslint-plugin-next'

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'reports/**',
      'prisma/generated/**',
      'lib/server/db/generated/**',
      'next-env.d.ts',
      'data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // TypeScript knows what is defined (typescript-eslint's advice); the .mjs files run on Node
      'no-undef': 'off',
      // a leading underscore says "unused on purpose"
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `catch {}` where a failure changes nothing (storage full or disabled) says so in a comment
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // the hooks rules read any `use…` function as a hook: only React code has hooks
    files: ['app/**/*.tsx', 'components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // the preset as it is, React Compiler's rules included: refs, set-state-in-effect and static-components are errors
    // since issue 18 (a value only the browser knows comes through useSyncExternalStore: components/use-hydrated.ts)
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // layers (docs: README, "How the code is layered"): a component never reaches into a route; a page or layout
    // hands it the server action it needs as a prop. Types may cross, values may not.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)app(/|$)',
              allowTypeImports: true,
              message: 'components never import app/: take the server action as a prop from the page or layout that renders the component.',
            },
          ],
        },
      ],
    },
  },
  {
    // lib/server is server-only (env, db, auth, data access); the rest of lib runs anywhere and stays below it.
    // lib/cli is exempt: it is the `kubelab` command (bin/kubelab.ts), an entry point beside app/, above lib/server.
    // lib/testing is exempt too: its helpers serve tests, and tests are entry points (db.ts opens databases through
    // lib/server); it has no index, so a test that imports none of its server helpers loads no server code.
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/server/**', 'lib/cli/**', 'lib/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/lib/server|(\\.\\.?/)+(lib/)?server)(/|$)',
              allowTypeImports: true,
              message: 'only lib/server (and the routes and CLI above it) imports lib/server.',
            },
          ],
        },
      ],
    },
  },
  {
    // One import style in lib/: relative paths with their extension (Node's own resolution, which the CLI, the worker
    // bundles and `node --import tsx` scripts share), never Next's `@/` alias. app/ and components/ use `@/`.
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^@/', message: 'lib/ imports by relative path (with its extension), not through the @/ alias.' },
            {
              regex: '^\\.\\.?/(?!.*\\.(ts|tsx|mjs|js|json|css)$)',
              message: 'a relative import in lib/ names its file with the extension (.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // app/ and components/ are bundled by Next.js (and by esbuild for the workers): one style there too, `@/` or a
    // relative path without the .ts/.tsx extension.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.|@/).*\\.tsx?$', message: 'app/ and components/ import without the .ts/.tsx extension.' }] },
      ],
    },
  },
)
