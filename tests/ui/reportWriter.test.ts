import { describe, expect, it } from 'vitest';
import { loadReportWriter, type ReportNotice } from '../../src/ui/common/reportWriter';

// The report writers are fetched on the click that needs them: a failed fetch must say so.
describe('loadReportWriter', () => {
  it('hands back the writer module when it loads, and shows nothing', async () => {
    const shown: ReportNotice[] = [];
    const writer = await loadReportWriter(
      async () => ({ write: () => '# report' }),
      (notice) => shown.push(notice),
    );
    expect(writer?.write()).toBe('# report');
    expect(shown).toEqual([]);
  });

  it('shows a notice naming the problem when the writer cannot be fetched', async () => {
    const shown: ReportNotice[] = [];
    const writer = await loadReportWriter(
      () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      (notice) => shown.push(notice),
    );
    expect(writer).toBeNull();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('The report could not be made');
    expect(shown[0]?.text).toMatch(/could not be loaded/);
  });
});
