/**
 * Checks 1 and 2: diagnostics on open and on save (run mode onSave, from user-settings.json), and
 * none for a Markdown file that is not a digest.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  QUIET_MS, closeAll, codeOf, diagnostics, extension, lineOf, open, replaceText, save, serverRoundTrip, sleep, summary, waitForDiagnostics,
} from './helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await extension();
    assert.equal(vscode.workspace.getConfiguration('paperDigest').get('run'), 'onSave', 'user-settings.json must set paperDigest.run to onSave');
  });
  teardown(closeAll);

  test('1. a digest is checked on open; an edit changes nothing until it is saved; then the new finding appears at its line', async () => {
    const { doc } = await open('digests/open-save.digest.md');
    const paper12 = lineOf(doc, '#### 1.2.');
    const onOpen = await waitForDiagnostics(doc.uri, ds => ds.length > 0, 'diagnostics on open');
    assert.deepEqual(summary(onOpen), [`block-missing@${paper12}`], 'findings on open');
    assert.equal(onOpen[0].severity, vscode.DiagnosticSeverity.Error, 'block-missing is an error in .paperdigestrc.json');
    assert.match(onOpen[0].message, /주요 방법론/);

    // A PDF link whose id disagrees with the abstract link: a resources-links finding, once saved.
    await replaceText(doc, 'pdf/2511.10001', 'pdf/2511.19999');
    assert.ok(doc.isDirty);
    await serverRoundTrip(doc.uri); // the server has the change...
    await sleep(QUIET_MS); // ...and had time to publish, which it must not do in onSave mode
    assert.deepEqual(summary(diagnostics(doc.uri)), [`block-missing@${paper12}`], 'diagnostics changed before the save');

    await save(doc);
    const pdfLine = lineOf(doc, 'pdf/2511.19999');
    const afterSave = await waitForDiagnostics(doc.uri, ds => ds.length === 2, 'diagnostics after save');
    assert.deepEqual(summary(afterSave), [`block-missing@${paper12}`, `resources-links@${pdfLine}`].sort());
    const links = afterSave.find(d => codeOf(d) === 'resources-links')!;
    assert.equal(doc.getText(links.range).length > 0, true, 'the range covers the offending link');
    assert.ok(doc.getText(new vscode.Range(links.range.start.line, 0, links.range.end.line + 1, 0)).includes('2511.19999'));
  });

  test('2. a Markdown file that is not a digest (README.md) gets no diagnostics, while a digest in the same window does', async () => {
    // README.md has numbered ### / #### headings and no 목차: checked as a digest it would have findings.
    const readme = await open('README.md');
    const digest = await open('digests/config.digest.md');
    await waitForDiagnostics(digest.doc.uri, ds => ds.some(d => codeOf(d) === 'block-missing'), 'the digest to be checked (the server is alive)');
    await serverRoundTrip(readme.doc.uri);
    await sleep(QUIET_MS);
    assert.deepEqual(summary(diagnostics(readme.doc.uri)), [], 'README.md must not be checked');
    const status = await (await extension()).client()!.sendRequest<{ isDigest: boolean }>('paperDigest/documentStatus', { uri: readme.doc.uri.toString() });
    assert.equal(status.isDigest, false, 'the server treats README.md as a digest');
  });
});
