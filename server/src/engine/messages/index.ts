import type { Locale } from '../types';
import enStructure from './en/structure.json';
import koStructure from './ko/structure.json';
import enCommon from './en/common.json';
import koCommon from './ko/common.json';

/**
 * Message catalogues, one file per area and locale (messages/<locale>/<area>.json), merged here.
 * Ids are "<rule-id>/<message>" for rules; placeholders are {name}.
 */
const catalogues: Record<Locale, Record<string, string>> = {
  en: { ...enCommon, ...enStructure },
  ko: { ...koCommon, ...koStructure },
};

export function addMessages(locale: Locale, messages: Record<string, string>): void {
  Object.assign(catalogues[locale], messages);
}

export function hasMessage(id: string): boolean { return id in catalogues.en; }

export function message(locale: Locale, id: string, data: Record<string, unknown> = {}): string {
  const template = catalogues[locale][id] ?? catalogues.en[id];
  if (template === undefined) return id;
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in data ? String(data[k]) : all));
}

export function normaliseLocale(s: string | undefined): Locale {
  return s && s.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
