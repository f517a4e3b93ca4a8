/** Wires the background: nothing runs at import time. */
export function startBackground(): void {
  // Filled by the popup and site-control features (badge, context menu, commands).
}
