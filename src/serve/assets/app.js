// geokg serve: the page. Every string from the database is put in the page
// with textContent or as a Cytoscape label, never as markup.
'use strict';

const state = {
  info: null,
  dates: [],        // every day from the first to the last article, ISO
  nodes: new Map(), // key -> node data
  center: null,     // key of the entity searched
  more: null,       // {name, depth, offset, total} when a part is left
};

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(endpoint, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const res = await fetch('/api/' + endpoint + '?' + q.toString());
  const body = await res.json();
  if (!res.ok) {
    const err = new Error(body.error || res.statusText);
    err.body = body;
    throw err;
  }
  return body;
}

function status(text) { $('status').textContent = text; }

function showError(err) {
  const box = $('details');
  box.replaceChildren(el('p', { class: 'error', text: err.message }));
  const names = (err.body && (err.body.suggestions || err.body.candidates)) || [];
  if (names.length) {
    box.append(el('p', { text: err.body.suggestions ? 'Did you mean:' : 'Candidates:' }));
    const ul = el('ul', { class: 'plain' });
    for (const n of names) {
      const name = n.replace(/ \(.*$/, '');
      ul.append(el('li', {}, el('a', { href: '#', text: n, onclick: (e) => { e.preventDefault(); $('search').value = name; load(name); } })));
    }
    box.append(ul);
  }
  status('');
}

// --- the graph ---------------------------------------------------------

let cy = null;

async function init() {
  const [info, sheet] = await Promise.all([api('info'), api('style')]);
  state.info = info;
  cy = cytoscape({
    container: $('cy'),
    style: sheet,
    wheelSensitivity: 0.3,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    minZoom: 0.05,
    maxZoom: 4,
  });
  window.geokgCy = cy;
  cy.on('tap', 'node', (e) => showCard(e.target.id()));
  cy.on('tap', 'edge', (e) => showEvidence(e.target.data()));
  buildFilters(sheet);
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('q')) {
    $('search').value = hash.get('q');
    if (hash.get('depth')) $('depth').value = hash.get('depth');
    load(hash.get('q')).then(() => {
      // A linked edge (`#q=…&edge=SOURCE|TYPE|TARGET`) opens its evidence.
      const edge = hash.get('edge') && cy.getElementById(hash.get('edge'));
      if (edge && edge.length) showEvidence(edge.data());
    });
  } else {
    status(info.entities + ' entities, ' + info.edges + ' edges from ' + info.articles + ' articles');
  }
}

function buildFilters(sheet) {
  const colour = (selector, prop) => {
    const r = sheet.find((r) => r.selector === selector);
    return r ? r.style[prop] : '#999';
  };
  for (const k of state.info.kinds) {
    $('kinds').append(el('label', {},
      el('input', { type: 'checkbox', checked: '', 'data-kind': k, onchange: applyFilters }),
      el('span', { class: 'node-swatch', style: 'background:' + colour('node[kind = "' + k + '"]', 'background-color') }),
      k));
  }
  for (const t of state.info.edge_types) {
    $('types').append(el('label', {},
      el('input', { type: 'checkbox', checked: '', 'data-type': t, onchange: applyFilters }),
      el('span', { class: 'swatch', style: 'background:' + colour('edge[type = "' + t + '"]', 'line-color') }),
      t));
  }
  $('hide-represents').addEventListener('change', applyFilters);
  $('min-articles').addEventListener('input', applyFilters);
  // The date sliders run over every day from the first article to the last.
  if (state.info.first_date && state.info.last_date) {
    const first = new Date(state.info.first_date + 'T00:00:00Z');
    const last = new Date(state.info.last_date + 'T00:00:00Z');
    for (let d = first; d <= last; d = new Date(d.getTime() + 86400000)) {
      state.dates.push(d.toISOString().slice(0, 10));
    }
  }
  const max = Math.max(0, state.dates.length - 1);
  for (const id of ['since', 'asof']) {
    $(id).max = String(max);
    $(id).addEventListener('input', applyFilters);
  }
  $('asof').value = String(max);
  $('since').value = '0';
  updateDateLabels();
}

