// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'

/** The page the router is on; a test moves it as a navigation would. */
const router = vi.hoisted(() => ({ pathname: '/courses/kubernetes-basics' }))
vi.mock('next/navigation', () => ({ usePathname: () => router.pathname }))
const { HeaderMenu } = await import('./HeaderMenu')

function renderMenu() {
  const menu = () => (
    <HeaderMenu label="Menu">
      <button type="button">Language</button>
    </HeaderMenu>
  )
  const view = render(menu())
  return { navigate: (pathname: string) => ((router.pathname = pathname), view.rerender(menu())) }
}

const button = () => screen.getByTestId('menu-button')
const expanded = () => button().getAttribute('aria-expanded')

afterEach(() => {
  cleanup()
  router.pathname = '/courses/kubernetes-basics'
})

describe('HeaderMenu', () => {
  it('opens and closes with its button, which says whether it is open', () => {
    renderMenu()
    expect(expanded()).toBe('false')
    fireEvent.click(button())
    expect(expanded()).toBe('true')
    expect(document.getElementById('site-menu')?.dataset.open).toBe('true')
    fireEvent.click(button())
    expect(expanded()).toBe('false')
  })

  it('closes when the page changes, and stays closed on the next one', () => {
    const { navigate } = renderMenu()
    fireEvent.click(button())
    navigate('/progress')
    expect(expanded()).toBe('false')
    navigate('/courses/kubernetes-basics')
    expect(expanded()).toBe('false')
  })

  it('stays open while the page stays the same', () => {
    const { navigate } = renderMenu()
    fireEvent.click(button())
    navigate('/courses/kubernetes-basics')
    expect(expanded()).toBe('true')
  })

  it('closes on Escape and gives the focus back to its button', () => {
    renderMenu()
    fireEvent.click(button())
    screen.getByText('Language').focus()
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(expanded()).toBe('false')
    expect(document.activeElement).toBe(button())
  })
})
