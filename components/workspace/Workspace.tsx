'use client'
import dynamic from 'next/dynamic'
import { useLessonViewer } from '@/components/lesson/lessonViewerContext'
import { useCallback, useMemo, useState } from 'react'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import type { PublicChecklist } from '@/lib/grading/checklist'
import { GradeFooter, GradeVerdict } from './GradeResultView'
import { Checklist } from './Checklist'
import { PassPanel, type LessonLinks, type PassRecord, type QuizScore } from './PassPanel'
import { ClusterPanel } from './ClusterPanel'
import { EventsPanel } from './EventsPanel'
import { WorkspaceTabs } from './WorkspaceTabs'
import { InlineMarkdown } from './InlineMarkdown'
import { createExerciseApi } from './exercise-api'
import { gradingProblemText } from './grading-problem'
import { useDraft } from './useDraft'
import { useGrading, useSolution } from './useGrading'
import { editorFile, useClusterRun, type SetupStep } from './useClusterRun'
import { useCommandKeyLabel, useWorkspaceShortcuts } from './useWorkspaceShortcuts'
import { usePreferredTheme } from './usePreferredTheme'
import { useEditorText } from './useEditorText'
import { usePassRecord } from './usePassRecord'
import { useLiveChecklist } from './useLiveChecklist'
import { useRunAndCheck } from './useRunAndCheck'
import { useSubmit } from './useSubmit'
import { useLoadIntoEditor } from './useLoadIntoEditor'
import { useConfirm } from './ConfirmDialog'
import { SkipToExercise } from './SkipToExercise'
import { TeacherComments } from './TeacherComments'

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
  /** The checks' messages, and the public checks the browser grades on Run (lib/grading/checklist.ts). */
  checklist: PublicChecklist
  /** the lesson's quiz, for the score shown after a pass */
  quizId: string | null
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
  /** A signed-in learner's last passing submission (a visitor's comes from this browser). */
  initialPass: PassRecord | null
  /** A signed-in learner's best quiz attempt of this lesson. */
  initialQuiz: QuizScore | null
  links: LessonLinks
}

type SideTab = 'cluster' | 'terminal' | 'events'

export const exerciseHeadingId = 'exercise-title'

