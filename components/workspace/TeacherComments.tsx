'use client'
import { useEffect, useId, useState } from 'react'
import { useTranslations } from 'next-intl'
import { LearnerCommentList, type LearnerComment } from '@/components/comments/LearnerCommentList'
import { MarkReadWhenSeen } from '@/components/comments/MarkReadWhenSeen'
import { myCommentsOn } from '@/components/comments/comments-api'

type Loaded =
  { status: 'loading' } | { status: 'failed' } | { status: 'none' } | { status: 'ready'; comments: LearnerComment[]; fresh: Set<string> }

/** The learner's comments on one exercise, or why there are none to show. */
async function commentsOn(exerciseId: string): Promise<Loaded> {
  const answer = await myCommentsOn(exerciseId)
  if (answer.status === 'signedOut') return { status: 'none' } // signed out meanwhile
  if (answer.status === 'failed') return { status: 'failed' }
  if (answer.comments.length === 0) return { status: 'none' }
  return { status: 'ready', comments: answer.comments, fresh: new Set(answer.comments.filter((c) => c.readAt === null).map((c) => c.id)) }
}

/**
 * A signed-in learner's comments from their teachers on this exercise, beside its instructions. The lesson page is
 * prerendered (ADR 0018), so they are asked for here; once on screen they are marked read. Nothing when there are none.
 */
export function TeacherComments({ exerciseId }: { exerciseId: string }) {
  const t = useTranslations('comments.learner')
  const headingId = useId()
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' })

  useEffect(() => {
    let current = true
    void commentsOn(exerciseId).then((next) => current && setLoaded(next))
    return () => {
      current = false
    }
  }, [exerciseId])
  const retry = () => {
    setLoaded({ status: 'loading' })
    void commentsOn(exerciseId).then(setLoaded)
  }

  if (loaded.status === 'loading' || loaded.status === 'none') return null
  if (loaded.status === 'failed') {
    return (
      <p className="teacher-comments-failed muted" role="status">
        {t('loadFailed')}
        <button type="button" className="button small" onClick={retry}>
          {t('retry')}
        </button>
      </p>
    )
  }
  return (
    <section className="teacher-comments" aria-labelledby={headingId} data-testid="teacher-comments">
      <h3 id={headingId}>{t('beside')}</h3>
      {/* focusable so a keyboard can scroll it when there are more than fit */}
      <div className="teacher-comments-scroll" tabIndex={0} role="group" aria-labelledby={headingId}>
        <MarkReadWhenSeen ids={[...loaded.fresh]}>
          <LearnerCommentList comments={loaded.comments} fresh={loaded.fresh} />
        </MarkReadWhenSeen>
      </div>
    </section>
  )
}
