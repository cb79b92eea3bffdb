import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  addressKey,
  clientAddress,
  installClientAddressStamp,
  normalizeAddress,
  peerHeader,
  stampFor,
  unknownAddress,
} from './client-address.ts'
import { formatRate, parseBackoff, parseDuration, parseRate } from './spec.ts'

describe('the client address', () => {
  it('is the socket’s, stamped by this process; a client’s X-Forwarded-For or forged stamp changes nothing', async () => {
    installClientAddressStamp()
    const seen: string[] = []
    const server = createServer((req, res) => {
      seen.push(clientAddress(new Headers(req.headers as Record<string, string>), false))
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      await fetch(`http://127.0.0.1:${port}/`)
      await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '198.51.100.7', [peerHeader]: 'guess 198.51.100.8' } })
    } finally {
      server.close()
    }
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1'])
  })

  it('is the first X-Forwarded-For entry only with TRUST_PROXY', () => {
    const headers = new Headers({ 'x-forwarded-for': '198.51.100.7, 10.0.0.1', [peerHeader]: stampFor('10.0.0.1') })
    expect(clientAddress(headers, true)).toBe('198.51.100.7')
    expect(clientAddress(headers, false)).toBe('10.0.0.1')
    // a proxy that sent no usable header: the socket (the proxy) is the best there is
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'nonsense', [peerHeader]: stampFor('10.0.0.1') }), true)).toBe('10.0.0.1')
    expect(clientAddress(new Headers({ [peerHeader]: 'forged 1.2.3.4' }), false)).toBe(unknownAddress)
  })

  it('normalises addresses and keys IPv6 by its /64', () => {
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normalizeAddress('192.0.2.1:8080')).toBe('192.0.2.1')
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1')
    expect(normalizeAddress('evil.example')).toBeNull()
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(addressKey('2001:db8:0:0:ffff::1')).toBe(addressKey('2001:db8::2'))
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
  })
})

describe('limits as written in the environment', () => {
  it('reads <count>/<window>, off, and the backoff', () => {
    expect(parseRate('50/15m')).toEqual({ points: 50, seconds: 900 })
    expect(parseRate(' 5 / 24h ')).toEqual({ points: 5, seconds: 86400 })
    expect(parseRate('10/90')).toEqual({ points: 10, seconds: 90 })
    expect(parseRate('OFF')).toBeNull()
    for (const bad of ['', '50', '0/1m', '5/0s', '5/31d', 'x/1m', '5/1w']) expect(typeof parseRate(bad)).toBe('string')
    expect(parseBackoff('30s-15m')).toEqual({ firstSeconds: 30, maxSeconds: 900 })
    expect(typeof parseBackoff('15m-30s')).toBe('string')
    expect(parseDuration('2h')).toBe(7200)
    expect(formatRate({ points: 50, seconds: 900 })).toBe('50/15m')
    expect(formatRate(null)).toBe('off')
  })
})
