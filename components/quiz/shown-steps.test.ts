import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { quizSchema } from '@/lib/content/schemas'
import { shownSteps } from './shown-steps'

const t = (en: string) => ({ ko: `ko:${en}`, en })
const quiz = quizSchema.parse({
  id: 'q',
  questions: [
    {
      id: 'scaled',
      type: 'single',
      prompt: t('p'),
      shows: { scenario: 'scaling', run: 3 },
      choices: [
        { id: 'a', text: t('A') },
        { id: 'b', text: t('B') },
      ],
      answer: 'a',
      explanation: t('e'),
    },
    {
      id: 'missing',
      type: 'single',
      prompt: t('p'),
      shows: { scenario: 'no-such-demo', run: 1 },
      choices: [
        { id: 'a', text: t('A') },
        { id: 'b', text: t('B') },
      ],
      answer: 'a',
      explanation: t('e'),
    },
    {
      id: 'plain',
      type: 'single',
      prompt: t('p'),
      choices: [
        { id: 'a', text: t('A') },
        { id: 'b', text: t('B') },
      ],
      answer: 'a',
      explanation: t('e'),
    },
  ],
})
const courseDir = join(process.cwd(), 'content/kubernetes-basics')

describe('what a predict-what-happens question shows', () => {
  it('is the output the simulator printed for the demo’s N-th run: step, the same every time, with the demo to replay', async () => {
    const shown = await shownSteps(quiz, courseDir)
    expect(Object.keys(shown)).toEqual(['scaled', 'missing'])
    const scaled = shown.scaled!
    expect(scaled.ok).toBe(true)
    if (!scaled.ok) return
    expect(scaled.command).toBe('kubectl get deployment web')
    // two seconds after scaling to 5 (nginx:1.27 is already on the nodes): five ready
    expect(scaled.output).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+5\/5\s+5\s+5\s+32s\n$/)
    expect(scaled.recording.transcript.length).toBeGreaterThan(3)
    expect((await shownSteps(quiz, courseDir)).scaled).toEqual(scaled)
    expect(shown.missing).toEqual({ ok: false, scenario: 'no-such-demo', run: 1 })
  })

  it('says a studio course (no demos folder) cannot show one', async () => {
    expect((await shownSteps(quiz, null)).scaled).toEqual({ ok: false, scenario: 'scaling', run: 3 })
  })
})
