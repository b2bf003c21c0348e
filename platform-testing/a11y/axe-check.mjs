#!/usr/bin/env node
// WCAG 2.1 A/AA check of one page served on this machine: axe-core in Debian's headless Chromium, driven by
// playwright-core. Used by org.callsforinput.testing.Accessibility (platform-testing); see
// deploy/local-stack/README.md, "Accessibility check".
//
//   node axe-check.mjs <url> [--chromium /usr/bin/chromium] [--timeout-ms 60000]
//
// Prints one JSON object on stdout and exits 0, whatever the page's violations (they are data, not errors):
//   { "url", "status", "axeVersion", "tags", "violations": [ { "id", "impact", "help", "helpUrl", "description",
//     "tags", "nodes": [ { "target": ["css selector", ...], "html", "failureSummary" } ] } ],
//     "passes", "incomplete", "inapplicable", "blockedRequests": [url, ...] }
// Exits non-zero only when the check itself cannot be done, with the reason on stderr:
//   2 bad arguments or a URL that is not http://127.0.0.1 / http://localhost, 1 any other failure (Chromium does
//   not start, the page does not load, the whole check takes longer than --timeout-ms).
// Requests the page makes to any other host are aborted (this machine's network is closed; they would only hang)
// and listed in blockedRequests.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Flags for this closed network: without the background-networking ones Chromium keeps opening connections
// that are refused.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function fail(code, message) {
  // Playwright colours its call logs; the reader is a test report.
  process.stderr.write(`axe-check: ${String(message).replace(/\u001b\[[0-9;]*m/g, '')}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const options = { chromium: '/usr/bin/chromium', timeoutMs: 60000, url: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--chromium') {
      options.chromium = argv[++i];
    } else if (arg === '--timeout-ms') {
      options.timeoutMs = Number(argv[++i]);
    } else if (!arg.startsWith('--') && options.url === null) {
      options.url = arg;
    } else {
      fail(2, `unexpected argument '${arg}'; usage: node axe-check.mjs <url> [--chromium path] [--timeout-ms n]`);
    }
  }
  if (!options.url) fail(2, 'usage: node axe-check.mjs <url> [--chromium path] [--timeout-ms n]');
  if (!options.chromium) fail(2, '--chromium needs a path');
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs < 1000) fail(2, '--timeout-ms must be a number >= 1000');
  return options;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

function isLocal(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

// A request the page may make: its own server (any port on this machine) or inline content.
function isAllowedRequest(url) {
  return isLocal(url) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
}

// axe's target of a node is an array of selectors, where an entry is itself an array when the node is inside a
// shadow root; such a path is written "host >>> inner".
function targetStrings(target) {
  return (target || []).map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t)));
}

async function check(options, blockedRequests, state) {
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  state.userDataDir = mkdtempSync(join(tmpdir(), 'axe-check-chromium-'));
  const stepTimeout = Math.min(30000, options.timeoutMs);
  state.context = await chromium.launchPersistentContext(state.userDataDir, {
    executablePath: options.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: stepTimeout,
  });
  const context = state.context;
  context.setDefaultTimeout(stepTimeout);
  context.setDefaultNavigationTimeout(stepTimeout);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isAllowedRequest(url)) return route.continue();
    if (!blockedRequests.includes(url)) blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] || (await context.newPage());
  const response = await page.goto(options.url, { waitUntil: 'load' });
  const finalUrl = page.url();
  if (!isLocal(finalUrl)) throw new Error(`the page went to ${finalUrl}, which is not on this machine`);
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    return await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, TAGS);
  return {
    url: options.url,
    finalUrl,
    status: response ? response.status() : null,
    axeVersion: results.testEngine ? results.testEngine.version : null,
    tags: TAGS,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      description: v.description,
      tags: v.tags,
      nodes: v.nodes.map((n) => ({
        target: targetStrings(n.target),
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    })),
    passes: results.passes.length,
    incomplete: results.incomplete.length,
    inapplicable: results.inapplicable.length,
    blockedRequests,
  };
}

async function cleanUp(state) {
  if (state.context) {
    await Promise.race([state.context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  }
  if (state.userDataDir) rmSync(state.userDataDir, { recursive: true, force: true });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!isLocal(options.url)) {
    fail(2, `refusing ${options.url}: only http://127.0.0.1 and http://localhost pages are checked`);
  }
  const blockedRequests = [];
  const state = {};
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the check took longer than ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });
  let result;
  try {
    result = await Promise.race([check(options, blockedRequests, state), deadline]);
  } catch (e) {
    await cleanUp(state);
    fail(1, `checking ${options.url} failed: ${e && e.message ? e.message : e}`);
  } finally {
    clearTimeout(timer);
  }
  await cleanUp(state);
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0));
}

main().catch((e) => fail(1, e && e.stack ? e.stack : String(e)));
