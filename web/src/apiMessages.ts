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
  [/^fails ([^;]+); after checking the business licence/, (m) => `校验未通过（${m[1]}）；核对营业执照后勾选确认再导入`],
  [/^fails (.+)$/, (m) => `校验未通过（${m[1]}）`],
  [/^must be a 信易贷 application number such as (\S+)$/, (m) => `须为信易贷申请编号，例如 ${m[1]}`],
  [/^no active staff member '(.+)'$/, (m) => `没有在职人员“${m[1]}”`],
  [/^unknown street '(.+)'/, (m) => `没有街道“${m[1]}”`],
  [/^unknown bank '(.+)'/, (m) => `没有银行“${m[1]}”`],
  // CSV imports (screening, banks)
  [/^column '(.*)' is not one of /, (m) => `列“${m[1]}”不是可用的列（见上方说明）`],
  [/^the header names no '(\w+)' \((.+)\) column$/, (m) => `表头缺少“${m[2]}”（${m[1]}）列`],
  [/^has a header but no rows$/, () => '只有表头，没有数据行'],
  [/^repeats row (\d+): one row per (firm|bank or branch)$/, (m) => `与第 ${m[1]} 行重复：每家${m[2] === 'firm' ? '企业' : '银行或网点'}一行`],
  [/^must be a percentage such as (\S+) or (\S+)$/, (m) => `须为百分比，例如 ${m[1]} 或 ${m[2]}`],
  [/^must be an amount of yuan such as (\S+) or (\S+)$/, (m) => `须为元金额，例如 ${m[1]} 或 ${m[2]}`],
  [/^must be 是\/否 \(yes\/no\)$/, () => '须为“是”或“否”'],
  [/^no building '(.+)' in street (\S+);/, (m) => `该街道（${m[2]}）没有楼宇“${m[1]}”`],
  [/^building '(.+)' is retired$/, (m) => `楼宇“${m[1]}”已停用`],
  [/^must be 2-40 lower-case letters, digits and -/, () => '须为 2-40 位小写字母、数字或“-”，以字母或数字开头'],
  [/^a bank row \(no branch\) has no stations$/, () => '银行行（未填网点）不填驻点街道'],
  [/^unknown bank; add a row for it before its branches/, () => '没有该银行：请在其网点之前加一行银行'],
  [/^names a (street|bank) twice$/, (m) => `同一${m[1] === 'street' ? '街道' : '银行'}填写了两次`],
  [/^names at least one bank$/, () => '至少选择一家银行'],
  // Matching events (银企对接会)
  [/^name the street the firm is in/, () => '请选择企业所在街道（其融资需求将在该街道生成线索）'],
  [/^a NOTE says what was discussed$/, () => '请填写洽谈内容'],
  [/^must be the credit code of a firm registered for the event$/, () => '请选择已报名的企业'],
  [/^firm (\S+) is not registered for the event/, (m) => `企业 ${m[1]} 未报名本场对接会，请先报名`],
  [/^firm (\S+) was registered without its street/, (m) => `企业 ${m[1]} 报名时未填街道，请先补报街道`],
  [/^bank '(.+)' does not attend the event$/, (m) => `银行“${m[1]}”未参加本场对接会`],
  [/^you record your own bank's \((.+)\) meetings only$/, (m) => `只能记录本行（${m[1]}）的对接结果`],
  [/^unknown or retired bank '(.+)'/, (m) => `没有银行“${m[1]}”或已停用`],
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
