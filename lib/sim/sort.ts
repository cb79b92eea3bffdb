/**
 * Sorting the short lists controllers sort on every sync (a Deployment's two or three ReplicaSets, a
 * cluster's few Services). Array.prototype.sort allocates its merge state even for two elements; an
 * insertion sort of a short list allocates nothing and is stable, like Array.prototype.sort.
 */
const SHORT = 16

/** Sorts `list` in place (stable) and returns it. */
export function sortShort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SHORT) return list.sort(compare)
  for (let i = 1; i < list.length; i++) {
    const item = list[i]!
    let j = i - 1
    while (j >= 0 && compare(list[j]!, item) > 0) {
      list[j + 1] = list[j]!
      j--
    }
    list[j + 1] = item
  }
  return list
}

/** The order of Array.prototype.sort without a comparator, for strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
