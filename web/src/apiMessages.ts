// The API answers field errors in English (its language); the console shows the common ones in
// Chinese. A message it does not know is shown as the API wrote it.
import type { Lang } from './lang';

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const ZH: readonly Rule[] = [
  [/^is required$/, () => '必填'],
  [/^must be at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must be a whole number$/, () => '须为整数'],
  [/^must be a number$/, () => '须为数字'],
  [/^must be whole months$/, () => '须为整月数'],
  [/^must be at least (\d+)$/, (m) => `至少为 ${m[1]}`],
  [/^must be at most (\d+) months$/, (m) => `最多 ${m[1]} 个月`],
  [/^must be at most (\d+) \((.+)\)$/, (m) => `最多 ${m[1]}（${m[2]}）`],
  [/^give at least one reason$/, () => '至少给出一个原因'],
  [/^must be whole basis points$/, () => '须为整数个基点'],
  [/^must be a CNY amount with at most 2 decimals/, () => '须为人民币金额，最多两位小数'],
  [/^must be (0 or more|more than 0) and at most (\d+) CNY$/, (m) => `须${m[1] === '0 or more' ? '不小于 0' : '大于 0'}且不超过 ${m[2]} 元`],
  [/^must be 18 characters, got (\d+)$/, (m) => `须为 18 位，实为 ${m[1]} 位`],
  [/^character (\d+) \('(.)'\) is not allowed/, (m) => `第 ${m[1]} 位“${m[2]}”不允许；只能用 0-9 和除 I、O、Z、S、V 外的大写字母`],
  [/^fails (.+)$/, (m) => `校验未通过（${m[1]}）`],
  [/^must be a 信易贷 application number such as (\S+)$/, (m) => `须为信易贷申请编号，例如 ${m[1]}`],
  [/^no active staff member '(.+)'$/, (m) => `没有在职人员“${m[1]}”`],
  [/^unknown street '(.+)'/, (m) => `没有街道“${m[1]}”`],
  [/^unknown bank '(.+)'/, (m) => `没有银行“${m[1]}”`],
  // Sci-tech applications (善科贷)
  [/^must be a CNIPA patent number such as (\S+)$/, (m) => `须为国家知识产权局专利号，例如 ${m[1]}`],
  [/^must be whole years$/, () => '须为整年数'],
  [/^lists a patent twice$/, () => '同一专利填写了两次'],
  // zod's own wording where a schema gives none
  [/^Invalid input: expected \w+, received undefined$/, () => '必填'],
  [/^Invalid input: expected number, received NaN$/, () => '须为数字'],
  [/^Too small: expected number to be >=(-?\d+)$/, (m) => `不能小于 ${m[1]}`],
  [/^Too big: expected number to be <=(-?\d+)$/, (m) => `不能大于 ${m[1]}`],
  [/^Invalid option: expected one of /, () => '不是可选的值'],
];

/** An API field message in the console's language. */
export function apiMessage(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [pattern, zh] of ZH) {
    const m = pattern.exec(message);
    if (m) return zh(m);
  }
  return message;
}
