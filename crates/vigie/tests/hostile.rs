//! Hostile input, against the real binary and the real server on loopback.
//! Every case is bounded in time, ends with a clear one-line error naming
//! its input (or a correct result), and the rest of the batch is stored.

mod common;
use common::*;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// `vigie ingest ARGS --db DB`, killed if it runs past `limit`.
fn ingest_within(args: &[&std::ffi::OsStr], db: &Path, limit: Duration) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .arg("ingest")
        .args(args)
        .arg("--db")
        .arg(db)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("vigie ingest ran past {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[cfg(unix)]
#[test]
fn a_folder_of_hostile_files_fails_file_by_file_and_stores_the_rest() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let put = |name: &str, bytes: &[u8]| std::fs::write(inputs.join(name), bytes).unwrap();
    put("good.txt", article_text(1).as_bytes());
    assert!(Command::new("mkfifo").arg(inputs.join("pipe.txt")).status().unwrap().success());
    std::os::unix::fs::symlink(".", inputs.join("loop-a")).unwrap();
    std::os::unix::fs::symlink(".", inputs.join("loop-b")).unwrap();
    // One word of a million letters, after a real sentence.
    let word: String = (0..1_000_000).map(|i| (b'a' + (i * 7 % 26) as u8) as char).collect();
    put("word.txt", format!("{} {word}", article_text(2)).as_bytes());
    let deep = format!("<html><body>{}<p>Four people drowned.</p>{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
    put("deep.html", deep.as_bytes());
    put("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    put("archive.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03");
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    put("noise.txt", &noise);
    let mut almost = article_text(3).into_bytes();
    almost.extend_from_slice(b" \xff Les secours d\xc3\xa9nombrent les victimes.");
    put("almost-utf8.txt", &almost);
    let manifest = format!("\u{feff}{}\n", serde_json::json!({"id": "bom-first", "text": article_text(4)}));
    put("bom.jsonl", manifest.as_bytes());
    std::fs::write(inputs.join(std::ffi::OsStr::from_bytes(b"odd\nname-\xe9.txt")), article_text(5)).unwrap();

    let db = dir.path().join("v.db");
    let zero = std::ffi::OsStr::new("/dev/zero");
    let (ok, errors) = ingest_within(&[inputs.as_os_str(), zero], &db, Duration::from_secs(120));
    assert!(!ok, "failures give exit code 1");
    let lines: Vec<&str> = errors.lines().filter(|l| l.starts_with("error: ")).collect();
    let expect = |name: &str, reason: &str| {
        assert!(lines.iter().any(|l| l.contains(name) && l.contains(reason)), "no error for {name} ({reason}) in:\n{errors}");
    };
    expect("pipe.txt", "a FIFO");
    expect("/dev/zero", "a device");
    expect("deep.html", "nested deeper");
    expect("report.txt", "PDF");
    expect("archive.txt", "gzip");
    expect("noise.txt", "");
    assert_eq!(lines.len(), 6, "{errors}");
    assert!(errors.contains("warning: ") && errors.contains("almost-utf8.txt"), "{errors}");
    // An odd name stays on its line, escaped.
    assert!(errors.lines().all(|l| l.starts_with("error: ") || l.starts_with("warning: ") || l.starts_with("ingested ")), "{errors}");

    let ids = stored_ids(&db);
    for id in ["good", "word", "almost-utf8", "bom-first"] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
    assert!(ids.iter().any(|i| i.starts_with("odd")), "{ids:?}");
    let shown = stdout(&vigie(&["show", "almost-utf8", "--json"], &db));
    assert!(shown.contains("dénombrent"), "accents kept: {shown}");
}

#[test]
fn the_server_answers_while_slow_clients_hold_connections() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let server = Server::start(&db, Some("s3cret"));
    let addr = server.addr.clone();
    let mut slow = Vec::new();
    for n in 0..64 {
        let mut stream = TcpStream::connect(&addr).unwrap();
        let head = match n % 3 {
            // A head that never ends...
            0 => "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".to_string(),
            // ...an authorised body that trickles...
            1 => format!("POST /api/ingest HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer s3cret\r\nContent-Length: 100000\r\n\r\n{{"),
            // ...and a body nobody asked for.
            _ => format!("POST /api/stories HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 100000\r\n\r\n"),
        };
        stream.write_all(head.as_bytes()).unwrap();
        slow.push(stream);
    }
    let start = Instant::now();
    for round in 0..3 {
        for s in &mut slow {
            let _ = s.write_all(b"a");
        }
        let asked = Instant::now();
        let (status, health) = server.get("/api/health");
        assert_eq!(status, 200, "round {round}: {health}");
        assert!(asked.elapsed() < Duration::from_secs(1), "health took {:?} with 64 slow clients", asked.elapsed());
        std::thread::sleep(Duration::from_millis(300));
    }
    assert!(start.elapsed() < Duration::from_secs(10));
}

#[test]
fn an_endless_header_line_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let server = Server::start(&db, None);
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.write_all(b"GET /api/health HTTP/1.1\r\nX-Long: ").unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    let mut sent = 0usize;
    // The server stops reading (and closes) long before 64 MiB.
    while sent < 64 << 20 {
        if stream.write_all(&chunk).is_err() {
            break;
        }
        sent += chunk.len();
    }
    assert!(sent < 64 << 20, "the server read a 64 MiB header line");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 431"), "{answer}");
    // Bytes that are not HTTP get an error or a closed connection, never a hang.
    let mut junk = TcpStream::connect(&server.addr).unwrap();
    junk.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    junk.write_all(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n").unwrap();
    let mut reply = Vec::new();
    junk.read_to_end(&mut reply).expect("the server closes the connection");
    assert_eq!(server.get("/api/health").0, 200);
}

#[cfg(target_os = "linux")]
#[test]
fn a_posted_body_is_read_in_memory_and_opens_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let server = Server::start(&db, Some("s3cret"));
    let body = serde_json::json!({"id": "sub/dos ñ", "url": "javascript:alert(1)", "text": article_text(7)}).to_string()
        + "\n"
        + &serde_json::json!({"id": "leak", "file": "/etc/hostname"}).to_string();
    let (status, _, answer) = server.request("POST", "/api/ingest", &[("Authorization", "Bearer s3cret")], body.as_bytes());
    let answer: Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!((status, answer["stored"].as_u64()), (207, Some(1)), "{answer}");
    // Every file the server holds open, past the standard streams it was given, is its database.
    let pid = server.child.id();
    for fd in std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap() {
        let fd = fd.unwrap();
        if matches!(fd.file_name().to_str(), Some("0" | "1" | "2")) {
            continue;
        }
        let Ok(target) = std::fs::read_link(fd.path()) else { continue };
        if target.is_absolute() && target.exists() && target.is_file() {
            assert!(target.starts_with(dir.path().canonicalize().unwrap()) || target.starts_with(dir.path()), "open file {target:?}");
        }
    }
    // The id with a slash, a space and an accent opens through its percent-encoded form.
    let (status, article) = server.get("/api/articles/sub%2Fdos%20%C3%B1");
    assert_eq!(status, 200, "{article}");
    assert_eq!(article["article"]["url"], Value::Null, "a javascript: URL is not kept");
    assert_eq!(server.request("HEAD", "/api/health", &[], b"").2.len(), 0);
    // Another host name (DNS rebinding) is refused.
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream.write_all(b"GET /api/health HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n").unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 421"), "{reply}");
}

