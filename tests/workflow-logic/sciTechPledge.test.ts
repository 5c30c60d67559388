// Sci-tech credit backed by patents (知产变资产) on stub activities: the limit is the pledged
// patents' value, revenue only moves the case to a person, and the approver cannot grant more.
import { sciTechDecideUpdate, sciTechGetStateQuery } from '../../workflows/sciTechCase';
import { HOUR, eventually, refusal } from '../support/caseScenarios';
import { sciTechInput, startSciTech, weakRevenueBiotech } from '../support/sciTechScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { at, clockTo, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();
const approver = { actor: 'credit-approver@ccb', actorProfile: { role: 'credit_approver' as const, bank: 'ccb' }, rateBp: 420, termMonths: 12 };

test('weak revenue, two invention patents: a person grants the 120万 the patents back, inside 48 hours, and no more', async () => {
  const acceptedAt = at('2035-05-07', '10:00');
  await clockTo(s.env, acceptedAt);
  const input = sciTechInput(acceptedAt, weakRevenueBiotech);
  const handle = await startSciTech(s, input);
  await eventually(async () => expect((await handle.query(sciTechGetStateQuery)).stage).toBe('MANUAL_REVIEW'));
  const review = await handle.query(sciTechGetStateQuery);
  expect(review).toMatchObject({ score: 80, band: 'MANUAL_REVIEW', limit: { ipValueFen: 150_000_000, recommendedFen: 120_000_000, bindingCap: 'REQUESTED' } });
  expect(review.bandReasons!.map((r) => r.code)).toEqual(['SCORE_ABOVE_PASS', 'WEAK_REVENUE']);
  expect(s.rec.timeline(input.caseNo).find((e) => e.type === 'MANUAL_REVIEW')?.data).toMatchObject({ recommendedFen: 120_000_000 });

  await clockTo(s.env, new Date(acceptedAt.getTime() + 3 * HOUR));
  expect(await refusal(handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...approver, outcome: 'APPROVED', amountFen: 120_000_001 }] }))).toMatch(/超过建议额度.*exceeds the recommended limit 120000000/);
  await handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...approver, outcome: 'APPROVED', amountFen: 120_000_000 }] });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'DISBURSED', slaState: 'MET', disbursement: { amountFen: 120_000_000 } });
  expect(new Date(final.disbursement!.at).getTime() - acceptedAt.getTime()).toBeLessThan(48 * HOUR);
  await saveHistory(handle, 'sci-tech-pledged-patents');
});
