/**
 * The exercise format authors write in content/<course>/lessons/<lesson>/exercise.yaml — data, not code.
 * Checks come from a small typed vocabulary (see lib/grading/checks/); each carries its own localized message
 * (what is checked) and hint (what to do when it fails).
 */
import { z } from 'zod'

const localized = z.object({ ko: z.string().trim().min(1), en: z.string().trim().min(1) }).strict()
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case')

const checkBase = {
  id,
  message: localized,
  hint: localized,
  weight: z.number().positive().max(100).default(1),
}

/** Which submitted object a check is about. */
const objectRef = {
  kind: z.enum(['Pod', 'Deployment', 'ReplicaSet', 'Service', 'Namespace']),
  name: z.string().min(1),
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const checkSchema = z.discriminatedUnion('type', [
  /** The submission contains this object and the cluster accepted it. */
  z.object({ ...checkBase, type: z.literal('object'), ...objectRef }).strict(),
  /** A field of the submitted object, after API-server defaults, meets a condition. */
  z
    .object({
      ...checkBase,
      type: z.literal('field'),
      ...objectRef,
      path: z.string().min(1),
      equals: z.union([scalar, z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
      matches: z.string().optional(),
      oneOf: z.array(scalar).min(1).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      exists: z.boolean().optional(),
    })
    .strict(),
  /** Pods in the cluster at the end of the scenario, selected by name or labels. */
  z
    .object({
      ...checkBase,
      type: z.literal('pods'),
      name: z.string().optional(),
      selector: z.record(z.string(), z.string()).optional(),
      count: z.number().int().min(0).optional(),
      minCount: z.number().int().min(0).optional(),
      phase: z.string().optional(),
      ready: z.boolean().optional(),
      /** YAML field to point at when this fails, e.g. the Pod's image. */
      line: z.object({ ...objectRef, path: z.string() }).strict().optional(),
    })
    .strict()
    .refine((c) => c.name !== undefined || c.selector !== undefined, { message: 'a pods check names a pod or gives a selector' }),
])
export type Check = z.infer<typeof checkSchema>

export const scenarioStepSchema = z.union([
  z.object({ wait: z.union([z.string(), z.number()]) }).strict(),
  z.object({ run: z.string().min(1) }).strict(),
  z.object({ apply: z.string().min(1) }).strict(),
])

export const exerciseSchema = z
  .object({
    id,
    kind: z.enum(['manifest', 'command']),
    title: localized,
    instructions: localized,
    starter: z.string(),
    solution: z.string().min(1),
    /** Progressive hints, unlocked one by one after failed attempts. */
    hints: z.array(localized).default([]),
    cluster: z.object({ seed: z.number().int().default(7), nodes: z.number().int().min(1).max(20).default(3) }).strict().default({ seed: 7, nodes: 3 }),
    /** What the grader does on the cluster after applying the submission. */
    scenario: z.array(scenarioStepSchema).default([{ wait: '60s' }]),
    checks: z.array(checkSchema).min(1),
    wrongAnswers: z
      .array(z.object({ name: z.string().min(1), source: z.string(), fails: z.array(id).min(1) }).strict())
      .default([]),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const ids = new Set<string>()
    exercise.checks.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${c.id}"` })
      ids.add(c.id)
    })
    exercise.wrongAnswers.forEach((w, i) =>
      w.fails.forEach((f) => {
        if (!ids.has(f)) ctx.addIssue({ code: 'custom', path: ['wrongAnswers', i, 'fails'], message: `no check named "${f}"` })
      }),
    )
  })
export type Exercise = z.infer<typeof exerciseSchema>
export type ExerciseInput = z.input<typeof exerciseSchema>