function updateDateLabels() {
  $('since-label').textContent = state.dates[+$('since').value] || '';
  $('asof-label').textContent = state.dates[+$('asof').value] || '';
}

/// Hides what the filters leave out; nothing is fetched again.
function applyFilters() {
  if (!cy) return;
  updateDateLabels();
  const kinds = new Set([...document.querySelectorAll('[data-kind]')].filter((c) => c.checked).map((c) => c.dataset.kind));
  const types = new Set([...document.querySelectorAll('[data-type]')].filter((c) => c.checked).map((c) => c.dataset.type));
  if ($('hide-represents').checked) types.delete('represents');
  const min = +$('min-articles').value || 0;
  const since = state.dates[+$('since').value];
  const asof = state.dates[+$('asof').value];
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      const keep = n.id() === state.center || (kinds.has(d.kind) && d.articles >= min);
      n.style('display', keep ? 'element' : 'none');
    });
    cy.edges().forEach((e) => {
      const d = e.data();
      // As of a date, an edge exists once its first article is out; from a
      // date, while its last one is not older.
      const inDates = (!asof || !d.first_seen || d.first_seen <= asof) && (!since || !d.last_seen || d.last_seen >= since);
      const ends = e.source().style('display') !== 'none' && e.target().style('display') !== 'none';
      e.style('display', types.has(d.type) && inDates && ends ? 'element' : 'none');
    });
  });
  const shown = cy.elements().filter((x) => x.style('display') !== 'none');
  status(shown.nodes().length + ' nodes, ' + shown.edges().length + ' edges on screen');
}

function toElements(answer) {
  const out = [];
  for (const n of answer.nodes) {
    if (cy.getElementById(n.key).length) continue;
    state.nodes.set(n.key, n);
    out.push({ group: 'nodes', data: { id: n.key, name: n.name, kind: n.kind, articles: n.articles, distance: n.distance } });
  }
  for (const e of answer.edges) {
    if (cy.getElementById(e.id).length) continue;
    out.push({ group: 'edges', data: e });
  }
  return out;
}

function layout(fit) {
  const n = cy.nodes().length;
  // A force layout reads well up to a few hundred nodes; past that rings by
  // distance and article count keep the page responsive.
  const opts = n <= 300
    ? { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeOverlap: 40, gravity: 0.3, numIter: 1500, padding: 20, fit }
    : { name: 'concentric', animate: false, fit, minNodeSpacing: 6,
        concentric: (node) => node.id() === state.center ? 1e9 : -(node.data('distance') * 1e6) + node.data('articles'),
        levelWidth: () => Math.max(1, Math.ceil(Math.sqrt(n))) };
  const l = cy.layout(opts);
  // A handful of nodes fitted to the screen would be drawn huge.
  l.one('layoutstop', () => { if (fit && cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); } });
  l.run();
}

async function load(name) {
  hideSuggestions();
  status('loading ' + name + ' …');
  const depth = $('depth').value;
  let answer;
  try {
    answer = await api('neighbors', { name, depth, limit: 500 });
  } catch (err) { showError(err); return; }
  cy.elements().remove();
  state.nodes.clear();
  state.center = answer.center.key;
  history.replaceState(null, '', '#q=' + encodeURIComponent(answer.center.name) + '&depth=' + depth);
  cy.add(toElements(answer));
  cy.getElementById(state.center).addClass('center');
  setMore(answer, name, depth);
  layout(true);
  applyFilters();
  await showCard(state.center);
}

function setMore(answer, name, depth) {
  const shown = answer.offset + answer.nodes.length - (answer.offset === 0 ? 1 : 0);
  if (answer.more) {
    state.more = { name, depth, offset: shown, total: answer.total };
    $('more-text').textContent = 'Showing the ' + shown + ' neighbours with most articles of ' + answer.total + '.';
    $('more-box').hidden = false;
  } else {
    state.more = null;
    $('more-box').hidden = true;
  }
}

