'use client'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import type { Diagnostic } from '@/lib/k8s'
import { parseDuration } from '@/lib/sim/clock'
import type { Recording } from '@/components/simulator/protocol'
import { useSimulator } from '@/components/simulator/use-simulator'
import { pageIsDark } from '@/components/terminal/terminal-theme'
import type { EditorHandle } from './YamlEditor'
import { GradeResultView, type GradeResponse } from './GradeResultView'
import { ClusterPanel } from './ClusterPanel'
import { EventsPanel } from './EventsPanel'
import { WorkspaceTabs } from './WorkspaceTabs'
import { loadYamlEvent } from './editor-events'
import { InlineMarkdown } from './InlineMarkdown'

export type SetupStep = { wait: string | number } | { run: string } | { apply: string } | { snapshot: string }

export interface WorkspaceExercise {
  id: string
  kind: 'manifest' | 'command'
  title: string
  instructions: string
  starter: string
  hints: string[]
  cluster: { seed: number; nodes: number }
  /** The prepared cluster (command exercises start from it); not secret. */
  setup: SetupStep[]
}

function EditorPlaceholder() {
  const t = useTranslations('workspace')
  return (
    <div className="editor-placeholder" role="status" aria-live="polite">
      {t('loadingEditor')}
    </div>
  )
}

// Monaco and xterm are large: they load after the lesson text has painted, in their own chunks.
const YamlEditor = dynamic(() => import('./YamlEditor'), { ssr: false, loading: EditorPlaceholder })
const SolutionDiff = dynamic(() => import('./SolutionDiff'), { ssr: false, loading: EditorPlaceholder })
const KubectlTerminal = dynamic(() => import('@/components/terminal/KubectlTerminal'), { ssr: false, loading: EditorPlaceholder })

const draftKey = (id: string) => `kubelab:draft:${id}`

