// The yearly 委託先評価 in December (JIS Q 15001 J.9.4: 委託先の選定基準に従って、少なくとも年1回
// 評価する; Mamori holds it in December). Pure: open from 1 December, due 31 December, closed by an
// approved evaluation of that year.

/** The December evaluation task of `today`'s year, or null when not yet December or already approved. */
export function decemberEvaluationDue(name: string, approvedYears: readonly number[], today: string): { title: string; detail: string; dueOn: string } | null {
  const year = Number(today.slice(0, 4));
  if (today.slice(5, 7) !== '12' || approvedYears.includes(year)) return null;
  return { title: `${name} ${year}年の委託先評価`, detail: '12月の委託先評価を行い、承認を受けてください（JIS Q 15001 J.9.4）', dueOn: `${year}-12-31` };
}
