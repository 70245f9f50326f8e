//! A ready-made world for the tests: a real Stellar Asset Contract, funded parties and
//! configs for both kinds of escrow (2 milestones, 3 % platform fee, 0.3 % protocol fee).

use soroban_sdk::{
    testutils::{Address as _, Ledger as _, MockAuth, MockAuthInvoke},
    token::{StellarAssetClient, TokenClient},
    vec, Address, Env, IntoVal, Map, String, Val, Vec,
};

use crate::{
    EscrowConfig, EscrowContract, EscrowContractClient, EscrowKind, MilestoneConfig, ProtocolFee,
    Roles,
};

/// 1 token with 7 decimals.
pub const UNIT: i128 = 10_000_000;
pub const AMOUNT: i128 = 10 * UNIT;
pub const PLATFORM_BPS: u32 = 300;
pub const PROTOCOL_BPS: u32 = 30;
pub const NOW: u64 = 1_800_000_000;
pub const DEADLINE: u64 = NOW + 30 * 86_400;

pub struct Parties {
    pub approvers: std::vec::Vec<Address>,
    pub signers: std::vec::Vec<Address>,
    pub service_provider: Address,
    pub resolver: Address,
    pub platform: Address,
    pub receiver: Address,
    pub protocol: Address,
    pub funder: Address,
    pub stranger: Address,
}

impl Parties {
    pub fn new(env: &Env, approvers: usize, signers: usize) -> Parties {
        let many = |n: usize| (0..n).map(|_| Address::generate(env)).collect();
        Parties {
            approvers: many(approvers),
            signers: many(signers),
            service_provider: Address::generate(env),
            resolver: Address::generate(env),
            platform: Address::generate(env),
            receiver: Address::generate(env),
            protocol: Address::generate(env),
            funder: Address::generate(env),
            stranger: Address::generate(env),
        }
    }

    pub fn roles(&self, env: &Env, approvals_required: u32, releases_required: u32) -> Roles {
        Roles {
            approvers: Vec::from_slice(env, &self.approvers),
            approvals_required,
            service_provider: self.service_provider.clone(),
            release_signers: Vec::from_slice(env, &self.signers),
            releases_required,
            dispute_resolver: self.resolver.clone(),
            platform: self.platform.clone(),
            receiver: self.receiver.clone(),
        }
    }
}

pub fn text(env: &Env, s: &str) -> String {
    String::from_str(env, s)
}

/// A text of `len` bytes.
pub fn long_text(env: &Env, len: usize) -> String {
    String::from_str(env, &"x".repeat(len))
}

pub fn single_config(env: &Env, token: &Address, roles: Roles, protocol: &Address) -> EscrowConfig {
    let milestone = |d: &str| MilestoneConfig {
        description: text(env, d),
        amount: 0,
        receiver: None,
    };
    EscrowConfig {
        kind: EscrowKind::Single,
        engagement_id: text(env, "ENG-1"),
        title: text(env, "Logo design"),
        description: text(env, "A logo in two rounds"),
        token: token.clone(),
        roles,
        platform_fee_bps: PLATFORM_BPS,
        protocol_fee: ProtocolFee {
            recipient: protocol.clone(),
            bps: PROTOCOL_BPS,
        },
        amount: AMOUNT,
        milestones: vec![env, milestone("Sketches"), milestone("Final files")],
        deadline: Some(DEADLINE),
    }
}

pub fn multi_config(env: &Env, token: &Address, roles: Roles, protocol: &Address) -> EscrowConfig {
    let milestone = |d: &str, amount: i128| MilestoneConfig {
        description: text(env, d),
        amount,
        receiver: None,
    };
    EscrowConfig {
        kind: EscrowKind::Multi,
        amount: 0,
        milestones: vec![
            env,
            milestone("Sketches", 4 * UNIT),
            milestone("Final files", 6 * UNIT),
        ],
        ..single_config(env, token, roles, protocol)
    }
}

/// One escrow on a fresh ledger, with the token minted to the funder.
pub struct World {
    pub env: Env,
    pub p: Parties,
    pub token: TokenClient<'static>,
    pub sac: StellarAssetClient<'static>,
    pub escrow: EscrowContractClient<'static>,
    pub config: EscrowConfig,
}

