// The demo's survey network reaches the source's scale, the same on every start, and keeps the
// seed's entries as they are, so a start over a seeded database changes nothing of them.
import { NetworkCode } from '../../api/schemas/surveyNetwork';
import { demoBanks, demoSurveyNetwork } from '../../dev/demoSurveyNetwork';
import { BANKS, STREETS } from '../../domain/siming';
import { SURVEY_SEED } from '../../domain/surveyNetwork';

const network = demoSurveyNetwork();

it('has 19 banks with 90+ branches, 98 communities, 180+ three-person teams and 180 buildings', () => {
  const banks = demoBanks();
  expect(banks).toHaveLength(19);
  expect(banks.flatMap((b) => b.branches).length).toBeGreaterThanOrEqual(90);
  expect(network.communities).toHaveLength(98);
  expect(network.teams.length).toBeGreaterThanOrEqual(180);
  expect(network.buildings).toHaveLength(180);
  for (const t of network.teams) expect(t.members.map((m) => m.seat)).toEqual(['STREET', 'BANK', 'PROPERTY']);
});

it('is the same network on every call, with unique codes the API accepts', () => {
  expect(demoSurveyNetwork()).toEqual(network);
  expect(demoBanks()).toEqual(demoBanks());
  const codes = [...network.communities, ...network.teams, ...network.buildings, ...demoBanks(), ...demoBanks().flatMap((b) => b.branches)].map((e) => e.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const code of codes) expect([code, NetworkCode.safeParse(code).success]).toEqual([code, true]);
});

it('covers every street, stations every branch at streets that exist, and puts each building on a team of its own community', () => {
  const streets = new Set(STREETS.map((s) => s.code));
  expect(new Set(network.communities.map((c) => c.streetCode))).toEqual(streets);
  for (const b of demoBanks().flatMap((x) => x.branches)) for (const s of b.stations) expect(streets.has(s)).toBe(true);
  const teamCommunity = new Map(network.teams.map((t) => [t.code, t.communityCode]));
  for (const b of network.buildings) expect(teamCommunity.get(b.teamCode!)).toBe(b.communityCode);
  expect(new Set(network.buildings.map((b) => b.teamCode)).size).toBe(180);
});

it('keeps the seed’s community, team, building and banks as the seed has them', () => {
  expect(network.communities).toContainEqual(SURVEY_SEED.communities[0]);
  expect(network.teams).toContainEqual(SURVEY_SEED.teams[0]);
  expect(network.buildings).toContainEqual(SURVEY_SEED.buildings[0]);
  for (const bank of BANKS) {
    const demo = demoBanks().find((b) => b.code === bank.code)!;
    expect(demo.nameZh).toBe(bank.nameZh);
    for (const br of bank.branches) expect(demo.branches).toContainEqual({ code: br.code, nameZh: br.nameZh, nameEn: br.nameEn, stations: [br.streetCode] });
  }
});
