/**
 * A server action's arguments come from the request as the client encoded them, and a hand-made request can
 * encode anything: a number where a FormData belongs, a File where a text field belongs. Actions read their
 * fields through here and parse them with zod, so wrong input is a form error (or nothing done), never a throw.
 */

/** The named text fields of a FormData (a File or a missing field reads as undefined); null when `form` is not a FormData. */
export function formFields<const Name extends string>(form: unknown, names: readonly Name[]): Record<Name, string | undefined> | null {
  if (!(form instanceof FormData)) return null
  const fields = {} as Record<Name, string | undefined>
  for (const name of names) {
    const value = form.get(name)
    fields[name] = typeof value === 'string' ? value : undefined
  }
  return fields
}
