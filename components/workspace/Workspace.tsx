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
  kind: 'manifest' | 'command'
  title: string
  instructions: string
  starter: string
  hints: string[]
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
const SolutionDiff = dynamic(() => import('./SolutionDiff'), { ssr: false, loading: EditorPlaceholder })

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

interface Props {
  exercise: WorkspaceExercise
  signedIn: boolean
  /** Attempts stored for a signed-in learner; 0 for visitors. */
  initialAttempts: number
  initialSolutionAvailable: boolean
  /** The learner's text saved on the server (signed in), used when this browser has none. */
  serverDraft: string | null
}

export function Workspace({ exercise, signedIn, initialAttempts, initialSolutionAvailable, serverDraft }: Props) {
  const t = useTranslations('workspace')
  const locale = useLocale()
  const theme = usePreferredTheme()
  const [source, setSource] = useState(exercise.starter)
  const [result, setResult] = useState<GradeResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const [attempts, setAttempts] = useState(initialAttempts)
  const [hintsShown, setHintsShown] = useState(0)
  const [solutionAvailable, setSolutionAvailable] = useState(initialSolutionAvailable)
  const [solution, setSolution] = useState<string | null>(null)
  const [showSolution, setShowSolution] = useState(false)
  const editor = useRef<EditorHandle | null>(null)
  const language = exercise.kind === 'manifest' ? 'yaml' : 'shell'

  // The learner's text survives a reload (this browser), and another device (the server, when signed in).
  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey(exercise.id)) ?? serverDraft
    if (saved !== null) setSource(saved)
  }, [exercise.id, serverDraft])
  const serverSave = useRef<ReturnType<typeof setTimeout> | null>(null)
  const update = useCallback(
    (text: string) => {
      setSource(text)
      try {
        window.localStorage.setItem(draftKey(exercise.id), text)
      } catch {}
      if (!signedIn) return
      if (serverSave.current) clearTimeout(serverSave.current)
      serverSave.current = setTimeout(() => {
        void fetch(`/api/exercises/${exercise.id}/draft`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: text }), keepalive: true }).catch(() => {})
      }, 1000)
    },
    [exercise.id, signedIn],
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
      const payload =
        exercise.kind === 'manifest'
          ? { yaml: source }
          : { commands: source.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')) }
      const response = await fetch(`/api/exercises/${exercise.id}/grade`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...payload, lang: locale }),
      })
      if (response.status === 413) throw new Error(t('errorTooLarge'))
      if (!response.ok) throw new Error(t('errorGeneric'))
      const graded = (await response.json()) as GradeResponse
      setResult(graded)
      setShowSolution(false)
      setAttempts((a) => graded.attempts ?? a + 1)
      if (graded.solutionAvailable) setSolutionAvailable(true)
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errorGeneric'))
    } finally {
      setPending(false)
    }
  }, [exercise.id, exercise.kind, source, locale, t])

  const openSolution = useCallback(async () => {
    if (solution === null) {
      const response = await fetch(`/api/exercises/${exercise.id}/solution`)
      if (!response.ok) {
        setError(t('solutionLocked'))
        return
      }
      setSolution(((await response.json()) as { solution: string }).solution)
    }
    setShowSolution(true)
  }, [exercise.id, solution, t])

  const markers: Diagnostic[] = result?.validation.errors ?? []
  const hintsUnlocked = Math.min(exercise.hints.length, attempts)

  return (
    <section className="workspace" aria-label={t('label')} data-exercise-id={exercise.id}>
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
        {exercise.hints.length > 0 && (
          <button type="button" className="button small" disabled={hintsShown >= hintsUnlocked} onClick={() => setHintsShown((n) => n + 1)} data-testid="show-hint">
            {t('showHint', { shown: hintsShown, total: exercise.hints.length })}
          </button>
        )}
        {signedIn && (
          <button type="button" className="button small" disabled={!solutionAvailable} title={solutionAvailable ? undefined : t('solutionLocked')} onClick={openSolution} data-testid="show-solution">
            {t('showSolution')}
          </button>
        )}
        <button type="button" className="button primary" onClick={submit} disabled={pending} aria-keyshortcuts="Control+Enter" title={t('submitShortcut')} data-testid="submit">
          {pending ? t('submitting') : t('submit')}
        </button>
      </div>
      <div className="instructions">
        <p>
          <InlineMarkdown text={exercise.instructions} />
        </p>
        {exercise.kind === 'command' && <p className="muted">{t('commandHelp')}</p>}
        {hintsShown > 0 && (
          <ol className="hints" aria-label={t('hint')}>
            {exercise.hints.slice(0, hintsShown).map((hint, i) => (
              <li key={i}>
                <InlineMarkdown text={hint} />
              </li>
            ))}
          </ol>
        )}
        {!signedIn && <p className="notice">{t('anonymousNote')}</p>}
      </div>
      <div className="editor-frame" data-testid="editor">
        {showSolution && solution !== null ? (
          <SolutionDiff original={source} solution={solution} theme={theme} language={language} />
        ) : (
          <YamlEditor
            exerciseId={exercise.id}
            value={source}
            onChange={update}
            onSubmitShortcut={submit}
            onReady={(handle) => (editor.current = handle)}
            markers={markers}
            label={t('editor')}
            theme={theme}
            language={language}
          />
        )}
      </div>
      {showSolution && (
        <p className="notice" style={{ margin: 0, borderRadius: 0 }}>
          {t('solutionDiffNote')}{' '}
          <button type="button" className="button small" onClick={() => setShowSolution(false)}>
            {t('backToEditor')}
          </button>
        </p>
      )}
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
