import Link from 'next/link';
import { buttonClass } from '@/components/forms/styles';
import { OpenEscrowForm } from '@/components/escrow/open-escrow-form';
import { YourEscrows } from '@/components/dashboard/your-escrows';
import { STEPS } from '@/lib/steps/registry';

const ROLES = [
  ['Platform', 'creates the escrow, sets its terms and its fee; may edit it before anyone funds it.'],
  ['Funder', 'anyone: sends the tokens into the escrow.'],
  ['Service provider', 'does the work and marks each milestone.'],
  ['Approver(s)', 'approve each milestone (a threshold of them).'],
  ['Release signer(s)', 'release the funds once approved (a threshold of them, e.g. 2 of 2).'],
  ['Receiver', 'gets the funds, minus the platform’s and the protocol’s fees.'],
  ['Dispute resolver', 'decides a dispute and splits the funds; withdraws leftovers.'],
];

// Creating comes first; every later step is the registry's, in the action panel's order.
const LIFECYCLE = ['Create', ...STEPS.map((s) => s.label)];

export default function Home() {
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold">Escrows on Stellar that nobody holds</h1>
        <p className="max-w-2xl text-zinc-700 dark:text-zinc-300">
          OpenEscrow keeps funds in a Soroban smart contract. They move only when the right people sign: the approvers
          approve the work, the release signers release it, and a dispute resolver decides if something goes wrong.
          Amounts are exact to the token’s last decimal; every step is a transaction your own wallet signs.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/escrows/new" className={`${buttonClass} no-underline`}>
            Create an escrow
          </Link>
        </div>
        <OpenEscrowForm />
      </section>
      <YourEscrows />
      <section aria-labelledby="roles" className="space-y-3">
        <h2 id="roles" className="text-xl font-semibold">
          Roles
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          {ROLES.map(([role, what]) => (
            <div
              key={role}
              className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <dt className="font-medium">{role}</dt>
              <dd className="text-sm text-zinc-700 dark:text-zinc-300">{what}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="lifecycle" className="space-y-3">
        <h2 id="lifecycle" className="text-xl font-semibold">
          Lifecycle
        </h2>
        <ol className="flex flex-wrap gap-2 text-sm">
          {LIFECYCLE.map((s, i) => (
            <li key={s} className="rounded-full bg-zinc-200 px-3 py-1 dark:bg-zinc-800">
              {i + 1}. {s}
            </li>
          ))}
        </ol>
        <p className="max-w-2xl text-sm text-zinc-700 dark:text-zinc-300">
          A single-release escrow pays out once, when every milestone is approved. A multi-release escrow pays each
          milestone on its own, possibly to its own receiver. With a deadline, funders can take back what was not paid
          out once it passes.
        </p>
      </section>
    </div>
  );
}
