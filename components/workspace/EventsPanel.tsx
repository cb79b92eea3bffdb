'use client'
import { useTranslations } from 'next-intl'
import type { EventRecord } from '@/lib/sim/index'

/** The Events tab: `kubectl get events` for the last Run, newest first. */
export function EventsPanel({ events }: { events: EventRecord[] }) {
  const t = useTranslations('workspace')
  if (events.length === 0) return <p className="panel-empty">{t('eventsEmpty')}</p>
  return (
    <div className="panel-scroll" tabIndex={0} role="region" aria-label={t('tabEvents')}>
      <table className="events-table">
        <caption className="visually-hidden">{t('eventsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eventTime')}</th>
            <th scope="col">{t('eventType')}</th>
            <th scope="col">{t('eventReason')}</th>
            <th scope="col">{t('eventObject')}</th>
            <th scope="col">{t('eventMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {[...events].reverse().map((e, i) => (
            <tr key={i} data-type={e.type}>
              <td>{e.time}s</td>
              <td>{e.type}</td>
              <td>{e.reason}</td>
              <td>{e.object}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
