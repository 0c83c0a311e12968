// claimgraph explorer: plain JS over the JSON API, no framework, nothing fetched from
// elsewhere. Views are chosen by the URL hash: #/search/TEXT, #/entity/ID,
// #/article/ID/claim/ID, so the browser's back button works.
"use strict";

const $ = (id) => document.getElementById(id);

/// Builds an element with attributes and children (strings become text nodes, never HTML).
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const p = await res.json();
      detail = `${p.code || res.status}: ${p.detail || p.title || ""}`;
    } catch (_) { /* not problem+json */ }
    throw new Error(`${path} → ${res.status} ${detail}`);
  }
  return res.json();
}

/// Every item of a paginated list, up to `maxPages` pages.
async function all(path, maxPages = 20) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < maxPages; i++) {
    const sep = path.includes("?") ? "&" : "?";
    const page = await api(cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...(page.items || page.features || []));
    cursor = page.next_cursor;
    if (!cursor) return { items, complete: true };
  }
  return { items, complete: false };
}

const articleCache = new Map();
function article(id) {
  if (!articleCache.has(id)) {
    const p = api(`/v1/articles/${id}`);
    p.catch(() => articleCache.delete(id));
    articleCache.set(id, p);
  }
  return articleCache.get(id);
}

function showOnly(section) {
  for (const id of ["results", "entity", "article"]) $(id).hidden = id !== section;
  $("error").hidden = true;
}

function fail(err) {
  $("error").textContent = `Error: ${err.message}`;
  $("error").hidden = false;
}

// ---- search ---------------------------------------------------------------------------

async function showSearch(q) {
  $("q").value = q;
  showOnly("results");
  const list = $("result-list");
  list.replaceChildren(el("li", { class: "meta" }, "Searching…"));
  const page = await api(`/v1/entities?q=${encodeURIComponent(q)}&limit=20`);
  list.replaceChildren();
  if (!page.items.length) {
    list.append(el("li", { class: "meta" }, `No entity matches “${q}”.`));
    return;
  }
  for (const e of page.items) {
    list.append(el("li", { "data-entity-id": e.id },
      el("button", { type: "button", class: "link", onclick: () => go(`#/entity/${e.id}`) }, e.name),
      " ", el("span", { class: "kind" }, e.type),
      e.country ? el("span", { class: "meta" }, ` ${e.country}`) : null));
  }
}

// ---- entity ---------------------------------------------------------------------------

function entityName(e) {
  if (!e) return null;
  return e.id === null ? `${e.name} (unnamed source)` : e.name;
}

function fmtNumber(n) {
  const q = n.qualifier && n.qualifier !== "exact" ? `${n.qualifier.replace("_", " ")} ` : "";
  let s = `${q}${n.value.toLocaleString("en")} ${n.unit}`;
  if (n.normalized) s += ` (= ${n.normalized.value.toLocaleString("en", { maximumFractionDigits: 2 })} ${n.normalized.unit})`;
  return `“${n.text}”: ${s}`;
}

function role(c, id) {
  const roles = [];
  if (c.speaker && c.speaker.id === id) roles.push("speaker");
  if (c.via && c.via.id === id) roles.push("cited outlet");
  if (c.places.some((p) => p.id === id)) roles.push("place");
  return roles.length ? roles.join(", ") : "named in the claim";
}

/// How many other articles report the claim: the reader's first measure of how solid it is.
function corroborationBadge(n) {
  return n > 0
    ? el("span", { class: "badge corroborated", "data-corroborations": n },
      `corroborated by ${n} other article${n === 1 ? "" : "s"}`)
    : el("span", { class: "badge alone", "data-corroborations": 0 }, "no other article reports this");
}

function claimItem(c, entityId) {
  const facts = el("dl", { class: "facts" });
  const row = (k, v) => { if (v) facts.append(el("dt", {}, k), el("dd", {}, v)); };
  row("speaker", entityName(c.speaker));
  row("via", entityName(c.via));
  row("cue", c.cue);
  row("places", c.places.map((p) => p.name).join("; "));
  row("numbers", c.numbers.map(fmtNumber).join("; "));
  row("this entity", role(c, entityId));
  return el("li", { class: "claim", "data-claim-id": c.id },
    el("span", { class: "kind" }, c.kind),
    corroborationBadge(c.corroborations),
    el("button", {
      type: "button", class: "link claim-text",
      title: "Show this claim in its article",
      onclick: () => go(`#/article/${c.article_id}/claim/${c.id}`),
    }, c.text),
    facts);
}

