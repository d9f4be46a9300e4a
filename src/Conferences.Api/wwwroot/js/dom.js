// Small DOM helpers: elements, the error banner, time formatting.

/** h('button', {type: 'button', onclick}, 'Mute') */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(key, value === true ? '' : value);
  }
  element.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Shows an error (an ApiError's message is the envelope's) in the page's alert banner. */
export function showError(error) {
  const banner = $('#error');
  banner.textContent = error?.message || String(error);
  banner.hidden = false;
}

export function clearError() {
  const banner = $('#error');
  banner.textContent = '';
  banner.hidden = true;
}

/** Runs an action from a button or form: errors go to the banner, the control is disabled meanwhile. */
export async function attempt(action, control) {
  clearError();
  if (control) control.disabled = true;
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    if (control) control.disabled = false;
  }
}

export function formatDuration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = n => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

// Kazoo's timestamps are Gregorian seconds (since year 0)
const GREGORIAN_TO_UNIX = 62167219200;
export const fromGregorian = seconds => new Date((seconds - GREGORIAN_TO_UNIX) * 1000);
export const formatTime = date => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
