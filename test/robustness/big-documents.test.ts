import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tempProject } from '../cli/cli';
import { TestClient } from '../support/lsp-client';
import { ROOT } from '../support/paths';

// Big documents over stdio (issue 14): the server keeps answering while it checks, refuses to
// check documents over paperDigest.maxDocumentKB with one note instead of running out of memory,
// and survives documents bigger than any editor sends. The figures go to the test log.
const SEED = fs.readFileSync(path.join(ROOT, 'test/fixtures/seed/weekly-digest-2025-10-w3.md'), 'utf8');
const MB = 1024 * 1024;

function digestOf(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  const seedBytes = Buffer.byteLength(SEED) + 1;
  while (size < bytes) { parts.push(SEED); size += seedBytes; }
  return parts.join('\n');
}

function peakMiB(pid: number | undefined): number {
  try { return Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024); } catch { return NaN; }
}

/** Pings (a request the server does not know, answered with an error) until `done`; the slowest answer in ms. */
async function worstPing(client: TestClient, done: () => boolean): Promise<number> {
  let worst = 0;
  do {
    const start = Date.now();
    await client.conn.sendRequest('paperDigest/no-such-request', {}).catch(() => undefined);
    worst = Math.max(worst, Date.now() - start);
    await new Promise(r => setTimeout(r, 50));
  } while (!done());
  return worst;
}

describe('robustness: big documents over stdio', function () {
  this.timeout(240_000);
  let dir: string, cleanup: () => void, client: TestClient;
  before(async () => {
    ({ dir, cleanup } = tempProject({}));
    client = new TestClient(['--stdio'], { NODE_OPTIONS: '--max-old-space-size=1024' });
    await client.initialize(dir, { locale: 'en', settings: { locale: 'en' } });
  });
  after(async () => { await client.stop().catch(() => undefined); client.proc.kill('SIGKILL'); cleanup(); });

  async function openAndPing(name: string, bytes: number) {
    const uri = `file://${dir}/${name}.digest.md`;
    let settled = false;
    const start = Date.now();
    const diagnostics = client.nextDiagnostics(uri, 200_000).finally(() => { settled = true; });
    await client.open(uri, digestOf(bytes));
    const ping = await worstPing(client, () => settled);
    const d = await diagnostics;
    const figures = { size: `${(bytes / MB).toFixed(1)} MiB`, firstDiagnosticsMs: Date.now() - start, worstPingMs: ping, peakMiB: peakMiB(client.proc.pid) };
    console.log(`      ${JSON.stringify(figures)}`);
    assert.strictEqual(client.proc.exitCode, null, 'the server is still running');
    return { d, ping, ms: figures.firstDiagnosticsMs };
  }

  it('under the limit (1 MiB is checked): requests are answered while the check runs', async () => {
    const { d, ping, ms } = await openAndPing('one', 0.95 * MB);
    assert.ok(d.diagnostics.length > 1000, `${d.diagnostics.length} diagnostics`);
    assert.ok(!d.diagnostics.some(x => x.code === 'document-too-large'));
    // Sliced, no answer waits for the whole check (unsliced, one ping would wait about as long as
    // the first diagnostics took); relative, so a slow or busy machine does not fail it.
    assert.ok(ping < 0.75 * ms, `a ping waited ${ping} ms of a ${ms} ms check`);
  });

  it('a settings change while a big check runs: the published diagnostics follow the new settings, not the check under way', async () => {
    const uri = `file://${dir}/switch.digest.md`;
    await client.open(uri, digestOf(0.5 * MB));
    // Mid-check (it takes about a second), switch the language; the final publication must be Korean.
    await new Promise(r => setTimeout(r, 150));
    client.settings = { locale: 'ko' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const deadline = Date.now() + 60_000;
    let last: { diagnostics: { message: string; code?: unknown }[] } | undefined;
    while (Date.now() < deadline) {
      last = await client.nextDiagnostics(uri, 60_000);
      if (last.diagnostics.some(d => /블록이 없습니다/.test(d.message))) break;
    }
    await new Promise(r => setTimeout(r, 1500)); // nothing stale may come after it
    last = client.diagnostics.get(uri)!.at(-1)!;
    const missing = last.diagnostics.filter(d => d.code === 'block-missing');
    assert.ok(missing.length > 0 && missing.every(d => /블록이 없습니다/.test(d.message)), missing[0]?.message);
    // Back to English for the next cases: wait until the switch has reached the server.
    client.settings = { locale: 'en' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    while (Date.now() < deadline) {
      const p = await client.nextDiagnostics(uri, 60_000);
      if (p.diagnostics.some(d => /^Paper .* is missing/.test(d.message))) break;
    }
  });

  for (const size of [10, 40, 60]) {
    it(`${size} MiB: not checked, one note at 1:1 says why, answers stay quick, memory bounded`, async () => {
      const { d, ping } = await openAndPing(`big${size}`, size * MB);
      assert.strictEqual(d.diagnostics.length, 1, JSON.stringify(d.diagnostics.slice(0, 3)));
      assert.strictEqual(d.diagnostics[0].code, 'document-too-large');
      assert.match(d.diagnostics[0].message, new RegExp(`this document is ${size} MB, over the limit of 1 MB`));
      assert.ok(ping < 3000, `a ping waited ${ping} ms`);
      assert.ok(peakMiB(client.proc.pid) < 1024, `peak ${peakMiB(client.proc.pid)} MiB`);
    });
  }

  it('a big Markdown file that is not a digest gets no note (nothing is checked in it anyway)', async () => {
    const uri = `file://${dir}/CHANGELOG.md`;
    const pending = client.nextDiagnostics(uri, 30_000);
    await client.open(uri, '# Changelog\n\n' + '- fixed a bug\n'.repeat(400_000));
    assert.deepStrictEqual((await pending).diagnostics, []);
  });

  it('the document status says it was not checked (the status bar shows it)', async () => {
    const r = await client.conn.sendRequest<{ isDigest: boolean; tooLarge?: { size: string; limit: string } }>('paperDigest/documentStatus', { uri: `file://${dir}/big10.digest.md` });
    assert.deepStrictEqual(r.tooLarge, { size: '10 MB', limit: '1 MB' });
  });
});
