import type { Route } from '@nuage/platform';

/**
 * The page an invitation email links to when no portal is configured (`PORTAL_URL` unset): the
 * invited person checks their profile and sets a password. It calls the public API like any
 * client (`invitation(token)`, then `activateAccount`), so it holds no rule of its own; the
 * script is served apart from the page so that a strict Content-Security-Policy allows it.
 */
const PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nuage Public — activer mon compte</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 34rem; margin: 2rem auto; padding: 0 1rem; color: #1e1e1e; }
  h1 { font-size: 1.4rem; color: #000091; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; padding: .5rem; margin-top: .25rem; box-sizing: border-box; font-size: 1rem; }
  button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; background: #000091; color: #fff; border: 0; cursor: pointer; }
  .profile { background: #f5f5fe; padding: .75rem 1rem; margin-top: 1rem; }
  [role="alert"] { color: #ce0500; margin-top: 1rem; }
  .done { color: #18753c; margin-top: 1rem; font-weight: 600; }
</style>
</head>
<body>
<main>
  <h1>Activer mon compte Nuage Public</h1>
  <p id="intro">Vérification de votre invitation…</p>
  <div id="profile" class="profile" hidden></div>
  <form id="activation" hidden>
    <label for="firstName">Prénom</label>
    <input id="firstName" name="firstName" autocomplete="given-name" required>
    <label for="lastName">Nom</label>
    <input id="lastName" name="lastName" autocomplete="family-name" required>
    <label for="phone">Téléphone</label>
    <input id="phone" name="phone" type="tel" autocomplete="tel" placeholder="+33 1 23 45 67 89">
    <label for="password">Mot de passe (12 caractères au moins)</label>
    <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required>
    <label for="confirmation">Confirmez le mot de passe</label>
    <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" minlength="12" required>
    <button type="submit">Activer mon compte</button>
  </form>
  <p id="error" role="alert"></p>
  <p id="done" class="done" hidden></p>
</main>
<script src="/activation.js"></script>
</body>
</html>
`;

const SCRIPT = `(function () {
  var token = new URLSearchParams(location.search).get('token') || '';
  var $ = function (id) { return document.getElementById(id); };
  function call(query, variables) {
    return fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fr' }, body: JSON.stringify({ query: query, variables: variables }) })
      .then(function (response) { return response.json(); });
  }
  function fail(message) { $('error').textContent = message; }
  call('query($token: String!) { invitation(token: $token) { firstName lastName email entityName entitySiret expiresAt } }', { token: token }).then(function (body) {
    var invitation = body.data && body.data.invitation;
    if (!invitation) { $('intro').textContent = ''; return fail(body.errors && body.errors[0] ? body.errors[0].message : 'Invitation introuvable.'); }
    $('intro').textContent = 'Vérifiez votre profil, puis choisissez votre mot de passe.';
    $('profile').hidden = false;
    $('profile').textContent = invitation.email + ' — ' + invitation.entityName + ' (SIRET ' + invitation.entitySiret + ')';
    $('firstName').value = invitation.firstName;
    $('lastName').value = invitation.lastName;
    $('activation').hidden = false;
  }, function () { fail('Le service ne répond pas ; réessayez dans un instant.'); });
  $('activation').addEventListener('submit', function (event) {
    event.preventDefault();
    fail('');
    if ($('password').value !== $('confirmation').value) return fail('Les deux mots de passe diffèrent.');
    var input = { token: token, password: $('password').value, firstName: $('firstName').value, lastName: $('lastName').value };
    if ($('phone').value) input.phone = $('phone').value;
    call('mutation($input: ActivateAccountInput!) { activateAccount(input: $input) { person { name } errors { field message } } }', { input: input }).then(function (body) {
      var result = body.data && body.data.activateAccount;
      if (!result) return fail(body.errors && body.errors[0] ? body.errors[0].message : 'Activation impossible.');
      if (result.errors.length) return fail(result.errors.map(function (e) { return e.message; }).join(' '));
      $('activation').hidden = true;
      $('done').hidden = false;
      $('done').textContent = 'Votre compte est activé, ' + result.person.name + '. Vous pouvez vous connecter au portail Nuage Public.';
    }, function () { fail('Le service ne répond pas ; réessayez dans un instant.'); });
  });
})();
`;

export const activationPage = (): Route => async (req, res, url) => {
  if (req.method !== 'GET') return false;
  if (url.pathname === '/activation') {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy':
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
    });
    res.end(PAGE);
    return true;
  }
  if (url.pathname === '/activation.js') {
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
    res.end(SCRIPT);
    return true;
  }
  return false;
};
