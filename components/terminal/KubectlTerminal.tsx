'use client'
/**
 * A kubectl terminal on xterm.js. xterm is imported inside an effect, so this module is safe to render on the
 * server; the workspace still loads it with next/dynamic({ ssr: false }) to keep it out of the first bundle.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import '@xterm/xterm/css/xterm.css'
import '@fontsource/nanum-gothic-coding/400.css'
import './terminal.css'
import { resetBanner, startBanner, type BannerMessages } from './banner'
import { TerminalSession, type CommandAnswer } from './session'
import { glyphsReady, needsMoreGlyphs, TERMINAL_FONT_FAMILY, TERMINAL_FONT_FAMILY_REMEASURED, TERMINAL_FONT_SIZE } from './terminal-font'
import { pageIsDark, terminalTheme } from './terminal-theme'

export interface KubectlTerminalProps {
  /** runs a command line on the simulator; pass its RunResult on whole (a `notice` is shown translated) */
  run(command: string): Promise<CommandAnswer>
  complete(line: string): Promise<string[]>
  /** the prompt, `$ ` if omitted */
  prompt?: string
  /** localStorage key to keep the command history across reloads; not kept when omitted */
  historyKey?: string
  /**
   * Counts the workspace's cluster resets: each change clears the screen and says the cluster was reset
   * (the first value is the starting one and prints nothing).
   */
  resetCount?: number
  /** the files in the learner's home directory (simulator `listFiles`), named in the banner */
  files?: readonly string[]
  /** which of them holds the editor's text (e.g. `exercise.yaml`); none in command exercises */
  editorFile?: string
}

