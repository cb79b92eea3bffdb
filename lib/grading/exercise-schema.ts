/**
 * The exercise format authors write in content/<course>/lessons/<lesson>/exercise.yaml — data, not code.
 *
 * A run: `setup` prepares the cluster (command exercises start from a broken or half-done cluster), then the
 * learner's submission is applied (manifest) or typed (commands), then `scenario` plays what the grader does
 * to it (waits, pod deletions, node failures, image updates, traffic). `snapshot: NAME` marks a moment that
 * checks can refer to (`from`, `to`, `at`). Checks come from a small typed vocabulary (lib/grading/checks/),
 * each with its own localized message (what is checked) and hint (what to do when it fails).
 */
import { z } from 'zod'
import { parseDuration } from '../sim/clock.ts'

/** A duration as authors write it (90s, 5m, 1m30s, or seconds as a number), in milliseconds. */
export function durationMs(d: string | number): number | undefined {
  return parseDuration(d)
}

const localized = z.object({ ko: z.string().trim().min(1), en: z.string().trim().min(1) }).strict()
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case')
const duration = z.union([
  z.number().nonnegative(),
  z.string().regex(/^(\d+(\.\d+)?(ms|h|m|s))+$|^\d+(\.\d+)?$/, 'a duration like 90s, 5m or 1m30s'),
])
const kind = z.enum(['Pod', 'Deployment', 'ReplicaSet', 'Service', 'Namespace'])

/** A moment of the run: the end of setup, a snapshot the scenario took, or the end. */
const moment = z.string().min(1)

const checkBase = {
  id,
  message: localized,
  hint: localized,
  weight: z.number().positive().max(100).default(1),
  /** The YAML field this check is about, for a line in the feedback (manifest exercises); `path` as in field checks. */
  line: z.object({ kind, name: z.string(), path: z.string() }).strict().optional(),
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()])
const bounds = { equals: z.number().optional(), min: z.number().optional(), max: z.number().optional() }

/** A number over time: `deployments.web.availableReplicas`, `deployments.web.replicas`, `services.web.readyEndpoints`. */
const metric = z
  .string()
  .regex(
    /^(deployments\.[a-z0-9.-]+\.(replicas|updatedReplicas|readyReplicas|availableReplicas)|services\.[a-z0-9.-]+\.readyEndpoints)$/,
    'deployments.<name>.<replicas|updatedReplicas|readyReplicas|availableReplicas> or services.<name>.readyEndpoints',
  )

