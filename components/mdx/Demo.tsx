import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { getTranslations } from 'next-intl/server'
import { createCluster } from '@/lib/sim/cluster'
import { parseDuration } from '@/lib/sim/clock'

interface Transcript {
  time: number
  command: string
  output: string
}

/** Runs a recorded demo scenario on the simulator (on the server, deterministic) and shows its kubectl transcript. */
async function runDemo(file: string): Promise<Transcript[] | null> {
  const text = await readFile(file, 'utf8').catch(() => null)
  if (!text) return null
  const scenario = parse(text) as { cluster?: { seed?: number; nodes?: number }; steps?: Record<string, unknown>[] }
  const cluster = createCluster({ seed: scenario.cluster?.seed ?? 7, nodes: scenario.cluster?.nodes ?? 3 })
  const transcript: Transcript[] = []
  for (const step of scenario.steps ?? []) {
    if (typeof step.apply === 'string') {
      const r = cluster.apply(step.apply)
      transcript.push({ time: cluster.now, command: 'kubectl apply -f manifest.yaml', output: r.output })
    } else if (typeof step.run === 'string') {
      const r = cluster.run(step.run)
      transcript.push({ time: cluster.now, command: step.run, output: r.output })
    } else if (step.wait !== undefined) {
      cluster.advance((parseDuration(step.wait) ?? 0) / 1000)
    }
  }
  return transcript
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = Math.round(seconds % 60)
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`
}

export function makeDemo(courseDir: string) {
  return async function Demo({ scenario, title }: { scenario: string; title?: string }) {
    const t = await getTranslations('demo')
    if (!/^[a-z0-9-]+$/.test(scenario)) return null
    const transcript = await runDemo(join(courseDir, 'demos', `${scenario}.scenario.yaml`))
    if (!transcript) return null
    return (
      <section className="demo" aria-label={title ?? t('title')} data-testid={`demo-${scenario}`}>
        <header>
          {t('title')}: {title}
        </header>
        <pre tabIndex={0}>
          {transcript.map((entry, i) => (
            <span key={i}>
              <span className="muted"># {t('at', { time: clock(entry.time) })}</span>
              {'\n'}$ {entry.command}
              {'\n'}
              {entry.output}
              {entry.output.endsWith('\n') ? '' : '\n'}
              {'\n'}
            </span>
          ))}
        </pre>
      </section>
    )
  }
}
