import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { quizSchema } from '../content/schemas.ts'
import { runSteps, showsProblems } from './quiz-shows.ts'

const t = (en: string) => ({ ko: `ko:${en}`, en })
const scaling = readFileSync('content/kubernetes-basics/demos/scaling.scenario.yaml', 'utf8')
const question = (id: string, shows: { scenario: string; run: number }) => ({
  id,
  type: 'single',
  prompt: t('p'),
  shows,
  choices: [
    { id: 'a', text: t('A') },
    { id: 'b', text: t('B'), why: t('no') },
  ],
  answer: 'a',
  explanation: t('e'),
})

describe('a question that shows a demo step', () => {
  it('counts only run: steps, and finds each in the demo transcript (where apply: steps are entries too)', () => {
    const steps = runSteps(scaling)!
    expect(steps[0]).toEqual({ command: 'kubectl get deployment web', transcriptIndex: 1 })
    expect(steps[1]).toEqual({ command: 'kubectl scale deployment web --replicas=5', transcriptIndex: 2 })
    expect(steps).toHaveLength(7)
    expect(runSteps('steps: [')).toBeNull()
  })

  it('names a missing demo, a run past the last run: step, and passes the rest', () => {
    const quiz = quizSchema.parse({
      id: 'q',
      questions: [
        question('fine', { scenario: 'scaling', run: 7 }),
        question('past', { scenario: 'scaling', run: 8 }),
        question('nowhere', { scenario: 'no-such-demo', run: 1 }),
      ],
    })
    const demo = (id: string) => (id === 'scaling' ? scaling : null)
    expect(showsProblems(quiz, demo)).toEqual([
      'question "past" shows run 8 of demo "scaling", but that scenario has 7 run: steps',
      'question "nowhere" shows demo "no-such-demo", but there is no demos/no-such-demo.scenario.yaml',
    ])
  })
})
