// An operator loads a year from the State Council notice's text, as published: the preview reads
// it and says what would move without writing anything; a sentence it cannot read refuses the
// load; the load itself is the JSON load's (stored once, audited, running cases told).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();
const published = (year: number) => readFileSync(join(__dirname, '../fixtures/notices', `${year}.txt`), 'utf8');
const official = (year: number) => OFFICIAL_NOTICES.find((n) => n.year === year)!;
// 2021's 元旦 sentence in the 2026 notice: 2026-01-01 is a Thursday, not a Friday.
const WRONG_WEEKDAY = '一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。';
const withWrongNewYear = () => published(2026).replace(/一、元旦：[^\n]*/, WRONG_WEEKDAY);

let operator: string;
const preview = (year: number | string, body: object) => request(stack.app).post(`/api/v1/calendar/years/${year}/notice-text`).set('authorization', operator).send(body);
const put = (path: string, body: object) => request(stack.app).put(`/api/v1/calendar/years/${path}`).set('authorization', operator).send(body);

let caseId: string;
let consultationId: string;
beforeAll(async () => {
  operator = await bearer('operator');
  // A running case and a running consultation, both reading 2026.
  const created = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: '厦门通知文本测试有限公司', creditCode: validSimingCode('MA7NTXT1'), street: 'lujiang', bank: 'xib', amount: '300000', purpose: '流动资金' })
    .expect(201);
  caseId = created.body.id;
  const batch = await request(stack.app)
    .post('/api/v1/consultation-batches')
    .set('authorization', await bearer('task-force'))
    .send({ bank: 'xib', firms: [{ name: '厦门通知文本会诊有限公司', creditCode: validSimingCode('MA7NTXT2'), street: 'lujiang', amount: '800000', purpose: '流动资金', reasons: [{ code: 'LOW_CREDIT_RATING' }] }] })
    .expect(202);
  consultationId = `${batch.body.id}-001`;
  await eventually(async () => {
    expect(await stack.db.consultation.findUnique({ where: { consultationId } })).not.toBeNull();
  });
});

describe('POST /api/v1/calendar/years/:year/notice-text previews, writing nothing', () => {
  it('reads the 2026 notice as Xinhua released it; without its document number it cannot load yet', async () => {
    const res = await preview(2026, { text: published(2026) }).expect(200);
    const { year: _y, notice: _n, ...blocks } = official(2026);
    expect(res.body).toMatchObject({ year: 2026, ...blocks, unread: [], loadable: false, changes: [], cases: [], running: [] });
    expect(res.body.notice).toEqual({ title: official(2026).notice.title, publishedOn: '2025-11-04' });
    expect(res.body.problems).toEqual([{ field: 'documentNo', message: 'the text has no document number (文号): give it, e.g. 国办发明电〔2025〕7号' }]);
  });

  it('with the document number it would load, and names the running case and consultation that would recompute', async () => {
    const rowBefore = await stack.db.calendarYear.findUnique({ where: { year: 2026 } });
    const res = await preview(2026, { text: published(2026), documentNo: official(2026).notice.documentNo }).expect(200);
    expect(res.body).toMatchObject({ notice: official(2026).notice, unread: [], problems: [], loadable: true });
    expect(res.body.running).toEqual(expect.arrayContaining([{ id: caseId, kind: 'CASE' }, { id: consultationId, kind: 'CONSULTATION' }]));
    // The seeded 2026 is this very notice: no date changes, so no promise moves.
    expect(res.body.cases.find((c: { id: string }) => c.id === caseId)).toBeUndefined();
    expect(await stack.db.calendarYear.findUnique({ where: { year: 2026 } })).toEqual(rowBefore);
  });

  it('shows a sentence it cannot read, with its text and why, and previews no change', async () => {
    const res = await preview(2026, { text: withWrongNewYear(), documentNo: official(2026).notice.documentNo }).expect(200);
    expect(res.body).toMatchObject({ loadable: false, changes: [], cases: [], running: [], problems: [] });
    expect(res.body.unread).toEqual([{ text: WRONG_WEEKDAY, reason: '1月1日(周五)：2026-01-01是周四，通知写的是周五', reasonEn: '1月1日(周五): 2026-01-01 is a 周四, the notice says 周五' }]);
    expect(res.body.holidays.map((h: { name: string }) => h.name)).not.toContain('元旦');
  });

  it.each<[string, string | number, object, string, string]>([
    ['no text', 2026, {}, 'text', 'Invalid input: expected string, received undefined'],
    ['an empty text', 2026, { text: '  ' }, 'text', 'is required'],
    ['an unknown field', 2026, { text: published(2026), year: 2026 }, 'year', 'is not an accepted field'],
    ['a text that is not a notice', 2026, { text: '各省、自治区、直辖市人民政府：节假日期间要妥善安排好值班。' }, 'text', 'no numbered festival item (like 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。) found'],
    ['a year out of range', 1999, { text: published(2026) }, 'year', 'must be between 2000 and 2098'],
  ])('answers 422 for %s', async (_what, year, body, field, message) => {
    const res = await preview(year, body).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message }]));
  });
});

