// geokg serve: the page. Every string from the database is put in the page
// with textContent or as a Cytoscape label, never as markup.
'use strict';

const state = {
  info: null,
  dates: [],        // every day from the first to the last article, ISO
  nodes: new Map(), // key -> node data
  center: null,     // key of the entity searched
  more: null,       // {name, depth, offset, total} when a part is left
  part: null,       // neighbours asked for at a time (null: as many as fit in the API's 2,000 nodes and edges), most articles first
  evidence: 200,    // sentences of an edge asked for at first (the API's most: 2000)
  sheet: [],        // the Cytoscape stylesheet of /api/style
  hidden: new Set(), // ids of the elements the filters hide
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

function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

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
  state.sheet = sheet;
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
  // Visibility is decided from the data alone (no style is read back) and
  // written in one batch, touching only the elements whose visibility
  // changes: on 2,000 elements the redraw, not this, is the cost.
  const shownNodes = new Set();
  let edgesShown = 0;
  const show = (x, keep) => {
    const id = x.id();
    if (keep === !state.hidden.has(id)) return;
    if (keep) state.hidden.delete(id); else state.hidden.add(id);
    x.style('display', keep ? 'element' : 'none');
  };
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const d = n.data();
      const keep = n.id() === state.center || (kinds.has(d.kind) && d.articles >= min);
      if (keep) shownNodes.add(d.id);
      show(n, keep);
    });
    cy.edges().forEach((e) => {
      const d = e.data();
      // As of a date, an edge exists once its first article is out; from a
      // date, while its last one is not older.
      const inDates = (!asof || !d.first_seen || d.first_seen <= asof) && (!since || !d.last_seen || d.last_seen >= since);
      const keep = types.has(d.type) && inDates && shownNodes.has(d.source) && shownNodes.has(d.target);
      if (keep) edgesShown += 1;
      show(e, keep);
    });
  });
  status(plural(shownNodes.size, 'node') + ', ' + plural(edgesShown, 'edge') + ' on screen');
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

/// How to lay out `n` nodes: a force layout (`cose`) while it is quick,
/// its iterations cut as the graph grows so that its work (nodes² ×
/// iterations) stays bounded; past 150 nodes rings around the center
/// (`concentric`), ring k holding the 2k + 1 nodes next in rank, so every
/// ring is as dense as the others and the nearest and most mentioned
/// nodes sit nearest the center.
function layoutPlan(n, fit) {
  if (n <= 150) {
    const numIter = Math.max(100, Math.min(1500, Math.round(2.5e6 / Math.max(1, n * n))));
    return { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeOverlap: 40, gravity: 0.3, numIter, padding: 20, fit };
  }
  const rank = ranked(cy.nodes());
  return { name: 'concentric', animate: false, fit, padding: 20, minNodeSpacing: 4,
    concentric: (node) => -Math.floor(Math.sqrt(rank.get(node.id()))), levelWidth: () => 1 };
}

/// Each node's rank: the center first, then by distance, articles (most
/// first) and name.
function ranked(nodes) {
  const order = nodes.toArray().sort((a, b) => {
    const x = a.data(), y = b.data();
    return (y.id === state.center) - (x.id === state.center) || x.distance - y.distance ||
      y.articles - x.articles || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  });
  return new Map(order.map((node, i) => [node.id(), i]));
}

function layout(fit) {
  const l = cy.layout(layoutPlan(cy.nodes().length, fit));
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
    answer = await api('neighbors', { name, depth, limit: state.part });
  } catch (err) { showError(err); return; }
  cy.elements().remove();
  state.nodes.clear();
  state.hidden.clear();
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
  if (answer.more) {
    const shown = answer.next_offset;
    state.more = { name, depth, offset: shown, total: answer.total };
    $('more-text').textContent = 'Showing the ' + shown + ' neighbours with most articles of ' + answer.total +
      ' (' + answer.total_nodes + ' nodes and ' + answer.total_edges + ' edges in all).';
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
    const answer = await api('neighbors', { name: m.name, depth: m.depth, limit: state.part, offset: m.offset });
    cy.add(toElements(answer));
    setMore(answer, m.name, m.depth);
    layout(false);
    applyFilters();
  } catch (err) { showError(err); }
}

async function expand(key) {
  status('expanding …');
  try {
    const answer = await api('neighbors', { name: key, depth: 1, limit: state.part });
    const added = cy.add(toElements(answer));
    const at = cy.getElementById(key).position();
    added.nodes().forEach((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, added.nodes().length);
      n.position({ x: at.x + 160 * Math.cos(a), y: at.y + 160 * Math.sin(a) });
    });
    // Laid out again from where they are, and fitted, so that the new
    // nodes land on screen and on no other node.
    if (added.nodes().length) layout(true);
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
  cy.$(':selected').unselect();
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
    el('button', { type: 'button', id: 'centre-here', text: 'Centre here', onclick: () => { $('search').value = c.name; load(c.key); } }), ' ',
    el('button', { type: 'button', id: 'path-here', text: 'Path from here', onclick: () => { $('path-from').value = c.name; $('path-to').focus(); } })));
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

