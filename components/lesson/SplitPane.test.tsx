// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { hydrateServerHtml } from '@/lib/testing/hydration'
import { SplitPane } from './SplitPane'

const pane = <SplitPane left={<article>lesson</article>} right={<section>workspace</section>} label="Resize" />
const separator = () => screen.getByRole('separator')
const lessonShare = () => Number(separator().getAttribute('aria-valuenow'))
const columns = (container: HTMLElement) => (container.firstElementChild as HTMLElement).style.gridTemplateColumns

beforeEach(() => localStorage.clear())
afterEach(cleanup)

describe('SplitPane', () => {
  it('gives the lesson 40% on the server, and the share this browser saved once hydrated, without a mismatch', () => {
    localStorage.setItem('kubelab:split', '60')
    const { serverHtml, mismatches, container } = hydrateServerHtml(pane)
    expect(serverHtml).toContain('aria-valuenow="40"')
    expect(mismatches).toEqual([])
    expect(lessonShare()).toBe(60)
    expect(columns(container)).toBe('minmax(0, 60fr) 8px minmax(0, 40fr)')
  })

  it('keeps 40% without a saved share, and a saved share within 25–75%', () => {
    hydrateServerHtml(pane)
    expect(lessonShare()).toBe(40)
    cleanup()

    localStorage.setItem('kubelab:split', '90')
    hydrateServerHtml(pane)
    expect(lessonShare()).toBe(75)
  })

  it('opens at the default share and still moves where storage is refused (cookies blocked)', () => {
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    // a browser that blocks storage throws on reading window.localStorage itself
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(refuse)
    try {
      const { mismatches } = hydrateServerHtml(pane)
      expect(mismatches).toEqual([])
      expect(lessonShare()).toBe(40)
      fireEvent.keyDown(separator(), { key: 'ArrowRight' })
      expect(lessonShare()).toBe(45)
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('moves with the arrow keys, Home and End, and saves each move for the next lesson page', () => {
    render(pane)
    fireEvent.keyDown(separator(), { key: 'ArrowRight' })
    expect(lessonShare()).toBe(45)
    fireEvent.keyDown(separator(), { key: 'ArrowLeft' })
    fireEvent.keyDown(separator(), { key: 'ArrowLeft' })
    expect(lessonShare()).toBe(35)
    expect(localStorage.getItem('kubelab:split')).toBe('35')
    fireEvent.keyDown(separator(), { key: 'End' })
    expect(lessonShare()).toBe(75)
    fireEvent.keyDown(separator(), { key: 'Home' })
    expect(lessonShare()).toBe(25)
    cleanup()

    render(pane)
    expect(lessonShare()).toBe(25)
  })
})
