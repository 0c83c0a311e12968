// The explorer in a real browser: Debian's headless Chromium driven by playwright-core.
// Starts the release binary on a temporary database, posts the seed articles, then
// searches an entity, opens its claims and one claim's article span. Exit code 0 = pass.
//
// env: CLAIMGRAPH_BIN (default ../target/release/claimgraph), SEEDS_DIR (default
// ../../shared/corpus/seeds), CHROMIUM (default /usr/bin/chromium), SCREENSHOT (default
// ../target/ui/explorer.png), UI_QUERY (default Izyum).
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
  // facts and the graph are labelled as not built yet, not filled with made-up data
  check((await page.locator(".pending").count()) === 2, "facts and graph are marked as pending");
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-entity.png") });

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

  check(problems.length === 0, `no errors in the page:\n  ${problems.join("\n  ")}`);
  check(foreign.length === 0, `no request left the server: ${foreign.join(", ")}`);
  await page.screenshot({ path: screenshot, fullPage: false });
  step(`screenshot ${screenshot}`);
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
