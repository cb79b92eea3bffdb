/**
 * A binary min-heap of due work ordered by (at, seq): the discrete-event queue. Ties at the same virtual
 * time keep insertion order, so the simulation is deterministic. Plain arrays only (snapshot-friendly).
 */
export interface HeapItem {
  at: number
  seq: number
}

export function heapPush<T extends HeapItem>(heap: T[], item: T): void {
  heap.push(item)
  let i = heap.length - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!before(heap[i]!, heap[parent]!)) break
    ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
    i = parent
  }
}

export function heapPop<T extends HeapItem>(heap: T[]): T | undefined {
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

export function heapPeek<T extends HeapItem>(heap: T[]): T | undefined {
  return heap[0]
}

function before(a: HeapItem, b: HeapItem): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}
