// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { NextIntlClientProvider } from 'next-intl'
import visitor from '@/messages/en/visitor.json'
import { recordVisitorAttempt, recordVisitorQuiz } from '@/lib/browser/visitor-work'

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }))
const { laterKey, VisitorImportOffer } = await import('./VisitorImportOffer')

const at = '2026-11-02T10:00:00.000Z'

/** What a visitor did before signing in: one exercise attempt and one quiz, kept in this browser. */
function keepVisitorWork() {
  recordVisitorAttempt({
    courseId: 'kubernetes-basics',
    lessonId: 'pods',
    exerciseId: 'pod-web',
    kind: 'manifest',
    answer: 'kind: Pod',
    passed: true,
    score: 1,
    at,
  })
  recordVisitorQuiz({ courseId: 'kubernetes-basics', lessonId: 'pods', quizId: 'pods-quiz', answers: { q1: 'a' }, score: 1, at })
}

function renderOffer() {
  render(
    <NextIntlClientProvider locale="en" messages={{ visitor }}>
      <VisitorImportOffer />
    </NextIntlClientProvider>,
  )
  return screen.getByTestId('visitor-import') as HTMLDialogElement
}

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(cleanup)

describe('VisitorImportOffer', () => {
  it('offers the work this browser kept as soon as it mounts, in a modal dialog focused on adding it', () => {
    keepVisitorWork()
    const dialog = renderOffer()
    expect(dialog.open).toBe(true)
    expect(screen.getByRole('heading').textContent).toBe('Work from before you signed in')
    expect(dialog.textContent).toContain('You did 1 exercise and 1 quiz before signing in. Add them to your account?')
    expect(document.activeElement).toBe(screen.getByTestId('visitor-import-add'))
  })

  it('offers nothing when this browser kept nothing', () => {
    const dialog = renderOffer()
    expect(dialog.open).toBe(false)
    expect(dialog.textContent).toBe('')
  })

  it('offers nothing again in a session where the learner said "not now"', () => {
    keepVisitorWork()
    const dialog = renderOffer()
    fireEvent.click(screen.getByText('Not now'))
    expect(dialog.open).toBe(false)
    expect(sessionStorage.getItem(laterKey)).toBe('1')
    cleanup()

    expect(renderOffer().open).toBe(false)
  })
})
