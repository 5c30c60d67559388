// The network's keepers add or change a community, a commercial building (names, address, the team
// whose list it is on), a visiting team (names, its three members), a bank, or a branch (names, the
// streets it is stationed at) with the API's PUT, and retire any instead of deleting it. Each form runs the API's own schema first; a 409 (the change would break what
// names the entry) is shown with its reason.
import { useState } from 'react';
import { api, type BankList, type NetworkCommunity } from '../api';
import { BankSelect, Field } from '../components';
import { useI18n } from '../i18n';
import { nameOf, SEATS } from '../labels';
import { BankBody, BranchBody, BuildingBody, CommunityBody, NetworkCodeParams, requestErrors, TeamBody } from '../requestRules';
import { CheckBox, CheckList, FormEnd, SelectField, TextField, useCheckedForm } from './formParts';

type Building = NetworkCommunity['buildings'][number];
type Team = NetworkCommunity['teams'][number];
type Bank = BankList['items'][number];
type Branch = Bank['branches'][number];
type Street = { code: string; nameZh: string; nameEn: string };

/** A PUT form's submission: checked by `schema`, sent, then `onDone(true)`. */
function usePut(path: string, schema: Parameters<typeof requestErrors>[0], body: unknown, onDone: (changed: boolean) => void) {
  // A new entry's code is its path's last segment, checked as the API checks the path.
  const { submit, ...form } = useCheckedForm({ ...requestErrors(NetworkCodeParams, { code: path.split('/').pop() }), ...requestErrors(schema, body) });
  return {
    ...form,
    submit: submit(async () => {
      await api(path, { method: 'PUT', body });
      onDone(true);
    }),
  };
}

/** A new entry's code (its PUT's path; fixed once created), then its Chinese and English names. */
function NameFields({ id, names, onChange, errorOf, isNew }: { id: (f: string) => string; names: { code: string; nameZh: string; nameEn: string }; onChange: (n: { code: string; nameZh: string; nameEn: string }) => void; errorOf: (f: string) => string | undefined; isNew: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {isNew ? <TextField id={id('code')} label={t('networkCode')} error={errorOf('code')} value={names.code} onChange={(code) => onChange({ ...names, code })} autoCapitalize="none" /> : null}
      <TextField id={id('nameZh')} label={t('nameZh')} error={errorOf('nameZh')} value={names.nameZh} onChange={(nameZh) => onChange({ ...names, nameZh })} />
      <TextField id={id('nameEn')} label={t('nameEn')} error={errorOf('nameEn')} value={names.nameEn} onChange={(nameEn) => onChange({ ...names, nameEn })} />
    </>
  );
}

const namesOf = (e: { code: string; nameZh: string; nameEn: string } | undefined) => ({ code: e?.code ?? '', nameZh: e?.nameZh ?? '', nameEn: e?.nameEn ?? '' });

