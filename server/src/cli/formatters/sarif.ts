import * as path from 'path';
import { pathToFileURL } from 'url';
import { rules, RULE_DOCS_BASE, type Finding, type LineIndex, type Severity, type Span } from '../../engine';
import type { FileReport, FormatOptions } from './report';

/** SARIF has four levels; information and hint both become "note". */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** SARIF regions are 1-based; columns count UTF-16 code units here (run.columnKind says so), as in LSP. */
function region(index: LineIndex, span: Span) {
  const r = index.range(span);
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** A path as a relative URI reference: each segment percent-encoded (Korean file names included). */
const toUri = (p: string) => p.split('/').map(s => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');

/**
 * Where a file is, for SARIF: relative to the root (%SRCROOT%: the working folder or
 * --sarif-root) when it is inside it, so code scanning can match it to the repository; an
 * absolute file: URI, with no uriBaseId, when it is not (a relative URI would need "..").
 */
export function artifactLocationFor(displayPath: string, cwd: string, root: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, displayPath);
  const rel = path.relative(root, abs);
  if (rel && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)) return { uri: toUri(rel.split(path.sep).join('/')), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(abs).href };
}

/**
 * SARIF 2.1.0 (OASIS): one run; tool.driver.rules lists every rule with its help page; each
 * result has its location and, for fixable findings, fixes as artifactChanges. Suitable for
 * GitHub code scanning (upload-sarif) and other SARIF viewers.
 */
export function formatSarif(files: FileReport[], opts: FormatOptions): string {
  const ruleIds = rules.map(r => r.id);
  const driverRules = rules.map(r => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description[opts.locale] ?? r.description.en },
    helpUri: `${RULE_DOCS_BASE}${r.id}.md`,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: [r.category], fixable: r.fixable },
  }));
  const results: object[] = [];
  const root = path.resolve(opts.cwd, opts.sarifRoot ?? '.');
  for (const f of files) {
    const artifactLocation = artifactLocationFor(f.path, opts.cwd, root);
    f.findings.forEach((finding, i) => {
      let ruleIndex = ruleIds.indexOf(finding.rule);
      if (ruleIndex < 0) {
        ruleIds.push(finding.rule);
        driverRules.push({ id: finding.rule, name: finding.rule, shortDescription: { text: finding.rule }, helpUri: `${RULE_DOCS_BASE}${finding.rule}.md`, defaultConfiguration: { level: 'warning' }, properties: { tags: [], fixable: false } } as never);
        ruleIndex = ruleIds.length - 1;
      }
      const severity = f.diagnostics[i]?.severity ?? finding.severity;
      results.push({
        ruleId: finding.rule,
        ruleIndex,
        level: LEVEL[severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(f.lineIndex, finding.span) } }],
        ...(finding.related.length ? {
          relatedLocations: finding.related.map((r, id) => ({
            id, message: { text: r.message }, physicalLocation: { artifactLocation, region: region(f.lineIndex, r.span) },
          })),
        } : {}),
        ...(finding.fixes.length ? { fixes: fixes(finding, f.lineIndex, artifactLocation) } : {}),
        properties: { severity },
      });
    });
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'paper-digest', version: opts.version, semanticVersion: semver(opts.version), informationUri: RULE_DOCS_BASE.replace(/docs\/rules\/$/, ''), rules: driverRules } },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function fixes(finding: Finding, index: LineIndex, artifactLocation: object) {
  return finding.fixes.filter(x => x.edits.length).map(fix => ({
    description: { text: fix.title },
    artifactChanges: [{
      artifactLocation,
      replacements: fix.edits.map(e => ({ deletedRegion: region(index, e), insertedContent: { text: e.text } })),
    }],
    properties: { safe: fix.safe },
  }));
}

/** "dev" builds have no version; SARIF wants a semantic version string when one is given. */
const semver = (v: string) => (/^\d+\.\d+\.\d+/.test(v) ? v : '0.0.0-dev');
