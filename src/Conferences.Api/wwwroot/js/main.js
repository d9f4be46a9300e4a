// The console: sign in, pick an account, then the conferences list, the form or one conference, by the URL's hash
// (#/, #/new, #/edit/{id}, #/conference/{id}).
import { session } from './session.js';
import { live } from './socket.js';
import { $, clearError } from './dom.js';
import { setUpSignIn } from './signin.js';
import { setUpAccounts, renderPicker, loadChildren } from './accounts.js';
import { showList } from './list.js';
import { showEditor } from './form.js';
import { showConference } from './conference.js';

let dispose = () => {};
const views = ['#list', '#editor', '#conference'];

function route() {
  dispose();
  dispose = () => {};
  const signedIn = Boolean(session.token);
  $('#sign-in').hidden = signedIn;
  $('#account-bar').hidden = !signedIn;
  $('#accounts').hidden = !signedIn;
  for (const selector of views) $(selector).hidden = true;
  if (!signedIn) {
    $('#api-key').focus();
    return;
  }
  renderPicker();
  loadChildren();
  live.open();
  const [, page, id] = (location.hash || '#/').split('/').map(decodeURIComponent);
  if (page === 'new' || page === 'edit') {
    $('#editor').hidden = false;
    dispose = showEditor($('#editor'), page === 'edit' ? id : null);
  } else if (page === 'conference' && id) {
    $('#conference').hidden = false;
    dispose = showConference($('#conference'), id);
  } else {
    $('#list').hidden = false;
    dispose = showList($('#list'));
  }
}

setUpSignIn();
setUpAccounts();
session.onChange(() => {
  clearError();
  live.reset();
  if (!session.token) history.replaceState(null, '', '#/');
  route();
});
window.addEventListener('hashchange', () => { clearError(); route(); });
route();
