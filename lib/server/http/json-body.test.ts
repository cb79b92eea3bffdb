import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

vi.mock('server-only', () => ({}))
const { isJsonContentType, readJsonBody } = await import('./json-body.ts')

const schema = z.object({ yaml: z.string() }).strict()
// What Kubelab's own pages send: JSON, from the page's origin.
const sameOrigin = { 'content-type': 'application/json', host: 'localhost:3000', origin: 'http://localhost:3000' }
/** A POST with the good headers, changed by `headers` (an undefined value removes that header). */
const post = (body: BodyInit, headers: Record<string, string | undefined> = {}) => {
  const merged = Object.entries({ ...sameOrigin, ...headers }).filter((entry): entry is [string, string] => entry[1] !== undefined)
  return new Request('http://localhost:3000/api', { method: 'POST', body, headers: merged, duplex: 'half' } as RequestInit)
}
const statusOf = async (headers: Record<string, string | undefined>) => {
  const result = await readJsonBody(post(JSON.stringify({ yaml: 'kind: Pod' }), headers), schema)
  return result.ok ? 200 : result.response.status
}

describe('who may send a JSON body', () => {
  it('accepts JSON from the page’s own origin (the good case)', async () => {
    expect(await statusOf({})).toBe(200)
    expect(await statusOf({ 'content-type': 'application/json; charset=UTF-8' })).toBe(200)
  })

  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain with a charset', 'text/plain;charset=UTF-8'],
    ['a urlencoded form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['a look-alike type', 'application/jsonp'],
    ['JSON in another charset', 'application/json; charset=latin1'],
  ])('refuses %s with 415 (what a cross-site form can send)', async (_, type) => {
    expect(await statusOf({ 'content-type': type })).toBe(415)
  })

  it('refuses a missing Content-Type with 415', async () => {
    const request = new Request('http://localhost:3000/api', {
      method: 'POST',
      body: new Blob(['{"yaml":"a"}']),
      headers: { host: 'localhost:3000', origin: 'http://localhost:3000' },
    })
    const result = await readJsonBody(request, schema)
    expect(!result.ok && result.response.status).toBe(415)
    if (!result.ok) expect((await result.response.json()).error).toBe('unsupported_media_type')
  })

  it.each([
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['another port on the same host (same site, other origin)', { origin: 'http://localhost:3001' }],
    ['the same host over another scheme behind a TLS proxy', { origin: 'http://localhost:3000', 'x-forwarded-proto': 'https' }],
    ['Origin "null" (a sandboxed or opaque page)', { origin: 'null' }],
    ['no Origin and Sec-Fetch-Site cross-site', { origin: undefined, 'sec-fetch-site': 'cross-site' }],
    ['no Origin and Sec-Fetch-Site same-site', { origin: undefined, 'sec-fetch-site': 'same-site' }],
    ['neither Origin nor Sec-Fetch-Site', { origin: undefined }],
  ])('refuses %s with 403', async (_, headers) => {
    expect(await statusOf(headers)).toBe(403)
  })

  it('says why it refused, in JSON', async () => {
    const result = await readJsonBody(post('{}', { origin: 'http://localhost:3001' }), schema)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(await result.response.json()).toEqual({ error: 'cross_origin', message: expect.stringContaining('another host or port') })
  })

  it('accepts no Origin when the browser says same-origin, and the public host behind a proxy', async () => {
    expect(await statusOf({ origin: undefined, 'sec-fetch-site': 'same-origin' })).toBe(200)
    expect(
      await statusOf({ origin: 'https://kubelab.example.org', 'x-forwarded-host': 'kubelab.example.org', 'x-forwarded-proto': 'https' }),
    ).toBe(200)
    expect(await statusOf({ origin: 'https://kubelab.example.org', host: 'kubelab.example.org:443' })).toBe(200)
  })

  it('reads the media type case-insensitively and only as application/json', () => {
    expect(isJsonContentType('Application/JSON')).toBe(true)
    expect(isJsonContentType('application/json;charset="utf-8"')).toBe(true)
    expect(isJsonContentType('application/json-seq')).toBe(false)
    expect(isJsonContentType(null)).toBe(false)
  })
})

describe('reading a JSON request body', () => {
  it('returns the parsed body', async () => {
    const result = await readJsonBody(post(JSON.stringify({ yaml: 'kind: Pod' })), schema)
    expect(result).toEqual({ ok: true, data: { yaml: 'kind: Pod' } })
  })

  it('refuses a body over the limit with 413, even when it lies about its length', async () => {
    const big = JSON.stringify({ yaml: 'x'.repeat(300 * 1024) })
    const declared = await readJsonBody(post(big, { 'content-length': String(big.length) }), schema)
    expect(declared.ok).toBe(false)
    if (!declared.ok) expect(declared.response.status).toBe(413)
    const undeclared = await readJsonBody(post(new Blob([big]).stream() as unknown as BodyInit), schema)
    if (!undeclared.ok) expect(undeclared.response.status).toBe(413)
    expect(undeclared.ok).toBe(false)
  })

  it('answers 400 for broken JSON or invalid UTF-8, and 422 with the issues for the wrong shape', async () => {
    const broken = await readJsonBody(post('{"yaml": '), schema)
    expect(!broken.ok && broken.response.status).toBe(400)
    const binary = await readJsonBody(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), schema)
    expect(!binary.ok && binary.response.status).toBe(400)
    const wrong = await readJsonBody(post(JSON.stringify({ yaml: 42, extra: true })), schema)
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) {
      expect(wrong.response.status).toBe(422)
      const body = await wrong.response.json()
      expect(body.error).toBe('invalid_input')
      expect(body.issues.length).toBeGreaterThan(0)
    }
  })
})
