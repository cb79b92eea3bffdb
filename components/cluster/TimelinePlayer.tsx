'use client'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslations } from 'next-intl'
import type { EventRecord, State, TimelinePoint } from '@/lib/sim/index'
import './cluster.css'
import { deploymentNames } from './chart-model'
import { ClusterView } from './ClusterView'
import { EventList } from './EventList'
import { advanceCursor, formatClock, frameIndexAt, nextChange, previousChange, SPEEDS, type Speed } from './playback'
import { ReplicasChart } from './ReplicasChart'

export interface TimelinePlayerProps {
  frames: { time: number; state: State }[]
  timeline: TimelinePoint[]
  events: EventRecord[]
  /** play from the start when a new recording arrives (default); false shows the end, paused */
  autoPlay?: boolean
}

const MAX_CHARTS = 3

export function TimelinePlayer({ frames, timeline, events, autoPlay = true }: TimelinePlayerProps) {
  const t = useTranslations('timeline')
  const hintId = useId()
  const start = frames[0]?.time ?? 0
  const end = frames[frames.length - 1]?.time ?? 0
  const [cursor, setCursor] = useState(autoPlay ? start : end)
  const [playing, setPlaying] = useState(autoPlay && end > start)
  const [speed, setSpeed] = useState<Speed>(2)
  // A new recording restarts the player ("adjusting state when a prop changes").
  const [shown, setShown] = useState(frames)
  if (shown !== frames) {
    setShown(frames)
    setCursor(autoPlay ? start : end)
    setPlaying(autoPlay && end > start)
  }

  // The animation loop reads the cursor from a ref so that it is not restarted on every frame it draws.
  const cursorRef = useRef(cursor)
  useEffect(() => {
    cursorRef.current = cursor
  }, [cursor])
  useEffect(() => {
    if (!playing) return
    let last = performance.now()
    let raf = requestAnimationFrame(function tick(now) {
      const next = advanceCursor(cursorRef.current, now - last, speed, end)
      last = now
      cursorRef.current = next.cursor
      setCursor(next.cursor)
      if (next.ended) setPlaying(false)
      else raf = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(raf)
  }, [playing, speed, end])

  const index = frameIndexAt(frames, cursor)
  const frame = index >= 0 ? frames[index] : undefined
  const charts = useMemo(() => deploymentNames(timeline).slice(0, MAX_CHARTS), [timeline])

  if (!frame) return <p className="cv-empty">{t('empty')}</p>

  const seek = (time: number | null) => {
    if (time === null) return
    setPlaying(false)
    setCursor(Math.min(Math.max(time, start), end))
  }
  const toggle = () => {
    if (playing) setPlaying(false)
    else {
      if (cursor >= end) setCursor(start)
      setPlaying(true)
    }
  }
  // The range input alone would step 0.1 s per arrow press: seconds, tens of seconds and changes instead.
  const onScrubKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, () => number | null> = {
      ArrowLeft: () => (e.shiftKey ? previousChange(frames, cursor) : cursor - 1),
      ArrowDown: () => (e.shiftKey ? previousChange(frames, cursor) : cursor - 1),
      ArrowRight: () => (e.shiftKey ? nextChange(frames, cursor) : cursor + 1),
      ArrowUp: () => (e.shiftKey ? nextChange(frames, cursor) : cursor + 1),
      PageDown: () => cursor - 10,
      PageUp: () => cursor + 10,
      Home: () => start,
      End: () => end,
    }
    if (e.key === ' ' || e.key === 'k') {
      e.preventDefault()
      toggle()
    } else if (moves[e.key]) {
      e.preventDefault()
      seek(moves[e.key]!())
    }
  }
  const elapsed = formatClock(cursor - start)
  const total = formatClock(end - start)

  return (
    <div className="cv-player">
      <div className="cv-controls" role="group" aria-label={t('controls')}>
        <button
          type="button"
          className="cv-btn"
          onClick={() => seek(previousChange(frames, cursor))}
          aria-label={t('previousChange')}
          title={t('previousChange')}
        >
          <svg className="cv-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 3v10M13 3L6 8l7 5z" fill="currentColor" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          </svg>
        </button>
        <button
          type="button"
          className="cv-btn cv-play"
          onClick={toggle}
          aria-label={playing ? t('pause') : t('play')}
          title={playing ? t('pause') : t('play')}
        >
          <svg className="cv-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d={playing ? 'M4.5 3h2.5v10H4.5zM9 3h2.5v10H9z' : 'M4.5 2.5l9 5.5-9 5.5z'} fill="currentColor" />
          </svg>
        </button>
        <button
          type="button"
          className="cv-btn"
          onClick={() => seek(nextChange(frames, cursor))}
          aria-label={t('nextChange')}
          title={t('nextChange')}
        >
          <svg className="cv-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M12 3v10M3 3l7 5-7 5z" fill="currentColor" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          </svg>
        </button>
        <input
          type="range"
          className="cv-scrub"
          min={start}
          max={end}
          step={0.1}
          value={cursor}
          disabled={end <= start}
          aria-label={t('scrubber')}
          aria-valuetext={t('position', { elapsed, total })}
          aria-describedby={hintId}
          onChange={(e) => seek(Number(e.currentTarget.value))}
          onKeyDown={onScrubKey}
        />
        <span className="cv-clock" aria-hidden="true">
          {elapsed} / {total}
        </span>
        <label className="cv-speed">
          <span>{t('speed')}</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={hintId} className="cv-hint">
        {t('keys')}
      </p>
      <ClusterView state={frame.state} />
      <div className="cv-below">
        {charts.length > 0 && (
          <div className="cv-charts">
            {charts.map((name) => (
              <ReplicasChart key={name} timeline={timeline} deployment={name} start={start} end={end} cursor={cursor} />
            ))}
          </div>
        )}
        <EventList events={events} time={cursor} start={start} />
      </div>
    </div>
  )
}
