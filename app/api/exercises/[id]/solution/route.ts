import { NextResponse } from 'next/server'
import { revealSolution } from '@/lib/server/grading-service'
import { currentViewer } from '@/lib/server/viewer'
import { attemptsBeforeSolution } from '@/lib/grading/attempts'
import type { SolutionResponse } from '@/lib/api-contract/exercises'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const viewer = await currentViewer()
  if (!viewer) return NextResponse.json({ error: 'unauthorized', message: 'Sign in to see the reference solution.' }, { status: 401 })
  const outcome = await revealSolution(viewer, id)
  if (outcome.status === 'not_found') return NextResponse.json({ error: 'not_found', message: `No exercise "${id}".` }, { status: 404 })
  if (outcome.status === 'locked') {
    return NextResponse.json(
      {
        error: 'locked',
        message: `The solution unlocks after a pass or ${attemptsBeforeSolution} attempts (you have ${outcome.attempts}).`,
        attempts: outcome.attempts,
      },
      { status: 403 },
    )
  }
  return NextResponse.json({ solution: outcome.solution } satisfies SolutionResponse)
}
