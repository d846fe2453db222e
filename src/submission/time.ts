/** Asia/Shanghai is UTC+8 all year: China has not observed daylight saving time since 1991. */
const SHANGHAI_OFFSET_SECONDS = 8 * 60 * 60;

/**
 * The calendar date in Asia/Shanghai of an instant, as `YYYY-MM-DD`: the
 * "application date" age and date rules are judged on (DOMAIN.md). A fixed
 * offset instead of `Intl` keeps the result identical in every runtime,
 * including small-ICU builds.
 *
 * @param epochSeconds - seconds since the epoch (a payload's `iat`).
 * @returns e.g. `2026-11-23`.
 * @example
 * shanghaiDate(Date.UTC(2026, 10, 22, 16, 0, 0) / 1000); // '2026-11-23' (00:00 in Beijing)
 */
export function shanghaiDate(epochSeconds: number): string {
  return new Date((epochSeconds + SHANGHAI_OFFSET_SECONDS) * 1000).toISOString().slice(0, 10);
}
