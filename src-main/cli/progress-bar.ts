/** A one-line progress bar with ETA for terminals; plain periodic lines otherwise. */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr, unit = 'frames') {
  const started = performance.now();
  let lastPrinted = 0;
  return {
    update(done: number, total: number): void {
      const now = performance.now();
      if (done < total && now - lastPrinted < (stream.isTTY ? 100 : 2000)) return;
      lastPrinted = now;
      const fraction = total > 0 ? done / total : 1;
      const elapsedSec = (now - started) / 1000;
      const etaSec = fraction > 0 ? (elapsedSec * (1 - fraction)) / fraction : 0;
      const width = 30;
      const filled = Math.round(fraction * width);
      const text = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${unit ? `${done}/${total} ${unit}, ` : ''}ETA ${clock(etaSec)}`;
      stream.write(stream.isTTY ? `\r${text}` : `${text}\n`);
      if (done >= total && stream.isTTY) stream.write('\n');
    },
  };
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
