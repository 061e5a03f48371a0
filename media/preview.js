// The preview page script (runs in the webview, loaded inline with the page's nonce).
// Renders the outline from data (textContent only, never HTML), applies updates posted by the
// extension, syncs scrolling through data-line attributes and asks the editor to reveal lines.
(function () {
  'use strict';
  /* global acquireVsCodeApi */
  var vscode = typeof acquireVsCodeApi === 'function'
    ? acquireVsCodeApi()
    : { postMessage: function () {}, getState: function () { return undefined; }, setState: function () {} };
  var defaults = {
    outline: 'Outline', document: 'Document', findings: 'Findings', noSections: 'No sections yet',
    notDigest: 'This file is not treated as a digest: no checks, and the outline uses the default profile.',
    treatAsDigest: 'Treat This File as a Digest', counts: '{papers} papers · {findings} findings', countsWithOverviews: '{papers} papers, {overviews} overviews · {findings} findings', overview: 'overview', overviewTitle: 'An entry that surveys a topic and cites no paper: not counted as a paper.', ok: 'present', missing: 'missing', empty: 'empty', nolinks: 'no links', noFindings: 'No findings',
    published: 'As published', terms: 'Glossary terms',
  };
  var strings = Object.assign({}, defaults, safeJson(document.body.getAttribute('data-strings')) || {});
  var content = document.getElementById('pd-content');
  var outline = document.getElementById('pd-outline');
  var banner = document.getElementById('pd-banner');
  var state = vscode.getState() || {};
  var shown = { uri: '', version: -1 };
  // Where our own last scroll went: a scroll event that ends there is ours, not the user's.
  // (A flag would swallow the user's next scroll when the browser coalesces or skips our event.)
  var programmaticY = null;
  /** Open/closed outline groups the user toggled, kept across updates (the outline is rebuilt each time). */
  var folds = {};
  /** View toggles, kept in the webview state: "as published" (CommonMark's rendering) and glossary marks (off by default). */
  var view = { published: !!state.published, terms: !!state.terms, open: !!state.open };
  var last = null;

  function safeJson(s) { try { return JSON.parse(s || 'null'); } catch (e) { return null; } }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function goto(label, line, character, cls) {
    var b = el('button', 'pd-goto' + (cls ? ' ' + cls : ''), label);
    b.type = 'button';
    b.setAttribute('data-goto', String(line));
    b.setAttribute('data-character', String(character || 0));
    return b;
  }

  function foldable(cls, key, openByDefault) {
    var d = el('details', cls);
    d.open = Object.prototype.hasOwnProperty.call(folds, key) ? folds[key] : openByDefault;
    d.addEventListener('toggle', function () { folds[key] = d.open; });
    return d;
  }

  function findingItem(f) {
    var li = el('li', 'pd-finding pd-sev-' + f.severity);
    var b = goto(f.message, f.line, f.character);
    b.title = f.rule + ' · ' + (f.line + 1) + ':' + (f.character + 1);
    b.prepend(el('span', 'pd-rule', f.rule));
    li.appendChild(b);
    return li;
  }

  /**
   * Findings grouped by rule, in the order each rule first appears: one finding is shown as it is,
   * several of one rule fold under "rule (n)" (closed until opened; kept open across updates).
   */
  function findingList(findings, scope) {
    var ul = el('ul', 'pd-findings');
    var groups = [];
    var byRule = {};
    findings.forEach(function (f) {
      if (!byRule[f.rule]) { byRule[f.rule] = []; groups.push(byRule[f.rule]); }
      byRule[f.rule].push(f);
    });
    groups.forEach(function (g) {
      if (g.length === 1) { ul.appendChild(findingItem(g[0])); return; }
      var li = el('li', 'pd-finding-group pd-sev-' + g[0].severity);
      var d = foldable('pd-group', 'group:' + (scope || '') + ':' + g[0].rule, false);
      d.appendChild(el('summary', 'pd-group-title', g[0].rule + ' (' + g.length + ')'));
      var inner = el('ul', 'pd-findings');
      g.forEach(function (f) { inner.appendChild(findingItem(f)); });
      d.appendChild(inner);
      li.appendChild(d);
      ul.appendChild(li);
    });
    return ul;
  }

  function paperItem(p) {
    var li = el('li', 'pd-paper');
    var head = goto((p.number ? p.number + '. ' : '') + p.title, p.line, 0, 'pd-paper-title');
    li.appendChild(head);
    if (p.kind === 'overview') {
      // A topic survey, not a paper: named so, and not in the paper count.
      li.classList.add('pd-overview');
      var tag = el('span', 'pd-kind', strings.overview);
      tag.title = strings.overviewTitle;
      li.appendChild(tag);
    }
    var list = el('ul', 'pd-checklist');
    p.blocks.forEach(function (b) {
      var item = el('li', 'pd-block pd-' + b.state + (b.required ? '' : ' pd-optional'));
      // Four states that look different: present, empty (a label with nothing under it), a resources block without a link, missing.
      var mark = b.state === 'ok' ? '✓' : b.state === 'empty' ? '○' : b.state === 'nolinks' ? '⚠' : '✗';
      var label = mark + ' ' + b.label;
      item.title = b.label + ': ' + strings[b.state];
      if (b.line !== null) item.appendChild(goto(label, b.line, 0));
      else item.appendChild(el('span', 'pd-missing-label', label));
      list.appendChild(item);
    });
    li.appendChild(list);
    if (p.findings.length) li.appendChild(findingList(p.findings, 'paper:' + p.number));
    return li;
  }

  function renderOutline(o) {
    var keepScroll = outline.scrollTop;
    outline.replaceChildren();
    if (!o) return;
    var title = el('h2', 'pd-outline-title', strings.outline);
    // On a narrow preview the outline is a bar; its title opens and closes it (kept in the state).
    title.addEventListener('click', function () { view.open = !view.open; outline.classList.toggle('pd-open', view.open); save(); });
    outline.classList.toggle('pd-open', !!view.open);
    outline.appendChild(title);
    outline.appendChild(toolbar());
    var counts = el('p', 'pd-counts', (o.counts.overviews ? strings.countsWithOverviews : strings.counts)
      .replace('{papers}', o.counts.papers).replace('{overviews}', o.counts.overviews).replace('{findings}', o.counts.findings));
    outline.appendChild(counts);
    if (o.findings.length) {
      // Findings outside any paper (intro, TOC, front matter): folded when there are many.
      var doc = foldable('pd-doc', 'document', o.findings.length <= 5);
      doc.appendChild(el('summary', 'pd-doc-title', strings.document + ' (' + o.findings.length + ')'));
      doc.appendChild(findingList(o.findings, 'document'));
      outline.appendChild(doc);
    }
    if (o.papers.length) {
      var loose = el('ul', 'pd-papers');
      o.papers.forEach(function (p) { loose.appendChild(paperItem(p)); });
      outline.appendChild(loose);
    }
    if (!o.sections.length && !o.papers.length) outline.appendChild(el('p', 'pd-empty', strings.noSections));
    o.sections.forEach(function (s) {
      var d = foldable('pd-section', 'section:' + s.number + ' ' + s.title, true);
      var sum = el('summary');
      sum.appendChild(goto(s.number + '. ' + s.title, s.line, 0, 'pd-section-title'));
      d.appendChild(sum);
      if (s.findings.length) d.appendChild(findingList(s.findings, 'section:' + s.number));
      var ul = el('ul', 'pd-papers');
      s.papers.forEach(function (p) { ul.appendChild(paperItem(p)); });
      d.appendChild(ul);
      outline.appendChild(d);
    });
    outline.scrollTop = keepScroll;
  }

  /** Two toggles: the document as CommonMark sites show it, and the glossary marks. */
  function toolbar() {
    var bar = el('div', 'pd-toolbar');
    [['published', strings.published], ['terms', strings.terms]].forEach(function (t) {
      var b = el('button', 'pd-toggle pd-toggle-' + t[0], t[1]);
      b.type = 'button';
      b.setAttribute('aria-pressed', String(view[t[0]]));
      b.addEventListener('click', function () {
        view[t[0]] = !view[t[0]];
        if (last) showContent(last);
        b.setAttribute('aria-pressed', String(view[t[0]]));
        save();
        report();
      });
      bar.appendChild(b);
    });
    return bar;
  }

  function showContent(data) {
    // Sanitised on the server (rehype-sanitize); the CSP also forbids any script without the nonce.
    content.innerHTML = view.published && data.publishedHtml ? data.publishedHtml : data.html;
    document.body.classList.toggle('pd-published', view.published);
    document.body.classList.toggle('pd-show-terms', view.terms && !view.published);
  }

  function renderBanner(data) {
    banner.replaceChildren();
    banner.hidden = !data || data.isDigest;
    if (banner.hidden) return;
    banner.appendChild(el('span', '', strings.notDigest + ' '));
    var b = el('button', 'pd-treat', strings.treatAsDigest);
    b.type = 'button';
    b.addEventListener('click', function () { vscode.postMessage({ type: 'treatAsDigest', uri: shown.uri }); });
    banner.appendChild(b);
  }

  function apply(data) {
    if (!data) return;
    var sameDoc = data.uri === shown.uri;
    if (sameDoc && data.version < shown.version) return;
    var keep = window.scrollY;
    last = data;
    showContent(data);
    renderOutline(data.outline);
    renderBanner(data);
    shown = { uri: data.uri, version: data.version };
    document.body.setAttribute('data-uri', data.uri);
    document.body.setAttribute('data-version', String(data.version));
    if (sameDoc) scrollWindow(keep);
    else if (state.uri === data.uri && typeof state.line === 'number') scrollToLine(state.line);
    else scrollWindow(0);
    save();
    report();
  }

  /** Tell the extension what is on screen (its e2e suite reads it): the view toggles, the `**` left visible, the outline's place. */
  function report() {
    var o = outline.getBoundingClientRect(), c = content.getBoundingClientRect();
    var place = o.width === 0 || o.height === 0 ? 'hidden' : o.left >= c.right - 1 || o.right <= c.left + 1 ? 'beside' : 'bar';
    vscode.postMessage({ type: 'shown', published: view.published, terms: view.terms, asterisks: (content.textContent.match(/\*\*/g) || []).length, outline: place });
  }
  var resizeTimer;
  window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(report, 150); });

  function save() { vscode.setState({ uri: shown.uri, line: topLine(), published: view.published, terms: view.terms, open: view.open }); }

  function lineElements() {
    return Array.prototype.slice.call(content.querySelectorAll('[data-line]'));
  }
  function top(e) { return e.getBoundingClientRect().top + window.scrollY; }

  /** The source line at the top of the view, with a fraction between two blocks. */
  function topLine() {
    var els = lineElements();
    var y = window.scrollY;
    for (var i = 0; i < els.length; i++) {
      var t = top(els[i]);
      if (t + els[i].offsetHeight > y) {
        var line = Number(els[i].getAttribute('data-line'));
        var next = els[i + 1];
        if (t < y && next) {
          var nl = Number(next.getAttribute('data-line'));
          return line + (nl - line) * Math.min(1, (y - t) / Math.max(1, top(next) - t));
        }
        return line;
      }
    }
    return 0;
  }

  function scrollWindow(y) {
    // Only a real move fires a scroll event; that event is ours, not the user's, so it is not echoed.
    y = Math.max(0, Math.min(y, document.documentElement.scrollHeight - window.innerHeight));
    if (Math.abs(window.scrollY - y) > 1) programmaticY = y;
    window.scrollTo(0, y);
  }

  /** Scrolls so that the block holding source `line` is at the top (interpolated between blocks). */
  function scrollToLine(line) {
    var els = lineElements();
    var before = null, after = null;
    for (var i = 0; i < els.length; i++) {
      var l = Number(els[i].getAttribute('data-line'));
      if (l <= line) before = els[i];
      else { after = els[i]; break; }
    }
    if (!before) { scrollWindow(0); return; }
    var bl = Number(before.getAttribute('data-line'));
    var y = top(before);
    if (after) {
      var al = Number(after.getAttribute('data-line'));
      y += (top(after) - y) * ((line - bl) / Math.max(1, al - bl));
    }
    scrollWindow(Math.max(0, y - 4));
  }

  // The line the editor last asked for: kept in view while the layout still moves (late fonts,
  // images), until the user scrolls the preview themselves.
  var anchorLine = null;
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(function () { if (anchorLine !== null) scrollToLine(anchorLine); }).observe(content);
  }

  var pending = false;
  window.addEventListener('scroll', function () {
    var ours = programmaticY !== null && Math.abs(window.scrollY - programmaticY) <= 1;
    programmaticY = null;
    if (ours) { save(); return; }
    anchorLine = null;
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      var line = topLine();
      save();
      vscode.postMessage({ type: 'scrolled', line: line });
    });
  }, { passive: true });

  outline.addEventListener('click', function (e) {
    var b = e.target.closest('[data-goto]');
    if (!b) return;
    var line = Number(b.getAttribute('data-goto'));
    vscode.postMessage({ type: 'reveal', line: line, character: Number(b.getAttribute('data-character')) || 0 });
    scrollToLine(line);
  });
  content.addEventListener('dblclick', function (e) {
    var b = e.target.closest('[data-line]');
    if (b) vscode.postMessage({ type: 'reveal', line: Number(b.getAttribute('data-line')), character: 0 });
  });

  window.addEventListener('message', function (e) {
    var m = e.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') {
      // The extension sends the page's words with each update: they follow the document's language.
      if (m.strings && typeof m.strings === 'object') strings = Object.assign({}, defaults, m.strings);
      apply(m.content);
    }
    else if (m.type === 'scroll' && typeof m.line === 'number') { anchorLine = m.line; scrollToLine(m.line); }
    else if (m.type === 'view' && (m.toggle === 'published' || m.toggle === 'terms')) {
      // The command palette's toggle: the same as clicking the button.
      var b = document.querySelector('.pd-toggle-' + m.toggle);
      if (b) b.click();
    }
  });

  var initial = safeJson(document.getElementById('pd-initial').textContent);
  if (initial) apply(initial);
  vscode.postMessage({ type: 'ready' });
})();
