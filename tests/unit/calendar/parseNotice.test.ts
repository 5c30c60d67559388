import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noticeArrangement } from '../../../domain/calendar/noticeArrangement';
import { parseNotice } from '../../../domain/calendar/parseNotice';
import { readNoticeTitle } from '../../../domain/calendar/noticeTitle';
import { OFFICIAL_NOTICES } from '../../../domain/calendar/officialNotices';

// The notices as published (tests/fixtures/notices): 2025 as on gov.cn, 2026 as Xinhua released it.
const published = (year: number) => readFileSync(join(__dirname, '../../fixtures/notices', `${year}.txt`), 'utf8');
const official = (year: number) => JSON.parse(JSON.stringify(OFFICIAL_NOTICES.find((n) => n.year === year)));
// A 2026 notice with one item replaced; the rest stays as published.
const with2026Item = (no: string, item: string) => published(2026).replace(new RegExp(`${no}、[^\\n]*`), item);

describe('the published notices', () => {
  it('2025 (国办发明电〔2024〕12号) reads whole and equals the arrangement the code ships', () => {
    const parsed = parseNotice(published(2025), 2025);
    expect(parsed.unread).toEqual([]);
    expect(noticeArrangement(parsed)).toEqual({ arrangement: official(2025), problems: [] });
  });

  it('2024 (国办发明电〔2023〕7号), in its older wording (与周末连休, 星期日, an encouragement to rest on 除夕), equals the shipped arrangement', () => {
    const parsed = parseNotice(published(2024), 2024);
    expect(parsed.unread).toEqual([]);
    expect(noticeArrangement(parsed)).toEqual({ arrangement: official(2024), problems: [] });
  });

  it('2026 reads whole; Xinhua’s copy has no document number, which the operator gives', () => {
    const parsed = parseNotice(published(2026), 2026);
    expect(parsed.unread).toEqual([]);
    expect(parsed.notice).toEqual({ title: '国务院办公厅关于2026年部分节假日安排的通知', publishedOn: '2025-11-04' });
    expect(noticeArrangement(parsed).problems).toEqual([{ path: 'documentNo', message: expect.stringContaining('no document number') }]);
    expect(noticeArrangement(parsed, '国办发明电〔2025〕7号')).toEqual({ arrangement: official(2026), problems: [] });
  });

  it('names the year from the title, and refuses a notice pasted for another year', () => {
    expect(readNoticeTitle(published(2025))).toEqual({ title: '国务院办公厅关于2025年部分节假日安排的通知', year: 2025, documentNo: '国办发明电〔2024〕12号' });
    expect(readNoticeTitle('一、元旦：1月1日（周四）放假1天。')).toEqual({});
    const parsed = parseNotice(published(2025), 2026);
    expect(parsed.unread[0]).toEqual({ text: '国务院办公厅关于2025年部分节假日安排的通知', reason: '这是2025年的通知，正在载入的是2026年', reasonEn: 'the notice is for 2025, the year being loaded is 2026' });
    expect(noticeArrangement(parsed).arrangement).toBeUndefined();
  });

  it('reads the same in one paragraph, with half-width punctuation, and twice alike', () => {
    const text = published(2026);
    const flat = text.replace(/\s+/g, '');
    const halfWidth = text.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',');
    expect(parseNotice(flat, 2026)).toEqual(parseNotice(text, 2026));
    expect(parseNotice(halfWidth, 2026)).toEqual(parseNotice(text, 2026));
  });
});

