// A real OpenID provider (panva's oidc-provider) for the single sign-on tests, on 127.0.0.1 only.
//
//   OIDC_PORT=4000 OIDC_CLIENT_SECRET=... OIDC_CLIENT_JWKS='{"keys":[...]}' \
//   OIDC_REDIRECT_URIS=http://127.0.0.1/sign-in/sso/callback OIDC_ACCOUNTS='{"login": {claims}}' node provider.mjs
//
// Two clients: "data-day" authenticates with client_secret_basic, "data-day-jwt" with private_key_jwt (the app's
// public JWKS). Both must use PKCE. People sign in on the development login page with a login name from
// OIDC_ACCOUNTS (tests/helpers/oidc.py) and any password; the name is their "sub".
// GET /test/requests answers how many requests each path has had, so a test can count discovery fetches.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS);
// "native": RFC 8252 lets a loopback redirect URI use any port, and the tests' app servers pick theirs freshly.
const shared = {
  application_type: 'native',
  redirect_uris: process.env.OIDC_REDIRECT_URIS.split(','),
  grant_types: ['authorization_code'],
  response_types: ['code'],
};

const provider = new Provider(issuer, {
  clients: [
    {
      ...shared,
      client_id: 'data-day',
      client_secret: process.env.OIDC_CLIENT_SECRET,
      token_endpoint_auth_method: 'client_secret_basic',
    },
    {
      ...shared,
      client_id: 'data-day-jwt',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: JSON.parse(process.env.OIDC_CLIENT_JWKS),
    },
  ],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'employee_id'],
  },
  async findAccount(ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...claims }; } };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['test-only-cookie-key'] },
  // Seconds; set so the provider does not print a notice for each default it uses.
  ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
});

const counts = {};
provider.use(async (ctx, next) => {
  if (ctx.path === '/test/requests') {
    ctx.body = counts;
    return;
  }
  counts[ctx.path] = (counts[ctx.path] ?? 0) + 1;
  await next();
});

// What the provider turned down, and why, for a failing test's output.
for (const event of ['server_error', 'authorization.error', 'grant.error', 'userinfo.error']) {
  provider.on(event, (ctx, error) => console.error(`${event}: ${error.message} ${error.error_description ?? ''}`));
}

provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
