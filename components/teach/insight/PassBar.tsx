/**
 * A bar of a class for one exercise: the share who passed, then the share who submitted and have not passed yet. The
 * numbers are written beside it; the bar only draws them (hidden from screen readers).
 */
export function PassBar({ passed, tried, learners }: { passed: number; tried: number; learners: number }) {
  const width = (n: number) => `${learners > 0 ? Math.min(100, (n / learners) * 100) : 0}%`
  return (
    <span className="pass-bar" aria-hidden="true">
      <span className="pass-bar-passed" style={{ width: width(passed) }} />
      <span className="pass-bar-tried" style={{ width: width(Math.max(0, tried - passed)) }} />
    </span>
  )
}

/** What the bar's two colours mean. */
export function PassBarLegend({ passed, tried }: { passed: string; tried: string }) {
  return (
    <p className="pass-legend muted">
      <span className="legend-swatch pass-bar-passed" aria-hidden="true" /> {passed}{' '}
      <span className="legend-swatch pass-bar-tried" aria-hidden="true" /> {tried}
    </p>
  )
}