async function loadMore() {
  const m = state.more;
  if (!m) return;
  status('loading more …');
  try {
    const answer = await api('neighbors', { name: m.name, depth: m.depth, limit: 500, offset: m.offset });
    cy.add(toElements(answer));
    setMore(answer, m.name, m.depth);
    layout(false);
    applyFilters();
  } catch (err) { showError(err); }
}

async function expand(key) {
  status('expanding …');
  try {
    const answer = await api('neighbors', { name: key, depth: 1, limit: 500 });
    const added = cy.add(toElements(answer));
    const at = cy.getElementById(key).position();
    added.nodes().forEach((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, added.nodes().length);
      n.position({ x: at.x + 160 * Math.cos(a), y: at.y + 160 * Math.sin(a) });
    });
    applyFilters();
    if (answer.more) status('expanded: the ' + (answer.nodes.length - 1) + ' of ' + answer.total + ' neighbours with most articles');
  } catch (err) { showError(err); }
}

// --- the card and the evidence ----------------------------------------

function dated(start, end) {
  if (!start && !end) return '';
  return ' (' + (start || '…') + ' – ' + (end || 'now') + ')';
}

async function showCard(key) {
  const box = $('details');
  let c;
  try { c = await api('entity', { name: key }); } catch (err) { showError(err); return; }
  const node = cy.getElementById(key);
  cy.elements().unselect();
  node.select();
  const dl = el('dl', {},
    el('dt', { text: 'kind' }), el('dd', { text: c.kind }),
    el('dt', { text: 'id' }), el('dd', { text: c.key }),
    el('dt', { text: 'articles' }), el('dd', { text: String(c.articles) }),
    el('dt', { text: 'neighbours' }), el('dd', { text: String(c.neighbours) }));
  const card = el('div', { class: 'card', 'data-key': c.key }, el('h2', { text: c.name }), dl);
  if (c.aliases.length) {
    card.append(el('h3', { text: 'Also called' }), el('p', { class: 'aliases', text: c.aliases.join(', ') }));
  }
  const list = (title, items, line) => {
    if (!items.length) return;
    card.append(el('h3', { text: title }), el('ul', { class: 'plain' }, ...items.map((i) => el('li', { text: line(i) }))));
  };
  list('Offices', c.offices, (o) => o.role + ', ' + o.of + dated(o.start, o.end));
  list('Members', c.members, (m) => m.name + dated(m.joined, m.left));
  list('Member of', c.member_of, (m) => m.name + dated(m.joined, m.left));
  card.append(el('p', {},
    el('button', { type: 'button', id: 'expand', text: 'Expand neighbours', onclick: () => expand(c.key) }), ' ',
    el('button', { type: 'button', text: 'Centre here', onclick: () => { $('search').value = c.name; load(c.key); } }), ' ',
    el('button', { type: 'button', text: 'Path from here', onclick: () => { $('path-from').value = c.name; $('path-to').focus(); } })));
  box.replaceChildren(card);
}

function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

function evidenceItem(ev) {
  const head = el('div', { class: 'meta' });
  const url = safeUrl(ev.url);
  head.append(el('strong', { class: 'title', text: ev.title || ev.article }));
  head.append(' · ' + (ev.date || 'undated'));
  if (url) head.append(' · ', el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: url }));
  const sentence = el('p', { class: 'sentence' }, ev.before, el('mark', { text: ev.span }), ev.after);
  const facts = [
    'confidence ' + ev.confidence.toFixed(2),
    ev.rule ? 'rule ' + ev.rule : null,
    ev.via ? 'resolved via ' + ev.via : null,
    ev.role ? 'office ' + ev.role : null,
    ev.headline ? 'from the headline' : null,
  ].filter(Boolean).join(' · ');
  const item = el('div', { class: 'evidence' }, head, sentence, el('div', { class: 'meta', text: facts }));
  for (const [flag, text] of [[ev.negated, 'negated'], [ev.hypothetical, 'hypothetical'], [ev.rejected, 'rejected by a correction']]) {
    if (flag) item.append(el('div', { class: 'flag', text }));
  }
  return item;
}

