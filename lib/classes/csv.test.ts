import { describe, expect, it } from 'vitest'
import { csvCell, progressCsv, type CsvLabels } from './csv.ts'
import { buildProgressMatrix } from './progress-matrix.ts'

const labels: CsvLabels = {
  name: 'Name',
  email: 'Email',
  joined: 'Joined',
  completed: 'Completed',
  stuckOn: 'Stuck on',
  lastActivity: 'Last activity',
  state: { none: '', started: 'started', completed: 'done', stuck: 'stuck' },
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
    const m = buildProgressMatrix(lessons, [{ id: 'u', name: '김민호', email: 'minho@example.com', joinedAt }], [
      { userId: 'u', lessonId: 'pod', status: 'started', attempts: 3, bestScore: 0.5, updatedAt: new Date('2026-11-02T00:00:00Z') },
    ], [{ userId: 'u', lessonId: 'pod', bestScore: 0.6667, firstScore: 0.3333 }, { userId: 'u', lessonId: 'svc', bestScore: 1, firstScore: 1 }])
    const csv = progressCsv(m, labels)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Name,Email,Joined,Completed,Stuck on,Last activity,2. Pod,"3. Service, ClusterIP"',
      '김민호,minho@example.com,2026-11-01T00:00:00.000Z,0/2,2,2026-11-02T00:00:00.000Z,"stuck (3) · quiz first 33%, best 67%",quiz 100%',
      '',
    ])
  })
})
