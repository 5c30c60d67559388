// Where a case stands, told to the firm in one plain sentence (Chinese first, English second):
// what the case is waiting for, from whom, and the date it was promised by. The firm's page and
// its API answer show exactly this; staff screens keep their own detail.
import { addDays, shanghaiDate } from './calendar/timeZone';
import { termsText, type ContractTerms } from './contractConfirmation';
import type { TaskKind } from './fastTrack/policy';
import { formatFen, formatWan } from './money';
import type { FastTrackStage, SciTechStage } from './stages';

/** Who the case waits on now, as the firm should understand it. */
export type WaitingOn = 'FIRM' | 'STREET' | 'BANK' | 'ASSESSOR' | 'NOBODY';

export interface FirmCaseFacts {
  product: 'FAST_TRACK' | 'SCI_TECH';
  stage: FastTrackStage | SciTechStage;
  street: { nameZh: string; nameEn: string };
  bank: { nameZh: string; nameEn: string };
  /** The promise: 24:00 Asia/Shanghai of its last working day, as an instant; null once nothing more is promised. */
  dueAt: string | null;
  /** The clock waits for the firm's materials: why. */
  pausedFor: string | null;
  /** Fast-track branches still open in parallel review. */
  openTasks: readonly TaskKind[];
  /** The amount approved, once the bank approved. */
  approvedFen: number | null;
  /** For a case whose firm confirms its contract online: the terms, by when, and whether it did. */
  confirmation?: { terms: ContractTerms; dueAt: string; confirmedAt: string | null } | null;
  /** The money paid, once paid. */
  disbursed: { amountFen: number; at: string } | null;
}

export interface FirmCaseStatus {
  waitingOn: WaitingOn;
  zh: string;
  en: string;
}

/** The business date a 24:00 due ends: the day before the instant 00:00 it is stored as. */
export function promisedDate(dueAt: string): string {
  return addDays(shanghaiDate(new Date(dueAt)), -1);
}

const money = (fen: number) => ({ zh: formatWan(fen), en: `CNY ${formatFen(fen)}` });
const zhDate = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

const BRANCH: Record<TaskKind, { zh: string; en: string; who: WaitingOn }> = {
  GRID_SUBMISSION: { zh: '网格员协助在信易贷平台提交申请', en: 'the grid officer filing your application on the national credit platform (Xinyidai)', who: 'STREET' },
  BANK_VIP_CHANNEL: { zh: '银行客户经理办理VIP通道', en: 'the bank’s customer manager opening its VIP channel', who: 'BANK' },
  DUE_DILIGENCE: { zh: '第三方评估机构尽职调查', en: 'the third-party assessor’s due diligence', who: 'ASSESSOR' },
};

/** The firm's sentence for a case in any stage of either product. */
export function firmCaseStatus(f: FirmCaseFacts): FirmCaseStatus {
  const bank = f.bank;
  const promise = f.dueAt ? { zh: `承诺${zhDate(promisedDate(f.dueAt))}前办结。`, en: ` Promised by ${promisedDate(f.dueAt)}.` } : { zh: '', en: '' };
  const say = (waitingOn: WaitingOn, zh: string, en: string, promised = true): FirmCaseStatus => ({
    waitingOn,
    zh: promised ? `${zh}${promise.zh}` : zh,
    en: promised ? `${en}${promise.en}` : en,
  });
  if (f.pausedFor !== null && f.stage !== 'WITHDRAWN' && f.stage !== 'REJECTED' && f.stage !== 'DISBURSED') {
    return say('FIRM', `等待您补充材料：${f.pausedFor}。材料交齐后继续计时，计时暂停期间不计入办结时限。`, `Waiting for your materials: ${f.pausedFor}. The clock is paused until you send them and the wait is not counted.`, false);
  }
  const approved = f.approvedFen === null ? { zh: '', en: '' } : money(f.approvedFen);
  switch (f.stage) {
    case 'ACCEPTED':
      return say('STREET', `${f.street.nameZh}已受理您的申请，正在启动办理。`, `${f.street.nameEn} office accepted your application and is starting the work.`);
    case 'PARALLEL_REVIEW': {
      const open = f.openTasks.map((k) => BRANCH[k]);
      if (open.length === 0) return say('BANK', `材料已齐，等待${bank.nameZh}审批。`, `All work is done; waiting for ${bank.nameEn}’s decision.`);
      return say(
        open[0].who,
        `并联审批中，等待${open.map((b) => b.zh).join('、')}。`,
        `In parallel review, waiting for ${open.map((b) => b.en).join(', ')}.`,
      );
    }
    case 'CREDIT_DECISION':
      return say('BANK', `等待${bank.nameZh}审批决定。`, `Waiting for ${bank.nameEn}’s credit decision.`);
    case 'EVALUATING':
      return say('BANK', `${bank.nameZh}正在自动评估您的专利与经营情况。`, `${bank.nameEn} is evaluating your patents and business automatically.`);
    case 'MANUAL_REVIEW':
      return say('BANK', `等待${bank.nameZh}审批人员复核评分。`, `Waiting for ${bank.nameEn}’s approver to review the score.`);
    case 'CONTRACTING':
      if (f.confirmation && !f.confirmation.confirmedAt) {
        const terms = termsText(f.confirmation.terms);
        const by = promisedDate(f.confirmation.dueAt);
        return say('FIRM', `${bank.nameZh}已批准：${terms.zh}。等待您确认合同条款，请于${zhDate(by)}前确认。`, `${bank.nameEn} approved ${terms.en}. Waiting for you to confirm the contract terms by ${by}.`, false);
      }
      return say('BANK', `${bank.nameZh}已批准${approved.zh}，等待签订借款合同。`, `${bank.nameEn} approved ${approved.en}; waiting for the loan contract.`);
    case 'DISBURSING':
      return say('BANK', `合同已签订，等待${bank.nameZh}放款。`, `The contract is signed; waiting for ${bank.nameEn} to pay out.`);
    case 'DISBURSEMENT_HELD':
      return say('BANK', `放款待${bank.nameZh}核对，核对后到账。`, `${bank.nameEn} is checking the payment before it reaches you.`);
    case 'CONTRACT_CANCELLED':
      return say('STREET', `${bank.nameZh}已取消合同，${f.street.nameZh}将与您联系后续安排。`, `${bank.nameEn} cancelled the contract; ${f.street.nameEn} office will contact you about what comes next.`, false);
    case 'DISBURSED': {
      const paid = f.disbursed;
      if (!paid) return say('NOBODY', '贷款已放款。', 'The loan has been paid out.', false);
      const day = shanghaiDate(new Date(paid.at));
      const amount = money(paid.amountFen);
      return say('NOBODY', `${amount.zh}已于${zhDate(day)}放款到账。`, `${amount.en} was paid to your account on ${day}.`, false);
    }
    case 'REJECTED':
      return say('NOBODY', `${bank.nameZh}未批准本次申请。如需帮助，请联系${f.street.nameZh}经济服务办公室。`, `${bank.nameEn} did not approve this application. For help, contact ${f.street.nameEn}’s economic service office.`, false);
    case 'WITHDRAWN':
      return say('NOBODY', '本次申请已撤回。', 'This application was withdrawn.', false);
  }
}
