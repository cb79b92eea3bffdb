'use client'
import dynamic from 'next/dynamic'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslations } from 'next-intl'
import { useLang } from '@/i18n/use-lang'
import { diffLines } from 'diff'
import type { GateResult } from '@/lib/content/publish-gate'
import type { Localized } from '@/lib/content/schemas'
import { addKnownRight, addKnownWrong, KnownWrongError } from '@/lib/content/known-wrong'
import { formatDateTime } from '@/lib/text/dates'
import { useConfirm } from '@/components/workspace/ConfirmDialog'
import { usePreferredTheme } from '@/components/workspace/usePreferredTheme'
import type * as studioActions from '@/app/[locale]/studio/actions'
import type { DraftView, PreviewResult } from '@/app/[locale]/studio/actions'
import type { TryOutcome } from '@/lib/server/studio-editor'
import type { StudioEditorHandle, StudioMarker } from './StudioMonaco'
import { VersionedAutosave, type AutosaveState } from './versioned-autosave'
import { GateReport } from './GateReport'
import type { Locale } from '@/i18n/locales'

const StudioMonaco = dynamic(() => import('./StudioMonaco'), {
  ssr: false,
  loading: () => <div className="studio-monaco studio-loading" aria-busy="true" />,
})

type Texts = DraftView['texts']
type FileKey = keyof Texts
const FILES: Array<{ key: FileKey; name: string; language: 'yaml' | 'markdown' }> = [
  { key: 'pageKo', name: 'ko.mdx', language: 'markdown' },
  { key: 'pageEn', name: 'en.mdx', language: 'markdown' },
  { key: 'exerciseYaml', name: 'exercise.yaml', language: 'yaml' },
  { key: 'quizYaml', name: 'quiz.yaml', language: 'yaml' },
  { key: 'lessonYaml', name: 'lesson.yaml', language: 'yaml' },
]
/** a lesson's page: ko.mdx or en.mdx */
type PageLang = Locale
const PAGE_KEY: Record<PageLang, 'pageKo' | 'pageEn'> = { ko: 'pageKo', en: 'pageEn' }
/** how long typing must pause before the draft is saved, and before the preview is drawn again */
const SAVE_DELAY_MS = 800
const PREVIEW_DELAY_MS = 250

export interface VersionView {
  number: number
  note: string | null
  author: string
  publishedAt: string
  texts: Texts
}

/** The server actions the editor calls, handed down by the page (components never import app/). */
export type StudioEditorActions = Pick<
  typeof studioActions,
  | 'checkStudioLessonAction'
  | 'previewStudioPageAction'
  | 'publishStudioLessonAction'
  | 'restoreStudioVersionAction'
  | 'saveStudioDraftAction'
  | 'tryStudioAnswerAction'
  | 'unpublishStudioLessonAction'
>

interface Props {
  actions: StudioEditorActions
  courseId: string
  lessonId: string
  initial: DraftView
  versions: VersionView[]
  schemas: Record<'exercise' | 'quiz' | 'lesson', Record<string, unknown>>
  /** the first preview of each page, rendered with the page (so the author sees it before typing anything) */
  initialPreviews: Record<PageLang, { page: ReactNode; problems: Array<{ line?: number; column?: number; message: Localized }> }>
}

const markerOf = (q: { line?: number; column?: number; message: Localized }, locale: Locale): StudioMarker => ({
  line: q.line ?? 0,
  column: q.column ?? 1,
  message: q.message[locale],
})

/** An optional file left empty is no file at all (a lesson without an exercise or a quiz). */
const stored = (texts: Texts): Texts => ({
  ...texts,
  exerciseYaml: texts.exerciseYaml?.trim() ? texts.exerciseYaml : null,
  quizYaml: texts.quizYaml?.trim() ? texts.quizYaml : null,
})

