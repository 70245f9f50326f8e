//! simulateTransaction, shaped like stellar-rpc's answer.

use super::encoding::{from_b64, get_u64, xdr_b64};
use super::{invalid_params, Api, RpcResult};
use crate::backend::simulate::{simulate, SimulationRequest};
use serde_json::{json, Value};
use soroban_env_host::xdr::TransactionEnvelope;

impl Api {
    pub(super) fn simulate_transaction(&self, params: &Value) -> RpcResult {
        let text = params
            .get("transaction")
            .and_then(|t| t.as_str())
            .ok_or_else(|| {
                invalid_params("transaction (base64 TransactionEnvelope XDR) is required")
            })?;
        let envelope: TransactionEnvelope = from_b64(text)
            .map_err(|e| invalid_params(format!("could not unmarshal transaction: {e}")))?;
        let req = SimulationRequest {
            envelope,
            auth_mode: params
                .get("authMode")
                .and_then(|a| a.as_str())
                .map(String::from),
            use_upgraded_auth: params
                .get("useUpgradedAuth")
                .and_then(|u| u.as_bool())
                .unwrap_or(true),
            instruction_leeway: params
                .get("resourceConfig")
                .and_then(|r| get_u64(r, "instructionLeeway")),
        };
        let c = self.chain();
        let sim = simulate(&c, req);
        let mut out = json!({ "latestLedger": c.latest.seq });
        if !sim.events.is_empty() {
            out["events"] = json!(sim.events.iter().map(xdr_b64).collect::<Vec<_>>());
        }
        if let Some(err) = sim.error {
            out["error"] = json!(err);
            return Ok(out);
        }
        if let Some(data) = &sim.transaction_data {
            out["transactionData"] = json!(xdr_b64(data));
        }
        out["minResourceFee"] = json!(sim.min_resource_fee.to_string());
        if let Some((auth, value)) = &sim.result {
            out["results"] = json!([{ "auth": auth.iter().map(xdr_b64).collect::<Vec<_>>(), "xdr": xdr_b64(value) }]);
        }
        if !sim.state_changes.is_empty() {
            out["stateChanges"] = json!(sim
                .state_changes
                .iter()
                .map(|(key, before, after)| {
                    let kind = match (before, after) {
                        (None, Some(_)) => "created",
                        (Some(_), None) => "deleted",
                        _ => "updated",
                    };
                    json!({
                        "type": kind,
                        "key": xdr_b64(key),
                        "before": before.as_ref().map(xdr_b64),
                        "after": after.as_ref().map(xdr_b64),
                    })
                })
                .collect::<Vec<_>>());
        }
        Ok(out)
    }
}
