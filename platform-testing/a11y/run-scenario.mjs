#!/usr/bin/env node
// Runs one browser scenario (a user's steps through a web application) in Debian's headless Chromium, driven by
// playwright-core, with axe-core for WCAG 2.1 A/AA on every page the scenario audits. Used by
// org.callsforinput.testing.BrowserScenario (platform-testing).
//
//   node run-scenario.mjs <scenario.mjs> <input.json>
//
// input.json: { "chromium": "/usr/bin/chromium", "outDir": "...", "timeoutMs": 240000, ... anything the scenario
// reads }. The scenario module's default export is `async (s, input) => { ... }`, where s offers:
//   s.page                   the Playwright page (one browser context, cookies kept between steps)
//   s.context                its context
//   await s.step(name, fn)   runs fn, records it as passed or failed (a failure ends the scenario)
//   await s.audit(name)      axe-core over the current page; violations are recorded under name
//   await s.shot(name)       a full-page screenshot, outDir/name.png
//   await s.signIn(user, password)   fills Keycloak's login form on the current page and submits it
//   s.check(condition, message)      throws unless condition
//   s.dialogs                messages of every alert/confirm/prompt the pages opened (script that ran)
//   s.record(key, value)     a value the Java side reads back (result.values[key])
// Prints one JSON object on stdout: { steps: [{ name, ok, error }], audits: [{ name, url, violations }],
// screenshots: [path], dialogs: [...], values: {...}, blockedRequests: [...], error }. Exits 0 when every step
// passed, 1 when one failed, 2 on bad arguments. Requests to hosts other than this machine are aborted.

import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const clean = (message) => String(message).replace(/\u001b\[[0-9;]*m/g, '');

function isLocal(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && (parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost');
  } catch {
    return false;
  }
}

async function main() {
  const [scenarioPath, inputPath] = process.argv.slice(2);
  if (!scenarioPath || !inputPath) {
    process.stderr.write('usage: node run-scenario.mjs <scenario.mjs> <input.json>\n');
    process.exit(2);
  }
  const input = JSON.parse(readFileSync(inputPath, 'utf8'));
  const outDir = resolve(input.outDir || '.');
  mkdirSync(outDir, { recursive: true });
  const result = { steps: [], audits: [], screenshots: [], dialogs: [], values: {}, blockedRequests: [], error: null };
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const userDataDir = mkdtempSync(join(tmpdir(), 'scenario-chromium-'));
  let context;
  const overall = setTimeout(() => {
    result.error = `the scenario took longer than ${input.timeoutMs || 240000} ms`;
    process.stdout.write(JSON.stringify(result));
    process.exit(1);
  }, input.timeoutMs || 240000);
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: input.chromium || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      // axe is injected into pages whose CSP allows no inline script; the pages' own escaping is what the
      // hostile-input checks see (a script that ran would open a dialog or leave a marker).
      bypassCSP: true,
      locale: input.locale || 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(30000);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return route.continue();
      if (!result.blockedRequests.includes(url)) result.blockedRequests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] || (await context.newPage());
    page.on('dialog', async (dialog) => {
      result.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const s = {
      page,
      context,
      dialogs: result.dialogs,
      check(condition, message) {
        if (!condition) throw new Error(message);
      },
      record(key, value) {
        result.values[key] = value;
      },
      async step(name, fn) {
        try {
          await fn();
          result.steps.push({ name, ok: true });
        } catch (e) {
          result.steps.push({ name, ok: false, error: clean(e && e.stack ? e.stack : e), url: page.url() });
          try {
            const path = join(outDir, `failed-${result.steps.length}.png`);
            await page.screenshot({ path, fullPage: true });
            result.screenshots.push(path);
          } catch {
            // the page is gone; the error says why
          }
          throw e;
        }
      },
      async audit(name) {
        await page.addScriptTag({ content: axeSource });
        const found = await page.evaluate(async (tags) =>
          // eslint-disable-next-line no-undef
          (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations, TAGS);
        result.audits.push({
          name,
          url: page.url(),
          violations: found.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map((n) => ({ target: (n.target || []).map(String), html: n.html })) })),
        });
      },
      async shot(name) {
        const path = join(outDir, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        result.screenshots.push(path);
      },
      async signIn(user, password) {
        await page.waitForSelector('#username');
        await page.fill('#username', user);
        await page.fill('#password', password);
        await Promise.all([page.waitForNavigation(), page.click('#kc-login')]);
      },
    };
    const scenario = (await import(pathToFileURL(resolve(scenarioPath)).href)).default;
    await scenario(s, input);
  } catch (e) {
    result.error = clean(e && e.message ? e.message : e);
  } finally {
    clearTimeout(overall);
    if (context) await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(result));
  process.exit(result.error ? 1 : 0);
}

main();
