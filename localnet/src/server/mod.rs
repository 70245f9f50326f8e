//! HTTP transport only: routes, CORS, body limits, JSON-RPC envelopes. Every answer
//! comes from `Api`; blocking work runs off the async threads.

use crate::api::{Api, ApiError, INTERNAL_ERROR, INVALID_REQUEST};
use axum::body::{to_bytes, Body};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::Value;
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

/// One JSON-RPC 2.0 call as sent; `params` is `null` when absent.
#[derive(Deserialize)]
struct Call {
    method: String,
    #[serde(default)]
    params: Value,
}

/// One JSON-RPC 2.0 answer: `result` or `error`.
#[derive(Serialize)]
struct Answer {
    jsonrpc: &'static str,
    id: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorObject>,
}

#[derive(Serialize)]
struct ErrorObject {
    code: i64,
    message: String,
}

/// A batch's answers, or one.
#[derive(Serialize)]
#[serde(untagged)]
enum Answers {
    One(Answer),
    Batch(Vec<Answer>),
}

fn rpc_error(id: Value, code: i64, message: &str) -> Answer {
    Answer {
        jsonrpc: "2.0",
        id,
        result: None,
        error: Some(ErrorObject {
            code,
            message: message.to_string(),
        }),
    }
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
        Value::Array(calls) if calls.is_empty() || calls.len() > MAX_BATCH => {
            Answers::One(rpc_error(
                Value::Null,
                INVALID_REQUEST,
                &format!("a batch must hold 1 to {MAX_BATCH} calls"),
            ))
        }
        Value::Array(calls) => {
            Answers::Batch(calls.into_iter().map(|c| one_call(&api, c)).collect())
        }
        single => Answers::One(one_call(&api, single)),
    })
    .await;
    match answer {
        Ok(v) => Json(v).into_response(),
        Err(_) => Json(rpc_error(Value::Null, INTERNAL_ERROR, "internal error")).into_response(),
    }
}

/// One JSON-RPC call; a panic in a handler becomes an internal error, not a dead node.
fn one_call(api: &Api, call: Value) -> Answer {
    let id = call.get("id").cloned().unwrap_or(Value::Null);
    let Ok(Call { method, params }) = Call::deserialize(call) else {
        return rpc_error(
            id,
            INVALID_REQUEST,
            "invalid request: an object with a method (a string) is required",
        );
    };
    let method = method.as_str();
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| api.call(method, &params)))
            .unwrap_or_else(|_| {
                Err(ApiError::Internal(format!(
                    "internal error while answering {method}"
                )))
            });
    match result {
        Ok(v) => Answer {
            jsonrpc: "2.0",
            id,
            result: Some(v),
            error: None,
        },
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
    dev_answer(answer.unwrap_or_else(|_| internal_dev_error()))
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
    dev_answer(answer.unwrap_or_else(|_| internal_dev_error()))
}

/// A dev endpoint's handler that panicked.
fn internal_dev_error() -> (u16, Value) {
    let detail = crate::api::dev::Problem {
        kind: "about:blank",
        title: "Internal Error",
        status: 500,
        detail: "internal error".into(),
    };
    (500, serde_json::to_value(detail).unwrap_or(Value::Null))
}

async fn health(State(api): State<Api>) -> Response {
    Json(api.health()).into_response()
}

async fn info(State(api): State<Api>) -> Response {
    Json(api.localnet_info()).into_response()
}
