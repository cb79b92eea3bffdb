import { describe, expect, it } from 'vitest'
import {
  clearVisitorWork,
  draftKey,
  hasVisitorWork,
  importBatches,
  readVisitorWork,
  recordVisitorAttempt,
  recordVisitorLessonVisit,
  recordVisitorQuiz,
  visitorDrafts,
  visitorImportRequest,
  visitorLessonStatus,
  visitorWorkCounts,
  visitorWorkKey,
  type KeyValueStore,
  type VisitorAttempt,
} from './visitor-work.ts'

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    get length() {
      return data.size
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  }
}

const attempt = (over: Partial<VisitorAttempt> = {}): VisitorAttempt => ({
  courseId: 'kubernetes-basics',
  lessonId: 'deployment',
  exerciseId: 'deployment-web',
  kind: 'manifest',
  answer: 'kind: Deployment',
  passed: false,
  score: 40,
  at: '2026-12-04T10:00:00.000Z',
  ...over,
})

describe('a visitor’s work kept in the browser', () => {
  it('keeps the passing answer even when a later attempt fails, and counts every attempt', () => {
    const store = memoryStore()
    recordVisitorAttempt(attempt(), store)
    recordVisitorAttempt(attempt({ passed: true, score: 100, answer: 'right' }), store)
    recordVisitorAttempt(attempt({ passed: false, score: 20, answer: 'worse' }), store)
    const work = readVisitorWork(store)
    expect(work.exercises['deployment-web']).toMatchObject({ attempts: 3, best: { passed: true, answer: 'right' } })
    expect(visitorLessonStatus(work, 'kubernetes-basics', 'deployment', 'deployment-web')).toBe('completed')
    expect(hasVisitorWork(work)).toBe(true)
  })

  it('keeps the passing attempt’s check verdicts for the lesson reopened, and never sends them in an import', () => {
    const store = memoryStore()
    const passing = [
      { id: 'replicas', passed: true },
      { id: 'deployment-ready', passed: true },
    ]
    recordVisitorAttempt(attempt({ passed: true, score: 1, answer: 'right', checks: passing }), store)
    recordVisitorAttempt(attempt({ passed: false, score: 0.5, answer: 'worse', checks: [{ id: 'replicas', passed: false }] }), store)
    const work = readVisitorWork(store)
    expect(work.exercises['deployment-web']!.best.checks).toEqual(passing)
    const request = visitorImportRequest(work, {}, 'ko')
    expect(request.exercises).toEqual([{ exerciseId: 'deployment-web', answer: 'right', passed: true, score: 1 }])
  })

  it('keeps a quiz’s best score and marks lessons opened as started', () => {
    const store = memoryStore()
    const quiz = { courseId: 'kubernetes-basics', lessonId: 'pod', quizId: 'pod-quiz', answers: { q1: 'a' }, score: 80, at: 'x' }
    recordVisitorQuiz(quiz, store)
    recordVisitorQuiz({ ...quiz, score: 40, answers: { q1: 'b' } }, store)
    recordVisitorLessonVisit('kubernetes-basics', 'service', 'y', store)
    const work = readVisitorWork(store)
    expect(work.quizzes['pod-quiz']?.answers).toEqual({ q1: 'a' })
    expect(visitorLessonStatus(work, 'kubernetes-basics', 'service', 'service-hello')).toBe('started')
    expect(visitorLessonStatus(work, 'kubernetes-basics', 'scaling', undefined)).toBeNull()
  })

  it('survives garbage in storage, refuses huge answers, and clears only its own record', () => {
    const store = memoryStore()
    store.setItem(visitorWorkKey, '{not json')
    expect(readVisitorWork(store)).toEqual({ version: 1, exercises: {}, quizzes: {}, lessons: {} })
    recordVisitorAttempt(attempt({ answer: 'x'.repeat(70 * 1024) }), store)
    expect(hasVisitorWork(readVisitorWork(store))).toBe(false)
    store.setItem(draftKey('deployment-web'), 'my draft')
    recordVisitorAttempt(attempt(), store)
    clearVisitorWork(store)
    expect(store.getItem(visitorWorkKey)).toBeNull()
    expect(visitorDrafts(store)).toEqual({ 'deployment-web': 'my draft' })
  })

  it('works without storage at all (disabled by privacy settings)', () => {
    expect(() => recordVisitorAttempt(attempt(), null)).not.toThrow()
    expect(hasVisitorWork(readVisitorWork(null))).toBe(false)
  })

  it('builds the import request from the record and the drafts, and counts what it offers', () => {
    const store = memoryStore()
    recordVisitorAttempt(attempt({ passed: true, score: 1 }), store)
    recordVisitorAttempt(
      attempt({ exerciseId: 'intro-get-nodes', lessonId: 'intro', kind: 'command', answer: ['kubectl get nodes'] }),
      store,
    )
    recordVisitorQuiz(
      { courseId: 'kubernetes-basics', lessonId: 'pod', quizId: 'pod-basics', answers: { q1: 'a' }, score: 1, at: 'x' },
      store,
    )
    recordVisitorLessonVisit('kubernetes-basics', 'service', 'y', store)
    store.setItem(draftKey('deployment-web'), 'kind: Deployment')
    const work = readVisitorWork(store)
    expect(visitorWorkCounts(work)).toEqual({ exercises: 2, passed: 1, quizzes: 1 })
    expect(visitorImportRequest(work, visitorDrafts(store), 'en')).toEqual({
      lang: 'en',
      exercises: [
        { exerciseId: 'deployment-web', answer: 'kind: Deployment', passed: true, score: 1 },
        { exerciseId: 'intro-get-nodes', answer: ['kubectl get nodes'], passed: false, score: 40 },
      ],
      quizzes: [{ quizId: 'pod-basics', answers: { q1: 'a' }, score: 1 }],
      drafts: [{ exerciseId: 'deployment-web', source: 'kind: Deployment' }],
      lessons: [
        { courseId: 'kubernetes-basics', lessonId: 'deployment' },
        { courseId: 'kubernetes-basics', lessonId: 'intro' },
        { courseId: 'kubernetes-basics', lessonId: 'pod' },
        { courseId: 'kubernetes-basics', lessonId: 'service' },
      ],
    })
  })

  it('splits a request over the body limit into parts that each fit, losing nothing', () => {
    const big = 'x'.repeat(60 * 1024)
    const request = {
      lang: 'ko' as const,
      exercises: Array.from({ length: 30 }, (_, i) => ({ exerciseId: `e${i}`, answer: big })),
      quizzes: [{ quizId: 'q', answers: { a: 'b' } }],
      drafts: Array.from({ length: 10 }, (_, i) => ({ exerciseId: `e${i}`, source: big })),
      lessons: [{ courseId: 'c', lessonId: 'l' }],
    }
    const limit = 256 * 1024
    const batches = importBatches(request, limit)
    expect(batches.length).toBeGreaterThan(1)
    for (const batch of batches) expect(new TextEncoder().encode(JSON.stringify(batch)).length).toBeLessThanOrEqual(limit)
    expect(batches.flatMap((b) => b.exercises)).toEqual(request.exercises)
    expect(batches.flatMap((b) => b.drafts)).toEqual(request.drafts)
    expect(batches.flatMap((b) => b.quizzes)).toEqual(request.quizzes)
    expect(batches.flatMap((b) => b.lessons)).toEqual(request.lessons)
    expect(importBatches({ ...request, exercises: [], drafts: [] }, limit)).toHaveLength(1)
  })
})
