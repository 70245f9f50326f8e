//! getEvents: contract and system events by ledger range, contract id and topic
//! filters (`*` one segment, trailing `**` any rest), with stellar-rpc's cursors
//! (`<toid:019>-<event:010>`) and limits.

use super::encoding::{from_b64, rfc3339, toid, xdr_b64};
use super::types::{
    start_ledger, EventFilter, EventInfo, EventType, GetEventsRequest, GetEventsResponse,
};
use super::{
    contract_strkey, internal, invalid_params, invalid_request, to_json, Api, ApiError, RpcResult,
};
use crate::api::encoding::parse_contract;
use crate::backend::store::EventRow;
use soroban_env_host::xdr::{ContractEvent, ContractEventBody, Limits, ReadXdr, ScVal};

const DEFAULT_LIMIT: u64 = 100;
const MAX_LIMIT: u64 = 10_000;
/// How many ledgers one request may scan, as stellar-rpc.
const MAX_LEDGER_SCAN: u32 = 10_000;
const MAX_FILTERS: usize = 5;
const MAX_CONTRACT_IDS: usize = 5;
const MAX_TOPIC_FILTERS: usize = 5;
const MAX_TOPIC_SEGMENTS: usize = 4;

enum Segment {
    Any,
    Rest,
    Exact(ScVal),
}

struct Filter {
    kind: Option<Vec<u8>>,
    contracts: Vec<[u8; 32]>,
    topics: Vec<Vec<Segment>>,
}

fn parse_filters(list: &[EventFilter]) -> Result<Vec<Filter>, ApiError> {
    if list.len() > MAX_FILTERS {
        return Err(invalid_params(format!(
            "maximum {MAX_FILTERS} filters per request"
        )));
    }
    list.iter().map(parse_filter).collect()
}

