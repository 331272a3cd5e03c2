// The report writers (Markdown) are fetched on the click that downloads a report, not with the
// screens. Should the fetch fail (the network dropped before the app was cached), the screen
// shows this notice instead of nothing happening.

export interface ReportNotice {
  tone: 'danger';
  title: string;
  text: string;
}

const MISSING: ReportNotice = {
  tone: 'danger',
  title: 'The report could not be made',
  text: 'The part of Threshold that writes reports could not be loaded. Check the connection and try again.',
};

/** The writer module, or null after `onMissing` was given the notice to show. */
export async function loadReportWriter<T>(
  load: () => Promise<T>,
  onMissing: (notice: ReportNotice) => void,
): Promise<T | null> {
  try {
    return await load();
  } catch {
    onMissing(MISSING);
    return null;
  }
}
