// Sign in with an API key (PUT /v2/api_auth), a user's credentials (PUT /v2/user_auth, Kazoo's md5 of
// "username:password" with the account name) or a token (POST /v2/auth/tokeninfo); sign out.
import { call } from './api.js';
import { md5 } from './md5.js';
import { session } from './session.js';
import { $, attempt } from './dom.js';

async function authenticate(form) {
  const method = document.querySelector('input[name="method"]:checked').value;
  const value = name => form.elements[name].value.trim();
  if (method === 'api_key') {
    const answer = await call('PUT', 'api_auth', { api_key: value('api_key') }, { anonymous: true });
    return { token: answer.auth_token, account: answer.data.account_id, name: answer.data.account_name };
  }
  if (method === 'user') {
    const credentials = md5(`${value('username')}:${form.elements.password.value}`);
    const answer = await call('PUT', 'user_auth', { credentials, account_name: value('account_name') }, { anonymous: true });
    return { token: answer.auth_token, account: answer.data.account_id, name: answer.data.account_name };
  }
  const answer = await call('POST', 'auth/tokeninfo', { token: value('token') }, { anonymous: true });
  return { token: value('token'), account: answer.data.account_id, name: answer.data.account_name };
}

export function setUpSignIn() {
  for (const radio of document.querySelectorAll('input[name="method"]')) {
    radio.addEventListener('change', () => {
      for (const part of document.querySelectorAll('#sign-in-form [data-method]')) part.hidden = part.dataset.method !== radio.value;
    });
  }
  const form = $('#sign-in-form');
  form.addEventListener('submit', event => {
    event.preventDefault();
    attempt(async () => {
      const signedIn = await authenticate(form);
      form.reset();
      session.signIn(signedIn.token, signedIn.account, signedIn.name);
    }, form.querySelector('button[type="submit"]'));
  });
  $('#sign-out').addEventListener('click', () => session.signOut());
}
