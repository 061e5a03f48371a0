/**
 * Check 10: the language model tools an assistant in agent mode calls (issue 20), through
 * vscode.lm.invokeTool as VS Code's chat would: contributed and registered, checking the open
 * digest, looking up the glossary, and applying the safe fixes as an undoable edit.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, extension, open, waitFor, waitForDiagnostics } from './helpers';

const NAMES = ['paperDigest_checkDigest', 'paperDigest_lookupTerm', 'paperDigest_fixDigest', 'paperDigest_updateToc'];

async function invoke(name: string, input: object): Promise<Record<string, unknown>> {
  const r = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = r.content.filter((p): p is vscode.LanguageModelTextPart => p instanceof vscode.LanguageModelTextPart).map(p => p.value).join('');
  return JSON.parse(text);
}

suite('assistant tools', () => {
  suiteSetup(extension);
  teardown(closeAll);

  test('10a. the four tools are registered with their descriptions and schemas', async () => {
    const tools = await waitFor(() => {
      const ours = vscode.lm.tools.filter(t => NAMES.includes(t.name));
      return ours.length === NAMES.length && ours;
    }, 'the paper-digest language model tools');
    const lookup = tools.find(t => t.name === 'paperDigest_lookupTerm')!;
    assert.match(lookup.description, /glossary/);
    assert.deepEqual((lookup.inputSchema as { required?: string[] }).required, ['term']);
  });

  test('10b. check and lookup answer for the active digest, as its diagnostics say', async () => {
    const { doc } = await open('digests/assistant.digest.md');
    const ds = await waitForDiagnostics(doc.uri, d => d.length === 2, 'the digest checked');
    const check = await invoke('paperDigest_checkDigest', { maxFindings: 5 });
    assert.equal(check.file, 'digests/assistant.digest.md');
    const counts = check.counts as Record<string, number>;
    assert.equal(counts.warning, ds.filter(d => d.severity === vscode.DiagnosticSeverity.Warning).length);
    assert.equal((check.findings as unknown[]).length, Math.min(5, ds.length));
    const lookup = await invoke('paperDigest_lookupTerm', { term: 'fine-tuning' });
    assert.equal((lookup.terms as { ko: string }[])[0].ko, '미세 조정');
    // Bad input is refused with the reason (the model reads it), not run.
    await assert.rejects(async () => vscode.lm.invokeTool('paperDigest_lookupTerm', { input: {}, toolInvocationToken: undefined }), /term/);
  });

  test('10c. fix applies the safe fixes to the open document as an edit (unsaved, undoable)', async () => {
    const { doc } = await open('digests/assistant.digest.md');
    await waitForDiagnostics(doc.uri, d => d.length === 2, 'the digest checked');
    const text = doc.getText();
    const fix = await invoke('paperDigest_fixDigest', {});
    assert.equal(fix.applied, true, JSON.stringify(fix));
    assert.equal(fix.fixed, 2, JSON.stringify(fix));
    assert.equal((fix.remaining as { autoFixable: number }).autoFixable, 0);
    assert.match(doc.getText(), /이 논문은 미세 조정 없이/);
    assert.match(doc.getText(), /^#### 1\.2\. 두 번째 논문/m);
    assert.ok(doc.isDirty, 'the edit is in the editor, not written behind it');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === text, 'undo restores the text');
  });
});
