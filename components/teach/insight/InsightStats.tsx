import { getTranslations } from 'next-intl/server'
import type { ExerciseInsight } from '@/lib/classes/insight'
import { formatDuration, medianValue, percent } from './format'
import { PassBar } from './PassBar'

/** The numbers on top of an exercise's insight: pass rate, the medians to a first pass, who has not passed yet. */
export async function InsightStats({ insight }: { insight: ExerciseInsight }) {
  const t = await getTranslations('insight')
  const none = t('exercise.noneYet')
  return (
    <dl className="insight-stats" data-testid="insight-stats">
      <div className="insight-stat insight-stat-wide">
        <dt>{t('exercise.passRate')}</dt>
        <dd>
          <span className="stat-value" data-testid="pass-rate">
            {insight.passRate === null ? none : `${percent(insight.passRate)}%`}
          </span>
          <PassBar passed={insight.passed} tried={insight.tried} learners={insight.learners} />
          <span className="stat-note">
            {t('exercise.passRateDetail', { passed: insight.passed, learners: insight.learners })}
            {insight.passRateOfTried !== null && (
              <> · {t('exercise.passRateOfTried', { tried: insight.tried, percent: percent(insight.passRateOfTried) })}</>
            )}
          </span>
        </dd>
      </div>
      <div className="insight-stat">
        <dt>{t('exercise.attemptsToPass')}</dt>
        <dd>
          <span className="stat-value" data-testid="median-attempts">
            {insight.medianAttemptsToPass === null ? none : t('exercise.attempts', { count: medianValue(insight.medianAttemptsToPass) })}
          </span>
          <span className="stat-note">{t('exercise.median')}</span>
        </dd>
      </div>
      <div className="insight-stat">
        <dt>{t('exercise.timeToPass')}</dt>
        <dd>
          <span className="stat-value" data-testid="median-time">
            {insight.medianTimeToPassMs === null ? none : formatDuration(insight.medianTimeToPassMs, t)}
          </span>
          <span className="stat-note">{t('exercise.median')}</span>
        </dd>
      </div>
      <div className="insight-stat">
        <dt>{t('exercise.notPassed')}</dt>
        <dd>
          <span className="stat-value" data-testid="not-passed">
            {t('exercise.notPassedCount', { count: insight.notPassed })}
          </span>
        </dd>
      </div>
    </dl>
  )
}
