// Builds src-shared/lipsync/viseme-profiles.json, the calibrated MFCC profiles of the lip-sync
// analysis, from espeak-ng voices: sustained vowels (A I U E O, and schwa for N), held nasals (n
// and ng for N, m for M) and the vowel ends of consonant-vowel syllables, in three languages, five
// voice variants and four pitches (deep men to women's and children's pitches), resampled to
// 16 kHz with sox. The pure part (MFCC frames, speaker normalisation, statistics) lives in
// src-shared/lipsync/build-viseme-profiles.ts; esbuild bundles it for plain Node here.
//
// Re-run after changing the MFCC configuration or the analysis front end:
//   npm run calibrate:visemes        (package.json: "calibrate:visemes": "node scripts/calibrate-visemes.mjs")
// Needs espeak-ng and sox on PATH (apt-get install espeak-ng sox). Takes 1-3 minutes; prints the
// leave-one-voice-out accuracy and confusion matrix. The output is deterministic for one espeak-ng
// version: review the diff of the JSON like code.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const LIPSYNC = join(ROOT, 'src-shared', 'lipsync');
const OUTPUT = join(LIPSYNC, 'viseme-profiles.json');

/**
 * Phonemes per class in espeak-ng's [[...]] notation: near-cardinal vowels in each language, and
 * for N the relaxed vowels (schwa, and strut where the language has it).
 */
const LANGUAGES = {
  'en-us': { A: ['A:'], I: ['i:'], U: ['u:'], E: ['E:'], O: ['O:'], N: ['@:', 'V:'] },
  en: { A: ['A:'], I: ['i:'], U: ['u:'], E: ['E:'], O: ['O:'], N: ['@:', 'V:'] },
  de: { A: ['a:'], I: ['i:'], U: ['u:'], E: ['e:'], O: ['o:'], N: ['@:'] },
};
/** Held voiced consonants: the nasals n and ng (relaxed mouth) and a hummed m (lips closed). */
const CONSONANTS = { N: ['NNNNN', 'nnnnn'], M: ['mmmmm'] };
/** Onsets of the syllables whose vowel ends are also calibrated (coarticulated vowels). */
const ONSETS = ['b', 'd', 'm', 's', 'w', 'l'];
/** espeak-ng variants: default, a deeper man, two women, a creaky voice. */
const VARIANTS = ['', '+m3', '+f2', '+f4', '+croak'];
/** espeak-ng pitch (0..99), up to children's pitch with the +f variants; the tests use 20 and 90, not in this set on purpose. */
const PITCHES = [15, 40, 65, 99];
/** Slow speech: long vowels, clean voiced stretches. */
const WORDS_PER_MINUTE = 80;

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr}`))));
  });
}

/** 16-bit PCM mono WAV (as sox writes it) to Float32Array -1..1. */
function readWav(path) {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = view.getUint32(at + 4, true);
    if (id === 'data') {
      const count = Math.floor(Math.min(size, bytes.length - at - 8) / 2);
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(at + 8 + 2 * i, true) / 32768;
      return out;
    }
    at += 8 + size + (size & 1);
  }
  throw new Error(`${path}: no data chunk`);
}

async function synthesize(dir, index, voice, pitch, phonemes) {
  const raw = join(dir, `${index}-raw.wav`);
  const wav = join(dir, `${index}.wav`);
  await run('espeak-ng', ['-v', voice, '-p', String(pitch), '-s', String(WORDS_PER_MINUTE), '-w', raw, `[[${phonemes}]]`]);
  // -D: no dither, so that the corpus (and the JSON) is the same on every run.
  await run('sox', ['-D', raw, '-r', '16000', '-c', '1', '-b', '16', wav]);
  return readWav(wav);
}

/** Every utterance of the corpus: { voiceId, voice, pitch, phonemes, visemeClass, part }. */
function corpus() {
  const jobs = [];
  for (const [language, vowels] of Object.entries(LANGUAGES)) {
    for (const variant of VARIANTS) {
      for (const pitch of PITCHES) {
        const voice = language + variant;
        const voiceId = `${voice} -p ${pitch}`;
        const job = (phonemes, visemeClass, part) => jobs.push({ voiceId, voice, pitch, phonemes, visemeClass, part });
        for (const [visemeClass, list] of Object.entries(vowels)) {
          for (const vowel of list) {
            job(vowel, visemeClass, 'sustained');
            for (const onset of ONSETS) job(onset + vowel, visemeClass, 'final');
          }
        }
        for (const [visemeClass, list] of Object.entries(CONSONANTS)) for (const phonemes of list) job(phonemes, visemeClass, 'sustained');
      }
    }
  }
  return jobs;
}

/** The pure calibration code, bundled from TypeScript for plain Node. */
async function loadCalibration(dir) {
  const outfile = join(dir, 'calibration.mjs');
  await build({
    stdin: {
      contents: "export { buildVisemeProfiles } from './build-viseme-profiles.ts';\nexport { DEFAULT_MFCC_CONFIG } from './mfcc-config.ts';\n",
      resolveDir: LIPSYNC,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** Pretty JSON with number arrays on one line: small, and diffs read per class. */
function formatJson(value) {
  return `${JSON.stringify(value, null, 2).replace(/\[\s+([^[\]{}]+?)\s+\]/g, (_, body) => `[${body.split(/,\s*/).join(', ')}]`)}\n`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'calibrate-visemes-'));
  try {
    const version = await new Promise((resolve, reject) => {
      const child = spawn('espeak-ng', ['--version']);
      let out = '';
      child.stdout.on('data', (chunk) => (out += String(chunk)));
      child.on('error', () => reject(new Error('espeak-ng not found: install it (apt-get install espeak-ng) and re-run.')));
      child.on('close', () => resolve(out.trim().split(/\s+Data at/)[0]));
    });
    await run('sox', ['--version']).catch(() => {
      throw new Error('sox not found: install it (apt-get install sox) and re-run.');
    });
    const { buildVisemeProfiles, DEFAULT_MFCC_CONFIG } = await loadCalibration(dir);

    const jobs = corpus();
    const recordings = new Array(jobs.length);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index];
        const samples = await synthesize(dir, index, job.voice, job.pitch, job.phonemes);
        recordings[index] = { voiceId: job.voiceId, visemeClass: job.visemeClass, part: job.part, samples };
      }
    };
    await Promise.all(Array.from({ length: availableParallelism() }, worker));
    console.log(`synthesized ${recordings.length} utterances with ${version}`);

    const source = {
      generator: version,
      vowels: LANGUAGES,
      variants: VARIANTS.map((v) => v || 'default'),
      pitches: PITCHES,
      consonants: CONSONANTS,
      onsets: ONSETS,
      wordsPerMinute: WORDS_PER_MINUTE,
      script: 'scripts/calibrate-visemes.mjs',
    };
    const report = buildVisemeProfiles(recordings, DEFAULT_MFCC_CONFIG, source);
    const classes = report.profiles.classes;
    console.log(`leave-one-voice-out accuracy ${(100 * report.heldOutAccuracy).toFixed(1)} %, softmax temperature ${report.profiles.softmaxTemperature}`);
    console.log(`confusion (rows true, columns predicted):\n     ${classes.map((c) => c.padStart(6)).join('')}`);
    report.confusion.forEach((row, k) => console.log(`  ${classes[k]}  ${row.map((v) => String(v).padStart(6)).join('')}`));
    writeFileSync(OUTPUT, formatJson(report.profiles));
    console.log(`wrote ${OUTPUT}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