export const checkSchema = z.discriminatedUnion('type', [
  /** The submission contains this object and the cluster accepted it. */
  z.object({ ...checkBase, type: z.literal('object'), kind, name: z.string().min(1) }).strict(),
  /**
   * A field of the submitted object, after API-server defaults, meets a condition. `path` is a field path whose list
   * items may be chosen by position (`containers[0]`), by a field's value (`containers[name=web].image`,
   * `ports[containerPort=80]`) or all at once (`containers[*].image`): with a selector the check passes when any
   * item it names meets the condition (lib/grading/check-path.ts).
   */
  z
    .object({
      ...checkBase,
      type: z.literal('field'),
      kind,
      name: z.string().min(1),
      path: z.string().min(1),
      equals: z.union([scalar, z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
      matches: z.string().optional(),
      oneOf: z.array(scalar).min(1).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      exists: z.boolean().optional(),
    })
    .strict(),
  /** Pods in the cluster at a moment (default: the end), selected by name or labels. */
  z
    .object({
      ...checkBase,
      type: z.literal('pods'),
      name: z.string().optional(),
      selector: z.record(z.string(), z.string()).optional(),
      at: moment.optional(),
      count: z.number().int().min(0).optional(),
      minCount: z.number().int().min(0).optional(),
      phase: z.string().optional(),
      ready: z.boolean().optional(),
      image: z.string().optional(),
      /** The pods run on at least this many different nodes. */
      minNodes: z.number().int().min(1).optional(),
      /** None of these pods has a name or an IP that a pod had at this earlier moment. */
      replacedSince: moment.optional(),
      /** None of these pods is on this node (e.g. the failed one). */
      notOnNode: z.string().optional(),
    })
    .strict()
    .refine((c) => c.name !== undefined || c.selector !== undefined, { message: 'a pods check names a pod or gives a selector' }),
  /** A Deployment's status at a moment. */
  z
    .object({
      ...checkBase,
      type: z.literal('deployment'),
      name: z.string().min(1),
      at: moment.optional(),
      replicas: z.number().int().min(0).optional(),
      updatedReplicas: z.number().int().min(0).optional(),
      readyReplicas: z.number().int().min(0).optional(),
      availableReplicas: z.number().int().min(0).optional(),
      image: z.string().optional(),
      revision: z.number().int().min(1).optional(),
      condition: z
        .object({ type: z.string(), status: z.enum(['True', 'False', 'Unknown']), reason: z.string().optional() })
        .strict()
        .optional(),
    })
    .strict(),
  /** A Service's type, ports and ready endpoints at a moment. */
  z
    .object({
      ...checkBase,
      type: z.literal('service'),
      name: z.string().min(1),
      at: moment.optional(),
      serviceType: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).optional(),
      headless: z.boolean().optional(),
      port: z
        .object({
          port: z.number().int(),
          targetPort: z.union([z.number().int(), z.string()]).optional(),
          nodePort: z.number().int().optional(),
        })
        .strict()
        .optional(),
      readyEndpoints: z.number().int().min(0).optional(),
      minReadyEndpoints: z.number().int().min(0).optional(),
    })
    .strict(),
  /** A number stays within bounds for a whole window of the timeline ("available replicas never below 3"). */
  z
    .object({
      ...checkBase,
      type: z.literal('invariant'),
      metric,
      min: z.number().optional(),
      max: z.number().optional(),
      from: moment.optional(),
      to: moment.optional(),
    })
    .strict(),
  /** A number reaches a condition within a time ("3 pods ready within 60 s"). */
  z.object({ ...checkBase, type: z.literal('eventually'), metric, ...bounds, within: duration, from: moment.optional() }).strict(),
  /** Requests sent to a Service by `traffic start`: how many failed and how many were sent. */
  z
    .object({
      ...checkBase,
      type: z.literal('traffic'),
      service: z.string().min(1),
      maxFailed: z.number().int().min(0).default(0),
      minSent: z.number().int().min(0).default(1),
    })
    .strict(),
  /** An event was (or was not) recorded. */
  z
    .object({
      ...checkBase,
      type: z.literal('event'),
      reason: z.string().min(1),
      object: z.string().optional(),
      eventType: z.enum(['Normal', 'Warning']).optional(),
      messageMatches: z.string().optional(),
      absent: z.boolean().default(false),
      from: moment.optional(),
    })
    .strict(),
  /** Output of a command: one the learner typed (`learner: true`) or one the grader runs at the end. */
  z
    .object({
      ...checkBase,
      type: z.literal('output'),
      command: z.string().optional(),
      learner: z.boolean().default(false),
      matches: z.string().min(1),
    })
    .strict()
    .refine((c) => c.learner || c.command !== undefined, { message: 'an output check runs a command or reads the learner’s' }),
])
export type Check = z.infer<typeof checkSchema>

export const stepSchema = z.union([
  z.object({ wait: duration }).strict(),
  z.object({ run: z.string().min(1) }).strict(),
  z.object({ apply: z.string().min(1) }).strict(),
  z.object({ snapshot: z.string().regex(/^[a-z0-9-]+$/) }).strict(),
])
export type Step = z.infer<typeof stepSchema>

export const exerciseSchema = z
  .object({
    id,
    kind: z.enum(['manifest', 'command']),
    title: localized,
    instructions: localized,
    /** Manifest exercises: the YAML the editor starts with. Command exercises: a comment to type after. */
    starter: z.string(),
    /** Manifest: the reference YAML. Command: the reference commands, one per line. */
    solution: z.string().min(1),
    /** Progressive hints, unlocked one per failed attempt. */
    hints: z.array(localized).default([]),
    cluster: z
      .object({ seed: z.number().int().default(7), nodes: z.number().int().min(1).max(20).default(3) })
      .strict()
      .default({ seed: 7, nodes: 3 }),
    /**
     * What a run of this exercise may cost (lib/sim/budget.ts): Pods and objects at once, virtual time in all.
     * Unset: the simulator's defaults (50 Pods, 200 objects, 1h). Capped so no exercise can open the server to
     * a huge run; `kubelab content check` proves the solution and wrong answers fit.
     */
    limits: z
      .object({
        pods: z.number().int().min(1).max(200).optional(),
        objects: z.number().int().min(10).max(1000).optional(),
        virtualTime: duration.refine((d) => (durationMs(d) ?? Infinity) <= 24 * 3_600_000, 'at most 24h').optional(),
      })
      .strict()
      .optional(),
    /** Steps run before the submission (a prepared cluster). */
    setup: z.array(stepSchema).default([]),
    /** Steps run after the submission. */
    scenario: z.array(stepSchema).default([{ wait: '60s' }]),
    checks: z.array(checkSchema).min(1),
    /** Other right answers (another order, a sidecar, a different but valid spelling): each must pass every check. */
    rightAnswers: z.array(z.object({ name: z.string().min(1), source: z.string() }).strict()).default([]),
    /** Real beginner mistakes: each must fail exactly the checks in `fails`. */
    wrongAnswers: z.array(z.object({ name: z.string().min(1), source: z.string(), fails: z.array(id).min(1) }).strict()).default([]),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const ids = new Set<string>()
    exercise.checks.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${c.id}"` })
      ids.add(c.id)
    })
    const moments = new Set(['setup', 'submitted', 'end', ...exercise.scenario.flatMap((s) => ('snapshot' in s ? [s.snapshot] : []))])
    exercise.checks.forEach((c, i) => {
      for (const key of ['at', 'from', 'to', 'replacedSince'] as const) {
        const value = (c as Record<string, unknown>)[key]
        if (typeof value === 'string' && !moments.has(value))
          ctx.addIssue({
            code: 'custom',
            path: ['checks', i, key],
            message: `no moment "${value}": use setup, submitted, end or a scenario snapshot`,
          })
      }
    })
    exercise.wrongAnswers.forEach((w, i) =>
      w.fails.forEach((f) => {
        if (!ids.has(f)) ctx.addIssue({ code: 'custom', path: ['wrongAnswers', i, 'fails'], message: `no check named "${f}"` })
      }),
    )
  })
export type Exercise = z.infer<typeof exerciseSchema>
export type ExerciseInput = z.input<typeof exerciseSchema>
