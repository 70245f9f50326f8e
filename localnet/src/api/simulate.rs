//! simulateTransaction, shaped like stellar-rpc's answer.

use super::encoding::{from_b64, xdr_b64};
use super::types::{
    LedgerEntryChange, SimulateHostFunctionResult, SimulateTransactionRequest,
    SimulateTransactionResponse, StateChangeType,
};
use super::{invalid_params, to_json, Api, RpcResult};
use crate::backend::simulate::SimulationRequest;
use soroban_env_host::xdr::TransactionEnvelope;

impl Api {
    pub(super) fn simulate_transaction(&self, req: SimulateTransactionRequest) -> RpcResult {
        let text = req.transaction.ok_or_else(|| {
            invalid_params("transaction (base64 TransactionEnvelope XDR) is required")
        })?;
        let envelope: TransactionEnvelope = from_b64(&text)
            .map_err(|e| invalid_params(format!("could not unmarshal transaction: {e}")))?;
        let request = SimulationRequest {
            envelope,
            auth_mode: req.auth_mode,
            use_upgraded_auth: req.use_upgraded_auth.unwrap_or(true),
            instruction_leeway: req
                .resource_config
                .and_then(|r| r.instruction_leeway)
                .map(|l| l.0),
        };
        let c = self.chain();
        let sim = c.simulate(request);
        let mut out = SimulateTransactionResponse {
            latest_ledger: c.latest().seq,
            events: sim.events.iter().map(xdr_b64).collect(),
            ..Default::default()
        };
        if let Some(err) = sim.error {
            out.error = Some(err);
            return to_json(out);
        }
        out.transaction_data = sim.transaction_data.as_ref().map(xdr_b64);
        out.min_resource_fee = Some(sim.min_resource_fee.to_string());
        out.results = sim.result.map(|(auth, value)| {
            vec![SimulateHostFunctionResult {
                auth: auth.iter().map(xdr_b64).collect(),
                xdr: xdr_b64(&value),
            }]
        });
        out.state_changes = sim
            .state_changes
            .iter()
            .map(|(key, before, after)| LedgerEntryChange {
                kind: match (before, after) {
                    (None, Some(_)) => StateChangeType::Created,
                    (Some(_), None) => StateChangeType::Deleted,
                    _ => StateChangeType::Updated,
                },
                key: xdr_b64(key),
                before: before.as_ref().map(xdr_b64),
                after: after.as_ref().map(xdr_b64),
            })
            .collect();
        to_json(out)
    }
}
