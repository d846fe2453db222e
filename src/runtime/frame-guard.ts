/**
 * Whether the widget runs inside a frame whose ancestors include another
 * origin (SECURITY.md §2 "Host": no submit in a cross-origin frame without
 * opt-in) — a page of another site could overlay it and trick a person into
 * signing. Uses `location.ancestorOrigins` where the browser has it, else
 * tries each parent's location, which throws across origins.
 *
 * @param win - the widget's window.
 * @returns `true` when any ancestor is of another origin.
 */
export function isFramedCrossOrigin(win: Window = window): boolean {
  if (win.top === win) return false;
  const ancestors = win.location.ancestorOrigins;
  if (ancestors !== undefined) return [...ancestors].some((origin) => origin !== win.location.origin);
  try {
    for (let w: Window = win; w !== w.top && w.parent !== w; w = w.parent) void w.parent.location.href;
    return false;
  } catch {
    return true;
  }
}
