import type { LevelSpec, Posture, SafeguardTrack, TrackValues } from './types';

export interface Shortfall {
  track: SafeguardTrack;
  required: number;
  readiness: number;
  /** Whether the requirement gates training ('pause') or full deployment ('restrict'). */
  gates: 'training' | 'deployment';
}

export interface CommitmentVerdict {
  /** The most permissive posture the lab's own policy allows. */
  allowed: Posture;
  level: LevelSpec | null;
  shortfalls: Shortfall[];
}

function shortfallsFor(
  requires: TrackValues,
  safeguards: Record<SafeguardTrack, number>,
  gates: Shortfall['gates'],
): Shortfall[] {
  return (Object.entries(requires) as [SafeguardTrack, number][])
    .filter(([track, required]) => safeguards[track] < required)
    .map(([track, required]) => ({ track, required, readiness: safeguards[track], gates }));
}

/**
 * Whether the safeguards meet every track the level requires. The three tracks are read by name,
 * not by a for-in over the requirement (objects of several shapes: a slow keyed load for every lab
 * several times a quarter); a track not required reads undefined, and `x < undefined` is false, so
 * it never fails, as when the loop skipped it.
 */
function meets(requires: TrackValues, safeguards: Record<SafeguardTrack, number>): boolean {
  return !(
    safeguards.security < (requires.security as number) ||
    safeguards.deployment < (requires.deployment as number) ||
    safeguards.alignment < (requires.alignment as number)
  );
}

/** Just the verdict's posture, without building the shortfall list (the engine's hot path). */
export function allowedPosture(
  levels: readonly LevelSpec[],
  knownLevel: number,
  safeguards: Record<SafeguardTrack, number>,
): Posture {
  const level = knownLevel >= 0 ? levels[knownLevel] : undefined;
  if (!level) return 'deploy';
  if (!meets(level.trainingRequires, safeguards)) return 'pause';
  return meets(level.deploymentRequires, safeguards) ? 'deploy' : 'restrict';
}

/**
 * The if-then commitment: once a level is known to be reached, training continues only with that
 * level's training safeguards ready, and full deployment only with its deployment safeguards.
 * Otherwise: pause (training short) or restrict (deployment short).
 */
export function commitmentVerdict(
  levels: readonly LevelSpec[],
  knownLevel: number,
  safeguards: Record<SafeguardTrack, number>,
): CommitmentVerdict {
  const level = knownLevel >= 0 ? (levels[knownLevel] ?? null) : null;
  if (!level) return { allowed: 'deploy', level: null, shortfalls: [] };
  const training = shortfallsFor(level.trainingRequires, safeguards, 'training');
  const deployment = shortfallsFor(level.deploymentRequires, safeguards, 'deployment');
  const allowed: Posture =
    training.length > 0 ? 'pause' : deployment.length > 0 ? 'restrict' : 'deploy';
  return { allowed, level, shortfalls: [...training, ...deployment] };
}
