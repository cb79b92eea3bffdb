'use client'
import { useEffect } from 'react'
import { useTranslations } from 'next-intl'
import type { ConfirmRequest } from './ConfirmDialog'
import { loadYamlEvent, type LoadYamlDetail } from './editor-events'

interface Options {
  isManifest: boolean
  /** replaces the editor's text, asking first when the learner's own would go (useEditorText's `replace`) */
  replace(yaml: string, ask: ConfirmRequest): Promise<boolean>
  /** the workspace's notice line */
  say(message: string): void
  /** the platform's command key label ("Ctrl+" or "⌘"), for the undo shortcut the question names */
  commandKey: string
}

/** "Load into editor" under a lesson's code blocks (editor-events.ts) puts the example into the editor. */
export function useLoadIntoEditor({ isManifest, replace, say, commandKey }: Options) {
  const t = useTranslations('workspace')
  useEffect(() => {
    const onLoad = (event: Event) => {
      const { yaml } = (event as CustomEvent<LoadYamlDetail>).detail
      if (!isManifest) {
        // A command exercise has no editor: its cluster is worked on in the terminal.
        say(t('tryItInTerminal'))
        return
      }
      void replace(yaml, {
        title: t('loadConfirmTitle'),
        message: t('loadConfirmMessage', { undo: `${commandKey}Z` }),
        confirmLabel: t('loadConfirmAction'),
        cancelLabel: t('cancel'),
      })
    }
    window.addEventListener(loadYamlEvent, onLoad)
    return () => window.removeEventListener(loadYamlEvent, onLoad)
  }, [isManifest, replace, say, t, commandKey])
}
