import { describe, expect, it } from 'vitest'
import { publicOrigin } from './public-origin.ts'

const headers = (values: Record<string, string>) => new Headers(values)

describe('the public origin of links people share', () => {
  it('uses the proxy’s forwarded host and proto, not the upstream Host', () => {
    expect(
      publicOrigin(headers({ host: 'localhost:3000', 'x-forwarded-host': 'kubelab.example.org', 'x-forwarded-proto': 'https' }), undefined),
    ).toBe('https://kubelab.example.org')
  })

  it('takes the first of several forwarded values (proxies append)', () => {
    expect(
      publicOrigin(headers({ 'x-forwarded-host': 'learn.example.org, internal:3000', 'x-forwarded-proto': 'https, http' }), undefined),
    ).toBe('https://learn.example.org')
  })

  it('uses Host when nothing is forwarded, and keeps its port', () => {
    expect(publicOrigin(headers({ host: 'classroom.local:8080' }), undefined)).toBe('http://classroom.local:8080')
    expect(publicOrigin(headers({ host: '192.168.0.12:3000' }), undefined)).toBe('http://192.168.0.12:3000')
    expect(publicOrigin(headers({ host: '[::1]:3000' }), undefined)).toBe('http://[::1]:3000')
  })

  it('lets a configured PUBLIC_URL win over every header', () => {
    expect(
      publicOrigin(
        headers({ host: 'localhost:3000', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' }),
        'https://kubelab.school.kr',
      ),
    ).toBe('https://kubelab.school.kr')
  })

  it.each([
    ['a path', 'evil.example/phish'],
    ['credentials', 'user@evil.example'],
    ['a second URL', 'evil.example#@good.example'],
    ['a line break', 'good.example\r\nSet-Cookie: x=1'],
    ['a scheme', 'javascript:alert(1)'],
    ['a space', 'good.example evil.example'],
    ['quotes', '"><script>'],
    ['a port out of range', 'good.example:99999'],
  ])('ignores a forwarded host with %s and falls back to Host', (_, forged) => {
    const source = { get: (name: string) => (name === 'x-forwarded-host' ? forged : name === 'host' ? 'kubelab.example.org' : null) }
    expect(publicOrigin(source, undefined)).toBe('http://kubelab.example.org')
  })

  it('ignores a proto other than http or https', () => {
    expect(publicOrigin(headers({ host: 'kubelab.example.org', 'x-forwarded-proto': 'javascript' }), undefined)).toBe(
      'http://kubelab.example.org',
    )
  })

  it('names this server on its port when no header is usable', () => {
    expect(publicOrigin(headers({}), undefined, 4000)).toBe('http://localhost:4000')
    expect(publicOrigin({ get: (name) => (name === 'host' ? 'bad host' : null) }, undefined)).toBe('http://localhost:3000')
  })
})
