'use client'
import { useRef, type ReactNode } from 'react'

export interface Tab {
  id: string
  label: string
  badge?: string
}

/** An ARIA tablist: arrow keys move between tabs, Home/End jump, the panel follows. */
export function WorkspaceTabs({
  tabs,
  active,
  onChange,
  label,
  children,
}: {
  tabs: Tab[]
  active: string
  onChange(id: string): void
  label: string
  children: ReactNode
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({})
  const focus = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]!
    onChange(tab.id)
    refs.current[tab.id]?.focus()
  }
  return (
    <>
      <div role="tablist" aria-label={label} className="workspace-tabs">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[tab.id] = el
            }}
            role="tab"
            type="button"
            id={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            data-testid={`tab-${tab.id}`}
            onClick={() => onChange(tab.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') focus(index + 1)
              else if (e.key === 'ArrowLeft') focus(index - 1)
              else if (e.key === 'Home') focus(0)
              else if (e.key === 'End') focus(tabs.length - 1)
              else return
              e.preventDefault()
            }}
          >
            {tab.label}
            {tab.badge && <span className="tab-badge">{tab.badge}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`} className="workspace-panel" tabIndex={-1}>
        {children}
      </div>
    </>
  )
}
