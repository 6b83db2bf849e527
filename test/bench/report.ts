import type { TargetName } from './options.js';

export interface Row {
  measure: string;
  baseline: string;
  target: string;
  cells: Partial<Record<TargetName, string>>;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
export const fmt = {
  int: n0,
  ratio: (a: number, b: number) => `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`,
  ms: (x: number) => (x >= 100 ? `${n0(x)} ms` : `${x.toFixed(1)} ms`),
  mb: (bytes: number) => `${n0(bytes / 1024 / 1024)} MB`,
  mark: (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✅' : ' ❌'),
};

/** A ratio cell: "0.42× (1,234 vs 2,950 /s) ✅". */
export function ratioCell(value: number, baseline: number, unit: string, ok?: boolean, show = n0): string {
  return `${fmt.ratio(value, baseline)} (${show(value)} vs ${show(baseline)}${unit})${fmt.mark(ok)}`;
}

export function markdownTable(rows: Row[], targets: TargetName[]): string {
  const names: Record<TargetName, string> = { pglite: 'PGlite (embedded)', postgres: 'PostgreSQL' };
  const header = ['Measure (ratio = value / baseline)', 'Baseline', 'Target', ...targets.map((t) => names[t])];
  const lines = [
    header,
    header.map(() => '---'),
    ...rows.map((r) => [r.measure, r.baseline, r.target, ...targets.map((t) => r.cells[t] ?? 'n/a')]),
  ];
  return lines.map((cells) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`).join('\n');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
