import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { shippedScenarioCheck } from './src/lib/shippedScenarioCheck.ts';
import { offline } from './src/offline/plugin.ts';

/**
 * Chunks grouped by which modes use their modules. Left alone, Rolldown makes one chunk per set
 * of importers, and a set that differs by one screen makes a chunk of its own: the solo path
 * fetched 32 files, some of 0.1 kB, and paid about 13 kB of import and export lines between them.
 * Each group here joins chunks that the same modes fetch (or nearly: what a mode would fetch in
 * excess is noted), so no path fetches code it did not fetch before. Measure every path
 * (`npm run bench -- --paths-only`) after changing a group. Paths are matched from `src/` and
 * `node_modules/`; what no group names is chunked automatically.
 */
const CHUNK_GROUPS: { name: string; modules: string[] }[] = [
  // The bots' strategies and the engine's types, with the bots' names and summaries: the start
  // screen lists the bots, the Explorer names them, a team's device reads postures and its
  // ladder, and every mode plays or simulates games. (The start screen fetches it anyway, so the
  // words cost it nothing here; in the start group they made the Explorer and a team's device
  // fetch the whole start screen.)
  {
    name: 'bots',
    // (Not engine/bots/tuningDocs.ts: the validator's words for the bots' settings.)
    modules: [
      ...[
        'index',
        'decide',
        'building-blocks',
        'signals',
        'competitor-clause',
        'conditional-delayer',
        'conditional-pauser',
        'fast-follower',
        'open-weights',
        'race-to-deploy',
        'safety-first',
      ].map((m) => `engine/bots/${m}.ts`),
      'engine/postures.ts',
      'engine/ladderTable.ts',
      'engine/policyRules.ts',
      'engine/types.ts',
      'presentation/botWords.ts',
    ],
  },
  // The engine's round and what it reads: every mode but the start screen and the event console.
  // Not what the Explorer's page reads without playing (the engine's version, the parameters,
  // the scenario's names; the CSV writer): its games are played in Web Workers. Not what a team's
  // device in a networked room reads without playing (engineShown below): the server plays.
  {
    name: 'engine',
    modules: [
      ...[
        'labs',
        'audits',
        'events',
        'pauseAgreement',
        'view',
        'market',
        'safeguards',
        'risk',
        'rng',
        'outcome',
        'round',
        'game',
      ].map((m) => `engine/${m}.ts`),
      'engine/machines/labStatusTable.ts',
    ],
  },
  // The engine's modules the game's panels and words read (eval rounds, commitment verdicts, the
  // regulation's names, the policy actions' rules): a team's device in a networked room, the
  // projector's reveal, and with the round every mode that plays.
  {
    name: 'engineShown',
    modules: ['news', 'policyActions', 'world', 'capability', 'evaluation', 'commitments'].map(
      (m) => `engine/${m}.ts`,
    ),
  },
  // What the Explorer's page reads of the engine without playing, and every other mode with it.
  {
    name: 'engineNames',
    modules: [
      'engine/record.ts',
      'engine/parameters.ts',
      'engine/scenarioNames.ts',
      'lib/download.ts',
      'presentation/report/csv.ts',
    ],
  },
  // D3 and the chart frame, axes, legend and series: every chart (solo, workshop, projector,
  // Explorer, the event's projector). The Explorer fetches Series and RefLines (2.3 kB) without
  // drawing them. (engine/numbers.ts stays on its own: nearly every mode reads it, charts or not.
  // The chart colours and the news list are in newsAndColours: a team's device shows both and
  // draws no chart.)
  {
    name: 'charts',
    modules: [
      'node_modules/d3-',
      'node_modules/internmap/',
      'ui/chart/frame.svelte.ts',
      'ui/chart/ChartFrame.svelte',
      'ui/chart/AxisY.svelte',
      'ui/chart/AxisX.svelte',
      'ui/chart/shapes.ts',
      'ui/chart/Legend.svelte',
      'ui/chart/Series.svelte',
      'ui/chart/RefLines.svelte',
      'ui/chart/DomainPicker.svelte',
      'presentation/timeline/thresholds.ts',
    ],
  },
  // The chart colours (the eval panel's too) and the news list: every mode that plays, the
  // projector, a team's device. (The Explorer fetches the news list, 0.5 kB, without showing it.)
  { name: 'newsAndColours', modules: ['ui/chart/styles.ts', 'ui/common/NewsList.svelte'] },
  // The game's explanations and names (tracks, commitments): every mode that plays, a team's
  // device, the policy editor (for the track names).
  { name: 'gameNames', modules: ['presentation/explain.ts', 'ui/game/names.ts'] },
  // The news's sentences, with the plain-words helpers they share with the debrief (plurals,
  // possessives): every mode that plays, a room's teams and projector. (In 'gameWords', which
  // its 'presentation/debrief/' would put debrief/words.ts in, a team's device fetched the whole
  // debrief's words, 7.7 kB, for 0.3 kB of helpers.)
  {
    name: 'newsWords',
    modules: [
      'presentation/newsWords.ts',
      'presentation/newsSentences.ts',
      'presentation/incidentWords.ts',
      'presentation/regulationWords.ts',
      'presentation/debrief/words.ts',
    ],
  },
  // The wording of results and debriefs, their commitments' table, and the game's save: solo,
  // workshop, the console and projector of a networked room, printables. With the two engine
  // modules the debrief reads (what a lab knew, the incidents): in 'engine' they made the reveal
  // on a room's projector and teams' devices fetch the whole round (9 kB).
  {
    name: 'gameWords',
    modules: [
      'presentation/debrief/',
      'engine/debriefFacts.ts',
      'engine/knowledge.ts',
      'engine/incidents.ts',
      'presentation/revealed.ts',
      'lib/gameStore.ts',
      'lib/savedGame.ts',
      'ui/debrief/CommitmentsTable.svelte',
    ],
  },
  // What a networked room's devices and the laptop workshop share: a team's banner, the timer and
  // what a reload keeps (the projector fetches the banner, 0.4 kB, without showing it).
  {
    name: 'roomBasics',
    modules: [
      'ui/workshop/TeamBanner.svelte',
      'ui/workshop/sessionKept.ts',
      'ui/workshop/TimerDisplay.svelte',
      'presentation/workshop/timerWords.ts',
      'engine/workshop/timer.ts',
    ],
  },
  // The public view's timeline and the reveal's words: the laptop workshop, and a networked
  // room's projector, console and (at the game's end) teams.
  {
    name: 'publicParts',
    modules: [
      'ui/workshop/PublicTimeline.svelte',
      'presentation/workshop/reveal.ts',
      'presentation/workshop/commitmentWords.ts',
      'engine/workshop/commitments.ts',
    ],
  },
  // Teams' own policies (templates, what the room sees of them): the laptop workshop, and a
  // networked room's console and teams (in the policy step).
  {
    name: 'teamPolicies',
    modules: ['engine/workshop/teamPolicies.ts', 'presentation/workshop/publicPolicies.ts'],
  },
  // The facilitator's console's own parts: the laptop workshop and a networked room's console.
  {
    name: 'consoleParts',
    modules: [
      'ui/workshop/PanelOnRequest.svelte',
      'ui/workshop/InjectsOnRequest.svelte',
      'ui/workshop/CommitmentsOnRequest.svelte',
      'ui/workshop/LastQuarterNote.svelte',
      'ui/workshop/DisclosureChoice.svelte',
      'ui/workshop/LengthNoteText.svelte',
      'engine/workshop/seats.ts',
      'presentation/report/gameLength.ts',
      'presentation/workshop/afterAction.ts',
      'engine/workshop/teamNames.ts',
      'lib/workshopFile/sessionTypes.ts',
    ],
  },
  // Dialogs and notices: solo, workshop, rooms, policy editor. (FileProblems stays on its own:
  // the start screen shows it, and with it here the page would fetch the dialogs.)
  {
    name: 'dialogs',
    modules: [
      'ui/common/Dialog.svelte',
      'ui/common/ConfirmDialog.svelte',
      'ui/common/Notice.svelte',
    ],
  },
  // Solo play's session and its debrief: solo only.
  {
    name: 'solo',
    modules: [
      'ui/solo/SoloSession.svelte',
      'ui/solo/gameScreens.ts',
      'ui/debrief/DebriefScreen.svelte',
      'ui/common/ShareLink.svelte',
    ],
  },
  // The start screen with its scenario file loader: on the page (the workshop's setup shares the loader).
  {
    name: 'start',
    modules: [
      'ui/solo/SoloGame.svelte',
      'ui/solo/LoadFailed.svelte',
      'ui/solo/soloSaveKey.ts',
      'ui/start/',
      'ui/common/ScenarioPicker.svelte',
    ],
  },
];

