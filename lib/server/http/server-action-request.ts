/**
 * Checks on state-changing requests to pages, which in Kubelab are always server actions (a fetch from React
 * with a `Next-Action` header, or a form posted without JavaScript). Next.js compares Origin with Host itself,
 * but lets a request without Origin through and answers 500 to a cross-origin, oversized or undecodable action.
 * proxy.ts runs these first so such requests get a clear 4xx and never reach the action (ADR 0012).
 */
import { formActionProblem, replyProblem, type ReplyParts } from './action-reply.ts'
import { checkSameOrigin } from './same-origin.ts'

/** Largest server-action body; next.config.mjs sets the same `serverActions.bodySizeLimit` (a test keeps them equal). */
export const serverActionBodyLimit = 1024 * 1024

export interface Rejection {
  status: 400 | 403 | 413
  error: 'cross_origin' | 'too_large' | 'invalid_action'
  message: string
}

// Next.js action ids: 42 hex digits (an info byte and a hash).
const ACTION_ID = /^[0-9a-f]{42}$/i

const invalid = (message: string): Rejection => ({ status: 400, error: 'invalid_action', message })
const tooLarge: Rejection = {
  status: 413,
  error: 'too_large',
  message: `The request body is larger than ${serverActionBodyLimit / 1024 / 1024} MiB.`,
}

/** Null when the request may go on to Next.js; otherwise why not. */
export async function checkPagePost(request: Request, publicUrl?: string): Promise<Rejection | null> {
  const origin = checkSameOrigin(request.headers, publicUrl)
  if (!origin.ok)
    return { status: 403, error: 'cross_origin', message: `Only Kubelab's own pages may send this request (${origin.reason}).` }
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > serverActionBodyLimit) return tooLarge
  const actionId = request.headers.get('next-action')
  if (actionId !== null && !ACTION_ID.test(actionId)) return invalid('The Next-Action header is not an action id.')
  const contentType = request.headers.get('content-type') ?? ''
  const multipart = contentType.toLowerCase().startsWith('multipart/form-data')
  if (actionId === null && !multipart) return null // not an action: Next.js renders the page
  if (actionId !== null && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null // Next.js declines these itself (404)
  const body = new Uint8Array(await request.arrayBuffer())
  if (body.byteLength > serverActionBodyLimit) return tooLarge
  if (multipart) {
    let form: FormData
    try {
      form = await new Response(body, { headers: { 'content-type': contentType } }).formData()
    } catch {
      return invalid('The form body is not valid multipart/form-data.')
    }
    const parts: ReplyParts = new Map([...form.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : 'file']))
    if (actionId === null) {
      const problem = formActionProblem(parts)
      return problem ? invalid(`The form cannot be decoded: ${problem}.`) : null
    }
    // A fetch action's arguments: React's encodeReply puts the root value, JSON, in the field "0".
    const root = parts.get('0')
    if (typeof root !== 'string') return invalid('The action arguments are missing.')
    const problem = replyProblem(root, parts)
    return problem ? invalid(`The action arguments cannot be decoded: ${problem}.`) : null
  }
  // A fetch action whose arguments React encoded as one JSON text.
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return invalid('The action arguments are not UTF-8.')
  }
  const problem = replyProblem(text, null)
  if (problem) return invalid(`The action arguments cannot be decoded: ${problem}.`)
  return null
}
