//! HTTP transport only: routes, CORS, body limits, JSON-RPC envelopes. Every answer
//! comes from `Api`; blocking work runs off the async threads.

use crate::api::{Api, ApiError, INTERNAL_ERROR, INVALID_REQUEST};
use axum::body::{to_bytes, Body};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use tower_http::cors::CorsLayer;

/// Largest request accepted: a maximal transaction (132 KiB) in base64 fits easily.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Most calls in one JSON-RPC batch.
const MAX_BATCH: usize = 50;

pub fn router(api: Api) -> Router {
    Router::new()
        .route("/rpc", post(rpc))
        .route("/", post(rpc))
        .route("/friendbot", get(friendbot).post(friendbot))
        .route("/faucet", post(faucet))
        .route("/health", get(health))
        .route("/localnet", get(info))
        .merge(crate::explorer::routes())
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(CorsLayer::permissive())
        .with_state(api)
}

fn rpc_error(id: Value, code: i64, message: &str) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } })
}

async fn rpc(State(api): State<Api>, _headers: HeaderMap, body: Body) -> Response {
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => {
            let msg = format!("request body is larger than {MAX_BODY_BYTES} bytes");
            return (
                StatusCode::PAYLOAD_TOO_LARGE,
                Json(rpc_error(Value::Null, INVALID_REQUEST, &msg)),
            )
                .into_response();
        }
    };
    let request: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => {
            return Json(rpc_error(Value::Null, -32700, &format!("parse error: {e}")))
                .into_response()
        }
    };
    let answer = tokio::task::spawn_blocking(move || match request {
        Value::Array(calls) if calls.is_empty() || calls.len() > MAX_BATCH => rpc_error(
            Value::Null,
            INVALID_REQUEST,
            &format!("a batch must hold 1 to {MAX_BATCH} calls"),
        ),
        Value::Array(calls) => Value::Array(calls.iter().map(|c| one_call(&api, c)).collect()),
        single => one_call(&api, &single),
    })
    .await;
    match answer {
        Ok(v) => Json(v).into_response(),
        Err(_) => Json(rpc_error(Value::Null, INTERNAL_ERROR, "internal error")).into_response(),
    }
}

/// One JSON-RPC call; a panic in a handler becomes an internal error, not a dead node.
fn one_call(api: &Api, call: &Value) -> Value {
    let id = call.get("id").cloned().unwrap_or(Value::Null);
    let Some(method) = call.get("method").and_then(|m| m.as_str()) else {
        return rpc_error(id, INVALID_REQUEST, "invalid request: method is required");
    };
    let params = call.get("params").cloned().unwrap_or(Value::Null);
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| api.call(method, &params)))
            .unwrap_or_else(|_| {
                Err(ApiError::Internal(format!(
                    "internal error while answering {method}"
                )))
            });
    match result {
        Ok(v) => json!({ "jsonrpc": "2.0", "id": id, "result": v }),
        Err(e) => rpc_error(id, e.code(), e.message()),
    }
}

fn dev_answer((status, body): (u16, Value)) -> Response {
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        Json(body),
    )
        .into_response()
}

async fn friendbot(State(api): State<Api>, Query(q): Query<HashMap<String, String>>) -> Response {
    let answer =
        tokio::task::spawn_blocking(move || api.friendbot(q.get("addr").map(String::as_str))).await;
    dev_answer(answer.unwrap_or((500, json!({ "detail": "internal error" }))))
}

async fn faucet(State(api): State<Api>, Query(q): Query<HashMap<String, String>>) -> Response {
    let answer = tokio::task::spawn_blocking(move || {
        api.faucet(
            q.get("addr").map(String::as_str),
            q.get("asset").map(String::as_str),
            q.get("amount").map(String::as_str),
        )
    })
    .await;
    dev_answer(answer.unwrap_or((500, json!({ "detail": "internal error" }))))
}

async fn health(State(api): State<Api>) -> Response {
    let latest = api.chain().latest.seq;
    Json(json!({ "status": "healthy", "latestLedger": latest })).into_response()
}

async fn info(State(api): State<Api>) -> Response {
    Json(api.localnet_info()).into_response()
}
