/**
 * A command exercise's result names the command kubectl refused, quotes kubectl's own words and explains them in
 * the learner's language. The outputs come from the simulator's kubectl, which prints what kubectl prints
 * (server errors as staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go formats a StatusError).
 */
import { describe, expect, it } from 'vitest'
import { exerciseSchema } from './exercise-schema.ts'
import { gradeExercise } from './grade.ts'
import { explainKubectlError } from './kubectl-errors.ts'
import { webDeploymentYaml } from '../testing/manifests.ts'

const m = (en: string) => ({ ko: `[ko] ${en}`, en })
const scale = exerciseSchema.parse({
  id: 'scale-web',
  kind: 'command',
  title: m('t'),
  instructions: m('i'),
  starter: '',
  solution: 'kubectl scale deployment/web --replicas=5',
  setup: [{ apply: webDeploymentYaml }, { wait: '30s' }],
  scenario: [{ wait: '30s' }],
  checks: [{ id: 'five', type: 'deployment', name: 'web', replicas: 5, message: m('five replicas'), hint: m('scale it') }],
})
const grade = (commands: string[], lang: 'ko' | 'en' = 'en') => gradeExercise(scale, { commands }, { lang }).result

describe('the commands of a command exercise that kubectl refused', () => {
  it('are named by their number in the transcript, with kubectl’s words and what they mean', () => {
    const result = grade(['kubectl get deployments', 'kubectl scale deployment/wbe --replicas=5'])
    expect(result.commandErrors).toEqual([
      {
        number: 2,
        command: 'kubectl scale deployment/wbe --replicas=5',
        output: 'Error from server (NotFound): deployments.apps "wbe" not found',
        explanation: 'There is no deployments.apps named "wbe" in this namespace. `kubectl get deployments` lists the names there are.',
      },
    ])
    const ko = grade(['kubectl get deployments', 'kubectl scale deployment/wbe --replicas=5'], 'ko').commandErrors![0]!
    // kubectl's own text stays in English; the explanation is Korean
    expect(ko.output).toBe('Error from server (NotFound): deployments.apps "wbe" not found')
    expect(ko.explanation).toBe(
      '이 네임스페이스에는 이름이 "wbe"인 deployments.apps가 없습니다. `kubectl get deployments`로 있는 이름을 확인하세요.',
    )
  })

  it('explain each kind of refusal in both languages, as a step toward the answer and not the answer', () => {
    const refused = [
      'kubectl get deploymnets',
      'kubectl scal deployment web --replicas=5',
      'kubectl scale deployment/web --replicas=five',
      'kubectl scale deployment web --replica=5',
      'kubectl create deployment web --image=nginx:1.27',
      'kubectl set image deployment/web web=nginx:1.28',
      'kubectl rollout undo deployment/web --to-revision=9',
      'kubectl get pods -o yam',
      'kubectl create deployment Web --image=nginx',
    ]
    for (const lang of ['en', 'ko'] as const) {
      const errors = gradeExercise(scale, { commands: refused }, { lang }).result.commandErrors!
      // the first three are quoted; each command alone gets its own explanation
      expect(errors.map((e) => e.number)).toEqual([1, 2, 3])
      const explanations = refused.map((command) => grade([command], lang).commandErrors![0]!.explanation)
      expect(new Set(explanations).size, explanations.join('\n')).toBe(refused.length)
      for (const text of explanations) {
        expect(text).not.toMatch(/undefined|이\(가\)|을\(를\)|은\(는\)/)
        expect(text).not.toContain('--replicas=5')
        expect(text, 'no generic fallback').not.toMatch(/says why|이유를 말해 줍니다/)
      }
      if (lang === 'ko') expect(explanations.join('\n')).toMatch(/[가-힣]/)
    }
  })

  it('are not listed once the commands pass, even if one of them was refused on the way', () => {
    expect(grade(['kubectl scale deployment/wbe --replicas=5', 'kubectl scale deployment/web --replicas=5']).commandErrors).toBeUndefined()
  })

  it('fall back to pointing at kubectl’s message for an error without an explanation', () => {
    expect(explainKubectlError('error: something new\n', 'en')).toBe(
      'kubectl could not run this command; the message it printed above says why.',
    )
    expect(explainKubectlError('error: something new\n', 'ko')).toBe(
      'kubectl이 이 명령을 실행하지 못했습니다. 위에 출력된 메시지가 이유를 말해 줍니다.',
    )
  })
})
