// Usage and usage errors of the real built CLI: every command answers --help with its own usage
// (exit 0, stdout); unknown options and missing values give one line naming the option, then that
// command's usage (exit 2, stderr); never Node's parseArgs text, never a stack trace.
import { strict as assert } from 'assert';
import { BIN, initializeOverStdio, run, tempProject } from './cli';

const COMMANDS: Record<string, string[]> = {
  lint: ['lint'], toc: ['toc'], renumber: ['renumber'], terms: ['terms'], glossary: ['glossary'], lsp: ['lsp'],
};
const usageOf = (command: string) => new RegExp(`^Usage: paper-digest ${command}\\b`, 'm');
const noTrace = (s: string) => {
  assert.doesNotMatch(s, /^\s+at .+:\d+:\d+\)?$/m, `stack trace in:\n${s}`);
  assert.doesNotMatch(s, /To specify a positional argument|ERR_PARSE_ARGS/, `parseArgs text in:\n${s}`);
};

describe('CLI usage and usage errors', () => {
  const p = tempProject({ 'a.digest.md': '# 주간 논문\n' });
  after(p.cleanup);

  for (const [command, argv] of Object.entries(COMMANDS)) {
    for (const help of ['--help', '-h']) {
      it(`${command} ${help} prints its own usage`, () => {
        const r = run([...argv, help], p.dir);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, usageOf(command));
        assert.equal(r.stderr, '');
      });
    }
    it(`${command} --help after other options, even broken ones, still prints its usage`, () => {
      const r = run([...argv, '--no-such-option', '--help'], p.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, usageOf(command));
    });
    it(`${command} --no-such-option: one line naming it, then ${command}'s usage, exit 2`, () => {
      const r = run([...argv, ...(command === 'glossary' ? ['check'] : []), '--no-such-option', 'a.digest.md'], p.dir);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      const [first, second] = r.stderr.split('\n');
      assert.equal(first, 'paper-digest: Unknown option "--no-such-option"; the options are listed below');
      assert.equal(second, '');
      assert.match(r.stderr, usageOf(command));
      assert.doesNotMatch(r.stderr, /^Usage: paper-digest <command>/m);
      noTrace(r.stderr);
    });
  }

  it('glossary check --help prints the glossary usage', () => {
    const r = run(['glossary', 'check', '--help'], p.dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, usageOf('glossary'));
  });

  it('an option without its value names the option', () => {
    const r = run(['lint', 'a.digest.md', '--format'], p.dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n')[0], 'paper-digest: Option "--format" needs a value: "--format VALUE"');
    assert.match(r.stderr, usageOf('lint'));
    noTrace(r.stderr);
  });

  it('a value given to a flag names the flag', () => {
    const r = run(['lint', '--fix=yes', 'a.digest.md'], p.dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n')[0], 'paper-digest: Option "--fix" takes no value; write "--fix" alone');
  });

  it('an unknown short option is named as typed', () => {
    const r = run(['toc', '-x', 'a.digest.md'], p.dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n')[0], 'paper-digest: Unknown option "-x"; the options are listed below');
    assert.match(r.stderr, usageOf('toc'));
  });

  it('the message follows --locale ko', () => {
    const r = run(['lint', '--locale', 'ko', '--no-such-option', 'a.digest.md'], p.dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n')[0], 'paper-digest: 알 수 없는 옵션 "--no-such-option"입니다. 아래 옵션 중 하나를 쓰세요');
  });

  it('lint without files prints lint\'s usage, not the top-level one', () => {
    const r = run(['lint'], p.dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, usageOf('lint'));
    assert.doesNotMatch(r.stderr, /^Usage: paper-digest <command>/m);
  });

  it('lsp without --stdio: one clear line and lsp\'s usage, exit 2, no stack trace', () => {
    const r = run(['lsp'], p.dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr.split('\n')[0], /^paper-digest: "lsp" needs --stdio/);
    assert.match(r.stderr, usageOf('lsp'));
    noTrace(r.stderr);
  });

  it('lsp --stdio still starts the server (initialize answered)', async () => {
    assert.match(await initializeOverStdio(process.execPath, [BIN, 'lsp', '--stdio'], p.dir), /"result":\{"capabilities"/);
  });

  it('the top-level usage lists every command; an unknown command prints it, exit 2', () => {
    const top = run(['--help'], p.dir);
    assert.equal(top.code, 0);
    for (const c of Object.keys(COMMANDS)) assert.match(top.stdout, new RegExp(`^  ${c}\\b`, 'm'));
    const bad = run(['lnt'], p.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^paper-digest: Unknown command "lnt"/);
    assert.match(bad.stderr, /^Usage: paper-digest <command>/m);
  });
});
