/**
 * Checks 8 and 9: the workspace glossary and .paperdigestrc.json are watched files — editing them
 * re-checks the open digests; a malformed configuration is reported in that file while the
 * digest keeps being checked with the last good configuration.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  QUIET_MS, closeAll, codeOf, diagnostics, extension, lineOf, open, readWorkspaceFile, replaceText, rewriteFile, save,
  serverRoundTrip, sleep, summary, waitForDiagnostics, wsUri,
} from './helpers';

const GLOSSARY = '.paper-digest/glossary.json';
const CONFIG = '.paperdigestrc.json';

suite('workspace files', () => {
  const originals = new Map<string, string>();
  suiteSetup(async () => {
    await extension();
    for (const f of [GLOSSARY, CONFIG]) originals.set(f, readWorkspaceFile(f));
  });
  teardown(async () => {
    await closeAll();
    for (const [f, text] of originals) if (readWorkspaceFile(f) !== text) await rewriteFile(f, text);
    await closeAll();
  });

  test('8. editing the workspace glossary re-checks the open digest without saving it', async () => {
    const { doc } = await open('digests/glossary-edit.digest.md');
    await serverRoundTrip(doc.uri);
    await sleep(QUIET_MS);
    assert.deepEqual(summary(diagnostics(doc.uri)), [], 'no findings before the glossary knows the term');

    const glossary = JSON.parse(originals.get(GLOSSARY)!) as { terms: object[] };
    glossary.terms.push({ ko: '메모리 토큰', en: 'memory token', avoid: ['메모리토큰'] });
    await rewriteFile(GLOSSARY, JSON.stringify(glossary, null, 2) + '\n');

    const ds = await waitForDiagnostics(doc.uri, d => d.length > 0, 'the re-check after the glossary edit');
    assert.deepEqual(summary(ds), [`term-variant@${lineOf(doc, '메모리토큰')}`]);
    assert.equal(doc.getText(ds[0].range), '메모리토큰', 'the range is the avoided spelling');
    assert.match(ds[0].message, /메모리 토큰/);
    assert.equal(doc.isDirty, false, 'the digest was not touched');
  });

  test('9. a malformed .paperdigestrc.json is reported in that file; the digest is checked with the last good configuration', async () => {
    const { doc } = await open('digests/config.digest.md');
    const paper12 = lineOf(doc, '#### 1.2.');
    const good = await waitForDiagnostics(doc.uri, ds => ds.length > 0, 'diagnostics on open');
    assert.deepEqual(summary(good), [`block-missing@${paper12}`]);
    assert.equal(good[0].severity, vscode.DiagnosticSeverity.Error, 'block-missing is an error in the configuration');

    // A missing comma: not JSON any more.
    const broken = originals.get(CONFIG)!.replace('"profile": "weekly-digest-ko",', '"profile": "weekly-digest-ko"');
    assert.notEqual(broken, originals.get(CONFIG));
    await rewriteFile(CONFIG, broken);
    const configUri = wsUri(CONFIG);
    const problems = await waitForDiagnostics(configUri, ds => ds.length > 0, 'an error in .paperdigestrc.json');
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    const configDoc = await vscode.workspace.openTextDocument(configUri);
    const at = problems[0].range.start.line + 1;
    assert.ok([lineOf(configDoc, '"profile"'), lineOf(configDoc, '"rules"')].includes(at), `error at line ${at}, expected at the missing comma`);

    // The digest is re-checked after an edit and a save, still under the last good configuration:
    // block-missing stays an error, and term-first-use (off there, on by default) stays silent.
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    await replaceText(doc, 'pdf/2511.70001', 'pdf/2511.79999');
    await save(doc);
    const after = await waitForDiagnostics(doc.uri, ds => ds.some(d => codeOf(d) === 'resources-links'), 'the re-check after save');
    assert.deepEqual(summary(after), [`block-missing@${paper12}`, `resources-links@${lineOf(doc, 'pdf/2511.79999')}`].sort());
    assert.equal(after.find(d => codeOf(d) === 'block-missing')!.severity, vscode.DiagnosticSeverity.Error);

    // Repaired: the error in the configuration file goes away.
    await rewriteFile(CONFIG, originals.get(CONFIG)!);
    await waitForDiagnostics(configUri, ds => ds.length === 0, 'the configuration error to clear');
  });
});
