/**
 * A test page for the kubectl terminal on its own (bundled by e2e/terminal-harness/build.ts): the real
 * KubectlTerminal, the real simulator Web Worker behind a SimulatorClient, and a Reset button that does what the
 * workspace will do — reset the cluster in the worker and count the reset. Used by e2e/terminal-files.spec.ts
 * until the workspace passes `files` and `resetCount` (components/workspace is another change).
 */
import { StrictMode, useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { NextIntlClientProvider } from 'next-intl'
import KubectlTerminal from '@/components/terminal/KubectlTerminal.tsx'
import { SimulatorClient } from '@/components/simulator/sim-client.ts'
import { webDeploymentYaml } from '@/lib/testing/manifests.ts'
import en from '@/messages/en/terminal.json'
import ko from '@/messages/ko/terminal.json'

const params = new URLSearchParams(location.search)
const locale = params.get('lang') === 'ko' ? 'ko' : 'en'
const theme = params.get('theme') === 'dark' ? 'dark' : 'light'
document.documentElement.lang = locale
document.documentElement.dataset.theme = theme
// A learner's manifest, with the kind of Korean comment learners write: the terminal must show it evenly.
const EXERCISE = `# 웹 서버: nginx Pod 두 개\n${webDeploymentYaml}`

function Harness() {
  const client = useMemo(() => new SimulatorClient(new Worker('/sim.worker.js'), { onError: (m) => console.error(m) }), [])
  const [resetCount, setResetCount] = useState(0)
  const [files, setFiles] = useState<string[]>([])
  const [ready, setReady] = useState(false)
  useMemo(() => {
    void client
      .reset({ seed: 7, nodes: 2 })
      .then(() => client.writeFile('exercise.yaml', EXERCISE))
      .then(() => client.listFiles())
      .then((names) => {
        setFiles(names)
        setReady(true)
      })
  }, [client])
  const t = locale === 'ko' ? '클러스터 초기화' : 'Reset cluster'
  return (
    <main
      style={{ display: 'grid', gap: '0.5rem', padding: '1rem', height: '100vh', boxSizing: 'border-box', gridTemplateRows: 'auto 1fr' }}
    >
      <p>
        <button
          type="button"
          data-testid="reset-cluster"
          onClick={async () => {
            await client.reset({ seed: 7, nodes: 2 })
            setResetCount((n) => n + 1)
          }}
        >
          {t}
        </button>
      </p>
      {ready && (
        <div data-testid="terminal" style={{ minHeight: 0 }}>
          <KubectlTerminal
            run={client.run}
            complete={client.complete}
            historyKey="harness"
            resetCount={resetCount}
            files={files}
            editorFile="exercise.yaml"
          />
        </div>
      )}
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <NextIntlClientProvider locale={locale} messages={{ terminal: locale === 'ko' ? ko : en }} timeZone="UTC">
      <Harness />
    </NextIntlClientProvider>
  </StrictMode>,
)
