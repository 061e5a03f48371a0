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

    await vscode.workspace.getConfiguration('paperDigest').update('locale', 'en', vscode.ConfigurationTarget.Global);
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find(d => /^Paper 1\.2 is missing/.test(d.message)), 'English findings after the setting, with no edit');
    await waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => isPreviewTab(t) && t.label.startsWith('Preview:')), 'the preview title in English, with no edit');
    assert.equal(doc.isDirty, false);
  });
});
