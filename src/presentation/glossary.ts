// The glossary: short plain definitions of the words the game uses, shown where they appear.

import { POSTURE_RULES } from '../engine/postures';
import { POSTURES } from '../engine/types';

/**
 * Short plain definitions of the words the game uses, from the frameworks' shared vocabulary
 * (see shared/reference/frameworks.md). Keys are the terms as they appear in the UI.
 */
/** The posture table's definitions, as glossary entries ("pause", "restrict"). */
function postureDefinitions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const posture of POSTURES) {
    const { definition } = POSTURE_RULES[posture].words;
    if (definition) out[posture] = definition;
  }
  return out;
}

export const GLOSSARY: Record<string, string> = {
  'capability threshold':
    'A level of dangerous capability (for example, real help towards a biological weapon) that, once a model reaches it, triggers the safeguards a lab’s policy requires.',
  'if-then commitment':
    'The shape every safety framework shares: if evaluations show a model has reached a threshold, then the named safeguards must be ready before training further or deploying; if they are not, pause or restrict until they are.',
  safeguards:
    'Protections a policy requires: security (protecting the model weights from theft), deployment safeguards (filters, monitoring, access controls, staged release) and alignment evidence (showing the model stays under control).',
  elicitation:
    'The effort put into drawing out everything a model can do during evaluations. Weak elicitation understates capability.',
  sandbagging:
    'A model underperforming on purpose in evaluations, so it looks less capable than it is.',
  'safety buffer':
    'A margin below a threshold at which a policy already treats it as reached, to allow for measurement error (from Anthropic’s first RSP).',
  'missed crossing':
    'A threshold the model has truly crossed while the evaluations say it has not — so the policy never triggers. The central hazard: a framework is only as good as its evals.',
  ...postureDefinitions(),
  'conditional pause agreement':
    'A pact among labs: if any member finds a dangerous capability without the safeguards to match, every member pauses. It only works if enough labs join and stay.',
  'quiet revision':
    'Changing your own policy’s threshold without announcing it. Nothing stops a lab from doing so under a voluntary policy; audits and whistleblowers can expose it.',
  'public revision':
    'Changing your own threshold openly. Loosening one costs some reputation; the real danger does not change with the policy.',
  audit:
    'An independent evaluation by outside experts (such as METR or a government AI institute). It elicits more capability than a lab’s own evals and can expose broken commitments and quiet revisions.',
  'binding policy':
    'A policy someone outside the lab enforces, so going past it is not possible. Most real frameworks are voluntary and judged by the lab itself.',
  ASL: 'AI Safety Level — Anthropic’s ladder (ASL-2, ASL-3, ASL-4 …), modelled on biosafety levels. Each level names the security and deployment standards a model at that level requires.',
  CCL: 'Critical Capability Level — Google DeepMind’s name for a threshold in its Frontier Safety Framework, one per risk domain (biosecurity, cyber, ML R&D, harmful manipulation …).',
  'High / Critical':
    'OpenAI Preparedness Framework thresholds. High: the model amplifies existing paths to severe harm, so safeguards must sufficiently minimise the risk before deployment. Critical: new paths to severe harm, so safeguards are required during development too.',
};
