//! Test helpers: a chain in a throwaway directory, dev keys, and a small transaction
//! builder, so each test reads as the transaction it sends and the code it expects.
#![allow(dead_code)]

pub mod escrow;

use ed25519_dalek::{Signer, SigningKey};
use localnet::backend::accounts::{account_id, load_account};
use localnet::backend::genesis;
use localnet::backend::state::Overlay;
use localnet::backend::store::TxRow;
use localnet::backend::{Chain, ChainConfig, Submission};
use sha2::{Digest, Sha256};
use soroban_env_host::xdr::*;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

pub const PASSPHRASE: &str = "Standalone Network ; February 2017";
pub const XLM: i64 = 10_000_000;

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub fn temp_dir(tag: &str) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    std::env::temp_dir().join(format!(
        "localnet-test-{tag}-{}-{n}-{nanos}",
        std::process::id()
    ))
}

#[derive(Clone)]
pub struct Key(pub [u8; 32]);

impl Key {
    /// A deterministic key per name, so failures are reproducible.
    pub fn named(name: &str) -> Key {
        Key(Sha256::digest(format!("localnet test key {name}").as_bytes()).into())
    }
    pub fn public(&self) -> [u8; 32] {
        SigningKey::from_bytes(&self.0).verifying_key().to_bytes()
    }
    pub fn id(&self) -> AccountId {
        account_id(self.public())
    }
    pub fn muxed(&self) -> MuxedAccount {
        MuxedAccount::Ed25519(Uint256(self.public()))
    }
    pub fn sign(&self, hash: &[u8; 32]) -> DecoratedSignature {
        let p = self.public();
        DecoratedSignature {
            hint: SignatureHint(p[28..32].try_into().unwrap()),
            signature: Signature(
                SigningKey::from_bytes(&self.0)
                    .sign(hash)
                    .to_bytes()
                    .to_vec()
                    .try_into()
                    .unwrap(),
            ),
        }
    }
}

pub struct TestChain {
    pub chain: Chain,
    pub dir: PathBuf,
}

pub enum Outcome {
    Applied(TxRow, TransactionResult),
    Rejected(TransactionResult),
    Duplicate,
}

impl Outcome {
    pub fn result(&self) -> &TransactionResult {
        match self {
            Outcome::Applied(_, r) | Outcome::Rejected(r) => r,
            Outcome::Duplicate => panic!("duplicate"),
        }
    }
    pub fn is_success(&self) -> bool {
        matches!(self, Outcome::Applied(row, _) if row.successful)
    }
    pub fn expect_success(&self) -> &TxRow {
        match self {
            Outcome::Applied(row, _) if row.successful => row,
            Outcome::Applied(_, r) | Outcome::Rejected(r) => {
                panic!("expected success, got {:?}", r.result)
            }
            Outcome::Duplicate => panic!("duplicate"),
        }
    }
    /// The first operation's result of a failed transaction.
    pub fn op_result(&self) -> OperationResult {
        match &self.result().result {
            TransactionResultResult::TxFailed(ops) | TransactionResultResult::TxSuccess(ops) => {
                ops[0].clone()
            }
            other => panic!("no operation results: {other:?}"),
        }
    }
}

impl TestChain {
    pub fn new() -> TestChain {
        let dir = temp_dir("chain");
        let chain = Chain::open(&ChainConfig {
            passphrase: PASSPHRASE.into(),
            data_dir: dir.clone(),
            reset: true,
            ..Default::default()
        })
        .unwrap();
        TestChain { chain, dir }
    }

    /// Opens the chain again from its directory, as a restarted node would.
    pub fn reopen(mut self) -> TestChain {
        let chain = Chain::open(&ChainConfig {
            passphrase: PASSPHRASE.into(),
            data_dir: self.dir.clone(),
            reset: false,
            ..Default::default()
        })
        .unwrap();
        self.chain = chain;
        self
    }

    pub fn root(&self) -> Key {
        Key(genesis::root_secret(PASSPHRASE))
    }

    pub fn usdc_issuer(&self) -> Key {
        Key(genesis::usdc_issuer_secret())
    }

    pub fn account(&self, key: &Key) -> Option<AccountEntry> {
        let ov = Overlay::new(self.chain.state(), self.chain.latest().seq);
        load_account(&ov, &key.id())
    }

    pub fn balance(&self, key: &Key) -> i64 {
        self.account(key).map(|a| a.balance).unwrap_or(-1)
    }

    pub fn next_seq(&self, key: &Key) -> i64 {
        self.account(key).expect("account exists").seq_num.0 + 1
    }

    pub fn submit(&mut self, env: TransactionEnvelope) -> Outcome {
        match self.chain.submit(env).unwrap() {
            Submission::Pending { hash } => {
                let row = self.chain.transaction(&hash).unwrap().unwrap();
                let result = TransactionResult::from_xdr(&row.result, Limits::none()).unwrap();
                Outcome::Applied(row, result)
            }
            Submission::Error { result, .. } => Outcome::Rejected(result),
            Submission::Duplicate { .. } => Outcome::Duplicate,
        }
    }

