/** The console's languages: Chinese first (the default), English by the switch. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
