import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runCli } from '../../src/cli/run-cli.js';
import { readPdf } from '../helpers/pdf.js';
import { readPptx } from '../helpers/pptx.js';
import { SLOW } from '../helpers/slow.js';

/**
 * The preview in a real browser: Debian's chromium (npm run setup installs it), driven
 * by playwright-core without any browser download. Where no chromium can be found the
 * test is skipped and says why. It starts a browser (about ten seconds of a two-core
 * machine), so it runs with SLOW=1, as `.ci/run` sets; the server, the page's data and
 * the slide drawings are tested in process by preview-server.test.ts and slide-svg.test.ts.
 */
const CHROMIUM = [process.env.BRIEFKIT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (file): file is string => file !== undefined && file !== '' && existsSync(file),
);
if (SLOW && !CHROMIUM)
  console.warn(
    'preview browser test skipped: no chromium (apt-get install chromium, or set BRIEFKIT_CHROMIUM)',
  );

/** Kept after the run: what the page looked like, for a person to check. */
const ARTEFACT = path.resolve('output/test-artefacts/preview-geneva.png');
/** The little of the DOM these tests touch, inside the page (the tests have no DOM types). */
interface PageGlobals {
  document: { body: { dataset: Record<string, string | undefined> } };
}

const TITLE = 'Preview test: a title edited while the page is open';

describe.skipIf(!CHROMIUM || !SLOW)('briefkit preview in a browser (Geneva)', () => {
  let dir: string;
  let file: string;
  let original: string;
  let url = '';
  const stop = new AbortController();
  let finished: Promise<number>;
  let browser: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'briefkit-preview-e2e-'));
    file = path.join(dir, 'geneva.yaml');
    copyFileSync('data/geneva-2026-02-26.yaml', file);
    original = readFileSync(file, 'utf8');
    let announced: (value: string) => void = () => {};
    const ready = new Promise<string>((resolve) => (announced = resolve));
    finished = runCli(
      ['preview', file, '--port', '0', '--out', path.join(dir, 'out'), '--date', '2026-02-27'],
      {
        out: (line) => {
          const match = /preview: (http:\/\/\S+)/.exec(line);
          if (match) announced(match[1]!);
        },
        err: () => {},
        env: { ...process.env, CI: 'true' },
        signal: stop.signal,
      },
    );
    url = await ready;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'briefkit-chromium-')), {
      executablePath: CHROMIUM!,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    stop.abort();
    await finished;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const counts = async (): Promise<[number, number]> => {
    await page.waitForSelector('#report[data-pages]', { state: 'attached', timeout: 90_000 });
    await page.waitForSelector('#deck[data-slides]', { state: 'attached', timeout: 90_000 });
    return [
      await page.locator('#report .page canvas').count(),
      await page.locator('#deck .slide svg').count(),
    ];
  };

  it('shows every report page and every slide of the outputs', async () => {
    const [pages, slides] = await counts();
    const pdf = await readPdf(readFileSync(path.join(dir, 'out', 'geneva.pdf')));
    const deck = await readPptx(readFileSync(path.join(dir, 'out', 'geneva.pptx')));
    expect(pages).toBe(pdf.pages.length);
    expect(slides).toBe(deck.slides.length);
    expect(await page.textContent('#status')).toBe('built');
  }, 120_000);

  it('links sections: a report heading scrolls to its slides, a slide back to its heading', async () => {
    const heading = 'Reconstruction and the scale problem';
    // The last match is the heading itself (the first is its entry in the contents, a link).
    await page.locator('#report .textLayer span', { hasText: heading }).last().click();
    // The slide titled so (the agenda slide names the section too).
    const caption = page.locator('.caption span', { hasText: new RegExp(`^\\d+ · ${heading}$`) });
    const slide = page.locator('#deck .slide').filter({ has: caption }).first();
    await expect
      .poll(async () => (await slide.boundingBox())?.y ?? -1, { timeout: 10_000 })
      .toBeLessThan(200);
    await expect
      .poll(async () => (await slide.boundingBox())?.y ?? -1, { timeout: 10_000 })
      .toBeGreaterThan(0);

    await page.locator('#report').evaluate((report) => report.scrollTo(0, 0));
    await slide.locator('button').click();
    const target = page
      .locator('#report .page', { has: page.locator('.textLayer span', { hasText: heading }) })
      .last();
    await expect
      .poll(async () => (await target.boundingBox())?.y ?? -1, { timeout: 10_000 })
      .toBeLessThan(200);
  }, 60_000);

  it('shows an edited title on page 1 and slide 1 after the save', async () => {
    const before = Number(await page.getAttribute('body', 'data-output-version'));
    // Reading somewhere in the middle: the update must not move the page.
    await page.locator('#report').evaluate((report) => report.scrollTo(0, 1500));
    await page.locator('#deck').evaluate((deck) => deck.scrollTo(0, 2000));
    writeFileSync(file, original.replace(/^title: .*$/m, `title: "${TITLE}"`));
    // A function, not a string: the page's policy forbids evaluating strings.
    await page.waitForFunction(
      (v) => Number((globalThis as unknown as PageGlobals).document.body.dataset.outputVersion) > v,
      before,
      { timeout: 90_000 },
    );
    const firstPage = await page.textContent('#report .page[data-page="1"] .textLayer');
    const firstSlide = await page.textContent('#deck .slide[data-slide="1"] svg');
    expect(firstPage?.replace(/\s+/g, ' ')).toContain('Preview test');
    expect(firstSlide?.replace(/\s+/g, ' ')).toContain('Preview test');
    expect(await page.locator('#report').evaluate((report) => report.scrollTop)).toBe(1500);
    expect(await page.locator('#deck').evaluate((deck) => deck.scrollTop)).toBe(2000);
    // What changed is outlined: the cover page and the title slide.
    expect(await page.locator('#report .page[data-page="1"].changed').count()).toBe(1);
    expect(await page.locator('#deck .slide[data-slide="1"].changed').count()).toBe(1);
  }, 120_000);

  it('shows a broken save as an overlay with its line, and clears it on the next good save', async () => {
    const lines = original.split('\n');
    const line = lines.findIndex((text) => text.startsWith('title:')) + 1;
    lines[line - 1] = 'title: @broken';
    writeFileSync(file, lines.join('\n'));
    await page.waitForSelector('#overlay:not([hidden])', { timeout: 90_000 });
    const overlay = (await page.textContent('#problems')) ?? '';
    expect(overlay).toContain(`${file}:${line}:8`);
    // The last good outputs stay on the page underneath.
    expect(await page.locator('#deck .slide svg').count()).toBeGreaterThan(10);
    mkdirSync(path.dirname(ARTEFACT), { recursive: true });
    await page.screenshot({ path: ARTEFACT.replace(/\.png$/, '-error.png') });

    writeFileSync(file, original);
    await page.waitForSelector('body[data-status="ok"] #overlay[hidden]', {
      state: 'attached',
      timeout: 90_000,
    });
    expect(await page.isVisible('#overlay')).toBe(false);
    await page.screenshot({ path: ARTEFACT });
  }, 180_000);

  it('made no request outside the preview server', () => {
    const foreign = requests.filter((request) => !request.startsWith(url) && !request.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(requests.some((request) => request.includes('/pdfjs/pdf.worker.mjs'))).toBe(true);
  });
});
