import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test audio for the lip-sync tests: espeak-ng speech (via sox to 16 kHz) and synthetic signals. */
export const SAMPLE_RATE_HZ = 16000;

function missingTool(): string | undefined {
  for (const tool of ['espeak-ng', 'sox']) {
    const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return `${tool} is not installed (apt-get install espeak-ng sox)`;
  }
  return undefined;
}

/** Why the espeak-ng tests cannot run here, or undefined when they can. */
export const SPEECH_TOOLS_MISSING = missingTool();

/** 16-bit PCM WAV to Float32Array -1..1 (first channel). */
export function readWav(path: string): { samples: Float32Array; sampleRateHz: number } {
  const bytes = readFileSync(path);
  let sampleRateHz = 0;
  let channels = 1;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      channels = bytes.readUInt16LE(at + 10);
      sampleRateHz = bytes.readUInt32LE(at + 12);
    } else if (id === 'data') {
      const count = Math.floor(Math.min(size, bytes.length - at - 8) / (2 * channels));
      const samples = new Float32Array(count);
      for (let i = 0; i < count; i++) samples[i] = bytes.readInt16LE(at + 8 + 2 * channels * i) / 32768;
      return { samples, sampleRateHz };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error(`${path}: no data chunk`);
}

export interface SpeakOptions {
  readonly voice?: string;
  /** espeak-ng pitch 0..99. */
  readonly pitch?: number;
  readonly wordsPerMinute?: number;
}

/** espeak-ng speech of `text` (plain text, or phonemes in [[...]]) as 16 kHz mono. */
export function speak(text: string, options: SpeakOptions = {}): Float32Array {
  const dir = mkdtempSync(join(tmpdir(), 'lipsync-test-'));
  try {
    const raw = join(dir, 'raw.wav');
    const wav = join(dir, 'out.wav');
    const args = ['-v', options.voice ?? 'en-us', '-p', String(options.pitch ?? 50), '-s', String(options.wordsPerMinute ?? 140), '-w', raw, text];
    const espeak = spawnSync('espeak-ng', args, { encoding: 'utf8' });
    if (espeak.status !== 0) throw new Error(`espeak-ng failed: ${espeak.stderr}`);
    const sox = spawnSync('sox', ['-D', raw, '-r', String(SAMPLE_RATE_HZ), '-c', '1', '-b', '16', wav], { encoding: 'utf8' });
    if (sox.status !== 0) throw new Error(`sox failed: ${sox.stderr}`);
    return readWav(wav).samples;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const silence = (seconds: number): Float32Array => new Float32Array(Math.round(seconds * SAMPLE_RATE_HZ));

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function scaled(samples: Float32Array, gain: number): Float32Array {
  return Float32Array.from(samples, (x) => x * gain);
}

/** a + b sample by sample (b repeated or cut to a's length). */
export function mixed(a: Float32Array, b: Float32Array): Float32Array {
  return Float32Array.from(a, (x, i) => x + b[i % b.length]);
}

/** Gaussian noise of the given RMS from a fixed seed (reproducible). */
export function noise(seconds: number, rms: number, seed = 1): Float32Array {
  let state = seed >>> 0 || 1;
  const uniform = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 0.5) / 4294967296;
  };
  return Float32Array.from(silence(seconds), () => rms * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
}

/**
 * Music-like background: sustained major triads with a bass note, each a second long, every tone
 * with a few harmonics, softly faded between chords.
 */
export function chords(seconds: number, rms: number): Float32Array {
  const roots = [130.81, 174.61, 196.0, 110.0];
  const out = silence(seconds);
  for (let i = 0; i < out.length; i++) {
    const t = i / SAMPLE_RATE_HZ;
    const root = roots[Math.floor(t) % roots.length];
    const fade = Math.min(1, (t % 1) / 0.05, (1 - (t % 1)) / 0.05);
    let v = 0;
    for (const ratio of [0.5, 1, 1.25, 1.5, 2]) {
      for (let h = 1; h <= 4; h++) v += Math.sin(2 * Math.PI * root * ratio * h * t) / h;
    }
    out[i] = v * fade;
  }
  const current = Math.sqrt(out.reduce((a, x) => a + x * x, 0) / out.length);
  return scaled(out, rms / current);
}

export function rms(samples: Float32Array): number {
  return Math.sqrt(samples.reduce((a, x) => a + x * x, 0) / Math.max(1, samples.length));
}

/** Mean of a per-frame track over [fromSec, toSec). */
export function meanOver(values: Float32Array, fps: number, fromSec: number, toSec: number): number {
  const from = Math.max(0, Math.floor(fromSec * fps));
  const to = Math.min(values.length, Math.ceil(toSec * fps));
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / Math.max(1, to - from);
}

/** Pearson correlation of two equally long series. */
export function correlation(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let [sa, sb] = [0, 0];
  for (let i = 0; i < n; i++) [sa, sb] = [sa + a[i], sb + b[i]];
  const [ma, mb] = [sa / n, sb / n];
  let [cov, va, vb] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

/** First and last time where the 20 ms RMS exceeds a tenth of the clip's loudest: the voiced span. */
export function voicedSpanSec(samples: Float32Array): [number, number] {
  const block = Math.round(0.02 * SAMPLE_RATE_HZ);
  const levels: number[] = [];
  for (let at = 0; at + block <= samples.length; at += block) levels.push(rms(samples.subarray(at, at + block)));
  const threshold = 0.1 * Math.max(...levels);
  const first = levels.findIndex((v) => v > threshold);
  const last = levels.length - 1 - [...levels].reverse().findIndex((v) => v > threshold);
  return [(first * block) / SAMPLE_RATE_HZ, ((last + 1) * block) / SAMPLE_RATE_HZ];
}

/** A crude sung vowel: a pulse train at `pitchHz` through resonances at `formantsHz` (peak 0.5). */
export function syntheticVowel(seconds: number, formantsHz: readonly number[], pitchHz = 120): Float32Array {
  const out = silence(seconds);
  const resonators = formantsHz.map((hz) => {
    const r = Math.exp((-Math.PI * 90) / SAMPLE_RATE_HZ);
    return { a1: 2 * r * Math.cos((2 * Math.PI * hz) / SAMPLE_RATE_HZ), a2: -r * r, y1: 0, y2: 0 };
  });
  const period = Math.round(SAMPLE_RATE_HZ / pitchHz);
  for (let i = 0; i < out.length; i++) {
    let x = i % period === 0 ? 1 : 0;
    for (const f of resonators) {
      const y = x + f.a1 * f.y1 + f.a2 * f.y2;
      [f.y2, f.y1] = [f.y1, y];
      x = y;
    }
    out[i] = x;
  }
  const peak = out.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
  return scaled(out, 0.5 / peak);
}
