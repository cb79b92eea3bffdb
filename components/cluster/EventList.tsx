'use client'
import { memo, useMemo } from 'react'
import { useTranslations } from 'next-intl'
import type { EventRecord } from '@/lib/sim/index'
import { countUpTo, formatClock } from './playback'

const SHOWN = 200

/** Kubernetes events that have happened by `time`, newest first; Warnings stand out. */
export function EventList({ events, time, start }: { events: EventRecord[]; time: number; start: number }) {
  // While playing, `time` changes every animation frame but the list only when another event is reached.
  return <EventItems events={events} count={countUpTo(events, time)} start={start} />
}

const EventItems = memo(function EventItems({ events, count, start }: { events: EventRecord[]; count: number; start: number }) {
  const t = useTranslations('timeline')
  const visible = useMemo(() => events.slice(0, count).reverse(), [events, count])
  return (
    <section className="cv-events" aria-label={t('events.title')}>
      <p className="cv-section-title">
        {t('events.title')} <span className="cv-badge">{visible.length}</span>
      </p>
      {visible.length === 0 ? (
        <p className="cv-section-help">{t('events.none')}</p>
      ) : (
        // A scrollable region must be reachable by keyboard (tabIndex) and named.
        <ol className="cv-event-list" tabIndex={0} aria-label={t('events.list')}>
          {visible.slice(0, SHOWN).map((e, i) => (
            <li key={`${visible.length - i}`} className="cv-event" data-type={e.type}>
              <span className="cv-event-time">+{formatClock(e.time - start)}</span>
              <span className="cv-event-reason">
                {e.type === 'Warning' && (
                  <svg className="cv-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <path
                      d="M8 2L1.5 13.5h13zM8 6.5v3.5M8 12v.3"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.6"
                      strokeLinejoin="round"
                      strokeLinecap="round"
                    />
                  </svg>
                )}
                <span className={e.type === 'Warning' ? 'cv-event-type' : 'visually-hidden'}>{e.type}</span> {e.reason}
              </span>
              <span className="cv-event-object">{e.object}</span>
              <span className="cv-event-message">{e.message}</span>
            </li>
          ))}
          {visible.length > SHOWN && <li className="cv-event-more">{t('events.more', { count: visible.length - SHOWN })}</li>}
        </ol>
      )}
    </section>
  )
})
