/** A small exercise built in code for grader tests (authors write the same shape in YAML). */
import { exerciseSchema, type Exercise, type ExerciseInput } from './exercise-schema.ts'

const msg = (en: string) => ({ ko: `[ko] ${en}`, en })

export function buildExercise(overrides: Partial<ExerciseInput> = {}): Exercise {
  return exerciseSchema.parse({
    id: 'test-pod',
    kind: 'manifest',
    title: msg('Test'),
    instructions: msg('Write a Pod'),
    starter: 'apiVersion: v1\nkind: Pod\n',
    solution: podYaml(),
    checks: [
      { id: 'exists', type: 'object', kind: 'Pod', name: 'web', message: msg('Pod web exists'), hint: msg('name it web') },
      {
        id: 'image',
        type: 'field',
        kind: 'Pod',
        name: 'web',
        path: 'spec.containers[0].image',
        equals: 'nginx:1.27',
        message: msg('image is nginx:1.27'),
        hint: msg('fix the image'),
      },
      {
        id: 'running',
        type: 'pods',
        name: 'web',
        phase: 'Running',
        ready: true,
        message: msg('Pod web runs'),
        hint: msg('check the image'),
        line: { kind: 'Pod', name: 'web', path: 'spec.containers[0].image' },
      },
    ],
    ...overrides,
  })
}

export function podYaml(image = 'nginx:1.27', extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: ${image}
${extra}`
}
