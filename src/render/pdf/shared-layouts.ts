import { registerCache } from '../../cache/index.js';
import { onFontSelected, unscaledRuns } from '../../vendor/pdfkit.js';
import type { Pdf } from './types.js';

/**
 * Shaped words, per parsed font, for the life of the process.
 *
 * pdfkit shapes text word by word through fontkit (GSUB substitutions, GPOS kerning)
 * and caches each word's run on the document's font object, so a cache starts empty
 * in every document: a watch or API rebuild shaped every word again, about a fifth of
 * a warm rebuild. A cached run depends only on the font and the word (pdfkit caches
 * featureless layouts only, and scales them by the font's own units per em), and
 * pdfkit only reads a run once it is made, so documents of one process share them.
 * Fonts are parsed once per process (theme/font-cache.ts), so the fontkit font is the
 * key. The output is the same bytes: the same word gives the same run either way.
 */
type LayoutCache = Record<string, unknown>;

/**
 * Words kept per font before its cache starts over (checked as a document opens the font, so
 * one document's words may come on top): about 1 KB each, 20–25 MB per face at the most.
 */
const MAX_SHARED_WORDS = 20_000;

let caches = new WeakMap<object, LayoutCache>();
// Not an LRU like the others (src/cache/): pdfkit writes into the object itself, word by word.
registerCache({
  name: 'shaped words',
  bound: `${MAX_SHARED_WORDS.toLocaleString('en')} words per font, then started over`,
  size: () => undefined,
  clear: () => (caches = new WeakMap()),
});

/**
 * Makes every embedded font the document opens use the process's shared word cache.
 * Standard-14 fonts (never used by briefkit) have no layout cache and are left alone.
 */
export function shareWordLayouts(pdf: Pdf): void {
  const adopted = new WeakSet<object>();
  onFontSelected(pdf, (embedded) => {
    if (adopted.has(embedded)) return;
    adopted.add(embedded);
    if (embedded.font && embedded.layoutCache) embedded.layoutCache = wordsFor(embedded.font);
    // Runs of a font of 1000 units per em need no scaling (the same runs: vendor/pdfkit.ts).
    unscaledRuns(embedded);
  });
}

function wordsFor(font: object): LayoutCache {
  let words = caches.get(font);
  // Counting keys costs a pass over the cache, so it is done once per document, not per word.
  if (!words || Object.keys(words).length > MAX_SHARED_WORDS) {
    words = Object.create(null) as LayoutCache;
    caches.set(font, words);
  }
  return words;
}
