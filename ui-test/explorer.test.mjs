// The explorer in a real browser: Debian's headless Chromium driven by playwright-core.
// Starts the release binary on a temporary database, posts the seed articles, then
// searches an entity, checks its facts, conflicts, map and neighbourhood graph, opens one
// claim's article span, checks a speaker's map and follows the graph to another entity. Exit code 0 = pass.
//
// env: CLAIMGRAPH_BIN (default ../target/release/claimgraph), SEEDS_DIR (default
// ../../shared/corpus/seeds), CHROMIUM (default /usr/bin/chromium), SCREENSHOT (default
// ../target/ui/explorer.png, plus -entity, -conflict and -graph beside it), UI_QUERY
// (default Izyum).
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, process.env.CLAIMGRAPH_BIN || "../target/release/claimgraph");
const seeds = resolve(here, process.env.SEEDS_DIR || "../../shared/corpus/seeds");
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const screenshot = resolve(here, process.env.SCREENSHOT || "../target/ui/explorer.png");
const query = process.env.UI_QUERY || "Izyum";
// the spellings of the searched place the claims may use
const spelled = /\bIz(?:y|i|io)um\b/i;
const TIMEOUT = 15_000;

const tmp = mkdtempSync(join(tmpdir(), "claimgraph-ui-"));
let server = null;
let browser = null;
let serverLog = "";

function step(msg) {
  console.log(`[${((performance.now()) / 1000).toFixed(1)}s] ${msg}`);
}

function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
}

