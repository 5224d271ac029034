import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { startTestStack, type TestStack } from '../src/test-stack.js';
import { act, PEOPLE } from '../src/journey.js';
import { graphql } from '@nuage/fixtures/graphql';

/**
 * The invitation email's link opens a page the gateway serves when no portal is configured: the
 * invited person reads their profile, sets a password and is told the account is active. Driven
 * in a DOM (jsdom) that loads the page and runs its own script against the real gateway.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack(inject('databaseUrl'));
});
afterAll(() => stack?.close());

const linkInMail = (email: string) => {
  const folder = join(stack.dataDir, 'mail');
  const mail = readdirSync(folder)
    .map((f) => readFileSync(join(folder, f), 'utf8'))
    .find((m) => m.includes(`To: ${email}`))!;
  // Quoted-printable soft breaks, then the link.
  return /(http:\/\/\S+\/activation\?token=[\w-]+)/.exec(mail.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]!;
};

/** Opens a page of the gateway as a browser would: its script loaded and run, `fetch` the network's. */
async function open(url: string) {
  const dom = await JSDOM.fromURL(url, {
    runScripts: 'dangerously',
    resources: 'usable',
    beforeParse: (window) =>
      Object.assign(window, { fetch: (input: string, init?: RequestInit) => fetch(new URL(input, url), init) }),
  });
  await new Promise<void>((resolve) => dom.window.addEventListener('load', () => resolve()));
  return dom;
}

/** Until the page shows what the test waits for (its script answers from the network). */
async function until(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check()).toBe(true);
}

describe('the activation page', () => {
  it('shows the invited profile, sets the password the person chooses, and then the link is spent', async () => {
    await act(
      stack,
      PEOPLE.manager,
      graphql(`mutation($input: InvitePersonInput!) { invitePerson(input: $input) { person { id } errors { code } } }`),
      {
        input: {
          entityId: PEOPLE.manager.entityId!,
          email: 'jeanne.roux@entite.gouv.fr',
          firstName: 'Jeanne',
          lastName: 'Roux',
          role: 'BENEFICIARY',
        },
      },
    );
    const link = linkInMail('jeanne.roux@entite.gouv.fr');
    // The email names the gateway's page (no PORTAL_URL here): the test opens it on this stack's gateway.
    const url = new URL(new URL(link).pathname + new URL(link).search, stack.gatewayUrl).href;
    const dom = await open(url);
    const document = dom.window.document;
    await until(() => document.getElementById('profile')!.textContent !== '');
    expect(document.querySelector('h1')!.textContent).toBe('Activer mon compte Nuage Public');
    expect(document.getElementById('profile')!.textContent).toBe(
      'jeanne.roux@entite.gouv.fr — Entité de démonstration (SIRET 13002526500013)',
    );
    expect((document.getElementById('firstName') as HTMLInputElement).value).toBe('Jeanne');

    const field = (id: string) => document.getElementById(id) as HTMLInputElement;
    const submit = () =>
      document.getElementById('activation')!.dispatchEvent(new dom.window.Event('submit', { cancelable: true }));
    field('password').value = 'trop court';
    field('confirmation').value = 'trop court';
    submit();
    await until(() => document.getElementById('error')!.textContent !== '');
    expect(document.getElementById('error')!.textContent).toBe('Un mot de passe compte au moins 12 caractères.');

    field('password').value = 'un mot de passe assez long';
    field('confirmation').value = 'un mot de passe assez long';
    field('phone').value = '+33 1 23 45 67 89';
    submit();
    await until(() => document.getElementById('done')!.textContent !== '');
    expect(document.getElementById('done')!.textContent).toBe(
      'Votre compte est activé, Jeanne Roux. Vous pouvez vous connecter au portail Nuage Public.',
    );

    // Spent: the same link no longer opens the form.
    dom.window.close();
    const again = (await open(url)).window;
    await until(() => again.document.getElementById('error')!.textContent !== '');
    expect((again.document.getElementById('activation') as HTMLFormElement).hidden).toBe(true);
    expect(again.document.getElementById('error')!.textContent).toMatch(/invitation .*introuvable/);
    again.close();
  });

  it('is served with a policy that lets only its own script run, and never leaks the token to other sites', async () => {
    const response = await fetch(new URL('/activation?token=x', stack.gatewayUrl));
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toContain('<form id="activation"');
  });
});
