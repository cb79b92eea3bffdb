'use client'
import { useId, useMemo } from 'react'
import { useTranslations } from 'next-intl'
import type { TimelinePoint } from '@/lib/sim/index'
import './cluster.css'
import {
  countsAt,
  deploymentNames,
  deploymentSamples,
  gridValues,
  makeScale,
  niceMax,
  SERIES,
  seriesRange,
  stepPath,
  type SeriesName,
} from './chart-model'
import { formatClock } from './playback'

export interface ReplicasChartProps {
  timeline: TimelinePoint[]
  /** a Deployment's display name (`web`, or `ns/web` outside default); the first one in the timeline if omitted */
  deployment?: string
  /** the window in virtual seconds; from the first to the last timeline point if omitted */
  start?: number
  end?: number
  /** the current time, drawn as a vertical line */
  cursor?: number
}

const BOX = { width: 320, height: 132, padLeft: 22, padRight: 8, padTop: 8, padBottom: 18 }
// Series with equal values would hide each other: each is nudged a little, total pods highest.
const OFFSET: Record<SeriesName, number> = { replicas: -3, updatedReplicas: -1, readyReplicas: 1, availableReplicas: 3 }

export function ReplicasChart({ timeline, deployment, start, end, cursor }: ReplicasChartProps) {
  const t = useTranslations('timeline')
  const titleId = useId()
  const name = deployment ?? deploymentNames(timeline)[0]
  const from = start ?? timeline[0]?.time ?? 0
  const to = Math.max(end ?? timeline[timeline.length - 1]?.time ?? from, from)
  const samples = useMemo(() => (name ? deploymentSamples(timeline, name, from, to) : []), [timeline, name, from, to])
  if (!name) return <p className="cv-chart-empty">{t('chart.empty')}</p>

  const yMax = niceMax(samples)
  const scale = makeScale(BOX, from, to, yMax)
  const now = cursor === undefined ? null : Math.min(Math.max(cursor, from), to)
  const current = countsAt(samples, now ?? to)
  const label = (s: SeriesName) => t(`chart.series.${s}`)
  const summary = t('chart.summary', {
    name,
    maxPods: seriesRange(samples, 'replicas').max,
    minAvailable: seriesRange(samples, 'availableReplicas').min,
    maxAvailable: seriesRange(samples, 'availableReplicas').max,
  })

  return (
    <figure className="cv-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="cv-chart-title">
        {t('chart.title', { name })}
      </figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="cv-chart-svg" role="img" aria-label={summary}>
        {gridValues(yMax).map((v) => (
          <g key={v} className="cv-chart-grid">
            <line x1={BOX.padLeft} x2={BOX.width - BOX.padRight} y1={scale.y(v)} y2={scale.y(v)} />
            <text x={BOX.padLeft - 5} y={scale.y(v)} dy="0.32em" textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        <g className="cv-chart-axis">
          <text x={BOX.padLeft} y={BOX.height - 4}>
            {formatClock(0)}
          </text>
          <text x={BOX.width - BOX.padRight} y={BOX.height - 4} textAnchor="end">
            {formatClock(to - from)}
          </text>
        </g>
        {SERIES.map((s) => (
          <path key={s} className="cv-chart-line" data-series={s} d={stepPath(samples, s, scale, OFFSET[s])} />
        ))}
        {now !== null && (
          <line className="cv-chart-cursor" x1={scale.x(now)} x2={scale.x(now)} y1={BOX.padTop - 4} y2={BOX.height - BOX.padBottom} />
        )}
      </svg>
      <ul className="cv-chart-legend">
        {SERIES.map((s) => (
          <li key={s} data-series={s}>
            <span className="cv-chart-key" aria-hidden="true" />
            {label(s)} <b>{current[s]}</b>
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{t('chart.tableCaption', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.time')}</th>
            {SERIES.map((s) => (
              <th key={s} scope="col">
                {label(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {samples.map((sample, i) => (
            <tr key={i}>
              <th scope="row">{formatClock(sample.time - from)}</th>
              {SERIES.map((s) => (
                <td key={s}>{sample.counts[s]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
