'use client'
import { useTranslations } from 'next-intl'
import type { ServiceView } from './cluster-layout'

export function ServiceCard({ service, flowing }: { service: ServiceView; flowing: boolean }) {
  const t = useTranslations('cluster')
  const name = service.namespace === 'default' ? service.name : `${service.namespace}/${service.name}`
  const traffic = service.traffic
  return (
    <li
      className="cv-svc"
      data-svc={service.key}
      data-flowing={flowing || undefined}
      aria-label={t('service.label', { name, type: service.type })}
    >
      <div className="cv-svc-head">
        <svg className="cv-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d="M8 2.5v4M8 6.5L3.5 12M8 6.5v6M8 6.5l4.5 5.5M6 1.5h4v2.5H6z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="cv-svc-name">{name}</span>
        <span className="cv-badge">{service.type}</span>
      </div>
      <p className="cv-svc-addr">
        {service.clusterIP ?? 'None'} · {service.ports}
      </p>
      <p className="cv-svc-eps" data-empty={service.readyCount === 0 || undefined}>
        {service.readyCount === 0 ? t('service.noEndpoints') : t('service.endpoints', { count: service.readyCount })}
        {service.notReadyCount > 0 && <> · {t('service.notReady', { count: service.notReadyCount })}</>}
      </p>
      {/* the lines drawn to the pods are pictures; this list says the same in words */}
      <ul className="visually-hidden" aria-label={t('service.endpointList')}>
        {service.readyPods.map((p) => (
          <li key={p}>{p.slice(p.indexOf('/') + 1)}</li>
        ))}
      </ul>
      {traffic && (
        <p className="cv-svc-traffic">
          <span className="visually-hidden">{t('service.trafficLabel', traffic)}</span>
          <span className="cv-count" aria-hidden="true">
            <span aria-hidden="true">⇢</span> {t('service.sent', { count: traffic.sent })}
          </span>
          <span className="cv-count" data-kind="ok" aria-hidden="true">
            <span aria-hidden="true">✓</span> {t('service.ok', { count: traffic.ok })}
          </span>
          <span className="cv-count" data-kind="failed" data-nonzero={traffic.failed > 0 || undefined} aria-hidden="true">
            <span aria-hidden="true">✕</span> {t('service.failed', { count: traffic.failed })}
          </span>
        </p>
      )}
    </li>
  )
}
