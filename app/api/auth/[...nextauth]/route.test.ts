/** Auth.js's credentials endpoint, called directly as scripts do: a sign-in the limits refused is a 429. */
import { describe, expect, it, vi } from 'vitest'
import { NextRequest } from 'next/server'

const answer = vi.hoisted(() => ({ response: null as Response | null }))
vi.mock('@/lib/server/auth/auth', () => ({ handlers: { GET: async () => new Response(), POST: async () => answer.response! } }))
const { POST } = await import('./route')

const request = () => new NextRequest('http://localhost/api/auth/callback/credentials', { method: 'POST', headers: { accept: '*/*' } })
const redirect = (location: string) => new Response(null, { status: 302, headers: { location } })

describe('POST /api/auth/[...nextauth]', () => {
  it('turns the redirect of a sign-in the limits refused into 429 with Retry-After', async () => {
    answer.response = redirect('http://localhost/signin?error=CredentialsSignin&code=rate_limited.17')
    const r = await POST(request())
    expect(r.status).toBe(429)
    expect(r.headers.get('retry-after')).toBe('17')
    answer.response = Response.json({ url: 'http://localhost/signin?error=CredentialsSignin&code=rate_limited.900' })
    expect((await POST(request())).headers.get('retry-after')).toBe('900')
  })

  it('passes every other answer through: a wrong password, a success, a forged code', async () => {
    for (const location of [
      'http://localhost/signin?error=CredentialsSignin&code=credentials',
      'http://localhost/courses',
      'http://localhost/signin?code=rate_limited.abc',
    ]) {
      answer.response = redirect(location)
      const r = await POST(request())
      expect([r.status, r.headers.get('location')]).toEqual([302, location])
    }
  })
})
