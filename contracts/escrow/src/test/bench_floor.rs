//! The floor, measured beside ours: the minimal escrow of `contracts/floor` (constructor
//! with the token and the receiver, `fund` one transfer in, `release` a balance read and one
//! transfer out), built like our wasm by `npm run build:contract`. Whatever an escrow does
//! on top of its token movements and its VM starts is above this line.

use soroban_sdk::{IntoVal, Val};

use super::bench::{Actors, Run};
use super::setup::UNIT;

/// The floor's wasm as `npm run build:contract` builds it.
pub fn wasm() -> std::vec::Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../floor/dist/floor.wasm");
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e} (run npm run build:contract)"))
}

/// Constructor, fund, release: the three transactions every escrow needs.
pub fn lifecycle(r: &mut Run, a: &Actors) {
    let env = r.chain.env.clone();
    let args: std::vec::Vec<Val> = std::vec![
        r.chain.token.into_val(&env),
        a.receiver.address.into_val(&env)
    ];
    r.create(&wasm(), args, &a.platform, false);
    let transfer = r.transfer_in(&a.funder, 10 * UNIT);
    r.call(
        Some(&a.funder),
        "fund",
        (&a.funder.address, 10 * UNIT).into_val(&env),
        std::vec![transfer],
    );
    r.call(None, "release", ().into_val(&env), std::vec![]);
}
