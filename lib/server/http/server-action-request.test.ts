import { describe, expect, it } from 'vitest'
import { checkPagePost, serverActionBodyLimit } from './server-action-request.ts'

const actionId = '40' + 'ab'.repeat(20)
const own = { host: 'localhost:3000', origin: 'http://localhost:3000' }

function pagePost(body: BodyInit | null, headers: Record<string, string | undefined>): Request {
  const merged = Object.entries({ ...own, ...headers }).filter((entry): entry is [string, string] => entry[1] !== undefined)
  return new Request('http://localhost:3000/teach', { method: 'POST', body, headers: merged, duplex: 'half' } as RequestInit)
}

function actionForm(fields: Record<string, string>): FormData {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return form
}

describe('a POST to a page (a server action)', () => {
  it('goes on when it is a well-formed action from a Kubelab page', async () => {
    expect(
      await checkPagePost(
        pagePost('[{"error":null},"$undefined"]', { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8' }),
      ),
    ).toBeNull()
    expect(
      await checkPagePost(pagePost(actionForm({ '0': '[{"error":null},"$K1"]', '1_name': 'Class' }), { 'next-action': actionId })),
    ).toBeNull()
    // a form posted without JavaScript: no header, the action id is a field
    expect(await checkPagePost(pagePost(actionForm({ [`$ACTION_ID_${actionId}`]: '', name: 'x' }), {}))).toBeNull()
    expect(
      await checkPagePost(
        pagePost(
          actionForm({
            $ACTION_REF_1: '',
            '$ACTION_1:0': `{"id":"${actionId}","bound":"$@1"}`,
            '$ACTION_1:1': '[{"error":null}]',
            email: 'a@b.c',
          }),
          {},
        ),
      ),
    ).toBeNull()
    // the browser omits Origin but says same-origin
    expect(await checkPagePost(pagePost('[]', { origin: undefined, 'sec-fetch-site': 'same-origin', 'next-action': actionId }))).toBeNull()
  })

  it.each([
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['another port on the same host', { origin: 'http://localhost:3001' }],
    ['no Origin and no Sec-Fetch-Site', { origin: undefined }],
    ['no Origin and Sec-Fetch-Site cross-site', { origin: undefined, 'sec-fetch-site': 'cross-site' }],
  ])('is refused with 403 from %s, before its body is read', async (_, headers) => {
    const rejected = await checkPagePost(pagePost(actionForm({ [`$ACTION_ID_${actionId}`]: '' }), headers))
    expect(rejected).toMatchObject({ status: 403, error: 'cross_origin' })
  })

  it('is refused with 413 above the limit, declared or not', async () => {
    const big = 'x'.repeat(serverActionBodyLimit + 1)
    expect(await checkPagePost(pagePost(big, { 'next-action': actionId, 'content-length': String(big.length) }))).toMatchObject({
      status: 413,
    })
    expect(
      await checkPagePost(pagePost(new Blob([JSON.stringify([big])]).stream(), { 'next-action': actionId, 'content-type': 'text/plain' })),
    ).toMatchObject({ status: 413 })
    expect(await checkPagePost(pagePost(actionForm({ password: big }), {}))).toMatchObject({ status: 413 })
  })

  it.each([
    ['an action id that is not 42 hex digits', { 'next-action': 'x'.repeat(42) }, '[]'],
    ['a short action id', { 'next-action': 'abc' }, '[]'],
    ['arguments that are not JSON', { 'next-action': actionId, 'content-type': 'text/plain' }, '[{"$K1":'],
    ['arguments that are not UTF-8', { 'next-action': actionId, 'content-type': 'text/plain' }, new Uint8Array([0x5b, 0xff, 0x5d])],
    ['a multipart body that does not parse', { 'next-action': actionId, 'content-type': 'multipart/form-data; boundary=nope' }, 'garbage'],
  ])('is refused with 400 for %s', async (_, headers, body) => {
    expect(await checkPagePost(pagePost(body as BodyInit, headers))).toMatchObject({ status: 400, error: 'invalid_action' })
  })

  it.each([
    ['a root argument that is not JSON', { '0': '[{"error":', name: 'x' }],
    ['no root argument', { '1_name': 'x' }],
    ['a reference to a part that is not there', { '0': '["$@5"]' }],
  ])('is refused with 400 for a multipart action with %s', async (_, fields) => {
    expect(await checkPagePost(pagePost(actionForm(fields), { 'next-action': actionId }))).toMatchObject({ status: 400 })
  })

  it.each([
    ['a malformed action id field', { $ACTION_ID_abc: '' }],
    ['a reference to an undescribed action', { $ACTION_REF_1: '' }],
    ['bound arguments that are not JSON', { $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${actionId}","bound":"$@1"}`, '$ACTION_1:1': '[{' }],
  ])('is refused with 400 for a form posted without JavaScript with %s', async (_, fields) => {
    expect(await checkPagePost(pagePost(actionForm(fields), {}))).toMatchObject({ status: 400 })
  })

  it('leaves a POST that is not an action to Next.js (it renders the page or answers 405)', async () => {
    expect(await checkPagePost(pagePost('hello', { 'content-type': 'text/plain' }))).toBeNull()
  })
})
