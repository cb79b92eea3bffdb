'use client'
import dynamic from 'next/dynamic'
import { useTranslations } from 'next-intl'
import type { DemoRecording } from './record-demo'
import { formatClock } from '@/components/cluster/playback'

const TimelinePlayer = dynamic(() => import('@/components/cluster/TimelinePlayer').then((m) => m.TimelinePlayer), { ssr: false })

/** A recorded scenario: the cluster picture over time (play, pause, scrub) and the kubectl commands it ran, each
 *  stamped with the player's clock (m:ss) so a command can be found on the timeline. */
export function DemoPlayer({ title, recording, testId }: { title: string; recording: DemoRecording; testId: string }) {
  const t = useTranslations('demo')
  return (
    <section className="demo" aria-label={title} data-testid={testId}>
      <header>
        {t('title')}: {title}
      </header>
      <TimelinePlayer frames={recording.frames} timeline={recording.timeline} events={recording.events} autoPlay={false} />
      <details>
        <summary>{t('replay')}</summary>
        <pre tabIndex={0}>
          {recording.transcript.map((entry, i) => (
            <span key={i}>
              <span className="muted"># {t('at', { time: formatClock(entry.time) })}</span>
              {'\n'}$ {entry.command}
              {'\n'}
              {entry.output}
              {entry.output.endsWith('\n') ? '' : '\n'}
              {'\n'}
            </span>
          ))}
        </pre>
      </details>
    </section>
  )
}
