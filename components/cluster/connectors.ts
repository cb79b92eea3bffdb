/**
 * Geometry for the cluster view's drawings that need the DOM's measurements: the curves from a Service to
 * its pods, and where a tooltip fits. Plain rectangles in, numbers and SVG path strings out.
 */
export interface Rect {
  left: number
  top: number
  width: number
  height: number
}

const r1 = (n: number) => Math.round(n * 10) / 10

/**
 * A curve from the middle of the Service card's lower edge to the middle of the pod's upper edge (or lower
 * edge, when the pod sits above the card), leaving and arriving vertically.
 */
export function connectorPath(from: Rect, to: Rect): string {
  const x1 = from.left + from.width / 2
  const x2 = to.left + to.width / 2
  const down = to.top >= from.top + from.height
  const y1 = down ? from.top + from.height : from.top
  const y2 = down ? to.top : to.top + to.height
  const bend = Math.max(16, Math.abs(y2 - y1) / 2) * (down ? 1 : -1)
  return `M${r1(x1)} ${r1(y1)} C${r1(x1)} ${r1(y1 + bend)} ${r1(x2)} ${r1(y2 - bend)} ${r1(x2)} ${r1(y2)}`
}

/** `rect` relative to `origin` (both from getBoundingClientRect), for drawing in an SVG laid over `origin`. */
export function relativeTo(rect: Rect, origin: Rect): Rect {
  return { left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height }
}

/** A tooltip below its anchor, or above when it does not fit below, kept inside the viewport horizontally. */
export function placeTooltip(
  anchor: Rect,
  tip: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
): { top: number; left: number } {
  const below = anchor.top + anchor.height + gap
  const above = anchor.top - gap - tip.height
  const top = below + tip.height > viewport.height && above >= 0 ? above : below
  const left = Math.max(4, Math.min(anchor.left, viewport.width - tip.width - 4))
  return { top, left }
}
