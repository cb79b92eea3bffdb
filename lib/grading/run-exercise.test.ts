import { describe, expect, it } from 'vitest'
import { commandsFromText } from './run-exercise.ts'

describe('commandsFromText (a command exercise answer as text)', () => {
  it('takes one command a line, without blank lines, comment lines and a leading "$ "', () => {
    expect(commandsFromText('# scale it\n$ kubectl scale deploy/web --replicas=3\n\n  kubectl get deploy  \r\n')).toEqual([
      'kubectl scale deploy/web --replicas=3',
      'kubectl get deploy',
    ])
  })

  it("keeps a here-document's lines, indentation and # lines included, in the command that opened it", () => {
    const text = [
      'kubectl apply -f - <<EOF',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: hello # the pod',
      '',
      'spec:',
      '  containers:',
      '  - {name: app, image: kubelab/hello:1.0}',
      'EOF',
      'kubectl get pods',
    ].join('\n')
    expect(commandsFromText(text)).toEqual([
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: hello # the pod\n\nspec:\n  containers:\n  - {name: app, image: kubelab/hello:1.0}\nEOF',
      'kubectl get pods',
    ])
  })
})