function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.unref();
    s.on("error", ko);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  server = spawn(bin, ["serve", "--db", join(tmp, "ui.db"), "--addr", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => { serverLog += d; });
  server.stderr.on("data", (d) => { serverLog += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (server.exitCode !== null) throw new Error(`server exited ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return base;
    } catch (_) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not answer /healthz within 15 s");
}

async function ingest(base) {
  const files = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort();
  check(files.length === 5, `five seed articles in ${seeds}, found ${files.length}`);
  for (const f of files) {
    const res = await fetch(`${base}/v1/articles`, {
      method: "POST",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: readFileSync(join(seeds, f), "utf8"),
    });
    check(res.status === 201 || res.status === 200, `POST ${f}: ${res.status} ${await res.text()}`);
  }
  return files.length;
}

async function main() {
  mkdirSync(dirname(screenshot), { recursive: true });
  step(`server ${bin}`);
  const base = await startServer();
  step(`ingested ${await ingest(base)} seed articles`);

  // a fresh profile: playwright passes it to Chromium as --user-data-dir
  browser = await chromium.launchPersistentContext(join(tmp, "profile"), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  step(`browser ${browser.browser()?.version() ?? executablePath}`);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  // the page may only talk to its own server
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreign.push(r.url()); });
  page.setDefaultTimeout(TIMEOUT);

  const res = await page.goto(`${base}/`);
  check(res.ok(), `GET / answered ${res.status()}`);
  check((res.headers()["content-security-policy"] || "").startsWith("default-src 'self'"), "the page has its CSP");
  check((await page.title()).includes("claimgraph"), "page title");

  await page.fill("#q", query);
  await page.click("#search button[type=submit]");
  const first = page.locator("#result-list li[data-entity-id] button").first();
  await first.waitFor();
  const entityName = await first.textContent();
  step(`first result for "${query}": ${entityName}`);
  check(spelled.test(entityName), `first result "${entityName}" is the searched place`);
  await first.click();

  await page.waitForSelector("#entity:not([hidden]) .claim");
  await page.waitForFunction(() => /^\d+ claims?/.test(document.getElementById("claims-status").textContent));
  const texts = await page.locator("#claims .claim .claim-text").allTextContents();
  const mentioning = texts.filter((t) => spelled.test(t));
  step(`${texts.length} claims listed, ${mentioning.length} mention the place by name`);
  check(mentioning.length > 0, "claims mentioning the place are listed");
  check((await page.locator("#entity-name").textContent()) === entityName, "entity heading");
  // the map plots the place itself (it has coordinates) with its label
  await page.waitForSelector("#map svg circle.point");
  const labels = await page.locator("#map svg text.label").allTextContents();
  check(labels.some((l) => spelled.test(l)), `the map labels the place: ${labels.join(", ")}`);
  // facts: at least one is reported by two or more articles, and lists claims of each
  await page.waitForFunction(() => /^\d+ facts?/.test(document.getElementById("facts-status").textContent));
  const facts = await page.locator("#facts .fact").evaluateAll((fs) => fs.map((f) => ({
    articles: Number(f.dataset.articles),
    listed: new Set([...f.querySelectorAll(".fact-claim:not(.conflict)")].map((c) => c.dataset.articleId)).size,
    head: f.querySelector(".fact-head").textContent,
  })));
  const multi = facts.filter((f) => f.articles >= 2 && f.listed >= 2);
  step(`${facts.length} facts, ${multi.length} reported by 2+ articles (largest: ${facts[0]?.head})`);
  check(multi.length > 0, "a fact about the place is reported by two or more articles");
  check(/^Reported by \d+ articles/.test(multi[0].head), `the fact says how many report it: ${multi[0].head}`);
  // every claim left outside the facts says how many other articles corroborate it
  const badges = await page.locator("#claims .claim .badge[data-corroborations]").count();
  check(badges === texts.length, `${badges} corroboration marks for ${texts.length} claims`);
  // the neighbourhood graph: the entity in the middle, nodes and edges drawn
  await page.waitForSelector("#graph svg .node.centre");
  const nodes = await page.locator("#graph svg .node").count();
  const edges = await page.locator("#graph svg .edge").count();
  step(`graph: ${nodes} nodes, ${edges} edges; ${await page.locator("#graph-status").textContent()}`);
  check(nodes >= 2 && edges >= 1, `the graph has nodes (${nodes}) and edges (${edges})`);
  check(spelled.test(await page.locator("#graph svg text.label.centre").textContent()), "the graph's centre is the place");
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-entity.png") });
  const entityHash = await page.evaluate(() => location.hash);

  const claim = page.locator("#claims .claim .claim-text").filter({ hasText: spelled }).first();
  const claimText = await claim.textContent();
  await claim.click();
  const mark = page.locator("#article:not([hidden]) mark.claim-span");
  await mark.waitFor();
  const marked = await mark.textContent();
  step(`article "${await page.locator("#article-title").textContent()}", highlighted ${marked.length} chars`);
  check(marked === claimText, `highlighted span equals the claim text:\n  span:  ${marked}\n  claim: ${claimText}`);
  const full = await page.locator("#article-text").textContent();
  check(full.length > marked.length && full.includes(marked), "the span sits in the whole article text");
  check(await mark.isVisible(), "the span is scrolled into view");

  await page.screenshot({ path: screenshot, fullPage: false });
  step(`screenshot ${screenshot}`);

  // a person's map plots the places of the claims they said (it once asked for the claims
  // about the person, which name no place, and stayed empty)
  const listed = (await (await fetch(`${base}/v1/claims?limit=500`)).json()).items;
  const spoken = listed.find((c) => c.speaker && c.speaker.id && c.speaker.type === "person" &&
    c.places.some((p) => p.coordinates));
  check(spoken, "a person in the seed articles speaks of a place with coordinates");
  const spokenPlace = spoken.places.find((p) => p.coordinates).name;
  await page.goto(`${base}/#/entity/${spoken.speaker.id}`);
  await page.reload();
  await page.waitForSelector("#map svg circle.point");
  const dots = await page.locator("#map svg circle.point").evaluateAll((cs) => cs.map((c) => c.dataset.place));
  step(`person ${spoken.speaker.name}: the map plots ${dots.length} places`);
  check(dots.includes(spokenPlace), `the person's map plots ${spokenPlace}: ${dots.join(", ")}`);

  // a disagreeing claim is highlighted: on the searched entity if it has one, else on an
  // entity of a disputed fact found through the API
  const entityId = Number(entityHash.split("/")[2]);
  const own = (await (await fetch(`${base}/v1/entities/${entityId}/facts?limit=100`)).json()).items;
  let conflictEntity = own.some((f) => f.conflicting_claims.length) ? entityId : null;
  if (conflictEntity === null) {
    const all = (await (await fetch(`${base}/v1/facts?limit=100`)).json()).items;
    const disputed = all.find((f) => f.conflicting_claims.length);
    check(disputed, "the seed articles hold a disputed fact");
    const c = await (await fetch(`${base}/v1/claims/${disputed.claims[0].claim_id}`)).json();
    conflictEntity = (c.speaker && c.speaker.id) || (c.places[0] && c.places[0].id) || (c.via && c.via.id);
    check(conflictEntity, `claim ${c.id} of disputed fact ${disputed.id} names an entity`);
  }
  await page.goto(`${base}/#/entity/${conflictEntity}`);
  // a fresh page draws the entity once: after a change of hash alone, the page may still
  // show the facts of an earlier draw of the same entity, replaced as the locator holds them
  await page.reload();
  const conflict = page.locator("#facts .fact.has-conflict .fact-claim.conflict").first();
  await conflict.waitFor();
  const label = await conflict.locator(".badge.disputed").textContent();
  const [bgConflict, bgPlain] = await page.evaluate(() => [
    getComputedStyle(document.querySelector("#facts .fact-claim.conflict")).backgroundColor,
    getComputedStyle(document.querySelector("#facts .fact-claim:not(.conflict)")).backgroundColor,
  ]);
  step(`entity ${conflictEntity}: ${await page.locator("#facts .fact-claim.conflict").count()} disagreeing claims, ` +
    `"${label} ${(await conflict.locator(".who").textContent()).replace(label, "").slice(0, 60)}…"`);
  check(label === "disputed by", `the disagreeing claim is labelled: ${label}`);
  check(bgConflict !== bgPlain, `a disagreeing claim is styled apart (${bgConflict} vs ${bgPlain})`);
  await conflict.screenshot({ path: screenshot.replace(/\.png$/, "-conflict.png") });

  // the graph at depth 2 reaches other entities; clicking one opens it
  await page.goto(`${base}/${entityHash}`);
  await page.waitForSelector("#graph svg .node.centre");
  await page.click("#depth-2");
  await page.waitForFunction(() => /within 2 hops/.test(document.getElementById("graph-status").textContent));
  await page.locator("#graph").screenshot({ path: screenshot.replace(/\.png$/, "-graph.png") });
  const other = page.locator('#graph svg .node.clickable[data-id^="e:"]').first();
  const otherId = (await other.getAttribute("data-id")).slice(2);
  const otherName = (await other.locator("title").textContent()).replace(/^[a-z]+: /, "");
  await other.click({ force: true });
  await page.waitForFunction((id) => location.hash === `#/entity/${id}`, otherId);
  await page.waitForFunction((n) => document.getElementById("entity-name").textContent === n, otherName);
  step(`graph click opened entity ${otherId} "${otherName}"`);

  check(problems.length === 0, `no errors in the page:\n  ${problems.join("\n  ")}`);
  check(foreign.length === 0, `no request left the server: ${foreign.join(", ")}`);
}

let code = 0;
try {
  await main();
  console.log("explorer test: PASS");
} catch (err) {
  code = 1;
  console.error(`explorer test: FAIL\n${err.stack || err}`);
  if (serverLog) console.error(`--- server log (last 2000 chars)\n${serverLog.slice(-2000)}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => { server.once("exit", r); setTimeout(r, 5000); });
  }
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
