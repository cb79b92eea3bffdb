'use client'
import { memo, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import type { State } from '@/lib/sim/index'
import './cluster.css'
import { clusterLayout, type ClusterLayout } from './cluster-layout'
import { connectorPath, relativeTo } from './connectors'
import { DeploymentCard } from './DeploymentCard'
import { NodeBox } from './NodeBox'
import { PodGroupBox } from './PodGroupBox'
import { PodIcon } from './PodIcon'
import { POD_TONES, podTone, toneKey, type PodTone } from './pod-look'
import { ServiceCard } from './ServiceCard'

interface Line {
  key: string
  d: string
  flowing: boolean
}

/** Services whose request counter moved since the previous state: their lines animate. */
function flowingServices(prev: State | null, next: State): Set<string> {
  const out = new Set<string>()
  if (!prev) return out
  for (const [name, c] of Object.entries(next.traffic)) if (c.sent > (prev.traffic[name]?.sent ?? 0)) out.add(name)
  return out
}

function useServiceLines(
  root: React.RefObject<HTMLDivElement | null>,
  layout: ClusterLayout,
  flowing: Set<string>,
): { lines: Line[]; size: { width: number; height: number } } {
  const [drawn, setDrawn] = useState<{ lines: Line[]; size: { width: number; height: number } }>({
    lines: [],
    size: { width: 0, height: 0 },
  })
  useLayoutEffect(() => {
    const el = root.current
    if (!el) return
    const measure = () => {
      const origin = el.getBoundingClientRect()
      const lines: Line[] = []
      for (const svc of layout.services) {
        const card = el.querySelector<HTMLElement>(`[data-svc="${CSS.escape(svc.key)}"]`)
        if (!card) continue
        const from = relativeTo(card.getBoundingClientRect(), origin)
        const name = svc.namespace === 'default' ? svc.name : svc.key
        for (const pod of svc.readyPods) {
          const chip = el.querySelector<HTMLElement>(`[data-pod="${CSS.escape(pod)}"]`)
          if (!chip) continue
          lines.push({
            key: `${svc.key}>${pod}`,
            d: connectorPath(from, relativeTo(chip.getBoundingClientRect(), origin)),
            flowing: flowing.has(name),
          })
        }
      }
      setDrawn({ lines, size: { width: el.scrollWidth, height: el.scrollHeight } })
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [root, layout, flowing])
  return drawn
}

/** The cluster at one moment. Memoised: the timeline player re-renders every animation frame, the picture only when the frame changes. */
export const ClusterView = memo(function ClusterView({ state }: { state: State }) {
  const t = useTranslations('cluster')
  const root = useRef<HTMLDivElement>(null)
  const pendingTitle = useId()
  const layout = useMemo(() => clusterLayout(state), [state])
  // "Adjusting state when a prop changes": remember the previous state to see whether traffic is flowing.
  const [seen, setSeen] = useState<{ state: State | null; flowing: Set<string> }>({ state: null, flowing: new Set() })
  if (seen.state !== state) setSeen({ state, flowing: flowingServices(seen.state, state) })
  const { lines, size } = useServiceLines(root, layout, seen.flowing)

  const toneCounts = useMemo(() => {
    const counts = new Map<PodTone, number>()
    for (const p of state.pods) counts.set(podTone(p), (counts.get(podTone(p)) ?? 0) + 1)
    return POD_TONES.filter((tone) => counts.has(tone)).map((tone) => ({ tone, count: counts.get(tone)! }))
  }, [state])
  const empty = state.pods.length === 0 && layout.services.length === 0 && layout.deployments.length === 0

  return (
    <div ref={root} className="cv-root" role="group" aria-label={t('title')}>
      <svg className="cv-lines" width={size.width} height={size.height} aria-hidden="true" focusable="false">
        {lines.map((l) => (
          <g key={l.key} data-flowing={l.flowing || undefined}>
            <path className="cv-line" d={l.d} />
            <path className="cv-line-flow" d={l.d} />
          </g>
        ))}
      </svg>

      <p className="cv-summary">
        <span>{t('summary', { nodes: state.nodes.length, pods: state.pods.length })}</span>
        {toneCounts.map(({ tone, count }) => (
          <span
            key={tone}
            className="cv-tone-count"
            data-tone={tone}
            role="img"
            aria-label={t('toneCount', { meaning: t(`tone.${toneKey(tone)}`), count })}
          >
            <PodIcon tone={tone} />
            {count}
          </span>
        ))}
      </p>

      {empty && <p className="cv-empty">{t('empty')}</p>}

      {layout.services.length > 0 && (
        <ul className="cv-services" aria-label={t('service.title')}>
          {layout.services.map((s) => (
            <ServiceCard key={s.key} service={s} flowing={seen.flowing.has(s.namespace === 'default' ? s.name : s.key)} />
          ))}
        </ul>
      )}

      <ul className="cv-nodes" aria-label={t('node.title')}>
        {layout.nodes.map((n) => (
          <NodeBox key={n.name} node={n} />
        ))}
      </ul>

      {layout.pending.length > 0 && (
        <div className="cv-pending" role="group" aria-labelledby={pendingTitle}>
          <p className="cv-section-title" id={pendingTitle}>
            {t('pending.title')}
          </p>
          <p className="cv-section-help">{t('pending.help')}</p>
          <ul className="cv-groups">
            {layout.pending.map((g) => (
              <PodGroupBox key={g.key} group={g} />
            ))}
          </ul>
        </div>
      )}

      {layout.deployments.length > 0 && (
        <ul className="cv-deploys" aria-label={t('deployment.title')}>
          {layout.deployments.map((d) => (
            <DeploymentCard key={d.key} deployment={d} />
          ))}
        </ul>
      )}
    </div>
  )
})