    /// Creates `key`'s account from root with `xlm` lumens.
    pub fn fund(&mut self, key: &Key, xlm: i64) {
        let root = self.root();
        let tx = self
            .tx(&root)
            .op(OperationBody::CreateAccount(CreateAccountOp {
                destination: key.id(),
                starting_balance: xlm * XLM,
            }));
        self.submit(tx.sign(&[&root])).expect_success();
    }

    pub fn tx(&self, source: &Key) -> TxBuilder {
        TxBuilder {
            tx: Transaction {
                source_account: source.muxed(),
                fee: 100,
                seq_num: SequenceNumber(self.next_seq(source)),
                cond: Preconditions::None,
                memo: Memo::None,
                operations: VecM::default(),
                ext: TransactionExt::V0,
            },
            network_id: self.chain.network_id(),
        }
    }
}

impl TestChain {
    /// A test chain around an already opened chain (its directory is removed at drop).
    pub fn from_chain(chain: Chain, dir: PathBuf) -> TestChain {
        TestChain { chain, dir }
    }

    /// The chain, kept (with its directory) past this value.
    pub fn into_chain(self) -> Chain {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: `me` is never dropped or used again, so the chain is moved out once.
        unsafe { std::ptr::read(&me.chain) }
    }
}

/// Serves an already set-up chain in-process on a free 127.0.0.1 port, as the binary
/// would; the node stops when the handle is dropped.
pub fn serve(chain: Chain) -> localnet::node::NodeHandle {
    let cfg = localnet::node::NodeConfig::ephemeral(PathBuf::new());
    localnet::node::spawn_chain(chain, &cfg).unwrap()
}

/// A fresh node in `dir`, in-process, on a free 127.0.0.1 port.
pub fn spawn_node(dir: &std::path::Path) -> localnet::node::NodeHandle {
    localnet::node::spawn(localnet::node::NodeConfig::ephemeral(dir)).unwrap()
}

