'use client'
import { useTranslations } from 'next-intl'
import type { NodeView } from './cluster-layout'
import { PodGroupBox } from './PodGroupBox'

export function NodeBox({ node }: { node: NodeView }) {
  const t = useTranslations('cluster')
  const status = node.ready ? 'Ready' : 'NotReady'
  const label = t('node.label', { name: node.name, status, count: node.podCount })
  return (
    <li className="cv-node" data-ready={node.ready} aria-label={label}>
      <div className="cv-node-head">
        <svg className="cv-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M2.5 3.5h11v4h-11zM2.5 8.5h11v4h-11zM5 5.5h.01M5 10.5h.01"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        </svg>
        <span className="cv-node-name">{node.name}</span>
        <span className="cv-node-status" data-ready={node.ready}>
          {status}
        </span>
        {!node.known && <span className="cv-badge">{t('node.deleted')}</span>}
        <span className="cv-node-count">{t('node.podCount', { count: node.podCount })}</span>
      </div>
      {node.groups.length === 0 ? (
        <p className="cv-node-empty">{t('node.noPods')}</p>
      ) : (
        <ul className="cv-groups">
          {node.groups.map((g) => (
            <PodGroupBox key={g.key} group={g} />
          ))}
        </ul>
      )}
    </li>
  )
}
