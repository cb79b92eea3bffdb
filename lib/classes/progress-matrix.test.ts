import { describe, expect, it } from 'vitest'
import { buildProgressMatrix, cellState, quizPercents, type MatrixLesson } from './progress-matrix.ts'

const lessons: MatrixLesson[] = [
  { id: 'intro', number: 1, title: 'Intro', graded: false },
  { id: 'pod', number: 2, title: 'Pod', graded: true },
  { id: 'deployment', number: 3, title: 'Deployment', graded: true },
]
const joinedAt = new Date('2026-11-01T00:00:00Z')
const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T09:00:00Z`)

describe('the progress matrix', () => {
  it('marks a lesson stuck after three attempts without a pass, only where there is an exercise', () => {
    expect(cellState(undefined, true)).toBe('none')
    expect(cellState({ status: 'started', attempts: 0 }, true)).toBe('started')
    expect(cellState({ status: 'started', attempts: 2 }, true)).toBe('started')
    expect(cellState({ status: 'started', attempts: 3 }, true)).toBe('stuck')
    expect(cellState({ status: 'completed', attempts: 7 }, true)).toBe('completed')
    expect(cellState({ status: 'started', attempts: 5 }, false)).toBe('started')
  })

  it('has a row per learner and a cell per lesson, stuck learners first, then by name', () => {
    const learners = [
      { id: 'u1', name: 'Yuna', email: 'yuna@example.com', joinedAt },
      { id: 'u2', name: null, email: 'bora@example.com', joinedAt },
      { id: 'u3', name: 'Minho', email: 'minho@example.com', joinedAt },
    ]
    const records = [
      { userId: 'u1', lessonId: 'intro', status: 'completed', attempts: 0, bestScore: 0, updatedAt: at(2) },
      { userId: 'u1', lessonId: 'pod', status: 'completed', attempts: 2, bestScore: 1, updatedAt: at(3) },
      { userId: 'u3', lessonId: 'pod', status: 'started', attempts: 4, bestScore: 0.5, updatedAt: at(5) },
      { userId: 'u3', lessonId: 'intro', status: 'started', attempts: 0, bestScore: 0, updatedAt: at(4) },
    ]
    const m = buildProgressMatrix(lessons, learners, records, [{ userId: 'u1', lessonId: 'pod', bestScore: 0.8, firstScore: 0.4 }])
    expect(m.rows.map((r) => r.learner.id)).toEqual(['u3', 'u2', 'u1'])
    expect(m.stuckCount).toBe(1)
    const [minho, bora, yuna] = m.rows
    expect(minho!.stuckOn).toEqual(['pod'])
    expect(minho!.cells.map((c) => c.state)).toEqual(['started', 'stuck', 'none'])
    expect(minho!.lastActivity).toEqual(at(5))
    expect(bora!.cells.every((c) => c.state === 'none')).toBe(true)
    expect(bora!.lastActivity).toBeNull()
    expect(yuna!.completed).toBe(2)
    expect(yuna!.cells[1]).toEqual({
      lessonId: 'pod',
      state: 'completed',
      attempts: 2,
      bestScore: 1,
      quizScore: 0.8,
      quizFirstScore: 0.4,
      deadline: null,
      completedAt: null,
    })
    expect(yuna!.cells[0]!.quizScore).toBeNull()
    expect(yuna!.cells[0]!.quizFirstScore).toBeNull()
    expect(m.totals).toEqual([
      { lessonId: 'intro', completed: 1, stuck: 0, late: 0, overdue: 0 },
      { lessonId: 'pod', completed: 1, stuck: 1, late: 0, overdue: 0 },
      { lessonId: 'deployment', completed: 0, stuck: 0, late: 0, overdue: 0 },
    ])
  })

  it('marks late and overdue work against each lesson’s due date, judged at the given moment', () => {
    const due = [
      { ...lessons[0]!, dueAt: at(3) },
      { ...lessons[1]!, dueAt: at(5) },
      { ...lessons[2]!, dueAt: at(20) },
    ]
    const learners = [
      { id: 'on-time', name: 'A', email: 'a@example.com', joinedAt },
      { id: 'late', name: 'B', email: 'b@example.com', joinedAt },
      { id: 'nothing', name: 'C', email: 'c@example.com', joinedAt },
    ]
    const record = (userId: string, lessonId: string, completedAt: Date | null) => ({
      userId,
      lessonId,
      status: completedAt ? 'completed' : 'started',
      attempts: 1,
      bestScore: completedAt ? 1 : 0,
      updatedAt: completedAt ?? at(4),
      completedAt,
    })
    const records = [
      record('on-time', 'intro', at(3)), // completed at the due moment: on time
      record('on-time', 'pod', at(4)),
      record('late', 'intro', at(6)),
      record('late', 'pod', null), // started, never completed
    ]
    const m = buildProgressMatrix(due, learners, records, [], { now: at(10) })
    const row = (id: string) => m.rows.find((r) => r.learner.id === id)!
    expect(row('on-time').cells.map((c) => c.deadline)).toEqual([null, null, null])
    expect(row('late').cells.map((c) => c.deadline)).toEqual(['late', 'overdue', null])
    expect(row('late').late).toEqual(['intro'])
    expect(row('late').overdue).toEqual(['pod'])
    expect(row('late').cells[0]!.completedAt).toEqual(at(6))
    // not even started and past due is overdue too; the lesson due on the 20th is not due yet
    expect(row('nothing').cells.map((c) => c.deadline)).toEqual(['overdue', 'overdue', null])
    expect(m.totals.map(({ late, overdue }) => ({ late, overdue }))).toEqual([
      { late: 1, overdue: 1 },
      { late: 0, overdue: 2 },
      { late: 0, overdue: 0 },
    ])
    // ten days later the third lesson is overdue for everyone who has not completed it
    expect(buildProgressMatrix(due, learners, records, [], { now: at(21) }).totals[2]!.overdue).toBe(3)
    // without a clock, late work is still marked; nothing is overdue
    const noClock = buildProgressMatrix(due, learners, records)
    expect(noClock.rows.flatMap((r) => r.cells.map((c) => c.deadline)).filter(Boolean)).toEqual(['late'])
  })

  it('takes a learner’s last activity from the latest progress, completions included', () => {
    const records = [{ userId: 'u', lessonId: 'pod', status: 'completed', attempts: 1, bestScore: 1, updatedAt: at(2), completedAt: at(7) }]
    const m = buildProgressMatrix(lessons, [{ id: 'u', name: 'U', email: 'u@example.com', joinedAt }], records)
    expect(m.rows[0]!.lastActivity).toEqual(at(7))
  })

  it('is empty, not broken, for a class without learners', () => {
    expect(buildProgressMatrix(lessons, [], [])).toMatchObject({ lessons, rows: [], stuckCount: 0 })
    expect(buildProgressMatrix(lessons, [], []).totals.every((t) => t.completed === 0 && t.stuck === 0)).toBe(true)
  })
})

describe('quiz scores in a cell', () => {
  it('are whole percents of the first attempt and the best, or nothing when the quiz was not taken', () => {
    expect(quizPercents({ quizScore: 1, quizFirstScore: 0.4 })).toEqual({ first: 40, best: 100 })
    expect(quizPercents({ quizScore: 0.6667, quizFirstScore: 0.6667 })).toEqual({ first: 67, best: 67 })
    expect(quizPercents({ quizScore: null, quizFirstScore: null })).toBeNull()
  })
})