async function showEvidence(d, limit) {
  const box = $('details');
  const s = state.nodes.get(d.source), t = state.nodes.get(d.target);
  let x;
  try { x = await api('explain', { source: d.source, type: d.type, target: d.target, limit: limit || state.evidence, ...period() }); } catch (err) { showError(err); return; }
  cy.$(':selected').unselect();
  cy.getElementById(d.id).select();
  const title = el('h2', { class: 'edge-title', text: (s ? s.name : d.source) + ' ' + d.type + ' ' + (t ? t.name : d.target) });
  const summary = el('p', { class: 'meta', text: d.count + ' article' + (d.count === 1 ? '' : 's') + ', ' + (d.first_seen || '?') + ' to ' + (d.last_seen || '?') });
  const parts = [title, summary, ...x.evidence.map(evidenceItem)];
  if (x.truncated) {
    // An edge can rest on a thousand sentences: the first come at once,
    // the rest on demand (up to the API's most).
    const more = Math.min(x.total, 2000);
    parts.push(el('p', { class: 'meta', id: 'evidence-more-text', text: 'Showing the first ' + x.evidence.length + ' of ' + x.total + ' sentences.' }),
      el('button', { type: 'button', id: 'evidence-more', text: more === x.total ? 'Show all ' + more : 'Show the first ' + more, onclick: () => showEvidence(d, more) }));
  }
  box.replaceChildren(el('div', { class: 'edge-evidence' }, ...parts));
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
  state.hidden.clear();
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
        // The stored order: a directed edge from its source, a symmetric
        // one ('--') with its ends in key order, so its id is the one
        // `neighbors` gives.
        const [s, t] = e.direction === '<-' || (e.direction === '--' && hop.to.key < hop.from.key) ? [hop.to, hop.from] : [hop.from, hop.to];
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
  cy.layout({ name: 'breadthfirst', roots: cy.getElementById(p.from.key), animate: false, fit: true, spacingFactor: 1.2 }).run();
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
  return cy.elements().filter((x) => !state.hidden.has(x.id()));
}

function xmlText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/// A node kind's look and an edge type's, from the stylesheet of
/// /api/style (the shared style module): shape, fill, doubled border;
/// colour, line, arrow.
function kindLook(kind) {
  const r = state.sheet.find((r) => r.selector === 'node[kind = "' + kind + '"]');
  const st = r ? r.style : {};
  return { shape: st.shape || 'ellipse', fill: st['background-color'] || '#e5e7eb', double: st['border-style'] === 'double' };
}

function typeLook(type) {
  const r = state.sheet.find((r) => r.selector === 'edge[type = "' + type + '"]');
  const st = r ? r.style : {};
  return { colour: st['line-color'] || '#6b7280', line: st['line-style'] || 'solid', arrow: st['target-arrow-shape'] === 'triangle' };
}

