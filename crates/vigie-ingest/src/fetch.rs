//! Polite HTTP fetching: rustls, timeouts, a size cap, a delay between two
//! requests to the same host, and a User-Agent that says who is asking.

use crate::read::{sniff, Format};
use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

pub const USER_AGENT: &str = concat!("vigie/", env!("CARGO_PKG_VERSION"), " (news figures research; offline-first)");

/// A fetched page.
#[derive(Debug)]
pub struct Page {
    /// The final URL, after redirects.
    pub url: String,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub charset: Option<String>,
}

impl Page {
    /// The page's format, from its content type, else its first bytes.
    pub fn format(&self) -> Format {
        let ct = self.content_type.as_deref().unwrap_or("").to_ascii_lowercase();
        if ct.contains("rss") || ct.contains("atom") {
            Format::Feed
        } else if ct.contains("html") {
            match sniff(&self.body) {
                Format::Feed => Format::Feed,
                _ => Format::Html,
            }
        } else {
            sniff(&self.body)
        }
    }
}

pub struct Fetcher {
    agent: ureq::Agent,
    max_bytes: u64,
    per_host_delay: Duration,
    last_request: HashMap<String, Instant>,
}

impl Fetcher {
    pub fn new(max_bytes: u64) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .timeout_connect(Some(Duration::from_secs(10)))
            .user_agent(USER_AGENT)
            .max_redirects(5)
            .build()
            .into();
        Fetcher { agent, max_bytes, per_host_delay: Duration::from_secs(1), last_request: HashMap::new() }
    }

    /// The delay between two requests to one host (one second by default).
    pub fn with_per_host_delay(mut self, delay: Duration) -> Self {
        self.per_host_delay = delay;
        self
    }

    /// GETs `url`; any failure is a one-line reason.
    pub fn get(&mut self, url: &str) -> Result<Page, String> {
        let parsed = url::Url::parse(url).map_err(|e| format!("not a valid URL: {e}"))?;
        let host = parsed.host_str().unwrap_or("").to_string();
        if let Some(last) = self.last_request.get(&host) {
            let wait = self.per_host_delay.saturating_sub(last.elapsed());
            std::thread::sleep(wait);
        }
        self.last_request.insert(host, Instant::now());
        let mut response = self.agent.get(url).call().map_err(|e| format!("HTTP request failed: {e}"))?;
        let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_string);
        let charset = content_type
            .as_deref()
            .and_then(|ct| ct.split(';').find_map(|p| p.trim().strip_prefix("charset=")))
            .map(|c| c.trim_matches('"').to_string());
        let mut body = Vec::new();
        response
            .body_mut()
            .as_reader()
            .take(self.max_bytes + 1)
            .read_to_end(&mut body)
            .map_err(|e| format!("reading the response failed: {e}"))?;
        if body.len() as u64 > self.max_bytes {
            return Err(format!("response larger than the {} MB size cap", self.max_bytes as f64 / 1_048_576.0));
        }
        Ok(Page { url: url.to_string(), body, content_type, charset })
    }
}

/// The outlet of a URL: its host without `www.`.
pub fn outlet_of(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    /// Serves `responses` in order on a loopback port, one per connection.
    fn serve(responses: Vec<String>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for response in responses {
                let (mut stream, _) = listener.accept().unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap() > 2 {
                    line.clear();
                }
                stream.write_all(response.as_bytes()).unwrap();
            }
        });
        format!("http://{addr}")
    }

    fn ok(content_type: &str, body: &str) -> String {
        format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
    }

    #[test]
    fn fetches_a_page_over_real_http() {
        let base = serve(vec![ok("text/html; charset=utf-8", "<html><body><p>hi</p></body></html>")]);
        let page = Fetcher::new(1 << 20).get(&format!("{base}/a")).unwrap();
        assert_eq!(page.format(), Format::Html);
        assert_eq!(page.charset.as_deref(), Some("utf-8"));
    }

    #[test]
    fn http_errors_and_oversized_bodies_are_reasons() {
        let base = serve(vec![
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
            ok("text/plain", &"x".repeat(100)),
        ]);
        let mut fetcher = Fetcher::new(50).with_per_host_delay(Duration::ZERO);
        assert!(fetcher.get(&format!("{base}/missing")).unwrap_err().contains("404"));
        assert!(fetcher.get(&format!("{base}/big")).unwrap_err().contains("size cap"));
    }

    #[test]
    fn outlets_drop_www() {
        assert_eq!(outlet_of("https://www.rtl.be/x").as_deref(), Some("rtl.be"));
        assert_eq!(outlet_of("not a url"), None);
    }
}
