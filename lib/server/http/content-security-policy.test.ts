import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createNonce, pagePolicy, scriptHash, servedOverTls, themeScriptHash } from './content-security-policy.ts'
import { themeScript } from './theme-script.ts'

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]))

describe('the page Content-Security-Policy', () => {
  it('allows scripts by this response’s nonce and the theme script’s hash, and trusts what they load', () => {
    const p = directives(pagePolicy({ nonce: 'abc123' }))
    expect(p.get('script-src')).toEqual(["'self'", "'nonce-abc123'", themeScriptHash, "'strict-dynamic'"])
    expect(p.get('script-src')).not.toContain("'unsafe-inline'")
    expect(p.get('script-src')).not.toContain("'unsafe-eval'")
  })

  it('hashes the theme script exactly as the browser will (sha256 of its text, base64)', () => {
    expect(themeScriptHash).toBe(`'sha256-${createHash('sha256').update(themeScript).digest('base64')}'`)
    expect(scriptHash('a')).not.toBe(scriptHash('a '))
  })

  it('forbids framing, plugins, <base> and posting forms elsewhere; workers come from this origin', () => {
    const p = directives(pagePolicy({ nonce: 'n' }))
    expect(p.get('frame-ancestors')).toEqual(["'none'"])
    expect(p.get('object-src')).toEqual(["'none'"])
    expect(p.get('base-uri')).toEqual(["'none'"])
    expect(p.get('form-action')).toEqual(["'self'"])
    expect(p.get('worker-src')).toEqual(["'self'"])
    expect(p.get('connect-src')).toEqual(["'self'"])
    expect(p.get('default-src')).toEqual(["'self'"])
  })

  it('asks for upgrades only over TLS, and allows eval only in development', () => {
    expect(pagePolicy({ nonce: 'n' })).not.toContain('upgrade-insecure-requests')
    expect(pagePolicy({ nonce: 'n', https: true })).toMatch(/; upgrade-insecure-requests$/)
    expect(directives(pagePolicy({ nonce: 'n', development: true })).get('script-src')).toContain("'unsafe-eval'")
  })

  it('serves a prerendered page with the hashes of its inline scripts instead of a nonce, and no strict-dynamic', () => {
    const inline = scriptHash('self.__next_f.push([1,"x"])')
    const p = directives(pagePolicy({ inlineScriptHashes: [inline] }))
    // 'strict-dynamic' would ignore 'self', and Next's chunk <script src> tags in the document carry no nonce
    expect(p.get('script-src')).toEqual(["'self'", inline, themeScriptHash])
    expect(p.get('script-src')).not.toContain("'unsafe-inline'")
    expect(() => pagePolicy({})).toThrow(/nonce or the hashes/)
  })

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce))
    expect(nonces.size).toBe(100)
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16)
  })

  it('reads TLS from the first X-Forwarded-Proto value', () => {
    expect(servedOverTls('https')).toBe(true)
    expect(servedOverTls('HTTPS, http')).toBe(true)
    expect(servedOverTls('http')).toBe(false)
    expect(servedOverTls(null)).toBe(false)
  })
})
