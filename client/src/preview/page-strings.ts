import { translate, type ClientLocale } from '../translate';

const translateOrKey = (locale: ClientLocale | undefined, key: string, ...args: (string | number)[]) => translate(locale ?? 'en', key, ...args);

/** The page's own text (outline headings, counts, toggles) in the document's language. The panel passes its `t`, which uses VS Code's display language when there is none; tests use the bundle alone. */
export function pageStrings(locale?: ClientLocale, t: (locale: ClientLocale | undefined, key: string, ...args: (string | number)[]) => string = translateOrKey): Record<string, string> {
  return {
    outline: t(locale, 'Outline'),
    document: t(locale, 'Document'),
    findings: t(locale, 'Findings'),
    // The page fills in {papers}, {overviews} and {findings}.
    counts: t(locale, '{0} papers · {1} findings', '{papers}', '{findings}'),
    countsWithOverviews: t(locale, '{0} papers, {1} overviews · {2} findings', '{papers}', '{overviews}', '{findings}'),
    overview: t(locale, 'overview'),
    overviewTitle: t(locale, 'An entry that surveys a topic and cites no paper: not counted as a paper.'),
    noSections: t(locale, 'No sections yet'),
    notDigest: t(locale, 'This file is not treated as a digest: no checks, and the outline uses the default profile.'),
    treatAsDigest: t(locale, 'Treat This File as a Digest'),
    ok: t(locale, 'present'),
    missing: t(locale, 'missing'),
    empty: t(locale, 'empty'),
    nolinks: t(locale, 'no links'),
    published: t(locale, 'As published'),
    terms: t(locale, 'Glossary terms'),
  };
}