fn parse_filter(f: &EventFilter) -> Result<Filter, ApiError> {
    let kind = match f.kind.as_deref() {
        None | Some("") => None,
        Some("contract") => Some(vec![0]),
        Some("system") => Some(vec![1]),
        Some("diagnostic") => Some(vec![2]),
        Some(other) => {
            return Err(invalid_params(format!(
                "if set, type must be either 'system', 'contract' or 'diagnostic', got {other:?}"
            )))
        }
    };
    let ids = f.contract_ids.as_deref().unwrap_or_default();
    if ids.len() > MAX_CONTRACT_IDS {
        return Err(invalid_params(format!(
            "maximum {MAX_CONTRACT_IDS} contract IDs per filter"
        )));
    }
    let contracts = ids
        .iter()
        .map(|text| {
            parse_contract(text).ok_or_else(|| {
                invalid_params(format!(
                    "contract ID must be a valid contract address: {text}"
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    let topic_filters = f.topics.as_deref().unwrap_or_default();
    if topic_filters.len() > MAX_TOPIC_FILTERS {
        return Err(invalid_params(format!(
            "maximum {MAX_TOPIC_FILTERS} topic filters per filter"
        )));
    }
    let topics = topic_filters
        .iter()
        .map(|segs| parse_topic(segs.as_slice()))
        .collect::<Result<_, _>>()?;
    Ok(Filter {
        kind,
        contracts,
        topics,
    })
}

fn parse_topic(segs: &[String]) -> Result<Vec<Segment>, ApiError> {
    if segs.is_empty() {
        return Err(invalid_params("topic must have at least one segment"));
    }
    let mut parsed = vec![];
    for (i, s) in segs.iter().enumerate() {
        parsed.push(match s.as_str() {
            "*" => Segment::Any,
            "**" if i == segs.len() - 1 => Segment::Rest,
            "**" => return Err(invalid_params("'**' is only allowed as the last segment")),
            _ => Segment::Exact(
                from_b64(s).map_err(|e| invalid_params(format!("invalid topic segment: {e}")))?,
            ),
        });
    }
    let fixed = parsed
        .iter()
        .filter(|s| !matches!(s, Segment::Rest))
        .count();
    if fixed > MAX_TOPIC_SEGMENTS {
        return Err(invalid_params(format!(
            "topic cannot have more than {MAX_TOPIC_SEGMENTS} segments"
        )));
    }
    Ok(parsed)
}

fn topic_matches(filter: &[Segment], topics: &[ScVal]) -> bool {
    for (i, seg) in filter.iter().enumerate() {
        match seg {
            Segment::Rest => return true,
            Segment::Any => {
                if i >= topics.len() {
                    return false;
                }
            }
            Segment::Exact(v) => {
                if topics.get(i) != Some(v) {
                    return false;
                }
            }
        }
    }
    filter.len() == topics.len()
}

fn matches(filters: &[Filter], row: &EventRow, topics: &[ScVal]) -> bool {
    filters.is_empty()
        || filters.iter().any(|f| {
            f.kind.as_ref().is_none_or(|k| k.contains(&row.kind))
                && (f.contracts.is_empty()
                    || row.contract_id.is_some_and(|c| f.contracts.contains(&c)))
                && (f.topics.is_empty() || f.topics.iter().any(|t| topic_matches(t, topics)))
        })
}

/// Parses `<toid>-<index>` into the cursor's ledger and the position just after its
/// event. The cursor of a short page names the last possible event of its last ledger;
/// after it comes the next ledger.
fn parse_cursor(s: &str) -> Option<(u32, (u32, u32, u32, u32))> {
    let (t, i) = s.split_once('-')?;
    let t: i64 = t.parse().ok()?;
    let i: u32 = i.parse().ok()?;
    let (ledger, tx, op) = (
        (t >> 32) as u32,
        ((t >> 12) & 0xFFFFF) as u32,
        (t & 0xFFF) as u32,
    );
    let next = match i.checked_add(1) {
        Some(n) => (ledger, tx, op, n),
        None => (ledger.checked_add(1)?, 0, 0, 0),
    };
    Some((ledger, next))
}

fn event_id(r: &EventRow) -> String {
    format!(
        "{:019}-{:010}",
        toid(r.ledger, r.tx_index, r.op_index),
        r.event_index
    )
}

impl Api {
    pub(super) fn get_events(&self, req: GetEventsRequest) -> RpcResult {
        let filters = parse_filters(req.filters.as_deref().unwrap_or_default())?;
        let pagination = req.pagination.unwrap_or_default();
        let limit = pagination.limit.map_or(DEFAULT_LIMIT, |l| l.0);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(invalid_params(format!("limit must not exceed {MAX_LIMIT}")));
        }
        let c = self.chain();
        let (latest, oldest) = (c.latest().seq, c.oldest_ledger());
        let start_param = start_ledger(req.start_ledger);
        let cursor = pagination.cursor.as_ref().map(|c| c.0.as_str());
        if cursor.is_some() && start_param.is_some() {
            return Err(invalid_params("startLedger and cursor cannot both be set"));
        }
        let (start, start_ledger) = match cursor {
            Some(cur) => {
                let (ledger, next) = parse_cursor(cur)
                    .ok_or_else(|| invalid_params(format!("invalid cursor {cur:?}")))?;
                (next, ledger as u64)
            }
            None => {
                let s =
                    start_param.ok_or_else(|| invalid_params("startLedger must be positive"))?;
                ((s.min(u32::MAX as u64) as u32, 0, 0, 0), s)
            }
        };
        // Checked at the cursor's own ledger, as stellar-rpc does.
        if start_ledger < oldest as u64 || start_ledger > latest as u64 {
            return Err(invalid_request(format!(
                "startLedger must be within the ledger range: {oldest} - {latest}"
            )));
        }
        let mut end = start.0.saturating_add(MAX_LEDGER_SCAN).min(latest + 1);
        if let Some(e) = req.end_ledger.map(|e| e.0) {
            if e <= start.0 as u64 && cursor.is_none() {
                return Err(invalid_params("endLedger must be after startLedger"));
            }
            end = end.min(e.min(u32::MAX as u64) as u32);
        }
        let mut events = vec![];
        let mut pos = start;
        'scan: loop {
            let rows = c.events_between(pos, end, 1000).map_err(internal)?;
            let done = rows.len() < 1000;
            for r in &rows {
                pos = (r.ledger, r.tx_index, r.op_index, r.event_index + 1);
                let Ok(ev) = ContractEvent::from_xdr(&r.xdr, Limits::none()) else {
                    continue;
                };
                let ContractEventBody::V0(body) = &ev.body;
                if !matches(&filters, r, &body.topics) {
                    continue;
                }
                events.push(EventInfo {
                    kind: if r.kind == 1 {
                        EventType::System
                    } else {
                        EventType::Contract
                    },
                    ledger: r.ledger,
                    ledger_closed_at: rfc3339(r.close_time),
                    contract_id: r
                        .contract_id
                        .map(|c| contract_strkey(&c))
                        .unwrap_or_default(),
                    id: event_id(r),
                    paging_token: event_id(r),
                    operation_index: r.op_index,
                    transaction_index: r.tx_index,
                    tx_hash: hex::encode(r.tx_hash),
                    in_successful_contract_call: r.successful,
                    topic: body.topics.iter().map(xdr_b64).collect(),
                    value: xdr_b64(&body.data),
                });
                if events.len() as u64 >= limit {
                    break 'scan;
                }
            }
            if done {
                break;
            }
        }
        // A full page resumes after its last event; a short one after the scanned range.
        let cursor = if events.len() as u64 >= limit {
            events.last().map(|e| e.id.clone()).unwrap_or_default()
        } else {
            format!(
                "{:019}-{:010}",
                toid(end.saturating_sub(1), 0xFFFFF, 0xFFF),
                u32::MAX
            )
        };
        let oldest_time = super::window(&c)?.oldest_close_time;
        to_json(GetEventsResponse {
            events,
            cursor,
            latest_ledger: latest,
            oldest_ledger: oldest,
            latest_ledger_close_time: c.latest().close_time.to_string(),
            oldest_ledger_close_time: oldest_time.to_string(),
        })
    }
}
