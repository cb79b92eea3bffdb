'use client'
import { useTranslations } from 'next-intl'
import type { DeploymentView } from './cluster-layout'

/** A Deployment and its ReplicaSets (revisions), like `kubectl get deploy,rs` but as a card. */
export function DeploymentCard({ deployment }: { deployment: DeploymentView }) {
  const t = useTranslations('cluster')
  const d = deployment.info
  const name = d.namespace === 'default' ? d.name : `${d.namespace}/${d.name}`
  const failing = d.conditions.filter((c) => c.status !== 'True')
  return (
    <li className="cv-deploy" aria-label={t('deployment.label', { name })}>
      <div className="cv-deploy-head">
        <span className="cv-deploy-name">{name}</span>
        {d.revision !== null && <span className="cv-badge">{t('deployment.revision', { revision: d.revision })}</span>}
        <span className="cv-deploy-image">{d.images.join(', ')}</span>
      </div>
      <p className="cv-deploy-counts">
        {t('deployment.counts', {
          replicas: d.replicas,
          updated: d.updatedReplicas,
          ready: d.readyReplicas,
          available: d.availableReplicas,
        })}
      </p>
      {failing.length > 0 && (
        <ul className="cv-conditions">
          {failing.map((c) => (
            <li key={c.type} data-type={c.type}>
              {c.type}={c.status}
              {c.reason ? ` (${c.reason})` : ''}
            </li>
          ))}
        </ul>
      )}
      <ul className="cv-rs-list">
        {deployment.replicaSets.map((rs) => (
          <li key={rs.name} className="cv-rs" data-age={Math.min(rs.age, 2)}>
            <span className="cv-group-swatch" aria-hidden="true" />
            {t('deployment.replicaSet', {
              name: rs.name,
              revision: rs.revision ?? '?',
              image: rs.images.join(', '),
              replicas: rs.replicas,
              ready: rs.readyReplicas,
            })}
          </li>
        ))}
      </ul>
    </li>
  )
}
