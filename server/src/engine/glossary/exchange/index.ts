/** Glossaries to and from other tools' formats: term tables in, word lists out. See docs/glossary-exchange.md. */
export { importTermTable, guessFormat, glossaryText, sortTerms, alternatives, isAbbreviationOf, IMPORT_FORMATS } from './import';
export type { ImportFormat, ImportNote, ImportNoteKind, ImportResult } from './import';
export { exportGlossary, valeEntry, hanspellPatterns, wordsOf, compareWords, EXPORT_FORMATS, TSV_HEADER } from './export';
export type { ExportFormat, ExportResult } from './export';
export { detectColumns, roleOf } from './columns';
export type { Columns, Role } from './columns';
export { markdownTables, delimitedRecords } from './table';
export { mergeWithBuiltin } from './merge';
export type { MergeResult } from './merge';
