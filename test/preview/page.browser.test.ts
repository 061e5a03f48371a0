import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { builtinProfile, checkText } from '../../server/src/engine';
import { renderDigest, glossaryTermMarks } from '../../server/src/engine/render';
import { analyse, defaultGlossary } from '../../server/src/engine/glossary';
import { previewPageHtml, contentSecurityPolicy } from '../../client/src/preview/page-html';
import { pageStrings } from '../../client/src/preview/page-strings';
import type { PreviewContent } from '../../shared/protocol';
import { FIXTURES, ROOT } from '../support/paths';

// Callbacks passed to page.evaluate/waitForFunction run in the page, where these exist (the
// project's TypeScript lib has no DOM; declared here, module-scoped, for those callbacks only).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any, document: any, getComputedStyle: any;

// One variable names Chromium everywhere (test/e2e/README.md); CHROMIUM_PATH is the old name.
const CHROMIUM = process.env.PAPER_DIGEST_CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const REQUIRED = process.env.PAPER_DIGEST_E2E_REQUIRED === '1';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// What VS Code's webview.cspSource is (webviewGenericCspSource in VS Code's source; code-server the same).
const CSP_SOURCE = "'self' https://*.vscode-cdn.net";
const PAGE_URL = 'https://preview.invalid/index.html';

/** The digest as the server would answer PreviewRequest, with attacks and a remote image mixed in. */
function previewOf(text: string, version = 1, locale: 'ko' | 'en' = 'en'): PreviewContent {
  const r = checkText(text, { profile: builtinProfile('weekly-digest-ko')!, locale });
  const terms = glossaryTermMarks(analyse(r.digest, defaultGlossary()));
  return { uri: 'file:///ws/weekly.digest.md', version, isDigest: true, ...renderDigest(r.digest, { findings: r.findings, terms, lineIndex: r.lineIndex }) };
}

const attacks = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '[click](javascript:window.__pwned="link")',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '![remote](https://example.com/tracker.png)',
].join('\n\n');