let currentEntity = null;
/** The entity whose facts the facts panel shows. */
let factsOf = null;

async function showEntity(id) {
  showOnly("entity");
  currentEntity = id;
  const e = await api(`/v1/entities/${id}`);
  $("entity-name").textContent = e.name;
  const where = e.coordinates ? ` · ${e.coordinates.lat.toFixed(3)}, ${e.coordinates.lon.toFixed(3)}` : "";
  const country = e.country ? ` · ${e.country}` : "";
  $("entity-meta").textContent =
    `${e.type}${e.place_type ? ` (${e.place_type})` : ""}${country}${where} · ` +
    `${e.mention_count} mentions in ${e.article_count} articles · speaker of ${e.claim_count} claims`;
  const aliases = e.aliases.filter((a) => a !== e.name);
  $("entity-aliases").textContent =
    (aliases.length ? `Also written: ${aliases.join(", ")}. ` : "") +
    (e.roles.length ? `Roles: ${e.roles.join(", ")}.` : "");

  const box = $("claims");
  box.replaceChildren();
  // the same entity drawn again keeps its facts until the new ones replace them at once
  if (factsOf !== id) $("facts").replaceChildren();
  $("claims-status").textContent = "Loading claims…";
  $("facts-status").textContent = "Loading facts…";
  drawMap(id, e);
  drawGraph(id);
  const [{ items: claims, complete }, { items: facts, complete: factsComplete }] = await Promise.all([
    all(`/v1/entities/${id}/claims?limit=500`),
    all(`/v1/entities/${id}/facts?limit=100`, 5),
  ]);
  if (currentEntity !== id) return;
  const shownFacts = new Set(facts.map((f) => f.id));
  await drawFacts(id, facts, claims, factsComplete);
  if (currentEntity !== id) return;

  // claims in a fact are shown with it; the rest stay grouped by article
  const alone = claims.filter((c) => c.fact_id === null || !shownFacts.has(c.fact_id));
  $("claims-status").textContent =
    `${alone.length} claim${alone.length === 1 ? "" : "s"}` +
    (complete ? "" : " (first pages only)") +
    ` of ${claims.length} in no fact above, grouped by article.`;
  const groups = new Map();
  for (const c of alone) {
    if (!groups.has(c.article_id)) groups.set(c.article_id, []);
    groups.get(c.article_id).push(c);
  }
  for (const [articleId, list] of groups) {
    const heading = el("h4", {}, `Article ${articleId}`);
    const meta = el("p", { class: "meta" });
    box.append(el("div", { class: "article-group", "data-article-id": articleId },
      heading, meta, el("ul", { class: "claims" }, list.map((c) => claimItem(c, id)))));
    article(articleId).then((a) => {
      heading.textContent = a.title || `Article ${articleId}`;
      meta.textContent = [a.source, a.published_at].filter(Boolean).join(" · ");
    }).catch(() => {});
  }
}

// ---- facts: claims of different articles that report the same thing ------------------

/// The outlet of a claim, or (articles posted without one) the title of its article.
function outletOf(source, articleId) {
  if (source) return el("span", { class: "outlet" }, source);
  const span = el("span", { class: "outlet untitled" }, `article ${articleId}`);
  article(articleId).then((a) => {
    span.textContent = a.source || (a.title ? `“${truncate(a.title, 60)}”` : `article ${articleId}`);
  }).catch(() => {});
  return span;
}

function truncate(text, n) {
  const cps = Array.from(text.replace(/\s+/g, " ").trim());
  return cps.length > n ? `${cps.slice(0, n - 1).join("")}…` : cps.join("");
}

/// A claim of a fact (a `ClaimRef`): who said it, where, and its text opening its article span.
function factClaim(r, cls, label) {
  return el("li", { class: cls, "data-claim-id": r.claim_id, "data-article-id": r.article_id },
    el("div", { class: "who" },
      label ? el("span", { class: "badge disputed" }, label) : null,
      el("span", { class: "speaker" }, r.speaker || "the article itself"), " · ", outletOf(r.source, r.article_id)),
    el("button", {
      type: "button", class: "link fact-claim-text",
      title: "Show this claim in its article",
      onclick: () => go(`#/article/${r.article_id}/claim/${r.claim_id}`),
    }, r.text));
}

