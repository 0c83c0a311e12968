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
    el("button", {
      type: "button", class: "link claim-text",
      title: "Show this claim in its article",
      onclick: () => go(`#/article/${c.article_id}/claim/${c.id}`),
    }, c.text),
    facts);
}

let currentEntity = null;

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
  $("claims-status").textContent = "Loading claims…";
  drawMap(id, e);
  const { items: claims, complete } = await all(`/v1/entities/${id}/claims?limit=500`);
  if (currentEntity !== id) return;
  $("claims-status").textContent =
    `${claims.length} claim${claims.length === 1 ? "" : "s"}` +
    (complete ? "" : " (first pages only)") + ", grouped by article.";
  const groups = new Map();
  for (const c of claims) {
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

// ---- map: an equirectangular plot of the points, no base map ------------------------

async function drawMap(id, entity) {
  const box = $("map");
  box.replaceChildren();
  $("map-status").textContent = "Loading places…";
  let features;
  try {
    features = (await all(`/v1/claims.geojson?about=${id}&limit=500`, 5)).items;
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

  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Places of the claims about ${entity.name}` });
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
  window.addEventListener("hashchange", route);
  route();
});
