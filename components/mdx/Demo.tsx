import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { getTranslations } from 'next-intl/server'
import { DemoPlayer } from './DemoPlayer'
import { recordDemo } from './record-demo'

/**
 * `<Demo scenario="pod-replaced" title="…" />`: runs demos/<scenario>.scenario.yaml on the server, replays it in the
 * page. `courseDir` null: a studio course, which has no demos folder.
 */
export function makeDemo(courseDir: string | null) {
  return async function Demo({ scenario, title }: { scenario: string; title?: string }) {
    const t = await getTranslations('demo')
    if (!/^[a-z0-9-]+$/.test(scenario)) return null
    const text = courseDir === null ? null : await readFile(join(courseDir, 'demos', `${scenario}.scenario.yaml`), 'utf8').catch(() => null)
    const recording = text === null ? null : recordDemo(text)
    if (!recording) return <p role="note">[demo {scenario} is missing]</p>
    return <DemoPlayer title={title ?? t('title')} recording={recording} testId={`demo-${scenario}`} />
  }
}