describe('a sentence it cannot read is reported with its text and why, never guessed', () => {
  it.each([
    ['a weekday that is not the date’s (2021’s 元旦 pasted into 2026)', '一', '一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。', '1月1日(周五)：2026-01-01是周四，通知写的是周五'],
    ['a day count that disagrees with the dates', '一', '一、元旦：1月1日（周四）至3日（周六）放假调休，共4天。', '2026-01-01至2026-01-03是3天，通知写共4天'],
    ['a date that does not exist', '五', '五、端午节：6月19日（周五）至31日（周日）放假，共3天。', '31日(周日)：不是真实的日期'],
    ['a block ending before it starts', '五', '五、端午节：6月21日（周日）至19日（周五）放假，共3天。', '结束日2026-06-19早于开始日2026-06-21'],
    ['a block without its festival’s statutory day', '三', '三、清明节：4月6日（周一）放假1天，不调休。', '2026-04-06至2026-04-06不含清明节的法定假日（2026-04-05）'],
    ['a rest block in words it does not know', '六', '六、中秋节：9月25日（周五）至27日（周日）放假三天。', '读不懂“放假三天”（应为“放假调休，共N天”或“放假1天”）'],
    ['a date without its month', '六', '六、中秋节：25日（周五）至27日（周日）放假，共3天。', '25日(周五)：没有写月份'],
    ['a bracketed note that is neither weekday nor lunar date', '六', '六、中秋节：9月25日（调休）至27日（周日）放假，共3天。', '9月25日(调休)：括号里的“调休”既不是星期也不是农历日期'],
  ])('%s', (_what, no, item, reason) => {
    const parsed = parseNotice(with2026Item(no, item), 2026);
    expect(parsed.unread).toEqual([{ text: item, reason, reasonEn: expect.any(String) }]);
    expect(parsed.holidays).toHaveLength(official(2026).holidays.length - 1);
    expect(noticeArrangement(parsed, '国办发明电〔2025〕7号').arrangement).toBeUndefined();
  });

  it('reports a make-up sentence alone and keeps the item’s rest block', () => {
    const item = '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月5日（周一）上班。';
    const parsed = parseNotice(with2026Item('一', item), 2026);
    expect(parsed.unread).toEqual([{ text: '1月5日（周一）上班。', reason: '2026-01-05不是周六或周日，不能调为上班', reasonEn: '2026-01-05 is not a Saturday or Sunday, so it cannot become a make-up working day' }]);
    expect(parsed.holidays[0]).toEqual({ name: '元旦', nameEn: "New Year's Day", from: '2026-01-01', to: '2026-01-03' });
    expect(parsed.makeupWorkdays).not.toContain('2026-01-04');
  });

  it('reports a dated sentence that is neither rest nor work, an unknown festival and an unnumbered festival line', () => {
    const text = with2026Item('一', '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）照常休息。')
      .replace('七、国庆节：', '国庆节：')
      .concat('\n八、植树节：3月12日（周四）放假1天。\n');
    expect(parseNotice(text, 2026).unread).toEqual([
      { text: '1月4日（周日）照常休息。', reason: '既不是放假安排（…放假…）也不是调休上班（…上班）', reasonEn: expect.any(String) },
      { text: expect.stringMatching(/^国庆节：10月1日/), reason: '不是编号的节日条目（如“一、元旦：…”）', reasonEn: expect.any(String) },
      { text: '八、植树节：3月12日（周四）放假1天。', reason: '不认识的节日：植树节', reasonEn: 'unknown festival: 植树节' },
    ]);
  });

  it('finds nothing to load in a text that is not a notice', () => {
    const parsed = parseNotice('各省、自治区、直辖市人民政府：\n节假日期间要妥善安排好值班。', 2026);
    expect(parsed).toEqual({ year: 2026, notice: {}, holidays: [], makeupWorkdays: [], unread: [] });
    expect(noticeArrangement(parsed, '国办发明电〔2025〕7号').problems.map((p) => p.message)).toEqual([
      expect.stringContaining('no title'),
      expect.stringContaining('no signing date'),
      expect.stringContaining('no numbered festival item'),
    ]);
  });

  it('keeps the year’s part of a block written from the December before (the 2023 notice’s 元旦)', () => {
    const parsed = parseNotice('一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n二、劳动节：2025年4月29日至5月3日放假调休，共5天。2022年12月31日上班。', 2023);
    expect(parsed.holidays).toEqual([{ name: '元旦', nameEn: "New Year's Day", from: '2023-01-01', to: '2023-01-02' }]);
    expect(parsed.unread.map((u) => u.reason)).toEqual(['2025年4月29日：不在2023年前后', '2022-12-31不在2023年内']);
  });

  it('refuses a document number that contradicts the text’s', () => {
    expect(noticeArrangement(parseNotice(published(2025), 2025), '国办发明电〔2024〕13号').problems).toEqual([
      { path: 'documentNo', message: 'the text gives 国办发明电〔2024〕12号, not 国办发明电〔2024〕13号' },
    ]);
  });

  it('refuses blocks that overlap, though each sentence reads', () => {
    const text = with2026Item('六', '六、中秋节：9月25日（周五）至10月1日（周四）放假调休，共7天。');
    const result = noticeArrangement(parseNotice(text, 2026), '国办发明电〔2025〕7号');
    expect(result.problems).toEqual([{ path: 'text', message: expect.stringMatching(/^holidays\[6\]: overlaps holidays\[5\] on 2026-10-01/) }]);
  });
});
