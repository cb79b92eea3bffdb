/**
 * Monaco from the local `monaco-editor` package — never a CDN. Without `loader.config({ monaco })`,
 * @monaco-editor/react silently fetches Monaco from jsDelivr; e2e/no-external-requests.spec.ts guards that.
 */
// The editor core with all editor features, but only the two languages we use (not Monaco's ~80 languages
// and its TypeScript/CSS/HTML/JSON services), so the editor chunk stays small and starts faster.
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
import 'monaco-editor/esm/vs/basic-languages/shell/shell.contribution.js'
import type * as MonacoApi from 'monaco-editor'
import { loader } from '@monaco-editor/react'
import { configureMonacoYaml } from 'monaco-yaml'
import schema from '@/lib/k8s/schema/kubernetes.schema.json'

declare global {
  interface Window {
    MonacoEnvironment?: MonacoApi.Environment
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'yaml') return new Worker(new URL('monaco-yaml/yaml.worker', import.meta.url), { type: 'module' })
    return new Worker(new URL('monaco-editor/esm/vs/editor/editor.worker', import.meta.url), { type: 'module' })
  },
}

// monaco-yaml creates its worker with the older `createWebWorker({ label, moduleId, createData })` options.
// Monaco's full entry bridges those to the `{ worker }` API; the core entry we load does not, so bridge here
// (the same steps as monaco-editor/esm/vs/editor/editor.main.js).
type LegacyWorkerOptions = {
  label?: string
  moduleId?: string
  createData?: unknown
  host?: unknown
  keepIdleModels?: boolean
  worker?: unknown
}
const createWebWorker = monaco.editor.createWebWorker as unknown as (options: LegacyWorkerOptions) => unknown
;(monaco.editor as unknown as { createWebWorker: (options: LegacyWorkerOptions) => unknown }).createWebWorker = (options) => {
  if (options.worker !== undefined) return createWebWorker(options)
  const worker = Promise.resolve(window.MonacoEnvironment!.getWorker!('workerMain.js', options.label ?? 'monaco-editor-worker')).then(
    (w) => {
      w.postMessage('ignore')
      w.postMessage(options.createData)
      return w
    },
  )
  return createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels })
}

loader.config({ monaco })

/** Manifests a learner writes: the Kubernetes schema (lib/k8s/schema). */
export const kubernetesSchema = {
  uri: 'https://kubelab.dev/schemas/kubernetes.json',
  fileMatch: ['**/*.k8s.yaml'],
  schema: schema as never,
}

/** monaco-yaml's settings; the studio adds the authoring schemas of exercise.yaml, quiz.yaml and lesson.yaml. */
export const monacoYaml = configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [kubernetesSchema],
})

/** Markers on whole lines (from the line and column a check gave; errors unless said), dropping lines the text no longer has. */
export function setLineMarkers(
  model: MonacoApi.editor.ITextModel,
  owner: string,
  markers: ReadonlyArray<{ line: number; column: number; message: string; severity?: 'error' | 'warning' }>,
): void {
  monaco.editor.setModelMarkers(
    model,
    owner,
    markers
      .filter((m) => m.line > 0 && m.line <= model.getLineCount())
      .map((m) => ({
        severity: m.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: m.line,
        startColumn: Math.max(1, m.column),
        endLineNumber: m.line,
        endColumn: model.getLineMaxColumn(m.line),
      })),
  )
}

export { monaco }
