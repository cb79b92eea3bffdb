import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

vi.mock('server-only', () => ({}))
const { readJsonBody } = await import('./json-body.ts')

const schema = z.object({ yaml: z.string() }).strict()
const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://localhost/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit)

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
