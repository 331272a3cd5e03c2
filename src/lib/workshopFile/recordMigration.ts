// Older session records, read as the current format.
import type { WorkshopMeta } from '../../engine/workshop/types';

export type OlderRecord = Omit<WorkshopMeta, 'format' | 'pin' | 'policyStep'> & {
  pin?: string | null;
  policyStep?: WorkshopMeta['policyStep'];
};

/**
 * A record of any format this version reads, as the current format: 2 added the PIN, 3 the
 * policy step (an older record has neither).
 */
export function migrateRecord(record: OlderRecord): WorkshopMeta {
  return { ...record, format: 3, pin: record.pin ?? null, policyStep: record.policyStep ?? null };
}
