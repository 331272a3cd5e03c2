import { auditLab, exposeHidden } from './audits';
import { worldNews } from './news';
import { clamp01 } from './numbers';
import type { Rng } from './rng';
import type { LabState, NewsItem, Scenario, ScriptedEvent, WorldState } from './types';

export interface EventOutcome {
  news: NewsItem[];
  exposures: number;
}

function targets(labs: LabState[], who: string): LabState[] {
  return who === 'all' ? labs.filter((l) => !l.halted) : labs.filter((l) => l.id === who);
}

/** The lab a whistleblower at "any" lab speaks about: the one with most to hide (first on ties). */
function mostHidden(labs: LabState[]): LabState | undefined {
  let pick: LabState | undefined;
  let most = 0;
  for (const lab of labs) {
    const hidden = lab.hiddenBreaches + lab.policy.revisions.filter((r) => !r.exposed).length;
    if (hidden > most) [pick, most] = [lab, hidden];
  }
  return pick;
}

/** Apply one inject to the (already copied) labs and world. */
export function applyEvent(
  event: ScriptedEvent,
  labs: LabState[],
  world: WorldState,
  scenario: Scenario,
  round: number,
  rng: Rng,
): EventOutcome {
  // The inject's own words are scenario data (or a facilitator's): the fact quotes them.
  const news: NewsItem[] = [
    worldNews(round, { kind: 'inject', headline: event.headline, body: event.body }),
  ];
  let exposures = 0;
  const e = event.effect;
  switch (e.kind) {
    case 'news':
      break;
    case 'trust':
      world.publicTrust = clamp01(world.publicTrust + e.delta);
      break;
    case 'breakthrough':
      for (const lab of targets(labs, e.lab)) {
        // A new object, never a write into the old one: states and records share these.
        if (lab.capability[e.domain] !== undefined) {
          const value = clamp01((lab.capability[e.domain] ?? 0) + e.delta);
          lab.capability = { ...lab.capability, [e.domain]: value };
        }
      }
      break;
    case 'weightsStolen':
      for (const lab of targets(labs, e.lab)) {
        world.stolenModels = [
          ...world.stolenModels,
          { fromLab: lab.id, round, capability: { ...lab.capability } },
        ];
      }
      break;
    case 'whistleblower': {
      const lab = e.lab === 'any' ? mostHidden(labs) : labs.find((l) => l.id === e.lab);
      if (lab) {
        const r = exposeHidden(lab, round, 'whistleblower');
        news.push(...r.news);
        exposures += r.exposures;
      }
      break;
    }
    case 'regulation':
      world.regulation = Math.max(world.regulation, e.level) as WorldState['regulation'];
      break;
    case 'budget':
      for (const lab of targets(labs, e.lab)) lab.budget = Math.max(0, lab.budget + e.delta);
      break;
    case 'boardPressure':
      for (const lab of targets(labs, e.lab)) {
        lab.boardPressure = clamp01(lab.boardPressure + e.delta);
      }
      break;
    case 'safeguards':
      for (const lab of targets(labs, e.lab)) {
        const value = clamp01(lab.safeguards[e.track] + e.delta);
        lab.safeguards = { ...lab.safeguards, [e.track]: value };
      }
      break;
    case 'audit':
      for (const lab of targets(labs, e.lab)) {
        const r = auditLab(lab, scenario, round, rng);
        news.push(...r.news);
        exposures += r.exposures;
      }
      break;
  }
  return { news, exposures };
}
