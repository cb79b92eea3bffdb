import { getTranslations } from 'next-intl/server'
import type { DailyCompletions } from '@/lib/classes/progress-timeline'
import { formatDate, formatDateTime } from '@/lib/text/dates'
import type { Locale } from '@/i18n/locales'
import './teach.css'

// The replicas chart's box (components/cluster/ReplicasChart.tsx), so the two charts read alike.
const BOX = { width: 320, height: 132, padLeft: 22, padRight: 8, padTop: 8, padBottom: 18 }

/** A round top for the y axis: 4, 10, 20, then steps of 20. */
export function chartMax(peak: number): number {
  if (peak <= 4) return 4
  if (peak <= 10) return 10
  return Math.ceil(peak / 20) * 20
}

/** A day key ("2026-11-20") as a date in the page's language; the key is already a calendar day, so read in UTC. */
const dayDate = (day: string) => new Date(`${day}T12:00:00Z`)
const shortDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
    month: locale === 'ko' ? 'numeric' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(dayDate(day))

/**
 * Lessons completed per day (issue 17), for a class or one learner: bars on the replicas chart's grid, with a
 * summary as the picture's accessible name and the numbers as a table for screen readers.
 */
export async function ProgressChart({
  id,
  data,
  title,
  locale,
  emptyText,
  lastActivity,
}: {
  id: string
  data: DailyCompletions
  title: string
  locale: Locale
  emptyText: string
  lastActivity?: Date | null
}) {
  const t = await getTranslations('deadlines.chart')
  const activity =
    lastActivity === undefined ? null : (
      <p className="muted" data-testid="last-activity">
        {lastActivity ? t('lastActivity', { date: formatDateTime(lastActivity, locale) }) : t('noActivity')}
      </p>
    )
  if (data.total === 0 && data.earlier === 0) {
    return (
      <>
        <p className="muted" data-testid="progress-chart-empty">
          {emptyText}
        </p>
        {activity}
      </>
    )
  }
  const days = data.days
  const from = formatDate(dayDate(days[0]!.day), locale, { timeZone: 'UTC' })
  const to = formatDate(dayDate(days.at(-1)!.day), locale, { timeZone: 'UTC' })
  const yMax = chartMax(data.peak)
  const plotWidth = BOX.width - BOX.padLeft - BOX.padRight
  const plotHeight = BOX.height - BOX.padTop - BOX.padBottom
  const slot = plotWidth / days.length
  const barWidth = Math.max(1, Math.min(slot * 0.7, 14))
  const y = (v: number) => BOX.padTop + plotHeight - (v / yMax) * plotHeight
  const summary = t('summary', { total: data.total, from, to, peak: data.peak })
  return (
    <figure className="pc-chart" aria-labelledby={`${id}-title`} data-testid="progress-chart">
      <figcaption id={`${id}-title`} className="pc-chart-title">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} className="pc-chart-svg" role="img" aria-labelledby={`${id}-summary`}>
        {[0, yMax / 2, yMax].map((v) => (
          <g key={v} className="pc-chart-grid">
            <line x1={BOX.padLeft} x2={BOX.width - BOX.padRight} y1={y(v)} y2={y(v)} />
            <text x={BOX.padLeft - 5} y={y(v)} dy="0.32em" textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        <g className="pc-chart-axis">
          <text x={BOX.padLeft} y={BOX.height - 4}>
            {shortDay(days[0]!.day, locale)}
          </text>
          <text x={BOX.width - BOX.padRight} y={BOX.height - 4} textAnchor="end">
            {shortDay(days.at(-1)!.day, locale)}
          </text>
        </g>
        {days.map((d, i) =>
          d.completed === 0 ? null : (
            <rect
              key={d.day}
              className="pc-chart-bar"
              x={BOX.padLeft + i * slot + (slot - barWidth) / 2}
              y={y(d.completed)}
              width={barWidth}
              height={y(0) - y(d.completed)}
              rx={1}
            >
              <title>{`${formatDate(dayDate(d.day), locale, { timeZone: 'UTC' })}: ${d.completed}`}</title>
            </rect>
          ),
        )}
      </svg>
      <ul className="pc-chart-legend">
        <li>
          <span className="pc-chart-key" aria-hidden="true" />
          {t('legend')} · <b>{data.total}</b>
        </li>
      </ul>
      <p id={`${id}-summary`} className="pc-chart-note muted">
        {summary}
        {data.earlier > 0 && ` ${t('earlier', { count: data.earlier, from })}`}
      </p>
      <table className="visually-hidden">
        <caption>{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('completed')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDate(dayDate(d.day), locale, { timeZone: 'UTC' })}</th>
              <td>{d.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {activity}
    </figure>
  )
}
