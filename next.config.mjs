import createNextIntlPlugin from 'next-intl/plugin'
import { securityHeaders, strictTransportSecurity } from './lib/server/http/security-headers.mjs'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

// Server-action bodies: the same limit as lib/server/http/server-action-request.ts (next-config.test.ts keeps
// them equal). proxy.ts answers 413 above it; Next.js would answer 500.
const serverActionBodyLimit = 1024 * 1024

/**
 * Hosts server actions may come from besides the request's own: the host of PUBLIC_URL, for a reverse proxy that
 * forwards neither the public Host nor X-Forwarded-Host (proxy.ts accepts PUBLIC_URL's origin the same way).
 */
export function serverActionOrigins(publicUrl) {
  try {
    return publicUrl ? [new URL(publicUrl).host] : []
  } catch {
    return [] // the env check stops the start with a readable line
  }
}

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The container image (Dockerfile) runs Next's standalone server: `.next/standalone/server.js` with only the
  // node_modules the server traces. Only when building the image, so `npm start` keeps using `next start` (ADR 0016).
  ...(process.env.KUBELAB_STANDALONE === '1' ? { output: 'standalone' } : {}),
  reactStrictMode: true,
  // proxy.ts rewrites every page to app/[locale]/… (ADR 0018). Without this, Next.js gives the proxy a URL on
  // `localhost` while judging rewrites against the host it listens on (`-H 127.0.0.1`, `HOSTNAME=0.0.0.0`): the two
  // differ, and an internal rewrite turns into an external proxy hop through the proxy again.
  skipProxyUrlNormalize: true,
  poweredByHeader: false,
  // Next.js would hash every page's whole body for an ETag on every request: a quarter of the CPU a prerendered lesson
  // costs (104 KB, measured with --cpu-prof; docs/benchmarks.md). Pages change only with a deploy and are fetched
  // compressed; the static files under /_next/static keep their immutable caching.
  generateEtags: false,
  // Native or esbuild-driven packages stay as Node modules on the server instead of being bundled; piscina starts
  // worker threads from its own files (the grading pool, ADR 0013).
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    'pg',
    '@prisma/adapter-pg',
    'mdx-bundler',
    'esbuild',
    'piscina',
    'rate-limiter-flexible',
    'ioredis',
    'pino',
    'prom-client',
  ],
  // Types are checked by `npm run typecheck` in CI, once for the whole repository, not again inside every build.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Next.js's own origin check for server actions stays on; proxy.ts adds the size, shape and missing-Origin
    // checks in front of it.
    serverActions: { bodySizeLimit: serverActionBodyLimit, allowedOrigins: serverActionOrigins(process.env.PUBLIC_URL) },
    // The proxy buffers a page POST to check it. Past this cap Next.js keeps what it read up to the chunk that
    // crossed it, so the cap is twice the limit: whatever is kept of a larger body is still over the limit (413).
    proxyClientMaxBodySize: 2 * serverActionBodyLimit,
    // forbidden() and app/forbidden.tsx
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: apiContentSecurityPolicy }] },
      // HSTS only where the browser reached Kubelab over TLS (a proxy says so); over plain http it means nothing.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https(\\s*,.*)?' }],
        headers: [strictTransportSecurity],
      },
    ]
  },
}

export default withNextIntl(nextConfig)
