import * as vscode from 'vscode';
import ko from '../../l10n/bundle.l10n.ko.json';

export type ClientLocale = 'ko' | 'en';

/**
 * Client text in the document's language, the one its findings speak (paperDigest.locale, else its
 * configuration's, else its profile's; the server says which), so a Korean digest in an English
 * VS Code reads Korean in the status bar and the preview too. Without a document, VS Code's own
 * display language (vscode.l10n). Keys and placeholders are those of l10n/bundle.l10n.*.json.
 */
export function t(locale: ClientLocale | undefined, key: string, ...args: (string | number)[]): string {
  if (!locale) return vscode.l10n.t(key, ...args);
  const template = locale === 'ko' ? (ko as Record<string, string>)[key] ?? key : key;
  return template.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : all));
}
