import { describe, expect, it } from 'vitest'
import { attemptsCsv, csvCell, progressCsv, type AttemptRecord, type AttemptsCsvLabels, type CsvLabels } from './csv.ts'
import { buildProgressMatrix } from './progress-matrix.ts'

const labels: CsvLabels = {
  name: 'Name',
  email: 'Email',
  joined: 'Joined',
  completed: 'Completed',
  stuckOn: 'Stuck on',
  lateOn: 'Late',
  overdueOn: 'Overdue',
  lastActivity: 'Last activity',
  state: { none: '', started: 'started', completed: 'done', stuck: 'stuck' },
  deadline: { late: 'late', overdue: 'overdue' },
  due: (iso) => `due ${iso}`,
  quiz: ({ best, first }) => (first === best ? `quiz ${best}%` : `quiz first ${first}%, best ${best}%`),
}

describe('progress CSV', () => {
  it('quotes like RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(3)).toBe('3')
  })

  it('defuses spreadsheet formulas in what learners control', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    for (const fullWidth of ['＝1+1', '＋1', '－2', '＠SUM(A1)']) expect(csvCell(fullWidth)).toBe(`'${fullWidth}`)
    expect(csvCell(-2)).toBe('-2')
  })

  it('has a header, a row per learner and a column per lesson, with a BOM for Korean in Excel', () => {
    const lessons = [
      { id: 'pod', number: 2, title: 'Pod', graded: true },
      { id: 'svc', number: 3, title: 'Service, ClusterIP', graded: true },
    ]
    const joinedAt = new Date('2026-11-01T00:00:00Z')
    const m = buildProgressMatrix(
      lessons,
      [{ id: 'u', name: '김민호', email: 'minho@example.com', joinedAt }],
      [{ userId: 'u', lessonId: 'pod', status: 'started', attempts: 3, bestScore: 0.5, updatedAt: new Date('2026-11-02T00:00:00Z') }],
      [
        { userId: 'u', lessonId: 'pod', bestScore: 0.6667, firstScore: 0.3333 },
        { userId: 'u', lessonId: 'svc', bestScore: 1, firstScore: 1 },
      ],
    )
    const csv = progressCsv(m, labels)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Name,Email,Joined,Completed,Stuck on,Late,Overdue,Last activity,2. Pod,"3. Service, ClusterIP"',
      '김민호,minho@example.com,2026-11-01T00:00:00.000Z,0/2,2,,,2026-11-02T00:00:00.000Z,"stuck (3) · quiz first 33%, best 67%",quiz 100%',
      '',
    ])
  })

  it('puts due dates in the lesson headers and marks late and overdue work, per cell and per learner', () => {
    const lessons = [
      { id: 'pod', number: 1, title: 'Pod', graded: true, dueAt: new Date('2026-11-05T15:00:00Z') },
      { id: 'svc', number: 2, title: 'Service', graded: true, dueAt: new Date('2026-11-08T15:00:00Z') },
      { id: 'extra', number: 3, title: 'Extra', graded: false },
    ]
    const joinedAt = new Date('2026-11-01T00:00:00Z')
    const m = buildProgressMatrix(
      lessons,
      [{ id: 'u', name: 'Yuna', email: 'yuna@example.com', joinedAt }],
      [
        {
          userId: 'u',
          lessonId: 'pod',
          status: 'completed',
          attempts: 2,
          bestScore: 1,
          updatedAt: new Date('2026-11-06T00:00:00Z'),
          completedAt: new Date('2026-11-06T00:00:00Z'),
        },
      ],
      [],
      { now: new Date('2026-11-10T00:00:00Z') },
    )
    const [header, row] = progressCsv(m, labels).slice(1).split('\r\n')
    expect(header).toBe(
      'Name,Email,Joined,Completed,Stuck on,Late,Overdue,Last activity,1. Pod (due 2026-11-05T15:00:00.000Z),2. Service (due 2026-11-08T15:00:00.000Z),3. Extra',
    )
    expect(row).toBe('Yuna,yuna@example.com,2026-11-01T00:00:00.000Z,1/3,,1,2,2026-11-06T00:00:00.000Z,done (2) · late,overdue,')
  })
})

const attemptLabels: AttemptsCsvLabels = {
  learner: 'Learner',
  email: 'Email',
  lesson: 'Lesson',
  exercise: 'Exercise',
  attempt: 'Attempt',
  passed: 'Passed',
  score: 'Score (%)',
  failingChecks: 'Failing checks',
  failingMessages: 'Messages',
  time: 'Time',
  yes: 'yes',
  no: 'no',
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = []
  for await (const chunk of chunks) out.push(chunk)
  return out
}

