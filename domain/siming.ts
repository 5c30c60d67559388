// Reference data for Siming District, Xiamen: its 10 streets (街道) and the
// banks the district's mechanism names. Branch lists are demo data.

export interface Street {
  code: string;
  nameZh: string;
  nameEn: string;
}

export const SIMING_REGION_CODE = '350203';

export const STREETS: readonly Street[] = [
  { code: 'lujiang', nameZh: '鹭江街道', nameEn: 'Lujiang Street' },
  { code: 'zhonghua', nameZh: '中华街道', nameEn: 'Zhonghua Street' },
  { code: 'xiagang', nameZh: '厦港街道', nameEn: 'Xiagang Street' },
  { code: 'binhai', nameZh: '滨海街道', nameEn: 'Binhai Street' },
  { code: 'yundang', nameZh: '筼筜街道', nameEn: 'Yundang Street' },
  { code: 'wucun', nameZh: '梧村街道', nameEn: 'Wucun Street' },
  { code: 'kaiyuan', nameZh: '开元街道', nameEn: 'Kaiyuan Street' },
  { code: 'jialian', nameZh: '嘉莲街道', nameEn: 'Jialian Street' },
  { code: 'lianqian', nameZh: '莲前街道', nameEn: 'Lianqian Street' },
  { code: 'gulangyu', nameZh: '鼓浪屿街道', nameEn: 'Gulangyu Street' },
];

export interface Bank {
  code: string;
  nameZh: string;
  nameEn: string;
  branches: { code: string; nameZh: string; nameEn: string; streetCode: string }[];
}

export const BANKS: readonly Bank[] = [
  {
    code: 'xib',
    nameZh: '厦门国际银行',
    nameEn: 'Xiamen International Bank',
    branches: [
      { code: 'xib-siming', nameZh: '厦门国际银行思明支行', nameEn: 'XIB Siming Sub-branch', streetCode: 'lujiang' },
      { code: 'xib-kaiyuan', nameZh: '厦门国际银行开元支行', nameEn: 'XIB Kaiyuan Sub-branch', streetCode: 'kaiyuan' },
    ],
  },
  {
    code: 'ccb',
    nameZh: '中国建设银行',
    nameEn: 'China Construction Bank',
    branches: [
      { code: 'ccb-lianqian', nameZh: '建设银行莲前支行', nameEn: 'CCB Lianqian Sub-branch', streetCode: 'lianqian' },
      { code: 'ccb-jialian', nameZh: '建设银行嘉莲支行', nameEn: 'CCB Jialian Sub-branch', streetCode: 'jialian' },
    ],
  },
  {
    code: 'cib',
    nameZh: '兴业银行',
    nameEn: 'Industrial Bank',
    branches: [
      { code: 'cib-xiamen', nameZh: '兴业银行厦门分行', nameEn: 'CIB Xiamen Branch', streetCode: 'zhonghua' },
      { code: 'cib-yundang', nameZh: '兴业银行筼筜支行', nameEn: 'CIB Yundang Sub-branch', streetCode: 'yundang' },
    ],
  },
];