pub fn env() -> Env {
    let env = Env::default();
    env.ledger().set_timestamp(NOW);
    env.cost_estimate().disable_resource_limits();
    env
}

impl World {
    pub fn single() -> World {
        World::build(EscrowKind::Single, 1, 1, 1, 1)
    }

    pub fn multi() -> World {
        World::build(EscrowKind::Multi, 1, 1, 1, 1)
    }

    pub fn build(
        kind: EscrowKind,
        approvers: usize,
        approvals: u32,
        signers: usize,
        releases: u32,
    ) -> World {
        let env = env();
        let p = Parties::new(&env, approvers, signers);
        let (token, sac) = new_token(&env);
        let roles = p.roles(&env, approvals, releases);
        let config = match kind {
            EscrowKind::Single => single_config(&env, &token.address, roles, &p.protocol),
            EscrowKind::Multi => multi_config(&env, &token.address, roles, &p.protocol),
        };
        World::with_config(env, p, token, sac, config)
    }

    pub fn with_config(
        env: Env,
        p: Parties,
        token: TokenClient<'static>,
        sac: StellarAssetClient<'static>,
        config: EscrowConfig,
    ) -> World {
        let id = env.register(EscrowContract, (config.clone(),));
        let escrow = EscrowContractClient::new(&env, &id);
        env.mock_all_auths();
        sac.mint(&p.funder, &(100 * UNIT));
        World {
            env,
            p,
            token,
            sac,
            escrow,
            config,
        }
    }

    pub fn id(&self) -> Address {
        self.escrow.address.clone()
    }

    pub fn balance(&self, who: &Address) -> i128 {
        self.token.balance(who)
    }

    /// Funds the whole escrow from the funder (auths mocked).
    pub fn fund_all(&self) {
        self.env.mock_all_auths();
        let total = match self.config.kind {
            EscrowKind::Single => self.config.amount,
            EscrowKind::Multi => self.config.milestones.iter().map(|m| m.amount).sum(),
        };
        self.escrow.fund(&self.p.funder, &total, &1);
    }

    /// Sets a status on and approves milestone `index` with the required approvers.
    pub fn approve(&self, index: u32) {
        self.env.mock_all_auths();
        self.escrow
            .set_milestone_status(&index, &text(&self.env, "done"), &None);
        for approver in self
            .p
            .approvers
            .iter()
            .take(self.config.roles.approvals_required as usize)
        {
            self.escrow.approve_milestone(&index, approver);
        }
    }

    pub fn signers(&self) -> Vec<Address> {
        let n = self.config.roles.releases_required as usize;
        Vec::from_slice(&self.env, &self.p.signers[..n])
    }

    pub fn shares(&self, list: &[(&Address, i128)]) -> Map<Address, i128> {
        let mut map = Map::new(&self.env);
        for (who, amount) in list {
            map.set((*who).clone(), *amount);
        }
        map
    }

    /// Mocks exactly one auth: `who` authorising `fn_name(args)` on the escrow, with the
    /// given sub-invocations (a token transfer, for `fund`).
    pub fn auth_as(
        &self,
        who: &Address,
        fn_name: &'static str,
        args: Vec<Val>,
        sub: &[MockAuthInvoke],
    ) {
        let id = self.id();
        self.env.mock_auths(&[MockAuth {
            address: who,
            invoke: &MockAuthInvoke {
                contract: &id,
                fn_name,
                args,
                sub_invokes: sub,
            },
        }]);
    }

    pub fn args<T: IntoVal<Env, Vec<Val>>>(&self, args: T) -> Vec<Val> {
        args.into_val(&self.env)
    }
}

pub fn new_token(env: &Env) -> (TokenClient<'static>, StellarAssetClient<'static>) {
    let admin = Address::generate(env);
    let sac = env.register_stellar_asset_contract_v2(admin);
    (
        TokenClient::new(env, &sac.address()),
        StellarAssetClient::new(env, &sac.address()),
    )
}
