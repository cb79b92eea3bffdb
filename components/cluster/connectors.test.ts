import { describe, expect, it } from 'vitest'
import { connectorPath, placeTooltip, relativeTo } from './connectors'

describe('connectorPath', () => {
  it('runs from the bottom middle of a Service down to the top middle of a pod', () => {
    const svc = { left: 0, top: 0, width: 100, height: 40 }
    const pod = { left: 200, top: 140, width: 60, height: 30 }
    expect(connectorPath(svc, pod)).toBe('M50 40 C50 90 230 90 230 140')
  })

  it('runs upwards to a pod drawn above the Service, still bending vertically', () => {
    const svc = { left: 0, top: 100, width: 100, height: 40 }
    const pod = { left: 0, top: 0, width: 100, height: 40 }
    expect(connectorPath(svc, pod)).toBe('M50 100 C50 70 50 70 50 40')
  })
})

describe('relativeTo', () => {
  it('moves a rectangle into the coordinates of the overlay', () => {
    expect(relativeTo({ left: 120, top: 300, width: 10, height: 5 }, { left: 100, top: 250, width: 0, height: 0 })).toEqual({
      left: 20,
      top: 50,
      width: 10,
      height: 5,
    })
  })
})

describe('placeTooltip', () => {
  const viewport = { width: 800, height: 600 }
  it('puts the tooltip under its anchor when it fits', () => {
    expect(placeTooltip({ left: 100, top: 100, width: 80, height: 30 }, { width: 200, height: 150 }, viewport)).toEqual({
      top: 136,
      left: 100,
    })
  })
  it('flips above the anchor near the bottom of the screen', () => {
    expect(placeTooltip({ left: 100, top: 500, width: 80, height: 30 }, { width: 200, height: 150 }, viewport)).toEqual({
      top: 344,
      left: 100,
    })
  })
  it('keeps the tooltip inside the right edge', () => {
    expect(placeTooltip({ left: 700, top: 100, width: 80, height: 30 }, { width: 200, height: 150 }, viewport).left).toBe(596)
  })
})
