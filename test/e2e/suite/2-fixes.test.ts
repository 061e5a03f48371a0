/**
 * Check 3: a quick fix from vscode.executeCodeActionProvider, applied, removes its finding once
 * saved; "fix all" runs on save through editor.codeActionsOnSave (a workspace setting).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, extension, lineOf, open, readWorkspaceFile, replaceText, save, summary, waitFor, waitForDiagnostics } from './helpers';

const FIX_ALL = 'source.fixAll.paperDigest';

suite('fixes', () => {
  suiteSetup(extension);
  teardown(closeAll);

  test('3d. "이 줄에서 … 끄기" silences exactly that finding, in Korean by default', async () => {
    const { doc } = await open('digests/suppress.digest.md');
    const line = lineOf(doc, '#### 1.3.');
    const before = await waitForDiagnostics(doc.uri, ds => ds.some(d => codeOf(d) === 'paper-numbering'), 'the paper-numbering finding');
    const finding = before.find(d => codeOf(d) === 'paper-numbering')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, finding.range);
    const off = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.title === '이 줄에서 paper-numbering 끄기');
    assert.ok(off?.edit, `a "disable for this line" fix among: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(off.edit));
    // On a heading the comment takes a line of its own before it (anything after a heading changes its anchor).
    assert.equal(doc.lineAt(line - 1).text, '<!-- digest-disable-next-line paper-numbering -->');
    assert.match(doc.lineAt(line).text, /^#### 1\.3\. /);
    await save(doc);
    const after = await waitForDiagnostics(doc.uri, ds => !ds.some(d => codeOf(d) === 'paper-numbering'), 'the finding silenced');
    // The lines below moved down by one: compare which findings remain, not where.
    assert.deepEqual(after.map(codeOf).sort(), before.filter(d => d !== finding).map(codeOf).sort(), 'nothing else changed');
  });

  test('3a. a quick fix for paper-numbering is offered, applied, and its finding disappears after save', async () => {
    const { doc } = await open('digests/quick-fix.digest.md');
    const line = lineOf(doc, '#### 1.3.');
    const [finding] = await waitForDiagnostics(doc.uri, ds => ds.some(d => codeOf(d) === 'paper-numbering'), 'the paper-numbering finding');
    assert.deepEqual(summary([finding]), [`paper-numbering@${line}`]);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, finding.range);
    // The command drops the actions' diagnostics: a quick fix for this range that edits this
    // document is the finding's (the only finding there).
    // The suppression quick fixes (… 끄기, written as comments) are offered for every finding: not counted here.
    const fixes = actions.filter((a): a is vscode.CodeAction =>
      'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && !!a.edit?.has(doc.uri) && !/끄기$|^Disable /.test(a.title));
    assert.equal(fixes.length, 1, `expected one quick fix for paper-numbering among: ${actions.map(a => a.title).join(' | ')}`);
    const fix = fixes[0];
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the quick fix');
    assert.equal(doc.lineAt(line - 1).text, '#### 1.2. 두 번째 논문', 'the fix renumbers the paper');

    await save(doc);
    await waitForDiagnostics(doc.uri, ds => ds.length === 0, 'the finding to disappear after save');
  });

  test('3c. the missing-block quick fix inserts the block inside the entry and selects its placeholder', async () => {
    const { doc, editor } = await open('digests/skeleton.digest.md');
    const [finding] = await waitForDiagnostics(doc.uri, ds => ds.some(d => codeOf(d) === 'block-missing'), 'the block-missing finding');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, finding.range);
    const fix = actions.find((a): a is vscode.CodeAction => 'kind' in a && !!a.edit?.has(doc.uri) && a.title.includes('주요 방법론'));
    assert.ok(fix?.edit && fix.command, `a block-missing fix with a command among: ${actions.map(a => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the fix');
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitFor(() => doc.getText(editor.selection) === '(작성 필요)', 'the placeholder selected');
    const block = lineOf(doc, '**주요 방법론**');
    assert.ok(block > lineOf(doc, '**핵심 아이디어') && block < lineOf(doc, '**가장 중요한 발견**'), 'inserted in profile order inside the entry');
    assert.ok(editor.selection.start.line > block - 1, 'the selection is in the new block');
    await vscode.commands.executeCommand('undo');
  });

  test('3b. fix all on save (editor.codeActionsOnSave) fixes every auto-fixable finding of a second file', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor(() => (vscode.workspace.getConfiguration('editor').get<Record<string, string>>('codeActionsOnSave') ?? {})[FIX_ALL] === 'explicit', 'the workspace setting');
      const { doc } = await open('digests/fix-on-save.digest.md');
      const before = await waitForDiagnostics(doc.uri, ds => ds.length === 2, 'the two findings on open');
      assert.deepEqual(summary(before), [`paper-numbering@${lineOf(doc, '#### 1.3.')}`, `term-variant@${lineOf(doc, '파인튜닝')}`]);

      await replaceText(doc, '이번 주 논문입니다.', '이번 주 논문 두 편입니다.');
      // An explicit save, as Ctrl+S: runs the save participants (code actions on save).
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(() => !doc.isDirty, 'the save');
      const onDisk = readWorkspaceFile('digests/fix-on-save.digest.md');
      assert.match(onDisk, /^#### 1\.2\. 두 번째 논문$/m, 'paper renumbered on save');
      assert.ok(!onDisk.includes('파인튜닝') && onDisk.includes('미세 조정 없이'), 'avoided term replaced on save');
      assert.ok(onDisk.includes('이번 주 논문 두 편입니다.'), 'the edit itself was saved');
      await waitForDiagnostics(doc.uri, ds => ds.length === 0, 'no findings after the fixing save');
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