export function StudioLessonEditor({ actions, courseId, lessonId, initial, versions, schemas, initialPreviews }: Props) {
  const {
    checkStudioLessonAction,
    previewStudioPageAction,
    publishStudioLessonAction,
    restoreStudioVersionAction,
    saveStudioDraftAction,
    tryStudioAnswerAction,
    unpublishStudioLessonAction,
  } = actions
  const t = useTranslations('studio.editor')
  const locale = useLang()
  const router = useRouter()
  const theme = usePreferredTheme()
  const { dialog, confirm } = useConfirm()
  const base = `/studio/${courseId}/${lessonId}`
  const pathOf = (key: FileKey) => `${base}/${FILES.find((f) => f.key === key)!.name}`

  const textsRef = useRef<Texts>({ ...initial.texts })
  const handleRef = useRef<StudioEditorHandle | null>(null)
  const [file, setFile] = useState<FileKey>('pageKo')
  const [save, setSave] = useState<AutosaveState<DraftView>>({ kind: 'saved', version: initial.draftVersion, savedAt: initial.savedAt })
  const [publishedNumber, setPublishedNumber] = useState(initial.publishedNumber)

  const autosave = useMemo(
    () =>
      new VersionedAutosave<Texts, DraftView>({
        delayMs: SAVE_DELAY_MS,
        version: initial.draftVersion,
        savedAt: initial.savedAt,
        async save(texts, baseVersion) {
          const answer = await saveStudioDraftAction({ courseId, lessonId, baseVersion, texts: stored(texts) })
          if (answer.status === 'saved' || answer.status === 'conflict') return answer
          return { status: 'failed' }
        },
        onChange: setSave,
      }),
    // one autosave for the editor's life: its version moves on with each save
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  // Leaving with unsaved text asks first (the browser's own prompt).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (autosave.current.kind !== 'saved') event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [autosave])

  // ---- preview ------------------------------------------------------------------------------------------------
  const [previewMode, setPreviewMode] = useState<PageLang | 'both'>('both')
  const [previews, setPreviews] = useState<Record<PageLang, { page: ReactNode; problems: StudioMarker[]; ms: number | null }>>({
    ko: { page: initialPreviews.ko.page, problems: initialPreviews.ko.problems.map((q) => markerOf(q, locale)), ms: null },
    en: { page: initialPreviews.en.page, problems: initialPreviews.en.problems.map((q) => markerOf(q, locale)), ms: null },
  })
  const previewTimers = useRef<Partial<Record<PageLang, ReturnType<typeof setTimeout>>>>({})
  const previewSeq = useRef<Record<PageLang, number>>({ ko: 0, en: 0 })
  const lastKeyAt = useRef<Record<PageLang, number>>({ ko: 0, en: 0 })

  const refreshPreview = useCallback(
    (lang: PageLang) => {
      clearTimeout(previewTimers.current[lang])
      previewTimers.current[lang] = setTimeout(async () => {
        const seq = ++previewSeq.current[lang]
        let answer: PreviewResult
        try {
          answer = await previewStudioPageAction({
            courseId,
            lessonId,
            page: lang,
            source: textsRef.current[PAGE_KEY[lang]],
            quizYaml: textsRef.current.quizYaml,
          })
        } catch {
          return // offline or the server restarted: the next pause tries again
        }
        if (seq !== previewSeq.current[lang]) return // a newer text is on its way
        const ms = Math.round(performance.now() - lastKeyAt.current[lang])
        if (answer.status === 'ok') setPreviews((p) => ({ ...p, [lang]: { page: answer.page, problems: [], ms } }))
        else if (answer.status === 'problems')
          setPreviews((p) => ({ ...p, [lang]: { ...p[lang], problems: answer.problems.map((q) => markerOf(q, locale)), ms } }))
      }, PREVIEW_DELAY_MS)
    },
    [courseId, lessonId, locale, previewStudioPageAction],
  )

  const onEdit = useCallback(
    (path: string, text: string) => {
      const key = FILES.find((f) => path === `${base}/${f.name}`)?.key
      if (!key || textsRef.current[key] === text) return
      textsRef.current = { ...textsRef.current, [key]: text }
      autosave.edit(textsRef.current)
      if (key === 'pageKo' || key === 'pageEn' || key === 'quizYaml') {
        for (const lang of key === 'quizYaml' ? (['ko', 'en'] as const) : ([key === 'pageKo' ? 'ko' : 'en'] as const)) {
          lastKeyAt.current[lang] = performance.now()
          refreshPreview(lang)
        }
      }
    },
    [autosave, base, refreshPreview],
  )

  /** Puts texts into the editor as undoable edits (a file not opened yet starts from them). */
  const replaceTexts = (texts: Texts) => {
    for (const f of FILES) {
      const text = texts[f.key] ?? ''
      if ((textsRef.current[f.key] ?? '') === text) continue
      textsRef.current = { ...textsRef.current, [f.key]: texts[f.key] }
      handleRef.current?.replaceText(pathOf(f.key), text)
    }
    refreshPreview('ko')
    refreshPreview('en')
  }

  // ---- check, try, publish, versions ---------------------------------------------------------------------------
  const [gate, setGate] = useState<{ result: GateResult; version: number; refused: boolean } | null>(null)
  const [busy, setBusy] = useState<null | 'check' | 'publish' | 'try' | 'restore' | 'unpublish'>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [answer, setAnswer] = useState('')
  const [tried, setTried] = useState<{ outcome: TryOutcome; answer: string } | null>(null)
  const [wrongName, setWrongName] = useState('')

  const forbidden = (status: string) =>
    status === 'forbidden' ? t('forbidden') : status === 'invalid' ? t('invalid') : status === 'missing' ? t('missing') : null

  async function check() {
    setBusy('check')
    setNotice(null)
    try {
      if (!(await autosave.flush())) return setNotice(t('saveFirst'))
      const answer = await checkStudioLessonAction({ courseId, lessonId })
      if (answer.status === 'checked') setGate({ result: answer.gate, version: answer.draftVersion, refused: false })
      else setNotice(forbidden(answer.status))
    } finally {
      setBusy(null)
    }
  }

  async function tryAnswer() {
    setBusy('try')
    try {
      const outcome = await tryStudioAnswerAction({ exerciseYaml: textsRef.current.exerciseYaml ?? '', answer })
      if (outcome.status === 'forbidden' || outcome.status === 'invalid') setNotice(forbidden(outcome.status))
      else {
        setTried({ outcome, answer })
        setWrongName('')
      }
    } finally {
      setBusy(null)
    }
  }

  /** The answer just tried, added to the exercise as a known-wrong answer (it failed) or a right one (it passed). */
  function addTriedAnswer() {
    if (!tried || tried.outcome.status !== 'graded') return
    const passed = tried.outcome.passed
    const name = wrongName.trim() || (passed ? t('rightDefaultName') : t('wrongDefaultName', { checks: tried.outcome.failing.join(', ') }))
    try {
      const exerciseYaml = textsRef.current.exerciseYaml ?? ''
      const text = passed
        ? addKnownRight(exerciseYaml, { name, source: tried.answer })
        : addKnownWrong(exerciseYaml, { name, source: tried.answer, fails: tried.outcome.failing })
      replaceTexts({ ...textsRef.current, exerciseYaml: text })
      autosave.edit(textsRef.current)
      setNotice(passed ? t('rightAdded', { name }) : t('wrongAdded', { name }))
      setTried(null)
    } catch (error) {
      if (error instanceof KnownWrongError)
        setNotice(passed ? t('rightNotAdded', { reason: error.message }) : t('wrongNotAdded', { reason: error.message }))
      else throw error
    }
  }

  async function publish() {
    setBusy('publish')
    setNotice(null)
    try {
      if (!(await autosave.flush())) return setNotice(t('saveFirst'))
      const answer = await publishStudioLessonAction({ courseId, lessonId, draftVersion: autosave.version, note: note.trim() || null })
      if (answer.status === 'published') {
        setPublishedNumber(answer.number)
        setGate(null)
        setNote('')
        setNotice(t('published', { number: answer.number }))
        router.refresh()
      } else if (answer.status === 'refused') setGate({ result: answer.gate, version: autosave.version, refused: true })
      else if (answer.status === 'conflict') autosave.conflictWith(answer.current)
      else setNotice(forbidden(answer.status))
    } finally {
      setBusy(null)
    }
  }

  async function unpublish() {
    if (
      !(await confirm({
        title: t('unpublishTitle'),
        message: t('unpublishMessage'),
        confirmLabel: t('unpublish'),
        cancelLabel: t('cancel'),
      }))
    )
      return
    setBusy('unpublish')
    try {
      const answer = await unpublishStudioLessonAction({ courseId, lessonId })
      if (answer.status === 'unpublished' || answer.status === 'not_published') {
        setPublishedNumber(null)
        setNotice(t('unpublished'))
        router.refresh()
      } else setNotice(forbidden(answer.status))
    } finally {
      setBusy(null)
    }
  }

  async function restore(version: VersionView) {
    if (
      !(await confirm({
        title: t('restoreTitle', { number: version.number }),
        message: t('restoreMessage'),
        confirmLabel: t('restore'),
        cancelLabel: t('cancel'),
      }))
    )
      return
    setBusy('restore')
    setNotice(null)
    try {
      if (!(await autosave.flush())) return setNotice(t('saveFirst'))
      const answer = await restoreStudioVersionAction({ courseId, lessonId, number: version.number, baseVersion: autosave.version })
      if (answer.status === 'published') {
        replaceTexts(version.texts)
        autosave.rebase(autosave.version + 1, new Date().toISOString())
        setPublishedNumber(answer.number)
        setNotice(t('restored', { from: version.number, number: answer.number }))
        router.refresh()
      } else if (answer.status === 'conflict') autosave.conflictWith(answer.current)
      else if (answer.status !== 'refused') setNotice(forbidden(answer.status))
    } finally {
      setBusy(null)
    }
  }

  const current = FILES.find((f) => f.key === file)!
  const markers = file === 'pageKo' ? previews.ko.problems : file === 'pageEn' ? previews.en.problems : []
  const when = (iso: string) => formatDateTime(iso, locale)

  return (
    <div className="studio-editor">
      {dialog}
      <div
        className="studio-bar"
        role="status"
        aria-live="polite"
        data-testid="save-state"
        data-state={save.kind}
        data-version={save.version}
      >
        {save.kind === 'saved' && t('saved', { when: when(save.savedAt) })}
        {save.kind === 'unsaved' && t('unsaved')}
        {save.kind === 'saving' && t('saving')}
        {save.kind === 'failed' && t('saveFailed')}
        {save.kind === 'conflict' && t('conflictShort')}
        <span className="muted"> · {publishedNumber === null ? t('notPublished') : t('publishedAs', { number: publishedNumber })}</span>
      </div>
      {save.kind === 'conflict' && (
        <div className="studio-conflict" role="alert" data-testid="conflict">
          <p>{t('conflict', { who: save.other.savedBy, when: when(save.other.savedAt) })}</p>
          <button
            type="button"
            onClick={() => {
              replaceTexts(save.other.texts)
              autosave.takeTheirs(save.other.savedAt)
            }}
          >
            {t('takeTheirs')}
          </button>{' '}
          <button type="button" className="button" onClick={() => void autosave.keepMine()}>
            {t('keepMine')}
          </button>
        </div>
      )}

      <div className="studio-panes">
        <section className="studio-source" aria-label={t('source')}>
          <div className="studio-files" role="tablist" aria-label={t('files')}>
            {FILES.map((f) => (
              <button key={f.key} type="button" role="tab" aria-selected={file === f.key} data-file={f.name} onClick={() => setFile(f.key)}>
                {f.name}
                {(f.key === 'pageKo' && previews.ko.problems.length > 0) || (f.key === 'pageEn' && previews.en.problems.length > 0) ? (
                  <span className="studio-dot" aria-label={t('hasProblems')}>
                    {' '}
                    ●
                  </span>
                ) : null}
              </button>
            ))}
          </div>
          <StudioMonaco
            path={pathOf(file)}
            language={current.language}
            initialText={() => textsRef.current[file] ?? ''}
            onEdit={onEdit}
            onReady={(handle) => (handleRef.current = handle)}
            markers={markers}
            label={t('editorLabel', { file: current.name })}
            theme={theme}
            schemas={schemas}
          />
        </section>

        <section className="studio-preview" aria-label={t('preview')}>
          <div className="studio-preview-modes" role="group" aria-label={t('previewModes')}>
            {(['both', 'ko', 'en'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                className="button small"
                aria-pressed={previewMode === mode}
                onClick={() => setPreviewMode(mode)}
              >
                {t(`previewMode.${mode}`)}
              </button>
            ))}
          </div>
          <div className="studio-preview-pages" data-mode={previewMode}>
            {(['ko', 'en'] as const)
              .filter((lang) => previewMode === 'both' || previewMode === lang)
              .map((lang) => (
                <article
                  key={lang}
                  className="lesson-text studio-page"
                  lang={lang}
                  data-testid={`preview-${lang}`}
                  data-preview-ms={previews[lang].ms ?? undefined}
                  aria-label={t(`previewOf.${lang}`)}
                >
                  {previews[lang].problems.length > 0 && (
                    <ul className="studio-problems" data-testid={`preview-problems-${lang}`}>
                      {previews[lang].problems.map((p, i) => (
                        <li key={i}>
                          <button
                            type="button"
                            className="text-button"
                            onClick={() => (
                              setFile(PAGE_KEY[lang]),
                              setTimeout(() => handleRef.current?.revealPosition(p.line || 1, p.column), 0)
                            )}
                          >
                            {p.line ? t('at', { line: p.line, column: p.column }) : null}
                          </button>{' '}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div aria-busy={previews[lang].problems.length > 0}>{previews[lang].page}</div>
                </article>
              ))}
          </div>
        </section>
      </div>

      <div className="studio-tools">
        <section aria-labelledby="studio-proof">
          <h2 id="studio-proof">{t('proofTitle')}</h2>
          <p className="muted">{t('proofIntro')}</p>
          <button type="button" className="button" onClick={check} disabled={busy !== null} data-testid="check">
            {busy === 'check' ? t('checking') : t('check')}
          </button>
          {gate && <GateReport gate={gate.result} refused={gate.refused} />}

          <h3>{t('tryTitle')}</h3>
          <label htmlFor="studio-answer">{t('tryLabel')}</label>
          <textarea
            id="studio-answer"
            className="studio-answer"
            rows={8}
            spellCheck={false}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            data-testid="try-answer"
          />
          <button type="button" className="button" onClick={tryAnswer} disabled={busy !== null || answer.trim() === ''} data-testid="try">
            {busy === 'try' ? t('grading') : t('try')}
          </button>
          {tried && <TriedAnswer outcome={tried.outcome} name={wrongName} setName={setWrongName} onAdd={addTriedAnswer} />}
        </section>

        <section aria-labelledby="studio-publish">
          <h2 id="studio-publish">{t('publishTitle')}</h2>
          <label htmlFor="studio-note">{t('noteLabel')}</label>
          <input
            id="studio-note"
            type="text"
            maxLength={200}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="publish-note"
          />
          <button type="button" className="button primary" onClick={publish} disabled={busy !== null} data-testid="publish">
            {busy === 'publish' ? t('publishing') : t('publish')}
          </button>{' '}
          {publishedNumber !== null && (
            <button type="button" className="button" onClick={unpublish} disabled={busy !== null} data-testid="unpublish">
              {t('unpublish')}
            </button>
          )}
          {notice && (
            <p role="status" data-testid="studio-notice">
              {notice}
            </p>
          )}
          <h3>{t('versionsTitle')}</h3>
          {versions.length === 0 ? (
            <p className="muted">{t('noVersions')}</p>
          ) : (
            <ol className="studio-versions" data-testid="versions">
              {versions.map((v) => (
                <VersionItem
                  key={v.number}
                  version={v}
                  draft={() => textsRef.current}
                  when={when(v.publishedAt)}
                  live={v.number === publishedNumber}
                  onRestore={() => restore(v)}
                  disabled={busy !== null}
                />
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  )
}

function TriedAnswer({ outcome, name, setName, onAdd }: { outcome: TryOutcome; name: string; setName(name: string): void; onAdd(): void }) {
  const t = useTranslations('studio.editor')
  if (outcome.status !== 'graded') return <p role="alert">{outcome.message}</p>
  return (
    <div className="studio-tried" data-testid="tried" data-passed={outcome.passed}>
      <p>
        <strong>{outcome.passed ? t('triedPass') : t('triedFail', { checks: outcome.failing.join(', ') })}</strong>{' '}
        <span className="muted">{t('triedScore', { score: Math.round(outcome.score * 100), ms: outcome.durationMs.toFixed(1) })}</span>
      </p>
      <ul>
        {outcome.validationErrors.map((e) => (
          <li key={e}>{e}</li>
        ))}
        {outcome.checks.map((c) => (
          <li key={c.id}>
            {c.passed ? '✓' : '✗'} <code>{c.id}</code> {c.message}
          </li>
        ))}
      </ul>
      {outcome.passed ? (
        <p>
          <label htmlFor="studio-answer-name">{t('rightNameLabel')}</label>{' '}
          <input id="studio-answer-name" type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />{' '}
          <button type="button" className="button" onClick={onAdd} data-testid="add-right">
            {t('addRight')}
          </button>
        </p>
      ) : (
        outcome.failing.length > 0 && (
          <p>
            <label htmlFor="studio-answer-name">{t('wrongNameLabel')}</label>{' '}
            <input id="studio-answer-name" type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />{' '}
            <button type="button" className="button" onClick={onAdd} data-testid="add-wrong">
              {t('addWrong')}
            </button>
          </p>
        )
      )}
    </div>
  )
}

function VersionItem({
  version,
  draft,
  when,
  live,
  onRestore,
  disabled,
}: {
  version: VersionView
  draft(): Texts
  when: string
  live: boolean
  onRestore(): void
  disabled: boolean
}) {
  const t = useTranslations('studio.editor')
  // the draft as it was when the comparison was opened (the editor's text is not React state)
  const [comparedTo, setComparedTo] = useState<Texts | null>(null)
  const open = comparedTo !== null
  return (
    <li data-version={version.number}>
      <strong>{t('version', { number: version.number })}</strong> {live && <span className="badge">{t('live')}</span>} · {version.author} ·{' '}
      {when}
      {version.note && <> · {version.note}</>}
      <div>
        <button type="button" className="text-button" aria-expanded={open} onClick={() => setComparedTo(open ? null : draft())}>
          {open ? t('hideDiff') : t('showDiff')}
        </button>{' '}
        <button type="button" className="button" onClick={onRestore} disabled={disabled} data-testid={`restore-${version.number}`}>
          {t('restore')}
        </button>
      </div>
      {comparedTo && <VersionDiff from={version.texts} to={comparedTo} />}
    </li>
  )
}

/** What changed from a version to the draft, file by file, as added and removed lines. */
function VersionDiff({ from, to }: { from: Texts; to: Texts }) {
  const t = useTranslations('studio.editor')
  const files = FILES.map((f) => ({ name: f.name, parts: diffLines(from[f.key] ?? '', to[f.key] ?? '') })).filter((f) =>
    f.parts.some((p) => p.added || p.removed),
  )
  if (files.length === 0) return <p className="muted">{t('sameAsDraft')}</p>
  return (
    <div className="studio-diff">
      {files.map((f) => (
        <figure key={f.name}>
          <figcaption>
            <code>{f.name}</code>
          </figcaption>
          <pre tabIndex={0}>
            {f.parts.map((p, i) => (
              <span key={i} className={p.added ? 'diff-added' : p.removed ? 'diff-removed' : 'diff-same'}>
                {p.value
                  .replace(/\n$/, '')
                  .split('\n')
                  .map((line) => `${p.added ? '+ ' : p.removed ? '- ' : '  '}${line}`)
                  .join('\n') + '\n'}
              </span>
            ))}
          </pre>
        </figure>
      ))}
    </div>
  )
}
