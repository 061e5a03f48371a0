import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import fc from 'fast-check';
import { ResyncFraming } from '../../server/src/framing';
import { ROOT } from '../support/paths';

// Bad framing and deep JSON over stdio (issue 14): a broken message costs that message, never
// the connection. In memory for the framing guard, then against the bundled server.
const frame = (body: string) => { const b = Buffer.from(body); return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]); };
const msg = (id: number, extra = '') => JSON.stringify({ jsonrpc: '2.0', id, method: 'm', params: { text: `한국어 ${extra}` } });

function run(chunks: Buffer[]): Buffer {
  const t = new ResyncFraming();
  const out: Buffer[] = [];
  t.on('data', d => out.push(d));
  for (const c of chunks) t.write(c);
  return Buffer.concat(out);
}

/** Cuts a buffer at the given points (sorted, deduplicated). */
function cut(buf: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map(a => a % (buf.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, buf.length]) { parts.push(buf.subarray(prev, p)); prev = p; }
  return parts;
}

describe('robustness: framing guard (in memory)', () => {
  it('passes well-framed messages through unchanged, however the bytes are cut', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (texts, at) => {
      const all = Buffer.concat(texts.map((t, i) => frame(msg(i, t))));
      assert.ok(run(cut(all, at)).equals(all));
    }), { numRuns: 300 });
  });

  it('a wrong Content-Length (too long, too short, missing, not a number) costs that message only', () => {
    const good = (id: number) => frame(msg(id));
    const body = msg(99);
    const cases: [string, Buffer][] = [
      ['too long', Buffer.from(`Content-Length: ${Buffer.byteLength(body) + 50}\r\n\r\n${body}`)],
      ['too short', Buffer.from(`Content-Length: ${Buffer.byteLength(body) - 10}\r\n\r\n${body}`)],
      ['missing', Buffer.from(`Content-Type: x\r\n\r\n${body}`)],
      ['not a number', Buffer.from(`Content-Length: many\r\n\r\n${body}`)],
      ['huge', Buffer.from(`Content-Length: 999999999999\r\n\r\n${body}`)],
      ['junk', Buffer.from('hello\r\n\r\n')],
    ];
    // A Content-Type before the Content-Length is part of the header, passed on as sent.
    const typed = Buffer.concat([Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'), frame(msg(9))]);
    assert.ok(run([typed]).equals(typed));
    // Spelled in another case, or with blanks after the number, a header is still a header (vscode-jsonrpc reads it so).
    for (const header of ['content-length: ', 'CONTENT-LENGTH: ', 'content-Length:']) {
      const body = msg(7);
      const framed = Buffer.from(`${header}${Buffer.byteLength(body)} \r\n\r\n${body}`);
      assert.ok(run([framed]).equals(framed), header);
    }
    for (const [what, bad] of cases) {
      fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 6 }), at => {
        const out = run(cut(Buffer.concat([good(1), bad, good(2), good(3)]), at)).toString();
        // Messages 1, 2 and 3 come through whole; whatever is left of the bad one is its own frame.
        for (const id of [1, 2, 3]) assert.ok(out.includes(frame(msg(id)).toString()), `${what}: message ${id} lost in ${JSON.stringify(out)}`);
      }), { numRuns: 100 });
    }
  });
});

describe('robustness: framing guard bounds', () => {
  it('a header that never ends is not hoarded, even when it starts with a valid Content-Length', () => {
    const t = new ResyncFraming();
    t.on('data', () => undefined);
    t.write(Buffer.from('Content-Length: 10\r\nX: '));
    for (let i = 0; i < 200; i++) t.write(Buffer.alloc(64 * 1024, 0x61));
    const head = (t as unknown as { head: Buffer }).head;
    assert.ok(head.length <= 128 * 1024, `${head.length} bytes kept`);
    // And the stream recovers at the next real message.
    const out: Buffer[] = [];
    t.on('data', d => out.push(d));
    t.write(frame(msg(8)));
    assert.ok(Buffer.concat(out).toString().includes(msg(8)));
  });
});

describe('robustness: bad framing and deep JSON over stdio', function () {
  this.timeout(60_000);
  const cases: [string, string | Buffer][] = [
    ['10,000 nested arrays', `{"jsonrpc":"2.0","id":2,"method":"x","params":${'['.repeat(10000)}${']'.repeat(10000)}}`],
    ['10,000 nested objects', `{"jsonrpc":"2.0","id":2,"method":"x","params":${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}}`],
    ['a Content-Length 50 bytes too long', Buffer.from('Content-Length: 87\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"x"}')],
    ['a Content-Length 10 bytes too short', Buffer.from('Content-Length: 27\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"x"}')],
    ['a header without Content-Length', Buffer.from('hello world\r\n\r\n')],
    ['invalid JSON', '{"jsonrpc":"2.0", id: 2'],
  ];
  const entries: [string, string[]][] = [['dist/server.js --stdio', [path.join(ROOT, 'dist', 'server.js'), '--stdio']]];
  const runs = cases.map(c => [...c, entries[0]] as const);
  // `paper-digest lsp --stdio` starts the same server: one broken case through it too.
  runs.push([...cases[2], ['paper-digest lsp --stdio', [path.join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio']]] as const);
  for (const [what, bad, [entry, args]] of runs) {
    it(`${what} (${entry}): the server stays up and answers the next request`, async () => {
      const p = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' } });
      let out = '';
      p.stdout.on('data', d => { out += d; });
      const answered = (id: number) => new Promise<boolean>(resolve => {
        const start = Date.now();
        const poll = () => (new RegExp(`"id":${id}[,}]`).test(out) ? resolve(true) : Date.now() - start > 10_000 ? resolve(false) : setTimeout(poll, 20));
        poll();
      });
      try {
        p.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })));
        assert.ok(await answered(1), 'initialize answered');
        p.stdin.write(typeof bad === 'string' ? frame(bad) : bad);
        p.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'shutdown' })));
        assert.ok(await answered(3), `no answer after ${what}`);
        assert.strictEqual(p.exitCode, null, 'still running');
      } finally {
        p.kill('SIGKILL');
      }
    });
  }
});