const DASH = { dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="2 3"' };

function num(x) { return String(Math.round(x * 10) / 10); }

/// SVG markup of a node shape (Cytoscape's name) in the box of centre
/// (x, y) and size w × h.
function shapeSvg(look, x, y, w, h) {
  const paint = ' fill="' + xmlText(look.fill) + '" stroke="#374151"';
  const poly = (pts) => '<polygon points="' + pts.map(([px, py]) => num(x + px * w / 2) + ',' + num(y + py * h / 2)).join(' ') + '"' + paint + '/>';
  const ngon = (k, turn) => [...Array(k).keys()].map((i) => {
    const a = turn + (2 * Math.PI * i) / k;
    return [Math.cos(a), Math.sin(a)];
  });
  switch (look.shape) {
    case 'rectangle':
      return '<rect x="' + num(x - w / 2) + '" y="' + num(y - h / 2) + '" width="' + num(w) + '" height="' + num(h) + '"' + paint + '/>';
    case 'hexagon':
      return poly([[-1, 0], [-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1]]);
    case 'octagon': {
      const outer = poly(ngon(8, Math.PI / 8));
      if (!look.double) return outer;
      const inner = ngon(8, Math.PI / 8).map(([px, py]) => [px * (w / 2 - 3) / (w / 2), py * (h / 2 - 3) / (h / 2)]);
      return outer + poly(inner);
    }
    case 'cut-rectangle': {
      const cx = Math.min(8, w / 4) / (w / 2), cyy = Math.min(8, h / 4) / (h / 2);
      return poly([[-1 + cx, -1], [1 - cx, -1], [1, -1 + cyy], [1, 1 - cyy], [1 - cx, 1], [-1 + cx, 1], [-1, 1 - cyy], [-1, -1 + cyy]]);
    }
    default:
      return '<ellipse cx="' + num(x) + '" cy="' + num(y) + '" rx="' + num(w / 2) + '" ry="' + num(h / 2) + '"' + paint + '/>';
  }
}

/// The legend under the drawing: the kinds and the edge types on screen,
/// each drawn as on the page (the DOT export's legend, in SVG).
function legendSvg(els, x0, y0) {
  const kinds = [...new Set(els.nodes().map((n) => n.data('kind')))].sort((a, b) => state.info.kinds.indexOf(a) - state.info.kinds.indexOf(b));
  const types = [...new Set(els.edges().map((e) => e.data('type')))].sort((a, b) => state.info.edge_types.indexOf(a) - state.info.edge_types.indexOf(b));
  const out = ['<g class="legend" font-size="12">',
    '<text x="' + x0 + '" y="' + (y0 + 14) + '" font-size="14" font-weight="bold">geokg: ' + els.nodes().length + ' entities, ' + els.edges().length + ' relations</text>'];
  let y = y0 + 26;
  kinds.forEach((k, i) => {
    const x = x0 + i * 130;
    out.push('<g class="legend-kind" data-kind="' + xmlText(k) + '">' + shapeSvg(kindLook(k), x + 25, y + 11, 50, 22) +
      '<text x="' + (x + 56) + '" y="' + (y + 15) + '">' + xmlText(k) + '</text></g>');
  });
  y += 34;
  for (const t of types) {
    const look = typeLook(t);
    out.push('<g class="legend-type" data-type="' + xmlText(t) + '"><line x1="' + x0 + '" y1="' + (y + 6) + '" x2="' + (x0 + 50) + '" y2="' + (y + 6) +
      '" stroke="' + xmlText(look.colour) + '" stroke-width="2"' + (DASH[look.line] || '') + (look.arrow ? ' marker-end="url(#arrow-' + xmlText(t) + ')"' : '') +
      '/><text x="' + (x0 + 58) + '" y="' + (y + 10) + '">' + xmlText(t) + '</text></g>');
    y += 18;
  }
  out.push('</g>');
  return { svg: out.join('\n'), width: Math.max(kinds.length * 130, 220), height: y - y0 };
}

/// Where a line from (sx, sy) to the centre of a node of size w × h meets
/// the node's box, so that an arrowhead shows.
function clip(sx, sy, p, w, h) {
  const dx = p.x - sx, dy = p.y - sy;
  const t = Math.min(Math.abs(dx) > 0 ? (w / 2) / Math.abs(dx) : Infinity, Math.abs(dy) > 0 ? (h / 2) / Math.abs(dy) : Infinity);
  return t >= 1 ? p : { x: p.x - dx * t, y: p.y - dy * t };
}

/// The drawing on screen as SVG: the nodes where they are, in their kind's
/// shape and fill, the edges as straight lines in their type's colour and
/// line (arrows on directed types), and a legend under it.
function toSvg() {
  const els = visible();
  const bb = els.boundingBox();
  const pad = 20;
  const legendTop = bb.y2 + pad;
  const legend = legendSvg(els, bb.x1, legendTop);
  const w = Math.max(bb.w, legend.width) + 2 * pad, h = bb.h + legend.height + 3 * pad;
  const types = [...new Set(els.edges().map((e) => e.data('type')))];
  const parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + Math.ceil(w) + '" height="' + Math.ceil(h) +
    '" viewBox="' + num(bb.x1 - pad) + ' ' + num(bb.y1 - pad) + ' ' + num(w) + ' ' + num(h) + '" font-family="sans-serif">',
    '<defs>' + types.filter((t) => typeLook(t).arrow).map((t) => '<marker id="arrow-' + xmlText(t) + '" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="' + xmlText(typeLook(t).colour) + '"/></marker>').join('') + '</defs>',
    '<rect x="' + num(bb.x1 - pad) + '" y="' + num(bb.y1 - pad) + '" width="' + num(w) + '" height="' + num(h) + '" fill="#ffffff"/>'];
  els.edges().forEach((e) => {
    const d = e.data(), look = typeLook(d.type);
    const s = e.source().position(), tn = e.target(), t = clip(s.x, s.y, tn.position(), tn.outerWidth(), tn.outerHeight());
    parts.push('<line class="edge" data-id="' + xmlText(d.id) + '" x1="' + num(s.x) + '" y1="' + num(s.y) + '" x2="' + num(t.x) + '" y2="' + num(t.y) + '" stroke="' + xmlText(look.colour) +
      '" stroke-width="' + num(d.width || 1) + '"' + (DASH[look.line] || '') + (look.arrow ? ' marker-end="url(#arrow-' + xmlText(d.type) + ')"' : '') +
      '><title>' + xmlText(nameOf(d.source) + ' ' + d.type + ' ' + nameOf(d.target)) + '</title></line>');
  });
  els.nodes().forEach((n) => {
    const p = n.position(), d = n.data();
    parts.push('<g class="node" data-key="' + xmlText(d.id) + '">' + shapeSvg(kindLook(d.kind), p.x, p.y, n.outerWidth() - 1, n.outerHeight() - 1) +
      '<text x="' + num(p.x) + '" y="' + num(p.y + 4) + '" font-size="11" text-anchor="middle">' + xmlText(d.name) + '</text></g>');
  });
  parts.push(legend.svg, '</svg>');
  return parts.join('\n');
}

function nameOf(key) {
  const n = state.nodes.get(key);
  return n ? n.name : key;
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
