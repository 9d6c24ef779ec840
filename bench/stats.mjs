// Summaries of the per-round samples, and the RESULTS.md table they make.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/**
 * One row per comparison of a case: the medians of ours and of the floor, the
 * min / median / max of the per-round ratio, the target and whether the
 * median meets it. `rounds` is a list of `{ variant: sample }`.
 */
export function compareRows(benchCase, rounds) {
  return benchCase.compare.map(({ floor, target }) => {
    const ratios = rounds.map((round) => round.ours.ms / round[floor].ms);
    const ratio = median(ratios);
    return {
      case: benchCase.id,
      title: benchCase.title,
      floor,
      ours: median(rounds.map((round) => round.ours.ms)),
      floorMs: median(rounds.map((round) => round[floor].ms)),
      min: Math.min(...ratios),
      median: ratio,
      max: Math.max(...ratios),
      target,
      pass: ratio <= target,
    };
  });
}

/** One row per absolute check of a case, over the `ours` samples of every round. */
export function checkRows(benchCase, rounds) {
  return (benchCase.checks ?? []).map(({ metric, over, max, label }) => {
    const values = rounds.map((round) => round.ours.metrics?.[metric] ?? NaN);
    const value = over === 'max' ? Math.max(...values) : median(values);
    return { case: benchCase.id, label, over, value, min: Math.min(...values), max: Math.max(...values), limit: max, pass: value <= max };
  });
}

/** Variants of one case that computed different results in a round (a floor must do the same work). */
export function resultMismatches(benchCase, rounds) {
  const problems = [];
  rounds.forEach((round, index) => {
    const results = benchCase.variants.map((variant) => round[variant].result).filter((result) => result !== undefined);
    if (new Set(results).size > 1) problems.push(`${benchCase.id} round ${index + 1}: variants computed different results (${results.join(' | ')})`);
  });
  return problems;
}

export function compareTable(rows) {
  const lines = [
    '| case | what | floor | ours, ms | floor, ms | ratio min | ratio median | ratio max | target | meets |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|:---:|',
  ];
  for (const row of rows)
    lines.push(
      `| ${row.case} | ${row.title} | ${row.floor} | ${ms(row.ours)} | ${ms(row.floorMs)} | ${fmt(row.min)} | **${fmt(row.median)}** | ${fmt(row.max)} | ≤ ${row.target} | ${row.pass ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}

export function checkTable(rows) {
  const lines = ['| case | check | judged on | value | rounds min–max | limit | meets |', '|---|---|---|---:|---:|---:|:---:|'];
  for (const row of rows)
    lines.push(
      `| ${row.case} | ${row.label} | ${row.over === 'max' ? 'worst round' : 'median round'} | ${fmt(row.value)} | ${fmt(row.min)}–${fmt(row.max)} | ≤ ${row.limit} | ${row.pass ? 'yes' : '**no**'} |`,
    );
  return lines.join('\n');
}
