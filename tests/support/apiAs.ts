// A person's calls to the test stack's API, by seeded user: `post` with an optional Idempotency-Key, `get`.
import request from 'supertest';
import { bearer } from './auth';

export function apiAs(stack: { app: Parameters<typeof request>[0] }) {
  return {
    post: async (who: string, path: string, body: object, key?: string) => {
      const req = request(stack.app).post(`/api/v1${path}`).set('authorization', await bearer(who));
      if (key) req.set('idempotency-key', key);
      return req.send(body);
    },
    get: async (who: string, path: string) => request(stack.app).get(`/api/v1${path}`).set('authorization', await bearer(who)),
  };
}
