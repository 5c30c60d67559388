// How the console signs in: public routes, before authentication. Development sign-in answers
// 404, as if it did not exist, with the production auth configuration (api/services/signIn.ts).
import express from 'express';
import { B, P, R, ok, problem } from '../contract';
import { Problem } from '../problem';
import { route } from './route';

export const SIGN_IN_ROUTES = [
  route({
    operationId: 'signInOptions',
    method: 'get',
    path: '/api/v1/sign-in/options',
    summary: '登录方式 How to sign in: the development users to pick from (development only) and the OpenID Connect provider',
    tags: ['Sign-in'],
    roles: 'public',
    responses: { 200: ok('The sign-in options', R.SignInOptions) },
    handler: (c, { signIn }) => {
      c.res.json(signIn.options());
    },
  }),
  route({
    operationId: 'devSignIn',
    method: 'post',
    path: '/api/v1/dev/sign-in',
    summary: '开发登录 A development token for a seeded user (404 with the production auth configuration)',
    tags: ['Sign-in'],
    roles: 'public',
    body: B.DevSignInBody,
    responses: {
      200: ok('A bearer token for the user', R.DevSignInResult),
      400: P[400],
      404: problem('Development sign-in is off (production auth configuration) (…:not-found)'),
      413: P[413],
      415: P[415],
      422: problem('No such development user; `errors` names userId (…:validation)'),
    },
    // Before authentication, so not under the API's own body parser.
    use: [express.json({ limit: '4kb', strict: true })],
    handler: async (c, { signIn }) => {
      signIn.requireDevSignIn();
      if (!c.req.is('application/json')) throw new Problem(415, 'unsupported-media-type', 'Send JSON', 'Content-Type must be application/json');
      c.res.json(await signIn.devSignIn(c.body().userId));
    },
  }),
];
