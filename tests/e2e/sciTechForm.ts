// Fills the console's sci-tech application fields (web/src/pages/SciTechApplication.tsx), wherever
// the form places them in its request body (`application` on a new case, `sciTech` on a plan).
import type { Page } from 'playwright-core';

export interface ApplicationValues {
  patents: { patentNo: string; remainingYears: string }[];
  rdSpend: string;
  revenue: [string, string, string];
  yearsInOperation: string;
  existingDebt: string;
}

export async function fillSciTechApplication(page: Page, at: string, a: ApplicationValues): Promise<void> {
  for (const [i, p] of a.patents.entries()) {
    if (i > 0) await page.click(`#${at}-add-patent`);
    await page.fill(`#${at}-patents-${i}-patentNo`, p.patentNo);
    await page.selectOption(`#${at}-patents-${i}-type`, 'INVENTION');
    await page.fill(`#${at}-patents-${i}-remainingYears`, p.remainingYears);
  }
  await page.fill(`#${at}-rdSpend`, a.rdSpend);
  for (const [i, r] of a.revenue.entries()) await page.fill(`#${at}-revenue-${i}`, r);
  await page.fill(`#${at}-yearsInOperation`, a.yearsInOperation);
  await page.fill(`#${at}-existingDebt`, a.existingDebt);
}
