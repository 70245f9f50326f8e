/**
 * The server's own secrets, checked at start-up (instrumentation.ts) beside the network
 * configuration. Separate from parseNetworkConfig because scripts (deploy-contract) read the
 * network without serving anything.
 */
import { StrKey } from '@stellar/stellar-sdk';

/**
 * What is wrong with the server's secrets on this network, one sentence per problem naming the
 * variable; empty when nothing is. On testnet, mainnet or a custom network the key that signs the
 * sign-in challenges must be given (a process-made key breaks sign-in across instances and
 * restarts); on local it is optional, but a given one must still be a valid key.
 */
export function serverSecretProblems(network: string, env: Record<string, string | undefined>): string[] {
  const secret = env.OPENESCROW_WEB_AUTH_SECRET;
  if (secret === undefined || secret === '') {
    if (network === 'local') return [];
    return [
      `OPENESCROW_WEB_AUTH_SECRET is required on ${network}: the Stellar secret key (S…, 56 characters) that signs the API sign-in challenges, the same on every instance`,
    ];
  }
  if (!StrKey.isValidEd25519SecretSeed(secret.trim()))
    return [
      `OPENESCROW_WEB_AUTH_SECRET must be a Stellar secret key (S…, 56 characters with a valid checksum); it is ${secret.length < 56 ? 'too short' : 'not one'}`,
    ];
  return [];
}

/** Throws one error listing every problem of {@link serverSecretProblems}. */
export function checkServerSecrets(network: string, env: Record<string, string | undefined>): void {
  const problems = serverSecretProblems(network, env);
  if (problems.length)
    throw new Error(`OpenEscrow: bad server configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
