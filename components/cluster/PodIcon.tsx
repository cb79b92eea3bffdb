import type { PodTone } from './pod-look'

// 16×16 line icons drawn in currentColor, so each tone's colour comes from cluster.css. They repeat what the
// text already says (aria-hidden): a shape as well as a colour, for colour-blind readers.
const PATHS: Record<PodTone, string> = {
  running: 'M3.5 8.5l3 3 6-7',
  'not-ready': 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11zM8 2.5v11',
  creating: 'M8 2.5a5.5 5.5 0 1 1-5.5 5.5',
  crash: 'M13 8a5 5 0 1 1-1.6-3.7M13.2 2.6v3h-3',
  image: 'M8 2.5v7M5 6.5l3 3 3-3M3 13h10M11.5 11.5l3 3M14.5 11.5l-3 3',
  terminating: 'M4 8h8M8 2.5a5.5 5.5 0 0 1 0 11',
  pending: 'M4.5 2.5h7M4.5 13.5h7M5.5 2.5c0 3.5 5 3.5 5 5.5s-5 2-5 5.5M10.5 2.5c0 3.5-5 3.5-5 5.5s5 2 5 5.5',
  completed: 'M4 14V2.5M4 2.5h8l-2 2.75 2 2.75H4',
  error: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  unknown: 'M6 6a2 2 0 1 1 3 1.7c-.7.4-1 .8-1 1.6v.7M8 12.5v.6',
}

export function PodIcon({ tone, className = 'cv-icon' }: { tone: PodTone; className?: string }) {
  return (
    <svg className={className} data-tone={tone} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[tone]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
