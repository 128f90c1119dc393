/**
 * Keeps a pop-up (a menu, a list of results) that is anchored to the right edge of its button on
 * the screen: when it would open past the left edge of the window (a narrow window, a header that
 * wrapped), it is moved right by as much as it needs, through the CSS property `--shift`
 * (the CSSOM, so no inline style is written). Call it after the pop-up is drawn.
 */
export function keepOnScreen(popup: HTMLElement | null | undefined, margin = 8): void {
  if (!popup) return;
  popup.style.setProperty('--shift', '0px');
  const r = popup.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  let shift = 0;
  if (r.left < margin) shift = margin - r.left;
  else if (r.right > width - margin) shift = Math.max(margin - r.left, width - margin - r.right);
  popup.style.setProperty('--shift', `${Math.round(shift)}px`);
}