// The page the preview panel shows (page-html.ts + media/preview.{js,css}) in a real headless Chromium.
describe('preview page in headless Chromium (CSP, page script, outline)', function () {
  this.timeout(60000);
  let browser: Browser | undefined;
  let page: Page;
  // Poll on a timer, not on animation frames: a headless page that is not painting may starve rAF polling.
  const waitFor = <A>(fn: (arg: A) => unknown, arg?: A) => (page.waitForFunction as (f: unknown, a: unknown, o: unknown) => Promise<unknown>).call(page, fn, arg, { polling: 100 });
  const requests: string[] = [];
  const consoleMessages: string[] = [];
  const seed = fs.readFileSync(path.join(FIXTURES, 'seed', 'weekly-digest-2025-10-w3.md'), 'utf8');
  const text = seed.replace('**핵심 아이디어: 압축된 VAE에서 의미론적 RAE로**', `${attacks}\n\n**핵심 아이디어: 압축된 VAE에서 의미론적 RAE로**`);
  const initial = previewOf(text);
  const nonce = 'dGVzdC1ub25jZS0xMjM0NQ==';
  let html = '';

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (REQUIRED) throw new Error(`${CHROMIUM} is absent and PAPER_DIGEST_E2E_REQUIRED=1`);
      console.log(`    (skipped: no Chromium at ${CHROMIUM}; set PAPER_DIGEST_CHROMIUM, or PAPER_DIGEST_E2E_REQUIRED=1 to fail instead)`);
      this.skip();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    page = await browser.newPage();
    page.on('console', m => consoleMessages.push(`${m.type()}: ${m.text()}`));
    html = previewPageHtml({
      nonce, cspSource: CSP_SOURCE,
      script: fs.readFileSync(path.join(ROOT, 'media', 'preview.js'), 'utf8'),
      css: fs.readFileSync(path.join(ROOT, 'media', 'preview.css'), 'utf8'),
      strings: { outline: '개요' }, initial, lang: 'ko',
    });
    // Served from a fake origin; any other request is recorded and refused (the test never touches the network).
    await page.route('**/*', route => {
      if (route.request().url() === PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      requests.push(route.request().url());
      return route.abort();
    });
    // What VS Code provides: acquireVsCodeApi. Recorded, plus CSP violations (proof the policy is active).
    // (A string, not a function: the test transpiler would wrap a function with helpers the page lacks.)
    await page.addInitScript(`
      window.__posted = [];
      window.__violations = [];
      let state;
      window.acquireVsCodeApi = () => ({
        postMessage: m => window.__posted.push(m),
        getState: () => state,
        setState: s => { state = s; },
      });
      document.addEventListener('securitypolicyviolation', e => window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI }));
    `);
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.goto(PAGE_URL, { waitUntil: 'load' });
  });
  after(async () => { await browser?.close(); });

  it('has a strict CSP with the nonce and nothing remote', () => {
    const csp = contentSecurityPolicy(nonce, CSP_SOURCE);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'(;|$)`));
    // Nothing else may load: no wildcard or remote origin but VS Code's own resource origin.
    assert.doesNotMatch(csp.split(CSP_SOURCE).join(''), /unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('Chromium accepts the policy as VS Code fills it in (no directive or source ignored)', async () => {
    await waitFor(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
    assert.deepStrictEqual(consoleMessages.filter(m => /Content.Security.Policy|invalid source|Unrecognized/i.test(m) && !/Refused to|violates the following/.test(m)), []);
  });

  it('runs the page script (the outline renders) and no script from the document', async () => {
    await waitFor(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
    const r = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      sections: [...document.querySelectorAll('#pd-outline .pd-section-title')].map(e => e.textContent),
      papers: document.querySelectorAll('#pd-outline .pd-paper').length,
      title: document.querySelector('#pd-outline h2')?.textContent,
      p11: [...document.querySelectorAll('#pd-outline .pd-paper')][0]?.querySelector('.pd-checklist')?.textContent,
      p12: [...document.querySelectorAll('#pd-outline .pd-paper')][1]?.querySelector('.pd-checklist')?.textContent,
      findings: document.querySelectorAll('#pd-outline .pd-finding').length,
      overviews: [...document.querySelectorAll('#pd-outline .pd-overview .pd-paper-title')].map(e => e.textContent.split('.').slice(0, 2).join('.')),
      kindTag: document.querySelector('#pd-outline .pd-overview .pd-kind')?.textContent,
      counts: document.querySelector('#pd-outline .pd-counts')?.textContent,
      scripts: document.querySelectorAll('#pd-content script, #pd-content iframe, #pd-content [onerror]').length,
      jsLinks: [...document.querySelectorAll('#pd-content a')].filter(a => /javascript:/i.test(a.getAttribute('href') ?? '')).length,
    }));
    assert.strictEqual(r.pwned, undefined);
    assert.strictEqual(r.scripts, 0);
    assert.strictEqual(r.jsLinks, 0);
    assert.strictEqual(r.title, '개요');
    assert.deepStrictEqual(r.sections, ['1. LLM 발전 및 기술 보고서', '2. 멀티모달 LLM과 비전 언어 모델', '3. LLM 추론 및 성능 향상 기법', '4. 후속 학습 및 정렬']);
    assert.strictEqual(r.papers, 9);
    assert.strictEqual(r.p12, '✓ 핵심 아이디어✗ 주요 방법론✗ 가장 중요한 발견✗ 중요 자료');
    // Paper 1.1's resources lost their URLs in the seed: shown as such, not as a ✓.
    assert.strictEqual(r.p11, '✓ 핵심 아이디어✓ 주요 방법론✓ 가장 중요한 발견⚠ 중요 자료');
    assert.ok(r.findings >= 7, `${r.findings} findings listed`);
    // Topic surveys are named as such and not counted as papers.
    assert.deepStrictEqual(r.overviews, ['1.2', '2.2', '3.1', '3.2', '4.1', '4.2']);
    assert.strictEqual(r.kindTag, 'overview');
    assert.match(r.counts ?? '', /^3 papers, 6 overviews · \d+ findings$/);
  });

  it('loads nothing remote (the remote image is blocked by the CSP, not fetched)', async () => {
    await waitFor(() => (window as unknown as { __violations: { blocked: string }[] }).__violations.some(v => v.blocked.includes('example.com')));
    // 'self' (in VS Code's cspSource) is the webview's own origin, here the page's: only other origins are remote.
    assert.deepStrictEqual(requests.filter(u => /^https?:/.test(u) && !u.startsWith(new URL(PAGE_URL).origin + '/')), []);
  });

  it('blocks an inline handler even if unsanitised HTML reached the page (CSP as a second wall)', async () => {
    const evil = { ...initial, version: 2, html: '<p data-line="0">x</p><img src="nope.png" onerror="window.__pwned = \'bypass\'"><script>window.__pwned = "bypass-script"</script>' };
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: evil });
    await waitFor(() => document.body.getAttribute('data-version') === '2');
    // The error event fires and Chromium reports the blocked handler: only then is "did not run" meaningful.
    await waitFor(() => (window as unknown as { __violations: { directive: string }[] }).__violations.some(v => /^script-src/.test(v.directive)));
    assert.strictEqual(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: { ...initial, version: 3 } });
    await waitFor(() => document.body.getAttribute('data-version') === '3');
  });

  it('drops an older version arriving after a newer one', async () => {
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: { ...initial, version: 1, html: '<p>stale</p>' } });
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: { ...initial, version: 4 } });
    await waitFor(() => document.body.getAttribute('data-version') === '4');
    assert.doesNotMatch(await page.evaluate(() => document.getElementById('pd-content')!.innerHTML), /stale/);
  });

  it('keeps the sections the user folded folded across updates', async () => {
    await page.locator('#pd-outline details.pd-section > summary').nth(1).click({ position: { x: 3, y: 6 } });
    await waitFor(() => !document.querySelectorAll('#pd-outline details.pd-section')[1].open);
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: { ...initial, version: 5 } });
    await waitFor(() => document.body.getAttribute('data-version') === '5');
    const open = await page.evaluate(() => [...document.querySelectorAll('#pd-outline details.pd-section')].map((d: { open: boolean }) => d.open));
    assert.deepStrictEqual(open, [true, false, true, true]);
  });

  it('clicking an outline paper or finding asks the editor to reveal its line', async () => {
    const p13 = initial.outline.sections[0].papers[2];
    await page.click(`#pd-outline .pd-paper:nth-child(3) .pd-paper-title`);
    await waitFor(line => (window as unknown as { __posted: { type: string; line: number }[] }).__posted.some(m => m.type === 'reveal' && m.line === line), p13.line);
    const finding = p13.findings[0];
    await page.click(`#pd-outline .pd-paper:nth-child(3) .pd-finding button`);
    await waitFor(f => (window as unknown as { __posted: { type: string; line: number; character: number }[] }).__posted.some(m => m.type === 'reveal' && m.line === f.line && m.character === f.character), finding);
  });

  it('scrolls to a source line posted by the editor (data-line sync) and reports its own scrolling', async () => {
    const line = initial.outline.sections[2].papers[0].line;
    await page.evaluate(l => window.postMessage({ type: 'scroll', line: l }, '*'), line);
    await waitFor(l => {
      const h = document.querySelector(`#pd-content [data-line="${l}"]`)!;
      return Math.abs(h.getBoundingClientRect().top) < 10;
    }, line);
    await page.evaluate(() => { (window as unknown as { __posted: unknown[] }).__posted.length = 0; window.scrollBy(0, 400); });
    await waitFor(l => (window as unknown as { __posted: { type: string; line: number }[] }).__posted.some(m => m.type === 'scrolled' && m.line > l), line);
  });

  it('glossary marks are off by default; "as published" shows the asterisks CommonMark leaves; both toggles are kept', async () => {
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: { ...initial, version: 100 } });
    await waitFor(() => document.body.getAttribute('data-version') === '100');
    const look = () => page.evaluate(() => ({
      // The "as published" view has no marks at all.
      border: (m => (m ? getComputedStyle(m).borderBottomStyle : 'no marks'))(document.querySelector('#pd-content mark.pd-term')) as string,
      asterisks: (document.getElementById('pd-content').textContent.match(/\*\*/g) || []).length as number,
      wavy: document.querySelectorAll('#pd-content .pd-cjk-bold').length as number,
      state: (window as unknown as { acquireVsCodeApi: () => { getState: () => unknown } }).acquireVsCodeApi().getState() as { published?: boolean; terms?: boolean },
    }));
    const before = await look();
    assert.strictEqual(before.border, 'none', 'no dotted underline by default');
    assert.strictEqual(before.asterisks, 0);
    assert.ok(before.wavy >= 10, 'broken bold shown as the author meant, marked');
    await page.click('.pd-toggle-terms');
    assert.strictEqual((await look()).border, 'dotted');
    await page.click('.pd-toggle-published');
    const published = await look();
    assert.strictEqual(published.asterisks, 22, 'the seed\'s 11 broken bolds as CommonMark sites show them');
    assert.strictEqual(published.wavy, 0);
    assert.strictEqual(published.border, 'no marks');
    assert.ok(published.state.published && published.state.terms, 'the toggles are kept in the webview state');
    // An update keeps the view; turned back, the authored view returns.
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: { ...initial, version: 101 } });
    await waitFor(() => document.body.getAttribute('data-version') === '101');
    assert.strictEqual((await look()).asterisks, 22);
    await page.click('.pd-toggle-published');
    await page.click('.pd-toggle-terms');
    assert.strictEqual((await look()).asterisks, 0);
  });
  it('the outline is reachable at any width: a column beside the text at the default split (620 px), a bar that opens below 520 px', async () => {
    const box = () => page.evaluate(() => {
      const o = document.getElementById('pd-outline').getBoundingClientRect(), c = document.getElementById('pd-content').getBoundingClientRect();
      return { oLeft: o.left as number, oTop: o.top as number, oHeight: o.height as number, cRight: c.right as number, cWidth: c.width as number };
    });
    try {
      await page.setViewportSize({ width: 620, height: 700 });
      const side = await box();
      assert.ok(side.oLeft >= side.cRight - 1 && side.cWidth >= 380, `beside the text: ${JSON.stringify(side)}`);
      await page.setViewportSize({ width: 480, height: 700 });
      await page.evaluate(() => window.scrollTo(0, 2000));
      const bar = await box();
      assert.ok(bar.oTop <= 1 && bar.oHeight < 100, `a bar pinned at the top while scrolled: ${JSON.stringify(bar)}`);
      await page.click('.pd-outline-title');
      const open = await box();
      assert.ok(open.oHeight > 200, `opened: ${JSON.stringify(open)}`);
      await page.click('.pd-outline-title');
    } finally {
      await page.setViewportSize({ width: 1100, height: 700 });
    }
  });
  it('findings are grouped by rule: one shown as it is, several under "rule (n)", closed until opened and kept open', async () => {
    const p11 = initial.outline.sections[0].papers[0];
    const rules = [...new Set(p11.findings.map(f => f.rule))];
    const many = rules.filter(r => p11.findings.filter(f => f.rule === r).length > 1);
    assert.ok(many.length > 0 && p11.findings.length > rules.length, 'paper 1.1 of the seed repeats rules');
    const shown = () => page.evaluate(() => {
      const paper = document.querySelector('#pd-outline .pd-paper');
      const top = paper.querySelector(':scope > .pd-findings');
      return {
        items: top.children.length as number,
        groups: [...top.querySelectorAll(':scope > .pd-finding-group summary')].map((e: { textContent: string }) => e.textContent) as string[],
        // Findings not inside a closed group (Chromium keeps rects for closed <details> content).
        visible: [...paper.querySelectorAll('.pd-finding')].filter((e: { closest: (s: string) => { open: boolean } | null }) => !e.closest('details.pd-group:not([open])')).length as number,
      };
    });
    const s = await shown();
    assert.strictEqual(s.items, rules.length, 'one line per rule');
    assert.deepStrictEqual(s.groups, many.map(r => `${r} (${p11.findings.filter(f => f.rule === r).length})`));
    assert.strictEqual(s.visible, rules.length - many.length, `only the single findings show until a group is opened: ${JSON.stringify(s)} ${JSON.stringify(rules)}`);
    await page.click('#pd-outline .pd-paper .pd-finding-group summary');
    const opened = (await shown()).visible;
    assert.ok(opened > s.visible);
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: { ...initial, version: 200 } });
    await waitFor(() => document.body.getAttribute('data-version') === '200');
    assert.strictEqual((await shown()).visible, opened, 'an opened group stays open across updates');
  });

  it('speaks Korean as the panel sends it, in both modes; screenshots of each in test-output/', async () => {
    const ko = { ...previewOf(seed, 300, 'ko'), locale: 'ko' as const };
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'update', content: ko, strings: pageStrings('ko') });
    await waitFor(() => document.body.getAttribute('data-version') === '300');
    const texts = () => page.evaluate(() => ({
      title: document.querySelector('#pd-outline h2')?.textContent as string,
      counts: document.querySelector('#pd-outline .pd-counts')?.textContent as string,
      kind: document.querySelector('#pd-outline .pd-overview .pd-kind')?.textContent as string,
      toggles: [...document.querySelectorAll('#pd-outline .pd-toolbar label, #pd-outline .pd-toolbar button')].map((e: { textContent: string }) => e.textContent.trim()) as string[],
      published: document.body.classList.contains('pd-published') as boolean,
    }));
    const t = await texts();
    assert.strictEqual(t.title, '개요');
    assert.match(t.counts, /^논문 3편, 개관 6개 · 문제 \d+개$/);
    assert.strictEqual(t.kind, '개관');
    const out = path.join(ROOT, 'test-output');
    fs.mkdirSync(out, { recursive: true });
    // Paper 1.1, where the seed's broken bold is (**…RAE)**가): asterisks in one mode, bold in the other.
    await page.evaluate(() => document.querySelector('#pd-content h4')?.scrollIntoView());
    const shots: string[] = [];
    for (const mode of [false, true]) {
      if (t.published !== mode && (await texts()).published !== mode) await page.click('.pd-toggle-published');
      assert.strictEqual((await texts()).published, mode);
      await page.evaluate(() => document.querySelector('#pd-content h4')?.scrollIntoView());
      const file = path.join(out, mode ? 'preview-published.png' : 'preview-authored.png');
      await page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 20_000, `${file} is suspiciously small`);
      shots.push(file);
    }
    assert.notDeepStrictEqual(fs.readFileSync(shots[0]), fs.readFileSync(shots[1]), 'the two modes look different');
  });
});
