import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, bytes: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise. */
export function progressBar(label: string, totalBytes: number | null, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: totalBytes
        ? `${label} [{bar}] {percentage}% | {docs} docs | {rate} docs/s | eta {eta_formatted}`
        : `${label} {docs} docs | {rate} docs/s`,
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = Date.now();
  bar.start(totalBytes ?? 1, 0, { docs: 0, rate: '0' });
  return {
    update(done, bytes) {
      const secs = (Date.now() - t0) / 1000;
      bar.update(totalBytes ? Math.min(bytes, totalBytes) : 0, { docs: done, rate: secs > 0 ? (done / secs).toFixed(0) : '0' });
    },
    stop() {
      bar.stop();
    },
  };
}
