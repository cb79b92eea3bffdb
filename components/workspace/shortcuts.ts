/** The workspace's keyboard shortcuts, decided from a key event. Pure. */

export interface KeyLike {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  /** an IME is composing (Korean input): Enter belongs to it */
  isComposing: boolean
}

export interface ShortcutPlace {
  /** the kubectl terminal: Enter and Shift+Enter run its command line */
  inTerminal: boolean
  /** a dialog or a text field of a widget (Monaco's find box): its own Enter keys */
  inDialogOrField: boolean
}

export type WorkspaceShortcut = 'run' | 'submit'

/**
 * Shift+Enter runs, Ctrl/Cmd+Enter submits, anywhere in the workspace. Plain Enter is never taken (buttons,
 * tabs and the terminal keep it), nor Shift+Enter inside the terminal or a field.
 */
export function workspaceShortcut(event: KeyLike, place: ShortcutPlace): WorkspaceShortcut | null {
  if (event.key !== 'Enter' || event.isComposing || event.altKey || place.inDialogOrField) return null
  const command = event.ctrlKey || event.metaKey
  if (command && !event.shiftKey) return 'submit'
  if (event.shiftKey && !command && !place.inTerminal) return 'run'
  return null
}

/** How the submit shortcut reads on this platform. */
export function isApplePlatform(platform: string): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(platform)
}
