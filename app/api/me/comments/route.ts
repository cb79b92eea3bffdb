import { NextResponse } from 'next/server'
import { z } from 'zod'
import { AccessDeniedError, dal } from '@/lib/server/dal'
import { readJsonBody } from '@/lib/server/http/json-body'
import { storableText } from '@/lib/server/dal/text'
import { currentViewer } from '@/lib/server/viewer'

export const dynamic = 'force-dynamic'

const id = storableText(z.string().min(1).max(100))
const noStore = { 'cache-control': 'private, no-store' }
const signInFirst = () =>
  NextResponse.json({ error: 'unauthorized', message: 'Sign in to read comments from your teacher.' }, { status: 401 })

/**
 * My teachers' comments (GET `?exerciseId=`: of one exercise, else all, newest first) with how many are unread.
 * Lesson pages are prerendered (ADR 0018), so the comments beside an exercise are asked for here in the browser.
 */
export async function GET(request: Request) {
  const viewer = await currentViewer()
  if (!viewer) return signInFirst()
  const raw = new URL(request.url).searchParams.get('exerciseId')
  const exerciseId = raw === null ? null : id.safeParse(raw)
  if (exerciseId && !exerciseId.success)
    return NextResponse.json({ error: 'invalid_input', issues: [{ path: 'exerciseId', message: 'not an exercise id' }] }, { status: 422 })
  try {
    const [comments, unread] = await Promise.all([
      dal().comments.mine(viewer, exerciseId ? { exerciseId: exerciseId.data } : {}),
      dal().comments.unreadCount(viewer),
    ])
    return NextResponse.json({ comments, unread }, { headers: noStore })
  } catch (error) {
    if (error instanceof AccessDeniedError) return signInFirst()
    throw error
  }
}

const markSchema = z.union([z.object({ ids: z.array(id).max(200) }).strict(), z.object({ exerciseId: id }).strict()])

/** "I have seen these": marks my comments read (by id, or all of one exercise); others' are left alone. */
export async function POST(request: Request) {
  const viewer = await currentViewer()
  if (!viewer) return signInFirst()
  const body = await readJsonBody(request, markSchema, 16 * 1024)
  if (!body.ok) return body.response
  try {
    const marked = await dal().comments.markRead(viewer, 'ids' in body.data ? body.data.ids : { exerciseId: body.data.exerciseId })
    return NextResponse.json({ marked, unread: await dal().comments.unreadCount(viewer) }, { headers: noStore })
  } catch (error) {
    if (error instanceof AccessDeniedError) return signInFirst()
    throw error
  }
}
