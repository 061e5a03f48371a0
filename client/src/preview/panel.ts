/**
 * The live preview beside the editor: a webview showing the digest the server rendered from
 * the parse it checks (PreviewRequest), with the outline and checklist. Updates while typing
 * (debounced), follows the active digest editor, syncs scrolling both ways, reveals lines.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ClientCommands, PreviewRequest, type PreviewContent } from '../../../shared/protocol';
import { makeNonce, previewPageHtml } from './page-html';
import { checkPageMessage, type PageMessage } from './page-messages';

type PageState = Omit<Extract<PageMessage, { type: 'shown' }>, 'type'>;
import { pageStrings } from './page-strings';
import { t } from '../l10n';

const VIEW_TYPE = 'paperDigest.preview';
const UPDATE_DELAY_MS = 250;


const isMarkdown = (d: vscode.TextDocument) => d.languageId === 'markdown' || d.languageId === 'mdx';

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private version = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private listeners: vscode.Disposable[] = [];
  /** The editor line we last scrolled to on the preview's behalf (not echoed back). */
  private echoLine: number | undefined;
  /** What the page was last given and whether its script said 'ready': read by the e2e suite through the extension's API. */
  private shown: { html: string | undefined; ready: boolean; page?: PageState } = { html: undefined, ready: false };

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: () => LanguageClient | undefined) {}

  get document(): vscode.Uri | undefined { return this.panel ? this.uri : undefined; }

  private get media(): vscode.Uri { return vscode.Uri.joinPath(this.context.extensionUri, 'media'); }

  /** Test hook (the extension's API): the HTML the open preview shows, once its page script has run. */
  renderedHtml(): string | undefined { return this.panel && this.shown.ready ? this.shown.html : undefined; }

  /** Test hook: what the page reported after its last render (view toggles, visible `**`, the outline's place). */
  pageState(): PageState | undefined { return this.panel ? this.shown.page : undefined; }

  /** Switch the open preview between the authored view and "as published" (the page's own toggle, from the command palette). */
  async togglePublished(): Promise<void> {
    // No preview yet: open one, and switch once its page is ready.
    if (!this.panel) { this.toggleWhenReady = true; return this.open(); }
    void this.panel.webview.postMessage({ type: 'view', toggle: 'published' });
  }
  private toggleWhenReady = false;

  async open(uri: vscode.Uri | undefined = vscode.window.activeTextEditor?.document.uri): Promise<void> {
    if (!uri) return;
    const content = await this.request(uri);
    if (!this.panel) this.create(uri, content);
    else this.panel.reveal(undefined, true);
    this.show(uri, content);
  }

  private create(uri: vscode.Uri, initial: PreviewContent | undefined): void {
    const folders = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri);
    const docFolder = vscode.Uri.joinPath(uri, '..');
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Preview: {0}', basename(uri)), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableForms: false,
      // Keeps the page (and its scroll position) while the tab is hidden; setState covers the rest.
      retainContextWhenHidden: true,
      // Local images next to the digest only; nothing remote (the CSP forbids it too).
      localResourceRoots: [docFolder, ...folders, this.media],
    });
    this.panel = panel;
    this.shown = { html: initial?.html, ready: false };
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
    // From the extension's own folder through the webview's resource origin (also in a browser, where
    // the extension has no file system); the nonce lets them in under the same CSP.
    const media = (f: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(this.media, f)).toString();
    panel.webview.html = previewPageHtml({
      nonce: makeNonce(n => globalThis.crypto.getRandomValues(new Uint8Array(n))),
      cspSource: panel.webview.cspSource,
      scriptUri: media('preview.js'),
      cssUri: media('preview.css'),
      strings: pageStrings(undefined, t),
      initial: initial ?? null,
      lang: vscode.env.language,
      baseHref: panel.webview.asWebviewUri(docFolder).toString() + '/',
    });
    this.listeners.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.closed()),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (this.uri && e.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      // New diagnostics without an edit (a setting, profile or glossary changed): the outline and its language follow.
      vscode.languages.onDidChangeDiagnostics(e => { if (this.uri && e.uris.some(u => u.toString() === this.uri!.toString())) this.schedule(); }),
      vscode.window.onDidChangeActiveTextEditor(e => { if (e && isMarkdown(e.document)) void this.follow(e.document.uri); }),
      vscode.window.onDidChangeTextEditorVisibleRanges(e => this.editorScrolled(e)),
      vscode.workspace.onDidCloseTextDocument(d => { if (this.uri && d.uri.toString() === this.uri.toString()) this.version = -1; }),
    );
  }

  private show(uri: vscode.Uri, content: PreviewContent | undefined): void {
    if (!this.panel) return;
    if (uri.toString() !== this.uri?.toString()) this.version = -1;
    this.uri = uri;
    this.panel.title = vscode.l10n.t('Preview: {0}', basename(uri));
    if (content) this.post(content);
  }

  /** Switch to another editor's document only when it is a digest. */
  private async follow(uri: vscode.Uri): Promise<void> {
    if (!this.panel || uri.toString() === this.uri?.toString()) return;
    const content = await this.request(uri);
    if (content?.isDigest) this.show(uri, content);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), UPDATE_DELAY_MS);
  }

  async refresh(): Promise<void> {
    if (!this.panel || !this.uri) return;
    const uri = this.uri;
    const content = await this.request(uri);
    if (content && uri === this.uri) this.post(content);
  }

  private post(content: PreviewContent): void {
    if (content.uri === this.uri?.toString() && content.version < this.version) return;
    this.version = content.version;
    this.shown.html = content.html;
    // The page's own words follow the document's language, also when it changes (setting, profile).
    void this.panel?.webview.postMessage({ type: 'update', content, strings: pageStrings(content.locale, t) });
    if (this.panel && this.uri) this.panel.title = t(content.locale, 'Preview: {0}', basename(this.uri));
  }

  private async request(uri: vscode.Uri): Promise<PreviewContent | undefined> {
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    try {
      return (await client.sendRequest(PreviewRequest, { uri: uri.toString() })) ?? undefined;
    } catch {
      return undefined; // server restarting: the next edit or editor switch tries again
    }
  }

  private editorFor(uri: vscode.Uri): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
  }

  private editorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.panel?.visible || !this.uri || e.textEditor.document.uri.toString() !== this.uri.toString()) return;
    const line = e.visibleRanges[0]?.start.line;
    if (line === undefined) return;
    if (this.echoLine !== undefined && Math.abs(this.echoLine - line) <= 1) { this.echoLine = undefined; return; }
    void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  private async onMessage(raw: unknown): Promise<void> {
    if (!this.uri) return;
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const m = checkPageMessage(raw, doc.lineCount);
    if (!m) return;
    switch (m.type) {
      case 'ready':
        this.shown.ready = true;
        if (this.toggleWhenReady) { this.toggleWhenReady = false; void this.panel?.webview.postMessage({ type: 'view', toggle: 'published' }); }
        return this.refresh();
      case 'shown': { const { type: _type, ...page } = m; this.shown.page = page; return; }
      case 'reveal': {
        const column = this.editorFor(this.uri)?.viewColumn ?? vscode.ViewColumn.One;
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
        const pos = new vscode.Position(m.line, m.character);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'scrolled': {
        const editor = this.editorFor(this.uri);
        if (!editor) return;
        const line = m.line;
        this.echoLine = line;
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'treatAsDigest':
        await vscode.commands.executeCommand(ClientCommands.treatAsDigest, this.uri);
        return this.refresh();
    }
  }

  private closed(): void {
    clearTimeout(this.timer);
    for (const l of this.listeners) l.dispose();
    this.listeners = [];
    this.panel = undefined;
    this.uri = undefined;
    this.version = -1;
  }

  dispose(): void {
    this.panel?.dispose(); // fires onDidDispose → closed()
    this.closed();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/** Registers the preview command; returns the panel so the status bar can open it too. */
export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): PreviewPanel {
  const preview = new PreviewPanel(context, client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand(ClientCommands.openPreview, (uri?: vscode.Uri) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(ClientCommands.togglePublished, () => preview.togglePublished()),
  );
  return preview;
}
