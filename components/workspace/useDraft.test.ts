// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import { draftKey } from '@/lib/browser/visitor-work'
import { createExerciseApi } from './exercise-api'
import { localDelayMs, serverDelayMs, useDraft } from './useDraft'

/** The draft PUTs the server received: the exercise's path, the text, and whether it was sent with keepalive. */
function fakeServer() {
  const saves: { url: string; source: string; keepalive: boolean }[] = []
  const api = createExerciseApi(async (url, init) => {
    saves.push({
      url: String(url),
      source: (JSON.parse(String(init?.body)) as { source: string }).source,
      keepalive: init?.keepalive === true,
    })
    return new Response(null, { status: 204 })
  })
  return { api, saves }
}

function renderDraft(options: { signedIn?: boolean; serverDraft?: string | null } = {}) {
  const server = fakeServer()
  const props = {
    exerciseId: 'deployment-web',
    starter: 'kind: Deployment\n',
    serverDraft: options.serverDraft ?? null,
    signedIn: options.signedIn ?? true,
    api: server.api,
  }
  const hook = renderHook((p: typeof props) => useDraft(p), { initialProps: props })
  return { ...hook, props, saves: server.saves }
}

beforeEach(() => {
  window.localStorage.clear()
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useDraft: the text the editor opens with', () => {
  it("restores this browser's draft over the server's copy and the starter", () => {
    window.localStorage.setItem(draftKey('deployment-web'), 'replicas: 3 # mine')
    const { result } = renderDraft({ serverDraft: 'replicas: 2 # server' })
    expect(result.current.current()).toBe('replicas: 3 # mine')
  })

  it("opens with the server's copy when this browser has none, else with the starter", () => {
    expect(renderDraft({ serverDraft: 'replicas: 2 # server' }).result.current.current()).toBe('replicas: 2 # server')
    expect(renderDraft().result.current.current()).toBe('kind: Deployment\n')
  })

  it("reads the server's copy as it was when the page rendered, not a later prop", () => {
    const { result, rerender, props } = renderDraft({ serverDraft: 'at load' })
    rerender({ ...props, serverDraft: 'changed later' })
    expect(result.current.current()).toBe('at load')
  })

  it('follows the edits: current() is the last edited text', () => {
    const { result } = renderDraft()
    act(() => result.current.edited('replicas: 5'))
    expect(result.current.current()).toBe('replicas: 5')
  })
})

describe('useDraft: saving edits once typing pauses', () => {
  it("writes this browser's copy after a short pause, and only the last of quick edits", () => {
    const { result } = renderDraft()
    act(() => {
      result.current.edited('r')
      result.current.edited('re')
    })
    act(() => vi.advanceTimersByTime(localDelayMs - 1))
    expect(window.localStorage.getItem(draftKey('deployment-web'))).toBeNull()
    act(() => vi.advanceTimersByTime(1))
    expect(window.localStorage.getItem(draftKey('deployment-web'))).toBe('re')
  })

  it("sends a signed-in learner's text to the server once typing pauses for a second, one request per pause", async () => {
    const { result, saves } = renderDraft({ signedIn: true })
    act(() => {
      result.current.edited('replicas: 4')
      result.current.edited('replicas: 5')
    })
    await act(() => vi.advanceTimersByTimeAsync(serverDelayMs - 1))
    expect(saves).toEqual([])
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(saves).toEqual([{ url: '/api/exercises/deployment-web/draft', source: 'replicas: 5', keepalive: false }])
  })

  it('does not send the text the server already holds', async () => {
    const { result, saves } = renderDraft({ serverDraft: 'same' })
    act(() => result.current.edited('same'))
    await act(() => vi.advanceTimersByTimeAsync(serverDelayMs))
    expect(saves).toEqual([])
  })

  it("keeps a visitor's text in this browser only", async () => {
    const { result, saves } = renderDraft({ signedIn: false })
    act(() => result.current.edited('replicas: 5'))
    await act(() => vi.advanceTimersByTimeAsync(serverDelayMs * 2))
    expect(window.localStorage.getItem(draftKey('deployment-web'))).toBe('replicas: 5')
    expect(saves).toEqual([])
  })

  it('sends what is pending at once, with keepalive, when the page is hidden', () => {
    const { result, saves } = renderDraft()
    act(() => result.current.edited('replicas: 6'))
    act(() => {
      window.dispatchEvent(new Event('pagehide'))
    })
    expect(window.localStorage.getItem(draftKey('deployment-web'))).toBe('replicas: 6')
    expect(saves).toEqual([{ url: '/api/exercises/deployment-web/draft', source: 'replicas: 6', keepalive: true }])
  })

  it('sends what is pending when the workspace goes away inside the app (no pagehide)', () => {
    const { result, unmount, saves } = renderDraft()
    act(() => result.current.edited('replicas: 7'))
    unmount()
    expect(window.localStorage.getItem(draftKey('deployment-web'))).toBe('replicas: 7')
    expect(saves.map((s) => s.source)).toEqual(['replicas: 7'])
  })
})
