/**
 * Tables of terms as people keep them: GitHub-flavoured Markdown tables (any number in a file)
 * and delimited text (CSV, RFC 4180; TSV). Text in, rows out, each cell with the 1-based line
 * and column it starts at, so every finding can point into the source table.
 */
import type { Nodes, PhrasingContent, Table as MdTable, TableCell as MdCell } from 'mdast';
import { parseMarkdown } from '../../parse';

export interface Cell {
  /** The cell's text: emphasis, code backticks and links stripped, whitespace collapsed. */
  text: string;
  /** Text struck through (`~~…~~`) in the cell: renderings a table marks as no longer used. */
  struck: string[];
  line: number;
  column: number;
}

export interface Row { line: number; column: number; cells: Cell[] }

/** One Markdown table: its header row and its body rows. */
export interface Table { line: number; header: Row; rows: Row[] }

/** A quoted field that never closed: the rest of the file was read into it. */
export interface Unclosed { line: number; column: number }

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The text of inline Markdown, with struck-through parts kept apart. */
function flatten(nodes: PhrasingContent[] | Nodes[], struck: string[], inDelete = false): string {
  let out = '';
  for (const n of nodes as Nodes[]) {
    switch (n.type) {
      case 'text': case 'inlineCode': out += n.value; break;
      case 'break': out += ' '; break;
      // <br> separates renderings in some tables; other inline HTML is markup, not text.
      case 'html': if (/^<br\s*\/?>$/i.test(n.value.trim())) out += ', '; break;
      case 'delete': {
        const inner = flatten(n.children, struck, true);
        if (!inDelete && collapse(inner)) struck.push(collapse(inner));
        break;
      }
      case 'image': out += n.alt ?? ''; break;
      default:
        if ('children' in n) out += flatten(n.children as Nodes[], struck, inDelete);
        else if ('value' in n && typeof n.value === 'string') out += n.value;
    }
  }
  return out;
}

function cellOf(c: MdCell, fallbackLine: number, fallbackColumn: number): Cell {
  const struck: string[] = [];
  const text = collapse(flatten(c.children, struck));
  const first = c.children[0]?.position?.start ?? c.position?.start;
  return { text, struck, line: first?.line ?? fallbackLine, column: first?.column ?? fallbackColumn };
}

/** Every GFM table in a Markdown document, in document order (tables in lists and quotes too). */
export function markdownTables(text: string): Table[] {
  const tables: Table[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'table') { tables.push(tableOf(n)); return; }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(parseMarkdown(text));
  return tables;
}

function tableOf(t: MdTable): Table {
  const rows: Row[] = t.children.map(r => {
    const line = r.position?.start.line ?? 0, column = r.position?.start.column ?? 1;
    return { line, column, cells: r.children.map(c => cellOf(c, line, column)) };
  });
  return { line: rows[0]?.line ?? 0, header: rows[0], rows: rows.slice(1) };
}

/**
 * Records of delimited text: RFC 4180 quoting (a field that starts with `"` runs to the next lone
 * `"`; `""` inside is one quote; it may hold delimiters and line breaks), CRLF or LF line breaks.
 * A `"` inside an unquoted field is an ordinary character, as spreadsheets write it. Blank lines
 * are no records.
 */
export function delimitedRecords(text: string, delimiter: string): { records: Row[]; unclosed?: Unclosed } {
  const records: Row[] = [];
  let unclosed: Unclosed | undefined;
  let line = 1, lineStart = 0, i = 0;
  const n = text.length;
  while (i < n) {
    const recLine = line, recColumn = i - lineStart + 1;
    const cells: Cell[] = [];
    let blank = true;
    for (;;) {
      const fieldLine = line, fieldColumn = i - lineStart + 1;
      let value = '';
      if (text[i] === '"') {
        blank = false;
        i++;
        let closed = false;
        while (i < n) {
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') { value += '"'; i += 2; continue; }
            i++; closed = true; break;
          }
          if (ch === '\n') { line++; lineStart = i + 1; }
          value += ch;
          i++;
        }
        if (!closed) unclosed ??= { line: fieldLine, column: fieldColumn };
        // Anything between the closing quote and the delimiter belongs to the field, as spreadsheets read it.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
        if (value.trim()) blank = false;
      }
      cells.push({ text: collapse(value), struck: [], line: fieldLine, column: fieldColumn });
      if (i < n && text[i] === delimiter) { i++; blank = false; continue; }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++; lineStart = i;
    if (!blank) records.push({ line: recLine, column: recColumn, cells });
  }
  return { records, unclosed };
}
