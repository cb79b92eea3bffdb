'use client'
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import type { PodState } from '@/lib/sim/index'
import { PodIcon } from './PodIcon'
import { podTone, shortPodName, toneKey } from './pod-look'
import { podKey } from './cluster-layout'
import { placeTooltip } from './connectors'

export function PodChip({ pod }: { pod: PodState }) {
  const t = useTranslations('cluster')
  const tipId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const tip = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(false)
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null)
  const tone = podTone(pod)
  const meaning = t(`tone.${toneKey(tone)}`)

  const show = useCallback(() => setOpen(true), [])
  const hide = useCallback(() => {
    setOpen(false)
    setPos(null)
  }, [])

  useLayoutEffect(() => {
    if (!open || !button.current || !tip.current) return
    const r = tip.current.getBoundingClientRect()
    setPos(placeTooltip(button.current.getBoundingClientRect(), r, { width: window.innerWidth, height: window.innerHeight }))
  }, [open, pod])

  // A fixed tooltip would drift away from its chip when anything scrolls: close it instead.
  useEffect(() => {
    if (!open) return
    window.addEventListener('scroll', hide, true)
    return () => window.removeEventListener('scroll', hide, true)
  }, [open, hide])

  return (
    <li className="cv-pod-item">
      <button
        ref={button}
        type="button"
        className="cv-pod"
        data-tone={tone}
        data-pod={podKey(pod)}
        data-pod-name={pod.name}
        data-pod-status={pod.ready && !pod.terminating ? pod.status : pod.terminating ? 'Terminating' : `${pod.status}-not-ready`}
        aria-label={t('pod.label', { name: pod.name, status: pod.status, meaning })}
        aria-describedby={tipId}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation()
            hide()
          }
        }}
        onClick={() => (open ? hide() : show())}
      >
        <PodIcon tone={tone} />
        <span className="cv-pod-name">{shortPodName(pod.name, pod.owner)}</span>
        <span className="cv-pod-status">{pod.status}</span>
        {pod.restarts > 0 && (
          <span className="cv-pod-restarts" aria-hidden="true">
            ↻{pod.restarts}
          </span>
        )}
      </button>
      <div
        ref={tip}
        id={tipId}
        role="tooltip"
        className="cv-tip"
        hidden={!open}
        style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden', top: 0, left: 0 }}
      >
        <p className="cv-tip-title">
          <PodIcon tone={tone} /> <span>{pod.name}</span>
        </p>
        <p className="cv-tip-meaning">{meaning}</p>
        <dl>
          <dt>{t('pod.status')}</dt>
          <dd>{pod.status}</dd>
          <dt>{t('pod.ready')}</dt>
          <dd>{pod.ready ? t('pod.yes') : t('pod.no')}</dd>
          <dt>{t('pod.ip')}</dt>
          <dd>{pod.ip ?? t('pod.none')}</dd>
          <dt>{t('pod.node')}</dt>
          <dd>{pod.node ?? t('pod.unscheduled')}</dd>
          <dt>{t('pod.restarts')}</dt>
          <dd>{pod.restarts}</dd>
          {pod.owner && (
            <>
              <dt>{t('pod.owner')}</dt>
              <dd>{pod.owner}</dd>
            </>
          )}
        </dl>
        <p className="cv-tip-sub">{t('pod.containers')}</p>
        {/* an unscheduled pod's containers are not being created yet, whatever the default reason says */}
        <ul className="cv-tip-containers">
          {pod.containers.map((c) => (
            <li key={c.name}>
              {t('pod.container', {
                name: c.name,
                image: c.image,
                state: c.reason && pod.node ? `${c.state} (${c.reason})` : c.state,
                ready: c.ready ? t('pod.yes') : t('pod.no'),
                restarts: c.restartCount,
              })}
            </li>
          ))}
        </ul>
      </div>
    </li>
  )
}
