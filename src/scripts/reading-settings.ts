/**
 * Wires the reading settings (src/components/ReadingSettings.astro): reveals the control, checks
 * the choices public/boot.js applied, and applies and remembers each new choice through the same
 * `<html>` attributes. The radio values are the stored values, so nothing needs parsing here; the
 * <details> element is the disclosure, and this adds closing it with Escape or a click elsewhere.
 */
const root = document.querySelector<HTMLDetailsElement>('details.reading-settings');

if (root) {
  const html = document.documentElement;
  // Radio `name` is the localStorage key (`xf-theme`); the attribute drops the prefix (`data-theme`).
  const attribute = (name: string): string => `data-${name.slice(3)}`;
  for (const input of root.querySelectorAll('input')) {
    input.checked = (html.getAttribute(attribute(input.name)) ?? 'system') === input.value;
  }
  root.hidden = false;

  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) root.open = false;
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && root.open) {
      root.open = false;
      root.querySelector('summary')?.focus();
    }
  });
  root.addEventListener('change', (event) => {
    const { name, value } = event.target as HTMLInputElement;
    // "Follow the system" is the absence of a choice.
    if (value === 'system') html.removeAttribute(attribute(name));
    else html.setAttribute(attribute(name), value);
    try {
      if (value === 'system') localStorage.removeItem(name);
      else localStorage.setItem(name, value);
    } catch {
      // Storage blocked (private mode, policy): the choice holds for this page only.
    }
  });
}
