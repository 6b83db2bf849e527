import type { Command } from 'commander';

export const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
export const number = (value: string | undefined) =>
  value === undefined || value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value);
export const paging = (command: Command) =>
  command
    .option('--limit <n>', 'at most this many (1 to 1000, default 100)')
    .option('--cursor <next>', 'resume from the `next` a previous --json answer gave');
export const more = (next: string | null) => (next ? `\nmore: add --cursor ${next}` : '');
