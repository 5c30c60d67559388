// Patch ids both case products ask.

/** A decision's update answers once its event and stage are in the record; earlier runs answered at once. */
export const DECISION_ANSWERS_ONCE_RECORDED = 'decision-answers-once-recorded';
