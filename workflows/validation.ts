// Refusals of an update's validator: the reason reaches the caller (the API's
// 409 detail) in Chinese first, then English.

export function reject(zh: string, en: string): never {
  throw new Error(`${zh} ${en}`);
}

export function requireText(value: unknown, zhField: string, field: string): void {
  if (typeof value !== 'string' || !value.trim()) reject(`缺少${zhField}`, `${field} is required`);
}