export function Workspace({
  exercise,
  signedIn,
  initialAttempts,
  initialSolutionAvailable,
  serverDraft,
  initialPass,
  initialQuiz,
  links,
}: Props) {
  const t = useTranslations('workspace')
  const lang = useLang()
  const theme = usePreferredTheme()
  const commandKey = useCommandKeyLabel()
  const api = useMemo(() => createExerciseApi(), [])
  const lessonViewer = useLessonViewer()
  const isManifest = exercise.kind === 'manifest'
  // The editor (or, in a command exercise, the terminal) is always on screen; the side panel shows the rest.
  const [side, setSide] = useState<SideTab>('cluster')
  const [hintsShown, setHintsShown] = useState(0)
  const [message, setMessage] = useState<string | null>(null)

  const grading = useGrading({ api, exercise, signedIn, lang, initialAttempts, initialSolutionAvailable })
  const solution = useSolution(api, exercise.id)
  const draft = useDraft({ exerciseId: exercise.id, starter: exercise.starter, serverDraft, signedIn, api })
  const { dialog, confirm } = useConfirm()
  const closeSolution = solution.close
  const showEditor = useCallback(() => closeSolution(), [closeSolution])
  const editor = useEditorText({ draft, starter: exercise.starter, confirm, showEditor })
  const editorTextForTerminal = useCallback(() => (isManifest ? editor.text() : null), [isManifest, editor])

  const cluster = useClusterRun({
    cluster: exercise.cluster,
    setup: exercise.setup,
    recordCommands: !isManifest,
    showingLive: (prepared, mode) => prepared && (!isManifest || side === 'terminal' || (side === 'cluster' && mode === 'live')),
    editorText: editorTextForTerminal,
  })

  const { pass, quiz, recordPass } = usePassRecord({ signedIn, exercise, initialPass, initialQuiz })
  const [checklist, dispatch] = useLiveChecklist(exercise.checklist.items, pass?.checks)
  useLoadIntoEditor({ isManifest, replace: editor.replace, say: setMessage, commandKey })

  const { run, checking } = useRunAndCheck({
    text: editor.text,
    runCluster: cluster.run,
    check: cluster.sim.api.check,
    browserExercise: exercise.checklist.exercise,
    lang,
    dispatch,
    say: setMessage,
    clearSubmitError: () => grading.setError(null),
    showRecording: () => setSide('cluster'),
  })

  const submit = useSubmit({
    answer: () => (isManifest ? { yaml: editor.text() } : { commands: cluster.submittedCommands }),
    grade: grading.submit,
    closeSolution: solution.close,
    dispatch,
    recordPass,
    say: setMessage,
    signedIn,
    reloadLesson: lessonViewer?.reload,
  })

  const reset = useCallback(async () => {
    if (!isManifest) {
      dispatch({ type: 'reset' })
      return void cluster.resetCluster()
    }
    await editor.replace(exercise.starter, {
      title: t('resetConfirmTitle'),
      message: t('resetConfirm', { undo: `${commandKey}Z` }),
      confirmLabel: t('reset'),
      cancelLabel: t('cancel'),
    })
  }, [isManifest, dispatch, cluster, editor, exercise.starter, t, commandKey])

  const openSolution = useCallback(async () => {
    setMessage(null)
    if (!(await solution.open())) setMessage(t('solutionLocked'))
  }, [solution, t])

  const shortcuts = useWorkspaceShortcuts({ run: isManifest ? () => void run() : undefined, submit: () => void submit() })

  const gradingError = grading.error ? gradingProblemText(grading.error, (key, values) => t(key as never, values as never)) : null
  const error = gradingError ?? message ?? (cluster.sim.error ? t('simulatorFailed', { message: cluster.sim.error }) : null)
  const markers =
    grading.result?.validation.errors.length || grading.result?.validation.warnings?.length
      ? [...grading.result.validation.errors, ...(grading.result.validation.warnings ?? [])]
      : cluster.runMarkers
  const hintsUnlocked = Math.min(exercise.hints.length, grading.attempts)
  const tabs = [
    { id: 'cluster', label: t('tabCluster') },
    ...(isManifest ? [{ id: 'terminal', label: t('tabTerminal') }] : []),
    { id: 'events', label: t('tabEvents') },
  ]
  const language = isManifest ? 'yaml' : 'shell'
  const goToLine = (line: number) => {
    if (isManifest) editor.withEditor((e) => e.revealLine(line))
  }
  const terminal = (
    <KubectlTerminal
      run={cluster.runCommand}
      complete={cluster.sim.api.complete}
      historyKey={`kubelab:history:${exercise.id}`}
      resetCount={cluster.resetCount}
      files={isManifest ? [editorFile] : []}
      editorFile={isManifest ? editorFile : undefined}
    />
  )
  const terminalShown = !isManifest || side === 'terminal'

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
          <button
            type="button"
            className="button small"
            disabled={hintsShown >= hintsUnlocked}
            onClick={() => setHintsShown((n) => n + 1)}
            data-testid="show-hint"
          >
            {t('showHint', { shown: hintsShown, total: exercise.hints.length })}
          </button>
        )}
        {signedIn && (
          <button
            type="button"
            className="button small"
            disabled={!grading.solutionAvailable}
            title={grading.solutionAvailable ? undefined : t('solutionLocked')}
            onClick={() => void openSolution()}
            data-testid="show-solution"
          >
            {t('showSolution')}
          </button>
        )}
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
        {signedIn && <TeacherComments exerciseId={exercise.id} />}
      </div>
      {/* Side by side when the workspace is wide enough (a container query), stacked otherwise: either way Run keeps the editor in view. */}
      <div className="workspace-body" data-kind={exercise.kind}>
        <div className="workspace-main">
          {/* The editor stays mounted (hidden behind the solution): its model, cursor and undo history live in it. */}
          {isManifest && (
            <div className="editor-frame" data-testid="editor" hidden={solution.shown}>
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
          {!isManifest && (
            <div className="terminal-host" hidden={solution.shown} data-testid="terminal">
              {terminal}
            </div>
          )}
          {solution.shown && solution.solution !== null && (
            <div className="editor-frame" data-testid="solution-diff">
              <SolutionDiff
                original={isManifest ? editor.text() : cluster.commands.join('\n')}
                solution={solution.solution}
                theme={theme}
                language={language}
              />
            </div>
          )}
        </div>
        <div className="workspace-side" role="group" aria-label={t('sidePanel')}>
          <WorkspaceTabs tabs={tabs} active={side} onChange={(id) => setSide(id as SideTab)} label={t('tabs')}>
            {side === 'cluster' && (
              <ClusterPanel
                mode={cluster.mode}
                recording={cluster.recording}
                live={cluster.sim.state}
                onMode={cluster.setMode}
                commands={!isManifest}
              />
            )}
            {/* The terminal stays mounted once opened, so its screen and history survive switching tabs. */}
            {isManifest && (
              <div className="terminal-host" hidden={!terminalShown} data-testid="terminal">
                {(terminalShown || cluster.prepared) && terminal}
              </div>
            )}
            {side === 'events' && <EventsPanel events={cluster.recording?.events ?? []} />}
          </WorkspaceTabs>
        </div>
      </div>
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
      {/* Focusable, so it scrolls from the keyboard. */}
      <div className="result-panel" aria-live="polite" role="region" aria-label={t('result')} tabIndex={0} data-testid="result-panel">
        {error && (
          <p className="error" role="alert" data-testid="workspace-error">
            {error}
          </p>
        )}
        {!isManifest && cluster.commands.length > 0 && <p className="muted">{t('commandsTyped', { count: cluster.commands.length })}</p>}
        {pass && <PassPanel pass={pass} quiz={quiz} links={links} hasQuiz={exercise.quizId !== null} />}
        <div data-testid={grading.result ? 'grade-result' : undefined}>
          {grading.result && <GradeVerdict result={grading.result} onGoToLine={goToLine} />}
          {!grading.result && !pass && !error && checklist.every((c) => c.status === 'unchecked') && (
            <p className="muted checklist-intro">
              {isManifest ? t('checklistIntro') : t('emptyResultCommands', { submit: `${commandKey}Enter` })}
            </p>
          )}
          {checking && (
            <p className="muted" role="status">
              {t('runChecking')}
            </p>
          )}
          <Checklist entries={checklist} result={grading.result} onGoToLine={goToLine} />
          {grading.result && <GradeFooter result={grading.result} />}
        </div>
      </div>
      <div className="workspace-actions" role="group" aria-label={t('actions')}>
        {isManifest && (
          <button
            type="button"
            className="button with-kbd"
            onClick={() => void run()}
            disabled={cluster.running || checking}
            aria-keyshortcuts="Shift+Enter"
            data-testid="run"
          >
            <span>▶ {cluster.running || checking ? t('running') : t('run')}</span>
            <kbd aria-hidden="true">Shift+Enter</kbd>
          </button>
        )}
        <button
          type="button"
          className="button primary with-kbd"
          onClick={() => void submit()}
          disabled={grading.pending}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          data-testid="submit"
        >
          <span>{grading.pending ? t('submitting') : t('submit')}</span>
          <kbd aria-hidden="true">{commandKey}Enter</kbd>
        </button>
      </div>
      {dialog}
    </section>
  )
}