describe('the attempts CSV', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 9, minute))
  const attempt = (
    userId: string,
    exerciseId: string,
    minute: number,
    passed: boolean,
    failing: AttemptRecord['failing'] = [],
  ): AttemptRecord => ({
    userId,
    lessonId: exerciseId === 'pod-first-manifest' ? 'pod' : 'deployment',
    exerciseId,
    passed,
    score: passed ? 1 : 0.5,
    createdAt: at(minute),
    failing,
  })
  const learners = new Map([
    ['u1', { name: `=cmd|' /C calc'!A0`, email: 'mallory@example.com' }],
    ['u2', { name: '＝1+1 "김", 민호\n둘째 줄', email: 'minho@example.com' }],
    ['u3', { name: null, email: 'bora@example.com' }],
  ])
  const lessonLabel = (id: string) => ({ pod: '3. Pod', deployment: '8. Deployment' })[id] ?? id

  it('starts with a byte-order mark and the header, then one chunk per page, CRLF throughout', async () => {
    const pages = [[attempt('u3', 'pod-first-manifest', 1, true)], [], [attempt('u3', 'deployment-web', 2, true)]]
    const chunks = await collect(attemptsCsv(pages, learners, lessonLabel, attemptLabels))
    expect(chunks).toHaveLength(3) // the header, and the two pages that had rows
    expect(chunks[0]).toBe('\uFEFFLearner,Email,Lesson,Exercise,Attempt,Passed,Score (%),Failing checks,Messages,Time\r\n')
    expect(chunks[1]).toBe(',bora@example.com,3. Pod,pod-first-manifest,1,yes,100,,,2026-11-03T09:01:00.000Z\r\n')
    expect(chunks.join('').split('\r\n').at(-1)).toBe('')
  })

  it('numbers attempts per learner and exercise from 1 in time order, across pages', async () => {
    const pages = [
      [attempt('u3', 'pod-first-manifest', 1, false), attempt('u2', 'pod-first-manifest', 2, false)],
      [attempt('u3', 'deployment-web', 3, false), attempt('u3', 'pod-first-manifest', 4, true)],
      [attempt('u2', 'pod-first-manifest', 5, true)],
    ]
    const text = (await collect(attemptsCsv(pages, learners, lessonLabel, attemptLabels))).join('')
    const rows = text.slice(1).split('\r\n').slice(1, -1)
    const numbers = rows.map((r) => {
      const email = /[a-z]+@example\.com/.exec(r)![0]
      return `${email.split('@')[0]} ${/,(pod-first-manifest|deployment-web),(\d+),/.exec(r)!.slice(1).join(' ')}`
    })
    expect(numbers).toEqual([
      'bora pod-first-manifest 1',
      'minho pod-first-manifest 1',
      'bora deployment-web 1',
      'bora pod-first-manifest 2',
      'minho pod-first-manifest 2',
    ])
  })

  it('defuses formulas and quotes names with quotes, commas and new lines', async () => {
    const failing = [
      { id: 'selector-matches', message: 'The selector "app=web" matches no Pod.' },
      { id: 'replicas', message: '-1 is not a replica count, it is a formula' },
    ]
    const chunks = await collect(
      attemptsCsv(
        [[attempt('u1', 'deployment-web', 1, false, failing), attempt('u2', 'deployment-web', 2, false)]],
        learners,
        lessonLabel,
        attemptLabels,
      ),
    )
    const [mallory, minho] = chunks[1]!.split('\r\n')
    expect(mallory).toBe(
      `'=cmd|' /C calc'!A0,mallory@example.com,8. Deployment,deployment-web,1,no,50,selector-matches; replicas,"The selector ""app=web"" matches no Pod.\n-1 is not a replica count, it is a formula",2026-11-03T09:01:00.000Z`,
    )
    expect(minho).toBe(`"'＝1+1 ""김"", 민호\n둘째 줄",minho@example.com,8. Deployment,deployment-web,1,no,50,,,2026-11-03T09:02:00.000Z`)
  })

  it('leaves out attempts of anyone no longer in the class', async () => {
    const chunks = await collect(attemptsCsv([[attempt('someone-else', 'deployment-web', 1, true)]], learners, lessonLabel, attemptLabels))
    expect(chunks).toHaveLength(1)
  })
})
