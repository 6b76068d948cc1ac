/** Now in ms since the epoch, sub-millisecond and comparable between the page and its workers (performance.timeOrigin + now). */
export function epochNowMs(): number {
  return performance.timeOrigin + performance.now();
}
