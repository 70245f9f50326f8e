//! Mutated transactions: flip bytes of valid envelopes; whatever still decodes is
//! simulated and submitted. Nothing may panic, and the chain keeps working.

mod common;
use common::*;
use localnet::backend::simulate::{simulate, SimulationRequest};
use soroban_env_host::xdr::*;

/// A small deterministic generator (xorshift), so failures replay.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn mutated_envelopes_never_panic() {
    let mut t = TestChain::new();
    let (a, b) = (Key::named("a"), Key::named("b"));
    t.fund(&a, 1000);
    t.fund(&b, 1000);
    let (op, data) = prepare(&t, &a, sac_transfer(t.chain.native_contract(), &a, &b, XLM));
    let soroban = t
        .tx(&a)
        .op(op)
        .soroban(data.clone())
        .fee(data.resource_fee as u32 + 100)
        .tx;
    let classic = t
        .tx(&a)
        .op(native_payment(&b, 1))
        .op(native_payment(&b, 2))
        .tx;
    let mut rng = Rng(0x5eed);
    let (mut decoded, mut applied) = (0, 0);
    for round in 0..1500 {
        let base = if round % 2 == 0 { &soroban } else { &classic };
        let mut bytes = base.to_xdr(Limits::none()).unwrap();
        for _ in 0..(1 + rng.next() % 3) {
            let i = (rng.next() as usize) % bytes.len();
            bytes[i] ^= 1 << (rng.next() % 8);
        }
        let Ok(mut tx) = Transaction::from_xdr(
            &bytes,
            Limits {
                depth: 500,
                len: bytes.len(),
            },
        ) else {
            continue;
        };
        decoded += 1;
        // Keep it signed and in sequence so that it reaches apply.
        tx.source_account = a.muxed();
        tx.seq_num = SequenceNumber(t.next_seq(&a));
        let builder = TxBuilder {
            tx,
            network_id: t.chain.network_id(),
        };
        let env = builder.sign(&[&a]);
        let _ = simulate(
            &t.chain,
            SimulationRequest {
                envelope: env.clone(),
                auth_mode: None,
                use_upgraded_auth: true,
                instruction_leeway: None,
            },
        );
        if let Outcome::Applied(..) = t.submit(env) {
            applied += 1;
        }
    }
    assert!(
        applied > 50,
        "only {applied} of {decoded} mutants reached apply"
    );
    // Still works.
    t.submit(t.tx(&b).op(native_payment(&a, 1)).sign(&[&b]))
        .expect_success();
}
