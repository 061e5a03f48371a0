/**
 * The status bar item for the active Markdown editor: papers and findings of a digest (click
 * opens the preview), or an offer to treat a file that looks like a digest as one. Also the
 * "Treat This File as a Digest" command, which adds `paper-digest: true` to the front matter.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ClientCommands, DocumentStatusRequest, type DocumentStatus } from '../../shared/protocol';
import { treatAsDigestEdit } from './treat-as-digest';
import { t } from './l10n';

/** Context key for menus (the editor-title preview button): the active editor is a digest. */
export const IS_DIGEST_CONTEXT = 'paperDigest.isDigest';
const REFRESH_DELAY_MS = 400;

/** Returns a test hook: the item's text while it is shown. */
export function registerStatus(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): { text: () => string | undefined } {
  const item = vscode.window.createStatusBarItem('paperDigest.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Paper Digest');
  let timer: NodeJS.Timeout | undefined;
  let ticket = 0;
  let visible = false;

  async function refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const mine = ++ticket;
    if (!editor || !/^(markdown|mdx)$/.test(editor.document.languageId)) return hide();
    const c = client();
    if (!c?.isRunning()) return hide();
    let s: DocumentStatus;
    try {
      s = await c.sendRequest(DocumentStatusRequest, { uri: editor.document.uri.toString() });
    } catch {
      return hide();
    }
    if (mine !== ticket) return; // a newer refresh is under way
    void vscode.commands.executeCommand('setContext', IS_DIGEST_CONTEXT, s.isDigest);
    if (s.isDigest && s.tooLarge) {
      item.text = t(s.locale, '$(book) Not checked: {0}', s.tooLarge.size);
      item.tooltip = t(s.locale, 'Paper Digest: this document is {0}, over the {1} limit for checks in the editor (paperDigest.maxDocumentKB).', s.tooLarge.size, s.tooLarge.limit);
      item.command = { title: t(s.locale, 'Open Settings'), command: 'workbench.action.openSettings', arguments: ['paperDigest.maxDocumentKB'] };
      show();
    } else if (s.isDigest) {
      // The same numbers, split the same way, as the Problems panel shows for this file (hints are not listed there).
      const c = s.counts ?? { errors: 0, warnings: s.findings, infos: 0, hints: 0 };
      const parts = [c.errors ? `$(error) ${c.errors}` : '', c.warnings ? `$(warning) ${c.warnings}` : '', c.infos ? `$(info) ${c.infos}` : ''].filter(Boolean).join(' ');
      // Entries that survey a topic are named as such, not counted as papers.
      const papers = t(s.locale, s.papers === 1 ? '{0} paper' : '{0} papers', s.papers);
      const entries = s.overviews ? `${papers} · ${t(s.locale, s.overviews === 1 ? '{0} overview' : '{0} overviews', s.overviews)}` : papers;
      item.text = `$(book) ${entries}  ${s.findings ? parts : '$(check) 0'}`;
      item.tooltip = t(s.locale, 'Paper Digest ({0}): {1}; {2} errors, {3} warnings, {4} information. Click to open the preview.', s.profile, entries, c.errors, c.warnings, c.infos);
      item.command = { title: t(s.locale, 'Open Preview to the Side'), command: ClientCommands.openPreview, arguments: [editor.document.uri] };
      show();
    } else if (s.looksLikeDigest) {
      item.text = t(s.locale, '$(book) Treat as digest?');
      item.tooltip = t(s.locale, 'This file looks like a paper digest (a 목차 list and numbered headings). Click to add `paper-digest: true` to its front matter.');
      item.command = { title: t(s.locale, 'Treat This File as a Digest'), command: ClientCommands.treatAsDigest, arguments: [editor.document.uri] };
      show();
    } else hide();
  }
  function show(): void {
    item.show();
    visible = true;
  }
  function hide(): void {
    visible = false;
    item.hide();
    void vscode.commands.executeCommand('setContext', IS_DIGEST_CONTEXT, false);
  }
  const later = () => { clearTimeout(timer); timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS); };
  const isActive = (uri: vscode.Uri) => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString();

  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.workspace.onDidChangeTextDocument(e => { if (isActive(e.document.uri)) later(); }),
    vscode.languages.onDidChangeDiagnostics(e => { if (e.uris.some(isActive)) later(); }),
    vscode.commands.registerCommand(ClientCommands.treatAsDigest, async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      const doc = await vscode.workspace.openTextDocument(target);
      const edit = treatAsDigestEdit(doc.getText(), doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
      if (!edit) return;
      const we = new vscode.WorkspaceEdit();
      we.replace(target, new vscode.Range(doc.positionAt(edit.start), doc.positionAt(edit.end)), edit.text);
      await vscode.workspace.applyEdit(we);
      later();
    }),
  );
  // The server may still be starting: try again once it runs.
  const c = client();
  if (c) context.subscriptions.push(c.onDidChangeState(() => later()));
  void refresh();
  return { text: () => (visible ? item.text : undefined) };
}