#[test]
fn a_public_address_needs_a_token_or_public() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["serve", "--addr", "0.0.0.0:0", "--db"])
        .arg(dir.path().join("v.db"))
        .env_remove("VIGIE_TOKEN")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let message = stderr(&out);
    assert!(message.contains("reachable from other machines") && message.contains("--public"), "{message}");
}

#[test]
fn a_run_waiting_on_its_input_does_not_lock_out_another_writer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    let first = dir.path().join("first.jsonl");
    let line = |id: &str, n: usize| serde_json::json!({"id": id, "text": article_text(n)}).to_string() + "\n";
    std::fs::write(&first, (0..20).map(|n| line(&format!("a{n}"), n)).collect::<String>()).unwrap();
    // The first run stores its manifest, then waits on a standard input that stays open.
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["ingest", first.to_str().unwrap(), "-", "--db", db.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while stored_count(&db) < 20 {
        assert!(Instant::now() < deadline, "the first run stored nothing");
        std::thread::sleep(Duration::from_millis(50));
    }
    let second = dir.path().join("second.jsonl");
    std::fs::write(&second, line("b1", 101)).unwrap();
    let started = Instant::now();
    let out = vigie(&["ingest", second.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(started.elapsed() < Duration::from_secs(8), "the second writer waited {:?}", started.elapsed());
    let mut stdin = waiting.stdin.take().unwrap();
    stdin.write_all(article_text(102).as_bytes()).unwrap();
    drop(stdin);
    assert!(waiting.wait().unwrap().success());
    assert_eq!(stored_count(&db), 22, "both runs stored everything");
}
