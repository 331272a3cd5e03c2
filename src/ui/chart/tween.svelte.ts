// A number that eases towards a target (for chart transitions between rounds). A tiny stand-in
// for svelte/motion's Tween, which reads matchMedia when imported (missing in jsdom); this one
// only touches requestAnimationFrame when it animates. Call during component initialisation.
import { untrack } from 'svelte';

const easeOut = (t: number): number => 1 - (1 - t) ** 3;

export function tweened(target: () => number, duration: number): { readonly current: number } {
  let current = $state(untrack(target));
  $effect(() => {
    const to = target();
    const from = untrack(() => current);
    if (duration <= 0 || from === to || typeof requestAnimationFrame !== 'function') {
      current = to;
      return;
    }
    const start = performance.now();
    let frame = requestAnimationFrame(function step(now: number) {
      // A frame's time stamp can precede `start` (taken when the effect ran): no easing before 0.
      const t = Math.min(1, Math.max(0, (now - start) / duration));
      current = from + (to - from) * easeOut(t);
      if (t < 1) frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  });
  return {
    get current() {
      return current;
    },
  };
}
