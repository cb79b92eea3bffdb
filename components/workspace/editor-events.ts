/** Lesson text and workspace are separate trees; they talk through DOM events on window. */
export const loadYamlEvent = 'kubelab:load-yaml'

export interface LoadYamlDetail {
  yaml: string
}

/** Asks the workspace to put `yaml` into the editor (it asks the learner first when their own text would go). */
export function loadIntoEditor(yaml: string): void {
  window.dispatchEvent(new CustomEvent<LoadYamlDetail>(loadYamlEvent, { detail: { yaml } }))
}
