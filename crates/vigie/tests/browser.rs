//! The dashboard in a real browser: headless Chromium driven over WebDriver
//! (Debian's `chromium` and `chromium-driver`). Opens the story list, a
//! story with its chart and map, a search, and an article whose title holds
//! HTML, which must show as text. Leaves a screenshot in
//! `target/test-artifacts/dashboard.png`.
//!
//! Without `chromedriver` on the PATH the test says so and passes, unless
//! `VIGIE_BROWSER_TESTS=1` (CI sets it) makes a missing browser a failure.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP exchange with a JSON body; returns the JSON answer.
fn http(addr: &str, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let mut stream = TcpStream::connect(addr).unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    // Read the head, then exactly the body: the driver may keep the connection open.
    let mut reader = BufReader::new(stream);
    let mut length = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let lower = line.to_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse::<usize>().ok();
        }
        chunked |= lower.starts_with("transfer-encoding:") && lower.contains("chunked");
        if line == "\r\n" || line.is_empty() {
            break;
        }
    }
    let payload = match (length, chunked) {
        (Some(n), _) => {
            let mut buf = vec![0; n];
            reader.read_exact(&mut buf).unwrap();
            buf
        }
        (None, true) => {
            let mut out = Vec::new();
            loop {
                let mut size = String::new();
                reader.read_line(&mut size).unwrap();
                let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
                if n == 0 {
                    break;
                }
                let mut chunk = vec![0; n + 2];
                reader.read_exact(&mut chunk).unwrap();
                out.extend_from_slice(&chunk[..n]);
            }
            out
        }
        (None, false) => {
            let mut buf = Vec::new();
            reader.read_to_end(&mut buf).unwrap();
            buf
        }
    };
    serde_json::from_slice(&payload).unwrap_or(Value::Null)
}

struct Browser {
    driver: String,
    session: String,
    _process: Killed,
}

impl Browser {
    fn start(chromedriver: &Path) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let process =
            Killed(Command::new(chromedriver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
        let driver = format!("127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(&driver).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1100"]}}}});
        let answer = http(&driver, "POST", "/session", Some(&caps));
        let session = answer["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no WebDriver session: {answer}")).to_string();
        Browser { driver, session, _process: process }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        http(&self.driver, method, &format!("/session/{}{path}", self.session), body.as_ref())["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn script(&self, script: &str) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": [] })))
    }

    /// Waits until `script` returns something truthy; returns it.
    fn until(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let v = self.script(script);
            if !(v.is_null() || v == json!(false) || v == json!(0) || v == json!("")) {
                return v;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}; page: {}", self.script("return document.body.innerText"));
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn screenshot(&self, path: &Path) {
        let png = self.call("GET", "/screenshot", None);
        let bytes = base64_decode(png.as_str().unwrap());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(&self.driver, "DELETE", &format!("/session/{}", self.session), None);
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    clean
        .chunks(4)
        .flat_map(|chunk| {
            let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &c)| acc | (value(c) as u32) << (18 - 6 * i));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(chunk.len().saturating_sub(1)).collect::<Vec<_>>()
        })
        .collect()
}

fn find(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?.to_str()?.split(':').map(|d| Path::new(d).join(program)).find(|p| p.is_file())
}

#[test]
fn the_dashboard_shows_stories_charts_maps_and_text_as_text() {
    let Some(chromedriver) = find("chromedriver") else {
        assert!(std::env::var("VIGIE_BROWSER_TESTS").as_deref() != Ok("1"), "VIGIE_BROWSER_TESTS=1 but chromedriver is not installed");
        eprintln!("skipped: chromedriver not installed (apt-get install chromium chromium-driver)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("browser.db");
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/demo");
    // An article whose title and text carry markup: it must reach the page as text.
    let hostile = dir.path().join("hostile.jsonl");
    std::fs::write(
        &hostile,
        r#"{"id":"x1","lang":"en","published":"2025-03-20","title":"<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> Hostile title","text":"<b>Bold</b> claims\n\nAt least 3 people were killed in Elsewhere, the police said on Thursday. <script>window.pwned=3</script>"}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["ingest", samples.join("manifest.jsonl").to_str().unwrap(), hostile.to_str().unwrap(), "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut server = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let _server = Killed(server);
    let base = line.trim().rsplit(' ').next().unwrap().to_string();

    let browser = Browser::start(&chromedriver);
    browser.go(&format!("{base}/#/"));
    let rows = browser.until("the story list", "return document.querySelectorAll('#stories tbody tr').length");
    assert!(rows.as_u64().unwrap() >= 5);
    // The largest story: its chart has lines, its map countries and places.
    browser.script("document.querySelector('#stories tbody tr a').click()");
    browser.until("the toll chart", "return document.querySelectorAll('#toll-chart path.line').length");
    browser.until(
        "the map",
        "return document.querySelectorAll('#map path.country').length > 100 && document.querySelectorAll('#map circle.place').length",
    );
    browser.until("the claims", "return document.querySelectorAll('#claims tbody tr').length");
    browser.screenshot(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/test-artifacts/dashboard.png"));

    // Search from the box.
    browser.script("document.getElementById('q').value = 'Pinga'; document.getElementById('search').requestSubmit()");
    browser.until("search hits", "return document.querySelectorAll('#hits li').length");

    // Markup in an article is shown, not run.
    browser.go(&format!("{base}/#/article/x1"));
    let title = browser.until("the hostile article", "const t = document.getElementById('article-title'); return t && t.textContent");
    assert!(title.as_str().unwrap().starts_with("<img src=x"), "{title}");
    let text = browser.script("return document.getElementById('article-text').textContent");
    assert!(text.as_str().unwrap().contains("<script>window.pwned=3</script>"), "{text}");
    assert_eq!(
        browser.script("return window.pwned === undefined && document.querySelectorAll('main img, main script, main b').length === 0"),
        json!(true)
    );
}
