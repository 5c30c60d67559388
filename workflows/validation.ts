// Refusals of an update's validator: the reason reaches the caller (the API's
// 409 detail) in Chinese first, then English.

export function reject(zh: string, en: string): never {
  throw new Error(`${zh} ${en}`);
}

export function requireText(value: unknown, zhField: string, field: string): void {
  if (typeof value !== 'string' || !value.trim()) reject(`缺少${zhField}`, `${field} is required`);
}

/** A withdrawal needs a reason, and is refused once money is moving or the case has ended. */
export function requireWithdrawable(stage: string, notWithdrawable: readonly string[], req: { reason?: unknown; actor?: unknown }): void {
  if (stage === 'WITHDRAWN') reject('案件已撤回', 'the case is already withdrawn');
  if (notWithdrawable.includes(stage)) reject(`案件处于${stage}，不能撤回`, `a case in ${stage} can no longer be withdrawn`);
  requireText(req?.reason, '撤回原因', 'a withdrawal reason');
  requireText(req?.actor, '操作人', 'actor');
}
