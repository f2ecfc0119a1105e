/** `--name value` options of the benchmark CLIs; a bad value exits 2 with a one-line reason. */
export function intOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const raw = process.argv[i + 1];
  const value = Number(raw);
  if (!raw || !Number.isInteger(value) || value < 1) {
    console.error(`--${name}: expected a positive whole number, got ${raw ?? "nothing"}`);
    process.exit(2);
  }
  return value;
}

export const hasFlag = (name: string) => process.argv.includes(`--${name}`);
