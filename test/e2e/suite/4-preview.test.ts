/**
 * Check 7: "Paper Digest: Open Digest Preview to the Side" opens a webview panel showing the digest;
 * saves test-output/e2e/preview.png (the workbench with the preview open) on every run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { closeAll, extension, open, replaceText, screenshot, waitFor } from './helpers';

const isPreviewTab = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('paperDigest.preview');

suite('preview', () => {
  suiteSetup(extension);
  teardown(closeAll);

  test('7. the preview command opens a webview whose rendered content has the first section title', async () => {
    const api = await extension();
    assert.equal(typeof api.previewHtml, 'function', 'the extension API has no previewHtml() hook');
    await open('digests/weekly.digest.md');
    await vscode.commands.executeCommand('paperDigest.openPreview');

    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(isPreviewTab), 'a preview webview tab');
    assert.match(tab.label, /weekly\.digest\.md/);
    // previewHtml() answers once the page's script has run (it posts 'ready' after rendering).
    const html = await waitFor(() => api.previewHtml!(), 'the preview page to render');
    // Headings' text with the marks (glossary terms, CJK bold) stripped.
    const headings = (tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([^]*?)</${tag}>`, 'g'))].map(m => m[1].replace(/<[^>]*>/g, '').trim());
    assert.equal(headings('h3')[0], '1. 긴 입력을 다루는 방법', `first section title; the html: ${html.slice(0, 1500)}`);
    assert.equal(headings('h4')[0], '1.1. 요약 토큰으로 읽기(Reading with Summary Tokens)', 'first paper title');
    assert.ok(!/<script/i.test(html), 'rendered content carries no script');

    const shot = await screenshot('preview');
    if (shot) assert.ok(fs.statSync(shot).size > 10_000, `${shot} is suspiciously small`);
  });

  test('7d. at the default split the outline is beside the text; "as published" shows the asterisks of broken bold', async () => {
    const api = await extension();
    const { doc } = await open('digests/weekly.digest.md');
    await vscode.commands.executeCommand('paperDigest.openPreview');
    await waitFor(() => api.previewState?.(), 'the preview page to report what it shows');
    // The seed's broken bold: CommonMark does not close ** before 가, so sites print the asterisks.
    const broken = '핵심 통찰은 **표현 오토인코더(Representation Autoencoder, RAE)**가 생성된다는 것입니다.';
    await replaceText(doc, '### 1. 긴 입력을 다루는 방법', `### 1. 긴 입력을 다루는 방법\n\n${broken}`);
    const authored = await waitFor(() => (api.previewHtml?.()?.includes('핵심 통찰은') ? api.previewState?.() : undefined), 'the edit in the preview');
    assert.equal(authored.outline, 'beside', `the outline at the default split: ${JSON.stringify(authored)}`);
    assert.equal(authored.published, false);
    assert.equal(authored.asterisks, 0, 'the authored view shows the bold the writer meant');
    await vscode.commands.executeCommand('paperDigest.togglePublishedView');
    const published = await waitFor(() => (api.previewState?.()?.published ? api.previewState() : undefined), 'the "as published" view');
    assert.equal(published.asterisks, 2, 'the literal ** on both sides, as GitHub and Medium show them');
    await screenshot('preview-published');
    await vscode.commands.executeCommand('paperDigest.togglePublishedView');
    await waitFor(() => api.previewState?.()?.published === false, 'back to the authored view');
  });

  test('7e. "Toggle Preview: As Published" with no preview open opens one, as published', async () => {
    const api = await extension();
    await open('digests/weekly.digest.md');
    await vscode.commands.executeCommand('paperDigest.togglePublishedView');
    await waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(isPreviewTab), 'a preview tab');
    await waitFor(() => api.previewState?.()?.published === true, 'the preview in the "as published" view');
  });

  test('7b. the preview follows edits before they are saved', async () => {
    const api = await extension();
    const { doc } = await open('digests/weekly.digest.md');
    await vscode.commands.executeCommand('paperDigest.openPreview');
    await waitFor(() => api.previewHtml?.(), 'the preview page to render');
    await replaceText(doc, '### 1. 긴 입력을 다루는 방법', '### 1. 아주 긴 입력을 다루는 방법');
    await waitFor(() => api.previewHtml?.()?.includes('아주 긴 입력을 다루는 방법'), 'the preview to show the edit');
  });
});

suite('language (English VS Code, Korean profile)', () => {
  suiteSetup(extension);
  teardown(async () => {
    await vscode.workspace.getConfiguration('paperDigest').update('locale', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  test('7c. findings and the preview speak the profile\'s Korean by default; paperDigest.locale switches both without an edit', async () => {
    assert.equal(vscode.env.language.startsWith('ko'), false, 'this check needs an English display language');
    const api = await extension();
    const { doc } = await open('digests/open-save.digest.md');
    const korean = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find(d => /블록이 없습니다/.test(d.message)), 'Korean findings by default');
    assert.match(korean.message, /^논문 1\.2에 .* 블록이 없습니다/);
    await vscode.commands.executeCommand('paperDigest.openPreview');
    await waitFor(() => api.previewHtml?.(), 'the preview page to render');
    await waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => isPreviewTab(t) && t.label.startsWith('미리 보기:')), 'a Korean preview title');
    // The status bar speaks the same language (the preview took focus: give the digest's editor back).
    await vscode.window.showTextDocument(doc);
    await waitFor(() => /논문 \d+편/.test(api.statusText?.() ?? ''), `a Korean status bar (now "${api.statusText?.()}")`);

    await vscode.workspace.getConfiguration('paperDigest').update('locale', 'en', vscode.ConfigurationTarget.Global);
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find(d => /^Paper 1\.2 is missing/.test(d.message)), 'English findings after the setting, with no edit');
    await waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => isPreviewTab(t) && t.label.startsWith('Preview:')), 'the preview title in English, with no edit');
    await waitFor(() => /\d+ papers?\b/.test(api.statusText?.() ?? ''), `the status bar in English, with no edit (now "${api.statusText?.()}")`);
    assert.equal(doc.isDirty, false);
  });
});
