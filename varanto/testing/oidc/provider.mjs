// A real OpenID Connect provider (the npm package oidc-provider) for the single sign-on browser test.
// Configured from the environment by the test: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
// OIDC_REDIRECT_URI and OIDC_ACCOUNTS (JSON: login name -> claims). Signing in happens on the
// provider's own login page (its development interactions); it prints "ready <issuer>" when listening.
import Provider from 'oidc-provider';

const env = process.env;
const issuer = `http://127.0.0.1:${env.OIDC_PORT}`;
const accounts = JSON.parse(env.OIDC_ACCOUNTS);
const scopes = 'openid email profile groups';

const provider = new Provider(issuer, {
  clients: [{
    client_id: env.OIDC_CLIENT_ID,
    client_secret: env.OIDC_CLIENT_SECRET,
    redirect_uris: [env.OIDC_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  scopes: scopes.split(' '),
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    groups: ['groups'],
  },
  async findAccount(ctx, id) {
    if (!Object.hasOwn(accounts, id)) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) };
  },
  // The test's one client is trusted: no consent page after signing in.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(scopes);
    await grant.save();
    return grant;
  },
  pkce: { required: () => true },
  cookies: { keys: ['varanto-test-provider'] },
});

provider.listen(Number(env.OIDC_PORT), '127.0.0.1', () => console.log(`ready ${issuer}`));
