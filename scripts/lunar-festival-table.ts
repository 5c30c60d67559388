// `npm run calendar:lunar-table`: writes domain/calendar/lunarFestivalTable.ts, the lunar
// festival dates of every year the statutory holidays are computed for.
import fs from 'node:fs';
import path from 'node:path';
import { lunarFestivalDates } from '../domain/calendar/lunarDates';
import { MAX_STATUTORY_YEAR, MIN_STATUTORY_YEAR } from '../domain/calendar/lunarFestivalTable';

const lines: string[] = [];
for (let year = MIN_STATUTORY_YEAR; year <= MAX_STATUTORY_YEAR; year++) {
  const d = lunarFestivalDates(year);
  const monthDay = [d.lunarNewYear, d.qingming, d.dragonBoat, d.midAutumn].map((date) => `'${date.slice(5)}'`);
  lines.push(`  ${year}: [${monthDay.join(', ')}],`);
}

const file = path.join(__dirname, '../domain/calendar/lunarFestivalTable.ts');
const source = fs.readFileSync(file, 'utf8');
const start = source.indexOf('// table:start\n') + '// table:start\n'.length;
const end = source.indexOf('  // table:end');
fs.writeFileSync(file, source.slice(0, start) + lines.join('\n') + '\n' + source.slice(end));
console.log(`wrote ${lines.length} years to ${path.relative(process.cwd(), file)}`);
