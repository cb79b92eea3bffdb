'use client'
import { useTranslations } from 'next-intl'
import type { State } from '@/lib/sim/index'
import type { Recording } from '@/components/simulator/protocol'
import { ClusterView } from '@/components/cluster/ClusterView'
import { TimelinePlayer } from '@/components/cluster/TimelinePlayer'

/** The Cluster tab: the recording of the last Run (play, scrub), or the live cluster the terminal acts on. */
export function ClusterPanel({
  mode,
  recording,
  live,
  onMode,
  commands = false,
}: {
  mode: 'recording' | 'live'
  recording: Recording | null
  live: State | null
  onMode(mode: 'recording' | 'live'): void
  commands?: boolean
}) {
  const t = useTranslations('workspace')
  if (!recording && !live) return <p className="panel-empty">{commands ? t('clusterEmptyCommands') : t('clusterEmpty')}</p>
  return (
    <>
      <div className="panel-toolbar" role="group" aria-label={t('clusterMode')}>
        <button
          type="button"
          className="button small"
          aria-pressed={mode === 'recording'}
          disabled={!recording}
          onClick={() => onMode('recording')}
        >
          {t('clusterRecording')}
        </button>
        <button
          type="button"
          className="button small"
          aria-pressed={mode === 'live'}
          disabled={!live}
          onClick={() => onMode('live')}
          data-testid="cluster-live"
        >
          {t('clusterLive')}
        </button>
      </div>
      <div className="panel-scroll" data-testid="cluster-panel" tabIndex={0} role="region" aria-label={t('tabCluster')}>
        {mode === 'recording' && recording ? (
          <TimelinePlayer frames={recording.frames} timeline={recording.timeline} events={recording.events} />
        ) : live ? (
          <ClusterView state={live} />
        ) : null}
      </div>
    </>
  )
}