/** Rolldown groups from CHUNK_GROUPS, the first listed taking precedence. */
function chunkGroups(groups: typeof CHUNK_GROUPS) {
  return groups.map(({ name, modules }, index) => {
    const matchers = modules.map((m) => (m.startsWith('node_modules/') ? m : `src/${m}`));
    return {
      name,
      priority: groups.length - index,
      test: (id: string) => {
        const path = id.replaceAll('\\', '/').replace(/\?.*$/, '');
        return matchers.some((m) => path.includes(`/${m}`));
      },
    };
  });
}

export default defineConfig({
  // Relative asset URLs: dist/ works from any folder or static server.
  base: './',
  // offline(): writes dist/sw.js, the service worker that precaches the build (src/offline/).
  // shippedScenarioCheck(): refuses to build with a shipped scenario that does not validate, since
  // the app reads shipped files without the validator (src/lib/shippedScenarioCheck.ts).
  plugins: [svelte(), offline(), shippedScenarioCheck()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // Shipped scenarios are fetched as files (src/lib/shippedScenarios.ts): never inline one as a
    // data: URL, which the Content Security Policy's connect-src 'self' would refuse.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    // Every browser the build targets (ES2022) but Safari 16 preloads modules itself; there the
    // chunks still load, only without the early fetch. The polyfill cost every page 0.4 kB.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Only the modules a group names: their dependencies (Svelte's runtime above all) stay
          // where automatic chunking puts them, in the page's entry.
          includeDependenciesRecursively: false,
          groups: chunkGroups(CHUNK_GROUPS),
        },
      },
    },
  },
  test: {
    // Generous limits: on a shared 2-core machine a heavy property test can take several times
    // its usual time, and tests must not fail on wall-clock time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        // Engine, CLI, scenario and property tests: plain Node.
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/ui/**', 'tests/browser/**', '**/node_modules/**'],
        },
      },
      {
        // Svelte component tests: jsdom, Svelte's browser build, jest-dom matchers.
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['tests/ui/**/*.test.ts'],
          setupFiles: ['tests/setup/jest-dom.ts'],
        },
      },
    ],
  },
});
