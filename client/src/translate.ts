import ko from '../../l10n/bundle.l10n.ko.json';

export type ClientLocale = 'ko' | 'en';

/** Client text in a given language, from l10n/bundle.l10n.ko.json (English is the key); no VS Code needed. */
export function translate(locale: ClientLocale, key: string, ...args: (string | number)[]): string {
  const template = locale === 'ko' ? (ko as Record<string, string>)[key] ?? key : key;
  return template.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : all));
}
