// The SLA clock every case and consultation runs beside its work: deadlines in, AT_RISK and
// BREACHED out. It sleeps until the nearest AT_RISK or due instant of the deadlines it is
// given, and plans again when the workflow says a due moved, a deadline closed or the clock
// paused. The commands it writes (timers, their summaries and durations) are part of every
// running workflow's history: change them only behind patched().
import { condition } from '@temporalio/workflow';
import type { SlaStateValue } from '../domain/slaState';
import { shanghaiText } from './caseDetails';

/**
 * The patch under which a pause for the firm counts in working days as a period (its own day not
 * counted, the resumption day counted), the case or consultation reads PAUSED meanwhile, and a
 * fast-track pause past its limit escalates. Running histories paused before it keep working time.
 */
export const PAUSE_PERIOD_RULE = 'pause-working-days';

/**
 * The patch under which a case or consultation that ends while paused ends the pause then: its
 * working days counted, no longer PAUSED, the record's pause cleared and the timeline's ending
 * event naming it. Histories before it keep a case's pause standing and a consultation's wait uncounted.
 */
export const PAUSE_ENDS_WITH_CASE = 'pause-ends-with-case';

/** A deadline's own level; a case or consultation shows MET and PAUSED besides (see slaStateOf). */
export type SlaLevel = Exclude<SlaStateValue, 'MET' | 'PAUSED'>;

/** One due instant the clock watches: a branch, a case's promise, a consultation's promise. */
export interface Deadline<Subject extends string = string> {
  subject: Subject;
  /** Names the deadline in timer summaries and notices, Chinese first; '' for the consultation's promise, whose timers never named it. */
  label: string;
  assignee: string;
  atRiskAt: Date;
  dueAt: Date;
  level: SlaLevel;
  setLevel(level: SlaLevel): void;
}

/**
 * A deadline whose level lives with its workflow (one promise, one level): read afresh each
 * time, so a clock planning from the deadline it checked sees the level as it is now.
 */
export function deadlineOwningLevel<S extends string>(d: Omit<Deadline<S>, 'level' | 'setLevel'>, level: { get(): SlaLevel; set(l: SlaLevel): void }): Deadline<S> {
  return {
    ...d,
    get level() {
      return level.get();
    },
    setLevel: (l) => level.set(l),
  };
}

export interface SlaClockOptions<D extends Deadline> {
  /** The deadlines running now: open ones, none whose clock stands paused. */
  deadlines(): readonly D[];
  /** True once nothing is left to watch (the case ended, the consultation was decided). */
  stopped(): boolean;
  /** Called once the deadline's level is AT_RISK; the clock waits for it before going on. */
  onAtRisk(deadline: D): Promise<void>;
  /** Called once the deadline's level is BREACHED; the clock waits for it before going on. */
  onBreached(deadline: D): Promise<void>;
  /**
   * Plan the next wait from the deadlines as they were checked, their levels read again,
   * rather than from the deadlines as they are after the notices went out. The joint
   * consultation's clock has always done so; its histories depend on it.
   */
  planFromChecked?: boolean;
  /** The shortest wait asked of a timer (the sci-tech clock's 1 ms); none by default. */
  minWaitMs?: number;
}

export class SlaClock<D extends Deadline> {
  private version = 0;

  constructor(private readonly options: SlaClockOptions<D>) {}

  /** A due moved, a deadline closed, or the clock paused or resumed: plan the next wait again. */
  replan(): void {
    this.version++;
  }

  /**
   * The next instant a deadline changes level by itself (AT_RISK, then BREACHED), as the deadlines
   * stand now; undefined when none is left to change. Past when a change is due and not yet made.
   */
  nextChange(): Date | undefined {
    const instants = this.options.deadlines().flatMap((d) => (d.level === 'ON_TRACK' ? [d.atRiskAt] : d.level === 'AT_RISK' ? [d.dueAt] : []));
    return instants.length === 0 ? undefined : new Date(Math.min(...instants.map((t) => t.getTime())));
  }

  /** Runs until `stopped()`; start it once the workflow's record is written. */
  async run(): Promise<void> {
    const o = this.options;
    while (!o.stopped()) {
      const t = new Date();
      const checked = o.deadlines();
      for (const d of checked) {
        if (d.level !== 'BREACHED' && t >= d.dueAt) {
          d.setLevel('BREACHED');
          await o.onBreached(d);
        } else if (d.level === 'ON_TRACK' && t >= d.atRiskAt) {
          d.setLevel('AT_RISK');
          await o.onAtRisk(d);
        }
      }
      const next = (o.planFromChecked ? checked : o.deadlines())
        .flatMap((d) => [
          ...(d.level === 'ON_TRACK' && d.atRiskAt > t ? [{ at: d.atRiskAt, why: timerReason('预警 AT_RISK', d.label) }] : []),
          ...(d.level !== 'BREACHED' && d.dueAt > t ? [{ at: d.dueAt, why: timerReason('到期 due', d.label) }] : []),
        ])
        .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
      const seen = this.version;
      const changed = () => this.version !== seen || o.stopped();
      if (next) {
        const ms = next.at.getTime() - Date.now();
        await condition(changed, o.minWaitMs === undefined ? ms : Math.max(o.minWaitMs, ms), { summary: `${next.why} @ ${shanghaiText(next.at.toISOString())}` });
      } else {
        await condition(changed);
      }
    }
  }
}


const timerReason = (what: string, label: string) => (label ? `${what} ${label}` : what);