function usePreferredTheme(): 'light' | 'dark' {
  const [theme, setTheme] = useState<'light' | 'dark'>('light')
  useEffect(() => {
    const read = () => {
      setTheme(pageIsDark(document.documentElement.dataset.theme, window.matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light')
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

type TabId = 'editor' | 'cluster' | 'terminal' | 'events'

export function Workspace({ exercise, signedIn, initialAttempts, initialSolutionAvailable, serverDraft }: Props) {
  const t = useTranslations('workspace')
  const locale = useLocale()
  const theme = usePreferredTheme()
  const isManifest = exercise.kind === 'manifest'
  const [tab, setTab] = useState<TabId>(isManifest ? 'editor' : 'terminal')
  const [source, setSource] = useState(exercise.starter)
  const [result, setResult] = useState<GradeResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const [attempts, setAttempts] = useState(initialAttempts)
  const [hintsShown, setHintsShown] = useState(0)
  const [solutionAvailable, setSolutionAvailable] = useState(initialSolutionAvailable)
  const [solution, setSolution] = useState<string | null>(null)
  const [showSolution, setShowSolution] = useState(false)
  const [runMarkers, setRunMarkers] = useState<Diagnostic[]>([])
  const [recording, setRecording] = useState<Recording | null>(null)
  const [clusterMode, setClusterMode] = useState<'recording' | 'live'>('recording')
  const [running, setRunning] = useState(false)
  const [commands, setCommands] = useState<string[]>([])
  const [prepared, setPrepared] = useState(false)
  const editor = useRef<EditorHandle | null>(null)
  const language = isManifest ? 'yaml' : 'shell'
  const sim = useSimulator({ seed: exercise.cluster.seed, nodes: exercise.cluster.nodes, live: prepared && (tab === 'terminal' || (tab === 'cluster' && clusterMode === 'live')) })

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
      setTab('editor')
      editor.current?.setValue(text)
      editor.current?.focus()
    }
    window.addEventListener(loadYamlEvent, onLoad)
    return () => window.removeEventListener(loadYamlEvent, onLoad)
  }, [update])

  // Once the editor is up and the page is idle, start the simulator worker, so the first Run answers at once.
  const warmUp = useCallback(() => {
    const start = () => void sim.api.snapshot().catch(() => {})
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2000 })
    else setTimeout(start, 500)
  }, [sim.api])

  /** A fresh cluster with the exercise's prepared state, as the grader starts from. */
  const prepare = useCallback(async () => {
    await sim.api.reset({ seed: exercise.cluster.seed, nodes: exercise.cluster.nodes })
    for (const step of exercise.setup) {
      if ('apply' in step) await sim.api.apply(step.apply)
      else if ('run' in step) await sim.api.run(step.run)
      else if ('wait' in step) await sim.api.advance((parseDuration(step.wait) ?? 0) / 1000)
    }
    setPrepared(true)
  }, [sim.api, exercise.cluster.seed, exercise.cluster.nodes, exercise.setup])

  const run = useCallback(async () => {
    if (!isManifest) return
    setRunning(true)
    setError(null)
    try {
      await prepare()
      const { apply, recording: rec } = await sim.api.applyAndRecord(source, { seconds: 120 })
      setRunMarkers(apply.errors)
      if (rec) {
        setRecording(rec)
        setClusterMode('recording')
        setTab('cluster')
      } else setError(t('runRejected'))
    } catch (e) {
      setError(t('simulatorFailed', { message: e instanceof Error ? e.message : String(e) }))
    } finally {
      setRunning(false)
    }
  }, [isManifest, prepare, sim.api, source, t])

  // The terminal acts on the same cluster; command exercises start from the prepared one and record what is typed.
  const runCommand = useCallback(
    async (command: string) => {
      if (!prepared) await prepare()
      const answer = await sim.api.run(command)
      if (!isManifest) setCommands((list) => [...list, command])
      setClusterMode('live')
      return { ok: answer.ok, output: answer.output }
    },
    [prepared, prepare, sim.api, isManifest],
  )

  const resetCluster = useCallback(async () => {
    setCommands([])
    setRecording(null)
    await prepare()
  }, [prepare])

  const submit = useCallback(async () => {
    if (!isManifest && commands.length === 0) {
      setError(t('noCommands'))
      return
    }
    setPending(true)
    setError(null)
    try {
      const payload = isManifest ? { yaml: source } : { commands }
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
  }, [exercise.id, isManifest, source, commands, locale, t])

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
    setTab('editor')
  }, [exercise.id, solution, t])

  const markers: Diagnostic[] = result?.validation.errors.length ? result.validation.errors : runMarkers
  const hintsUnlocked = Math.min(exercise.hints.length, attempts)
  const tabs = [
    ...(isManifest || showSolution ? [{ id: 'editor', label: t('tabEditor') }] : []),
    { id: 'cluster', label: t('tabCluster') },
    { id: 'terminal', label: t('tabTerminal'), badge: !isManifest && commands.length > 0 ? String(commands.length) : undefined },
    { id: 'events', label: t('tabEvents') },
  ]

  return (
    <section className="workspace" aria-label={t('label')} data-exercise-id={exercise.id}>
      <div className="workspace-toolbar">
        <h2>{exercise.title}</h2>
        <button
          type="button"
          className="button small"
          onClick={() => {
            if (!isManifest) void resetCluster()
            else if (window.confirm(t('resetConfirm'))) {
              update(exercise.starter)
              editor.current?.setValue(exercise.starter)
            }
          }}
        >
          {isManifest ? t('reset') : t('resetCluster')}
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
        {isManifest && (
          <button type="button" className="button" onClick={run} disabled={running} aria-keyshortcuts="Shift+Enter" title={t('runShortcut')} data-testid="run">
            ▶ {running ? t('running') : t('run')}
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
        {!isManifest && <p className="muted">{t('terminalIntro')}</p>}
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
      <WorkspaceTabs tabs={tabs} active={tab} onChange={(id) => setTab(id as TabId)} label={t('tabs')}>
        {tab === 'editor' && (
          <div className="editor-frame" data-testid="editor">
            {showSolution && solution !== null ? (
              <SolutionDiff original={isManifest ? source : commands.join('\n')} solution={solution} theme={theme} language={language} />
            ) : (
              <YamlEditor
                exerciseId={exercise.id}
                value={source}
                onChange={update}
                onSubmitShortcut={submit}
                onRunShortcut={run}
                onReady={(handle) => {
                  editor.current = handle
                  warmUp()
                }}
                markers={markers}
                label={t('editor')}
                theme={theme}
                language={language}
              />
            )}
          </div>
        )}
        {tab === 'cluster' && <ClusterPanel mode={clusterMode} recording={recording} live={sim.state} onMode={setClusterMode} />}
        {/* The terminal stays mounted once opened, so its screen and history survive switching tabs. */}
        <div className="terminal-host" hidden={tab !== 'terminal'} data-testid="terminal">
          {(tab === 'terminal' || prepared) && <KubectlTerminal run={runCommand} complete={sim.api.complete} historyKey={`kubelab:history:${exercise.id}`} />}
        </div>
        {tab === 'events' && <EventsPanel events={recording?.events ?? []} />}
      </WorkspaceTabs>
      {showSolution && (
        <p className="notice" style={{ margin: 0, borderRadius: 0 }}>
          {t('solutionDiffNote')}{' '}
          <button type="button" className="button small" onClick={() => setShowSolution(false)}>
            {t('backToEditor')}
          </button>
        </p>
      )}
      <div className="result-panel" aria-live="polite">
        {(error ?? sim.error) && (
          <p className="error" role="alert">
            {error ?? t('simulatorFailed', { message: sim.error ?? '' })}
          </p>
        )}
        {!isManifest && commands.length > 0 && <p className="muted">{t('commandsTyped', { count: commands.length })}</p>}
        {result ? <GradeResultView result={result} onGoToLine={(line) => { setTab('editor'); editor.current?.revealLine(line) }} /> : !error && <p className="muted">{t('emptyResult')}</p>}
      </div>
    </section>
  )
}