async function drawFacts(id, facts, claims, complete) {
  const box = $("facts");
  const mine = new Map(claims.map((c) => [c.id, c]));
  if (!facts.length) {
    box.replaceChildren();
    factsOf = id;
    $("facts-status").textContent = "No other article reports any claim about this entity yet.";
    return;
  }
  // which claim of a fact each disagreeing claim contradicts: the claims' own conflict lists
  const disputedIds = facts.filter((f) => f.conflicting_claims.length)
    .flatMap((f) => f.claims.map((r) => r.claim_id)).slice(0, 40);
  const details = new Map();
  await Promise.all(disputedIds.map((cid) => api(`/v1/claims/${cid}`)
    .then((c) => details.set(cid, c)).catch(() => {})));
  if (currentEntity !== id) return;

  // built apart and swapped in at once: the panel is never empty while details load
  const drawn = [];
  let disputed = 0;
  for (const f of facts) {
    const outlets = [...new Set(f.sources.map((s) => (typeof s === "string" ? s : s.name)).filter(Boolean))];
    const attached = new Set();
    const items = [];
    for (const r of f.claims) {
      const own = mine.get(r.claim_id);
      items.push(factClaim(r, own ? "fact-claim mine" : "fact-claim"));
      const against = (details.get(r.claim_id)?.conflicts_with || []);
      for (const x of against) {
        attached.add(x.claim_id);
        items.push(factClaim(x, "fact-claim conflict", "disputed by"));
      }
      if (against.length) items[items.length - against.length - 1].classList.add("disputed");
    }
    // disagreeing claims the claim details did not tie to one claim of the fact
    for (const x of f.conflicting_claims) {
      if (!attached.has(x.claim_id)) items.push(factClaim(x, "fact-claim conflict", "disputed by"));
    }
    const against = new Set([...attached, ...f.conflicting_claims.map((x) => x.claim_id)]).size;
    if (against) disputed++;
    const head = el("div", { class: "fact-head" },
      el("strong", {}, `Reported by ${f.article_count} article${f.article_count === 1 ? "" : "s"}`),
      ` · ${f.claims.length} claim${f.claims.length === 1 ? "" : "s"} · `,
      outlets.length ? `outlets: ${outlets.join(", ")}` : el("span", { class: "meta" }, "no outlet named in these articles"),
      against
        ? el("span", { class: "badge disputed" }, `disputed by ${against} claim${against === 1 ? "" : "s"}`)
        : null);
    drawn.push(el("div", {
      class: against ? "fact has-conflict" : "fact",
      "data-fact-id": f.id, "data-articles": f.article_count, "data-sources": outlets.length,
    }, head, el("ul", { class: "fact-claims" }, items)));
  }
  box.replaceChildren(...drawn);
  factsOf = id;
  $("facts-status").textContent =
    `${facts.length} fact${facts.length === 1 ? "" : "s"}${complete ? "" : " (first pages only)"}: ` +
    "claims of different articles that report the same thing, largest first; " +
    "this entity's own claims are marked at the left edge" +
    (disputed ? `; ${disputed} disputed by claims that give a different figure or deny it.` : ".");
}

// ---- map: an equirectangular plot of the points, no base map ------------------------

