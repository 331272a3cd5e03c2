import { playWithBots } from '../../src/engine/game';
import type { Scenario } from '../../src/engine/types';

export interface EngineBench {
  games: number;
  seconds: number;
  gamesPerSecond: number;
  secondsFor10k: number;
  /** CPU seconds this process used: less distorted than wall time when other work shares the cores. */
  cpuSeconds: number;
}

/** Headless bot games on one core (this process), after a warm-up so the JIT has settled. */
export function benchEngine(scenario: Scenario, games: number, rounds = 20): EngineBench {
  for (let i = 0; i < Math.min(200, games); i++) playWithBots(scenario, 1_000_000 + i, rounds);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < games; i++) playWithBots(scenario, i, rounds);
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - start) / 1000;
  return {
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    games,
    seconds,
    gamesPerSecond: games / seconds,
    secondsFor10k: (10_000 / games) * seconds,
  };
}