impl Drop for TestChain {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub struct TxBuilder {
    pub tx: Transaction,
    pub network_id: [u8; 32],
}

impl TxBuilder {
    pub fn op(mut self, body: OperationBody) -> Self {
        let mut ops = self.tx.operations.to_vec();
        ops.push(Operation {
            source_account: None,
            body,
        });
        self.tx.operations = ops.try_into().unwrap();
        self.tx.fee = 100 * self.tx.operations.len() as u32;
        self
    }
    pub fn op_from(mut self, source: &Key, body: OperationBody) -> Self {
        self = self.op(body);
        let mut ops = self.tx.operations.to_vec();
        ops.last_mut().unwrap().source_account = Some(source.muxed());
        self.tx.operations = ops.try_into().unwrap();
        self
    }
    pub fn fee(mut self, fee: u32) -> Self {
        self.tx.fee = fee;
        self
    }
    pub fn seq(mut self, seq: i64) -> Self {
        self.tx.seq_num = SequenceNumber(seq);
        self
    }
    pub fn time_bounds(mut self, min: u64, max: u64) -> Self {
        self.tx.cond = Preconditions::Time(TimeBounds {
            min_time: TimePoint(min),
            max_time: TimePoint(max),
        });
        self
    }
    pub fn soroban(mut self, data: SorobanTransactionData) -> Self {
        self.tx.ext = TransactionExt::V1(data);
        self
    }
    pub fn envelope(&self) -> TransactionEnvelope {
        TransactionEnvelope::Tx(TransactionV1Envelope {
            tx: self.tx.clone(),
            signatures: VecM::default(),
        })
    }
    pub fn hash(&self) -> [u8; 32] {
        self.envelope().hash(self.network_id).unwrap()
    }
    pub fn sign(&self, keys: &[&Key]) -> TransactionEnvelope {
        let hash = self.hash();
        let sigs: Vec<DecoratedSignature> = keys.iter().map(|k| k.sign(&hash)).collect();
        TransactionEnvelope::Tx(TransactionV1Envelope {
            tx: self.tx.clone(),
            signatures: sigs.try_into().unwrap(),
        })
    }
}

pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

pub fn payment(to: &Key, asset: Asset, amount: i64) -> OperationBody {
    OperationBody::Payment(PaymentOp {
        destination: to.muxed(),
        asset,
        amount,
    })
}

pub fn native_payment(to: &Key, xlm: i64) -> OperationBody {
    payment(to, Asset::Native, xlm * XLM)
}

pub fn code(outcome: &Outcome) -> TransactionResultResult {
    outcome.result().result.clone()
}

// --- a spawned node, for tests of the binary and its HTTP surface ---

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP request to 127.0.0.1 (a connection of its own); `None` if it failed.
pub fn http(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let answer = localnet::client::Client::local(port)
        .with_timeout(Duration::from_secs(10))
        .request(method, path, body.as_bytes())
        .ok()?;
    Some((answer.status, answer.text()))
}

/// A node run from the binary, for what needs a process (kill -9, the CLI).
pub struct Node(pub Child);

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn start(dir: &std::path::Path, port: u16) -> Node {
    let child = Command::new(env!("CARGO_BIN_EXE_localnet"))
        .args([
            "--port",
            &port.to_string(),
            "--ledger-interval",
            "0",
            "--data-dir",
        ])
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while http(port, "GET", "/health", "").is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "localnet did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Node(child)
}

// --- Soroban helpers ---

use localnet::backend::simulate::{simulate, SimulationRequest};

pub fn sac_transfer(contract: [u8; 32], from: &Key, to: &Key, amount: i64) -> HostFunction {
    let addr = |k: &Key| ScVal::Address(ScAddress::Account(k.id()));
    HostFunction::InvokeContract(InvokeContractArgs {
        contract_address: ScAddress::Contract(ContractId(Hash(contract))),
        function_name: ScSymbol("transfer".try_into().unwrap()),
        args: vec![
            addr(from),
            addr(to),
            ScVal::I128(Int128Parts {
                hi: 0,
                lo: amount as u64,
            }),
        ]
        .try_into()
        .unwrap(),
    })
}

pub fn invoke(host_function: HostFunction, auth: Vec<SorobanAuthorizationEntry>) -> OperationBody {
    OperationBody::InvokeHostFunction(InvokeHostFunctionOp {
        host_function,
        auth: auth.try_into().unwrap(),
    })
}

/// Simulates like `prepareTransaction`: returns the op with recorded auth and the data.
pub fn prepare(
    t: &TestChain,
    source: &Key,
    host_fn: HostFunction,
) -> (OperationBody, SorobanTransactionData) {
    let env = t.tx(source).op(invoke(host_fn.clone(), vec![])).envelope();
    let sim = simulate(
        &t.chain,
        SimulationRequest {
            envelope: env,
            auth_mode: None,
            use_upgraded_auth: true,
            instruction_leeway: None,
        },
    );
    assert!(sim.error.is_none(), "simulation failed: {:?}", sim.error);
    let (auth, _) = sim.result.unwrap();
    (invoke(host_fn, auth), sim.transaction_data.unwrap())
}

/// Prepares, signs and submits one host function from `source`; returns the row.
pub fn run_host_function(t: &mut TestChain, source: &Key, host_fn: HostFunction) -> TxRow {
    let (op, data) = prepare(t, source, host_fn);
    let fee = data.resource_fee as u32 + 100;
    let tx = t.tx(source).op(op).soroban(data).fee(fee);
    t.submit(tx.sign(&[source])).expect_success().clone()
}

/// The return value of a successful Soroban transaction.
pub fn return_value(row: &TxRow) -> ScVal {
    let TransactionMeta::V4(meta) = TransactionMeta::from_xdr(&row.meta, Limits::none()).unwrap()
    else {
        panic!("meta v4")
    };
    meta.soroban_meta.unwrap().return_value.unwrap()
}

/// Uploads Wasm; returns its hash.
pub fn upload_wasm(t: &mut TestChain, source: &Key, wasm: &[u8]) -> [u8; 32] {
    let row = run_host_function(
        t,
        source,
        HostFunction::UploadContractWasm(wasm.to_vec().try_into().unwrap()),
    );
    let ScVal::Bytes(hash) = return_value(&row) else {
        panic!("upload returns the hash")
    };
    hash.as_slice().try_into().unwrap()
}

/// Deploys uploaded Wasm from `source` with constructor arguments; returns the contract id.
pub fn deploy(t: &mut TestChain, source: &Key, wasm_hash: [u8; 32], args: Vec<ScVal>) -> [u8; 32] {
    let hf = HostFunction::CreateContractV2(CreateContractArgsV2 {
        contract_id_preimage: ContractIdPreimage::Address(ContractIdPreimageFromAddress {
            address: ScAddress::Account(source.id()),
            salt: Uint256(Sha256::digest(wasm_hash).into()),
        }),
        executable: ContractExecutable::Wasm(Hash(wasm_hash)),
        constructor_args: args.try_into().unwrap(),
    });
    let row = run_host_function(t, source, hf);
    let ScVal::Address(ScAddress::Contract(id)) = return_value(&row) else {
        panic!("create returns the address")
    };
    id.0 .0
}

/// A Wasm module with no code, only the custom sections the host and the explorer
/// read: the environment interface version and a contract spec.
pub fn spec_only_wasm(spec: &[ScSpecEntry]) -> Vec<u8> {
    fn leb(mut n: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    fn custom(name: &str, payload: &[u8], out: &mut Vec<u8>) {
        let mut body = vec![];
        leb(name.len(), &mut body);
        body.extend_from_slice(name.as_bytes());
        body.extend_from_slice(payload);
        out.push(0);
        leb(body.len(), out);
        out.extend(body);
    }
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    let env = ScEnvMetaEntry::ScEnvMetaKindInterfaceVersion(ScEnvMetaEntryInterfaceVersion {
        protocol: 28,
        pre_release: 0,
    });
    custom(
        "contractenvmetav0",
        &env.to_xdr(Limits::none()).unwrap(),
        &mut wasm,
    );
    let spec: Vec<u8> = spec
        .iter()
        .flat_map(|e| e.to_xdr(Limits::none()).unwrap())
        .collect();
    custom("contractspecv0", &spec, &mut wasm);
    wasm
}
