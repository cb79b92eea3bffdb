'use client'
import { useTranslations } from 'next-intl'
import type { PodGroup } from './cluster-layout'
import { PodChip } from './PodChip'

/** The pods of one ReplicaSet (one Deployment revision) on one node, or a node's bare pods. */
export function PodGroupBox({ group }: { group: PodGroup }) {
  const t = useTranslations('cluster')
  const deployment = group.deployment?.replace(/^Deployment\//, '') ?? null
  const title = deployment
    ? t('group.revision', { deployment, revision: group.revision ?? '?', image: group.images.join(', ') })
    : group.replicaSet
      ? t('group.replicaSet', { name: group.replicaSet, image: group.images.join(', ') })
      : t('group.bare')
  return (
    <li className="cv-group" data-age={Math.min(group.age, 2)} data-bare={group.replicaSet ? undefined : 'true'}>
      <p className="cv-group-title">
        <span className="cv-group-swatch" aria-hidden="true" />
        <span>{title}</span>
        {group.age > 0 && <span className="cv-badge">{t('group.old')}</span>}
      </p>
      <ul className="cv-pods" aria-label={title}>
        {group.pods.map((p) => (
          <PodChip key={`${p.namespace}/${p.name}`} pod={p} />
        ))}
      </ul>
    </li>
  )
}