function period() {
  const since = +$('since').value > 0 ? state.dates[+$('since').value] : '';
  const last = state.dates.length - 1;
  const asof = +$('asof').value < last ? state.dates[+$('asof').value] : '';
  return { since, as_of: asof };
}

async function showEvidence(d) {
  const box = $('details');
  const s = state.nodes.get(d.source), t = state.nodes.get(d.target);
  let x;
  try { x = await api('explain', { source: d.source, type: d.type, target: d.target, ...period() }); } catch (err) { showError(err); return; }
  cy.elements().unselect();
  cy.getElementById(d.id).select();
  const title = el('h2', { class: 'edge-title', text: (s ? s.name : d.source) + ' ' + d.type + ' ' + (t ? t.name : d.target) });
  const summary = el('p', { class: 'meta', text: d.count + ' article' + (d.count === 1 ? '' : 's') + ', ' + (d.first_seen || '?') + ' to ' + (d.last_seen || '?') });
  box.replaceChildren(el('div', { class: 'edge-evidence' }, title, summary, ...x.evidence.map(evidenceItem)));
}

// --- path mode ---------------------------------------------------------

async function findPath(ev) {
  ev.preventDefault();
  const from = $('path-from').value.trim(), to = $('path-to').value.trim();
  if (!from || !to) return;
  status('finding paths …');
  let p;
  try { p = await api('path', { from, to, ...period() }); } catch (err) { showError(err); return; }
  const box = $('details');
  const head = el('h2', { text: 'Paths from ' + p.from.name + ' to ' + p.to.name });
  if (!p.paths.length) {
    box.replaceChildren(head, el('p', { text: 'No path within ' + p.max_hops + ' hops.' }));
    status('');
    return;
  }
  cy.elements().remove();
  state.nodes.clear();
  state.center = p.from.key;
  state.more = null;
  $('more-box').hidden = true;
  const nodes = new Map(), edges = new Map();
  const items = [];
  p.paths.forEach((path, i) => {
    const ol = el('ol', { class: 'plain' });
    for (const hop of path) {
      for (const end of [hop.from, hop.to]) nodes.set(end.key, { key: end.key, name: end.name, kind: end.kind, distance: 0, articles: 0 });
      for (const e of hop.edges) {
        const [s, t] = e.direction === '<-' ? [hop.to, hop.from] : [hop.from, hop.to];
        const id = s.key + '|' + e.type + '|' + t.key;
        edges.set(id, { id, source: s.key, target: t.key, type: e.type, count: e.count, first_seen: e.first_seen, last_seen: e.last_seen, width: 2 + Math.log2(Math.max(1, e.count)) });
        const li = el('li', {}, hop.from.name + ' ' + e.direction + ' ' + e.type + ' ' + e.direction + ' ' + hop.to.name);
        if (e.evidence) li.append(el('div', { class: 'meta', text: '“' + e.evidence.text + '” (' + e.evidence.article + ')' }));
        ol.append(li);
      }
    }
    items.push(el('h3', { text: 'Path ' + (i + 1) }), ol);
  });
  cy.add(toElements({ nodes: [...nodes.values()], edges: [...edges.values()] }));
  cy.layout({ name: 'breadthfirst', roots: [cy.getElementById(p.from.key)], animate: false, fit: true, spacingFactor: 1.2 }).run();
  applyFilters();
  box.replaceChildren(head, el('p', { class: 'meta', text: p.paths.length + ' shortest path(s) of ' + p.hops + ' hops' + (p.truncated ? ' (more exist)' : '') }), ...items);
}

// --- search with suggestions ------------------------------------------

let suggestTimer = null;
let lastQuery = '';

function hideSuggestions() { $('suggestions').hidden = true; }

