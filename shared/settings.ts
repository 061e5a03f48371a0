/** The `paperDigest.*` settings and their defaults: one definition for the client, the server and the CLI (package.json's defaults are tested against it). */

export type RunMode = 'onSave' | 'onType';

/** The `paperDigest.*` settings, as the server reads them. */
export interface Settings {
  run: RunMode;
  /** Debounce for onType checking, in milliseconds (0 allowed). */
  onTypeDelay: number;
  /** '' follows the editor's language. */
  locale: '' | 'ko' | 'en';
  /** Globs (relative to a workspace folder) of Markdown files treated as digests. */
  files: string[];
  /** Profile id or path; '' uses the configuration file or the default. */
  profile: string;
  rules: Record<string, unknown>;
  glossaries: string[];
  /** Opt-in cross-file term consistency over the workspace's digests. */
  workspaceTerms: boolean;
  /** Documents bigger than this (KiB of UTF-8) are not checked in the editor: one note says so. */
  maxDocumentKB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  run: 'onSave',
  onTypeDelay: 300,
  locale: '',
  files: ['**/*.digest.md', '**/digests/**/*.md'],
  profile: '',
  rules: {},
  glossaries: [],
  workspaceTerms: false,
  maxDocumentKB: 1024,
};

export const SETTINGS_SECTION = 'paperDigest';
