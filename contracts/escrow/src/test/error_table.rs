//! The error enum, `errors.json` (what the dApp and the API import) and the README's
//! table must say the same thing.

use std::{format, string::String, vec::Vec};

use crate::Error;

struct Row {
    code: u32,
    name: String,
    message: String,
}

fn json_rows() -> Vec<Row> {
    let text = include_str!("../../errors.json");
    let rows: serde_json::Value = serde_json::from_str(text).expect("errors.json is valid JSON");
    rows.as_array()
        .expect("errors.json is an array")
        .iter()
        .map(|row| Row {
            code: row["code"].as_u64().expect("code") as u32,
            name: row["name"].as_str().expect("name").into(),
            message: row["message"].as_str().expect("message").into(),
        })
        .collect()
}

/// The variant with this code, by its Debug name (None when no variant has it).
fn variant_name(code: u32) -> Option<String> {
    Error::try_from(soroban_sdk::Error::from_contract_error(code))
        .ok()
        .map(|e| format!("{e:?}"))
}

#[test]
fn errors_json_lists_every_variant_with_its_code_and_name() {
    let rows = json_rows();
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row.code,
            i as u32 + 1,
            "codes are 1.. in order, without gaps"
        );
        assert_eq!(
            variant_name(row.code).as_deref(),
            Some(row.name.as_str()),
            "code {}",
            row.code
        );
        assert!(
            row.message.ends_with('.') && row.message.len() > 10,
            "{}: one sentence for users",
            row.name
        );
    }
    // No variant beyond the table.
    for code in rows.len() as u32 + 1..=200 {
        assert_eq!(
            variant_name(code),
            None,
            "code {code} is in the enum but not in errors.json"
        );
    }
}

#[test]
fn readme_error_table_matches_errors_json() {
    let readme = include_str!("../../README.md");
    let table: Vec<(u32, String, String)> = readme
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            let code = cells.first()?.parse::<u32>().ok()?;
            let name = cells.get(1)?.trim_matches('`').into();
            Some((code, name, cells.last()?.to_string()))
        })
        .collect();
    let rows = json_rows();
    assert_eq!(
        table.len(),
        rows.len(),
        "the README's error table has one row per error"
    );
    for (row, (code, name, sentence)) in rows.iter().zip(table) {
        assert_eq!(
            (row.code, &row.name, &row.message),
            (code, &name, &sentence)
        );
    }
}

use std::string::ToString;
