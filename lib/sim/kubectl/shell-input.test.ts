/** What the shell does before kubectl runs: comments, here-documents and `<` (POSIX shell, bash's messages). */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'
import { splitCommandLine } from './args.ts'
import { commandIncomplete, hereDocumentOpen, joinCommandLines, parseShellCommand } from './shell-input.ts'

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: app\n    image: kubelab/hello:1.0\n'

describe('comments (POSIX shell: # starts a comment only at the start of a word, outside quotes)', () => {
  it.each([
    ['kubectl get pods # all of them', ['kubectl', 'get', 'pods']],
    ['kubectl get pods #', ['kubectl', 'get', 'pods']],
    ['# only a comment', []],
    ['kubectl label pod web tier=web#1', ['kubectl', 'label', 'pod', 'web', 'tier=web#1']],
    ["kubectl label pod web note='#1' # quoted", ['kubectl', 'label', 'pod', 'web', 'note=#1']],
    ['kubectl label pod web "a=#b"', ['kubectl', 'label', 'pod', 'web', 'a=#b']],
    ['echo \\#x', ['echo', '#x']],
    ["echo ''#x", ['echo', '#x']],
  ])('%s', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words)
  })

  it('a comment after a command changes nothing kubectl sees', () => {
    const c = createCluster({ seed: 1 })
    expect(c.run('kubectl create deployment web --image=nginx:1.27 # the web tier').output).toBe('deployment.apps/web created\n')
    expect(c.run('kubectl get deploy web -o name   # just the name').output).toBe('deployment.apps/web\n')
  })
})

describe('here-documents', () => {
  it.each([
    ['cat <<EOF\na\nb\nEOF', 'a\nb\n'],
    ["cat << 'EOF'\n$HOME\nEOF", '$HOME\n'],
    ['cat <<"END"\nx\nEND\nignored', 'x\n'],
    ['cat <<-EOF\n\t\tindented\n\tEOF', 'indented\n'],
    ['cat <<EOF\nno end line', 'no end line\n'],
    ['cat <<EOF\n EOF\nEOF', ' EOF\n'],
  ])('%j', (command, body) => {
    expect(parseShellCommand(command)).toEqual({ words: ['cat'], hereDocument: body })
  })

  it('tells whether the lines typed so far end the document (the terminal keeps reading until they do)', () => {
    expect(hereDocumentOpen('kubectl apply -f - <<EOF')).toMatchObject({ delimiter: 'EOF', closed: false })
    expect(hereDocumentOpen('kubectl apply -f - <<EOF\napiVersion: v1')).toMatchObject({ closed: false })
    expect(hereDocumentOpen('kubectl apply -f - <<EOF\napiVersion: v1\nEOF')).toMatchObject({ closed: true })
    expect(hereDocumentOpen("kubectl apply -f - <<'EOF' # quoted word")).toMatchObject({ delimiter: 'EOF' })
    expect(hereDocumentOpen('kubectl get pods')).toBeNull()
    expect(hereDocumentOpen("echo '<<EOF'")).toBeNull()
    expect(hereDocumentOpen('cat <<<word')).toBeNull()
  })

  it('kubectl apply -f - <<EOF applies the document, named STDIN as kubectl names it', () => {
    const c = createCluster({ seed: 1 })
    expect(c.run(`kubectl apply -f - <<EOF\n${POD}EOF`)).toEqual({ ok: true, output: 'pod/hello created\n' })
    expect(c.run(`kubectl apply -f - <<EOF\n${POD}EOF`).output).toBe('pod/hello unchanged\n')
    expect(c.run('kubectl create -f - <<EOF\nkind: Pod\n  oops: [\nEOF').output).toMatch(/^error: error parsing STDIN: /)
    expect(c.run(`kubectl delete -f - <<EOF\n${POD}EOF`).output).toBe('pod "hello" deleted\n')
  })

  it("joins a submission's lines into commands, a here-document with the command that opened it", () => {
    const lines = ['kubectl apply -f - <<EOF', 'kind: Pod', '  # kept: part of the document', 'EOF', 'kubectl get pods']
    expect(joinCommandLines(lines)).toEqual([
      'kubectl apply -f - <<EOF\nkind: Pod\n  # kept: part of the document\nEOF',
      'kubectl get pods',
    ])
    expect(joinCommandLines(['cat <<-END', '\tEND', 'ls'])).toEqual(['cat <<-END\n\tEND', 'ls'])
  })

  it("a here-document without its word is bash's syntax error", () => {
    expect(parseShellCommand('cat <<')).toEqual({ error: "bash: syntax error near unexpected token `newline'" })
  })
})

describe('< FILE', () => {
  it('reads standard input from a file of the home directory; bash names a missing one', () => {
    const c = createCluster({ seed: 1 })
    c.writeFile('pod.yaml', POD)
    expect(parseShellCommand('kubectl apply -f - < pod.yaml')).toEqual({ words: ['kubectl', 'apply', '-f', '-'], inputFile: 'pod.yaml' })
    expect(c.run('kubectl apply -f - <pod.yaml').output).toBe('pod/hello created\n')
    expect(c.run('wc -l < pod.yaml').output).toBe('8\n')
    expect(c.run('kubectl apply -f - < nope.yaml')).toEqual({
      ok: false,
      output: 'bash: nope.yaml: No such file or directory\n',
      exitCode: 1,
    })
  })

  it('head and cat read a here-document as standard input', () => {
    const c = createCluster({ seed: 1 })
    expect(c.run('head -n 1 <<EOF\none\ntwo\nEOF').output).toBe('one\n')
    expect(c.run('cat -n <<EOF\none\nEOF').output).toBe('     1\tone\n')
  })
})

describe('commands over several lines (a trailing backslash, an open quote)', () => {
  it.each([
    ['kubectl get pods \\', true],
    ['kubectl get pods \\\\', false],
    ["kubectl patch deploy web -p '{", true],
    ['kubectl patch deploy web -p \'{\n  "spec": {"replicas": 3}}\'', false],
    ['kubectl apply -f - <<EOF\nkind: Pod', true],
    ["kubectl apply -f - <<EOF\nit's in the document\nEOF", false],
    ['kubectl get pods', false],
  ])('%j incomplete: %s', (text, incomplete) => {
    expect(commandIncomplete(text)).toBe(incomplete)
  })

  it('a backslash-newline joins the lines; a quote keeps its newlines', () => {
    const c = createCluster({ seed: 1 })
    expect(c.run('kubectl create deployment web \\\n  --image=nginx:1.27 \\\n  --replicas=2').output).toBe('deployment.apps/web created\n')
    expect(c.run("kubectl patch deploy web -p '\nspec:\n  replicas: 3\n'").output).toBe('deployment.apps/web patched\n')
    expect(joinCommandLines(['kubectl scale deploy web \\', '  --replicas=3', 'kubectl get deploy'])).toEqual([
      'kubectl scale deploy web \\\n  --replicas=3',
      'kubectl get deploy',
    ])
  })
})
