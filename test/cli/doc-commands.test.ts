// Every paper-digest command line the README and docs/ show in a shell block names a command that
// exists and options that command has (its own --help lists them): docs that drift fail here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/paths';
import { run } from './cli';

const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)];

/** `paper-digest …` lines of ```sh / ```bash / ```console blocks, with the file they are in. */
function documentedCommands(): { file: string; line: string }[] {
  const out: { file: string; line: string }[] = [];
  for (const file of DOCS) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const block of text.matchAll(/^```(?:sh|bash|console|shell)\n([\s\S]*?)^```/gm)) {
      for (const raw of block[1].split('\n')) {
        const line = raw.replace(/^\$\s+/, '').replace(/\s+#.*$/, '').trim();
        if (/^(npx )?paper-digest\s/.test(line)) out.push({ file, line: line.replace(/^npx /, '') });
      }
    }
  }
  return out;
}

describe('commands shown in the docs', function () {
  this.timeout(120_000);
  const commands = documentedCommands();
  const usage = new Map<string, string>();
  const usageOf = (cmd: string) => {
    if (!usage.has(cmd)) {
      const r = run([...cmd.split(' '), '--help'], ROOT);
      assert.strictEqual(r.code, 0, `paper-digest ${cmd} --help: ${r.stderr}`);
      usage.set(cmd, r.stdout);
    }
    return usage.get(cmd)!;
  };

  it('finds the command lines (so an empty list cannot pass)', () => {
    assert.ok(commands.length >= 20, `${commands.length} command lines`);
    for (const c of ['lint', 'toc', 'renumber', 'terms', 'glossary', 'lsp', 'mcp']) assert.ok(commands.some(x => x.line.startsWith(`paper-digest ${c}`)), c);
  });

  it('each names a command and options its --help lists', () => {
    const wrong: string[] = [];
    for (const { file, line } of commands) {
      const words = line.split(/\s+/).slice(1);
      const cmd = words[0] === 'glossary' && /^[a-z]+$/.test(words[1] ?? '') ? `glossary` : words[0];
      if (!cmd || cmd.startsWith('-')) continue; // `paper-digest --version | --help`
      const help = usageOf(cmd);
      if (cmd === 'glossary' && !help.includes(`glossary ${words[1]}`)) wrong.push(`${file}: ${line}: no subcommand ${words[1]}`);
      for (const w of words) {
        const option = /^(--[a-z][a-z-]*|-[a-zA-Z])(?=$|=)/.exec(w)?.[1];
        if (option && !new RegExp(`(^|[\\s,\\[|])${option}(?![a-z-])`, 'm').test(help)) wrong.push(`${file}: ${line}: ${option} is not in "paper-digest ${cmd} --help"`);
      }
    }
    assert.deepStrictEqual(wrong, []);
  });
});
