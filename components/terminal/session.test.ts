import { describe, expect, it } from 'vitest'
import { createSimHost } from '@/components/simulator/sim-host'
import { deployment } from '@/components/cluster/test-manifests'
import { TerminalSession, type SessionOptions } from './session'
import { testScreen } from './test-screen'

const messages = { more: (n: number) => `(${n} more)`, failed: (m: string) => `failed: ${m}` }

/** A session on a 40×12 screen, running commands against a simulated cluster with a 2-pod Deployment. */
function setup(options: Partial<SessionOptions> = {}, cols = 40) {
  const host = createSimHost({ seed: 7, nodes: 2 })
  host.handle('apply', { yaml: deployment('web', 'nginx:1.27', 2) })
  host.handle('advance', { seconds: 30 })
  const screen = testScreen(cols)
  const ran: string[] = []
  const session = new TerminalSession(screen.io, {
    prompt: '\x1b[32m$\x1b[0m ',
    run: async (command) => {
      ran.push(command)
      return host.handle('run', { command })
    },
    complete: async (line) => host.handle('complete', { line }),
    messages,
    ...options,
  })
  session.start('welcome')
  const pods = () => host.handle('snapshot', {}).pods
  return { host, screen, session, ran, pods }
}

describe('TerminalSession', () => {
  it('runs a typed command and prints its output, then a new prompt', async () => {
    const { screen, session, ran } = setup({}, 60)
    await session.input('kubectl get deploy\r')
    expect(ran).toEqual(['kubectl get deploy'])
    const lines = await screen.lines()
    expect(lines[0]).toBe('welcome')
    expect(lines[1]).toBe('$ kubectl get deploy')
    expect(lines[2]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/)
    expect(lines[3]).toMatch(/^web\s+2\/2\s+2\s+2\s+30s$/)
    expect(lines[4]).toBe('$')
    expect(await screen.cursor()).toEqual({ row: 4, col: 2 })
  })

  it('deleting a pod from the terminal makes its ReplicaSet create a replacement', async () => {
    const { session, pods, screen } = setup({}, 80)
    const victim = pods()[0]!.name
    await session.input(`kubectl delete pod ${victim}\r`)
    expect((await screen.lines()).at(-2)).toBe(`pod "${victim}" deleted`)
    const live = pods()
      .filter((p) => !p.terminating)
      .map((p) => p.name)
    expect(live).toHaveLength(2)
    expect(live).not.toContain(victim)
  })

  it('completes with Tab: a unique word, then the common prefix of pod names, then lists them', async () => {
    const { session, screen, pods } = setup({}, 80)
    await session.input('kubectl del\t')
    expect(session.current.chars.join('')).toBe('kubectl delete ')
    await session.input('pod web-\t')
    const names = pods()
      .map((p) => p.name)
      .sort()
    const common = names[0]!.slice(0, names[0]!.lastIndexOf('-') + 1)
    expect(session.current.chars.join('')).toBe(`kubectl delete pod ${common}`)
    await session.input('\t')
    const lines = await screen.lines()
    expect(lines.at(-2)).toBe(`${names[0]}  ${names[1]}`)
    expect(lines.at(-1)).toBe(`$ kubectl delete pod ${common}`)
    expect(lines.at(-3)).toBe(`$ kubectl delete pod ${common}`)
  })

  it('brings back earlier commands with ↑ and runs them again', async () => {
    const { session, ran } = setup()
    await session.input('kubectl get pods\r')
    await session.input('kubectl get svc\r')
    await session.input('\x1b[A\x1b[A\r')
    expect(ran).toEqual(['kubectl get pods', 'kubectl get svc', 'kubectl get pods'])
  })

  it('`clear` and Ctrl+L clear the screen; Ctrl+L keeps the line being typed', async () => {
    const { session, screen, ran } = setup()
    await session.input('kubectl get pods\r')
    await session.input('clear\r')
    expect(ran).toEqual(['kubectl get pods'])
    expect(await screen.lines()).toEqual(['$'])
    await session.input('kubectl version\rkubectl ge\x0c')
    expect(await screen.lines()).toEqual(['$ kubectl ge'])
    expect(await screen.cursor()).toEqual({ row: 0, col: 12 })
  })

  it('Ctrl+C abandons the line; during a command it drops what was typed ahead and the output', async () => {
    let release: (v: { ok: boolean; output: string }) => void = () => {}
    const { session, screen, ran } = setup({ run: (command) => (ran.push(command), new Promise((r) => (release = r))) })
    await session.input('kubectl dele\x03')
    expect(ran).toEqual([])
    expect((await screen.lines()).slice(-2)).toEqual(['$ kubectl dele^C', '$'])
    const running = session.input('wait 10s\r')
    await session.input('kubectl get pods\r')
    await session.input('\x03')
    release({ ok: true, output: 'waited\n' })
    await running
    expect(ran).toEqual(['wait 10s'])
    expect((await screen.lines()).slice(-3)).toEqual(['$ wait 10s', '^C', '$'])
  })

  it('runs pasted lines one after another, each after the previous one finished', async () => {
    const order: string[] = []
    const { session } = setup({
      run: async (command) => {
        order.push(`start ${command}`)
        await new Promise((r) => setTimeout(r, 5))
        order.push(`end ${command}`)
        return { ok: true, output: '' }
      },
    })
    await session.input('kubectl get pods\nkubectl get svc\n')
    expect(order).toEqual(['start kubectl get pods', 'end kubectl get pods', 'start kubectl get svc', 'end kubectl get svc'])
  })

  it('redraws a long wrapped line correctly when editing in its middle', async () => {
    const { session, screen } = setup({}, 20)
    await session.input('kubectl get pods -l app=web -o wide')
    await session.input('\x01\x1bf\x1bf X')
    const lines = await screen.lines()
    expect(lines.slice(-2).join('')).toBe('$ kubectl get X pods -l app=web -o wide')
    expect(await screen.cursor()).toEqual({ row: lines.length - 2, col: 15 })
    await session.input('\x05')
    expect(await screen.cursor()).toEqual({ row: lines.length - 1, col: 19 })
  })

  it('places the cursor after Korean text, which takes two columns a character', async () => {
    const { session, screen } = setup()
    await session.input('echo 안녕\x1b[D')
    expect(await screen.cursor()).toEqual({ row: 1, col: 9 })
  })

  it('prints a failure of the simulator itself, and carries on', async () => {
    const { session, screen } = setup({ run: async () => Promise.reject(new Error('worker crashed')) })
    await session.input('kubectl get pods\r')
    expect((await screen.lines()).slice(-2)).toEqual(['failed: worker crashed', '$'])
  })

  it('after a reset of the cluster, clears the screen, says so, and keeps the line being typed', async () => {
    const { session, screen } = setup({}, 60)
    await session.input('kubectl get deploy\r')
    await session.input('kubectl get po')
    session.restart('The cluster was reset.')
    expect(await screen.lines()).toEqual(['The cluster was reset.', '$ kubectl get po'])
    expect(await screen.cursor()).toEqual({ row: 1, col: 16 })
    await session.input('ds\r')
    expect((await screen.lines()).slice(0, 3)).toEqual([
      'The cluster was reset.',
      '$ kubectl get pods',
      'NAME                   READY   STATUS    RESTARTS   AGE',
    ])
  })

  it('drops the output of a command that was running when the cluster was reset, then prompts', async () => {
    let release: (v: { ok: boolean; output: string }) => void = () => {}
    let started: () => void = () => {}
    const began = new Promise<void>((r) => (started = r))
    const { session, screen } = setup({ run: () => new Promise((r) => ((release = r), started())) })
    const running = session.input('wait 30s\r')
    await began
    session.restart('reset')
    release({ ok: true, output: 'old cluster output\n' })
    await running
    expect(await screen.lines()).toEqual(['reset', '$'])
  })

  it("prints a notice in the learner's language instead of the simulator's English line, when it has one", async () => {
    const notice = (code: string) => (code === 'stdinNotSupported' ? '표준 입력은 아직 지원하지 않습니다.' : undefined)
    const { session, screen } = setup({ messages: { ...messages, notice } }, 60)
    await session.input('kubectl apply -f -\r')
    expect((await screen.lines()).slice(-2)).toEqual(['표준 입력은 아직 지원하지 않습니다.', '$'])
    await session.input('cat nope\r')
    expect((await screen.lines()).slice(-2)).toEqual(['cat: nope: No such file or directory', '$'])
  })

  it("applies the editor's file from the terminal and prints kubectl's lines", async () => {
    const { host, session, screen } = setup({}, 80)
    host.handle('writeFile', { path: 'exercise.yaml', text: deployment('api', 'nginx:1.27', 1) })
    await session.input('cat exercise.yaml\r')
    expect(await screen.lines()).toContain('kind: Deployment')
    await session.input('kubectl apply -f exercise.yaml\r')
    expect((await screen.lines()).slice(-3)).toEqual(['$ kubectl apply -f exercise.yaml', 'deployment.apps/api created', '$'])
    await session.input('kubectl apply -f ex\t')
    expect(session.current.chars.join('')).toBe('kubectl apply -f exercise.yaml ')
  })

  it('hands the history out after each command so it can be kept', async () => {
    const saved: string[][] = []
    const { session } = setup({ history: ['kubectl version'], onHistory: (h) => saved.push(h) })
    await session.input('\x1b[A\r')
    await session.input('kubectl get pods\r')
    expect(saved.at(-1)).toEqual(['kubectl version', 'kubectl get pods'])
  })

  it('reads a here-document line by line after bash\'s "> " prompt and runs it as one command', async () => {
    const saved: string[][] = []
    const { session, screen, ran } = setup({ onHistory: (h) => saved.push(h) }, 80)
    await session.input('kubectl apply -f - <<EOF\r')
    expect(ran).toEqual([])
    expect((await screen.lines()).at(-1)).toBe('>')
    for (const line of [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: hello',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: kubelab/hello:1.0',
    ])
      await session.input(`${line}\r`)
    expect(ran).toEqual([])
    await session.input('EOF\r')
    expect(ran).toEqual([
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: app\n    image: kubelab/hello:1.0\nEOF',
    ])
    const lines = await screen.lines()
    expect(lines.slice(-5)).toEqual(['>   - name: app', '>     image: kubelab/hello:1.0', '> EOF', 'pod/hello created', '$'])
    // ↑ brings back the command's first line, not the document's lines
    expect(saved.at(-1)).toEqual(['kubectl apply -f - <<EOF'])
  })

  it('a pasted here-document runs once its last line arrives; Ctrl+C drops one being typed', async () => {
    const { session, screen, ran } = setup({}, 80)
    await session.input('cat <<END\rhello\rEND\r')
    expect(ran).toEqual(['cat <<END\nhello\nEND'])
    expect((await screen.lines()).slice(-2)).toEqual(['hello', '$'])
    await session.input('cat <<END\rtyped\r\x03')
    await session.input('kubectl version\r')
    expect(ran.at(-1)).toBe('kubectl version')
    expect(ran).toHaveLength(2)
  })

  it('a line ending in a backslash goes on after "> ", as in bash', async () => {
    const { session, ran } = setup({}, 80)
    await session.input('kubectl get \\\r')
    expect(ran).toEqual([])
    await session.input('  deploy\r')
    expect(ran).toEqual(['kubectl get \\\n  deploy'])
  })
})
