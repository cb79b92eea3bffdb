/** kubectl's STATUS and READY columns for a pod (printers.go printPod). */
import type { Pod } from '../k8s.ts'

export function podStatusColumn(pod: Pod): string {
  let reason = pod.status?.reason || pod.status?.phase || 'Pending'
  const inits = pod.status?.initContainerStatuses ?? []
  let initializing = false
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!
    const t = c.state?.terminated
    const w = c.state?.waiting
    if (t && t.exitCode === 0) continue
    if (t) {
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`
    } else if (w && w.reason && w.reason !== 'PodInitializing') {
      reason = `Init:${w.reason}`
    } else {
      reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`
    }
    initializing = true
    break
  }
  if (!initializing) {
    let hasRunning = false
    const statuses = pod.status?.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!
      const w = c.state?.waiting
      const t = c.state?.terminated
      if (w?.reason) reason = w.reason
      else if (t?.reason) reason = t.reason
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`
      else if (c.ready && c.state?.running) hasRunning = true
    }
    if (reason === 'Completed' && hasRunning) {
      reason = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
    }
  }
  if (pod.metadata?.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating'
  return reason
}

export function podReadyColumn(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? []
  const total = (pod.spec?.containers ?? []).length
  return `${statuses.filter((c) => c.ready).length}/${total}`
}

export function podRestarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0)
}
