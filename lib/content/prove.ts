/**
 * Proving an exercise: its reference solution and each other right answer pass every check, its starter fails at
 * least one, and each known-wrong answer fails exactly the checks it names. `kubelab content check` reports the failures; the
 * authors' studio shows the whole proof.
 */
import { gradeExercise } from '../grading/grade.ts'
import type { Exercise } from '../grading/exercise-schema.ts'
import { withParticle } from '../text/korean-particles.ts'
import type { Locale } from '../../i18n/locales.ts'

export interface CaseProof {
  /** solution, starter or the right or wrong answer's name */
  name: string
  kind: 'solution' | 'starter' | 'right' | 'wrong'
  ok: boolean
  /** checks that failed, sorted */
  failing: string[]
  /** for wrong answers: the checks it should fail, sorted */
  expected?: string[]
  score: number
  durationMs: number
  /** the reasons, for an author reading why a case did not go as expected */
  details: { check: string; passed: boolean; message: string }[]
  validationErrors: string[]
  /** the run reached one of the exercise's limits (lib/sim/budget.ts): the case cannot be proven */
  overBudget?: string
}

export interface ExerciseProof {
  exerciseId: string
  ok: boolean
  cases: CaseProof[]
}

function caseOf(
  name: string,
  kind: CaseProof['kind'],
  { result, overBudget }: ReturnType<typeof gradeExercise>,
  ok: (failing: string[]) => boolean,
  expected?: string[],
): CaseProof {
  const failing = result.checks
    .filter((c) => !c.passed)
    .map((c) => c.id)
    .sort()
  return {
    name,
    kind,
    ok: !overBudget && ok(failing) && (kind === 'solution' || kind === 'right' ? result.passed : true),
    ...(overBudget ? { overBudget: overBudget.message } : {}),
    failing,
    expected,
    score: result.score,
    durationMs: result.durationMs,
    details: result.checks.map((c) => ({ check: c.id, passed: c.passed, message: c.message })),
    validationErrors: result.validation.errors.map((e) => `${e.field ? `${e.field}: ` : ''}${e.message}`),
  }
}

export function proveExercise(exercise: Exercise, lang: Locale = 'en'): ExerciseProof {
  const grade = (source: string) => gradeExercise(exercise, source, { lang })
  const cases: CaseProof[] = [
    caseOf('solution', 'solution', grade(exercise.solution), (failing) => failing.length === 0),
    caseOf('starter', 'starter', grade(exercise.starter), (failing) => failing.length > 0),
    ...exercise.rightAnswers.map((r) => caseOf(r.name, 'right', grade(r.source), (failing) => failing.length === 0)),
    ...exercise.wrongAnswers.map((w) => {
      const expected = [...w.fails].sort()
      return caseOf(w.name, 'wrong', grade(w.source), (failing) => failing.join(',') === expected.join(','), expected)
    }),
  ]
  return { exerciseId: exercise.id, ok: cases.every((c) => c.ok), cases }
}

/** What `kubelab content check` (English) and the studio's publish gate (either language) say about a case that did not go as the author said. */
export function caseProblem(c: CaseProof, lang: Locale = 'en'): string | null {
  if (c.ok) return null
  const why = () => [...c.validationErrors, ...c.details.filter((d) => !d.passed).map((d) => `${d.check}: ${d.message}`)].join('; ')
  if (lang === 'ko') {
    const subject =
      c.kind === 'wrong' ? `오답 "${c.name}"` : c.kind === 'right' ? `정답 "${c.name}"` : c.kind === 'solution' ? '모범 답안' : '처음 틀'
    if (c.overBudget) return `${withParticle(subject, '이/가')} 실습의 제한을 넘습니다: ${c.overBudget}`
    if (c.kind === 'solution' || c.kind === 'right') return `${withParticle(subject, '이/가')} 모든 검사를 통과하지 못합니다: ${why()}`
    if (c.kind === 'starter') return '처음 틀이 이미 모든 검사를 통과합니다'
    return `${withParticle(subject, '은/는')} [${c.expected!.join(', ')}]에서 실패해야 하는데 [${c.failing.join(', ')}]에서 실패합니다`
  }
  const subject =
    c.kind === 'wrong' || c.kind === 'right'
      ? `${c.kind} answer "${c.name}"`
      : c.kind === 'solution'
        ? 'the reference solution'
        : 'the starter'
  if (c.overBudget) return `${subject} goes over the exercise's limits: ${c.overBudget}`
  if (c.kind === 'solution' || c.kind === 'right') return `${subject} does not pass: ${why()}`
  if (c.kind === 'starter') return 'the starter already passes every check'
  return `wrong answer "${c.name}" should fail [${c.expected!.join(', ')}] but fails [${c.failing.join(', ')}]`
}
