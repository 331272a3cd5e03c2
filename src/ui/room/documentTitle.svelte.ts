// The tab's title follows `title()`. Set directly rather than with <svelte:head>, whose runtime
// would ship in the entry chunk every page and mode fetches.
export function documentTitle(title: () => string): void {
  $effect(() => {
    document.title = title();
  });
}
