import { describe, expect, it } from 'vitest'
import nextConfig, { apiContentSecurityPolicy, serverActionOrigins } from '../../../next.config.mjs'
import { serverActionBodyLimit } from './server-action-request.ts'

type Header = { key: string; value: string }
type Rule = { source: string; has?: { type: string; key: string; value?: string }[]; headers: Header[] }

const rules = (await nextConfig.headers!()) as Rule[]
const valueOf = (source: string, key: string, withHas = false) =>
  rules.find((r) => r.source === source && !!r.has === withHas && r.headers.some((h) => h.key === key))?.headers.find((h) => h.key === key)
    ?.value

describe('next.config.mjs', () => {
  it('limits server-action bodies to what proxy.ts checks', () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(serverActionBodyLimit)
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(2 * serverActionBodyLimit)
  })

  it('lets server actions come from PUBLIC_URL’s host too, and from nowhere else', () => {
    expect(serverActionOrigins('https://kubelab.example.org')).toEqual(['kubelab.example.org'])
    expect(serverActionOrigins('http://10.0.0.5:8080')).toEqual(['10.0.0.5:8080'])
    expect(serverActionOrigins(undefined)).toEqual([])
    expect(serverActionOrigins('not a url')).toEqual([])
  })

  it('sends the security headers on every path', () => {
    expect(valueOf('/:path*', 'X-Content-Type-Options')).toBe('nosniff')
    expect(valueOf('/:path*', 'Referrer-Policy')).toMatch(/^(same-origin|strict-origin-when-cross-origin|no-referrer)$/)
    expect(valueOf('/:path*', 'Permissions-Policy')).toContain('camera=()')
    expect(valueOf('/:path*', 'X-Frame-Options')).toBe('DENY')
  })

  it('gives API routes a policy that allows nothing and no framing', () => {
    expect(valueOf('/api/:path*', 'Content-Security-Policy')).toBe(apiContentSecurityPolicy)
    expect(apiContentSecurityPolicy).toContain("default-src 'none'")
    expect(apiContentSecurityPolicy).toContain("frame-ancestors 'none'")
  })

  it('sends HSTS only when a proxy says the browser came over TLS', () => {
    const hsts = rules.find((r) => r.headers.some((h) => h.key === 'Strict-Transport-Security'))!
    expect(hsts.has).toEqual([{ type: 'header', key: 'x-forwarded-proto', value: expect.any(String) }])
    const matches = (value: string) => new RegExp(`^${hsts.has![0]!.value}$`).test(value)
    expect(matches('https')).toBe(true)
    expect(matches('https, http')).toBe(true)
    expect(matches('http')).toBe(false)
    expect(matches('http, https')).toBe(false)
  })
})
