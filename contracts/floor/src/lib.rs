//! The floor of the escrow benchmark: a minimal escrow with no roles, no checks and no
//! events. Its constructor stores the token and the receiver; `fund` is one transfer in,
//! `release` one balance read and one transfer out. No escrow can cost less than this, so
//! the bench measures it beside ours to show what part of our cost is ours to cut.
//! Not for use with real money: anyone may release.
#![no_std]

use soroban_sdk::{contract, contractimpl, symbol_short, token, Address, Env, Symbol};

const PARTIES: Symbol = symbol_short!("parties");

#[contract]
pub struct Floor;

#[contractimpl]
impl Floor {
    /// Stores the token held and who receives it.
    pub fn __constructor(env: Env, token: Address, receiver: Address) {
        env.storage().instance().set(&PARTIES, &(token, receiver));
    }

    /// Moves `amount` of the token from `from` in. [auth: `from`]
    pub fn fund(env: Env, from: Address, amount: i128) {
        from.require_auth();
        let (token, _): (Address, Address) = env.storage().instance().get(&PARTIES).unwrap();
        let this = env.current_contract_address();
        token::TokenClient::new(&env, &token).transfer(&from, &this, &amount);
    }

    /// Pays everything held to the receiver. [auth: none]
    pub fn release(env: Env) {
        let (token, receiver): (Address, Address) = env.storage().instance().get(&PARTIES).unwrap();
        let token = token::TokenClient::new(&env, &token);
        let this = env.current_contract_address();
        token.transfer(&this, &receiver, &token.balance(&this));
    }
}