async function drawMap(id, entity) {
  const box = $("map");
  box.replaceChildren();
  $("map-status").textContent = "Loading places…";
  let features;
  try {
    // every claim the entity takes part in: a place's claims are about it, a person's are
    // the ones they said (and those about them), an outlet's the ones it is cited in
    features = (await all(`/v1/claims.geojson?involving=${id}&limit=500`, 5)).items;
  } catch (err) {
    $("map-status").textContent = `No map: ${err.message}`;
    return;
  }
  if (currentEntity !== id) return;
  const places = new Map();
  for (const f of features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    if (!places.has(p.place_id)) places.set(p.place_id, { name: p.place_name, lon, lat, claims: new Set() });
    places.get(p.place_id).claims.add(p.claim_id);
  }
  if (entity.coordinates && !places.has(entity.id)) {
    places.set(entity.id, { name: entity.name, lon: entity.coordinates.lon, lat: entity.coordinates.lat, claims: new Set() });
  }
  if (!places.size) {
    $("map-status").textContent = "No place with coordinates in these claims.";
    return;
  }
  const pts = [...places.values()];
  let minLon = Math.min(...pts.map((p) => p.lon)), maxLon = Math.max(...pts.map((p) => p.lon));
  let minLat = Math.min(...pts.map((p) => p.lat)), maxLat = Math.max(...pts.map((p) => p.lat));
  // at least 2° across, plus a margin, clamped to the globe
  const padLon = Math.max(1, (maxLon - minLon) * 0.15), padLat = Math.max(1, (maxLat - minLat) * 0.15);
  minLon = Math.max(-180, minLon - padLon); maxLon = Math.min(180, maxLon + padLon);
  minLat = Math.max(-90, minLat - padLat); maxLat = Math.min(90, maxLat + padLat);
  // equirectangular with its standard parallel at the middle latitude
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const W = 420, spanX = (maxLon - minLon) * k, spanY = maxLat - minLat;
  const H = Math.max(160, Math.min(420, Math.round(W * spanY / spanX)));
  const s = Math.min(W / spanX, H / spanY);
  const ox = (W - spanX * s) / 2, oy = (H - spanY * s) / 2;
  const x = (lon) => ox + (lon - minLon) * k * s;
  const y = (lat) => oy + (maxLat - lat) * s;

  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Places of the claims involving ${entity.name}` });
  root.append(svg("rect", { class: "frame", x: 0, y: 0, width: W, height: H }));
  const step = [0.5, 1, 2, 5, 10, 20, 30].find((d) => (maxLon - minLon) / d <= 6) || 60;
  for (let lon = Math.ceil(minLon / step) * step; lon <= maxLon; lon += step) {
    root.append(svg("line", { class: "grid", x1: x(lon), x2: x(lon), y1: 0, y2: H }));
    root.append(svg("text", { class: "axis", x: x(lon) + 2, y: H - 3 }, `${+lon.toFixed(1)}°${lon < 0 ? "W" : "E"}`.replace("-", "")));
  }
  for (let lat = Math.ceil(minLat / step) * step; lat <= maxLat; lat += step) {
    root.append(svg("line", { class: "grid", x1: 0, x2: W, y1: y(lat), y2: y(lat) }));
    root.append(svg("text", { class: "axis", x: 2, y: y(lat) - 2 }, `${+lat.toFixed(1)}°${lat < 0 ? "S" : "N"}`.replace("-", "")));
  }
  // dots first, labels on top; the most cited places are labelled first and a label that
  // would overlap one already drawn is left out (the dot's tooltip still names it)
  pts.sort((a, b) => b.claims.size - a.claims.size);
  const taken = [];
  const labels = [];
  for (const p of pts) {
    const r = 3 + Math.min(6, Math.sqrt(p.claims.size) * 1.5);
    const cx = x(p.lon), cy = y(p.lat);
    const dot = svg("circle", { class: "point", cx: cx.toFixed(1), cy: cy.toFixed(1), r: r.toFixed(1), "data-place": p.name });
    dot.append(svg("title", {}, `${p.name} (${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}): ${p.claims.size} claim(s)`));
    root.append(dot);
    const text = p.claims.size ? `${p.name} (${p.claims.size})` : p.name;
    const w = text.length * 6.2, right = cx + r + 3 + w <= W;
    const x0 = right ? cx + r + 3 : cx - r - 3 - w;
    const box = { x0, x1: x0 + w, y0: cy - 7, y1: cy + 6 };
    if (taken.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) continue;
    taken.push(box);
    labels.push(svg("text", {
      class: "label", x: (right ? box.x0 : box.x1).toFixed(1), y: (cy + 4).toFixed(1),
      "text-anchor": right ? "start" : "end",
    }, text));
  }
  root.append(...labels);
  box.append(root);
  $("map-status").textContent =
    `${places.size} place${places.size === 1 ? "" : "s"} with coordinates (GeoNames), plotted by ` +
    "longitude and latitude; no base map. The number is how many claims name the place; " +
    "hover a dot for its name where labels would overlap.";
}

// ---- neighbourhood graph: rings around the entity, drawn as SVG ----------------------

let graphDepth = 1;
/// Nodes asked of the graph endpoint: more would not stay readable in the side column.
const GRAPH_LIMIT = 100;
const ENTITY_KINDS = ["person", "organization", "outlet", "place"];

/// The ring a node sits on: articles nearest the entity, then claims, then other entities.
function ringOf(kind) {
  if (kind === "article") return 0;
  if (kind === "claim") return 1;
  return 2;
}

/// Mean of angles (radians) on the circle, or null for none.
function meanAngle(angles) {
  if (!angles.length) return null;
  let sx = 0, sy = 0;
  for (const a of angles) { sx += Math.cos(a); sy += Math.sin(a); }
  return Math.hypot(sx, sy) < 1e-9 ? angles[0] : Math.atan2(sy, sx);
}

function wrap(a) {
  while (a <= -Math.PI) a += 2 * Math.PI;
  while (a > Math.PI) a -= 2 * Math.PI;
  return a;
}

/// Deterministic layout: the entity in the centre, one ring per group, each ring ordered by
/// the mean angle of its neighbours on the rings inside it (so edges stay short), evenly
/// spaced and turned to sit nearest those angles.
function layoutRings(nodes, centre, W, H) {
  const cx = W / 2, cy = H / 2;
  centre.x = cx; centre.y = cy;
  const rings = [[], [], []];
  for (const n of nodes) if (n !== centre) rings[ringOf(n.kind)].push(n);
  const used = rings.filter((r) => r.length);
  const rMax = Math.min(W, H) / 2 - 70;
  const radii = used.length === 1 ? [rMax * 0.8]
    : used.map((_, i) => rMax * (0.35 + 0.65 * (i / (used.length - 1))));
  used.forEach((ring, i) => {
    ring.sort((a, b) => a.order - b.order);
    const want = ring.map((n) => meanAngle(n.nb.filter((m) => m.angle !== undefined).map((m) => m.angle)));
    const keyed = ring.map((n, k) => ({ n, a: want[k] }));
    // nodes tied to nothing inside keep their id order, after the others
    keyed.sort((p, q) => (p.a === null) - (q.a === null) || (p.a ?? 0) - (q.a ?? 0) || p.n.order - q.n.order);
    const step = (2 * Math.PI) / keyed.length;
    const pinned = keyed.map((k, j) => (k.a === null ? null : wrap(k.a - j * step))).filter((d) => d !== null);
    const turn = meanAngle(pinned) ?? -Math.PI / 2;
    keyed.forEach((k, j) => {
      const a = turn + j * step;
      k.n.angle = a;
      k.n.x = cx + radii[i] * Math.cos(a);
      k.n.y = cy + radii[i] * Math.sin(a);
    });
  });
}

/// Where a claim node leads: its span in its article.
function nodeTarget(n) {
  const [kind, num] = n.id.split(":");
  if (kind === "e") return `#/entity/${num}`;
  if (kind === "a") return `#/article/${num}`;
  if (kind === "c") {
    const art = n.nb.find((m) => m.kind === "article");
    if (art) return `#/article/${art.id.slice(2)}/claim/${num}`;
  }
  return null;
}

