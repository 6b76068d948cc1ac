import type { AppInfo } from '../../src-shared/ipc/contract.js';

/** `aniportrait info` as a person reads it. */
export function formatInfo(info: AppInfo): string {
  const lines = [`AniPortrait Studio ${info.appVersion}`, '', 'Versions:'];
  for (const [name, version] of Object.entries(info.versions)) lines.push(`  ${name.padEnd(12)} ${version}`);
  lines.push('', 'Execution providers (tried in this order):');
  for (const ep of info.executionProviders) lines.push(`  ${ep.name.padEnd(12)} ${ep.available ? 'available' : 'unavailable'}  ${ep.detail}`);
  lines.push('', 'Models:');
  for (const model of info.models) lines.push(`  ${model.status.padEnd(16)} ${model.name}  (${model.detail})`);
  lines.push('', `Data folder:     ${info.dataDir}`, `Projects folder: ${info.projectsDir}`, '');
  return lines.join('\n');
}
