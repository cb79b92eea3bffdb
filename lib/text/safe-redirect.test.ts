import { describe, expect, it } from 'vitest'
import { authHref, safeRedirect, sameSitePath } from './safe-redirect.ts'

describe('where sign-in returns to', () => {
  it.each([
    ['/courses/kubernetes-basics/pod', '/courses/kubernetes-basics/pod'],
    ['/join?code=ABCD-2345', '/join?code=ABCD-2345'],
    ['/progress#recent', '/progress#recent'],
    ['/courses/kubernetes-basics/../kubernetes-basics/pod', '/courses/kubernetes-basics/pod'],
    ['/search?q=a%20b', '/search?q=a%20b'],
  ])('keeps the same-site path %s', (given, kept) => {
    expect(sameSitePath(given)).toBe(kept)
    expect(safeRedirect(given)).toBe(kept)
  })

  it.each([
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example/x',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '',
    ' /courses',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%2Fevil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%252F%252Fevil.example',
    '%2F%2Fevil.example',
    '/%2525252525252Fevil.example',
    '/%09/evil.example',
    '/%E0%A4%A', // broken percent-encoding
    `/${'a'.repeat(3000)}`,
  ])('refuses %j and sends the learner to the course instead', (given) => {
    expect(sameSitePath(given)).toBeNull()
    expect(safeRedirect(given)).toBe('/courses/kubernetes-basics')
  })

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, ['/a'], { path: '/a' }]) expect(safeRedirect(value)).toBe('/courses/kubernetes-basics')
  })

  it('builds the sign-in and sign-up links with the page to return to, and drops an unsafe or default one', () => {
    expect(authHref('/signup', '/courses/kubernetes-basics/pod?tab=terminal')).toBe(
      '/signup?next=%2Fcourses%2Fkubernetes-basics%2Fpod%3Ftab%3Dterminal',
    )
    expect(authHref('/signin', '//evil.example')).toBe('/signin')
    expect(authHref('/signin', '/courses/kubernetes-basics')).toBe('/signin')
    expect(authHref('/signin', null)).toBe('/signin')
  })
})
