import { identityOf, SEED_BRANDS, seedPeople } from '@nuage/fixtures';
import { ensureDevKeys, signToken } from './keys.js';
import { dataDir } from './paths.js';

/**
 * `npm run token -- <role> [brand]` prints a bearer token for a seeded account, signed with the
 * local development key that `npm start` gives the gateway. Roles: beneficiary, manager,
 * market-holder, ugap, analyst, stranger (a beneficiary of a second entity), supplier <brand slug, e.g. ovhcloud>.
 */
const [role, brand] = process.argv.slice(2);
const key = role === 'supplier' ? `supplier:${brand ?? ''}` : role;
const person = seedPeople(SEED_BRANDS).find((p) => p.key === key);
if (!person) {
  const roles = ['beneficiary', 'manager', 'market-holder', 'ugap', 'analyst', 'supplier <brand>'];
  console.error(`usage: npm run token -- <${roles.join('|')}>\nbrands: ${SEED_BRANDS.map((b) => b.slug).join(', ')}`);
  process.exit(2);
}
const keys = await ensureDevKeys(`${dataDir}/auth`);
console.log(await signToken(keys, identityOf(person)));