async function drawGraph(id) {
  const box = $("graph");
  box.replaceChildren();
  $("graph-legend").replaceChildren();
  for (const b of document.querySelectorAll(".graph-controls .toggle")) {
    b.setAttribute("aria-pressed", String(Number(b.dataset.depth) === graphDepth));
  }
  $("graph-status").textContent = "Loading the graph…";
  let g;
  try {
    g = await api(`/v1/entities/${id}/graph?depth=${graphDepth}&limit=${GRAPH_LIMIT}`);
  } catch (err) {
    $("graph-status").textContent = `No graph: ${err.message}`;
    return;
  }
  if (currentEntity !== id) return;
  const nodes = g.elements.nodes.map((n, order) => ({ ...n.data, order, nb: [], edges: [] }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = g.elements.edges.map((e) => e.data).filter((e) => byId.has(e.source) && byId.has(e.target));
  for (const e of edges) {
    byId.get(e.source).nb.push(byId.get(e.target));
    byId.get(e.target).nb.push(byId.get(e.source));
  }
  const centre = byId.get(`e:${id}`);
  if (!centre) {
    $("graph-status").textContent = "The graph does not hold this entity.";
    return;
  }
  const W = 600, H = 600;
  layoutRings(nodes, centre, W, H);

  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Neighbourhood of ${centre.label}` });
  root.append(svg("rect", { class: "frame", x: 0, y: 0, width: W, height: H }));
  const edgeLayer = svg("g", { class: "edges" });
  const nodeLayer = svg("g", { class: "nodes" });
  const labelLayer = svg("g", { class: "labels" });
  root.append(edgeLayer, nodeLayer, labelLayer);
  // conflicts and corroborations last, so they are drawn over the structural edges
  const rank = (k) => (k === "conflicts" ? 2 : k === "corroborates" ? 1 : 0);
  for (const e of [...edges].sort((p, q) => rank(p.kind) - rank(q.kind))) {
    const a = byId.get(e.source), b = byId.get(e.target);
    const line = svg("line", {
      class: `edge e-${e.kind}`, "data-kind": e.kind,
      x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
    });
    line.append(svg("title", {}, `${e.kind.replace("_", " ")}: ${truncate(a.label, 40)} → ${truncate(b.label, 40)}`));
    edgeLayer.append(line);
    a.edges.push(line); b.edges.push(line);
  }
  const radius = (n) => (n === centre ? 11 : n.kind === "claim" ? 4 : n.kind === "article" ? 6 : 6.5);
  const taken = [];
  for (const n of nodes) {
    const r = radius(n);
    const conflicted = n.edges.some((l) => l.dataset.kind === "conflicts");
    const shape = n.kind === "article"
      ? svg("rect", { x: (n.x - r).toFixed(1), y: (n.y - r).toFixed(1), width: 2 * r, height: 2 * r })
      : svg("circle", { cx: n.x.toFixed(1), cy: n.y.toFixed(1), r });
    const kindClass = ENTITY_KINDS.includes(n.kind) || n.kind === "claim" || n.kind === "article" ? n.kind : "other";
    shape.setAttribute("class", `node k-${kindClass}${n === centre ? " centre" : ""}${conflicted ? " conflicted" : ""}`);
    shape.setAttribute("data-id", n.id);
    shape.setAttribute("data-kind", n.kind);
    shape.append(svg("title", {}, `${n.kind}: ${n.label}`));
    const target = n === centre ? null : nodeTarget(n);
    if (target) {
      shape.classList.add("clickable");
      shape.addEventListener("click", () => go(target));
    }
    shape.addEventListener("mouseenter", () => {
      root.classList.add("focus");
      for (const l of n.edges) l.classList.add("hot");
    });
    shape.addEventListener("mouseleave", () => {
      root.classList.remove("focus");
      for (const l of n.edges) l.classList.remove("hot");
    });
    nodeLayer.append(shape);
    taken.push({ x0: n.x - r, x1: n.x + r, y0: n.y - r, y1: n.y + r });
  }
  // labels by priority (the entity, other entities, articles, then claims; the best
  // connected first); one that would overlap another or leave the frame is left out and
  // the node's tooltip still names it
  const prio = (n) => (n === centre ? 0 : n.kind === "claim" ? 3 : n.kind === "article" ? 2 : 1);
  const order = [...nodes].sort((a, b) => prio(a) - prio(b) || b.nb.length - a.nb.length || a.order - b.order);
  let labelled = 0;
  for (const n of order) {
    const text = truncate(n.label, n.kind === "claim" ? 24 : n === centre ? 40 : 28);
    const w = Array.from(text).length * (n === centre ? 6.6 : 5.6), r = radius(n);
    let cands;
    if (n === centre) cands = [{ x0: n.x - w / 2, y: n.y + r + 13, anchor: "middle", ax: n.x }];
    else {
      const right = { x0: n.x + r + 3, y: n.y + 3.5, anchor: "start" };
      const left = { x0: n.x - r - 3 - w, y: n.y + 3.5, anchor: "end" };
      const above = { x0: n.x - w / 2, y: n.y - r - 3, anchor: "middle", ax: n.x };
      const below = { x0: n.x - w / 2, y: n.y + r + 10, anchor: "middle", ax: n.x };
      cands = n.x >= W / 2 ? [right, left] : [left, right];
      // near the top or bottom of a ring the side labels of neighbours stack up
      if (n.y < H / 2 - (W / 2 - 70) * 0.7) cands.unshift(above);
      else if (n.y > H / 2 + (W / 2 - 70) * 0.7) cands.unshift(below);
      else cands.push(n.y < H / 2 ? above : below);
    }
    for (const c of cands) {
      const b = { x0: c.x0 - 1, x1: c.x0 + w + 1, y0: c.y - 9.5, y1: c.y + 3 };
      if (b.x0 < 2 || b.x1 > W - 2 || b.y0 < 2 || b.y1 > H - 2) continue;
      if (taken.some((t) => b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1)) continue;
      taken.push(b);
      const x = c.anchor === "middle" ? c.ax : c.anchor === "start" ? c.x0 : c.x0 + w;
      labelLayer.append(svg("text", {
        class: `label${n === centre ? " centre" : ""}${n.kind === "claim" ? " claim" : ""}`,
        x: x.toFixed(1), y: c.y.toFixed(1), "text-anchor": c.anchor,
      }, text));
      labelled++;
      break;
    }
  }
  box.append(root);

  const counts = new Map();
  for (const n of nodes) counts.set(n.kind, (counts.get(n.kind) || 0) + 1);
  const legend = $("graph-legend");
  for (const [kind, count] of [...counts].sort((a, b) => b[1] - a[1])) {
    const kindClass = ENTITY_KINDS.includes(kind) || kind === "claim" || kind === "article" ? kind : "other";
    legend.append(el("span", { class: "key" }, el("span", { class: `swatch k-${kindClass}` }), `${kind} ${count}`));
  }
  const ek = new Map();
  for (const e of edges) ek.set(e.kind, (ek.get(e.kind) || 0) + 1);
  for (const kind of ["corroborates", "conflicts"]) {
    if (ek.get(kind)) legend.append(el("span", { class: "key" }, el("span", { class: `stroke e-${kind}` }), `${kind} ${ek.get(kind)}`));
  }
  $("graph-status").textContent =
    `${nodes.length} nodes, ${edges.length} edges within ${graphDepth} hop${graphDepth === 1 ? "" : "s"}` +
    (g.truncated ? ` (cut at the first ${GRAPH_LIMIT} nodes)` : "") +
    `; ${labelled} labelled, hover a node for its name and its edges. ` +
    "Click an entity to open it, a claim to read it in its article.";
}

// ---- article with the claim's span highlighted ---------------------------------------

async function showArticle(id, claimId) {
  showOnly("article");
  const [a, c] = await Promise.all([article(id), claimId ? api(`/v1/claims/${claimId}`) : null]);
  $("article-title").textContent = a.title || `Article ${a.id}`;
  $("article-meta").textContent = [a.source, a.published_at, a.url].filter(Boolean).join(" · ");
  const body = $("article-text");
  // offsets are Unicode code points: slice the array of code points, not the UTF-16 string
  const cps = Array.from(a.text || "");
  if (c && c.article_id === a.id && c.start >= 0 && c.end <= cps.length && c.start < c.end) {
    const mark = el("mark", { class: "claim-span", id: "claim-span", "data-claim-id": c.id },
      cps.slice(c.start, c.end).join(""));
    body.replaceChildren(cps.slice(0, c.start).join(""), mark, cps.slice(c.end).join(""));
    const who = c.speaker ? `${entityName(c.speaker)} ${c.cue || ""}`.trim() : "the article";
    $("article-claim").textContent = `Claim ${c.id} (${c.kind}), code points ${c.start}–${c.end}: ${who}.`;
    mark.scrollIntoView({ block: "center" });
  } else {
    body.replaceChildren(cps.join(""));
    $("article-claim").textContent = "";
  }
}

// ---- routing --------------------------------------------------------------------------

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  try {
    if (parts[0] === "search" && parts[1]) await showSearch(decodeURIComponent(parts.slice(1).join("/")));
    else if (parts[0] === "entity" && /^\d+$/.test(parts[1])) await showEntity(Number(parts[1]));
    else if (parts[0] === "article" && /^\d+$/.test(parts[1])) {
      await showArticle(Number(parts[1]), parts[2] === "claim" && /^\d+$/.test(parts[3]) ? Number(parts[3]) : null);
    } else showOnly(null);
  } catch (err) {
    fail(err);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = $("q").value.trim();
    if (q) go(`#/search/${encodeURIComponent(q)}`);
  });
  $("back").addEventListener("click", () => {
    if (currentEntity) go(`#/entity/${currentEntity}`);
    else history.back();
  });
  for (const b of document.querySelectorAll(".graph-controls .toggle")) {
    b.addEventListener("click", () => {
      graphDepth = Number(b.dataset.depth);
      if (currentEntity) drawGraph(currentEntity);
    });
  }
  window.addEventListener("hashchange", route);
  route();
});
