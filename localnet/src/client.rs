//! A small blocking HTTP/1.1 client for plain `http://` JSON-RPC: fork mode's upstream,
//! the benchmark and the tests all use this one. A `Client` keeps its connection
//! open between calls (as the SDK's fetch does) and reconnects once when the server
//! closed it; answers are read by `Content-Length`, chunked, or to the end.

use anyhow::{anyhow, bail, Context, Result};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// Largest answer read (getLedgerEntries can carry many 128 KiB Wasm entries).
const MAX_ANSWER: usize = 64 * 1024 * 1024;

/// Where an `http://host:port/path` URL points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `host:port`
    pub authority: String,
    pub path: String,
}

impl Target {
    /// Parses `http://host[:port][/path]`; https is refused (there is no TLS client).
    pub fn parse(url: &str) -> Result<Target> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| anyhow!("{url:?}: only http:// URLs are supported"))?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if authority.is_empty() {
            bail!("{url:?} has no host");
        }
        let authority = if authority.contains(':') {
            authority.to_string()
        } else {
            format!("{authority}:80")
        };
        Ok(Target {
            authority,
            path: path.to_string(),
        })
    }
}

/// An HTTP answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One server, one kept-alive connection.
pub struct Client {
    authority: String,
    timeout: Duration,
    conn: Option<BufReader<TcpStream>>,
}

impl Client {
    /// A client of `host:port`; nothing is connected until the first request.
    pub fn new(authority: impl Into<String>) -> Client {
        Client {
            authority: authority.into(),
            timeout: Duration::from_secs(30),
            conn: None,
        }
    }

    /// A client of 127.0.0.1 at `port`.
    pub fn local(port: u16) -> Client {
        Client::new(format!("127.0.0.1:{port}"))
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Client {
        self.timeout = timeout;
        self
    }

    /// `method path` with a JSON body (empty for none). A kept-alive connection that the
    /// server has closed meanwhile is reopened once.
    pub fn request(&mut self, method: &str, path: &str, body: &[u8]) -> Result<Answer> {
        let reused = self.conn.is_some();
        match self.try_request(method, path, body) {
            Err(_) if reused => {
                self.conn = None;
                self.try_request(method, path, body)
            }
            other => other,
        }
    }

    /// One JSON-RPC call at `path`: its `result`, or an error carrying the RPC error.
    pub fn rpc(&mut self, path: &str, method: &str, params: impl Serialize) -> Result<Value> {
        let call = Call {
            jsonrpc: "2.0",
            id: 1,
            method,
            params,
        };
        let answer = self.request("POST", path, &serde_json::to_vec(&call)?)?;
        if answer.status != 200 {
            bail!("{method}: HTTP {} from {}", answer.status, self.authority);
        }
        let mut v: Value = serde_json::from_slice(&answer.body)
            .with_context(|| format!("{method}: the answer is not JSON"))?;
        if let Some(e) = v.get("error") {
            bail!("{method} at {}: {e}", self.authority);
        }
        v.get_mut("result")
            .map(Value::take)
            .ok_or_else(|| anyhow!("{method}: the answer has no result"))
    }

    fn connect(&mut self) -> Result<&mut BufReader<TcpStream>> {
        if self.conn.is_none() {
            let addr = self
                .authority
                .to_socket_addrs()?
                .next()
                .ok_or_else(|| anyhow!("cannot resolve {}", self.authority))?;
            let s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
                .with_context(|| format!("connecting to {}", self.authority))?;
            s.set_read_timeout(Some(self.timeout))?;
            s.set_nodelay(true)?;
            self.conn = Some(BufReader::new(s));
        }
        Ok(self.conn.as_mut().expect("connected"))
    }

    fn try_request(&mut self, method: &str, path: &str, body: &[u8]) -> Result<Answer> {
        let host = self.authority.trim_end_matches(":80").to_string();
        let conn = self.connect()?;
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let mut request = head.into_bytes();
        request.extend_from_slice(body);
        conn.get_mut().write_all(&request)?;
        let (answer, keep) = read_answer(conn)?;
        if !keep {
            self.conn = None;
        }
        Ok(answer)
    }
}

#[derive(Serialize)]
struct Call<'a, P> {
    jsonrpc: &'static str,
    id: u32,
    method: &'a str,
    params: P,
}

/// Reads one answer; says whether the connection may be used again.
fn read_answer(r: &mut impl BufRead) -> Result<(Answer, bool)> {
    let mut line = String::new();
    r.read_line(&mut line)?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| anyhow!("not an HTTP answer: {:?}", line.trim_end()))?;
    let http10 = line.starts_with("HTTP/1.0");
    let (mut length, mut chunked, mut close) = (None, false, http10);
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            bail!("the connection closed inside the headers");
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = Some(value.parse::<usize>()?),
            "transfer-encoding" => chunked = value.contains("chunked"),
            "connection" => close = value.contains("close"),
            _ => {}
        }
    }
    let body = if chunked {
        read_chunked(r)?
    } else if let Some(n) = length {
        if n > MAX_ANSWER {
            bail!("an answer of {n} bytes is more than {MAX_ANSWER}");
        }
        let mut body = vec![0; n];
        r.read_exact(&mut body)?;
        body
    } else {
        close = true;
        let mut body = vec![];
        r.take(MAX_ANSWER as u64).read_to_end(&mut body)?;
        body
    };
    Ok((Answer { status, body }, !close))
}

fn read_chunked(r: &mut impl BufRead) -> Result<Vec<u8>> {
    let mut body = vec![];
    let mut line = String::new();
    loop {
        line.clear();
        r.read_line(&mut line)?;
        let size_text = line.trim_end().split(';').next().unwrap_or_default();
        let size = usize::from_str_radix(size_text, 16)
            .with_context(|| format!("a bad chunk size {size_text:?}"))?;
        if body.len() + size > MAX_ANSWER {
            bail!("a chunked answer of more than {MAX_ANSWER} bytes");
        }
        let start = body.len();
        body.resize(start + size, 0);
        r.read_exact(&mut body[start..])?;
        line.clear();
        r.read_line(&mut line)?; // the CRLF after the chunk (or the end of the trailers)
        if size == 0 {
            return Ok(body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> (u16, String, bool) {
        let (a, keep) = read_answer(&mut raw.as_bytes()).unwrap();
        (a.status, a.text(), keep)
    }

    #[test]
    fn answers_by_length_chunks_or_to_the_end() {
        assert_eq!(
            read("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nhiXX"),
            (200, "hi".into(), true)
        );
        assert_eq!(
            read("HTTP/1.1 400 Bad\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n"),
            (400, "abcde".into(), true)
        );
        assert_eq!(
            read("HTTP/1.0 200 OK\r\n\r\nall of it"),
            (200, "all of it".into(), false)
        );
        assert!(!read("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx").2);
        assert!(read_answer(&mut "garbage\r\n\r\n".as_bytes()).is_err());
    }

    #[test]
    fn urls_are_http_with_a_host() {
        let t = Target::parse("http://127.0.0.1:8000/rpc").unwrap();
        assert_eq!(
            (t.authority.as_str(), t.path.as_str()),
            ("127.0.0.1:8000", "/rpc")
        );
        assert_eq!(
            Target::parse("http://rpc.local").unwrap().authority,
            "rpc.local:80"
        );
        assert_eq!(Target::parse("http://rpc.local").unwrap().path, "/");
        assert!(Target::parse("https://rpc.example").is_err());
        assert!(Target::parse("http:///rpc").is_err());
    }
}