describe('PUT /api/v1/calendar/years/:year takes the text too', () => {
  it('refuses the load while a sentence is unread, naming it, and writes nothing', async () => {
    const rowBefore = await stack.db.calendarYear.findUnique({ where: { year: 2026 } });
    const res = await put('2026', { text: withWrongNewYear(), documentNo: official(2026).notice.documentNo }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'text', message: `cannot read “${WRONG_WEEKDAY}”: 1月1日(周五): 2026-01-01 is a 周四, the notice says 周五` }]);
    expect(await stack.db.calendarYear.findUnique({ where: { year: 2026 } })).toEqual(rowBefore);
  });

  it('previews the text as the JSON load previews it', async () => {
    const res = await put('2026?preview=true', { text: published(2026), documentNo: official(2026).notice.documentNo }).expect(200);
    expect(res.body).toMatchObject({ year: 2026, preview: true, changes: [] });
  });

  it('loads the 2025 notice as published on gov.cn into exactly the official arrangement, audited', async () => {
    // Other test files read 2025's days at the same time, so its row is never removed: it is given a
    // mistyped signing date, which no day, deadline or reason reads, and the published text corrects
    // it. The days stay the notice's throughout; the row is put back exactly as seeded afterwards.
    const seeded = await stack.db.calendarYear.findUniqueOrThrow({ where: { year: 2025 } });
    const mistyped = { ...official(2025), notice: { ...official(2025).notice, publishedOn: '2024-11-21' } };
    await stack.db.calendarYear.update({ where: { year: 2025 }, data: { arrangement: mistyped } });
    try {
      const res = await put('2025', { text: published(2025) }).expect(200);
      expect(res.body).toMatchObject({ year: 2025, stored: true, changes: [], cases: [], failed: [] });
      const row = await stack.db.calendarYear.findUniqueOrThrow({ where: { year: 2025 } });
      expect(row).toMatchObject({ arrangement: JSON.parse(JSON.stringify(official(2025))), source: 'operator', loadedBy: 'operator' });
      const audit = await stack.db.auditEntry.findFirst({ where: { subject: 'calendar:2025', action: 'CALENDAR_YEAR_LOADED' }, orderBy: { id: 'desc' } });
      expect(audit).toMatchObject({ actor: 'operator', before: mistyped, after: JSON.parse(JSON.stringify(official(2025))) });
      // Loading it again is a repeat: nothing stored or audited.
      expect((await put('2025', { text: published(2025) }).expect(200)).body).toMatchObject({ stored: false, changes: [] });
      expect(await stack.db.auditEntry.count({ where: { subject: 'calendar:2025', action: 'CALENDAR_YEAR_LOADED', id: { gt: audit!.id } } })).toBe(0);
    } finally {
      const restored = { ...seeded, arrangement: seeded.arrangement as object };
      await stack.db.calendarYear.update({ where: { year: 2025 }, data: restored });
    }
  });
});
