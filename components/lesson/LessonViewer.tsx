'use client'
import Link from 'next/link'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import { useMemo, type ComponentProps, type ReactNode } from 'react'
import type { LessonState, OutlineLesson } from '@/lib/server/learner-state'
import { Workspace } from '@/components/workspace/Workspace'
import { CourseMap, type CourseMapLesson } from './CourseMap'
import { useLearnerState } from './useLearnerState'
import { LessonViewerContext, useLessonViewer, type LoadedLessonState as Loaded } from './lessonViewerContext'

/**
 * The lesson page is prerendered and the same for everyone (ADR 0018); once it is on screen this asks the server
 * who is looking and what they did here (POST /api/me/lessons/…, which also marks the lesson started).
 */
export function LessonViewerProvider({ courseId, lessonId, children }: { courseId: string; lessonId: string; children: ReactNode }) {
  const { loaded, reload } = useLearnerState<LessonState>(
    `/api/me/lessons/${encodeURIComponent(courseId)}/${encodeURIComponent(lessonId)}`,
    { method: 'POST', body: '{}' },
  )
  const value = useMemo(() => ({ loaded, reload }), [loaded, reload])
  return <LessonViewerContext.Provider value={value}>{children}</LessonViewerContext.Provider>
}

function signedInState(loaded: Loaded) {
  return loaded.status === 'ready' && loaded.state.signedIn ? loaded.state : null
}

/**
 * The course's lessons in order as the server last said, when published studio lessons join its files; null when
 * the page's own list is the course (a prerendered file lesson knows only the files: ADR 0018, 0020).
 */
function useCourseOutline(): OutlineLesson[] | null {
  const viewer = useLessonViewer()
  return viewer?.loaded.status === 'ready' ? viewer.loaded.state.outline : null
}

/** A lesson link as the page shows it: id, title in the page's language, number. */
export interface LessonLink {
  id: string
  number: number
  title: string
}

/** The lessons around this one: the page's own (file lessons), or the course's order with studio lessons. */
function useNeighbours(lessonId: string, fallback: { number: number; previous: LessonLink | null; next: LessonLink | null }) {
  const outline = useCourseOutline()
  const locale = useLang()
  const index = outline?.findIndex((l) => l.id === lessonId) ?? -1
  if (!outline || index < 0) return fallback
  const link = (l: OutlineLesson | undefined): LessonLink | null => (l ? { id: l.id, number: l.number, title: l.title[locale] } : null)
  return { number: outline[index]!.number, previous: link(outline[index - 1]), next: link(outline[index + 1]) }
}

/** The course map with this learner's statuses (a visitor's come from this browser, inside CourseMap). */
export function LessonCourseMap({ courseId, lessons, currentId }: { courseId: string; lessons: CourseMapLesson[]; currentId: string }) {
  const viewer = useLessonViewer()
  const outline = useCourseOutline()
  const locale = useLang()
  const learner = viewer && signedInState(viewer.loaded)
  const status = new Map(learner?.progress.map((p) => [p.lessonId, p.status]))
  const signedIn = learner !== null || viewer?.loaded.status !== 'ready'
  const listed = outline
    ? outline.map((l) => ({ id: l.id, number: l.number, title: l.title[locale], status: null, exerciseId: l.exerciseId }))
    : lessons
  return (
    <CourseMap
      courseId={courseId}
      lessons={listed.map((l) => ({ ...l, status: status.get(l.id) ?? null }))}
      currentId={currentId}
      signedIn={signedIn}
    />
  )
}

/** "Lesson 4": the number follows the course's order, studio lessons included. */
export function LessonNumber({ lessonId, number }: { lessonId: string; number: number }) {
  const t = useTranslations('lesson')
  const shown = useNeighbours(lessonId, { number, previous: null, next: null }).number
  return <>{t('lessonNumber', { number: shown })}</>
}

/** Previous and next lesson, in the course's order. */
export function LessonNav({
  courseId,
  lessonId,
  number,
  previous,
  next,
}: {
  courseId: string
  lessonId: string
  number: number
  previous: LessonLink | null
  next: LessonLink | null
}) {
  const t = useTranslations('lesson')
  const around = useNeighbours(lessonId, { number, previous, next })
  return (
    <nav className="lesson-nav" aria-label={t('lessonNav')}>
      {around.previous ? (
        <Link href={`/courses/${courseId}/${around.previous.id}`}>
          ← {t('previous')}: {around.previous.title}
        </Link>
      ) : (
        <span />
      )}
      {around.next && (
        <Link href={`/courses/${courseId}/${around.next.id}`}>
          {t('next')}: {around.next.title} →
        </Link>
      )}
    </nav>
  )
}

/** "✓ done" beside the lesson number once the learner completed it. */
export function LessonCompleted({ lessonId, label }: { lessonId: string; label: string }) {
  const viewer = useLessonViewer()
  const learner = viewer && signedInState(viewer.loaded)
  if (!learner?.progress.some((p) => p.lessonId === lessonId && p.status === 'completed')) return null
  return (
    <span className="status-dot" data-status="completed" data-testid="lesson-completed">
      {' '}
      · ✓ {label}
    </span>
  )
}

type WorkspaceProps = ComponentProps<typeof Workspace>

/**
 * The exercise's workspace, mounted once the server said who is looking: a signed-in learner's draft, attempts and
 * last pass come with that answer, so nothing typed is ever replaced by a draft that arrives late.
 */
export function LessonWorkspace({ exercise, links, label }: Pick<WorkspaceProps, 'exercise' | 'links'> & { label: string }) {
  const t = useTranslations('lesson')
  const viewer = useLessonViewer()
  const nextLesson = useNeighbours(exercise.lessonId, { number: 0, previous: null, next: null }).next
  const loaded: Loaded = viewer?.loaded ?? { status: 'ready', state: { signedIn: false, outline: null } }
  if (loaded.status !== 'ready') {
    return (
      <section
        className="workspace workspace-waiting"
        aria-label={label}
        data-exercise-id={exercise.id}
        aria-busy={loaded.status === 'loading'}
      >
        {loaded.status === 'loading' ? (
          <p className="muted" role="status">
            {t('loadingYourWork')}
          </p>
        ) : (
          <div role="alert">
            <p>{t('loadFailed')}</p>
            <button type="button" className="button" onClick={viewer?.reload}>
              {t('reload')}
            </button>
          </div>
        )}
      </section>
    )
  }
  const learner = loaded.state.signedIn ? loaded.state : null
  const work = learner?.exercise
  return (
    <Workspace
      exercise={exercise}
      links={{
        ...links,
        next: nextLesson ? { href: `/courses/${exercise.courseId}/${nextLesson.id}`, title: nextLesson.title } : links.next,
      }}
      signedIn={learner !== null}
      initialAttempts={work?.attempts ?? 0}
      initialSolutionAvailable={work?.solutionAvailable ?? false}
      serverDraft={work?.draft ?? null}
      initialPass={work?.lastPass ? { ...work.lastPass, visitor: false } : null}
      initialQuiz={learner?.quiz ?? null}
    />
  )
}
