/**
 * Binary min-heaps on plain arrays (snapshot-friendly). The discrete-event queue orders due work by (at, seq):
 * ties at the same virtual time keep insertion order, so the simulation is deterministic. Other queues (the
 * scale-down plan's nodes) give their own order.
 */
export interface HeapItem {
  at: number
  seq: number
}

/** Adds `item` to a heap ordered by `before` (true when the first argument comes out first). */
export function pushBy<T>(heap: T[], item: T, before: (a: T, b: T) => boolean): void {
  heap.push(item)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!before(heap[i]!, heap[parent]!)) break
    ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
    i = parent
  }
}

/** Removes and returns the first item of a heap ordered by `before`. */
export function popBy<T>(heap: T[], before: (a: T, b: T) => boolean): T | undefined {
  if (heap.length === 0) return undefined
  const top = heap[0]!
  const last = heap.pop()!
  if (heap.length > 0) {
    heap[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r
      if (m === i) break
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  return top
}

export function heapPush<T extends HeapItem>(heap: T[], item: T): void {
  pushBy(heap, item, dueBefore)
}

export function heapPop<T extends HeapItem>(heap: T[]): T | undefined {
  return popBy(heap, dueBefore)
}

export function heapPeek<T extends HeapItem>(heap: T[]): T | undefined {
  return heap[0]
}

function dueBefore(a: HeapItem, b: HeapItem): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}
