// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup } from '@testing-library/react'
import { hydrateServerHtml } from '@/lib/testing/hydration'
import { SkipToExercise } from './SkipToExercise'

const skipLink = () => document.querySelector<HTMLAnchorElement>('[data-testid="skip-to-exercise"]')

afterEach(() => {
  cleanup()
  document.body.innerHTML = ''
})

describe('SkipToExercise', () => {
  it("renders nothing on the server; once hydrated, its link follows the layout's skip link and leads to the exercise", () => {
    document.body.innerHTML = '<a class="skip-link" href="#main">Skip to content</a><main id="main"></main>'
    const { serverHtml, mismatches } = hydrateServerHtml(<SkipToExercise targetId="exercise-title" label="Skip to the exercise" />)
    expect(serverHtml).toBe('')
    expect(mismatches).toEqual([])

    const link = skipLink()
    expect(link?.textContent).toBe('Skip to the exercise')
    expect(link?.getAttribute('href')).toBe('#exercise-title')
    expect(link?.className).toBe('skip-link')
    expect(link?.parentElement?.className).toBe('skip-links-extra')
    expect(document.body.firstElementChild?.nextElementSibling).toBe(link?.parentElement)
  })

  it('comes first in the page when the layout has no skip link, and leaves with the workspace', () => {
    const { unmount } = hydrateServerHtml(<SkipToExercise targetId="exercise-title" label="Skip to the exercise" />)
    expect(document.body.firstElementChild?.className).toBe('skip-links-extra')
    expect(skipLink()).not.toBeNull()

    unmount()
    expect(skipLink()).toBeNull()
    expect(document.querySelector('.skip-links-extra')).toBeNull()
  })
})
