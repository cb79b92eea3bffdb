import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or esbuild-driven packages stay as Node modules on the server instead of being bundled; piscina starts
  // worker threads from its own files (the grading pool, ADR 0013).
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg', 'mdx-bundler', 'esbuild', 'piscina'],
  // Types are checked by `npm run typecheck` in CI, once for the whole repository, not again inside every build.
  typescript: { ignoreBuildErrors: true },
}

export default withNextIntl(nextConfig)
