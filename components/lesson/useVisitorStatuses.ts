'use client'
import { useEffect, useState } from 'react'
import { readVisitorWork, visitorLessonStatus, visitorWorkChanged, visitorWorkKey } from '@/lib/browser/visitor-work'

export type LessonStatus = 'completed' | 'started' | null

/**
 * A visitor's lesson statuses as this browser keeps them, by lesson id; null for a signed-in learner (the
 * server's statuses hold) and before hydration. Follows changes made in this tab and in others.
 */
export function useVisitorStatuses(
  courseId: string,
  lessons: readonly { id: string; exerciseId: string | null }[],
  enabled: boolean,
): Record<string, LessonStatus> | null {
  const [statuses, setStatuses] = useState<Record<string, LessonStatus> | null>(null)
  const key = lessons.map((l) => `${l.id}:${l.exerciseId ?? ''}`).join(',')
  useEffect(() => {
    if (!enabled) return
    const read = () => {
      const work = readVisitorWork()
      setStatuses(Object.fromEntries(lessons.map((l) => [l.id, visitorLessonStatus(work, courseId, l.id, l.exerciseId ?? undefined)])))
    }
    read()
    const onStorage = (event: StorageEvent) => {
      if (event.key === visitorWorkKey) read()
    }
    window.addEventListener(visitorWorkChanged, read)
    window.addEventListener('storage', onStorage)
    return () => {
      window.removeEventListener(visitorWorkChanged, read)
      window.removeEventListener('storage', onStorage)
    }
    // `key` stands for `lessons`, which a server component passes anew on each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [courseId, key, enabled])
  return statuses
}
