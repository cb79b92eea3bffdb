'use client'
import { useCallback, type KeyboardEvent } from 'react'
import { useHydrated } from '@/components/use-hydrated'
import { isApplePlatform, workspaceShortcut } from './shortcuts'

// Where Enter edits text of its own (Monaco's own text area is not one of these: the shortcuts work there).
const textField = 'textarea, input:not([type]), input[type=text], input[type=search], input[type=number]'

/**
 * Shift+Enter (Run) and Ctrl/Cmd+Enter (Submit) anywhere in the workspace: attach `onKeyDownCapture` to its root.
 * Capturing sees the keys before Monaco or a button does, so Shift+Enter runs instead of adding a line.
 */
export function useWorkspaceShortcuts({ run, submit }: { run?: () => void; submit: () => void }) {
  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement
      const shortcut = workspaceShortcut(
        {
          key: event.key,
          shiftKey: event.shiftKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          isComposing: event.nativeEvent.isComposing,
        },
        {
          inTerminal: target.closest('.xterm') !== null,
          inDialogOrField:
            target.closest('dialog, .find-widget, .rename-box') !== null ||
            (target.matches(textField) && !target.closest('.monaco-editor')),
        },
      )
      if (shortcut === null || (shortcut === 'run' && !run)) return
      event.preventDefault()
      event.stopPropagation()
      if (shortcut === 'run') run?.()
      else submit()
    },
    [run, submit],
  )
  return { onKeyDownCapture }
}

/**
 * Whether the keyboard is a Mac's, read after hydration: the server cannot know the platform, so it renders (and
 * hydration keeps) the other platforms' labels, and a Mac's follow right after.
 */
export function useApplePlatform(): boolean {
  return useHydrated() && isApplePlatform(navigator.platform)
}

/** "Ctrl+" or "⌘" before a shortcut's key, decided after hydration (the server cannot know the platform). */
export function useCommandKeyLabel(): string {
  return useApplePlatform() ? '⌘' : 'Ctrl+'
}