/** A community of a street: add one (`community` absent) or rename or retire it. */
export function CommunityForm({ community, street, onDone }: { community?: NetworkCommunity; street: string; onDone: (changed: boolean) => void }) {
  const { t } = useI18n();
  const [names, setNames] = useState(namesOf(community));
  const [retired, setRetired] = useState(community?.retiredAt != null);
  const body = { street, nameZh: names.nameZh, nameEn: names.nameEn, retired };
  const { submit, error, busy, errorOf } = usePut(`/survey-network/communities/${names.code}`, CommunityBody, body, onDone);
  const id = (field: string) => `community-${community?.code ?? 'new'}-${field}`;
  return (
    <form className="action" onSubmit={submit} noValidate data-testid="community-form">
      <NameFields id={id} names={names} onChange={setNames} errorOf={errorOf} isNew={!community} />
      {community ? <CheckBox id={id('retired')} label={t('retireCommunity')} checked={retired} onChange={setRetired} /> : null}
      <FormEnd error={error} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}

/** A bank: add one (`bank` absent) or rename or retire it. */
export function BankForm({ bank, onDone }: { bank?: Bank; onDone: (changed: boolean) => void }) {
  const { t } = useI18n();
  const [names, setNames] = useState(namesOf(bank));
  const [retired, setRetired] = useState(bank?.retiredAt != null);
  const body = { nameZh: names.nameZh, nameEn: names.nameEn, retired };
  const { submit, error, busy, errorOf } = usePut(`/banks/${names.code}`, BankBody, body, onDone);
  const id = (field: string) => `bank-${bank?.code ?? 'new'}-${field}`;
  return (
    <form className="action" onSubmit={submit} noValidate data-testid="bank-form">
      <NameFields id={id} names={names} onChange={setNames} errorOf={errorOf} isNew={!bank} />
      {bank ? <CheckBox id={id('retired')} label={t('retireBank')} checked={retired} onChange={setRetired} /> : null}
      <FormEnd error={error} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}

/** A bank's branch: add one (`branch` absent) or change its names, the streets it is stationed at, or retire it. */
export function BranchForm({ bank, branch, streets, onDone }: { bank: string; branch?: Branch; streets: readonly Street[]; onDone: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const [names, setNames] = useState(namesOf(branch));
  const [stations, setStations] = useState<string[]>(branch?.stations ?? []);
  const [retired, setRetired] = useState(branch?.retiredAt != null);
  const body = { nameZh: names.nameZh, nameEn: names.nameEn, stations, retired };
  const { submit, error, busy, errorOf } = usePut(`/banks/${bank}/branches/${names.code}`, BranchBody, body, onDone);
  const id = (field: string) => `branch-${branch?.code ?? `${bank}-new`}-${field}`;
  return (
    <form className="action" onSubmit={submit} noValidate data-testid="branch-form">
      <NameFields id={id} names={names} onChange={setNames} errorOf={errorOf} isNew={!branch} />
      <CheckList id={id('station')} legend={t('stationedAt')} items={streets.map((s) => ({ code: s.code, label: lang === 'en' ? s.nameEn : s.nameZh }))} chosen={stations} onChange={setStations} error={errorOf('stations')} />
      {branch ? <CheckBox id={id('retired')} label={t('retireBranch')} checked={retired} onChange={setRetired} /> : null}
      <FormEnd error={error} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}

export function BuildingForm({ building, community, onDone }: { building: Building; community: NetworkCommunity; onDone: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ nameZh: building.nameZh, nameEn: building.nameEn, address: building.address, team: building.team ?? '', retired: building.retiredAt !== null });
  const body = { community: community.code, nameZh: form.nameZh, nameEn: form.nameEn, address: form.address, team: form.team || null, retired: form.retired };
  const { submit, error, busy, errorOf } = usePut(`/survey-network/buildings/${building.code}`, BuildingBody, body, onDone);
  const id = (field: string) => `building-${building.code}-${field}`;
  return (
    <form className="action" onSubmit={submit} noValidate data-testid="building-form">
      <NameFields id={id} names={{ code: building.code, nameZh: form.nameZh, nameEn: form.nameEn }} onChange={(n) => setForm({ ...form, nameZh: n.nameZh, nameEn: n.nameEn })} errorOf={errorOf} isNew={false} />
      <TextField id={id('address')} label={t('address')} error={errorOf('address')} value={form.address} onChange={(address) => setForm({ ...form, address })} />
      <SelectField
        id={id('team')}
        label={t('visitTeam')}
        error={errorOf('team')}
        value={form.team}
        onChange={(team) => setForm({ ...form, team })}
        options={community.teams.filter((tm) => !tm.retiredAt || tm.code === building.team).map((tm) => ({ value: tm.code, label: lang === 'en' ? tm.nameEn : tm.nameZh }))}
        empty={t('noTeam')}
      />
      <CheckBox id={id('retired')} label={t('retireBuilding')} checked={form.retired} onChange={(retired) => setForm({ ...form, retired })} />
      <FormEnd error={error} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}

type MemberForm = { seat: Team['members'][number]['seat']; name: string; staffId: string; bank: string; organisation: string };

/** A member as the API takes it: a bank only on the BANK seat, an organisation only on the PROPERTY seat. */
const memberBody = (m: MemberForm) => ({
  seat: m.seat,
  name: m.name,
  ...(m.staffId.trim() ? { staffId: m.staffId } : {}),
  ...(m.seat === 'BANK' ? { bank: m.bank || undefined } : {}),
  ...(m.seat === 'PROPERTY' ? { organisation: m.organisation.trim() ? m.organisation : undefined } : {}),
});

export function TeamForm({ team, banks, onDone }: { team: Team; banks: BankList['items']; onDone: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const [names, setNames] = useState({ nameZh: team.nameZh, nameEn: team.nameEn });
  const [retired, setRetired] = useState(team.retiredAt !== null);
  const [members, setMembers] = useState<MemberForm[]>(
    team.members.map((m) => ({ seat: m.seat, name: m.name, staffId: m.staffId ?? '', bank: m.bank ?? '', organisation: m.organisation ?? '' })),
  );
  const body = { community: team.community, ...names, members: members.map(memberBody), retired };
  const { submit, error, busy, errorOf } = usePut(`/survey-network/teams/${team.code}`, TeamBody, body, onDone);
  const id = (field: string) => `team-${team.code}-${field}`;
  const setMember = (i: number, k: keyof Omit<MemberForm, 'seat'>, value: string) => setMembers(members.map((m, j) => (j === i ? { ...m, [k]: value } : m)));
  return (
    <form className="action" onSubmit={submit} noValidate data-testid="team-form">
      <NameFields id={id} names={{ code: team.code, ...names }} onChange={(n) => setNames({ nameZh: n.nameZh, nameEn: n.nameEn })} errorOf={errorOf} isNew={false} />
      {members.map((m, i) => (
        <fieldset key={m.seat}>
          <legend>{nameOf(SEATS, m.seat, lang)}</legend>
          <TextField id={id(`members-${i}-name`)} label={t('memberName')} error={errorOf(`members.${i}.name`)} value={m.name} onChange={(v) => setMember(i, 'name', v)} />
          <TextField id={id(`members-${i}-staffId`)} label={t('memberAccount')} error={errorOf(`members.${i}.staffId`)} value={m.staffId} onChange={(v) => setMember(i, 'staffId', v)} />
          {m.seat === 'BANK' ? (
            <Field label={t('bank')} htmlFor={id(`members-${i}-bank`)} error={errorOf(`members.${i}.bank`)}>
              <BankSelect id={id(`members-${i}-bank`)} banks={banks.filter((b) => !b.retiredAt || b.code === m.bank)} value={m.bank} onChange={(bank) => setMember(i, 'bank', bank)} />
            </Field>
          ) : null}
          {m.seat === 'PROPERTY' ? (
            <TextField id={id(`members-${i}-organisation`)} label={t('propertyCompany')} error={errorOf(`members.${i}.organisation`)} value={m.organisation} onChange={(v) => setMember(i, 'organisation', v)} />
          ) : null}
        </fieldset>
      ))}
      <CheckBox id={id('retired')} label={t('retireTeam')} checked={retired} onChange={setRetired} />
      <FormEnd error={error} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}
