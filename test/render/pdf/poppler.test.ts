import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { defaultTheme } from '../../../src/theme/default-theme.js';
import { sampleChartAssets, sampleReportDoc } from '../../fixtures/sample-report-doc.js';

function has(tool: string, versionFlag: string): boolean {
  try {
    execFileSync(tool, [versionFlag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const tools = has('qpdf', '--version') && has('pdffonts', '-v') && has('pdfinfo', '-v');

// Independent readers (qpdf, poppler) check what pdfjs might forgive.
describe.skipIf(!tools)('the rendered file under qpdf and poppler', () => {
  let dir: string;
  const files: Record<'plain' | 'pdfa', string> = { plain: '', pdfa: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'briefkit-pdf-'));
    for (const kind of ['plain', 'pdfa'] as const) {
      const bytes = await renderPdf(sampleReportDoc(), sampleChartAssets(), defaultTheme(), {
        pageSize: 'A4',
        pdfa: kind === 'pdfa',
      });
      files[kind] = path.join(dir, `${kind}.pdf`);
      writeFileSync(files[kind], bytes);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['plain', 'pdfa'] as const)('%s passes qpdf --check', (kind) => {
    const out = execFileSync('qpdf', ['--check', files[kind]], { encoding: 'utf8' });
    expect(out).toContain('No syntax or stream encoding errors');
  });

  it.each(['plain', 'pdfa'] as const)('%s embeds only the theme fonts', (kind) => {
    const rows = execFileSync('pdffonts', [files[kind]], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans-/);
      // Columns: emb sub uni.
      expect(row).toMatch(/\syes\s+yes\s+yes\s/);
    }
  });

  it('is tagged, titled and A4', () => {
    const info = execFileSync('pdfinfo', [files.plain], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+U\.S\.–Ukraine talks in Geneva/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
  });
});
