import { describe, expect, it } from 'vitest'
import { resolveCheckPath } from './check-path.ts'
import { gradeExercise } from './grade.ts'
import { buildExercise } from './test-exercise.ts'

const pod = {
  metadata: { labels: { 'app.kubernetes.io/name': 'web' } },
  spec: {
    containers: [
      { name: 'log', image: 'busybox:1.36' },
      { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 443 }, { containerPort: 80, name: 'http' }] },
    ],
  },
}

describe('check paths', () => {
  it('find a list item by position, by a field of it, or every item', () => {
    expect(resolveCheckPath(pod, 'spec.containers[1].image').fields).toEqual([{ path: 'spec.containers[1].image', value: 'nginx:1.27' }])
    expect(resolveCheckPath(pod, 'spec.containers.1.image').fields).toEqual([{ path: 'spec.containers[1].image', value: 'nginx:1.27' }])
    expect(resolveCheckPath(pod, 'spec.containers[name=web].image').fields).toEqual([
      { path: 'spec.containers[1].image', value: 'nginx:1.27' },
    ])
    expect(resolveCheckPath(pod, 'spec.containers[name=web].ports[containerPort=80].name').fields).toEqual([
      { path: 'spec.containers[1].ports[1].name', value: 'http' },
    ])
    expect(resolveCheckPath(pod, 'spec.containers[*].image').fields.map((f) => f.value)).toEqual(['busybox:1.36', 'nginx:1.27'])
  })

  it('keep bracketed text a key on a map (label keys hold dots and slashes)', () => {
    expect(resolveCheckPath(pod, 'metadata.labels[app.kubernetes.io/name]').fields).toEqual([
      { path: 'metadata.labels[app.kubernetes.io/name]', value: 'web' },
    ])
  })

  it('name no field when no item matches, and say which list was searched', () => {
    expect(resolveCheckPath(pod, 'spec.containers[name=api].image')).toEqual({ fields: [], deepest: 'spec.containers' })
    // a field the item does not have: the item is the deepest part written
    expect(resolveCheckPath(pod, 'spec.containers[name=log].ports')).toEqual({
      fields: [{ path: 'spec.containers[0].ports', value: undefined }],
      deepest: 'spec.containers[0]',
    })
  })
})

const twoContainers = (webImage: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: log
      image: busybox:1.36
    - name: web
      image: ${webImage}
      ports:
        - containerPort: 80
`

describe('field checks with check paths', () => {
  const exercise = buildExercise({
    checks: [
      {
        id: 'web-image',
        type: 'field',
        kind: 'Pod',
        name: 'web',
        path: 'spec.containers[name=web].image',
        equals: 'nginx:1.27',
        message: { ko: '이미지', en: 'image' },
        hint: { ko: '힌트', en: 'hint' },
      },
      {
        id: 'any-nginx',
        type: 'field',
        kind: 'Pod',
        name: 'web',
        path: 'spec.containers[*].image',
        matches: '^nginx',
        message: { ko: 'nginx', en: 'nginx' },
        hint: { ko: '힌트', en: 'hint' },
      },
      {
        id: 'port',
        type: 'field',
        kind: 'Pod',
        name: 'web',
        path: 'spec.containers[name=web].ports[containerPort=80]',
        exists: true,
        message: { ko: '포트', en: 'port' },
        hint: { ko: '힌트', en: 'hint' },
        line: { kind: 'Pod', name: 'web', path: 'spec.containers[name=web].image' },
      },
    ],
  })
  const grade = (yaml: string, lang: 'ko' | 'en' = 'en') => gradeExercise(exercise, yaml, { lang }).result.checks

  it('accept the container wherever it is in the list', () => {
    expect(grade(twoContainers('nginx:1.27')).map((c) => [c.id, c.passed, c.line])).toEqual([
      ['web-image', true, 10],
      ['any-nginx', true, 10],
      ['port', true, 12],
    ])
  })

  it('point at the image line of the named container when its image is wrong', () => {
    const [image, anyNginx] = grade(twoContainers('ngnix:1.27'))
    expect(image).toMatchObject({
      passed: false,
      line: 10,
      message: 'image — `spec.containers[name=web].image` should be "nginx:1.27", but it is "ngnix:1.27".',
    })
    // no container runs nginx: the feedback is about the first one
    expect(anyNginx).toMatchObject({ passed: false, line: 8 })
  })

  it('say which list has no such item, in both languages, on the list’s line', () => {
    const noWeb = twoContainers('nginx:1.27').replace('- name: web', '- name: api')
    expect(grade(noWeb)[0]).toMatchObject({
      passed: false,
      line: 6,
      message: 'image — No item of `spec.containers` matches `spec.containers[name=web].image`.',
    })
    expect(grade(noWeb, 'ko')[0]!.message).toBe(
      '이미지 — `spec.containers`에 `spec.containers[name=web].image`에 해당하는 항목이 없습니다.',
    )
  })
})
