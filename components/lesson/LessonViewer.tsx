'use client'
import { useTranslations } from 'next-intl'
import { useMemo, type ComponentProps, type ReactNode } from 'react'
import type { LessonState } from '@/lib/server/learner-state'
import { Workspace } from '@/components/workspace/Workspace'
import { CourseMap, type CourseMapLesson } from './CourseMap'
import { useLearnerState } from './useLearnerState'
import { LessonViewerContext, useLessonViewer, type LoadedLessonState as Loaded } from './lessonViewerContext'

/**
 * The lesson page is prerendered and the same for everyone (ADR 0018); once it is on screen this asks the server
 * who is looking and what they did here (POST /api/me/lessons/…, which also marks the lesson started).
 */
export function LessonViewerProvider({ courseId, lessonId, children }: { courseId: string; lessonId: string; children: ReactNode }) {
  const { loaded, reload } = useLearnerState<LessonState>(`/api/me/lessons/${encodeURIComponent(courseId)}/${encodeURIComponent(lessonId)}`, { method: 'POST', body: '{}' })
  const value = useMemo(() => ({ loaded, reload }), [loaded, reload])
  return <LessonViewerContext.Provider value={value}>{children}</LessonViewerContext.Provider>
}

function signedInState(loaded: Loaded) {
  return loaded.status === 'ready' && loaded.state.signedIn ? loaded.state : null
}

/** The course map with this learner's statuses (a visitor's come from this browser, inside CourseMap). */
export function LessonCourseMap({ courseId, lessons, currentId }: { courseId: string; lessons: CourseMapLesson[]; currentId: string }) {
  const viewer = useLessonViewer()
  const learner = viewer && signedInState(viewer.loaded)
  const status = new Map(learner?.progress.map((p) => [p.lessonId, p.status]))
  const signedIn = learner !== null || viewer?.loaded.status !== 'ready'
  return <CourseMap courseId={courseId} lessons={lessons.map((l) => ({ ...l, status: status.get(l.id) ?? null }))} currentId={currentId} signedIn={signedIn} />
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
  const loaded = viewer?.loaded ?? { status: 'ready', state: { signedIn: false } }
  if (loaded.status !== 'ready') {
    return (
      <section className="workspace workspace-waiting" aria-label={label} data-exercise-id={exercise.id} aria-busy={loaded.status === 'loading'}>
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
      links={links}
      signedIn={learner !== null}
      initialAttempts={work?.attempts ?? 0}
      initialSolutionAvailable={work?.solutionAvailable ?? false}
      serverDraft={work?.draft ?? null}
      initialPass={work?.lastPass ? { ...work.lastPass, visitor: false } : null}
      initialQuiz={learner?.quiz ?? null}
    />
  )
}
