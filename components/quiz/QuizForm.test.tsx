import { describe, expect, it } from 'vitest'
import ko from '@/messages/ko.json'
import en from '@/messages/en.json'
import type { PublicQuiz } from '@/lib/grading/quiz'
import { intlRenderer } from '@/lib/testing/render'
import { ChoiceFeedback, QuizForm, WrongWhys } from './QuizForm'

const render = intlRenderer({ ko, en })

const quiz: PublicQuiz = {
  id: 'q',
  questions: [
    {
      id: 'predict',
      type: 'single',
      prompt: 'What comes next?',
      shows: { scenario: 'scaling', run: 3 },
      choices: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
    },
    {
      id: 'gone',
      type: 'single',
      prompt: 'Missing demo?',
      shows: { scenario: 'nowhere', run: 1 },
      choices: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
    },
  ],
}

describe('a quiz before it is answered', () => {
  it.each(['ko', 'en'] as const)(
    'shows a predict question’s demo output in a focusable terminal block described for screen readers, and no replay yet (%s)',
    (locale) => {
      const html = render(
        <QuizForm
          quiz={quiz}
          courseId="c"
          lessonId="l"
          shown={{
            predict: { command: 'kubectl get deployment web', output: 'NAME   READY\nweb    5/5\n', scenario: 'scaling' },
            gone: { missing: 'no demo' },
          }}
          replays={{ scaling: <p data-testid="the-replay">replay</p> }}
        />,
        locale,
      )
      expect(html).toMatch(/<fieldset aria-describedby="quiz-q-predict-shows">/)
      expect(html).toMatch(
        /<pre class="terminal" tabindex="0" id="quiz-q-predict-shows" aria-label="[^"]+"><span class="prompt">\$ <\/span>kubectl get deployment web\nNAME {3}READY\nweb {4}5\/5\n<\/pre>/,
      )
      expect(html).toContain('<p class="error" role="note" id="quiz-q-gone-shows">no demo</p>')
      // the replay and any feedback come only with the result
      expect(html).not.toContain('the-replay')
      expect(html).not.toContain('quiz-whys')
    },
  )
})

describe('a quiz’s feedback after answering', () => {
  const outcome = {
    id: 'predict',
    correct: false,
    explanation: 'e',
    answer: 'B',
    choices: [
      { id: 'a', right: false, chosen: true, why: 'A is wrong because' },
      { id: 'b', right: true, chosen: false },
      { id: 'c', right: false, chosen: false, why: 'C is wrong because' },
    ],
  }
  const labels = { right: 'Right answer', wrongPick: 'Your pick, wrong', why: 'Why not:' }

  it('marks the right answer in words, and puts the why under the wrong option the learner picked', () => {
    expect(render(<ChoiceFeedback outcome={outcome} choiceId="b" labels={labels} />)).toBe(
      '<span class="choice-mark" data-right="true"><span aria-hidden="true">✓ </span>Right answer</span>',
    )
    expect(render(<ChoiceFeedback outcome={outcome} choiceId="a" labels={labels} />)).toBe(
      '<span class="choice-mark" data-right="false"><span aria-hidden="true">✗ </span>Your pick, wrong</span><span class="choice-why"><strong>Why not:</strong> A is wrong because</span>',
    )
    // a wrong option the learner did not pick says nothing under it (the full feedback lists it)
    expect(render(<ChoiceFeedback outcome={outcome} choiceId="c" labels={labels} />)).toBe('')
  })

  it('lists every wrong option with its why in the full feedback, the learner’s pick marked', () => {
    const html = render(
      <WrongWhys
        outcome={outcome}
        choiceText={(id) => id.toUpperCase()}
        labels={{ summary: 'Why each wrong option is wrong', wrongPick: 'Your pick, wrong' }}
      />,
    )
    expect(html).toBe(
      '<details class="quiz-whys"><summary>Why each wrong option is wrong</summary><ul><li><strong>A</strong> (Your pick, wrong) — A is wrong because</li><li><strong>C</strong> — C is wrong because</li></ul></details>',
    )
    expect(
      render(<WrongWhys outcome={{ ...outcome, choices: undefined }} choiceText={(id) => id} labels={{ summary: 's', wrongPick: 'w' }} />),
    ).toBe('')
  })
})
