// The Explorer's downloads: "threshold-<what>-<scenario>.csv" or ".json" (pretty-printed, ending
// in a newline), the same names and contents from every panel. Browser only.
import { downloadText, slug } from '../../lib/download';

/** `what`: "sweep", "compare", "pause", "scorecard". */
export function downloadCsvExport(what: string, scenarioId: string, csv: string): void {
  downloadText(`threshold-${what}-${slug(scenarioId)}.csv`, csv, 'text/csv');
}

export function downloadJsonExport(what: string, scenarioId: string, data: unknown): void {
  downloadText(
    `threshold-${what}-${slug(scenarioId)}.json`,
    `${JSON.stringify(data, null, 2)}\n`,
    'application/json',
  );
}
