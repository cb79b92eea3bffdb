'use client'
import dynamic from 'next/dynamic'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { recordVisitorLessonVisit } from '@/lib/browser/visitor-work'
import { GradeResultView } from './GradeResultView'
import { ClusterPanel } from './ClusterPanel'
import { EventsPanel } from './EventsPanel'
import { WorkspaceTabs } from './WorkspaceTabs'
import { loadYamlEvent, type LoadYamlDetail } from './editor-events'
import { InlineMarkdown } from './InlineMarkdown'
import { createExerciseApi } from './exercise-api'
import { useDraft } from './useDraft'
import { useGrading, useSolution } from './useGrading'
import { useClusterRun, type SetupStep } from './useClusterRun'
import { useCommandKeyLabel, useWorkspaceShortcuts } from './useWorkspaceShortcuts'
import { usePreferredTheme } from './usePreferredTheme'
import { useEditorText } from './useEditorText'
import { useConfirm } from './ConfirmDialog'
import { SkipToExercise } from './SkipToExercise'

export type { SetupStep }

export interface WorkspaceExercise {
  id: string
  /** where the exercise sits, for a visitor's work kept in this browser */
  courseId: string
  lessonId: string
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

export const exerciseHeadingId = 'exercise-title'

export function Workspace({ exercise, signedIn, initialAttempts, initialSolutionAvailable, serverDraft }: Props) {
  const t = useTranslations('workspace')
  const lang = useLocale() === 'en' ? 'en' : 'ko'
  const theme = usePreferredTheme()
  const commandKey = useCommandKeyLabel()
  const api = useMemo(() => createExerciseApi(), [])
  const isManifest = exercise.kind === 'manifest'
  const [tab, setTab] = useState<TabId>(isManifest ? 'editor' : 'terminal')
  const [hintsShown, setHintsShown] = useState(0)
  const [message, setMessage] = useState<string | null>(null)

  const cluster = useClusterRun({
    cluster: exercise.cluster,
    setup: exercise.setup,
    recordCommands: !isManifest,
    showingLive: (prepared, mode) => prepared && (tab === 'terminal' || (tab === 'cluster' && mode === 'live')),
  })
  const grading = useGrading({ api, exercise, signedIn, lang, initialAttempts, initialSolutionAvailable })
  const solution = useSolution(api, exercise.id)
  const draft = useDraft({ exerciseId: exercise.id, starter: exercise.starter, serverDraft, signedIn, api })
  const { dialog, confirm } = useConfirm()
  const closeSolution = solution.close
  const showEditor = useCallback(() => {
    closeSolution()
    setTab('editor')
  }, [closeSolution])
  const editor = useEditorText({ draft, starter: exercise.starter, confirm, showEditor })

  useEffect(() => {
    if (!signedIn) recordVisitorLessonVisit(exercise.courseId, exercise.lessonId)
  }, [signedIn, exercise.courseId, exercise.lessonId])

  // "Load into editor" under a lesson's code blocks.
  const replaceText = editor.replace
  useEffect(() => {
    const onLoad = (event: Event) => {
      const { yaml } = (event as CustomEvent<LoadYamlDetail>).detail
      if (!isManifest) {
        // A command exercise has no editor: its cluster is worked on in the terminal.
        setTab('terminal')
        setMessage(t('tryItInTerminal'))
        return
      }
      void replaceText(yaml, { title: t('loadConfirmTitle'), message: t('loadConfirmMessage', { undo: `${commandKey}Z` }), confirmLabel: t('loadConfirmAction'), cancelLabel: t('cancel') })
    }
    window.addEventListener(loadYamlEvent, onLoad)
    return () => window.removeEventListener(loadYamlEvent, onLoad)
  }, [isManifest, replaceText, t, commandKey])

  const clearGradingError = grading.setError
  const run = useCallback(async () => {
    setMessage(null)
    clearGradingError(null)
    const outcome = await cluster.run(editor.text())
    if (outcome.status === 'recorded') setTab('cluster')
    else if (outcome.status === 'rejected') setMessage(t('runRejected'))
    else setMessage(t('simulatorFailed', { message: outcome.message }))
  }, [cluster, editor, t, clearGradingError])

  const submit = useCallback(async () => {
    setMessage(null)
    const graded = await grading.submit(isManifest ? { yaml: editor.text() } : { commands: cluster.commands })
    if (graded) solution.close()
  }, [grading, isManifest, editor, cluster.commands, solution])

  const reset = useCallback(async () => {
    if (!isManifest) return void cluster.resetCluster()
    await editor.replace(exercise.starter, { title: t('resetConfirmTitle'), message: t('resetConfirm', { undo: `${commandKey}Z` }), confirmLabel: t('reset'), cancelLabel: t('cancel') })
  }, [isManifest, cluster, editor, exercise.starter, t, commandKey])

  const openSolution = useCallback(async () => {
    setMessage(null)
    if (await solution.open()) setTab('editor')
    else setMessage(t('solutionLocked'))
  }, [solution, t])

  const shortcuts = useWorkspaceShortcuts({ run: isManifest ? () => void run() : undefined, submit: () => void submit() })

  const gradingError = grading.error === 'too_large' ? t('errorTooLarge') : grading.error === 'no_commands' ? t('noCommands') : grading.error ? t('errorGeneric') : null
  const error = gradingError ?? message ?? (cluster.sim.error ? t('simulatorFailed', { message: cluster.sim.error }) : null)
  const markers = grading.result?.validation.errors.length ? grading.result.validation.errors : cluster.runMarkers
  const hintsUnlocked = Math.min(exercise.hints.length, grading.attempts)
  const tabs = [
    ...(isManifest || solution.shown ? [{ id: 'editor', label: t('tabEditor') }] : []),
    { id: 'cluster', label: t('tabCluster') },
    { id: 'terminal', label: t('tabTerminal'), badge: !isManifest && cluster.commands.length > 0 ? String(cluster.commands.length) : undefined },
    { id: 'events', label: t('tabEvents') },
  ]
  const language = isManifest ? 'yaml' : 'shell'

  return (
    <section className="workspace" aria-label={t('label')} data-exercise-id={exercise.id} onKeyDownCapture={shortcuts.onKeyDownCapture}>
      <SkipToExercise targetId={exerciseHeadingId} label={t('skipToExercise')} />
      <div className="workspace-toolbar">
        <h2 id={exerciseHeadingId} tabIndex={-1}>
          {exercise.title}
        </h2>
        <button type="button" className="button small" onClick={() => void reset()} data-testid="reset">
          {isManifest ? t('reset') : t('resetCluster')}
        </button>
        {exercise.hints.length > 0 && (
          <button type="button" className="button small" disabled={hintsShown >= hintsUnlocked} onClick={() => setHintsShown((n) => n + 1)} data-testid="show-hint">
            {t('showHint', { shown: hintsShown, total: exercise.hints.length })}
          </button>
        )}
        {signedIn && (
          <button type="button" className="button small" disabled={!grading.solutionAvailable} title={grading.solutionAvailable ? undefined : t('solutionLocked')} onClick={() => void openSolution()} data-testid="show-solution">
            {t('showSolution')}
          </button>
        )}
        {isManifest && (
          <button type="button" className="button with-kbd" onClick={() => void run()} disabled={cluster.running} aria-keyshortcuts="Shift+Enter" data-testid="run">
            <span>▶ {cluster.running ? t('running') : t('run')}</span>
            <kbd aria-hidden="true">Shift+Enter</kbd>
          </button>
        )}
        <button type="button" className="button primary with-kbd" onClick={() => void submit()} disabled={grading.pending} aria-keyshortcuts="Control+Enter Meta+Enter" data-testid="submit">
          <span>{grading.pending ? t('submitting') : t('submit')}</span>
          <kbd aria-hidden="true">{commandKey}Enter</kbd>
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
        {/* The editor stays mounted (hidden behind other tabs): its model, cursor and undo history live in it. */}
        {isManifest && (
          <div className="editor-frame" data-testid="editor" hidden={tab !== 'editor' || solution.shown}>
            <YamlEditor
              exerciseId={exercise.id}
              initialText={draft.current}
              onEdit={draft.edited}
              onReady={(handle) => {
                editor.ready(handle)
                cluster.warmUp()
              }}
              markers={markers}
              label={t('editor')}
              theme={theme}
              language={language}
            />
          </div>
        )}
        {tab === 'editor' && solution.shown && solution.solution !== null && (
          <div className="editor-frame" data-testid="solution-diff">
            <SolutionDiff original={isManifest ? editor.text() : cluster.commands.join('\n')} solution={solution.solution} theme={theme} language={language} />
          </div>
        )}
        {tab === 'cluster' && <ClusterPanel mode={cluster.mode} recording={cluster.recording} live={cluster.sim.state} onMode={cluster.setMode} />}
        {/* The terminal stays mounted once opened, so its screen and history survive switching tabs. */}
        <div className="terminal-host" hidden={tab !== 'terminal'} data-testid="terminal">
          {(tab === 'terminal' || cluster.prepared) && <KubectlTerminal run={cluster.runCommand} complete={cluster.sim.api.complete} historyKey={`kubelab:history:${exercise.id}`} />}
        </div>
        {tab === 'events' && <EventsPanel events={cluster.recording?.events ?? []} />}
      </WorkspaceTabs>
      {editor.replacedNote && (
        <p className="notice workspace-note" role="status" data-testid="replaced-note">
          {t('replacedNote', { undo: `${commandKey}Z` })}
        </p>
      )}
      {solution.shown && (
        <p className="notice workspace-note">
          {t('solutionDiffNote')}{' '}
          <button type="button" className="button small" onClick={solution.close}>
            {t('backToEditor')}
          </button>
        </p>
      )}
      {/* Focusable, so it scrolls from the keyboard and Tab out of the editor lands here. */}
      <div className="result-panel" aria-live="polite" role="region" aria-label={t('result')} tabIndex={0} data-testid="result-panel">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {!isManifest && cluster.commands.length > 0 && <p className="muted">{t('commandsTyped', { count: cluster.commands.length })}</p>}
        {grading.result ? (
          <GradeResultView
            result={grading.result}
            onGoToLine={(line) => {
              if (isManifest) editor.withEditor((e) => e.revealLine(line))
            }}
          />
        ) : (
          !error && <p className="muted">{t('emptyResult', { run: 'Shift+Enter', submit: `${commandKey}Enter` })}</p>
        )}
      </div>
      {dialog}
    </section>
  )
}
