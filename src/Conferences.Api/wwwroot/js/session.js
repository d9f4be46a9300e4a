// The signed-in session: the token lives in sessionStorage only (gone with the tab), never in localStorage or cookies.
const store = window.sessionStorage;
const listeners = new Set();

export const session = {
  get token() { return store.getItem('console.token'); },
  /** the account the token belongs to */
  get authAccountId() { return store.getItem('console.auth_account'); },
  /** the account the console looks at: the signed-in one or one of its descendants */
  get accountId() { return store.getItem('console.account') || this.authAccountId; },
  /** accounts offered by the picker: [{id, name}] */
  get accounts() { return JSON.parse(store.getItem('console.accounts') || '[]'); },

  signIn(token, accountId, name) {
    store.setItem('console.token', token);
    store.setItem('console.auth_account', accountId);
    store.setItem('console.account', accountId);
    store.setItem('console.accounts', JSON.stringify([{ id: accountId, name: name || accountId }]));
    notify();
  },
  remember(account) {
    const known = this.accounts.filter(a => a.id !== account.id);
    store.setItem('console.accounts', JSON.stringify([...known, account]));
  },
  choose(accountId) {
    store.setItem('console.account', accountId);
    notify();
  },
  signOut() {
    for (const key of ['console.token', 'console.auth_account', 'console.account', 'console.accounts']) store.removeItem(key);
    notify();
  },
  onChange(listener) { listeners.add(listener); },
};

function notify() { for (const listener of listeners) listener(session); }
