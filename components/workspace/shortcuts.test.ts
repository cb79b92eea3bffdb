import { describe, expect, it } from 'vitest'
import { isApplePlatform, workspaceShortcut, type KeyLike } from './shortcuts'

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: 'Enter',
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  ...over,
})
const anywhere = { inTerminal: false, inDialogOrField: false }
const terminal = { inTerminal: true, inDialogOrField: false }

describe('workspace shortcuts', () => {
  it('Shift+Enter runs and Ctrl/Cmd+Enter submits', () => {
    expect(workspaceShortcut(key({ shiftKey: true }), anywhere)).toBe('run')
    expect(workspaceShortcut(key({ ctrlKey: true }), anywhere)).toBe('submit')
    expect(workspaceShortcut(key({ metaKey: true }), anywhere)).toBe('submit')
  })

  it('never takes plain Enter, other keys or other combinations', () => {
    expect(workspaceShortcut(key({}), anywhere)).toBeNull()
    expect(workspaceShortcut(key({}), terminal)).toBeNull()
    expect(workspaceShortcut(key({ key: 'a', ctrlKey: true }), anywhere)).toBeNull()
    expect(workspaceShortcut(key({ ctrlKey: true, shiftKey: true }), anywhere)).toBeNull()
    expect(workspaceShortcut(key({ altKey: true, shiftKey: true }), anywhere)).toBeNull()
  })

  it('leaves Shift+Enter to the terminal, but submits from it', () => {
    expect(workspaceShortcut(key({ shiftKey: true }), terminal)).toBeNull()
    expect(workspaceShortcut(key({ ctrlKey: true }), terminal)).toBe('submit')
  })

  it('leaves Enter to an IME composing Korean, and to dialogs and search fields', () => {
    expect(workspaceShortcut(key({ ctrlKey: true, isComposing: true }), anywhere)).toBeNull()
    expect(workspaceShortcut(key({ shiftKey: true }), { inTerminal: false, inDialogOrField: true })).toBeNull()
    expect(workspaceShortcut(key({ ctrlKey: true }), { inTerminal: false, inDialogOrField: true })).toBeNull()
  })

  it('knows Apple platforms', () => {
    expect(isApplePlatform('MacIntel')).toBe(true)
    expect(isApplePlatform('iPhone')).toBe(true)
    expect(isApplePlatform('Linux x86_64')).toBe(false)
    expect(isApplePlatform('Win32')).toBe(false)
  })
})
