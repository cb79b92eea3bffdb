/**
 * Requests as one actor, with fetch and that actor's session cookie, and no cookie jar: what a response sets
 * does not change the actor for the next request (a sign-out probe must not sign the actor out of the suite).
 * Server actions are called the way the React client calls them: a POST to the page with the Next-Action
 * header and React's encoding of (prevState, FormData) or of plain arguments.
 */
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { CallAction, Http, HttpRequest, HttpResponse } from '../../lib/server/authz/table.ts'
import { e2eBaseUrl } from '../config.ts'

function adapt(response: Response, body: string): HttpResponse {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  headers['set-cookie'] = response.headers.getSetCookie().join('\n')
  return { status: () => response.status, headers: () => headers, text: async () => body }
}

/**
 * One request with node:http rather than fetch: fetch (undici) replaces the Fetch Metadata headers with its own
 * `Sec-Fetch-Mode: cors`, so it cannot send what a browser sends on a page navigation.
 */
function send(path: string, method: string, headers: Record<string, string>, body?: string): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${e2eBaseUrl}${path}`, { method, headers }, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('error', reject)
      incoming.on('end', () => {
        const flat: Record<string, string> = {}
        for (const [key, value] of Object.entries(incoming.headers))
          if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(key === 'set-cookie' ? '\n' : ', ') : value
        flat['set-cookie'] ??= ''
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: () => incoming.statusCode ?? 0, headers: () => flat, text: async () => text })
      })
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

export class HttpActor {
  constructor(readonly cookie: string) {}

  readonly http: Http = async (request: HttpRequest) => {
    // As a browser sends them: a GET is a page navigation unless told otherwise; a body comes from a Kubelab page.
    const headers: Record<string, string> =
      request.method === 'GET'
        ? { accept: 'text/html,application/xhtml+xml', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', ...request.headers }
        : { origin: e2eBaseUrl, ...request.headers }
    const cookie = [this.cookie, request.headers?.cookie].filter(Boolean).join('; ')
    if (cookie) headers.cookie = cookie
    let body: string | undefined
    if (request.form) {
      body = new URLSearchParams(request.form).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    } else if (request.data !== undefined) {
      body = JSON.stringify(request.data)
      headers['content-type'] ??= 'application/json'
    }
    return send(request.path, request.method, headers, body)
  }

  /** A bound CallAction for one server action id. */
  action(actionId: string): CallAction {
    return async (page, input) => {
      const form = new FormData()
      if (input.args) form.append('0', JSON.stringify(input.args))
      else {
        for (const [key, value] of Object.entries(input.fields ?? {})) form.append(`_1_${key}`, value)
        form.append('0', JSON.stringify(input.prevState === undefined ? ['$K1'] : [input.prevState, '$K1']))
      }
      const headers: Record<string, string> = { 'next-action': actionId, accept: 'text/x-component', origin: e2eBaseUrl }
      if (this.cookie) headers.cookie = this.cookie
      const response = await fetch(`${e2eBaseUrl}${page}`, { method: 'POST', body: form, headers, redirect: 'manual' })
      return adapt(response, await response.text())
    }
  }
}

/** Signs in through Auth.js like a browser form (CSRF token first) and keeps only the session cookie. */
export async function signInOverHttp(email: string, password: string): Promise<HttpActor> {
  const csrfResponse = await fetch(`${e2eBaseUrl}/api/auth/csrf`)
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string }
  const response = await fetch(`${e2eBaseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${e2eBaseUrl}/` }),
    redirect: 'manual',
  })
  const session = response.headers.getSetCookie().find((c) => c.startsWith('authjs.session-token='))
  if (!session) throw new Error(`could not sign in as ${email} (status ${response.status}, ${response.headers.get('location')})`)
  return new HttpActor(session.split(';')[0]!)
}

/** Server action ids of this build, by file and export name (they change with every build). */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>
  }
  const ids = new Map<string, string>()
  for (const [id, entry] of Object.entries(manifest.node))
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id)
  return ids
}
