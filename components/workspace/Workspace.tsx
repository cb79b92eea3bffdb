'use client'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import type { Diagnostic } from '@/lib/k8s'
import type { EditorHandle } from './YamlEditor'
import { GradeResultView, type GradeResponse } from './GradeResultView'
import { loadYamlEvent } from './editor-events'
import { InlineMarkdown } from './InlineMarkdown'

export interface WorkspaceExercise {
  id: string
  title: string
  instructions: string
  starter: string
}

function EditorPlaceholder() {
  const t = useTranslations('workspace')
  return (
    <div className="editor-placeholder" role="status" aria-live="polite">
      {t('loadingEditor')}
    </div>
  )
}

// Monaco is large: it loads after the lesson text has painted, in its own chunk.
const YamlEditor = dynamic(() => import('./YamlEditor'), { ssr: false, loading: EditorPlaceholder })

const draftKey = (id: string) => `kubelab:draft:${id}`

function usePreferredTheme(): 'light' | 'dark' {
  const [theme, setTheme] = useState<'light' | 'dark'>('light')
  useEffect(() => {
    const read = () => {
      const explicit = document.documentElement.dataset.theme
      setTheme(explicit === 'dark' || (!explicit && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light')
    }
    read()
    const observer = new MutationObserver(read)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => observer.disconnect()
  }, [])
  return theme
}

export function Workspace({ exercise, signedIn }: { exercise: WorkspaceExercise; signedIn: boolean }) {
  const t = useTranslations('workspace')
  const locale = useLocale()
  const theme = usePreferredTheme()
  const [yaml, setYaml] = useState(exercise.starter)
  const [result, setResult] = useState<GradeResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const editor = useRef<EditorHandle | null>(null)

  // The learner's text survives a reload.
  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey(exercise.id))
    if (saved !== null) setYaml(saved)
  }, [exercise.id])
  const update = useCallback(
    (text: string) => {
      setYaml(text)
      try {
        window.localStorage.setItem(draftKey(exercise.id), text)
      } catch {}
    },
    [exercise.id],
  )

  useEffect(() => {
    const onLoad = (event: Event) => {
      const text = (event as CustomEvent<string>).detail
      update(text)
      editor.current?.setValue(text)
      editor.current?.focus()
    }
    window.addEventListener(loadYamlEvent, onLoad)
    return () => window.removeEventListener(loadYamlEvent, onLoad)
  }, [update])

  const submit = useCallback(async () => {
    setPending(true)
    setError(null)
    try {
      const response = await fetch(`/api/exercises/${exercise.id}/grade`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ yaml, lang: locale }),
      })
      if (response.status === 413) throw new Error(t('errorTooLarge'))
      if (!response.ok) throw new Error(t('errorGeneric'))
      setResult((await response.json()) as GradeResponse)
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errorGeneric'))
    } finally {
      setPending(false)
    }
  }, [exercise.id, yaml, locale, t])

  const markers: Diagnostic[] = result?.validation.errors ?? []

  return (
    <section className="workspace" aria-label={t('label')}>
      <div className="workspace-toolbar">
        <h2>{exercise.title}</h2>
        <button
          type="button"
          className="button small"
          onClick={() => {
            if (window.confirm(t('resetConfirm'))) {
              update(exercise.starter)
              editor.current?.setValue(exercise.starter)
            }
          }}
        >
          {t('reset')}
        </button>
        <button type="button" className="button primary" onClick={submit} disabled={pending} aria-keyshortcuts="Control+Enter" title={t('submitShortcut')} data-testid="submit">
          {pending ? t('submitting') : t('submit')}
        </button>
      </div>
      <div className="instructions">
        <p>
          <InlineMarkdown text={exercise.instructions} />
        </p>
        {!signedIn && <p className="notice">{t('anonymousNote')}</p>}
      </div>
      <div className="editor-frame" data-testid="editor">
        <YamlEditor
          exerciseId={exercise.id}
          value={yaml}
          onChange={update}
          onSubmitShortcut={submit}
          onReady={(handle) => (editor.current = handle)}
          markers={markers}
          label={t('editor')}
          theme={theme}
        />
      </div>
      <div className="result-panel" aria-live="polite">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {result ? <GradeResultView result={result} onGoToLine={(line) => editor.current?.revealLine(line)} /> : !error && <p className="muted">{t('emptyResult')}</p>}
      </div>
    </section>
  )
}
