/** The preview's outline: built by the engine's renderer, drawn by the preview page (media/preview.js). */

export interface OutlineFinding { rule: string; severity: 'error' | 'warning' | 'information' | 'hint'; message: string; line: number; character: number }
/** A block in the outline's checklist: there, there but empty, a resources block without a link, or not there. */
export type BlockState = 'ok' | 'empty' | 'nolinks' | 'missing';
export interface OutlineBlock { id: string; label: string; required: boolean; state: BlockState; line: number | null }
export interface OutlinePaper { number: string; title: string; line: number; kind: 'paper' | 'overview'; blocks: OutlineBlock[]; findings: OutlineFinding[] }
export interface OutlineSection { number: string; title: string; line: number; papers: OutlinePaper[]; findings: OutlineFinding[] }
/** The preview's side panel: sections → papers → block checklist and findings. */
export interface Outline {
  profile: string;
  sections: OutlineSection[];
  /** Papers outside any section (single-paper profiles, papers before the first section). */
  papers: OutlinePaper[];
  /** Findings outside every section and paper (front matter, intro, TOC). */
  findings: OutlineFinding[];
  counts: { sections: number; papers: number; overviews: number; findings: number };
}
