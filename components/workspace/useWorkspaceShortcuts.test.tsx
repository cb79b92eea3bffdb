// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, renderHook } from '@testing-library/react'
import { hydrateServerHtml } from '@/lib/testing/hydration'
import { useCommandKeyLabel } from './useWorkspaceShortcuts'

function onPlatform(platform: string) {
  vi.spyOn(navigator, 'platform', 'get').mockReturnValue(platform)
}

function SubmitHint() {
  return <kbd data-testid="submit-hint">{useCommandKeyLabel()}Enter</kbd>
}

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('useCommandKeyLabel', () => {
  it("names the command key as a Mac's keyboard shows it, and as Ctrl elsewhere", () => {
    onPlatform('MacIntel')
    expect(renderHook(() => useCommandKeyLabel()).result.current).toBe('⌘')
    onPlatform('Win32')
    expect(renderHook(() => useCommandKeyLabel()).result.current).toBe('Ctrl+')
    onPlatform('Linux x86_64')
    expect(renderHook(() => useCommandKeyLabel()).result.current).toBe('Ctrl+')
  })

  it('says Ctrl+ in the HTML the server renders, and ⌘ on a Mac once hydrated, without a mismatch', () => {
    onPlatform('MacIntel')
    const { serverHtml, mismatches, getByTestId } = hydrateServerHtml(<SubmitHint />)
    expect(serverHtml).toContain('Ctrl+')
    expect(mismatches).toEqual([])
    expect(getByTestId('submit-hint').textContent).toBe('⌘Enter')
  })
})
