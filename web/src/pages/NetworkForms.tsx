// The network's keepers change a commercial building (names, address, the team whose list it is
// on) or a visiting team (names, its three members) with the API's PUT, and retire either instead
// of deleting it. Each form runs the API's own schema first; a 409 (the change would break what
// names the entry) is shown with its reason.
import { useState, type FormEvent } from 'react';
import { api, type BankList, type NetworkCommunity } from '../api';
import { BankSelect, Field, formErrorOf, ProblemMessage, useSubmission } from '../components';
import { useI18n } from '../i18n';
import { nameOf, SEATS } from '../labels';
import { BuildingBody, requestErrors, TeamBody } from '../requestRules';

type Building = NetworkCommunity['buildings'][number];
type Team = NetworkCommunity['teams'][number];

/** A PUT form's submission: checked by `schema`, sent, then `onDone(true)`. */
function usePut(path: string, schema: Parameters<typeof requestErrors>[0], body: unknown, onDone: (changed: boolean) => void) {
  const { t, lang } = useI18n();
  const [touched, setTouched] = useState(false);
  const { error, busy, submit: send } = useSubmission();
  const errors = requestErrors(schema, body);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(errors).length) return;
    await send(async () => {
      await api(path, { method: 'PUT', body });
      onDone(true);
    });
  };
  return { submit, error, busy, errorOf: formErrorOf(errors, touched, error, t, lang) };
}

/** Save and cancel, with the API's refusal above them. */
function FormEnd({ error, busy, onCancel }: { error: unknown; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <ProblemMessage error={error} />
      <p className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('submitting') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </p>
    </>
  );
}

export function BuildingForm({ building, community, onDone }: { building: Building; community: NetworkCommunity; onDone: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ nameZh: building.nameZh, nameEn: building.nameEn, address: building.address, team: building.team ?? '', retired: building.retiredAt !== null });
  const body = { community: community.code, nameZh: form.nameZh, nameEn: form.nameEn, address: form.address, team: form.team || null, retired: form.retired };
  const { submit, error, busy, errorOf } = usePut(`/survey-network/buildings/${building.code}`, BuildingBody, body, onDone);
  const id = (field: string) => `building-${building.code}-${field}`;
  const set = (k: 'nameZh' | 'nameEn' | 'address' | 'team') => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <form className="action" onSubmit={submit} noValidate data-testid="building-form">
      <Field label={t('nameZh')} htmlFor={id('nameZh')} error={errorOf('nameZh')}>
        <input id={id('nameZh')} value={form.nameZh} onChange={set('nameZh')} />
      </Field>
      <Field label={t('nameEn')} htmlFor={id('nameEn')} error={errorOf('nameEn')}>
        <input id={id('nameEn')} value={form.nameEn} onChange={set('nameEn')} />
      </Field>
      <Field label={t('address')} htmlFor={id('address')} error={errorOf('address')}>
        <input id={id('address')} value={form.address} onChange={set('address')} />
      </Field>
      <Field label={t('visitTeam')} htmlFor={id('team')} error={errorOf('team')}>
        <select id={id('team')} value={form.team} onChange={set('team')}>
          <option value="">{t('noTeam')}</option>
          {community.teams
            .filter((tm) => !tm.retiredAt || tm.code === building.team)
            .map((tm) => (
              <option key={tm.code} value={tm.code}>
                {lang === 'en' ? tm.nameEn : tm.nameZh}
              </option>
            ))}
        </select>
      </Field>
      <label className="check">
        <input id={id('retired')} type="checkbox" checked={form.retired} onChange={(e) => setForm({ ...form, retired: e.target.checked })} />
        {t('retireBuilding')}
      </label>
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
      <Field label={t('nameZh')} htmlFor={id('nameZh')} error={errorOf('nameZh')}>
        <input id={id('nameZh')} value={names.nameZh} onChange={(e) => setNames({ ...names, nameZh: e.target.value })} />
      </Field>
      <Field label={t('nameEn')} htmlFor={id('nameEn')} error={errorOf('nameEn')}>
        <input id={id('nameEn')} value={names.nameEn} onChange={(e) => setNames({ ...names, nameEn: e.target.value })} />
      </Field>
      {members.map((m, i) => (
        <fieldset key={m.seat}>
          <legend>{nameOf(SEATS, m.seat, lang)}</legend>
          <Field label={t('memberName')} htmlFor={id(`members-${i}-name`)} error={errorOf(`members.${i}.name`)}>
            <input id={id(`members-${i}-name`)} value={m.name} onChange={(e) => setMember(i, 'name', e.target.value)} />
          </Field>
          <Field label={t('memberAccount')} htmlFor={id(`members-${i}-staffId`)} error={errorOf(`members.${i}.staffId`)}>
            <input id={id(`members-${i}-staffId`)} value={m.staffId} onChange={(e) => setMember(i, 'staffId', e.target.value)} />
          </Field>
          {m.seat === 'BANK' ? (
            <Field label={t('bank')} htmlFor={id(`members-${i}-bank`)} error={errorOf(`members.${i}.bank`)}>
              <BankSelect id={id(`members-${i}-bank`)} banks={banks.filter((b) => !b.retiredAt || b.code === m.bank)} value={m.bank} onChange={(bank) => setMember(i, 'bank', bank)} />
            </Field>
          ) : null}
          {m.seat === 'PROPERTY' ? (
            <Field label={t('propertyCompany')} htmlFor={id(`members-${i}-organisation`)} error={errorOf(`members.${i}.organisation`)}>
              <input id={id(`members-${i}-organisation`)} value={m.organisation} onChange={(e) => setMember(i, 'organisation', e.target.value)} />
            </Field>
          ) : null}
        </fieldset>
      ))}
      <label className="check">
        <input id={id('retired')} type="checkbox" checked={retired} onChange={(e) => setRetired(e.target.checked)} />
        {t('retireTeam')}
      </label>
      <FormEnd error={error} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}
