// Opens a report.html in headless Chromium (Debian's, through playwright-core) and asserts what a
// reviewer sees: the verdict, the counts, and a failing check's exchange once its link is clicked.
// Usage: node check.mjs REPORT_DIR SCREENSHOT_PNG EXPECTED_CHECK_ID
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [reportDir, screenshot, checkId] = process.argv.slice(2);
if (!reportDir || !screenshot || !checkId) {
  console.error('usage: node check.mjs REPORT_DIR SCREENSHOT_PNG CHECK_ID');
  process.exit(2);
}
const failures = [];
const expect = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

const profile = mkdtempSync(join(tmpdir(), 'report-browser-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(resolve(reportDir, 'report.html')).href);

  const verdict = page.locator('h1 + p .badge.verdict');
  expect(await verdict.isVisible(), 'the verdict badge is visible under the title');
  expect((await verdict.innerText()).trim() === 'FAIL', `the verdict reads FAIL (got "${await verdict.innerText()}")`);

  const counts = page.locator('table.meta tr', { hasText: 'Checks' }).locator('td');
  const countText = await counts.innerText();
  const failed = /FAILURE (\d+)/.exec(countText);
  expect(await counts.isVisible() && failed !== null && Number(failed[1]) >= 1,
    `the summary counts show at least one FAILURE (got "${countText.replace(/\s+/g, ' ').slice(0, 120)}")`);

  await page.screenshot({ path: screenshot.replace(/\.png$/, '-summary.png') });
  const findings = page.locator('#findings');
  expect(/Not passed: failures and warnings \(\d+\)/.test(await findings.innerText()), 'the "Not passed" heading is there with a count');

  const section = page.locator(`section.check[id$=".${checkId}"]`);
  const exchange = section.locator('pre', { hasText: 'HTTP 401' }).first();
  const inView = (locator) => locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  });
  const heading = section.locator('h3');
  expect(!(await inView(heading)), `before any click, ${checkId} is off screen`);
  const link = page.locator(`a[href$=".${checkId}"]`).first();
  expect(await link.isVisible(), `a link to ${checkId} is visible (the coverage matrix)`);
  await link.click();
  await page.waitForTimeout(300);
  expect(new URL(page.url()).hash === `#${await section.getAttribute('id')}` && await inView(heading),
    `after clicking it, ${checkId}'s finding is on screen`);
  expect(await exchange.isVisible(), `${checkId}'s exchange is rendered (not hidden) in its finding`);
  const text = await exchange.innerText();
  expect(/tools\/call|resources\/read|prompts\/get/.test(text) && /HTTP 401/.test(text),
    'the exchange shows the request and the 401 answer the check judged');
  expect(!/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/.test(await page.content()), 'no JWT appears anywhere on the page');
  expect(requests.length === 0, `the page loads nothing from the network (${requests.length} requests)`);
  await exchange.scrollIntoViewIfNeeded();
  expect(await inView(exchange), `scrolled on, the exchange is on screen (${screenshot})`);
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`${failures.length} expectation(s) failed`);
  process.exit(1);
}