function readHistory(key: string | undefined): string[] {
  if (!key) return []
  try {
    const v: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]')
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function currentTheme() {
  const css = getComputedStyle(document.documentElement)
  const dark = pageIsDark(document.documentElement.dataset.theme, window.matchMedia('(prefers-color-scheme: dark)').matches)
  return terminalTheme(
    { bgSoft: css.getPropertyValue('--bg-soft'), fg: css.getPropertyValue('--fg'), accent: css.getPropertyValue('--accent') },
    dark,
  )
}

function KubectlTerminal({ run, complete, prompt = '$ ', historyKey, resetCount = 0, files, editorFile }: KubectlTerminalProps) {
  const t = useTranslations('terminal')
  const hintId = useId()
  const host = useRef<HTMLDivElement>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  // The session lives as long as the xterm instance; the latest callbacks and texts are read through refs.
  const calls = useRef({ run, complete, t, files, editorFile })
  useEffect(() => {
    calls.current = { run, complete, t, files, editorFile }
  }, [run, complete, t, files, editorFile])
  const sessionRef = useRef<TerminalSession | null>(null)
  /** A notice of the simulator (lib/sim kubectl/result.ts RunNotice) in the learner's language. */
  const noticeText = (code: string): string | undefined =>
    code === 'stdinNotSupported' || code === 'overBudget' ? calls.current.t(`notices.${code}`) : undefined
  const bannerMessages = (): BannerMessages => {
    const tr = calls.current.t
    return {
      banner: tr('banner'),
      reset: tr('reset'),
      editorFile: (file) => tr('editorFile', { file }),
      files: (list) => tr('files', { files: list }),
    }
  }

  // A reset of the cluster: a clean screen that says so (the starting value prints nothing).
  const resetsSeen = useRef(resetCount)
  useEffect(() => {
    if (resetCount === resetsSeen.current) return
    resetsSeen.current = resetCount
    const text = resetBanner(bannerMessages(), calls.current.files, calls.current.editorFile)
    void glyphsReady(document.fonts, text).then(() => sessionRef.current?.restart(text))
  }, [resetCount])

  useEffect(() => {
    const el = host.current
    if (!el) return
    let disposed = false
    let teardown = () => {}
    const banner = startBanner(bannerMessages(), calls.current.files, calls.current.editorFile)
    Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), glyphsReady(document.fonts, `W${banner}`)])
      .then(([{ Terminal }, { FitAddon }, fontReady]) => {
        if (disposed) return
        const term = new Terminal({
          screenReaderMode: true,
          cursorBlink: true,
          fontFamily: TERMINAL_FONT_FAMILY,
          fontSize: TERMINAL_FONT_SIZE,
          lineHeight: 1.15,
          scrollback: 3000,
          theme: currentTheme(),
        })
        const fit = new FitAddon()
        term.loadAddon(fit)
        term.open(el)
        fit.fit()
        term.textarea?.setAttribute('aria-label', calls.current.t('inputLabel'))
        term.textarea?.setAttribute('aria-describedby', hintId)

        const session = new TerminalSession(
          { write: (text) => term.write(text), clearScreen: () => term.write('\x1b[H\x1b[2J\x1b[3J'), cols: () => term.cols },
          {
            prompt: `\x1b[1;32m${prompt}\x1b[0m`,
            // the output's glyphs are loaded before xterm draws (and measures) them
            run: async (command) => {
              const answer = await calls.current.run(command)
              const shown = (answer.notice && noticeText(answer.notice)) || answer.output
              if (needsMoreGlyphs(shown)) await glyphsReady(document.fonts, shown)
              return answer
            },
            complete: (line) => calls.current.complete(line),
            messages: {
              more: (count) => calls.current.t('more', { count }),
              failed: (message) => calls.current.t('failed', { message }),
              notice: noticeText,
            },
            history: readHistory(historyKey),
            onHistory: (history) => {
              if (!historyKey) return
              try {
                window.localStorage.setItem(historyKey, JSON.stringify(history.slice(-200)))
              } catch {}
            },
          },
        )
        session.start(banner)
        sessionRef.current = session
        const data = term.onData((d) => void session.input(d))
        // A subset that came late (a slow first visit, Korean typed at the prompt): measure again once it is there.
        const remeasure = () => {
          if (disposed) return
          term.options.fontFamily =
            term.options.fontFamily === TERMINAL_FONT_FAMILY ? TERMINAL_FONT_FAMILY_REMEASURED : TERMINAL_FONT_FAMILY
          fit.fit()
          term.refresh(0, term.rows - 1)
        }
        const onFontLoaded = (event: FontFaceSetLoadEvent) => {
          if (event.fontfaces.some((f) => f.family.replace(/['"]/g, '') === 'Nanum Gothic Coding')) remeasure()
        }
        document.fonts.addEventListener('loadingdone', onFontLoaded)
        if (!fontReady) void document.fonts.ready.then(remeasure)

        // Tab completes, so it cannot also leave the terminal: Esc then Tab (or Shift+Tab) moves focus on.
        let escaped = false
        term.attachCustomKeyEventHandler((e) => {
          if (e.type !== 'keydown') return true
          if (e.key === 'Tab' && (e.shiftKey || escaped)) {
            escaped = false
            return false
          }
          // Ctrl+C with a selection copies it (the browser does); without one it interrupts.
          if ((e.ctrlKey || e.metaKey) && e.key === 'c' && term.hasSelection()) return false
          escaped = e.key === 'Escape'
          return true
        })

        const resize = new ResizeObserver(() => {
          if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit()
        })
        resize.observe(el)
        const retheme = () => {
          term.options.theme = currentTheme()
        }
        const themeObserver = new MutationObserver(retheme)
        themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
        const media = window.matchMedia('(prefers-color-scheme: dark)')
        media.addEventListener('change', retheme)
        setStatus('ready')

        teardown = () => {
          sessionRef.current = null
          document.fonts.removeEventListener('loadingdone', onFontLoaded)
          media.removeEventListener('change', retheme)
          themeObserver.disconnect()
          resize.disconnect()
          data.dispose()
          term.dispose()
        }
      })
      .catch(() => {
        if (!disposed) setStatus('error')
      })
    return () => {
      disposed = true
      teardown()
    }
  }, [prompt, historyKey, hintId])

  return (
    <div className="kt-root" role="group" aria-label={t('label')} data-status={status}>
      <div ref={host} className="kt-screen" onClick={() => host.current?.querySelector('textarea')?.focus()} />
      {status === 'loading' && (
        <p className="kt-status" role="status">
          {t('loading')}
        </p>
      )}
      {status === 'error' && (
        <p className="kt-status kt-error" role="alert">
          {t('loadFailed')}
        </p>
      )}
      <p id={hintId} className="kt-hint">
        {t('hint')}
      </p>
    </div>
  )
}

export default KubectlTerminal