async function suggest() {
  const q = $('search').value.trim();
  if (q === lastQuery) return;
  lastQuery = q;
  if (q.length < 2) { hideSuggestions(); return; }
  let r;
  try { r = await api('entities', { q, limit: 12 }); } catch (_) { return; }
  if ($('search').value.trim() !== q) return;
  const ul = $('suggestions');
  ul.replaceChildren();
  for (const e of r.entities) {
    ul.append(el('li', { 'data-key': e.key, onmousedown: () => { $('search').value = e.name; load(e.key); } },
      e.name, ' ', el('span', { class: 'meta', text: e.kind + ', ' + e.articles + ' articles' })));
  }
  for (const name of r.suggestions) {
    ul.append(el('li', { onmousedown: () => { $('search').value = name; load(name); } },
      el('span', { class: 'meta', text: 'did you mean ' }), name));
  }
  ul.hidden = ul.children.length === 0;
}

// --- export ------------------------------------------------------------

function download(name, blob) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function visible() {
  return cy.elements().filter((x) => x.style('display') !== 'none');
}

function xmlText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/// The drawing on screen as SVG: the nodes where they are, in their kind's
/// fill, the edges as straight lines in their type's colour.
function toSvg() {
  const els = visible();
  const bb = els.boundingBox();
  const pad = 20;
  const parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + Math.ceil(bb.w + 2 * pad) + '" height="' + Math.ceil(bb.h + 2 * pad) +
    '" viewBox="' + (bb.x1 - pad) + ' ' + (bb.y1 - pad) + ' ' + (bb.w + 2 * pad) + ' ' + (bb.h + 2 * pad) + '" font-family="sans-serif">'];
  els.edges().forEach((e) => {
    const s = e.source().position(), t = e.target().position();
    const dash = { dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="2 3"' }[e.style('line-style')] || '';
    parts.push('<line x1="' + s.x + '" y1="' + s.y + '" x2="' + t.x + '" y2="' + t.y + '" stroke="' + xmlText(e.style('line-color')) +
      '" stroke-width="' + parseFloat(e.style('width')) + '"' + dash + '><title>' + xmlText(e.data('source') + ' ' + e.data('type') + ' ' + e.data('target')) + '</title></line>');
  });
  els.nodes().forEach((n) => {
    const p = n.position(), w = n.width(), h = n.height();
    const fill = xmlText(n.style('background-color'));
    const shape = n.style('shape') === 'ellipse'
      ? '<ellipse cx="' + p.x + '" cy="' + p.y + '" rx="' + w / 2 + '" ry="' + h / 2 + '"'
      : '<rect x="' + (p.x - w / 2) + '" y="' + (p.y - h / 2) + '" width="' + w + '" height="' + h + '"';
    parts.push('<g>' + shape + ' fill="' + fill + '" stroke="#374151"/><text x="' + p.x + '" y="' + (p.y + 4) +
      '" font-size="11" text-anchor="middle">' + xmlText(n.data('name')) + '</text></g>');
  });
  parts.push('</svg>');
  return parts.join('\n');
}

async function exportAs(format) {
  if (!cy || cy.nodes().length === 0) return;
  if (format === 'png') {
    download('geokg.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
    return;
  }
  if (format === 'svg') {
    download('geokg.svg', new Blob([toSvg()], { type: 'image/svg+xml' }));
    return;
  }
  const keys = visible().nodes().map((n) => n.id()).join(',');
  const types = [...document.querySelectorAll('[data-type]')].filter((c) => c.checked && !(c.dataset.type === 'represents' && $('hide-represents').checked)).map((c) => c.dataset.type).join(',');
  const q = new URLSearchParams({ format, keys, types, ...period() });
  for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
  const res = await fetch('/api/export?' + q.toString());
  const blob = await res.blob();
  download('geokg.' + format, blob);
}

// --- wiring ------------------------------------------------------------

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = $('search').value.trim();
  if (q) load(q);
});
$('search').addEventListener('input', () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(suggest, 150); });
$('search').addEventListener('blur', () => setTimeout(hideSuggestions, 200));
$('path-form').addEventListener('submit', findPath);
$('more').addEventListener('click', loadMore);
for (const b of document.querySelectorAll('[data-export]')) b.addEventListener('click', () => exportAs(b.dataset.export));
init().catch(showError);
